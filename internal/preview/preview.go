// Package preview serves a draft of a site on this computer while staff
// edit it: it builds into a private temporary folder (never the published
// destination, never its history), rebuilds when an input changes, makes
// open pages reload themselves, marks every page as a preview, and shows
// the data's problems in the browser instead of stopping.
//
// Nothing it adds to a page (the banner, the reload script) is in the
// built files: the server adds them to the HTML it sends.
package preview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/msg"
)

// BuildFunc builds the draft site into dest, a folder of the preview's
// own. It must stop soon when ctx is cancelled.
type BuildFunc func(ctx context.Context, dest string) error

// Options configure Serve.
type Options struct {
	Source string    // the site folder, watched
	Inputs []string  // what a build reads in it: folders and files, relative
	Addr   string    // host:port; the host must be a loopback address
	Lang   string    // of the messages, the banner and the problems page
	Build  BuildFunc // one build of the draft
	Out    io.Writer // the address, once the preview listens
	Log    io.Writer // how each build went
	// Quiet is how long the inputs must stay unchanged before a rebuild
	// starts, so that a burst of saves makes one build. Zero means 150 ms.
	Quiet time.Duration
}

// EventsPath is the address of the reload notifications (Server-Sent
// Events). It starts with "_", which no address of the site does.
const EventsPath = "/_minhbach/events"

// Serve builds the site and serves it at opt.Addr until ctx is cancelled,
// then removes its temporary folder. It returns nil after a cancellation,
// and an error when it cannot start (the address is taken, the site
// cannot be watched).
func Serve(ctx context.Context, opt Options) error {
	if err := CheckAddr(opt.Addr); err != nil {
		return err
	}
	if opt.Quiet == 0 {
		opt.Quiet = 150 * time.Millisecond
	}
	priv, err := os.MkdirTemp("", "minhbach-preview-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(priv)

	ln, err := net.Listen("tcp", opt.Addr)
	if err != nil {
		return msgListen.Err(opt.Addr, err)
	}
	defer ln.Close()
	w, err := newWatcher(opt.Source, opt.Inputs)
	if err != nil {
		return msgWatch.Err(opt.Source, err)
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := newServer(filepath.Join(priv, "site"), opt.Lang)
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		// Requests end with the preview: the reload streams would
		// otherwise keep Shutdown waiting.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() {
		served <- srv.Serve(ln)
		cancel()
	}()
	changes := make(chan struct{}, 1)
	go w.run(ctx, changes)

	fmt.Fprintln(opt.Out, msgServing.With("http://"+ln.Addr().String()+"/").In(opt.Lang))
	r := rebuilder{build: opt.Build, dest: s.dir, quiet: opt.Quiet, done: func(err error, took time.Duration) {
		s.publish(err)
		logBuild(opt.Log, opt.Lang, err, took)
	}}
	r.run(ctx, changes)

	shut, stop := context.WithTimeout(context.Background(), 5*time.Second)
	defer stop()
	_ = srv.Shutdown(shut) // requests are cancelled already; a stuck client is cut off
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	if err := os.RemoveAll(priv); err != nil {
		return err
	}
	fmt.Fprintln(opt.Log, msgStopped.With().In(opt.Lang))
	return nil
}

// CheckAddr refuses an address that is not on this computer: a draft is
// not for the network.
func CheckAddr(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return msgNotLocal.Err(addr)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return msgNotLocal.Err(addr)
	}
	return nil
}

// logBuild says how a build went, on the terminal: the problems one per
// line, as check prints them.
func logBuild(w io.Writer, lang string, err error, took time.Duration) {
	if err == nil {
		fmt.Fprintln(w, msgBuilt.With(locale.Duration(took)).In(lang))
		return
	}
	problems := diag.All(err)
	if len(problems) == 0 {
		fmt.Fprintln(w, msgFailed.With(msg.ErrorIn(err, lang)).In(lang))
		return
	}
	for _, p := range problems {
		fmt.Fprintln(w, p.Line(lang))
	}
	m := msgBroken
	if len(problems) == 1 {
		m = msgBrokenOne
	}
	fmt.Fprintln(w, m.With(len(problems)).In(lang))
}

