package progress

import (
	"strings"
	"testing"
	"time"
)

// fake is a clock that moves only when told.
type fake struct{ t time.Time }

func (f *fake) now() time.Time { return f.t }

func TestTerminalLine(t *testing.T) {
	var out strings.Builder
	l := New(&out, "vi", true, false)
	clock := &fake{time.Unix(0, 0)}
	l.now = clock.now
	l.Step(Load)
	clock.t = clock.t.Add(time.Second)
	l.Step(Render)
	clock.t = clock.t.Add(time.Second)
	l.Count(120, 1750)
	l.Count(121, 1750) // within a tenth of a second: not drawn
	l.Done()
	want := "minhbach: đang đọc và kiểm tra số liệu…" +
		"\r" + strings.Repeat(" ", 39) + "\r" + "minhbach: đang dựng trang…" +
		"\r" + strings.Repeat(" ", 26) + "\r" + "minhbach: đang dựng trang 120/1.750…" +
		"\r" + strings.Repeat(" ", 36) + "\r"
	if got := out.String(); got != want {
		t.Errorf("terminal:\n got %q\nwant %q", got, want)
	}
}

func TestVerboseOffATerminal(t *testing.T) {
	var out strings.Builder
	l := New(&out, "en", false, true)
	clock := &fake{time.Unix(0, 0)}
	l.now = clock.now
	l.Step(Load)
	clock.t = clock.t.Add(1500 * time.Millisecond)
	l.Step(Render)
	l.Count(1, 2)
	clock.t = clock.t.Add(2 * time.Second)
	l.Done()
	want := "minhbach: reading and checking the data: 1.5s\nminhbach: rendering pages: 2.0s\n"
	if got := out.String(); got != want {
		t.Errorf("verbose:\n got %q\nwant %q", got, want)
	}
}

// Off a terminal and not verbose: nothing at all, and a nil Line is safe.
func TestSilent(t *testing.T) {
	var out strings.Builder
	l := New(&out, "vi", false, false)
	if l != nil {
		t.Fatal("New returned a Line that would print off a terminal")
	}
	l.Step(Load)
	l.Count(1, 2)
	l.Done()
	if out.Len() != 0 || IsTerminal(&out) {
		t.Errorf("printed %q", out.String())
	}
}
