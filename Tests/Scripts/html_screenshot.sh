#!/usr/bin/env bash
# Renders the HTML report of an example and the HTML roll-up in headless Chromium and checks
# that each produces a screenshot. Usage: html_screenshot.sh ANJIAN_BINARY OUT_DIR
set -euo pipefail
bin=$1; out=$2
mkdir -p "$out"
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$chrome" ]; then echo "html check: no chromium found"; exit 1; fi
"$bin" evaluate Examples/gas-station.yaml Examples/tourism-findings.yaml --format html --output "$out/report.html"
"$bin" evaluate Examples --format json --output "$out/all.ndjson" || true
"$bin" summarize "$out/all.ndjson" --by department --as-of 2021-06-30 --format html --output "$out/summary.html"
pass=0; fail=0
for page in report summary; do
  rm -f "$out/$page.png"
  timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1240,1754 \
    --screenshot="$out/$page.png" "file://$(readlink -f "$out/$page.html")" >/dev/null 2>&1 || true
  if [ -s "$out/$page.png" ] && [ "$(head -c 8 "$out/$page.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; then
    echo "ok   $page.html renders in Chromium ($out/$page.png)"; pass=$((pass+1))
  else
    echo "FAIL $page.html did not render"; fail=$((fail+1))
  fi
done
echo "html check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
