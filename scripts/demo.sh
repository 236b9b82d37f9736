#!/usr/bin/env bash
# Installs what Tinct needs, builds it, writes the built-in sample footage and grades it with the
# CDL and show LUT that ship in luts/. Results go to out/ in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
tinct=build/app/tinct

"$tinct" devices
"$tinct" sample -o out/sample
"$tinct" render -i out/sample/sample.####.exr -o out/graded/graded.####.exr \
  --cdl luts/look.cc --lut luts/show.cube --progress --stats out/graded/stats.json
"$tinct" info out/graded/graded.####.exr

# A PNG of the first graded frame, to look at (the show LUT outputs display-referred values).
first=$(ls out/graded/graded.*.exr | head -n 1)
ffmpeg -loglevel error -y -i "$first" -frames:v 1 -pix_fmt rgb24 out/graded/preview.png

echo
echo "Sample footage:  out/sample/   (scene-linear ACES2065-1 EXR, chart values in chart.json)"
echo "Graded frames:   out/graded/   (look.cc then show.cube)"
echo "Stage timings:   out/graded/stats.json"
echo "Preview:         out/graded/preview.png"
