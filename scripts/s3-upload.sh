#!/usr/bin/env bash
# s3-upload.sh [sample|SIZE [QUARTERS]] — upload timings to the S3 server of
# scripts/seaweedfs.sh (started here unless MINHBACH_S3_ENDPOINT is set):
# the files uploaded and the seconds of the first publish of a site, and of
# the publish after one new snapshot (the latest one copied as the next
# quarter), which should upload only the files that changed. SIZE is a
# gendata size (national: 3,321 communes). Prints key=value figures.
#
#   MINHBACH_BIN=path   use this binary instead of building one
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
	(cd "$root" && go run ./cmd/gendata --size "$size" ${quarters:+--quarters "$quarters"} --out "$site") >/dev/null
fi

# publish NAME: one publish, timed; its upload line as figures.
publish() {
	local start out s
	start=$(date +%s%N)
	out=$("$bin" publish --lang en --site "$site" --to "$url")
	s=$(awk -v ns=$(($(date +%s%N) - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')
	echo "$out" | sed -n 's/^minhbach: uploaded \([0-9]*\) files (\([0-9.]*\) MB), kept \([0-9]*\) unchanged, deleted \([0-9]*\), in \([0-9.]*\)s$/'"$1"'_uploaded=\1\n'"$1"'_uploaded_mb=\2\n'"$1"'_unchanged=\3\n'"$1"'_deleted=\4\n'"$1"'_upload_s=\5/p'
	echo "$out" | sed -n 's/^minhbach: published [0-9]* pages and [0-9]* downloads (\([0-9]*\) files, .*/'"$1"'_site_files=\1/p'
	echo "${1}_total_s=$s"
}

echo "size=$size${quarters:+ quarters=$quarters}"
publish first
latest=$(ls "$site/data/snapshots" | sort | tail -1)
y=${latest%%-Q*}
q=${latest#*-Q}
q=${q%%.*}
if [ "$q" = 4 ]; then next="$((y + 1))-Q1"; else next="$y-Q$((q + 1))"; fi
cp "$site/data/snapshots/$latest" "$site/data/snapshots/$next.csv"
echo "new_snapshot=$next"
publish next
