#!/usr/bin/env bash
# Grain added to a 2K scan: `tinct render --grade grain.json` (the grain node at its defaults: 0.02 in
# the mid-tones, size 1, colour 0.3, half strength in shadows and highlights) against
# `ffmpeg -vf noise=alls=5:allf=t` (temporal noise, the same for every brightness), on the same 10-bit
# DPX frames of the film footage; the whole job both ways, alternated. Also each one's grain deviation
# in the shadows, mid-tones and highlights of a grey ramp, measured with ffmpeg's signalstats on the
# difference from the ramp: what a regrain needs to follow and ffmpeg's noise does not.
# Prints Markdown table rows for bench/BENCHMARKS.md.
# Usage: bench/grain_vs_ffmpeg.sh [FRAMES] [ROUNDS] [WxH]
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-24}
rounds=${2:-2}
size=${3:-2048x1556}
tinct=build/app/tinct
work=build/bench/grain
rm -rf "$work"
mkdir -p "$work/film" "$work/tinct" "$work/ffmpeg" "$work/ramp"
device=$("$tinct" devices | sed -n 's/^\* [0-9]*: //p' | head -n 1)
printf '{"tinct_grade": 2, "nodes": [{"id": "gr", "type": "grain"}]}\n' >"$work/grade.json"
build/bench/bench_film_footage "$work/film" "${size%x*}" "${size#*x}" "$frames" grain
ffmpeg -loglevel error -y -start_number 0 -i "$work/film/clean.%04d.exr" -c:v dpx -pix_fmt gbrp10le -start_number 0 "$work/film/scan.%04d.dpx"
source bench/alternate.sh
run_tinct() { "$tinct" render -i "$work/film/scan.####.dpx" --grade "$work/grade.json" -o "$work/tinct/out.####.dpx" 2>/dev/null; }
run_ffmpeg() {
  ffmpeg -loglevel error -y -start_number 0 -i "$work/film/scan.%04d.dpx" -vf noise=alls=5:allf=t -c:v dpx -pix_fmt gbrp10le \
    -start_number 0 "$work/ffmpeg/out.%04d.dpx"
}
alternate "$rounds" run_tinct run_ffmpeg
printf '| %s | speed, %s x %d, %d rounds | %s | grain %.2f s (%.2f fps) | noise %.2f s (%.1f fps) | %.2f |\n' \
  "$(date +%Y-%m-%d)" "$size" "$frames" "$rounds" "$device, $(nproc) cores" "$tinct_s" "$(awk "BEGIN{print $frames / $tinct_s}")" \
  "$peer_s" "$(awk "BEGIN{print $frames / $peer_s}")" "$(awk "BEGIN{print $tinct_s / $peer_s}")"

# Grey levels 0.1, 0.5 and 0.9 (10-bit DPX), each one frame; the grain's deviation is that of the
# difference from the flat frame, in code values of 1023.
for level in 0.1 0.5 0.9; do
  code=$(awk "BEGIN{printf \"%d\", $level * 1023 + 0.5}")
  ffmpeg -loglevel error -y -f lavfi -i "color=c=black:s=512x512:d=1,format=gbrp10le,geq=r=$code:g=$code:b=$code" -frames:v 1 \
    -c:v dpx -pix_fmt gbrp10le "$work/ramp/flat$level.dpx"
  "$tinct" render -i "$work/ramp/flat$level.dpx" --grade "$work/grade.json" -o "$work/ramp/tinct$level.dpx" 2>/dev/null
  ffmpeg -loglevel error -y -i "$work/ramp/flat$level.dpx" -vf noise=alls=5:allf=t -c:v dpx -pix_fmt gbrp10le "$work/ramp/ffmpeg$level.dpx"
done
deviation() {  # of the green plane of $1 against $2, in code values of 1023 (from the psnr filter's green PSNR)
  ffmpeg -hide_banner -nostats -i "$1" -i "$2" -lavfi "[0:v]format=gbrp10le[a];[1:v]format=gbrp10le[b];[a][b]psnr" -f null - 2>&1 |
    sed -n 's/.*PSNR r:[0-9.]* g:\([0-9.]*\).*/\1/p' | tail -n 1 | awk '{printf "%.1f", 1023 * exp(-$1 / 20 * log(10))}'
}
row="| $(date +%Y-%m-%d) | grain deviation at grey 0.1 / 0.5 / 0.9 (code values of 1023) | $device |"
tinct_row="" ffmpeg_row=""
for level in 0.1 0.5 0.9; do
  tinct_row="$tinct_row $(deviation "$work/ramp/tinct$level.dpx" "$work/ramp/flat$level.dpx")"
  ffmpeg_row="$ffmpeg_row $(deviation "$work/ramp/ffmpeg$level.dpx" "$work/ramp/flat$level.dpx")"
done
printf '%s grain%s | noise%s | |\n' "$row" "$tinct_row" "$ffmpeg_row"
