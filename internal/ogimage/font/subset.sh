#!/bin/sh
# Makes the two fonts the preview images are drawn with: DejaVu Sans and
# DejaVu Sans Bold from Debian's fonts-dejavu-core (2.37), cut down to the
# letters a Vietnamese or English page can show (Basic Latin, Latin-1,
# Latin Extended-A and -B, the combining marks, Latin Extended Additional
# — every Vietnamese letter — general punctuation, currency, arrows), by
# Debian's python3-fonttools (pyftsubset). Run it after a new Debian
# version of the fonts; then update LICENSE if its copyright changed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=/usr/share/fonts/truetype/dejavu
u=U+0020-007E,U+00A0-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20BF,U+2190-21FF,U+2212
for f in DejaVuSans DejaVuSans-Bold; do
	/usr/bin/python3 -m fontTools.subset "$src/$f.ttf" --unicodes="$u" --layout-features='kern,liga,ccmp,mark,mkmk' \
		--no-hinting --desubroutinize --drop-tables+=FFTM,GDEF --name-IDs='*' --output-file="$here/$f.ttf"
	wc -c <"$here/$f.ttf"
done
