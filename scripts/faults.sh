#!/usr/bin/env bash
# faults.sh [concurrent|diskfull|s3|targets|all] — the publishing faults of issue
# 12, measured on the sample site; prints key=value figures and exits 1 if
# any fault is found.
#
#   concurrent  ROUNDS (5) times, two publishes of two sites to one folder
#               at once: one succeeds, the other stops with the lock
#               message, and TARGET/current is the winner's release, whole.
#   diskfull    a small tmpfs filled to the brim (needs root for mount):
#               build --dest, publish --to a folder, and publish to object
#               storage with its temporary folder there each fail with the
#               disk-full message; the live site is byte-identical and no
#               temporary file is left.
#   s3          a SeaweedFS server (scripts/seaweedfs.sh) killed while a
#               publish uploads: the previous release is still whole (its
#               live record unchanged, none of its files deleted, its pages
#               each its own or the new one's), and the next publish
#               completes the new release, byte for byte.
#
#   targets     targets that cannot be published to, each a folder (releases)
#               and a file:// bucket: missing, read-only (a read-only tmpfs
#               as root, else a folder without write permission), inside
#               the site folder, a loop of links; and, with a server
#               (MINHBACH_S3_ENDPOINT), a bucket that does not exist and
#               wrong access keys. Each must exit 1 with its own message
#               and write nothing.
#
#   MINHBACH_BIN=path   use this binary instead of building one
set -euo pipefail
what=${1:-all}
rounds=${ROUNDS:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
mounted=""
s3pid=""
cleanup() {
	[ -n "$s3pid" ] && MINHBACH_S3_PID=$s3pid MINHBACH_S3_DIR=${MINHBACH_S3_DIR:-} "$root/scripts/seaweedfs.sh" stop
	[ -n "$mounted" ] && umount "$mounted" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
bin=${MINHBACH_BIN:-$work/minhbach}
if [ -z "${MINHBACH_BIN:-}" ]; then
	(cd "$root" && go build -o "$bin" ./cmd/minhbach)
fi
faults=0
fail() {
	echo "FAULT: $*" >&2
	faults=$((faults + 1))
}

# site DIR: a copy of the sample site.
site() {
	mkdir -p "$1"
	for f in data content layouts hugo.toml; do
		[ -e "$root/$f" ] && cp -r "$root/$f" "$1/"
	done
}
# change DIR N: a different figure in DIR's site (a correction).
change() {
	sed -i "s/^\(02023,VB01,\)[^,]*,[0-9]*,212/\1,$((100 + $2)),212/" "$1/data/snapshots/2024-Q3.csv"
}
# treesum DIR: publish.TreeSum in shell (the end of a release id).
treesum() {
	(cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) |
		awk '{ p = substr($0, 67); sub(/^\.\//, "", p); printf "%s%c%s\n", p, 0, $1 }' |
		sha256sum | cut -c1-12
}
# fullsum DIR: the whole SHA-256 of a tree, to compare two trees.
fullsum() {
	(cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-64
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

concurrent() {
	local ok=0 locked=0 other=0 torn=0 wrong=0
	site "$work/c/a"
	site "$work/c/b"
	change "$work/c/b" 7
	mkdir -p "$work/c/www"
	"$bin" publish --site "$work/c/a" --to "$work/c/www" >/dev/null
	for i in $(seq 1 "$rounds"); do
		change "$work/c/a" $((2 * i))
		change "$work/c/b" $((2 * i + 1))
		"$bin" publish --lang en --site "$work/c/a" --to "$work/c/www" >"$work/c/a.out" 2>&1 &
		local pa=$!
		"$bin" publish --lang en --site "$work/c/b" --to "$work/c/www" >"$work/c/b.out" 2>&1 &
		local pb=$!
		local ra=0 rb=0
		wait "$pa" || ra=$?
		wait "$pb" || rb=$?
		local winner=""
		for s in a b; do
			local r=$ra
			[ "$s" = b ] && r=$rb
			if [ "$r" -eq 0 ]; then
				ok=$((ok + 1))
				winner=$(sed -n 's/^minhbach: release \([0-9-]*[0-9a-f]*\) is recorded.*/\1/p' "$work/c/$s.out")
			elif grep -q 'another build is already publishing there' "$work/c/$s.out"; then
				locked=$((locked + 1))
			else
				other=$((other + 1))
				sed 's/^/  /' "$work/c/$s.out" >&2
			fi
		done
		local live
		live=$(readlink "$work/c/www/current")
		[ "${live##*-}" = "$(treesum "$work/c/www/$live")" ] || torn=$((torn + 1))
		[ "${live##*/}" = "$winner" ] || wrong=$((wrong + 1))
	done
	echo "concurrent_rounds=$rounds"
	echo "concurrent_succeeded=$ok"
	echo "concurrent_stopped_by_lock=$locked"
	echo "concurrent_other_failures=$other"
	echo "concurrent_torn=$torn"
	echo "concurrent_live_not_winner=$wrong"
	[ "$ok" -eq "$rounds" ] && [ "$locked" -eq "$rounds" ] || fail "concurrent: want one success and one lock message per round"
	[ $((other + torn + wrong)) -eq 0 ] || fail "concurrent: other failures, torn or wrong live tree"
}

# fill DIR: fill the file system of DIR, leaving about 64 KiB free.
fill() {
	dd if=/dev/zero of="$1/filler" bs=1M status=none 2>/dev/null || true
	local size
	size=$(stat -c %s "$1/filler")
	truncate -s $((size - 65536)) "$1/filler"
}

diskfull() {
	if [ "$(id -u)" != 0 ]; then
		echo "diskfull=skipped (mount needs root)"
		return
	fi
	local d=$work/full
	mkdir -p "$d"
	mount -t tmpfs -o size=48m tmpfs "$d"
	mounted=$d
	site "$work/f"
	mkdir -p "$d/www" "$d/tmp"
	# A live site of each kind while there is room.
	"$bin" build --draft --site "$work/f" --dest "$d/public" >/dev/null
	"$bin" publish --site "$work/f" --to "$d/www" >/dev/null
	local pub_before www_before hist_before
	pub_before=$(fullsum "$d/public")
	www_before=$(fullsum "$d/www/current/")
	hist_before=$(fullsum "$work/f/history")
	change "$work/f" 1
	fill "$d"
	local rb=0 rp=0 msgs=0
	"$bin" build --draft --lang en --site "$work/f" --dest "$d/public" >"$work/full-build.out" 2>&1 || rb=$?
	"$bin" publish --lang en --site "$work/f" --to "$d/www" >"$work/full-publish.out" 2>&1 || rp=$?
	for f in full-build full-publish; do
		grep -Eq 'no space left on device|disk filled up' "$work/$f.out" && msgs=$((msgs + 1))
	done
	local hist_after
	hist_after=$(fullsum "$work/f/history")
	# Object storage builds the release in a temporary folder first: that
	# folder on the full disk (MINHBACH_S3_ENDPOINT: a running server).
	local rs=skipped
	if [ -n "${MINHBACH_S3_ENDPOINT:-}" ]; then
		export AWS_ACCESS_KEY_ID=minhbach AWS_SECRET_ACCESS_KEY=minhbach-secret
		s3req PUT "diskfull-$$" >/dev/null
		rs=0
		TMPDIR=$d/tmp "$bin" publish --lang en --site "$work/f" \
			--to "s3://diskfull-$$?endpoint=$MINHBACH_S3_ENDPOINT&region=us-east-1&use_path_style=true" >"$work/full-s3.out" 2>&1 || rs=$?
		grep -Eq 'no space left on device|disk filled up' "$work/full-s3.out" || fail "diskfull: no disk-full message for object storage"
		[ -z "$(s3keys "diskfull-$$" "")" ] || fail "diskfull: the bucket was written"
		[ "$rs" -eq 1 ] || fail "diskfull: object storage publish exit $rs"
	fi
	local debris
	debris=$(find "$d" -mindepth 1 -maxdepth 3 -name '.*tmp-*' | wc -l)
	debris=$((debris + $(find "$d/tmp" -mindepth 1 | wc -l)))
	echo "diskfull_build_exit=$rb"
	echo "diskfull_publish_exit=$rp"
	echo "diskfull_messages=$msgs/2"
	echo "diskfull_live_build_unchanged=$([ "$(fullsum "$d/public")" = "$pub_before" ] && echo 1 || echo 0)"
	echo "diskfull_live_release_unchanged=$([ "$(fullsum "$d/www/current/")" = "$www_before" ] && echo 1 || echo 0)"
	echo "diskfull_s3_publish_exit=$rs"
	for f in full-build full-publish full-s3; do
		[ -f "$work/$f.out" ] && echo "diskfull_${f#full-}_said=$(grep -Em1 'no space|disk filled up' "$work/$f.out" | cut -c1-200)"
	done
	echo "diskfull_history_unchanged=$([ "$hist_after" = "$hist_before" ] && echo 1 || echo 0)"
	echo "diskfull_debris=$debris"
	[ "$rb" -eq 1 ] && [ "$rp" -eq 1 ] && [ "$msgs" -eq 2 ] || fail "diskfull: want exit 1 and the disk-full message"
	[ "$(fullsum "$d/public")" = "$pub_before" ] && [ "$(fullsum "$d/www/current/")" = "$www_before" ] || fail "diskfull: the live site changed"
	[ "$hist_after" = "$hist_before" ] || fail "diskfull: the history changed"
	[ "$debris" -eq 0 ] || fail "diskfull: temporary files left"
	# Room again: the next publish succeeds.
	rm -f "$d/filler"
	if "$bin" publish --site "$work/f" --to "$d/www" >/dev/null 2>&1; then
		echo "diskfull_next_publish=ok"
	else
		echo "diskfull_next_publish=failed"
		fail "diskfull: the publish after freeing space failed"
	fi
	umount "$d"
	mounted=""
}

# s3req METHOD PATH: a signed request to the test server.
s3req() {
	curl -sf --aws-sigv4 "aws:amz:us-east-1:s3" --user minhbach:minhbach-secret -X "$1" "$MINHBACH_S3_ENDPOINT/$2"
}
# s3keys BUCKET PREFIX: the keys under PREFIX (fewer than 1000 here).
s3keys() {
	# The query sorted and encoded, as curl's signature needs it.
	{ s3req GET "$1?list-type=2&max-keys=1000&prefix=${2//\//%2F}" || true; } |
		{ grep -o '<Key>[^<]*</Key>' || true; } | sed 's/<Key>\(.*\)<\/Key>/\1/'
}
# s3served BUCKET DIR: download what the bucket serves into DIR.
s3served() {
	local k
	mkdir -p "$2"
	s3keys "$1" "" | grep -v '^_minhbach/' | while read -r k; do
		mkdir -p "$2/$(dirname "$k")"
		s3req GET "$1/$k" >"$2/$k"
	done
}

s3() {
	export MINHBACH_S3_PORT=${MINHBACH_S3_PORT:-18433}
	unset MINHBACH_S3_DIR
	eval "$("$root/scripts/seaweedfs.sh" start)"
	s3pid=$MINHBACH_S3_PID
	export AWS_ACCESS_KEY_ID=minhbach AWS_SECRET_ACCESS_KEY=minhbach-secret
	local bucket=faults url
	s3req PUT "$bucket" >/dev/null
	url="s3://$bucket?endpoint=$MINHBACH_S3_ENDPOINT&region=us-east-1&use_path_style=true"
	site "$work/s"
	"$bin" build --draft --site "$work/s" --dest "$work/r1" >/dev/null
	"$bin" publish --site "$work/s" --to "$url" >/dev/null
	local r1
	r1=$(s3req GET "$bucket/_minhbach/live")
	# Release 2: a new quarter changes most pages and downloads.
	cp "$work/s/data/snapshots/2024-Q4.csv" "$work/s/data/snapshots/2025-Q1.csv"
	"$bin" build --draft --site "$work/s" --dest "$work/r2" >/dev/null
	local copies
	copies=$(s3keys "$bucket" _minhbach/objects/ | wc -l)
	local start rc=0
	start=$(now_ms)
	"$bin" publish --lang en --site "$work/s" --to "$url" >"$work/s3.out" 2>&1 &
	local pid=$!
	# Stop the server once the upload is under way: after the kept copies
	# of the new files (the publish's first step), while the site's own
	# files go up (STOP_AFTER_MS, default 300, into that step).
	local fresh
	fresh=$(comm -13 <(cd "$work/r1" && find . -type f -exec sha256sum {} + | cut -c1-64 | sort -u) \
		<(cd "$work/r2" && find . -type f -exec sha256sum {} + | cut -c1-64 | sort -u) | wc -l)
	echo "s3_new_files=$fresh"
	while kill -0 "$pid" 2>/dev/null; do
		if [ "$(s3keys "$bucket" _minhbach/objects/ | wc -l)" -ge $((copies + fresh)) ]; then
			break
		fi
		sleep 0.05
	done
	sleep "$(awk -v ms="${STOP_AFTER_MS:-300}" 'BEGIN { printf "%.3f", ms / 1000 }')"
	kill -9 "$s3pid"
	local killed_ms=$(($(now_ms) - start))
	wait "$pid" || rc=$?
	local failed_ms=$(($(now_ms) - start))
	echo "s3_killed_after_ms=$killed_ms"
	echo "s3_publish_exit=$rc"
	echo "s3_publish_failed_after_ms=$failed_ms"
	echo "s3_message=$(grep -o 'the storage failed on [^:]*' "$work/s3.out" | head -1)"
	[ "$rc" -eq 1 ] || fail "s3: the interrupted publish did not fail with exit 1"
	while kill -0 "$s3pid" 2>/dev/null; do sleep 0.1; done
	sleep 1
	# The same server again, on its data.
	eval "$(MINHBACH_S3_DIR=$MINHBACH_S3_DIR "$root/scripts/seaweedfs.sh" start)"
	s3pid=$MINHBACH_S3_PID
	local live="" try
	for try in $(seq 1 40); do
		live=$(s3req GET "$bucket/_minhbach/live" 2>/dev/null) && break
		sleep 0.5
	done
	s3served "$bucket" "$work/mid"
	# Each file of release 1: still its own bytes, or already release 2's
	# (an asset or page uploaded before the stop); none missing.
	local own=0 new=0 missing=0 neither=0 pages_new=0
	while read -r f; do
		if [ ! -f "$work/mid/$f" ]; then
			missing=$((missing + 1))
		elif cmp -s "$work/mid/$f" "$work/r1/$f"; then
			own=$((own + 1))
		elif [ -f "$work/r2/$f" ] && cmp -s "$work/mid/$f" "$work/r2/$f"; then
			new=$((new + 1))
			case $f in *.html) pages_new=$((pages_new + 1)) ;; esac
		else
			neither=$((neither + 1))
		fi
	done < <(cd "$work/r1" && find . -type f | sed 's|^\./||')
	echo "s3_live_record_unchanged=$([ "$live" = "$r1" ] && echo 1 || echo 0)"
	echo "s3_r1_files=$(cd "$work/r1" && find . -type f | wc -l)"
	echo "s3_r1_files_unchanged=$own"
	echo "s3_r1_files_already_new=$new"
	echo "s3_r1_pages_already_new=$pages_new"
	echo "s3_r1_files_missing=$missing"
	echo "s3_r1_files_torn=$neither"
	[ "$live" = "$r1" ] && [ "$missing" -eq 0 ] && [ "$neither" -eq 0 ] || fail "s3: release 1 not whole after the stop"
	# The next publish completes release 2.
	local out
	if out=$("$bin" publish --lang en --site "$work/s" --to "$url" 2>&1); then
		echo "s3_next_publish=$(echo "$out" | sed -n 's/^minhbach: \(uploaded .*\)/\1/p')"
	else
		echo "$out" >&2
		fail "s3: the next publish failed"
	fi
	s3served "$bucket" "$work/done"
	local same=0
	[ "$(fullsum "$work/done")" = "$(fullsum "$work/r2")" ] && same=1
	echo "s3_completed_equals_release2=$same"
	[ "$same" -eq 1 ] || fail "s3: the completed bucket is not release 2"
	MINHBACH_S3_PID=$s3pid MINHBACH_S3_DIR=$MINHBACH_S3_DIR "$root/scripts/seaweedfs.sh" stop
	s3pid=""
}

# refused NAME WANT TARGET: a publish of the sample to TARGET must exit 1,
# say WANT (an extended regexp) at the target, and leave no file behind.
refused() {
	local name=$1 want=$2 to=$3 rc=0 before after
	# Every path but the site's history lock file (its flock, taken
	# before the target is checked and kept in place by design).
	before=$(find "$work/t" ! -name .history.lock | LC_ALL=C sort | sha256sum)
	"$bin" publish --lang en --site "$work/t/site" --to "$to" >"$work/t.out" 2>&1 || rc=$?
	after=$(find "$work/t" ! -name .history.lock | LC_ALL=C sort | sha256sum)
	echo "targets_${name}_exit=$rc"
	echo "targets_${name}_said=$(grep -m1 'error' "$work/t.out" | sed "s|$work/t/||g" | cut -c1-200)"
	[ "$rc" -eq 1 ] || fail "targets: $name: exit $rc, want 1"
	grep -Eq "$want" "$work/t.out" || fail "targets: $name: the message is not /$want/"
	[ "$before" = "$after" ] || fail "targets: $name: files were written"
}

targets() {
	local t=$work/t
	site "$t/site"
	mkdir -p "$t/ro" "$t/site/out"
	ln -s loop2 "$t/loop1"
	ln -s loop1 "$t/loop2"
	local ro_want
	if [ "$(id -u)" = 0 ] && mount -t tmpfs -o ro,size=1m tmpfs "$t/ro" 2>/dev/null; then
		mounted=$t/ro
		ro_want='read-only file system'
		echo "targets_read_only=mount"
	else
		chmod 0555 "$t/ro"
		ro_want='permission denied'
		echo "targets_read_only=chmod"
	fi
	local missing='no such folder: create it first' inside='is inside, the site folder' loop='loop of links'
	refused folder_missing "$missing" "$t/nowhere"
	refused folder_read_only "cannot write to this folder: $ro_want" "$t/ro"
	refused folder_inside_site "$inside" "$t/site/out"
	refused folder_loop "$loop" "$t/loop1"
	refused bucket_missing "$missing" "file://$t/nowhere"
	refused bucket_read_only "cannot write to this folder: $ro_want" "file://$t/ro"
	refused bucket_inside_site "$inside" "file://$t/site/out"
	refused bucket_loop "$loop" "file://$t/loop1"
	if [ -n "${MINHBACH_S3_ENDPOINT:-}" ]; then
		local q="endpoint=$MINHBACH_S3_ENDPOINT&region=us-east-1&use_path_style=true"
		AWS_ACCESS_KEY_ID=minhbach AWS_SECRET_ACCESS_KEY=minhbach-secret \
			refused s3_no_bucket 'there is no bucket "no-such-bucket-[0-9]+"' "s3://no-such-bucket-$$?$q"
		AWS_ACCESS_KEY_ID=minhbach AWS_SECRET_ACCESS_KEY=wrong-secret \
			refused s3_wrong_keys 'check the access keys' "s3://no-such-bucket-$$?$q"
	else
		echo "targets_s3=skipped (no MINHBACH_S3_ENDPOINT)"
	fi
	if [ -n "$mounted" ]; then
		umount "$mounted"
		mounted=""
	fi
}

case $what in
concurrent) concurrent ;;
diskfull) diskfull ;;
s3) s3 ;;
targets) targets ;;
all)
	concurrent
	diskfull
	s3
	targets
	;;
*)
	echo "usage: faults.sh [concurrent|diskfull|s3|targets|all]" >&2
	exit 2
	;;
esac
echo "faults=$faults"
[ "$faults" -eq 0 ]
