#!/usr/bin/env bash
# Site benchmark (issue 6): a full `tthc build` of a generated catalogue, side by side in the same run
# with Hugo building equivalent pages from the same data; then a rebuild after a decision amending 20
# procedures, and one after a decision renaming 20 (which changes the search index too).
#
#   Benchmarks/site.sh [SIZES…]        default sizes: 10000 30000 100000; RUNS=3 by default
#
# The Hugo side is made here and nowhere else: the script exports every procedure in force (the
# per-procedure JSON tthc writes) as a Hugo content file with the procedure as front matter, and a
# minimal layout printing the same parts (steps, channels with time and fees, dossier, results,
# requirements, legal bases) plus list pages per level, field and agency (Hugo taxonomies) and a home
# page. tthc's pages do more (history with field-level diffs, decision and what-changed pages, QR
# codes, open data), so the comparison flatters Hugo if anything. Needs hyperfine, GNU time, hugo.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 30000 100000)
runs=${RUNS:-3}
at=2099-01-01

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v hugo >/dev/null || need+=(hugo)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

swift build -c release --product tthc >&2
tthc="$(swift build -c release --show-bin-path)/tthc"
work=${BENCH_DIR:-/tmp/tthc-bench}
mkdir -p "$work"

hugo_site() { # $1 = tthc's built site, $2 = Hugo site folder to (re)create
  rm -rf "$2"; mkdir -p "$2/content/thu-tuc" "$2/layouts/_default"
  python3 - "$1" "$2" <<'PY'
import json, os, sys
site, hugo = sys.argv[1], sys.argv[2]
catalogue = json.load(open(os.path.join(site, "catalogue.json")))
for row in catalogue["procedures"]:
    p = json.load(open(os.path.join(site, row["data"])))["procedure"]
    front = {
        "title": p["name"], "code": row["code"],
        "capthuchien": row["levels"], "linhvuc": row["fields"], "coquan": row["agencies"],
        "p": p,
    }
    name = row["data"].split("/")[-1].replace(".json", ".md")
    with open(os.path.join(hugo, "content", "thu-tuc", name), "w") as f:
        json.dump(front, f, ensure_ascii=False)
        f.write("\n")
PY
  cat > "$2/config.json" <<'JSON'
{ "baseURL": "https://example.invalid/", "languageCode": "vi", "title": "Thủ tục hành chính",
  "disableKinds": ["RSS"], "enableRobotsTXT": true,
  "taxonomies": { "linhvuc": "linhvuc", "capthuchien": "capthuchien", "coquan": "coquan" } }
JSON
  cat > "$2/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }}</title><link rel="stylesheet" href="/site.css"></head>
<body><header><a href="/">Thủ tục hành chính</a></header><main>{{ block "main" . }}{{ end }}</main><footer>Danh mục thủ tục hành chính</footer></body></html>
HTML
  cat > "$2/layouts/_default/single.html" <<'HTML'
{{ define "main" }}{{ $p := .Params.p }}
<p>Mã thủ tục: {{ .Params.code }}</p><h1>{{ .Title }}</h1>
<p>{{ range .Params.capthuchien }}<a href="{{ "capthuchien/" | relURL }}{{ . | urlize }}/">{{ . }}</a> {{ end }}{{ range .Params.linhvuc }}<a href="{{ "linhvuc/" | relURL }}{{ . | urlize }}/">{{ . }}</a> {{ end }}</p>
<h2>Đối tượng</h2><ul>{{ range $p.subjects }}<li>{{ . }}</li>{{ end }}</ul>
<h2>Trình tự thực hiện</h2>{{ range $p.steps }}{{ with .case }}<h3>{{ . }}</h3>{{ end }}<ol>{{ range .steps }}<li>{{ with .title }}<strong>{{ . }}</strong><br>{{ end }}{{ .text }}</li>{{ end }}</ol>{{ end }}
<h2>Cách thức, thời hạn, phí</h2><table>{{ range $p.channels }}<tr><th>{{ .method }}{{ with .description }}<br>{{ . }}{{ end }}</th><td>{{ .time.value }} {{ .time.unit }}{{ with .time.text }} {{ . }}{{ end }}</td><td>{{ range .fees }}<p>{{ .kind }}: {{ .amount }}{{ with .text }} {{ . }}{{ end }}{{ with .description }} {{ . }}{{ end }}</p>{{ end }}</td></tr>{{ end }}</table>
<h2>Hồ sơ</h2><p>{{ $p.dossier.sets }} bộ</p>{{ range $p.dossier.cases }}{{ with .name }}<h3>{{ . }}</h3>{{ end }}<table>{{ range .items }}<tr><td>{{ .name }}{{ with .note }}<br>{{ . }}{{ end }}</td><td>{{ default 1 .originals }} bản chính, {{ default 0 .copies }} bản sao</td><td>{{ .form }}</td></tr>{{ end }}</table>{{ end }}
<h2>Cơ quan thực hiện</h2><ul>{{ range $p.agencies }}<li>{{ .role }}: {{ .name }}</li>{{ end }}</ul>
<h2>Kết quả</h2><ul>{{ range $p.results }}<li>{{ .name }}</li>{{ end }}</ul>
<h2>Yêu cầu, điều kiện</h2><ul>{{ range $p.requirements }}<li>{{ .text }}{{ with .basis }} ({{ . }}){{ end }}</li>{{ end }}</ul>
<h2>Căn cứ pháp lý</h2><ul>{{ range $p.legalBases }}<li>{{ .number }} {{ .title }} {{ .article }}</li>{{ end }}</ul>
{{ with $p.online }}<p>{{ .level }} {{ with .url }}<a href="{{ . }}">Nộp trực tuyến</a>{{ end }}</p>{{ end }}
{{ end }}
HTML
  cat > "$2/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.code }}</li>{{ end }}</ul>{{ end }}
HTML
  cat > "$2/layouts/_default/terms.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
HTML
}

