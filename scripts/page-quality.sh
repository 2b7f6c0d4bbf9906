#!/usr/bin/env bash
# Page quality of a built site, as a cheap phone's reader gets it: serves
# the site gzipped on 127.0.0.1 and runs html-validate (standard preset) on
# every page, Hugo's alias pages included; axe-core on every page type in
# both languages, on a phone and a desktop screen, in light and dark
# colour schemes; and Lighthouse 12.2.3 mobile (Slow 4G, 4× CPU) on every
# page type in both languages, printing per page performance,
# accessibility, best practices and SEO, LCP, TBT, CLS and bytes. Exits
# non-zero on any html-validate error or axe violation, and on an
# accessibility or best-practices score below 1 or a CLS above 0.
#
# Usage: scripts/page-quality.sh [--no-lighthouse | --lighthouse-only] [PUBLIC_DIR]
# Without PUBLIC_DIR it builds the sample into a temporary folder. Needs
# Node.js and npm (its npm packages, pinned by
# scripts/page-quality/package-lock.json, go to
# scripts/page-quality/node_modules) and Chromium (CHROME_PATH, default
# /usr/bin/chromium). .ci/run runs it with --no-lighthouse (about 2
# minutes); Lighthouse takes some 10 s a page.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
flags=()
site=""
for a in "$@"; do
  case "$a" in
    --*) flags+=("$a") ;;
    *) site=$(cd "$a" && pwd) ;;
  esac
done
if [ -z "$site" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  site="$tmp/public"
  (cd "$here/.." && go run ./cmd/minhbach build --draft --dest "$site" >/dev/null)
fi
export CHROME_PATH="${CHROME_PATH:-$(command -v chromium || echo /usr/bin/chromium)}"
cd "$here/page-quality"
# npm ci only when the lock file changed since the last install.
lock=$(sha256sum package-lock.json | cut -c1-64)
if [ "$(cat node_modules/.minhbach-lock 2>/dev/null)" != "$lock" ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  echo "$lock" >node_modules/.minhbach-lock
fi
start=$(date +%s)
node page-quality.mjs "$site" "${flags[@]}"
echo "page-quality: $(( $(date +%s) - start )) s"
