#!/usr/bin/env bash
# Parameter-drag-to-screen latency of the station: `tinct gui` on the sample footage at WxH (default
# 1920x1080) replays N parameter edits, one per frame, as a drag would make them; each latency is
# from the edit to the presented frame that shows it (the frame's fence waited), and includes the
# rebuild of the fused kernel for the new parameter values and the grading of the full frame.
# Needs a display: run under xvfb-run where there is none.
set -euo pipefail
n=${1:-30}
size=${2:-1920x1080}
w=${size%x*}
h=${size#*x}
here="$(cd "$(dirname "$0")/.." && pwd)"
tinct="$here/build/app/tinct"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo '[{"action": "add_node", "type": "primaries"}, {"action": "wait", "frames": 3}'
  for i in $(seq 1 "$n"); do
    echo ", {\"action\": \"set_param\", \"param\": \"saturation\", \"value\": $(awk "BEGIN{print 1 + $i / 100}")}"
  done
  echo ']'
} > "$work/drag.json"
"$tinct" gui --sample-width "$w" --sample-height "$h" --window-width 1600 --window-height 900 \
  --script "$work/drag.json" --bench "$work/latency.json" --autosave "$work/autosave.json"
python3 - "$work/latency.json" <<'PY'
import json, statistics, sys
d = json.load(open(sys.argv[1]))
lat = sorted(d["latency_ms"][1:])  # the first edit follows the node's addition and compiles its kernel
print(f"{d['device']}: image {d['image'][0]}x{d['image'][1]}, window {d['window'][0]}x{d['window'][1]}, "
      f"graded at 1/{d['proxy_factor']} each way, "
      f"{len(lat)} edits: median {statistics.median(lat):.1f} ms, p90 {lat[int(len(lat) * 0.9) - 1]:.1f} ms, "
      f"max {lat[-1]:.1f} ms")
PY
