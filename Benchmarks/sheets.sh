#!/usr/bin/env bash
# Posting-sheet benchmark (issue 7):
#  1. one commune's bundle of about 320 procedures (`tthc sheets --commune`), side by side in the same
#     run with Chromium printing the HTML version of the same sheets (`--print-to-pdf`);
#  2. the bundles of every commune of a 100-commune province (`tthc sheets --all-communes`).
#
#   Benchmarks/sheets.sh            RUNS=5 by default; BENCH_DIR=/tmp/tthc-sheets-bench
#
# Needs hyperfine, chromium and poppler-utils (scripts/install-deps lists them). Prints Markdown for
# BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
work=${BENCH_DIR:-/tmp/tthc-sheets-bench}
# The synthetic generator draws 20–100 communes per province from the seed: seed 79 gives 100, and
# with 820 procedures its first commune posts 319 of them.
seed=${SEED:-79}
procedures=${PROCEDURES:-820}
at=2099-01-01
mkdir -p "$work"

for tool in hyperfine chromium pdfinfo; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: run scripts/install-deps" >&2; exit 1; }
done

swift build -c release --product tthc >&2
tthc="$(swift build -c release --show-bin-path)/tthc"

catalogue="$work/catalogue-p$procedures-s$seed"
[ -d "$catalogue" ] || "$tthc" generate --procedures "$procedures" --seed "$seed" -o "$catalogue" >&2
communes=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['communes']))" "$catalogue/province.json")
commune=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['communes'][0]['code'])" "$catalogue/province.json")

# The same sheets as HTML, printed by Chromium (the HTML is written once, outside the timing).
"$tthc" sheets --catalogue "$catalogue" --commune "$commune" --at "$at" --format html -o "$work/html" --force >&2
html=$(ls "$work/html"/*.html | head -1)
chrome="chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=$work/chromium.pdf file://$html"

summary=$("$tthc" sheets --catalogue "$catalogue" --commune "$commune" --at "$at" -o "$work/pdf" --force | grep "^$commune ")
sheets=$(echo "$summary" | sed -E 's/.*: ([0-9]+) thủ tục.*/\1/')
pdf=$(ls "$work/pdf"/*.pdf | head -1)
$chrome >/dev/null 2>&1
tthc_pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
chrome_pages=$(pdfinfo "$work/chromium.pdf" | awk '/^Pages:/ {print $2}')

# The machine may be shared: say how loaded it was, and quote CPU time beside wall time.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
hyperfine --style none --warmup 1 --runs "$runs" --export-json "$work/bundle.json" \
  -n tthc "$tthc sheets --catalogue $catalogue --commune $commune --at $at -o $work/pdf --force" \
  -n chromium "$chrome" >&2

hyperfine --style none --warmup 0 --runs "${ALL_RUNS:-3}" --export-json "$work/all.json" \
  -n all "$tthc sheets --catalogue $catalogue --all-communes --at $at -o $work/all --force" >&2
all_pages=0
for f in "$work/all"/*.pdf; do all_pages=$((all_pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done
load=$(hyperfine --style none --runs 3 --export-json "$work/load.json" "$tthc validate --quiet --catalogue $catalogue --at $at" >/dev/null 2>&1; python3 -c "import json; print(f'{json.load(open(\"$work/load.json\"))[\"results\"][0][\"median\"]:.2f}')")

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(chromium --version 2>/dev/null); date: $(date -u +%Y-%m-%d)"
echo "Load average (1, 5, 15 min) before the timings: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Bundle PDF: $(du -k "$pdf" | cut -f1) KiB for $tthc_pages pages."
echo "Catalogue: tthc generate --procedures $procedures --seed $seed ($communes communes); loading and replaying it alone takes ${load} s (median)."
echo
python3 - "$work/bundle.json" "$work/all.json" "$sheets" "$tthc_pages" "$chrome_pages" "$communes" "$all_pages" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
a = json.load(open(sys.argv[2]))["results"][0]
sheets, tp, cp, communes, ap = (int(x) for x in sys.argv[3:8])
t, c = r["tthc"], r["chromium"]
print("| job | sheets | pages | median s | min–max s | pages/s | CPU s (user+sys) |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
print(f'| tthc sheets, one commune bundle (PDF, incl. loading the catalogue) | {sheets} | {tp} | {t["median"]:.2f} | {t["min"]:.2f}–{t["max"]:.2f} | {tp/t["median"]:.0f} | {t["user"]+t["system"]:.2f} |')
# Chromium's renderer processes are not waited for by the process hyperfine starts, so their CPU
# time is not in its rusage: leave the column empty rather than print a number that is wrong.
print(f'| chromium --print-to-pdf, the same sheets as HTML | {sheets} | {cp} | {c["median"]:.2f} | {c["min"]:.2f}–{c["max"]:.2f} | {cp/c["median"]:.0f} | – |')
print(f'| tthc sheets --all-communes ({communes} bundles) | – | {ap} | {a["median"]:.2f} | {a["min"]:.2f}–{a["max"]:.2f} | {ap/a["median"]:.0f} | {a["user"]+a["system"]:.2f} |')
print()
print(f'Speed-up over Chromium, same run: {c["median"]/t["median"]:.1f}× by wall clock (median against median).')
print(f'All communes: {a["median"]:.0f} s wall; {a["user"]+a["system"]:.0f} s of CPU over {communes} bundles, i.e. {(a["user"]+a["system"])/2:.0f} s on two otherwise idle cores.')
PY
