#!/usr/bin/env bash
# Diff benchmark (issue 4), release build. Two parts:
#
#  1. The engine (Benchmarks/diff-engine, in process, no files): two states of a generated catalogue
#     of N procedures about 1 % apart (the catalogue of 31/12/2025 against the first day of the
#     first round of changes on which 1 % of procedures differ), and one procedure whose three prose
#     fields hold 5,000 words each. Medians of RUNS runs, wall clock and CPU time.
#  2. The command as a user runs it: `tthc diff DIR@D1 DIR@D2` on the same generated catalogue in
#     XML (read, validate, replay, diff), side by side with `tthc validate` on the same folder (read,
#     validate, replay: the diff's own share is the difference); and `tthc diff old.json new.json`
#     on the 5,000-word procedure. hyperfine, 1 warm-up.
#
#   Benchmarks/diff.sh [SIZES…]        default sizes: 10000 30000 100000
#
# Prints Markdown for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 30000 100000)
export RUNS=${RUNS:-5}
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }

swift build -c release --product tthc >&2
swift build -c release --product DiffBenchmark >&2
bin="$(swift build -c release --show-bin-path)"
work=${BENCH_DIR:-/tmp/tthc-bench}
mkdir -p "$work"

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average at start $(cut -d' ' -f1-3 /proc/loadavg); date: $(date -u +%Y-%m-%d)"
echo
echo "### Engine: two catalogue states, about 1 % changed"
echo
engine=$("$bin/DiffBenchmark" states "${sizes[@]}")
echo "$engine" | grep -v '^<!--'
echo
echo "### Engine: one procedure, 5,000-word prose in three fields (steps, requirements, notes)"
echo
"$bin/DiffBenchmark" prose 5000
echo
echo "### Command: \`tthc diff DIR@D1 DIR@D2\` against \`tthc validate\` (load alone) on the same XML folder"
echo
echo "| procedures | tthc diff (median s) | tthc validate (median s) | diff − validate s | diff CPU s | validate CPU s |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
  dir="$work/n$n"
  [ -d "$dir" ] || "$bin/tthc" generate --procedures "$n" --seed 1 -o "$dir" >&2
  dates=$(echo "$engine" | awk -v n="$n" '$0 ~ "^\\| "n" \\|" {getline; print}' | sed -E 's/.*dates: ([0-9-]+) → ([0-9-]+).*/\1 \2/')
  read -r d1 d2 <<<"$dates"
  json="$work/diff-n$n.json"
  hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$json" \
    -n diff "$bin/tthc diff $dir@$d1 $dir@$d2 --format json" \
    -n validate "$bin/tthc validate --quiet --catalogue $dir --at $d2" >&2
  python3 - "$json" "$n" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
d, v = r["diff"], r["validate"]
print(f'| {sys.argv[2]} | {d["median"]:.3f} | {v["median"]:.3f} | {d["median"]-v["median"]:.3f} | {d["user"]+d["system"]:.3f} | {v["user"]+v["system"]:.3f} |')
PY
done
echo
echo "### Command: \`tthc diff old.json new.json\`, one procedure with 5,000-word prose fields"
echo
python3 - "$work" <<'PY'
import json, random, sys
random.seed(1)
syll = "công dân nộp hồ sơ tại bộ phận một cửa cấp xã trong thời hạn ngày làm việc kể từ khi nhận đủ giấy tờ hợp lệ cơ quan giải quyết trả kết quả qua dịch vụ bưu chính".split()
def prose(n):
    return " ".join(random.choice(syll) + ("." if i % 12 == 11 else "") for i in range(n))
def proc(text):
    return {"procedure": {"code": "1.004222", "name": "Đăng ký thường trú",
            "steps": [{"steps": [{"title": "Bước 1", "text": text}]}],
            "requirements": [{"text": text}], "notes": text}}
old = prose(5000)
new = " ".join(str(i) if i % 10 == 0 else w for i, w in enumerate(old.split(" ")))
for name, text in [("old", old), ("new", new)]:
    json.dump(proc(text), open(f"{sys.argv[1]}/prose-{name}.json", "w"), ensure_ascii=False)
PY
hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$work/prose.json" \
  -n diff "$bin/tthc diff $work/prose-old.json $work/prose-new.json" \
  -n same "$bin/tthc diff $work/prose-old.json $work/prose-old.json" >&2
python3 - "$work/prose.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
print("| command | median ms | CPU ms |")
print("| --- | ---: | ---: |")
for k, label in [("diff", "every 10th word changed"), ("same", "identical (read both files, no diff)")]:
    x = r[k]
    print(f'| {label} | {x["median"]*1000:.1f} | {(x["user"]+x["system"])*1000:.1f} |')
PY
