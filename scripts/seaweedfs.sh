#!/usr/bin/env bash
# seaweedfs.sh start|stop|bin — a real S3-compatible server on 127.0.0.1 for
# the object-storage tests and fault scripts (SeaweedFS, from the Go module
# proxy; no fake).
#
#   start  builds weed once (or reuses it), starts "weed server -s3" in a
#          fresh data folder (or MINHBACH_S3_DIR, to restart a stopped one), waits until S3 answers and prints, one per line:
#            MINHBACH_S3_ENDPOINT=http://127.0.0.1:PORT
#            MINHBACH_S3_PID=PID
#            MINHBACH_S3_DIR=DIR   (its data folder; "stop" removes it)
#          so that `eval "$(scripts/seaweedfs.sh start)"` sets them.
#   stop   stops the server started by start (MINHBACH_S3_PID, MINHBACH_S3_DIR).
#   bin    builds weed if needed and prints its path.
#
# Credentials: access key "minhbach", secret "minhbach-secret" (the config
# written beside the data). Ports: MINHBACH_S3_PORT (default 18333), and
# the master, volume and filer ports derived from it, so as not to meet a
# SeaweedFS of someone else's on the default ports.
#
# Building takes 6+ minutes on 2 cores; the binary is kept in
# ${XDG_CACHE_HOME:-$HOME/.cache}/minhbach/ by version (MINHBACH_WEED=path
# uses another binary).
set -euo pipefail
version=v0.0.0-20261109003541-7506e5f91cd6 # served by the Go module proxy
cache=${XDG_CACHE_HOME:-$HOME/.cache}/minhbach
port=${MINHBACH_S3_PORT:-18333}

weed_bin() {
	local bin=${MINHBACH_WEED:-$cache/weed-$version}
	if [ ! -x "$bin" ]; then
		# "go install" refuses this module (replace directives): download
		# it, copy it somewhere writable and build its command there.
		mkdir -p "$cache"
		local dir src
		dir=$(go mod download -json "github.com/seaweedfs/seaweedfs@$version" |
			sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
		[ -d "$dir" ] || { echo "seaweedfs.sh: go mod download gave no folder" >&2; exit 1; }
		src=$(mktemp -d "$cache/src.XXXXXX")
		cp -r "$dir/." "$src"
		chmod -R u+w "$src"
		echo "seaweedfs.sh: building weed $version (several minutes)…" >&2
		(cd "$src" && GOFLAGS=-mod=mod nice -n 10 go build -o "$bin.tmp" ./weed) >&2
		mv "$bin.tmp" "$bin"
		rm -rf "$src"
	fi
	echo "$bin"
}

# ready: S3 answers. Any HTTP answer but 5xx (403 without credentials)
# means ready; without curl, an open port and a moment more.
ready() {
	if command -v curl >/dev/null 2>&1; then
		local code
		code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)
		[ -n "$code" ] && [ "$code" != 000 ] && [ "${code#5}" = "$code" ]
	else
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && sleep 2
	fi
}

case ${1:-start} in
bin)
	weed_bin
	;;
start)
	bin=$(weed_bin)
	# MINHBACH_S3_DIR of a stopped server: start it again on its data
	# (the fault scripts restart a server they stopped).
	dir=${MINHBACH_S3_DIR:-}
	if [ -z "$dir" ] || [ ! -f "$dir/s3.json" ]; then
		dir=$(mktemp -d "${TMPDIR:-/tmp}/minhbach-s3.XXXXXX")
		cat >"$dir/s3.json" <<'EOF'
{"identities": [{"name": "minhbach",
  "credentials": [{"accessKey": "minhbach", "secretKey": "minhbach-secret"}],
  "actions": ["Admin", "Read", "List", "Tagging", "Write"]}]}
EOF
		mkdir -p "$dir/data"
	fi
	# Small volumes: the tests write megabytes, not the 30 GB default.
	setsid "$bin" server -s3 -ip=127.0.0.1 -ip.bind=127.0.0.1 -dir="$dir/data" \
		-s3.port="$port" -s3.config="$dir/s3.json" \
		-master.port=$((port + 1000)) -volume.port=$((port + 2000)) -filer.port=$((port + 3000)) \
		-master.volumeSizeLimitMB=64 -volume.max=0 -master.telemetry=false \
		-s3.port.iceberg=0 -s3.port.lance=0 \
		>"$dir/weed.log" 2>&1 </dev/null &
	pid=$!
	for _ in $(seq 1 120); do
		if ready; then
			echo "MINHBACH_S3_ENDPOINT=http://127.0.0.1:$port"
			echo "MINHBACH_S3_PID=$pid"
			echo "MINHBACH_S3_DIR=$dir"
			exit 0
		fi
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "seaweedfs.sh: weed stopped; its log:" >&2
			tail -20 "$dir/weed.log" >&2
			exit 1
		fi
		sleep 0.5
	done
	echo "seaweedfs.sh: S3 did not answer on 127.0.0.1:$port within 60 s; its log:" >&2
	tail -20 "$dir/weed.log" >&2
	kill "$pid" 2>/dev/null || true
	exit 1
	;;
stop)
	[ -n "${MINHBACH_S3_PID:-}" ] && kill "$MINHBACH_S3_PID" 2>/dev/null || true
	for _ in $(seq 1 40); do
		kill -0 "${MINHBACH_S3_PID:-0}" 2>/dev/null || break
		sleep 0.25
	done
	# Still there after 10 s: it must go, so that its ports are free.
	[ -n "${MINHBACH_S3_PID:-}" ] && kill -9 "$MINHBACH_S3_PID" 2>/dev/null || true
	case ${MINHBACH_S3_DIR:-} in
	*/minhbach-s3.*) rm -rf "$MINHBACH_S3_DIR" ;;
	esac
	;;
*)
	echo "usage: seaweedfs.sh start|stop|bin" >&2
	exit 2
	;;
esac
