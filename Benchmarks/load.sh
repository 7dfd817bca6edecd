#!/usr/bin/env bash
# Load benchmark (issue 2): load + validate + replay a generated catalogue with `tthc validate`,
# side by side in the same run with `xmllint --noout --schema` validating the same files.
#
#   Benchmarks/load.sh [SIZES…]        default sizes: 10000 30000 100000
#
# Needs hyperfine and GNU time (installed here if missing). Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 30000 100000)
runs=${RUNS:-5}

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v xmllint >/dev/null || need+=(libxml2-utils)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

swift build -c release --product tthc >&2
tthc="$(swift build -c release --show-bin-path)/tthc"
xsd=Sources/Formats/Schemas/tthc.xsd
work=${BENCH_DIR:-/tmp/tthc-bench}
mkdir -p "$work"

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); date: $(date -u +%Y-%m-%d)"
echo
echo "| procedures | files | MB | tthc validate (median s) | xmllint --schema (median s) | ratio | tthc user+sys s | xmllint user+sys s | tthc peak RSS MiB | xmllint peak RSS MiB |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
  dir="$work/n$n"
  [ -d "$dir" ] || "$tthc" generate --procedures "$n" --seed 1 -o "$dir" >&2
  files=$(find "$dir/decisions" -name '*.xml' | wc -l)
  mb=$(du -sm "$dir/decisions" | cut -f1)
  json="$work/n$n.json"
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$json" \
    -n tthc "$tthc validate --quiet --catalogue $dir --at 2099-01-01" \
    -n xmllint "find $dir/decisions -name '*.xml' -print0 | sort -z | xargs -0 xmllint --noout --schema $xsd" >&2
  read -r t_med x_med t_cpu x_cpu < <(python3 - "$json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
t, x = r["tthc"], r["xmllint"]
print(f'{t["median"]:.3f} {x["median"]:.3f} {t["user"]+t["system"]:.3f} {x["user"]+x["system"]:.3f}')
PY
)
  /usr/bin/time -f '%M' -o "$work/rss-tthc" "$tthc" validate --quiet --catalogue "$dir" --at 2099-01-01 >/dev/null
  /usr/bin/time -f '%M' -o "$work/rss-xmllint" sh -c "find $dir/decisions -name '*.xml' -print0 | sort -z | xargs -0 xmllint --noout --schema $xsd 2>/dev/null"
  t_rss=$(tail -1 "$work/rss-tthc"); x_rss=$(tail -1 "$work/rss-xmllint")
  ratio=$(python3 -c "print(f'{$t_med/$x_med:.2f}')")
  echo "| $n | $files | $mb | $t_med | $x_med | $ratio | $t_cpu | $x_cpu | $((t_rss/1024)) | $((x_rss/1024)) |"
done
