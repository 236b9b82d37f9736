#!/usr/bin/env bash
# Edit-to-screen latency of the station: `tinct gui` on the sample footage at WxH (default 1920x1080)
# replays N parameter edits, one per frame, as a drag makes them, then S structure edits (a node
# added, each followed by a pause). Each latency runs from the edit to the presented frame that shows
# it (the frame's fence waited): for a parameter, new values into the running kernels and the
# grading; for a structure edit, the background build of new kernels. While one builds, the station
# keeps presenting frames: their intervals show whether the UI froze. With NODES (default 1) the
# edits go to the first of a chain of that many primaries nodes, so that every node thumbnail after
# it is made again too.
# Needs a display: run under xvfb-run where there is none.
set -euo pipefail
n=${1:-30}
size=${2:-1920x1080}
structure=${3:-4}
nodes=${4:-1}
w=${size%x*}
h=${size#*x}
here="$(cd "$(dirname "$0")/.." && pwd)"
tinct="$here/build/app/tinct"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo '[{"action": "add_node", "type": "primaries"}'
  for i in $(seq 2 "$nodes"); do echo ', {"action": "add_node", "type": "primaries"}'; done
  echo ', {"action": "select", "node": "n1"}, {"action": "wait", "frames": 3}'
  for i in $(seq 1 "$n"); do
    echo ", {\"action\": \"set_param\", \"param\": \"saturation\", \"value\": $(awk "BEGIN{print 1 + $i / 100}")}"
  done
  for i in $(seq 1 "$structure"); do
    echo ', {"action": "add_node", "type": "cdl"}, {"action": "wait", "frames": 5}'
  done
  echo ']'
} > "$work/drag.json"
"$tinct" gui --sample-width "$w" --sample-height "$h" --window-width 1600 --window-height 900 \
  --script "$work/drag.json" --bench "$work/latency.json" --autosave "$work/autosave.json"
python3 - "$work/latency.json" "$n" "$structure" "$nodes" <<'PY'
import json, statistics, sys
d = json.load(open(sys.argv[1]))
n, s, nodes = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
lat = sorted(d["latency_ms"][nodes:nodes + n])  # the first edits add the nodes and build their kernels
builds = d["latency_ms"][nodes + n:]
frames = d["frame_ms_while_building"]
print(f"{d['device']}: image {d['image'][0]}x{d['image'][1]}, window {d['window'][0]}x{d['window'][1]}, "
      f"graded at 1/{d['proxy_factor']} each way when still")
print(f"  {len(lat)} parameter edits in a drag: median {statistics.median(lat):.1f} ms, "
      f"p90 {lat[int(len(lat) * 0.9) - 1]:.1f} ms, max {lat[-1]:.1f} ms")
if builds:
    print(f"  {len(builds)} structure edits: edit to screen median {statistics.median(builds):.0f} ms; "
          f"{len(frames)} frames presented while building, longest interval {max(frames, default=0):.0f} ms")
if "thumbnail_programs" in d:
    t = d["thumbnail_programs"]
    print(f"  node thumbnails: {t['built']} programs built, {t['updated']} updated in place, "
          f"{d['thumbnails_rendered']} renders")
PY
