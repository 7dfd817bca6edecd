#!/usr/bin/env bash
# Import benchmark (issue 3): `tthc import dvcqg` on N national-portal records, generated here from the
# shape of the six real records in ../shared/data/dvcqg/ (never committed), planned against catalogues
# of growing size, side by side with reading the same files (cat) and parsing them (Python's json).
#
#   Benchmarks/import.sh [RECORDS]          default 10000; RUNS=5, CATALOGUES="0 10000 100000"
#
# Needs hyperfine and GNU time. Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

records=${1:-10000}
runs=${RUNS:-5}
read -r -a catalogues <<< "${CATALOGUES:-0 10000 100000}"
samples=${SAMPLES:-../shared/data/dvcqg}
work=${BENCH_DIR:-/tmp/tthc-import-bench}
mkdir -p "$work"

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

swift build -c release --product tthc >&2
tthc="$(swift build -c release --show-bin-path)/tthc"

# Catalogues: 0 means the bundled sample (about 70 procedures); others are generated.
catalogue_dir() { if [ "$1" = 0 ]; then echo catalogue; else echo "$work/catalogue-$1"; fi; }
for n in "${catalogues[@]}"; do
  dir=$(catalogue_dir "$n")
  [ "$n" = 0 ] || [ -d "$dir" ] || "$tthc" generate --procedures "$n" --seed 1 -o "$dir" >&2
done

# Records: the six samples' shape, each copy with its own code, name, times and fees. Half the codes
# are in force in the largest catalogue (amended or unchanged rows), half are new.
biggest=$(catalogue_dir "${catalogues[-1]}")
recdir="$work/records-$records"
if [ ! -d "$recdir" ]; then
  "$tthc" list --catalogue "$biggest" --at 2099-01-01 --format csv | tail -n +2 | cut -d, -f1 | cut -c1-8 > "$work/codes.txt"
  python3 - "$samples" "$recdir" "$records" "$work/codes.txt" <<'PY'
import copy, glob, json, os, sys
samples, out, n, codes_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
templates = [json.load(open(f)) for f in sorted(glob.glob(os.path.join(samples, "*.json")))]
in_force = [c for c in open(codes_file).read().split() if len(c) == 8]
os.makedirs(out)
for i in range(n):
    r = copy.deepcopy(templates[i % len(templates)])
    code = in_force[i // 2 % len(in_force)] if i % 2 == 0 and in_force else "9.%06d" % i
    r["id"] = "bench-%06d" % i
    r["code"] = r["codeNotation"] = code
    r["name"] = "%s (bản ghi thử %d)" % (r["name"], i)
    for m in r.get("executionMethods", []):
        m["processingTime"] = 1 + (m.get("processingTime") or 0) + i % 7
        for f in m.get("fees") or []:
            f["value"] = (f.get("value") or 0) + 1000 * (i % 5)
    for k, c in enumerate(r.get("cases", [])):
        c["code"] = "%s.%02d" % (code, k + 1)
    r["updatedAt"] = 1770000000000 + i
    with open(os.path.join(out, "%06d.json" % i), "w") as f:
        json.dump(r, f)  # \u escapes, as the portal sends them
PY
fi
files=$(find "$recdir" -name '*.json' | wc -l)
mb=$(du -sm "$recdir" | cut -f1)

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); date: $(date -u +%Y-%m-%d)"
echo "Records: $files files, $mb MB"
echo
echo "| procedures in force | tthc import (median s) | catalogue load alone (median s) | cat (median s) | python json.load (median s) | import / python | import CPU s | load CPU s | python CPU s | peak RSS MiB | new / amended / unchanged |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
for n in "${catalogues[@]}"; do
  dir=$(catalogue_dir "$n")
  out="$work/draft-$n.xml"
  json="$work/import-$n.json"
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$json" \
    -n import "$tthc import dvcqg $recdir --catalogue $dir --number 9999/QĐ-UBND --signed 2099-01-01 -o $out --force >/dev/null 2>&1" \
    -n load "$tthc validate --quiet --catalogue $dir --at 2099-01-01 >/dev/null 2>&1" \
    -n cat "find $recdir -name '*.json' -print0 | xargs -0 cat >/dev/null" \
    -n python "python3 -c 'import json,glob,sys; [json.load(open(f)) for f in glob.glob(sys.argv[1]+\"/*.json\")]' $recdir" >&2
  read -r i_med l_med c_med p_med i_cpu l_cpu p_cpu < <(python3 - "$json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
cpu = lambda k: r[k]["user"] + r[k]["system"]
print(f'{r["import"]["median"]:.3f} {r["load"]["median"]:.3f} {r["cat"]["median"]:.3f} {r["python"]["median"]:.3f} {cpu("import"):.3f} {cpu("load"):.3f} {cpu("python"):.3f}')
PY
)
  /usr/bin/time -f '%M' -o "$work/rss" "$tthc" import dvcqg "$recdir" --catalogue "$dir" --number 9999/QĐ-UBND --signed 2099-01-01 -o "$out" --force > "$work/summary.txt" 2>/dev/null
  rss=$(tail -1 "$work/rss")
  counts=$(sed -n 2p "$work/summary.txt" | sed -E 's/.*Mới: ([0-9]+); sửa đổi, bổ sung: ([0-9]+); không thay đổi: ([0-9]+).*/\1 \/ \2 \/ \3/')
  ratio=$(python3 -c "print(f'{$i_med/$p_med:.2f}')")
  label=$([ "$n" = 0 ] && echo "bundled (~70)" || echo "$n")
  echo "| $label | $i_med | $l_med | $c_med | $p_med | $ratio | $i_cpu | $l_cpu | $p_cpu | $((rss/1024)) | $counts |"
done
