#!/usr/bin/env bash
# Frames rebuilt from their neighbours: every other frame of a clean film-like clip (bench_film_footage:
# a pan, a moving object, a small fast object, grain, a cut) removed and rebuilt, by `frame_repair`
# with those frames listed, and by ffmpeg's minterpolate (mi_mode=mci, motion-compensated) from the
# frames kept at half the rate. PSNR of the rebuilt frames against the removed ones by ffmpeg's psnr
# filter. minterpolate works on 8-bit YUV: its frames come from yuv444p, and the PSNR of the clean
# frames' own round trip through yuv444p is printed as the ceiling it can reach. Speed: the whole job
# both ways on the same frames, alternated.
# Prints Markdown table rows for bench/BENCHMARKS.md.
# Usage: bench/frame_repair_vs_ffmpeg.sh [FRAMES] [ROUNDS] [WxH]
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-24}
rounds=${2:-2}
size=${3:-768x576}
tinct=build/app/tinct
work=build/bench/frame_repair
rm -rf "$work"
mkdir -p "$work/film" "$work/kept" "$work/tinct" "$work/ffmpeg" "$work/removed" "$work/ours" "$work/theirs" "$work/trip"
device=$("$tinct" devices | sed -n 's/^\* [0-9]*: //p' | head -n 1)
build/bench/bench_film_footage "$work/film" "${size%x*}" "${size#*x}" "$frames" grain
# The odd frames are the lost ones; the even ones, renumbered, what minterpolate gets.
listed=""
for ((n = 0; n < frames; n++)); do
  src=$(printf '%s/film/clean.%04d.exr' "$work" "$n")
  if ((n % 2)); then
    listed="$listed${listed:+, }$n"
    cp "$src" "$(printf '%s/removed/f.%04d.exr' "$work" $((n / 2)))"
  else
    cp "$src" "$(printf '%s/kept/k.%04d.exr' "$work" $((n / 2)))"
  fi
done
printf '{"tinct_grade": 2, "nodes": [{"id": "fix", "type": "frame_repair", "params": {"frames": "%s", "detect_blank": false, "detect_frozen": false, "detect_damaged": false}}]}\n' \
  "$listed" >"$work/grade.json"

run_tinct() { "$tinct" render -i "$work/film/clean.####.exr" --grade "$work/grade.json" -o "$work/tinct/t.####.exr" 2>/dev/null; }
run_ffmpeg() {
  ffmpeg -loglevel error -y -framerate 12 -start_number 0 -i "$work/kept/k.%04d.exr" \
    -vf "format=yuv444p,minterpolate=fps=24:mi_mode=mci,format=gbrpf32le" -c:v exr -start_number 0 "$work/ffmpeg/m.%04d.exr"
}
source bench/alternate.sh
alternate "$rounds" run_tinct run_ffmpeg

# The rebuilt frames, numbered as the removed ones (frame 2k+1 of each output is removed frame k).
count=$((frames / 2))
for ((k = 0; k < count; k++)); do
  n=$((2 * k + 1))
  cp "$(printf '%s/tinct/t.%04d.exr' "$work" "$n")" "$(printf '%s/ours/f.%04d.exr' "$work" "$k")"
  [ -f "$(printf '%s/ffmpeg/m.%04d.exr' "$work" "$n")" ] && cp "$(printf '%s/ffmpeg/m.%04d.exr' "$work" "$n")" "$(printf '%s/theirs/f.%04d.exr' "$work" "$k")"
done
# The last removed frame has no kept frame after it: minterpolate cannot make it; both are scored on
# the frames both made.
scored=$(ls "$work/theirs" | wc -l)
psnr_of() {
  ffmpeg -hide_banner -nostats -start_number 0 -i "$1" -start_number 0 -i "$work/removed/f.%04d.exr" -frames:v "$scored" \
    -lavfi "[0:v]format=gbrpf32le[a];[1:v]format=gbrpf32le[b];[a][b]psnr" -f null - 2>&1 |
    sed -n 's/.*average:\([0-9.inf]*\).*/\1/p' | tail -n 1
}
ffmpeg -loglevel error -y -start_number 0 -i "$work/removed/f.%04d.exr" -vf "format=yuv444p,format=gbrpf32le" -c:v exr \
  -start_number 0 "$work/trip/f.%04d.exr"
printf '| %s | quality, %s, %d of %d frames rebuilt | %s | minterpolate %s dB (yuv444p ceiling %s dB) | frame_repair %s dB |\n' \
  "$(date +%Y-%m-%d)" "$size" "$scored" "$frames" "$device, $(nproc) cores" "$(psnr_of "$work/theirs/f.%04d.exr")" \
  "$(psnr_of "$work/trip/f.%04d.exr")" "$(psnr_of "$work/ours/f.%04d.exr")"
printf '| %s | speed, %s x %d, %d rounds | %s | minterpolate %.2f s | frame_repair %.2f s | %.2f |\n' \
  "$(date +%Y-%m-%d)" "$size" "$frames" "$rounds" "$device, $(nproc) cores" "$peer_s" "$tinct_s" "$(awk "BEGIN{print $tinct_s / $peer_s}")"
