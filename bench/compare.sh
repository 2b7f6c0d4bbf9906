#!/usr/bin/env bash
# Times a minhbach build against the plain-Hugo site of shared/perf on the same figures.
#
#   bench/compare.sh SIZE          SIZE: 1x, 10x-indicators, 10x-units, national or sample
#
# sample builds the repository's own sample site (Chợ Đồn, 175 pages) with minhbach and the
# 1x plain-Hugo site (31 pages) with Hugo: the issue's "the sample in no more time than plain
# Hugo's 1x site".
#
# Generates the site with cmd/gendata (and the same figures in the long format of
# shared/perf's gen_data.py), builds the minhbach binary once, lays out the plain-Hugo site
# with shared/perf/setup_hugo.sh, then builds each RUNS times, alternating (minhbach, hugo,
# minhbach, hugo…), every build into a fresh destination: minhbach's what-changed page
# compares with the build already at its destination. Wall time and peak RSS come from
# /usr/bin/time (Debian package "time"); without it, from bash's time, and rss=unknown.
# Prints key=value lines on stdout; progress goes to stderr. The medians of CPU time (user +
# sys) come last: on a shared machine they move less than wall time.
#
# Environment:
#   RUNS=5            builds of each tool
#   SEED=42           gendata's seed; QUARTERS: gendata's --quarters (default: the size's)
#   HUGO=path         the hugo binary; default $(go env GOPATH)/bin/hugo, installed with
#                     go install github.com/gohugoio/hugo@v0.165.0 when missing
#   HUGO_NATIONAL=1   time hugo on the national size too (skipped by default)
#   PERF_DIR=path     shared/perf; default ../../shared/perf from this folder, or beside the
#                     main checkout when this is a git worktree
#   ECHARTS_JS=path   the echarts.min.js of the Hugo site; default the ECharts 6.1.0 custom
#                     build vendored in internal/echartsjs (line, bar, markLine, tooltip: all
#                     the Hugo site's charts use), so no npm install is needed
#   KEEP=1            keep the work folder (its path is printed on stderr)
#   MINHBACH_BIN=path time this minhbach binary instead of one built from this checkout
#                     (an older build, for before/after figures)
set -euo pipefail

usage() {
  echo "usage: $0 1x|10x-indicators|10x-units|national|sample" >&2
  exit 2
}
[ $# -eq 1 ] || usage
size=$1
case $size in 1x | 10x-indicators | 10x-units | national | sample) ;; *) usage ;; esac

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
RUNS=${RUNS:-5}
SEED=${SEED:-42}
log() { echo "compare: $*" >&2; }
die() {
  log "$*"
  exit 1
}
case $RUNS in '' | *[!0-9]* | 0) die "RUNS must be a whole number from 1" ;; esac

with_hugo=1
if [ "$size" = national ] && [ "${HUGO_NATIONAL:-}" != 1 ]; then with_hugo=0; fi

