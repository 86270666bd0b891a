#!/usr/bin/env bash
# The real window, as a user gets it: start the release binary under Xvfb on the embedded
# example, wait for its window by title, take a screenshot and check it is not blank, quit
# with Ctrl+Q and check a clean exit. Prints the time to the window and the resident memory.
# Needs: xvfb xdotool imagemagick (see .ci/run). Usage: scripts/window-smoke.sh [OUT_DIR]
# BINARY=path measures another build (e.g. the wgpu renderer) instead of building the default.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/window-smoke}
mkdir -p "$out"
binary=${BINARY:-target/release/sla-planner}
[ -n "${BINARY:-}" ] || cargo build --release --quiet

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() { kill "$app" "$xvfb" 2>/dev/null || true; rm -rf "$data"; }
app=""
data=$(mktemp -d)
trap cleanup EXIT
export DISPLAY=$display
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

# A fresh settings folder: the first start, as on a new machine.
start=$(date +%s%N)
XDG_DATA_HOME=$data "$binary" >"$out/app.log" 2>&1 &
app=$!
window=$(timeout 20 xdotool search --sync --name "^SLA Planner" | head -n 1)
shown_ms=$(( ($(date +%s%N) - start) / 1000000 ))
title=$(xdotool getwindowname "$window")
sleep 2
import -window root "$out/window.png"
colours=$(convert "$out/window.png" -format %k info:)
rss_kb=$(ps -o rss= -p "$app" | tr -d ' ')
echo "window: “$title” after ${shown_ms} ms; ${colours} colours; resident memory $((rss_kb / 1024)) MB"
if [ "$colours" -lt 64 ]; then
    echo "FAIL: the screenshot is blank ($colours colours): $out/window.png" >&2
    exit 1
fi
case "$title" in
    "SLA Planner — example.sla.ron (example)") ;;
    *) echo "FAIL: unexpected title “$title”" >&2; exit 1 ;;
esac

xdotool windowfocus --sync "$window" 2>/dev/null || true
xdotool key --clearmodifiers ctrl+q
for _ in $(seq 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then
    echo "FAIL: the app did not quit on Ctrl+Q" >&2
    exit 1
fi
wait "$app" && status=0 || status=$?
app=""
if [ "$status" -ne 0 ]; then
    echo "FAIL: the app exited with status $status; log: $out/app.log" >&2
    exit 1
fi
echo "window smoke test: 1 passed, 0 failed"
