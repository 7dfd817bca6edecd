#!/usr/bin/env bash
# Search benchmark (issue 6): our index (Sources/SearchIndex + site/assets/search.js) side by side with
# Pagefind on the same procedures.
#
#   Benchmarks/search.sh [SIZES…]        default sizes: 2642 100000
#
# For each size, `search-site` builds a synthetic catalogue (tthc generate --seed 1) and our index
# RUNS times (median reported; generating the catalogue is not timed), and, up to PAGEFIND_MAX
# procedures (default 10000), writes a plain page per procedure that Pagefind indexes (RUNS times,
# `python3 -m pagefind --site DIR`, timed with GNU time). Then Benchmarks/search/measure.py opens both
# in headless Chromium: index bytes a first query loads, time to the top 10, and recall of procedure
# names typed without diacritics. The bundled catalogue (real procedure names) is measured the same way.
# Prints Markdown tables for BENCHMARKS.md. REUSE=1 measures the queries again on the sites of the last
# run (after a change to search.js alone). SETTLE=S waits S seconds (default 0.3) after the manifest has
# loaded before the first typed query (the fresh browser's own start-up work competes with it before).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2642 100000)
runs=${RUNS:-3}
pagefind_max=${PAGEFIND_MAX:-10000}
work=${BENCH_DIR:-/tmp/tthc-search-bench}
mkdir -p "$work"

python3 -c "import pagefind" 2>/dev/null || pip install --quiet 'pagefind[bin]' >&2
[ -x /usr/bin/time ] || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo; $sudo apt-get install -y -qq time >/dev/null; }
swift build -c release --product search-site >&2
bin="$(swift build -c release --show-bin-path)/search-site"

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg); $(chromium --version 2>/dev/null | head -1); pagefind $(python3 -m pagefind --version 2>/dev/null | tail -1); date: $(date -u +%Y-%m-%d)"

results=()
run_size() {  # name, search-site source arguments…, then measure
  local name=$1; shift
  local dir="$work/$name"
  local pages=()
  local n_pf=0
  if [ "$name" = sample ] || [ "${name#n}" -le "$pagefind_max" ]; then pages=(--pages); n_pf=1; fi
  local measure_args=()
  [ $n_pf = 1 ] && measure_args=(--pagefind)
  if [ "${REUSE:-0}" = 1 ] && [ -f "$work/$name.ours.json" ]; then
    # Measure the queries again on the sites built last time, with the current search.js.
    cp site/assets/search.js "$dir/assets/search.js"
    echo "== $name: queries in Chromium (reusing the built sites)" >&2
    python3 Benchmarks/search/measure.py "$dir" "${measure_args[@]}" --settle "${SETTLE:-0.3}" > "$work/$name.measure.json"
    results+=("$name")
    return
  fi
  echo "== $name: our index ($runs runs)" >&2
  "$bin" "$@" -o "$dir" "${pages[@]}" --sample 200 --runs "$runs" > "$work/$name.ours.json"
  if [ $n_pf = 1 ]; then
    echo "== $name: Pagefind ($runs runs)" >&2
    : > "$work/$name.pagefind.times"
    for _ in $(seq "$runs"); do
      rm -rf "$dir/pagefind"
      /usr/bin/time -f '%e %U %S %M' -a -o "$work/$name.pagefind.times" python3 -m pagefind --site "$dir" >/dev/null 2>&1
    done
  fi
  echo "== $name: queries in Chromium" >&2
  python3 Benchmarks/search/measure.py "$dir" "${measure_args[@]}" --settle "${SETTLE:-0.3}" > "$work/$name.measure.json"
  results+=("$name")
}

run_size sample --catalogue catalogue
for n in "${sizes[@]}"; do run_size "n$n" --synthetic "$n"; done

python3 - "$work" "${results[@]}" <<'PY'
import json, os, statistics, sys
work, names = sys.argv[1], sys.argv[2:]

def size_of(folder):
    total = files = 0
    for root, _, fs in os.walk(folder):
        for f in fs:
            total += os.path.getsize(os.path.join(root, f)); files += 1
    return total, files

def label(name):
    ours = json.load(open(f"{work}/{name}.ours.json"))
    return ("bundled sample, " if name == "sample" else "synthetic, ") + f"{ours['documents']:,}"

