#!/usr/bin/env bash
# Review benchmark (issue 5): `tthc review` (load + every rule + overlap by MinHash-LSH + costs +
# the terminal summary) on generated catalogues, side by side in the same run with `tthc validate`
# (load + replay alone) on the same folder, so the review's own share shows.
#
#   Benchmarks/review.sh [SIZES…]        default sizes: 10000 30000 100000
#
# Needs hyperfine and GNU time (installed here if missing). Prints a Markdown table for BENCHMARKS.md
# and the growth exponent k of time ≈ c·n^k (least squares over the sizes; 1 is linear, 2 all pairs).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 30000 100000)
runs=${RUNS:-3}

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

swift build -c release --product tthc >&2
tthc="$(swift build -c release --show-bin-path)/tthc"
work=${BENCH_DIR:-/tmp/tthc-bench-review}
mkdir -p "$work"
at=2026-12-31

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average before: $(cut -d' ' -f1-3 /proc/loadavg); date: $(date -u +%Y-%m-%d)"
echo
echo "| procedures in force | findings | exact overlap comparisons | first review, filling the load cache (s) | tthc review (median s) | tthc review --no-cache (median s) | tthc validate (median s) | ratio | review CPU s (user+sys) | validate CPU s | review peak RSS MiB |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
points=()
for n in "${sizes[@]}"; do
  dir="$work/n$n"
  [ -d "$dir/decisions" ] || "$tthc" generate --procedures "$n" --seed 1 -o "$dir" >&2
  # The review reads its synonym lists and cost parameters from the catalogue's review/ folder.
  rm -rf "$dir/review" && cp -r catalogue/review "$dir/review"
  json="$work/n$n.json"
  # The first run after a new tthc build (or on a new catalogue) reads every decision file and fills
  # the load cache (.tthc-cache); the timed runs after it read the cache, and --no-cache runs neither.
  rm -rf "$dir/.tthc-cache"
  /usr/bin/time -f '%e' -o "$work/first-review" "$tthc" review --catalogue "$dir" --at $at >/dev/null
  first=$(tail -1 "$work/first-review")
  hyperfine --style none --warmup 0 --runs "$runs" --export-json "$json" \
    -n review "$tthc review --catalogue $dir --at $at" \
    -n review-no-cache "$tthc review --no-cache --catalogue $dir --at $at" \
    -n validate "$tthc validate --quiet --catalogue $dir --at $at" >&2
  read -r r_med n_med v_med r_cpu v_cpu < <(python3 - "$json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
a, n, b = r["review"], r["review-no-cache"], r["validate"]
print(f'{a["median"]:.3f} {n["median"]:.3f} {b["median"]:.3f} {a["user"]+a["system"]:.3f} {b["user"]+b["system"]:.3f}')
PY
)
  /usr/bin/time -f '%M' -o "$work/rss-review" "$tthc" review --catalogue "$dir" --at $at --format json -o "$work/review-n$n.json" --force >/dev/null
  rss=$(tail -1 "$work/rss-review")
  read -r count findings comparisons < <(python3 -c "import json; s=json.load(open('$work/review-n$n.json'))['summary']; print(s['procedures'], s['findings'], s['overlapComparisons'])")
  ratio=$(python3 -c "print(f'{$r_med/$v_med:.2f}')")
  echo "| $count | $findings | $comparisons | $first | $r_med | $n_med | $v_med | $ratio | $r_cpu | $v_cpu | $((rss/1024)) |"
  points+=("$count:$r_med:$r_cpu")
done
python3 - "${points[@]}" <<'PY'
import math, sys
pts = [tuple(map(float, p.split(":"))) for p in sys.argv[1:]]
if len(pts) >= 2:
    def slope(ys):
        xs = [math.log(p[0]) for p in pts]; ys = [math.log(y) for y in ys]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    print()
    print(f"Growth exponent k (time ≈ c·n^k): wall {slope([p[1] for p in pts]):.2f}, CPU {slope([p[2] for p in pts]):.2f}")
PY
