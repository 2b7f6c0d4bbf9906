#!/usr/bin/env bash
# bench/preview.sh [sample|1x|SIZE]: times `minhbach serve` as staff use it
# and loads it, printing key=value lines:
#   first_page_s      from the start of serve to the first page received
#   build_s           the first build, as serve reports it
#   reload_snapshot_s from saving a new quarter's snapshot to its report page
#                     received after the reload notification
#   reload_save_s     the same for a second save of that snapshot (median of RUNS)
#   reload_save_cpu_s CPU time (user + system) serve spent on such a save: the
#                     figure to compare on a busy machine, where wall times grow
#   requests, errors  LOAD_SECONDS (20) of 100 concurrent clients on
#                     127.0.0.1 (wrk when installed, else a Go client loop)
#   tmp_left          files the preview left in its temporary folder after
#                     Ctrl-C (want 0)
# SIZE other than sample is a gendata size. MINHBACH_BIN times another binary.
set -euo pipefail
size=${1:-sample}
runs=${RUNS:-3}
load=${LOAD_SECONDS:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pid=""
events=""
cleanup() {
  [ -n "$events" ] && kill "$events" 2>/dev/null || true
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

cd "$root"
bin=${MINHBACH_BIN:-$work/minhbach}
[ -n "${MINHBACH_BIN:-}" ] || go build -o "$bin" ./cmd/minhbach
site=$work/site
if [ "$size" = sample ]; then
  mkdir -p "$site"
  cp -r data content layouts hugo.toml "$site"/
else
  go run ./cmd/gendata --size "$size" --out "$site" >/dev/null
fi

ms() { echo $(( $(date +%s%N) / 1000000 )); }
secs() { awk -v m="$1" 'BEGIN { printf "%.2f", m / 1000 }'; }
# wait_for FILE PATTERN: until FILE has a line matching PATTERN (60 s at most).
wait_for() {
  for _ in $(seq 6000); do
    grep -q -- "$2" "$1" 2>/dev/null && return 0
    sleep 0.01
  done
  echo "timed out waiting for $2 in $1" >&2
  cat "$work/err" >&2
  exit 1
}

mkdir -p "$work/tmp"
t0=$(ms)
TMPDIR=$work/tmp "$bin" serve --site "$site" --addr 127.0.0.1:0 --lang en >"$work/out" 2>"$work/err" &
pid=$!
wait_for "$work/out" 'http://127.0.0.1:'
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/out" | head -1)
curl -sf -o /dev/null "$url/"
t1=$(ms)
echo "size=$size"
echo "first_page_s=$(secs $((t1 - t0)))"
echo "build_s=$(grep -o 'preview built in [0-9.]*' "$work/err" | head -1 | grep -o '[0-9.]*$')"

curl -sN "$url/_minhbach/events" >"$work/events" &
events=$!
wait_for "$work/events" '^data: 1$'

# The next quarter after the latest snapshot, made from it.
latest=$(ls "$site/data/snapshots" | sort | tail -1)
base=${latest%.csv}
year=${base%-Q*}
q=${base#*-Q}
if [ "$q" = 4 ]; then next="$((year + 1))-Q1"; else next="$year-Q$((q + 1))"; fi
page="$url/bao-cao/$(echo "$next" | tr 'A-Z' 'a-z')/"
gen=1
# cpu: CPU ms serve has used so far (utime + stime of /proc/PID/stat).
tick=$(getconf CLK_TCK)
cpu() { awk -v t="$tick" '{ print int(($14 + $15) * 1000 / t) }' "/proc/$pid/stat"; }
took=0
used=0
save() { # save SOURCE: write the new snapshot as an editor saves it; took is the ms to the reloaded page, used the CPU ms
  local t2 t3 c0
  c0=$(cpu)
  t2=$(ms)
  cp "$1" "$site/data/snapshots/.$next.csv.tmp"
  mv "$site/data/snapshots/.$next.csv.tmp" "$site/data/snapshots/$next.csv"
  gen=$((gen + 1))
  wait_for "$work/events" "^data: $gen\$"
  curl -sf -o /dev/null "$page" || { echo "no report page $page after the save" >&2; tail -5 "$work/err" >&2; exit 1; }
  t3=$(ms)
  took=$((t3 - t2))
  used=$(($(cpu) - c0))
}
save "$site/data/snapshots/$latest"
echo "reload_snapshot_s=$(secs "$took")"
cp "$site/data/snapshots/$next.csv" "$work/next.csv"
times=()
cpus=()
for _ in $(seq "$runs"); do
  save "$work/next.csv"
  times+=("$took")
  cpus+=("$used")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "reload_save_s=$(secs "$(median "${times[@]}")")"
echo "reload_save_cpu_s=$(secs "$(median "${cpus[@]}")")"
body=$(curl -sf "$page")
case $body in *'id="minhbach-preview"'*) echo "banner=yes" ;; *) echo "banner=no" ;; esac

# Load: 100 clients on a mix of pages, downloads, the stylesheet and the
# chart library.
css=$(curl -sf "$url/" | grep -o 'href=/css/[^ >]*\|href="/css/[^"]*"' | head -1 | sed 's/^href=//; s/"//g')
if command -v wrk >/dev/null 2>&1; then
  cat >"$work/paths.lua" <<EOF
local paths = {"/", "/chi-so/", "/en/", "/du-lieu/figures.csv", "$css", "/vendor/echarts/echarts.custom.min.js", "/tinh-trang/", "/bao-cao/"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
EOF
  wrk -t2 -c100 -d"${load}s" -s "$work/paths.lua" "$url" >"$work/wrk"
  requests=$(grep -o '[0-9]* requests in' "$work/wrk" | grep -o '^[0-9]*')
  socket=$(grep -o 'Socket errors: .*' "$work/wrk" | grep -o '[0-9]\+' | awk '{ s += $1 } END { print s + 0 }' || true)
  non2xx=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$work/wrk" | grep -o '[0-9]*$' || true)
  echo "load_tool=wrk"
  echo "requests=$requests"
  echo "errors=$(( ${socket:-0} + ${non2xx:-0} ))"
  echo "requests_per_s=$(grep -o 'Requests/sec: *[0-9.]*' "$work/wrk" | grep -o '[0-9.]*$')"
else
  echo "load_tool=go"
  MINHBACH_LOAD_SECONDS=$load go test ./internal/cli -run '^TestServeUnderLoad$' -count=1 -v |
    grep -o 'requests=[0-9]* errors=[0-9]*' | tr ' ' '\n'
fi

kill -INT "$pid"
wait "$pid" || true
pid=""
echo "tmp_left=$(find "$work/tmp" -mindepth 1 | wc -l)"
