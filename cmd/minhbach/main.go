// Command minhbach builds a static website of charts, tables and progress
// reports from CSV snapshots of e-government indicators.
//
//	minhbach build [--source DIR] [--dest DIR]   check the data and publish the site
//	minhbach check [--source DIR]                check the data only
//
// Exit codes: 0 success, 1 problems in the data or the build, 2 usage errors.
package main

import (
	"os"
	"time"

	"github.com/minhbach/minhbach/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now}))
}
