#!/usr/bin/env bash
# Dust and dirt on film-like footage under seeded blotches (bench_dust_footage: a pan, a moving
# object, a small fast object, grain, a cut; 0.6% of pixels a frame in blotches), against the peer a
# user would reach for in ffmpeg, a temporal median of three frames (tmedian=radius=1).
#   quality: both on the same damaged frames (float EXR, default WxH 768x576), PSNR against the clean
#            frames by ffmpeg's psnr filter
#   speed:   whole job both ways, alternated, on 10-bit DPX at 2K (2048x1556)
#   Tinct:  tinct render -i damaged.####.dpx --grade dust.json -o out.####.dpx   (dust, defaults)
#   ffmpeg: ffmpeg -i damaged.%04d.dpx -vf tmedian=radius=1 -c:v dpx -pix_fmt gbrp10le out.%04d.dpx
# Prints two Markdown table rows for bench/BENCHMARKS.md.
# Usage: bench/dust_vs_ffmpeg.sh [FRAMES] [ROUNDS] [QUALITY_WxH] [SPEED_WxH]
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-24}
rounds=${2:-2}
quality=${3:-768x576}
speed=${4:-2048x1556}
tinct=build/app/tinct
work=build/bench/dust
rm -rf "$work"
mkdir -p "$work/q" "$work/s/tinct" "$work/s/ffmpeg"
printf '{"tinct_grade": 2, "nodes": [{"id": "dust", "type": "dust"}]}\n' >"$work/dust.json"
device=$("$tinct" devices | sed -n 's/^\* [0-9]*: //p' | head -n 1)

# PSNR of sequence $1 against the clean frames, as ffmpeg's psnr filter averages it.
psnr_of() {
  ffmpeg -hide_banner -nostats -start_number 0 -i "$1" -start_number 0 -i "$work/q/clean.%04d.exr" \
    -lavfi "[0:v]format=gbrpf32le[a];[1:v]format=gbrpf32le[b];[a][b]psnr" -f null - 2>&1 |
    sed -n 's/.*average:\([0-9.inf]*\).*/\1/p' | tail -n 1
}

build/bench/bench_dust_footage "$work/q" "${quality%x*}" "${quality#*x}" "$frames"
"$tinct" render -i "$work/q/damaged.####.exr" --grade "$work/dust.json" -o "$work/q/dust.####.exr" 2>/dev/null
ffmpeg -loglevel error -y -start_number 0 -i "$work/q/damaged.%04d.exr" -vf tmedian=radius=1 -c:v exr \
  -start_number 0 "$work/q/tmedian.%04d.exr"
printf '| %s | quality, %s x %d | %s | damaged %s dB | tmedian %s dB | dust %s dB |\n' "$(date +%Y-%m-%d)" "$quality" "$frames" \
  "$device, $(nproc) cores" "$(psnr_of "$work/q/damaged.%04d.exr")" "$(psnr_of "$work/q/tmedian.%04d.exr")" \
  "$(psnr_of "$work/q/dust.%04d.exr")"

build/bench/bench_dust_footage "$work/s" "${speed%x*}" "${speed#*x}" "$frames"
ffmpeg -loglevel error -y -start_number 0 -i "$work/s/damaged.%04d.exr" -c:v dpx -pix_fmt gbrp10le \
  -start_number 0 "$work/s/scan.%04d.dpx"
source bench/alternate.sh
run_tinct() {
  "$tinct" render -i "$work/s/scan.####.dpx" --grade "$work/dust.json" -o "$work/s/tinct/out.####.dpx" 2>/dev/null
}
run_ffmpeg() {
  ffmpeg -loglevel error -y -start_number 0 -i "$work/s/scan.%04d.dpx" -vf tmedian=radius=1 -c:v dpx -pix_fmt gbrp10le \
    -start_number 0 "$work/s/ffmpeg/out.%04d.dpx"
}
alternate "$rounds" run_tinct run_ffmpeg
printf '| %s | speed, %s x %d, %d rounds | %s | dust %.2f s (%.2f fps) | tmedian %.2f s (%.1f fps) | %.2f |\n' \
  "$(date +%Y-%m-%d)" "$speed" "$frames" "$rounds" "$device, $(nproc) cores" "$tinct_s" \
  "$(awk "BEGIN{print $frames / $tinct_s}")" "$peer_s" "$(awk "BEGIN{print $frames / $peer_s}")" \
  "$(awk "BEGIN{print $tinct_s / $peer_s}")"
