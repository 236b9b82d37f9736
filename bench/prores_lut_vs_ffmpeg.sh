#!/usr/bin/env bash
# The finishing job both ways on the same machine: UHD ProRes 4444 XQ in, a 33^3 LUT, ProRes 422 HQ out.
#   Tinct:  tinct render -i in.mov --lut show-plain.cube -o out.mov --codec prores --prores-profile hq
#   ffmpeg: ffmpeg -i in.mov -vf lut3d=show-plain.cube:interp=tetrahedral -c:v prores_ks -profile:v hq out.mov
# Both decode with FFmpeg's ProRes decoder and encode with prores_ks; Tinct converts YUV<->RGB and
# applies the LUT on its Vulkan device, ffmpeg in swscale and the lut3d filter on the CPU.
# Prints one Markdown table row for bench/BENCHMARKS.md. Usage: bench/prores_lut_vs_ffmpeg.sh [FRAMES] [WxH]
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-12}
size=${2:-3840x2160}
tinct=build/app/tinct
work=build/bench/prores_lut
rm -rf "$work"
mkdir -p "$work"
lut=$work/show-plain.cube
python3 luts/make_show_cube.py --plain -o "$lut"

ffmpeg -loglevel error -y -f lavfi -i "testsrc2=size=$size:rate=24000/1001" -frames:v "$frames" \
  -vf format=yuva444p10le -c:v prores_ks -profile:v 4444xq "$work/in.mov"

now() { date +%s.%N; }
t0=$(now)
"$tinct" render -i "$work/in.mov" -o "$work/tinct.mov" --lut "$lut" --codec prores --prores-profile hq \
  --stats "$work/tinct-stats.json" 2>/dev/null
t1=$(now)
ffmpeg -loglevel error -y -i "$work/in.mov" -vf "lut3d=file=$lut:interp=tetrahedral" \
  -c:v prores_ks -profile:v hq "$work/ffmpeg.mov"
t2=$(now)

tinct_s=$(awk "BEGIN{print $t1 - $t0}")
ffmpeg_s=$(awk "BEGIN{print $t2 - $t1}")
speedup=$(awk "BEGIN{print $ffmpeg_s / $tinct_s}")
device=$("$tinct" devices | sed -n 's/^\* [0-9]*: //p' | head -n 1)
stages=$(tr -d ' \n' <"$work/tinct-stats.json" | sed -E 's/.*"stage_ms":\{([^}]*)\}.*/\1/')
printf '| %s | %s x %d | %s | %.2f s | %.2f s | %.2fx | %s |\n' \
  "$(date +%Y-%m-%d)" "$size" "$frames" "$device, $(nproc) cores" "$tinct_s" "$ffmpeg_s" "$speedup" "$stages"
