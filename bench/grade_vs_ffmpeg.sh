#!/usr/bin/env bash
# A ten-node grade over UHD half-float EXR frames, whole job (read, grade, write), against the
# nearest ffmpeg filter chain on the same frames and cores:
#   Tinct:  tinct render --grade ten-nodes.json   (primaries, tone, curves, CDLs, mixer, LUT, ...)
#   ffmpeg: -vf eq,colorbalance,curves,lut3d
# Prints one Markdown table row for bench/BENCHMARKS.md. Usage: bench/grade_vs_ffmpeg.sh [FRAMES] [WxH]
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-6}
size=${2:-3840x2160}
tinct=build/app/tinct
work=build/bench/grade
rm -rf "$work"
mkdir -p "$work"
python3 luts/make_show_cube.py --plain -o "$work/show.cube"
"$tinct" sample -o "$work/src" --size "$size" --count "$frames" >/dev/null
first=$(ls "$work/src" | grep exr | head -n 1 | sed -E 's/sample\.0*([0-9]+)\.exr/\1/')
cat > "$work/ten-nodes.json" <<JSON
{"tinct_grade": 1, "nodes": [
 {"id": "n1", "type": "primaries", "params": {"style": "lin", "exposure": [0.1, 0, -0.1, 0.2], "contrast": [1, 1, 1, 1.1]}},
 {"id": "n2", "type": "tone", "inputs": ["n1"], "params": {"midtones": [1, 1, 1, 1.1], "s_contrast": 1.1}},
 {"id": "n3", "type": "curves", "inputs": ["n2"], "params": {"master": [[0, 0], [0.3, 0.27], [0.7, 0.74], [1, 1]]}},
 {"id": "n4", "type": "cdl", "inputs": ["n3"], "params": {"slope": [1.05, 1, 0.95], "saturation": 1.1}},
 {"id": "n5", "type": "channel_mixer", "inputs": ["n4"], "params": {"red": [0.95, 0.05, 0]}},
 {"id": "n6", "type": "primaries", "inputs": ["n5"], "params": {"style": "log", "gamma": [1, 1, 1, 1.05]}},
 {"id": "n7", "type": "cdl", "inputs": ["n6"], "params": {"offset": [0.005, 0, -0.005]}},
 {"id": "n8", "type": "soft_clip", "inputs": ["n7"], "params": {"knee": 4, "ceiling": 16}},
 {"id": "n9", "type": "lut", "inputs": ["n8"], "params": {"file": "show.cube"}},
 {"id": "n10", "type": "clamp", "inputs": ["n9"]}]}
JSON
now() { date +%s.%N; }
t0=$(now)
"$tinct" render -i "$work/src/sample.####.exr" -o "$work/tinct/out.####.exr" --grade "$work/ten-nodes.json" \
  --pixel-type half --compression zip >/dev/null 2>&1
t1=$(now)
ffmpeg -loglevel error -y -start_number "$first" -i "$work/src/sample.%04d.exr" \
  -vf "eq=contrast=1.1:saturation=1.1,colorbalance=rm=0.05:bm=-0.05,curves=master='0/0 0.3/0.27 0.7/0.74 1/1',lut3d=file=$work/show.cube:interp=tetrahedral" \
  -c:v exr -compression zip16 -format half -start_number "$first" "$work/ffmpeg.%04d.exr"
t2=$(now)
device=$("$tinct" devices | sed -n 's/^\* [0-9]*: //p' | head -n 1)
printf '| %s | %s x %d | %s, %d cores | %.2f s | %.2f s | %.2f |\n' "$(date +%Y-%m-%d)" "$size" "$frames" "$device" "$(nproc)" \
  "$(awk "BEGIN{print $t1 - $t0}")" "$(awk "BEGIN{print $t2 - $t1}")" "$(awk "BEGIN{print ($t1 - $t0) / ($t2 - $t1)}")"
