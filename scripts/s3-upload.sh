#!/usr/bin/env bash
# s3-upload.sh [sample|SIZE [QUARTERS]] — upload timings to the S3 server of
# scripts/seaweedfs.sh (started here unless MINHBACH_S3_ENDPOINT is set):
# what the first publish of a site uploads, and what the publish after one
# new snapshot uploads, which should be only the files that changed.
#
# The new snapshot is a real next quarter, with its own figures: the site
# is made with its newest snapshot held back (sample: the repository's
# site; SIZE: go run ./cmd/gendata --size SIZE --quarters QUARTERS+1,
# national being 3,321 reporting communes), published, then the snapshot
# is put back and the site published again. Each publish is a fresh
# process, measured with /usr/bin/time. Prints key=value figures:
#
#   {first,next}_uploaded, _uploaded_mb, _unchanged, _deleted
#                       files uploaded / kept / deleted, as publish says
#   {first,next}_upload_s      the upload, records and deletes (publish's own clock)
#   {first,next}_wall_s        the whole publish: check, build, upload
#   {first,next}_cpu_s         user + system CPU of the whole publish
#   {first,next}_max_rss_mb    its peak resident memory
#   {first,next}_site_files    the files of the release
#
#   MINHBACH_BIN=path   use this binary instead of building one
#   MINHBACH_S3_PORT    the port of the server started here (default 18533)
#
# A national build is heavy (20 quarters: about 400 s and 2.7 GB): run it
# with few quarters and at low priority, e.g.
#   nice -n 10 scripts/s3-upload.sh national 2
set -euo pipefail
size=${1:-sample}
quarters=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
started=""
cleanup() {
	[ -n "$started" ] && MINHBACH_S3_PID=$MINHBACH_S3_PID MINHBACH_S3_DIR=$MINHBACH_S3_DIR "$root/scripts/seaweedfs.sh" stop
	rm -rf "$work"
}
trap cleanup EXIT
[ -x /usr/bin/time ] || { echo "s3-upload.sh: needs /usr/bin/time (GNU time)" >&2; exit 1; }
bin=${MINHBACH_BIN:-$work/minhbach}
if [ -z "${MINHBACH_BIN:-}" ]; then
	(cd "$root" && go build -o "$bin" ./cmd/minhbach)
fi
if [ -z "${MINHBACH_S3_ENDPOINT:-}" ]; then
	export MINHBACH_S3_PORT=${MINHBACH_S3_PORT:-18533}
	eval "$("$root/scripts/seaweedfs.sh" start)"
	started=1
fi
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-minhbach} AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-minhbach-secret}
bucket=upload-$(date +%s)
curl -sf --aws-sigv4 "aws:amz:us-east-1:s3" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" -X PUT "$MINHBACH_S3_ENDPOINT/$bucket" >/dev/null
url="s3://$bucket?endpoint=$MINHBACH_S3_ENDPOINT&region=us-east-1&use_path_style=true"

site=$work/site
if [ "$size" = sample ]; then
	mkdir -p "$site"
	for f in data content layouts hugo.toml; do
		[ -e "$root/$f" ] && cp -r "$root/$f" "$site/"
	done
else
	q=${quarters:-12}
	(cd "$root" && go run ./cmd/gendata --size "$size" --quarters $((q + 1)) --out "$site") 2>&1 >/dev/null | sed 's/^/# /'
fi
# The newest snapshot, and the pages written for its period (the
# sample's quarterly report), wait for the second publish.
latest=$(ls "$site/data/snapshots" | LC_ALL=C sort | tail -1)
period=${latest%.csv}
held=$work/held
(cd "$site" && find data/snapshots content -name "$period*" 2>/dev/null || true) | while read -r f; do
	mkdir -p "$held/$(dirname "$f")"
	mv "$site/$f" "$held/$f"
done

# publish NAME: one publish, timed; its figures.
publish() {
	local out
	out=$(/usr/bin/time -f "time %e %U %S %M" -o "$work/time" "$bin" publish --lang en --site "$site" --to "$url")
	echo "$out" | sed -n 's/^minhbach: uploaded \([0-9]*\) files (\([0-9.]*\) MB), kept \([0-9]*\) unchanged, deleted \([0-9]*\), in \([0-9.]*\)s$/'"$1"'_uploaded=\1\n'"$1"'_uploaded_mb=\2\n'"$1"'_unchanged=\3\n'"$1"'_deleted=\4\n'"$1"'_upload_s=\5/p'
	echo "$out" | sed -n 's/^minhbach: published [0-9]* pages and [0-9]* downloads (\([0-9]*\) files, .*/'"$1"'_site_files=\1/p'
	awk -v n="$1" '$1 == "time" { printf "%s_wall_s=%.1f\n%s_cpu_s=%.1f\n%s_max_rss_mb=%d\n", n, $2, n, $3 + $4, n, $5 / 1024 }' "$work/time"
}

echo "size=$size${quarters:+ quarters=$quarters}"
echo "snapshots_first=$(ls "$site/data/snapshots" | wc -l)"
publish first
cp -r "$held/." "$site/"
echo "new_snapshot=$period"
publish next
