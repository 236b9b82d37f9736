#!/usr/bin/env bash
# A movie transcode both ways, alternated in one run on the same machine: an SD clip as it comes from
# a camera or an archive (H.264 4:2:0, 768x576, moving detail and grain), a 33^3 LUT, ProRes 422 HQ.
#   Tinct:  tinct render -i in.mp4 --lut show-plain.cube -o out.mov --codec prores --prores-profile hq
#   ffmpeg: ffmpeg -i in.mp4 -vf format=gbrp16le,lut3d=show-plain.cube:interp=tetrahedral,format=yuv422p10le
#           -c:v prores_ks -profile:v hq out.mov
# Both decode with FFmpeg's H.264 decoder and encode with prores_ks; Tinct converts YUV<->RGB and
# applies the LUT on its Vulkan device, ffmpeg in swscale and the lut3d filter on the CPU. Each side
# runs ROUNDS times, alternating; the medians are compared. Prints one Markdown table row for
# bench/BENCHMARKS.md. Usage: bench/movie_lut_vs_ffmpeg.sh [FRAMES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-200}
rounds=${2:-3}
tinct=build/app/tinct
work=build/bench/movie_lut
rm -rf "$work"
mkdir -p "$work"
lut=$work/show-plain.cube
python3 luts/make_show_cube.py --plain -o "$lut"

ffmpeg -loglevel error -y -f lavfi -i "testsrc2=size=768x576:rate=25" -frames:v "$frames" \
  -vf "noise=alls=12:allf=t,format=yuv420p" -c:v libx264 -crf 18 -bf 2 -g 25 "$work/in.mp4"

source bench/alternate.sh
run_tinct() {
  "$tinct" render -i "$work/in.mp4" -o "$work/tinct.mov" --lut "$lut" --codec prores --prores-profile hq \
    --stats "$work/tinct-stats.json" 2>/dev/null
}
run_ffmpeg() {
  ffmpeg -loglevel error -y -i "$work/in.mp4" \
    -vf "format=gbrp16le,lut3d=file=$lut:interp=tetrahedral,format=yuv422p10le" -c:v prores_ks -profile:v hq "$work/ffmpeg.mov"
}
alternate "$rounds" run_tinct run_ffmpeg
ffmpeg_s=$peer_s
ratio=$(awk "BEGIN{print $tinct_s / $ffmpeg_s}")
device=$("$tinct" devices | sed -n 's/^\* [0-9]*: //p' | head -n 1)
stages=$(tr -d ' \n' <"$work/tinct-stats.json" | sed -E 's/.*"stage_ms":\{([^}]*)\}.*/\1/')
printf '| %s | 768x576 x %d, %d rounds | %s | %.2f s | %.2f s | %.2f | %s |\n' \
  "$(date +%Y-%m-%d)" "$frames" "$rounds" "$device, $(nproc) cores" "$tinct_s" "$ffmpeg_s" "$ratio" "$stages"
