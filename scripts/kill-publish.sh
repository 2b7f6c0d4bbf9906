#!/usr/bin/env bash
# kill-publish.sh [N] — publishes the sample N times (default 50) to a
# folder, killing each publish with SIGKILL (or SIGTERM, every third run)
# at a random moment, and checks after every kill that TARGET/current is
# one whole release: its files hash to the id it is named by (the id ends
# with the start of the SHA-256 of its file list, see publish.TreeSum).
# Then one more publish must succeed (the history is readable) and leave no
# temporary folder. Prints key=value figures; exits 1 if any fault.
#
#   MINHBACH_BIN=path   use this binary instead of building one
set -euo pipefail
n=${1:-50}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=${MINHBACH_BIN:-$work/minhbach}
if [ -z "${MINHBACH_BIN:-}" ]; then
	(cd "$root" && go build -o "$bin" ./cmd/minhbach)
fi
mkdir -p "$work/site" "$work/www"
for f in data content layouts hugo.toml; do
	[ -e "$root/$f" ] && cp -r "$root/$f" "$work/site/"
done
snap=$work/site/data/snapshots/2024-Q3.csv

# treesum DIR: publish.TreeSum in shell.
treesum() {
	(cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) |
		awk '{ p = substr($0, 67); sub(/^\.\//, "", p); printf "%s%c%s\n", p, 0, $1 }' |
		sha256sum | cut -c1-12
}

# whole: current points to a release whose files match its id.
whole() {
	local to id
	to=$(readlink "$work/www/current") || return 1
	id=${to##*/}
	[ -d "$work/www/$to" ] || return 1
	[ "${id##*-}" = "$(treesum "$work/www/$to")" ]
}

start=$(date +%s%N)
"$bin" publish --site "$work/site" --to "$work/www" >/dev/null
ms=$((($(date +%s%N) - start) / 1000000))

torn=0 switched=0 kept=0 term=0 sig=KILL
for i in $(seq 1 "$n"); do
	# A different figure each time, so each publish is a new release.
	sed -i "s/^\(02023,VB01,\)[^,]*,[0-9]*,212/\1,$((100 + i)),212/" "$snap"
	before=$(readlink "$work/www/current")
	"$bin" publish --site "$work/site" --to "$work/www" >/dev/null 2>&1 &
	pid=$!
	sig=KILL
	if [ $((i % 3)) -eq 0 ]; then sig=TERM; term=$((term + 1)); fi
	sleep "$(awk -v r="$RANDOM" -v ms="$ms" 'BEGIN { printf "%.3f", r / 32767 * ms * 1.5 / 1000 }')"
	kill -s "$sig" "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	if ! whole; then
		torn=$((torn + 1))
		echo "run $i: current is not a whole release" >&2
	fi
	if [ "$(readlink "$work/www/current")" = "$before" ]; then kept=$((kept + 1)); else switched=$((switched + 1)); fi
done
debris=$(find "$work/www" -maxdepth 2 -name '.*tmp-*' | wc -l)

faults=$torn
if ! "$bin" publish --site "$work/site" --to "$work/www" >/dev/null; then
	faults=$((faults + 1))
	echo "the publish after the kills failed" >&2
fi
whole || faults=$((faults + 1))
left=$(find "$work/www" -maxdepth 2 -name '.*tmp-*' | wc -l)
faults=$((faults + left))

echo "runs=$n"
echo "publish_ms=$ms"
echo "sigterm=$term"
echo "live_unchanged=$kept"
echo "live_switched=$switched"
echo "torn_or_mixed=$torn"
echo "debris_before_next=$debris"
echo "debris_after_next=$left"
echo "faults=$faults"
[ "$faults" -eq 0 ]
