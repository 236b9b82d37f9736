#!/usr/bin/env bash
# The same whole job both ways on the same machine: UHD half-float ZIP EXR frames through a 33^3
# tetrahedral LUT, written back as half-float ZIP EXR.
#   Tinct:  tinct render --lut show-plain.cube
#   ffmpeg: ffmpeg -vf lut3d=show-plain.cube:interp=tetrahedral -c:v exr -compression zip16 -format half
# The LUT is the shipped show look in its plain form (no 1D shaper), which ffmpeg's lut3d reads.
# Prints one Markdown table row for bench/BENCHMARKS.md. Usage: bench/lut3d_vs_ffmpeg.sh [FRAMES] [WxH]
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-12}
size=${2:-3840x2160}
tinct=build/app/tinct
work=build/bench/lut3d
rm -rf "$work"
mkdir -p "$work"
lut=$work/show-plain.cube
python3 luts/make_show_cube.py --plain -o "$lut"

# Input: the sample chart at the asked size, as half-float ZIP (OpenEXR's ZIP is ffmpeg's zip16).
"$tinct" sample -o "$work/src" --size "$size" --count "$frames" >/dev/null
"$tinct" render -i "$work/src/sample.####.exr" -o "$work/in/in.####.exr" --pixel-type half --compression zip >/dev/null 2>&1
first=$(ls "$work/in" | head -n 1 | sed -E 's/in\.0*([0-9]+)\.exr/\1/')

now() { date +%s.%N; }

t0=$(now)
"$tinct" render -i "$work/in/in.####.exr" -o "$work/tinct/out.####.exr" --lut "$lut" \
  --pixel-type half --compression zip --stats "$work/tinct-stats.json" 2>/dev/null
t1=$(now)
ffmpeg -loglevel error -y -start_number "$first" -i "$work/in/in.%04d.exr" \
  -vf "lut3d=file=$lut:interp=tetrahedral" -c:v exr -compression zip16 -format half \
  -start_number "$first" "$work/ffmpeg.%04d.exr"
t2=$(now)

tinct_s=$(awk "BEGIN{print $t1 - $t0}")
ffmpeg_s=$(awk "BEGIN{print $t2 - $t1}")
ratio=$(awk "BEGIN{print $tinct_s / $ffmpeg_s}")
device=$("$tinct" devices | sed -n 's/^\* [0-9]*: //p' | head -n 1)
stages=$(tr -d ' \n' <"$work/tinct-stats.json" | sed -E 's/.*"stage_ms":\{([^}]*)\}.*/\1/')
printf '| %s | %s x %d | %s | %.2f s | %.2f s | %.2f | %s |\n' \
  "$(date +%Y-%m-%d)" "$size" "$frames" "$device, $(nproc) cores" "$tinct_s" "$ffmpeg_s" "$ratio" "$stages"
