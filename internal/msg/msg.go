// Package msg is the catalogue of what minhbach says to people. Each
// message is declared once, as a value holding its Vietnamese and its
// English form side by side, in the package that says it:
//
//	var msgLocked = msg.New(
//		"không xuất bản được vào %q: %v (%s); hãy chờ lần đó xong rồi chạy lại",
//		"cannot publish to %q: %v (%s); wait for it to finish, then try again")
//
// The two forms are fmt formats that take the same arguments with the same
// verbs; a translation may reorder them with indexed verbs (%[2]s). Words
// are chosen when the message is printed, in the language asked for:
// "en" is English, anything else Vietnamese, the default.
//
// There is no registry to fill: a message is a variable of its package,
// passed where it is said. TestCatalogue reads every call of New in the
// module and checks that both forms are literals, that they take the same
// arguments, and that the Vietnamese form reads as Vietnamese.
package msg

import "fmt"

// The languages of messages.
const (
	VI = "vi"
	EN = "en"
)

// Message is one message in both languages. Make it with New.
type Message struct{ vi, en string }

// New declares a message: vi and en are fmt formats taking the same
// arguments. English is lower-case with no final period, what is wrong
// then, after a colon, what to do; Vietnamese says the same.
func New(vi, en string) *Message { return &Message{vi: vi, en: en} }

// format is m's format in lang.
func (m *Message) format(lang string) string {
	if lang == EN {
		return m.en
	}
	return m.vi
}

// With gives m its arguments.
func (m *Message) With(args ...any) Text { return Text{m: m, args: args} }

// Err returns m with its arguments as an error: Error() is the English
// text, In gives either language, and the arguments that are errors are
// what it wraps, so errors.Is and errors.As see through it.
func (m *Message) Err(args ...any) error { return &Error{Text: m.With(args...)} }

// Localized is what can be said in either language: a Text, an Error, or
// an argument such as a date or a size (see package locale).
type Localized interface {
	In(lang string) string
}

// Text is a message with its arguments. The zero Text is empty.
type Text struct {
	m    *Message
	args []any
}

// In is t in lang. Arguments that are Localized are put in lang first, so
// a message can be assembled from parts (a hint, a list of fixes) and
// still be said whole in either language.
func (t Text) In(lang string) string {
	if t.m == nil {
		return ""
	}
	args := make([]any, len(t.args))
	for i, a := range t.args {
		if l, ok := a.(Localized); ok {
			a = l.In(lang)
		}
		args[i] = a
	}
	return fmt.Sprintf(t.m.format(lang), args...)
}

// String is t in English, the form of logs and of Go errors.
func (t Text) String() string { return t.In(EN) }

// IsZero reports whether t is the empty Text.
func (t Text) IsZero() bool { return t.m == nil }

// Message is the message t says.
func (t Text) Message() *Message { return t.m }

// Args are t's arguments, as given.
func (t Text) Args() []any { return t.args }

// Error is an error in words from the catalogue. Make it with Message.Err.
type Error struct{ Text }

// Error is the message in English.
func (e *Error) Error() string { return e.String() }

// Unwrap returns the arguments that are errors.
func (e *Error) Unwrap() []error {
	var out []error
	for _, a := range e.args {
		if err, ok := a.(error); ok {
			out = append(out, err)
		}
	}
	return out
}

// ErrorIn is err in lang: an error of the catalogue in its words, any
// other as err.Error(), which is English.
func ErrorIn(err error, lang string) string {
	if l, ok := err.(Localized); ok {
		return l.In(lang)
	}
	return err.Error()
}
