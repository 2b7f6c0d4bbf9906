// Command minhbach builds a static website of charts, tables and progress
// reports from CSV snapshots of e-government indicators.
//
//	minhbach build [--site DIR] [--dest DIR]   check the data and publish the site
//	minhbach check [--site DIR]                check the data only
//	minhbach publish --to TARGET                 publish a new release, keeping earlier ones
//	minhbach rollback --to TARGET [--release ID] make an earlier release live again
//	minhbach releases --to TARGET                list the releases kept
//
// Exit codes: 0 success, 1 problems in the data or the build, 2 usage errors.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/minhbach/minhbach/internal/cli"
)

// memoryLimit is the heap size above which the garbage collector works
// harder, unless GOMEMLIMIT says otherwise: a national build (3,321
// communes, 20 quarters) holds about 1.3 GB live at its peak, and without
// a limit the heap doubles that before collecting, past what a staff
// laptop can spare. Small sites never reach it.
const memoryLimit = 1536 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	// Ctrl-C or a service manager's TERM cancels the run: a build stops
	// before it publishes, and the published site stays as it was.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	stopProfile := profile()
	code := cli.Main(ctx, os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now})
	stopProfile()
	stop()
	os.Exit(code)
}

// profile writes a CPU profile of the run to $MINHBACH_CPUPROFILE, for
// `go tool pprof`: where a build of real data spends its time.
func profile() (stop func()) {
	name := os.Getenv("MINHBACH_CPUPROFILE")
	if name == "" {
		return func() {}
	}
	f, err := os.Create(name)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		os.Stderr.WriteString("minhbach: MINHBACH_CPUPROFILE: " + err.Error() + "\n")
		return func() {}
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}