decision_20() { # $1 = times | names, $2 = built site, $3 = catalogue copy to add the decision to, $4 = the build date
  # Signed the day before the build date, so it is in force on it: the rebuild changes the 20
  # procedures' pages, data and sheets, the listings, home, feed and open data, not only histories.
  # `times` makes each processing time a day shorter (the search index stays as it was); `names`
  # appends a word to each name (the search documents change, so the index is rebuilt).
  python3 - "$1" "$2" "$3" "$4" <<'PY'
import datetime, json, os, sys
mode, site, catalogue, at = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
signed = (datetime.date.fromisoformat(at) - datetime.timedelta(days=1)).isoformat()
rows = [r for r in json.load(open(os.path.join(site, "catalogue.json")))["procedures"] if r["code"][:1].isdigit()]
items = []
for row in rows[len(rows) // 2:]:
    if len(items) == 20:
        break
    p = json.load(open(os.path.join(site, row["data"])))["procedure"]
    if mode == "names":
        p["name"] = p["name"] + " trực tuyến"
        items.append({"action": "amended", "changedParts": ["name"], "procedure": p})
        continue
    changed = False
    for ch in p.get("channels", []):
        t = ch.get("time", {})
        if "value" in t:
            v = int(float(t["value"]))
            t["value"] = str(v - 1 if v > 1 else v + 1)  # one day shorter, or longer when 1 day
            changed = True
    if changed:  # a procedure whose times are all text has no time to shorten: take the next one
        items.append({"action": "amended", "changedParts": ["processing-time"], "procedure": p})
number, title = ("9998", "Công bố danh mục thủ tục hành chính được sửa đổi tên (benchmark)") if mode == "names" \
    else ("9999", "Công bố danh mục thủ tục hành chính được sửa đổi (benchmark)")
decision = {"decision": {"number": number + "/QĐ-UBND", "signedOn": signed, "authority": "ỦY BAN NHÂN DÂN TỈNH MẪU",
            "title": title, "items": items}}
os.makedirs(os.path.join(catalogue, "decisions", "benchmark"), exist_ok=True)
with open(os.path.join(catalogue, "decisions", "benchmark", number + ".json"), "w") as f:
    json.dump(decision, f, ensure_ascii=False, indent=1)
PY
}

median() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.3f" % x["median"] for x in r))' "$1"; }
# CPU seconds (user + system, mean of the runs) per command: on a shared machine wall time swings
# with the load, CPU time much less.
cpu() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.3f" % (x["user"] + x["system"]) for x in r))' "$1"; }

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(hugo version | cut -d' ' -f1-2); date: $(date -u +%Y-%m-%d)"
echo
echo "| procedures | tthc pages | tthc build s | tthc ms/page | tthc peak MiB | Hugo pages | Hugo s | Hugo ms/page | Hugo peak MiB | per-page ratio (Hugo/tthc) | memory ratio (tthc/Hugo) | load alone s | rebuild +20 s | rebuild written / unchanged | load, --no-cache s | rebuild +20 CPU s | rebuild rename 20 s | rebuild rename 20 CPU s |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :--- | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
  dir="$work/n$n"
  [ -d "$dir" ] || "$tthc" generate --procedures "$n" --seed 1 -o "$dir" >&2
  out="$work/site-$n"
  hugo_dir="$work/hugo-$n"
  build="$tthc build --catalogue $dir --at $at -o $out --base-url https://example.invalid/"
  rm -rf "$out"; $build >&2
  hugo_site "$out" "$hugo_dir"
  json="$work/site-$n.json"
  hyperfine --style none --runs "$runs" --export-json "$json" \
    -n tthc --prepare "rm -rf $out" "$build" \
    -n hugo --prepare "rm -rf $hugo_dir/public $hugo_dir/resources" "hugo --quiet -s $hugo_dir" \
    -n load --prepare true "$tthc validate --quiet --catalogue $dir --at $at" \
    -n load-no-cache --prepare true "$tthc validate --quiet --no-cache --catalogue $dir --at $at" >&2
  read -r t_s h_s l_s ln_s < <(median "$json")
  read -r t_cpu h_cpu l_cpu ln_cpu < <(cpu "$json")
  echo "n=$n CPU s (user+sys): tthc $t_cpu, hugo $h_cpu, load $l_cpu (no cache $ln_cpu); load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  rm -rf "$out"; /usr/bin/time -f '%M' -o "$work/rss-tthc" $build >/dev/null
  rm -rf "$hugo_dir/public"; /usr/bin/time -f '%M' -o "$work/rss-hugo" hugo --quiet -s "$hugo_dir" >/dev/null
  t_pages=$(find "$out" -name '*.html' | wc -l)
  h_pages=$(find "$hugo_dir/public" -name '*.html' | wc -l)
  # Rebuild: the same catalogue plus one decision amending 20 procedures, over the previous build.
  # The catalogue copy takes the load cache along (.tthc-cache), as a province's folder keeps it;
  # each run starts from a hard-linked copy of the full build (the rebuild never writes through
  # a link, so the copy stays as built).
  plus="$work/n$n-plus20"
  rm -rf "$plus"; cp -r "$dir" "$plus"; decision_20 times "$out" "$plus" "$at"
  base="$work/site-$n-base"
  rm -rf "$base"; cp -al "$out" "$base"
  rjson="$work/rebuild-$n.json"
  hyperfine --style none --runs "$runs" --export-json "$rjson" \
    --prepare "rm -rf $out && cp -al $base $out" \
    -n rebuild "$tthc build --catalogue $plus --at $at -o $out --base-url https://example.invalid/" >&2
  read -r r_s < <(median "$rjson")
  read -r r_cpu < <(cpu "$rjson")
  rm -rf "$out"; cp -al "$base" "$out"
  summary=$("$tthc" build --catalogue "$plus" --at "$at" -o "$out" --base-url https://example.invalid/ | tail -1)
  # The decision is in force on the build date: its 20 pages (with their data and sheets) are rewritten.
  written=$(echo "$summary" | sed -n 's/.*; \([0-9]*\) tệp được ghi.*/\1/p')
  if [ "${written:-0}" -lt 60 ]; then echo "rebuild wrote only ${written:-?} files: the benchmark decision changed no pages ($summary)" >&2; exit 1; fi
  # Rebuild after a decision renaming 20 procedures: the search index changes too.
  renamed="$work/n$n-rename20"
  rm -rf "$renamed"; cp -r "$dir" "$renamed"; decision_20 names "$base" "$renamed" "$at"
  njson="$work/rebuild-rename-$n.json"
  hyperfine --style none --runs "$runs" --export-json "$njson" \
    --prepare "rm -rf $out && cp -al $base $out" \
    -n rebuild-rename "$tthc build --catalogue $renamed --at $at -o $out --base-url https://example.invalid/" >&2
  read -r rn_s < <(median "$njson")
  read -r rn_cpu < <(cpu "$njson")
  python3 - "$n" "$t_pages" "$t_s" "$(cat "$work/rss-tthc")" "$h_pages" "$h_s" "$(cat "$work/rss-hugo")" "$l_s" "$r_s" "$summary" "$ln_s" "$r_cpu" "$rn_s" "$rn_cpu" <<'PY'
import re, sys
n, tp, ts, tr, hp, hs, hr, ls, rs, summary, lns, rcpu, rns, rncpu = sys.argv[1:]
tp, hp = int(tp), int(hp)
ts, hs, ls, rs = float(ts), float(hs), float(ls), float(rs)
tr, hr = int(tr) / 1024, int(hr) / 1024
tm, hm = ts * 1000 / tp, hs * 1000 / hp
m = re.search(r"(\d+) tệp được ghi, (\d+) tệp không đổi", summary)
counts = f"{m.group(1)} / {m.group(2)}" if m else summary
print(f"| {int(n):,} | {tp:,} | {ts:.2f} | {tm:.3f} | {tr:.0f} | {hp:,} | {hs:.2f} | {hm:.3f} | {hr:.0f} | {hm / tm:.2f} | {tr / hr:.2f} | {ls:.2f} | {rs:.2f} | {counts} | {float(lns):.2f} | {float(rcpu):.2f} | {float(rns):.2f} | {float(rncpu):.2f} |")
PY
done
