package locale

import (
	"time"

	"github.com/minhbach/minhbach/internal/model"
)

// The types below are arguments of messages (package msg): each says
// itself in the message's language, through the functions of this
// package, when the message is printed. String is the English form.

// Day is a date in a message: vi "01/04/2025" as Date writes it, en
// "2025-04-01" (ISO 8601, the form of logs and programs).
type Day time.Time

// In is d in lang.
func (d Day) In(lang string) string {
	if isEN(model.Lang(lang)) {
		return time.Time(d).Format(time.DateOnly)
	}
	return Date(model.VI, time.Time(d))
}

// String is d in English.
func (d Day) String() string { return d.In(string(model.EN)) }

// Size is a number of bytes in a message, in megabytes: see Megabytes.
type Size int64

// In is s in lang.
func (s Size) In(lang string) string { return Megabytes(model.Lang(lang), int64(s)) }

// String is s in English.
func (s Size) String() string { return s.In(string(model.EN)) }

// Duration is a time taken, in a message, in seconds: see Seconds.
type Duration time.Duration

// In is d in lang.
func (d Duration) In(lang string) string { return Seconds(model.Lang(lang), time.Duration(d)) }

// String is d in English.
func (d Duration) String() string { return d.In(string(model.EN)) }

// Reporters is who reported, in a message: see Coverage ("2/28 đơn vị đã
// báo cáo", "2 of 28 units reported").
type Reporters struct{ Reported, Expected int }

// In is r in lang.
func (r Reporters) In(lang string) string { return Coverage(model.Lang(lang), r.Reported, r.Expected) }

// String is r in English.
func (r Reporters) String() string { return r.In(string(model.EN)) }
