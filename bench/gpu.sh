#!/usr/bin/env bash
# Every benchmark in bench/, sized to finish within about eight minutes on a machine with a GPU, and
# one table of their results to paste into bench/BENCHMARKS.md with the device's name. Builds first
# (Release) when build/ has no tinct. Each benchmark gets a time limit; one that overruns or fails
# is reported as such and the rest go on.
# Usage: bench/gpu.sh [SECONDS-PER-BENCHMARK]   (default 70)
set -uo pipefail
cd "$(dirname "$0")/.."
limit=${1:-70}
if [ ! -x build/app/tinct ] || [ ! -x build/bench/bench_media_passes ]; then
  scripts/build.sh -DTINCT_TESTS=OFF -DTINCT_BENCH=ON >/dev/null || { echo "gpu.sh: the build failed" >&2; exit 1; }
fi
device=$(build/app/tinct devices | sed -n 's/^\* [0-9]*: //p' | head -n 1)
echo "# bench/gpu.sh on $device, $(nproc) cores, $(date +%Y-%m-%d)"
echo
echo "| benchmark | result |"
echo "| --- | --- |"
row() {  # NAME COMMAND...: one table row with what the command printed (its last lines, joined)
  local name=$1
  shift
  local out status
  out=$(timeout "$limit" "$@" 2>&1)
  status=$?
  if [ $status -eq 124 ]; then out="did not finish within ${limit} s"
  elif [ $status -ne 0 ]; then out="failed ($status): $(printf '%s' "$out" | tail -n 2 | tr '\n' ' ')"
  else out=$(printf '%s' "$out" | tail -n 4 | tr '\n' ' ' | sed 's/|/\//g')
  fi
  printf '| %s | %s |\n' "$name" "$out"
}
row "EXR UHD x 24 through a 33^3 LUT vs ffmpeg lut3d" bench/lut3d_vs_ffmpeg.sh 24 3840x2160
row "ProRes 4444 XQ UHD x 24 -> LUT -> ProRes HQ vs ffmpeg" bench/prores_lut_vs_ffmpeg.sh 24 3840x2160
row "SD H.264 x 200 -> LUT -> ProRes HQ vs ffmpeg (alternated)" bench/movie_lut_vs_ffmpeg.sh 200 2
row "ten-node grade, UHD EXR x 12, vs ffmpeg filters" bench/grade_vs_ffmpeg.sh 12 3840x2160
row "scopes, UHD EXR x 12, vs ffmpeg" bench/scopes_vs_ffmpeg.sh 12 3840x2160
row "temporal median, 2K DPX x 48, vs ffmpeg tmedian" bench/tmedian_vs_ffmpeg.sh 48 2
row "ACES output transform vs OCIO's CPU processor" build/bench/bench_ocio_display luts/config.ocio 5
row "five scopes vs one grade pass (GPU timestamps)" build/bench/bench_scopes
row "ten point nodes fused vs one dispatch each" build/bench/bench_grade 5
row "YUV <-> RGB passes alone (GPU timestamps)" build/bench/bench_media_passes 20
row "node thumbnails per edit" build/bench/bench_thumbnails 5 20
row "dust on 2K DPX x 12 vs ffmpeg tmedian (quality at 768x576)" bench/restore_vs_ffmpeg.sh dust 12 1
row "deflicker on 2K DPX x 12 vs ffmpeg deflicker (quality at 768x576)" bench/restore_vs_ffmpeg.sh deflicker 12 1
row "dead_pixels on 2K DPX x 12 vs ffmpeg median (quality at 768x576)" bench/restore_vs_ffmpeg.sh dead_pixels 12 1
row "scratch on 2K DPX x 12 vs ffmpeg removelogo (quality at 768x576)" bench/restore_vs_ffmpeg.sh scratch 12 1
row "denoise on 2K DPX x 12 vs ffmpeg hqdn3d (quality at 768x576)" bench/restore_vs_ffmpeg.sh denoise 12 1
row "frame_repair at 2K x 24 vs ffmpeg minterpolate" bench/frame_repair_vs_ffmpeg.sh 24 1 2048x1556
row "stabilize on 2K DPX x 24 vs vid.stab (quality at 768x576)" bench/restore_vs_ffmpeg.sh stabilize 24 1
row "grain on 2K DPX x 24 vs ffmpeg noise" bench/grain_vs_ffmpeg.sh 24 1
if command -v xvfb-run >/dev/null; then
  row "station edit-to-screen latency, 1080p" xvfb-run -a -s "-screen 0 1600x900x24" bench/station_latency.sh
else
  row "station edit-to-screen latency" echo "not run: no xvfb-run here"
fi
