#!/usr/bin/env bash
# Waveform, vectorscope and histogram of the same UHD EXR frames, whole job (read, scopes, output):
#   Tinct:  tinct scopes in.####.exr --kinds waveform,vectorscope,histogram   (writes PNGs)
#   ffmpeg: ffmpeg -i in.%04d.exr -filter_complex "format=gbrp10le,split=3,waveform,vectorscope,histogram" -f null
# and, on the GPU alone, all five scopes against one fused grade pass (build/bench/bench_scopes).
# Prints Markdown table rows for bench/BENCHMARKS.md. Usage: bench/scopes_vs_ffmpeg.sh [FRAMES] [WxH]
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-6}
size=${2:-3840x2160}
tinct=build/app/tinct
work=build/bench/scopes
rm -rf "$work"
mkdir -p "$work"
"$tinct" sample -o "$work/in" --size "$size" --count "$frames" >/dev/null
first=$(ls "$work/in" | grep exr | head -n 1 | sed -E 's/sample\.0*([0-9]+)\.exr/\1/')

now() { date +%s.%N; }
t0=$(now)
"$tinct" scopes "$work/in/sample.####.exr" -o "$work/tinct" --kinds waveform,vectorscope,histogram >/dev/null 2>&1
t1=$(now)
ffmpeg -loglevel error -y -start_number "$first" -i "$work/in/sample.%04d.exr" -filter_complex \
  "format=gbrp10le,split=3[a][b][c];[a]waveform[w];[b]vectorscope[v];[c]histogram[h]" \
  -map "[w]" -f null - -map "[v]" -f null - -map "[h]" -f null -
t2=$(now)
device=$("$tinct" devices | sed -n 's/^\* [0-9]*: //p' | head -n 1)
printf '| %s | %s x %d | %s, %d cores | %.2f s | %.2f s | %.2f |\n' "$(date +%Y-%m-%d)" "$size" "$frames" \
  "$device" "$(nproc)" "$(awk "BEGIN{print $t1 - $t0}")" "$(awk "BEGIN{print $t2 - $t1}")" \
  "$(awk "BEGIN{print ($t1 - $t0) / ($t2 - $t1)}")"
python3 luts/make_show_cube.py --plain -o "$work/show-plain.cube"
build/bench/bench_scopes "$work/show-plain.cube" 3