print("\n| procedures | our index build (median s wall / CPU) | Pagefind build (median s wall / CPU) | CPU ratio tthc / Pagefind | our index (MB, files) | Pagefind index (MB, files) | Pagefind peak RSS MiB |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for name in names:
    ours = json.load(open(f"{work}/{name}.ours.json"))
    o_bytes, o_files = size_of(f"{work}/{name}/tim-kiem")
    row = [label(name), f"{ours['seconds']:.2f} / {ours['cpuSeconds']:.2f}"]
    times = f"{work}/{name}.pagefind.times"
    if os.path.exists(times):
        t = [list(map(float, l.split())) for l in open(times) if l.strip() and l[0].isdigit()]
        wall = statistics.median(x[0] for x in t); cpu = statistics.median(x[1] + x[2] for x in t)
        p_bytes, p_files = size_of(f"{work}/{name}/pagefind")
        row += [f"{wall:.2f} / {cpu:.2f}", f"{ours['cpuSeconds'] / cpu:.2f}", f"{o_bytes/1e6:.1f}, {o_files}",
                f"{p_bytes/1e6:.1f}, {p_files}", f"{max(x[3] for x in t)/1024:.0f}"]
    else:
        row += ["—", "—", f"{o_bytes/1e6:.1f}, {o_files}", "—", "—"]
    print("| " + " | ".join(row) + " |")

print("\n| procedures | engine | first query: index KB median / max (gzip) | typing \"dang ky khai sinh\" key by key: KB (gzip), last answer ms | first query ms, median | warm query ms, median / max | recall, names typed without diacritics (top 10) |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
for name in names:
    m = json.load(open(f"{work}/{name}.measure.json"))
    for engine in ("ours", "pagefind"):
        if engine not in m: continue
        e = m[engine]
        typed = e.get("typed_dang_ky_khai_sinh")
        typed_cell = f"{typed['bytes']/1000:.0f} ({typed['gzip']/1000:.0f}), {typed['last_ms']:.0f} ms" if typed else "—"
        print(f"| {label(name)} | {'tthc' if engine == 'ours' else 'Pagefind'} | "
              f"{e['median_bytes']/1000:.0f} / {e['max_bytes']/1000:.0f} ({e['median_gzip']/1000:.0f} / {e['max_gzip']/1000:.0f}) | "
              f"{typed_cell} | {e['median_cold_ms']:.0f} | {e['median_warm_ms']:.1f} / {e['max_warm_ms']:.1f} | "
              f"{e['recall']*100:.0f} % of {e['recall_n']} |")
    if m.get("errors"):
        print(f"\nConsole errors ({name}): {m['errors']}")

print("\nFirst query from the input event (measure.py --first-typed: box focused, manifest loaded, the whole query as one input event):\n")
print("| procedures | search → results rendered ms, median / max | input event → rendered ms, median | main-thread CPU ms, median / max | index files loaded by the 12 queries | index KB, max |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for name in names:
    ft = json.load(open(f"{work}/{name}.measure.json"))["ours"].get("first_typed")
    if not ft or "loads" not in ft["rows"][0]: continue
    cpu = [r["main_thread_cpu_ms"] for r in ft["rows"]]
    print(f"| {label(name)} | {ft['median_search_ms']:.0f} / {ft['max_search_ms']:.0f} | {ft['median_total_ms']:.0f} | "
          f"{statistics.median(cpu):.1f} / {max(cpu):.1f} | {sum(sum(r['loads'].values()) for r in ft['rows'])} | {ft['max_bytes']/1000:.0f} |")

print("\nPer query (first query in a fresh browser: index KB loaded, ms to the top 10; tthc vs Pagefind):\n")
for name in names:
    m = json.load(open(f"{work}/{name}.measure.json"))
    engines = [k for k in ("ours", "pagefind") if k in m]
    print(f"{label(name)}: " + "; ".join(
        f"`{c['query']}` " + " vs ".join(f"{m[k]['cold'][i]['bytes']/1000:.0f} KB {m[k]['cold'][i]['ms']:.0f} ms" for k in engines)
        for i, c in enumerate(m[engines[0]]["cold"])))
    print()
PY
