#!/usr/bin/env bash
# A restoration node on film-like footage under seeded damage (bench_film_footage: a pan, a moving
# object, a small fast object, grain, a cut), against the ffmpeg filter a user would reach for:
#   dust:      blotches over 0.6% of pixels a frame; peer tmedian=radius=1 (a temporal median of three)
#   deflicker: +-10% global, +-8% local flicker, +-3% colour breathing; peer deflicker (5 frames, am)
#   dead_pixels: fixed dead, stuck and hot pixels and sensor dust; peer median=radius=1 (3x3 spatial)
#   denoise:   grain strongest in the mid-tones (about 38 dB); peer hqdn3d at its defaults (atadenoise
#              and bm3d=sigma=8 are measured the same way by hand: PEER=atadenoise bench/restore_vs_ffmpeg.sh denoise)
#   stabilize: gate weave, each frame moved by up to +-1.5 pixels (at 768x576) each way; peer vid.stab,
#              two passes (vidstabdetect, then vidstabtransform smoothing=10 optzoom=0, in yuv444p); PSNR
#              on the inner 80% of the frame (the uncovered edges are each tool's own choice), and the
#              weave left in pixels (bench_weave_residual)
#   scratch:   three line scratches, 1-3 px, 5-25% opaque, drifting; peer removelogo given the mask of
#              every pixel any frame has scratch on (inpainting with the true mask). removelogo works
#              in yuv420p only: for quality its result is merged back into the float frames inside the
#              mask, so that the round trip through 8-bit 4:2:0 (43.5 dB by itself) does not count
#   quality: both on the same damaged frames (float EXR, default WxH 768x576), PSNR against the clean
#            frames by ffmpeg's psnr filter
#   speed:   whole job both ways, alternated, on 10-bit DPX at 2K (2048x1556)
#   Tinct:  tinct render -i damaged.####.dpx --grade NODE.json -o out.####.dpx   (the node's defaults)
#   ffmpeg: ffmpeg -i damaged.%04d.dpx -vf PEER -c:v dpx -pix_fmt gbrp10le out.%04d.dpx
# Prints two Markdown table rows for bench/BENCHMARKS.md.
# Usage: bench/restore_vs_ffmpeg.sh dust|deflicker|dead_pixels|scratch|denoise|stabilize [FRAMES] [ROUNDS] [QUALITY_WxH] [SPEED_WxH]
set -euo pipefail
cd "$(dirname "$0")/.."
node=${1:?usage: bench/restore_vs_ffmpeg.sh dust|deflicker|dead_pixels|scratch|denoise|stabilize [FRAMES] [ROUNDS] [QUALITY_WxH] [SPEED_WxH]}
case "$node" in
  dust) damage=dust peer=tmedian=radius=1 ;;
  deflicker) damage=flicker peer=deflicker ;;
  dead_pixels) damage=defects peer=median=radius=1 ;;
  scratch) damage=scratches peer=removelogo ;;
  denoise) damage=grain peer=${PEER:-hqdn3d} ;;
  stabilize) damage=weave peer=vidstab ;;
  *) echo "bench/restore_vs_ffmpeg.sh: no benchmark for node '$node' (dust, deflicker, dead_pixels, scratch, denoise, stabilize)" >&2; exit 2 ;;
esac
frames=${2:-24}
rounds=${3:-2}
quality=${4:-768x576}
speed=${5:-2048x1556}
tinct=build/app/tinct
work=build/bench/$node
rm -rf "$work"
mkdir -p "$work/q" "$work/s/tinct" "$work/s/ffmpeg"
printf '{"tinct_grade": 2, "nodes": [{"id": "%s", "type": "%s"}]}\n' "$node" "$node" >"$work/grade.json"
device=$("$tinct" devices | sed -n 's/^\* [0-9]*: //p' | head -n 1)

# PSNR of sequence $1 against the clean frames, as ffmpeg's psnr filter averages it.
measured=""
[ "$node" = stabilize ] && measured="crop=iw*0.8:ih*0.8,"
psnr_of() {
  ffmpeg -hide_banner -nostats -start_number 0 -i "$1" -start_number 0 -i "$work/q/clean.%04d.exr" \
    -lavfi "[0:v]${measured}format=gbrpf32le[a];[1:v]${measured}format=gbrpf32le[b];[a][b]psnr" -f null - 2>&1 |
    sed -n 's/.*average:\([0-9.inf]*\).*/\1/p' | tail -n 1
}

