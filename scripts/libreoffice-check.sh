#!/usr/bin/env bash
# Opens the sample's downloads in LibreOffice (headless), with its interface
# in vi-VN and then en-US, and checks that every value, code and period of
# the workbooks (as they open) and of the CSVs (with the import settings the
# data page gives) comes through unchanged; prints cells checked, cells
# changed, soffice's time, and what LibreOffice's default CSV import would
# have changed. Installs nothing: needs soffice (Debian:
# apt-get install libreoffice-calc-nogui). Exit status 1 if a cell changed.
set -euo pipefail
cd "$(dirname "$0")/.."

soffice="${SOFFICE:-$(command -v soffice || true)}"
if [ -z "$soffice" ]; then
  echo "libreoffice-check: soffice not found; install it with: apt-get install libreoffice-calc-nogui" >&2
  exit 2
fi
"$soffice" --version
start=$(date +%s)
status=0
MINHBACH_SOFFICE="$soffice" go test ./internal/export -run '^TestLibreOffice$' -count=1 -v -timeout 30m \
  | sed -n 's/^ *libreoffice_test.go:[0-9]*: //p; /^--- /p; /^FAIL/p; /^ok/p' || status=$?
echo "libreoffice_check_seconds=$(( $(date +%s) - start ))"
exit "$status"
