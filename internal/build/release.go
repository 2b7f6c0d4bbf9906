package build

import (
	"context"
	"slices"
	"time"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/export"
	"github.com/minhbach/minhbach/internal/ledger"
	"github.com/minhbach/minhbach/internal/publish"
)

// RollbackOptions say which release to return to, where, and whose
// history records it.
type RollbackOptions struct {
	Source  string // the site folder, whose history records the rollback
	History string // default Source/history
	Target  publish.Kept
	Release string    // the release to make live; empty: the one before the live one
	Today   time.Time // the date recorded
}

// Rollback makes a kept release live again at the target and records it
// in the site's history, so that the next build compares with it. The
// history must have the release's files: without them the next build
// could not carry its errata forward.
func Rollback(ctx context.Context, opt RollbackOptions) (from, to string, err error) {
	hdir, shown := historyDir(Options{Source: opt.Source, History: opt.History})
	lease, err := publish.Lock(hdir)
	if err != nil {
		return "", "", err
	}
	defer lease.Unlock()
	led, err := ledger.Read(ctx, hdir, shown)
	if err != nil {
		return "", "", err
	}
	from, err = opt.Target.Live(ctx)
	if err != nil {
		return "", "", err
	}
	ids, err := opt.Target.List(ctx)
	if err != nil {
		return "", "", err
	}
	to = opt.Release
	if to != "" && !slices.Contains(ids, to) {
		return "", "", opt.Target.Verify(ctx, to) // says it is not kept
	}
	if to == "" {
		// The kept release published last before the live one, in the
		// history's order: ids of one second differ only by their hash.
		for _, r := range led.Releases() {
			if r.ID == from {
				break
			}
			if slices.Contains(ids, r.ID) {
				to = r.ID
			}
		}
		if to == "" {
			return "", "", diag.Newf(diag.Position{File: opt.Target.String()}, diag.CodeTarget, "", "", msgNoEarlier)
		}
	}
	if !led.Has(to) {
		return "", "", diag.Newf(diag.Position{File: shown}, diag.CodeForeignKey, "release", to, msgNotInHistory)
	}
	if err := opt.Target.Switch(ctx, to); err != nil {
		return "", "", err
	}
	// The target has switched: record it even if interrupted now.
	return from, to, led.Rollback(context.WithoutCancel(ctx), to, opt.Today)
}

// ReleaseInfo describes a kept release for a listing.
type ReleaseInfo struct {
	ID    string
	Date  time.Time
	Live  bool
	Pages int
	Data  string // SHA-256 of its figures file: the same for the same figures
}

// Releases lists the releases kept at a target, oldest first.
func Releases(ctx context.Context, target publish.Kept) ([]ReleaseInfo, error) {
	ids, err := target.List(ctx)
	if err != nil {
		return nil, err
	}
	live, err := target.Live(ctx)
	if err != nil {
		return nil, err
	}
	var out []ReleaseInfo
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d, err := target.Describe(ctx, id, export.FiguresPath)
		if err != nil {
			return nil, err
		}
		info := ReleaseInfo{ID: id, Live: id == live, Pages: d.Pages, Data: d.Sum}
		info.Date, _ = publish.ReleaseDate(id)
		out = append(out, info)
	}
	return out, nil
}
