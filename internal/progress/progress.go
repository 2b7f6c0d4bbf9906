// Package progress shows the steps of a long command (reading the data,
// computing, the downloads, rendering N/M pages, publishing) on one line
// of a terminal, rewritten in place, so a national build does not sit
// silent for minutes. Off a terminal it prints nothing, so logs and
// scripts see only the result; with Verbose it prints each step's time
// on a line of its own, terminal or not. A nil *Line does nothing.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/msg"
)

// Line is the progress of one command.
type Line struct {
	w       io.Writer
	lang    string
	tty     bool
	verbose bool
	now     func() time.Time

	mu        sync.Mutex
	step      msg.Text
	stepStart time.Time
	drawn     time.Time
	width     int // of the text on the line, to clear it
}

// New shows progress on w in lang: on the line itself when tty, the steps'
// times when verbose. It returns nil, which shows nothing, when neither.
func New(w io.Writer, lang string, tty, verbose bool) *Line {
	if !tty && !verbose {
		return nil
	}
	return &Line{w: w, lang: lang, tty: tty, verbose: verbose, now: time.Now}
}

// IsTerminal reports whether w is a terminal (and not a file or a pipe).
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Step ends the step under way and starts m.
func (l *Line) Step(m *msg.Message) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.end()
	l.step, l.stepStart = m.With(), l.now()
	l.draw(l.step.In(l.lang))
}

// Count says how far the step has got: "đang dựng trang 120/175". It is
// drawn at most ten times a second.
func (l *Line) Count(done, total int) {
	if l == nil || !l.tty {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.step.IsZero() || l.now().Sub(l.drawn) < 100*time.Millisecond {
		return
	}
	l.draw(fmt.Sprintf("%s %s/%s", l.step.In(l.lang), locale.Number(langOf(l.lang), float64(done), 0), locale.Number(langOf(l.lang), float64(total), 0)))
}

// Done ends the last step and clears the line, before the command says
// what it did.
func (l *Line) Done() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.end()
}

// end ends the step under way: clears the line, and says its time when
// verbose. Called with l.mu held.
func (l *Line) end() {
	if l.step.IsZero() {
		return
	}
	l.clear()
	if l.verbose {
		fmt.Fprintln(l.w, msgTook.With(l.step, locale.Duration(l.now().Sub(l.stepStart))).In(l.lang))
	}
	l.step = msg.Text{}
}

func (l *Line) draw(s string) {
	if !l.tty {
		return
	}
	l.clear()
	s = "minhbach: " + s + "…"
	fmt.Fprint(l.w, s)
	l.width, l.drawn = len([]rune(s)), l.now()
}

func (l *Line) clear() {
	if !l.tty || l.width == 0 {
		return
	}
	// Back to the start of the line, blank it, back again: plain
	// carriage returns and spaces, which every terminal understands.
	fmt.Fprintf(l.w, "\r%*s\r", l.width, "")
	l.width = 0
}
