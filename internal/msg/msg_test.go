package msg_test

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/minhbach/minhbach/internal/msg"
)

var (
	msgNotNumber = msg.New("không phải là số: hãy viết %s, %s", "not a number: write %s, %s")
	msgWithDot   = msg.New("dùng dấu chấm", "with a dot")
	msgReorder   = msg.New("%[2]s sau %[1]s", "%[1]s before %[2]s")
	msgPercent   = msg.New("bỏ dấu %%", "without %%")
	msgLocked    = msg.New("không xuất bản được vào %q: %v", "cannot publish to %q: %v")
	errBusy      = msg.New("đang bận", "busy").Err()
)

// day says itself per language, as locale's arguments do.
type day string

func (d day) In(lang string) string {
	if lang == msg.EN {
		return "2025-04-01"
	}
	return "01/04/2025"
}

func TestTextIn(t *testing.T) {
	for _, tt := range []struct {
		text     msg.Text
		vi, en   string
		argument string
	}{
		{msgNotNumber.With("12.5", msgWithDot.With()), "không phải là số: hãy viết 12.5, dùng dấu chấm", "not a number: write 12.5, with a dot", "a Text inside a Text"},
		{msgReorder.With("a", "b"), "b sau a", "a before b", "reordered"},
		{msgPercent.With(), "bỏ dấu %", "without %", "a literal %"},
		{msgNotNumber.With(day(""), "7"), "không phải là số: hãy viết 01/04/2025, 7", "not a number: write 2025-04-01, 7", "a Localized argument"},
	} {
		if got := tt.text.In(msg.VI); got != tt.vi {
			t.Errorf("%s: vi %q, want %q", tt.argument, got, tt.vi)
		}
		if got := tt.text.In(msg.EN); got != tt.en || tt.text.String() != tt.en {
			t.Errorf("%s: en %q (String %q), want %q", tt.argument, got, tt.text.String(), tt.en)
		}
		if got := tt.text.In(""); got != tt.vi {
			t.Errorf("%s: the default language is Vietnamese, got %q", tt.argument, got)
		}
	}
	var zero msg.Text
	if !zero.IsZero() || zero.In(msg.VI) != "" || zero.String() != "" {
		t.Errorf("zero Text: %q", zero.String())
	}
	if tx := msgReorder.With("a", "b"); tx.Message() != msgReorder || len(tx.Args()) != 2 || tx.IsZero() {
		t.Errorf("Message %p, Args %v", tx.Message(), tx.Args())
	}
}

// TestErr: an error of the catalogue is English to Go, either language to
// people, and keeps the identity of the errors it is given.
func TestErr(t *testing.T) {
	err := msgLocked.Err("public", errBusy)
	if got, want := err.Error(), `cannot publish to "public": busy`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := msg.ErrorIn(err, msg.VI), `không xuất bản được vào "public": đang bận`; got != want {
		t.Errorf("ErrorIn(vi) = %q, want %q", got, want)
	}
	if !errors.Is(err, errBusy) {
		t.Error("errors.Is does not see the error argument")
	}
	wrapped := msgLocked.Err("x", &fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission})
	var pe *fs.PathError
	if !errors.As(wrapped, &pe) || !errors.Is(wrapped, fs.ErrPermission) {
		t.Error("errors.As does not see the error argument")
	}
	var me *msg.Error
	if !errors.As(fmt.Errorf("build: %w", err), &me) || me.In(msg.EN) != err.Error() {
		t.Error("errors.As does not find the *msg.Error")
	}
	// An error from elsewhere is said as it is.
	if got := msg.ErrorIn(fs.ErrNotExist, msg.VI); got != fs.ErrNotExist.Error() {
		t.Errorf("ErrorIn(other) = %q", got)
	}
}