# The peer's filter on the frames in directory $1 (removelogo takes the footage's mask; vid.stab the
# transforms its first pass found there).
peer_filter() {
  if [ "$peer" = removelogo ]; then echo "removelogo=f=$1/mask.png"
  elif [ "$peer" = vidstab ]; then echo "format=yuv444p,vidstabtransform=input=$1/vidstab.trf:smoothing=10:optzoom=0"
  else echo "$peer"; fi
}
# vid.stab's first pass over sequence $1 (a pattern) into directory $2.
vidstab_detect() {
  ffmpeg -loglevel error -y -start_number 0 -i "$1" -vf "format=yuv444p,vidstabdetect=result=$2/vidstab.trf" -f null -
}

build/bench/bench_film_footage "$work/q" "${quality%x*}" "${quality#*x}" "$frames" "$damage"
"$tinct" render -i "$work/q/damaged.####.exr" --grade "$work/grade.json" -o "$work/q/tinct.####.exr" 2>/dev/null
if [ "$peer" = removelogo ]; then
  ffmpeg -loglevel error -y -start_number 0 -i "$work/q/damaged.%04d.exr" -loop 1 -i "$work/q/mask.png" -filter_complex \
    "[0:v]format=gbrpf32le,split[d0][d1];[d1]format=yuv420p,$(peer_filter "$work/q"),format=gbrpf32le[p];[1:v]format=gbrpf32le[m];[d0][p][m]maskedmerge=planes=7" \
    -frames:v "$frames" -c:v exr -start_number 0 "$work/q/peer.%04d.exr"
else
  [ "$peer" = vidstab ] && vidstab_detect "$work/q/damaged.%04d.exr" "$work/q"
  ffmpeg -loglevel error -y -start_number 0 -i "$work/q/damaged.%04d.exr" -vf "$(peer_filter "$work/q")" -c:v exr \
    -start_number 0 "$work/q/peer.%04d.exr"
fi
printf '| %s | quality, %s x %d | %s | damaged %s dB | %s %s dB | %s %s dB |\n' "$(date +%Y-%m-%d)" "$quality" "$frames" \
  "$device, $(nproc) cores" "$(psnr_of "$work/q/damaged.%04d.exr")" "${peer%%=*}" "$(psnr_of "$work/q/peer.%04d.exr")" \
  "$node" "$(psnr_of "$work/q/tinct.%04d.exr")"

if [ "$node" = stabilize ]; then  # the weave left (RMS pixels, against each shot's mean shift; bench_film_footage cuts at frames / 2 + 1)
  residual_of() { build/bench/bench_weave_residual "$1" "$work/q/clean.%04d.exr" "$frames" $((frames / 2 + 1)); }
  printf '| %s | weave left, %s x %d | %s | damaged %s px | %s %s px | %s %s px |\n' "$(date +%Y-%m-%d)" "$quality" "$frames" \
    "$device, $(nproc) cores" "$(residual_of "$work/q/damaged.%04d.exr")" "$peer" "$(residual_of "$work/q/peer.%04d.exr")" \
    "$node" "$(residual_of "$work/q/tinct.%04d.exr")"
fi

build/bench/bench_film_footage "$work/s" "${speed%x*}" "${speed#*x}" "$frames" "$damage"
ffmpeg -loglevel error -y -start_number 0 -i "$work/s/damaged.%04d.exr" -c:v dpx -pix_fmt gbrp10le \
  -start_number 0 "$work/s/scan.%04d.dpx"
source bench/alternate.sh
run_tinct() {
  "$tinct" render -i "$work/s/scan.####.dpx" --grade "$work/grade.json" -o "$work/s/tinct/out.####.dpx" 2>/dev/null
}
run_ffmpeg() {
  [ "$peer" = vidstab ] && vidstab_detect "$work/s/scan.%04d.dpx" "$work/s"
  ffmpeg -loglevel error -y -start_number 0 -i "$work/s/scan.%04d.dpx" -vf "$(peer_filter "$work/s")" -c:v dpx -pix_fmt gbrp10le \
    -start_number 0 "$work/s/ffmpeg/out.%04d.dpx"
}
alternate "$rounds" run_tinct run_ffmpeg
printf '| %s | speed, %s x %d, %d rounds | %s | %s %.2f s (%.2f fps) | %s %.2f s (%.1f fps) | %.2f |\n' \
  "$(date +%Y-%m-%d)" "$speed" "$frames" "$rounds" "$device, $(nproc) cores" "$node" "$tinct_s" \
  "$(awk "BEGIN{print $frames / $tinct_s}")" "${peer%%=*}" "$peer_s" "$(awk "BEGIN{print $frames / $peer_s}")" \
  "$(awk "BEGIN{print $tinct_s / $peer_s}")"
