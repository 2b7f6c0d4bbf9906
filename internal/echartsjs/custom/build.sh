#!/bin/sh
# Builds ../echarts.custom.min.js, the tree-shaken ECharts the site serves,
# from the npm packages pinned in package-lock.json (echarts 6.1.0,
# esbuild 0.28.2). Needs node and npm; writes nothing else outside a
# temporary folder. Run it after changing entry.js or the versions, then
# update the digest and size in ../echartsjs_test.go and ../README.md.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$here/entry.js" "$work/"
cd "$work"
# --ignore-scripts: esbuild's binary comes in its platform package.
npm ci --ignore-scripts --no-audit --no-fund >/dev/null
./node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --global-name=echarts \
	--target=es5 --legal-comments=none \
	--banner:js='/*! Apache ECharts 6.1.0 (Apache-2.0; see LICENSE, NOTICE), only the parts minhbach uses: custom/entry.js */' \
	--outfile="$here/../echarts.custom.min.js" --log-level=warning
sha256sum "$here/../echarts.custom.min.js"
wc -c <"$here/../echarts.custom.min.js"