// rebuilder runs one build at a time. A change cancels the running build
// (its result is stale) and starts the quiet timer again; a build starts
// when the timer fires and no build is running. The first build starts at
// once.
type rebuilder struct {
	build BuildFunc
	dest  string
	quiet time.Duration
	done  func(err error, took time.Duration) // each build that was not cancelled
}

func (r rebuilder) run(ctx context.Context, changes <-chan struct{}) {
	type outcome struct {
		err       error
		took      time.Duration
		cancelled bool
	}
	quiet := time.NewTimer(0)
	defer quiet.Stop()
	var (
		cancel   context.CancelFunc // of the running build; nil when none runs
		finished chan outcome
		due      bool // the timer fired: build as soon as none runs
	)
	for {
		select {
		case <-ctx.Done():
			if cancel != nil {
				cancel()
				<-finished
			}
			return
		case <-changes:
			if cancel != nil {
				cancel()
			}
			due = false
			quiet.Reset(r.quiet)
		case <-quiet.C:
			due = true
		case o := <-finished:
			cancel, finished = nil, nil
			if !o.cancelled {
				r.done(o.err, o.took)
			}
		}
		if due && cancel == nil {
			due = false
			var bctx context.Context
			bctx, cancel = context.WithCancel(ctx)
			finished = make(chan outcome, 1)
			go func(ctx context.Context, out chan<- outcome) {
				start := time.Now()
				err := r.build(ctx, r.dest)
				// A build that finished before the change came is whole:
				// it is shown, and the next one follows.
				out <- outcome{err: err, took: time.Since(start), cancelled: err != nil && ctx.Err() != nil}
			}(bctx, finished)
		}
	}
}

// state is the outcome of the latest build, and a channel closed when the
// next one is known.
type state struct {
	gen  int   // builds done; 0 until the first
	err  error // of the latest build; its site is the last good one
	next chan struct{}
}

type server struct {
	dir  string // the built draft site, replaced whole by each build
	lang string
	mux  *http.ServeMux

	mu sync.Mutex
	st state
}

func newServer(dir, lang string) *server {
	s := &server{dir: dir, lang: lang, mux: http.NewServeMux(), st: state{next: make(chan struct{})}}
	s.mux.HandleFunc("GET "+EventsPath, s.events)
	s.mux.HandleFunc("GET /", s.page)
	return s
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// publish records a build's outcome and wakes whoever waits for it.
func (s *server) publish(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	close(s.st.next)
	s.st = state{gen: s.st.gen + 1, err: err, next: make(chan struct{})}
}

func (s *server) state() state {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st
}

// built waits for the first build, or for ctx.
func (s *server) built(ctx context.Context) (state, bool) {
	for {
		st := s.state()
		if st.gen > 0 {
			return st, true
		}
		select {
		case <-st.next:
		case <-ctx.Done():
			return st, false
		}
	}
}

// events streams the number of the latest build, at once and after each
// build; the page's script reloads when it differs from the one it was
// served with. Comments every 15 s keep the stream open through proxies
// and find clients that left.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	tick := time.NewTicker(15 * time.Second)
	defer tick.Stop()
	sent := -1
	for {
		st := s.state()
		if st.gen != sent {
			if _, err := fmt.Fprintf(w, "data: %d\n\n", st.gen); err != nil {
				return
			}
			flusher.Flush()
			sent = st.gen
		}
		select {
		case <-st.next:
		case <-tick.C:
			if _, err := io.WriteString(w, ": \n\n"); err != nil {
				return
			}
			flusher.Flush()
		case <-r.Context().Done():
			return
		}
	}
}
