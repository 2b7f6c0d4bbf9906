#!/usr/bin/env bash
# Checks the downloads of a built site with tools that are not ours:
# sha256sum -c on every SHA256SUMS (both data folders, every release), then Frictionless Data's own JS libraries on
# datapackage.json and every CSV it lists (profile, types, constraints,
# primary and foreign keys), and jsonld.js on the schema.org Dataset of
# the data page and every indicator page, in both languages. Prints what
# it checked; exits non-zero on any problem.
#
# Usage: scripts/check-downloads.sh PUBLIC_DIR   (as built by minhbach build --dest)
# Needs Node.js and npm (installs its two npm packages, pinned by
# scripts/datapackage/package-lock.json, into scripts/datapackage/node_modules).
set -euo pipefail
site=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)

# Each data folder (Vietnamese, English) and each release of the data has
# its own SHA256SUMS.
echo "== sha256sum -c SHA256SUMS"
for d in "$site/du-lieu" "$site/en/du-lieu" "$site"/du-lieu/phat-hanh/*/; do
  [ -f "$d/SHA256SUMS" ] || continue
  (cd "$d" && sha256sum -c --quiet SHA256SUMS && echo "${d#"$site"/}: $(wc -l <SHA256SUMS) files: OK")
done

echo "== Frictionless Data Package v1 (npm datapackage) and JSON-LD (npm jsonld)"
cd "$here/datapackage"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
pages=("$site/du-lieu/index.html" "$site/en/du-lieu/index.html")
for p in "$site"/chi-so/*/index.html "$site"/en/chi-so/*/index.html; do
  pages+=("$p")
done
node validate.js "$site/du-lieu" "$site/en/du-lieu" "${pages[@]}"