# The plain-Hugo benchmark: shared/perf beside the repository. In a git worktree the
# repository proper is the main checkout, found from git's common folder.
perf=${PERF_DIR:-}
if [ -z "$perf" ]; then
  candidates=("$here/../../shared/perf")
  if common=$(git -C "$repo" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
    candidates+=("$common/../../shared/perf")
  fi
  for c in "${candidates[@]}"; do
    if [ -f "$c/setup_hugo.sh" ]; then
      perf=$(cd "$c" && pwd)
      break
    fi
  done
fi
if [ $with_hugo = 1 ]; then
  [ -n "$perf" ] && [ -f "$perf/setup_hugo.sh" ] && [ -d "$perf/hugo" ] ||
    die "shared/perf not found (looked at ${candidates[*]:-$perf}); set PERF_DIR"
fi

W=$(mktemp -d -t minhbach-compare.XXXXXX)
cleanup() {
  if [ "${KEEP:-}" = 1 ]; then
    log "work folder kept: $W"
  else
    chmod -R u+w "$W" 2>/dev/null || true # setup_hugo.sh copies read-only files
    rm -rf "$W"
  fi
}
trap cleanup EXIT

# Hugo, the same version as the library minhbach embeds.
if [ $with_hugo = 1 ]; then
  if [ -z "${HUGO:-}" ]; then
    gobin=$(go env GOBIN)
    if [ -z "$gobin" ]; then
      gopath=$(go env GOPATH)
      gobin=${gopath%%:*}/bin
    fi
    HUGO=$gobin/hugo
    if [ ! -x "$HUGO" ]; then
      log "installing hugo v0.165.0 into $gobin (once; this takes a few minutes)"
      (cd "$repo" && go install github.com/gohugoio/hugo@v0.165.0)
    fi
  fi
  [ -x "$HUGO" ] || die "hugo not found at $HUGO"
  log "$("$HUGO" version)"
fi

log "building minhbach and gendata"
mkdir -p "$W/bin"
(cd "$repo" && go build -o "$W/bin/minhbach" ./cmd/minhbach && go build -o "$W/bin/gendata" ./cmd/gendata)
mb=${MINHBACH_BIN:-$W/bin/minhbach}

gsize=$size
[ "$size" = sample ] && gsize=1x
"$W/bin/gendata" --size "$gsize" --seed "$SEED" ${QUARTERS:+--quarters "$QUARTERS"} \
  --out "$W/site" --perf-csv "$W/perfdata"
site=$W/site
if [ "$size" = sample ]; then
  # The sample as committed, without its own public/ folder or build leftovers.
  mkdir -p "$W/sample"
  (cd "$repo" && cp -r data content layouts hugo.toml "$W/sample/")
  site=$W/sample
fi
"$mb" check --site "$site" --lang en >&2

if [ $with_hugo = 1 ]; then
  ech=${ECHARTS_JS:-$repo/internal/echartsjs/echarts.custom.min.js}
  "$perf/setup_hugo.sh" "$W/perfdata" "$W/hugo" "$ech" >&2
fi

timer=/usr/bin/time
[ -x $timer ] || {
  timer=
  log "/usr/bin/time not found (Debian package \"time\"): wall time from bash, rss=unknown"
}

# measure OUT CMD...: runs CMD, writes "WALL_S RSS_KB USER_S SYS_S" into OUT (RSS
# "unknown" without /usr/bin/time), and stops the script if CMD fails.
measure() {
  local out=$1
  shift
  if [ -n "$timer" ]; then
    if ! $timer -f '%e %M %U %S' -o "$out" "$@" >"$out.log" 2>&1; then
      cat "$out.log" "$out" >&2
      die "failed: $*"
    fi
  else
    local TIMEFORMAT='%R %U %S' e u s
    if ! { time "$@" >"$out.log" 2>&1; } 2>"$out.t"; then
      cat "$out.log" >&2
      die "failed: $*"
    fi
    read -r e u s < <(tail -n 1 "$out.t")
    echo "$e unknown $u $s" >"$out"
  fi
}

# tally DIR: "PAGES FILES BYTES", pages counted as minhbach counts them (index.html files).
tally() {
  echo "$(find "$1" -type f -name index.html | wc -l) $(find "$1" -type f | wc -l) $(find "$1" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')"
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
peak() { # largest RSS in KB, as MiB; "unknown" when any is unknown
  case " $* " in *" unknown "*)
    echo unknown
    return
    ;;
  esac
  printf '%s\n' "$@" | sort -g | tail -n 1 | awk '{printf "%.1f\n", $1 / 1024}'
}

mb_s=() mb_rss=() mb_cpu=() hg_s=() hg_rss=() hg_cpu=()
cpu() { awk -v u="$1" -v s="$2" 'BEGIN {printf "%.2f\n", u + s}'; }
mb_tally= hg_tally=
mkdir -p "$W/runs"
for i in $(seq 1 "$RUNS"); do
  d=$W/runs/minhbach-$i
  mkdir -p "$d"
  measure "$d.time" "$mb" build --site "$site" --dest "$d/public" --lang en
  read -r s kb us ss <"$d.time"
  mb_s+=("$s") mb_rss+=("$kb") mb_cpu+=("$(cpu "$us" "$ss")")
  if [ -z "$mb_tally" ]; then
    mb_tally=$(tally "$d/public")
    mb_maxpage=$(find "$d/public" -type f -name '*.html' -printf '%s\n' | sort -n | tail -n 1)
  fi
  rm -rf "$d"
  log "run $i/$RUNS: minhbach ${s}s wall, ${mb_cpu[-1]}s cpu, ${kb} KB"
  if [ $with_hugo = 1 ]; then
    d=$W/runs/hugo-$i
    rm -rf "$W/hugo/resources" "$W/hugo/public"
    measure "$d.time" "$HUGO" --quiet --source "$W/hugo" --destination "$d/public"
    read -r s kb us ss <"$d.time"
    hg_s+=("$s") hg_rss+=("$kb") hg_cpu+=("$(cpu "$us" "$ss")")
    [ -n "$hg_tally" ] || hg_tally=$(tally "$d/public")
    rm -rf "$d"
    log "run $i/$RUNS: hugo ${s}s wall, ${hg_cpu[-1]}s cpu, ${kb} KB"
  fi
done

read -r mb_pages mb_files mb_bytes <<<"$mb_tally"
mb_med=$(median "${mb_s[@]}")
echo "size=$size"
echo "runs=$RUNS"
echo "minhbach_median_s=$mb_med"
if [ $with_hugo = 1 ]; then
  read -r hg_pages hg_files hg_bytes <<<"$hg_tally"
  hg_med=$(median "${hg_s[@]}")
  echo "hugo_median_s=$hg_med"
  awk -v m="$mb_med" -v h="$hg_med" 'BEGIN {if (h > 0) printf "ratio=%.2f\n", m / h; else print "ratio=inf"}'
  echo "minhbach_peak_rss_mib=$(peak "${mb_rss[@]}")"
  echo "hugo_peak_rss_mib=$(peak "${hg_rss[@]}")"
else
  hg_pages=skipped hg_files=skipped hg_bytes=skipped
  echo "hugo_median_s=skipped"
  echo "ratio=skipped"
  echo "minhbach_peak_rss_mib=$(peak "${mb_rss[@]}")"
  echo "hugo_peak_rss_mib=skipped"
fi
echo "minhbach_pages=$mb_pages"
echo "minhbach_largest_page_bytes=${mb_maxpage:-0}"
echo "hugo_pages=$hg_pages"
echo "minhbach_files=$mb_files"
echo "hugo_files=$hg_files"
echo "minhbach_bytes=$mb_bytes"
echo "hugo_bytes=$hg_bytes"
if [ $with_hugo = 1 ]; then
  awk -v m="$mb_med" -v h="$hg_med" -v mp="$mb_pages" -v hp="$hg_pages" \
    'BEGIN {if (h > 0 && mp > 0) printf "per_page_ratio=%.3f\n", (m / mp) / (h / hp); else print "per_page_ratio=inf"}'
else
  echo "per_page_ratio=skipped"
fi
# CPU time (user + sys) is less disturbed than wall time when the machine is shared.
echo "minhbach_median_cpu_s=$(median "${mb_cpu[@]}")"
if [ $with_hugo = 1 ]; then
  echo "hugo_median_cpu_s=$(median "${hg_cpu[@]}")"
else
  echo "hugo_median_cpu_s=skipped"
fi
if [ $with_hugo = 1 ]; then
  awk -v m="$(median "${mb_cpu[@]}")" -v h="$(median "${hg_cpu[@]}")" 'BEGIN {if (h > 0) printf "cpu_ratio=%.2f\n", m / h; else print "cpu_ratio=inf"}'
fi
