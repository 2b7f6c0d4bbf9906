package gocloud

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"

	"github.com/minhbach/minhbach/internal/locale"
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/publish"
)

// StaleLock is the age after which a lock of another computer is taken
// over without being asked (--break-lock). A publish does not refresh its
// lock while it runs, and it holds it from before its build to its last
// delete: a national site builds for minutes and may upload gigabytes
// over an office line, so a shorter rule could take the lock of a publish
// still running, and two publishes would mix their files. Staff who know
// the holder stopped need not wait: BreakLock removes it at once.
const StaleLock = 2 * time.Hour

// Holder is who holds a bucket's lock, as the publish that took it wrote
// it into _minhbach/lock (JSON), so that the next one can say which
// computer holds it, since when, and whether that process has ended.
type Holder struct {
	Host    string    `json:"host"`
	PID     int       `json:"pid"`
	Started time.Time `json:"started"`
}

// In says h in lang: "computer "may-1" (process 42), since …".
func (h Holder) In(lang string) string {
	t := h.Started.Local()
	if h.Host == "" {
		return msgHolderUnknown.With(locale.Day(t), t.Format("15:04 MST")).In(lang)
	}
	return msgHolder.With(h.Host, h.PID, locale.Day(t), t.Format("15:04 MST")).In(lang)
}

// String is h in English.
func (h Holder) String() string { return h.In(msg.EN) }

// readHolder reads the lock's record. A record that cannot be read (a
// damaged one, or the "HOST pid N DATE" line of minhbach before Holder)
// gives what it can; the lock's date is modTime then.
func readHolder(data []byte, modTime time.Time) Holder {
	var h Holder
	if json.Unmarshal(data, &h) == nil && h.Host != "" && !h.Started.IsZero() {
		return h
	}
	var date string
	if n, _ := fmt.Sscanf(string(data), "%s pid %d %s", &h.Host, &h.PID, &date); n < 2 {
		h = Holder{}
	}
	if h.Started, _ = time.Parse(time.RFC3339, date); h.Started.IsZero() {
		h.Started = modTime
	}
	return h
}

// ago is how long ago t was, in minutes up to two hours, then in hours.
func ago(d time.Duration) msg.Text {
	if d < 2*time.Hour {
		return msgMinutes.With(max(0, int(d.Minutes())))
	}
	return msgHours.With(int(d.Hours()))
}

// errHeld is create's answer when the lock is there already.
var errHeld = errors.New("lock held")

// create writes the lock only if it is absent. A folder (file://) gets an
// O_EXCL file: fileblob's IfNotExist checks and renames in two steps,
// which two processes can both pass.
func (b Bucket) create(ctx context.Context, bk *blob.Bucket, data []byte) error {
	if dir, ok := b.folder(); ok {
		p := filepath.Join(dir, filepath.FromSlash(lockKey))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return publish.NotWritable(dir, err)
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			return errHeld
		}
		if err != nil {
			return publish.NotWritable(dir, err)
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(p)
			return publish.NotWritable(dir, err)
		}
		return nil
	}
	err := bk.WriteAll(ctx, lockKey, data, &blob.WriterOptions{IfNotExist: true, ContentType: "application/json", CacheControl: "no-store"})
	if gcerrors.Code(err) == gcerrors.FailedPrecondition {
		return errHeld
	}
	if err != nil {
		return b.failed(lockKey, err)
	}
	return nil
}

// lock takes _minhbach/lock, so that a second publish to the bucket stops
// with the holder's name. A lock whose publish ended without removing it
// (killed, its computer turned off, its server failing) is removed, with
// a word through Broke: at once when it was a process of this computer
// that has ended, when BreakLock asks, or after StaleLock. The lock of a
// process of this computer that still runs is never removed.
func (b Bucket) lock(ctx context.Context, bk *blob.Bucket) (func() error, error) {
	host, _ := os.Hostname()
	me, _ := json.Marshal(Holder{Host: host, PID: os.Getpid(), Started: time.Now().UTC().Truncate(time.Second)})
	me = append(me, '\n')
	for try := 0; ; try++ {
		err := b.create(ctx, bk, me)
		if err == nil {
			break
		}
		if !errors.Is(err, errHeld) {
			return nil, err
		}
		if try > 2 {
			// Taken again each time it was removed: another publish is
			// racing for it.
			return nil, b.fault(msgLockRace, lockKey)
		}
		data, rerr := bk.ReadAll(ctx, lockKey)
		attr, aerr := bk.Attributes(ctx, lockKey)
		if gcerrors.Code(rerr) == gcerrors.NotFound || gcerrors.Code(aerr) == gcerrors.NotFound {
			continue // removed meanwhile by its publish
		}
		if rerr != nil {
			return nil, b.failed(lockKey, rerr)
		}
		if aerr != nil {
			return nil, b.failed(lockKey, aerr)
		}
		h := readHolder(bytes.TrimSpace(data), attr.ModTime)
		age := time.Since(attr.ModTime)
		var why msg.Text
		switch {
		case h.Host == host && h.PID > 0 && alive(h.PID):
			return nil, b.fault(msgLockedHere, h)
		case h.Host == host && h.PID > 0:
			why = msgBrokeEnded.With(h)
		case age >= StaleLock:
			why = msgBrokeStale.With(h, ago(age))
		case b.BreakLock:
			why = msgBrokeAsked.With(h)
		default:
			return nil, b.fault(msgLocked, h, ago(age), lockKey)
		}
		if err := bk.Delete(ctx, lockKey); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
			return nil, b.failed(lockKey, err)
		}
		if b.Broke != nil {
			b.Broke(why)
		}
	}
	return func() error {
		if err := bk.Delete(context.WithoutCancel(ctx), lockKey); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
			return b.failed(lockKey, err)
		}
		return nil
	}, nil
}
