package cli_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/minhbach/minhbach/internal/cli"
)

// The scripts' preview commands (see TestScripts):
//
//	serve-bg [ARGS...]      start minhbach serve on the script's folder, on
//	                        a free port of 127.0.0.1, in the background
//	httpget [-until RE] PATH
//	                        GET PATH from it: stdout is "HTTP <status>" and
//	                        the body; with -until, ask again (for up to a
//	                        minute) until the body matches RE, as a browser
//	                        reloaded after a save would
//	serve-stop              stop it (Ctrl-C); stdout and stderr are what it
//	                        printed

type serving struct {
	url    string
	cancel context.CancelFunc
	done   chan int
	out    *syncBuffer
	errb   *syncBuffer
}

type servingKey struct{}

var servingURL = regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)

func cmdServeBg(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("usage: serve-bg [ARGS...]")
	}
	st := state(ts)
	if st.serving != nil {
		ts.Fatalf("serve-bg: already serving at %s", st.serving.url)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &serving{cancel: cancel, done: make(chan int, 1), out: &syncBuffer{}, errb: &syncBuffer{}}
	// The site's folder is given in full: serve does not depend on the
	// working directory, so it runs beside the other scripts' commands.
	argv := append([]string{"serve", "--site", ts.MkAbs("."), "--addr", "127.0.0.1:0"}, args...)
	go func() { s.done <- cli.Main(ctx, argv, cli.Env{Stdout: s.out, Stderr: s.errb, Now: today}) }()
	ts.Defer(func() { stopServing(s) })
	for deadline := time.Now().Add(time.Minute); ; {
		if u := servingURL.FindString(s.out.String()); u != "" {
			s.url = u
			break
		}
		select {
		case code := <-s.done:
			ts.Fatalf("serve-bg: serve exited with %d:\n%s%s", code, s.out.String(), s.errb.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			ts.Fatalf("serve-bg: no address after a minute:\n%s%s", s.out.String(), s.errb.String())
		}
	}
	st.serving = s
	ts.Logf("serving at %s", s.url)
}

func stopServing(s *serving) int {
	s.cancel()
	select {
	case code := <-s.done:
		s.done <- code
		return code
	case <-time.After(30 * time.Second):
		return -1
	}
}

func cmdHTTPGet(ts *testscript.TestScript, neg bool, args []string) {
	var until *regexp.Regexp
	if len(args) == 3 && args[0] == "-until" {
		until = regexp.MustCompile(args[1])
		args = args[2:]
	}
	if neg || len(args) != 1 {
		ts.Fatalf("usage: httpget [-until RE] PATH")
	}
	s := state(ts).serving
	if s == nil {
		ts.Fatalf("httpget: nothing served (serve-bg first)")
	}
	get := func() (int, []byte) {
		resp, err := http.Get(s.url + args[0][1:])
		ts.Check(err)
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		ts.Check(err)
		return resp.StatusCode, body
	}
	code, body := get()
	for deadline := time.Now().Add(time.Minute); until != nil && !until.Match(body); code, body = get() {
		if time.Now().After(deadline) {
			ts.Fatalf("httpget %s: no body matching %q after a minute; last HTTP %d:\n%s\nserve said:\n%s", args[0], until, code, body, s.errb.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	fmt.Fprintf(ts.Stdout(), "HTTP %d\n%s", code, body)
}

func cmdServeStop(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: serve-stop")
	}
	st := state(ts)
	s := st.serving
	if s == nil {
		ts.Fatalf("serve-stop: nothing served")
	}
	code := stopServing(s)
	st.serving = nil
	fmt.Fprint(ts.Stdout(), s.out.String())
	fmt.Fprint(ts.Stderr(), s.errb.String())
	if code != 0 {
		ts.Fatalf("serve exited with %d", code)
	}
}
