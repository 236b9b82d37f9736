#!/usr/bin/env bash
# A median over time of a film scan, whole job both ways, alternated on the same machine: 2K 10-bit
# DPX frames (2048x1556, as a scanner writes them) through a median of 3 frames, written as DPX.
#   Tinct:  tinct render -i scan.####.dpx --grade median.json -o out.####.dpx   (temporal_median, radius 1)
#   ffmpeg: ffmpeg -i scan.%04d.dpx -vf tmedian=radius=1 -c:v dpx -pix_fmt gbrp10le out.%04d.dpx
# Both read and write DPX with FFmpeg's codec; Tinct runs the median on its Vulkan device with the
# Evaluator's ring (each frame uploaded and converted once), ffmpeg in its tmedian filter on the CPU.
# Prints one Markdown table row for bench/BENCHMARKS.md. Usage: bench/tmedian_vs_ffmpeg.sh [FRAMES] [ROUNDS] [WxH]
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-24}
rounds=${2:-2}
size=${3:-2048x1556}
tinct=build/app/tinct
work=build/bench/tmedian
rm -rf "$work"
mkdir -p "$work/tinct" "$work/ffmpeg"
ffmpeg -loglevel error -y -f lavfi -i "testsrc2=size=$size:rate=24" -frames:v "$frames" -vf "noise=alls=10:allf=t" \
  -start_number 0 -c:v dpx -pix_fmt gbrp10le "$work/scan.%04d.dpx"
printf '{"tinct_grade": 2, "nodes": [{"id": "med", "type": "temporal_median", "params": {"radius": 1}}]}\n' >"$work/median.json"

source bench/alternate.sh
run_tinct() {
  "$tinct" render -i "$work/scan.####.dpx" --grade "$work/median.json" -o "$work/tinct/out.####.dpx" \
    --stats "$work/tinct-stats.json" 2>/dev/null
}
run_ffmpeg() {
  ffmpeg -loglevel error -y -start_number 0 -i "$work/scan.%04d.dpx" -vf tmedian=radius=1 -c:v dpx -pix_fmt gbrp10le \
    -start_number 0 "$work/ffmpeg/out.%04d.dpx"
}
alternate "$rounds" run_tinct run_ffmpeg
ffmpeg_s=$peer_s
device=$("$tinct" devices | sed -n 's/^\* [0-9]*: //p' | head -n 1)
stages=$(tr -d ' \n' <"$work/tinct-stats.json" | sed -E 's/.*"dispatches_per_frame":([0-9]+).*"stage_ms":\{([^}]*)\}.*/dispatches \1; \2/')
printf '| %s | %s x %d, %d rounds | %s | %.2f s (%.1f fps) | %.2f s (%.1f fps) | %.2f | %s |\n' \
  "$(date +%Y-%m-%d)" "$size" "$frames" "$rounds" "$device, $(nproc) cores" "$tinct_s" \
  "$(awk "BEGIN{print $frames / $tinct_s}")" "$ffmpeg_s" "$(awk "BEGIN{print $frames / $ffmpeg_s}")" \
  "$(awk "BEGIN{print $tinct_s / $ffmpeg_s}")" "$stages"
