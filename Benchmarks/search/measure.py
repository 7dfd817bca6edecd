#!/usr/bin/env python3
"""Measures the site search in headless Chromium, ours and (when the site has one) Pagefind's.

    measure.py SITE [--pagefind] [--recall N]

SITE is a folder written by `search-site` (index.html, tim-kiem/, sample.json) and, for Pagefind,
indexed by `python3 -m pagefind --site SITE`. Prints one JSON object:
  ours / pagefind: for each typical query in a fresh browser, the index bytes it loaded (files on disk,
  and gzip-compressed as a web server would send ours; Pagefind's files are compressed already) and
  the time from the call to the top 10 with their names (cold: loading included); warm: the same
  queries again in the same page; recall: the share of sampled procedure names, typed in ASCII
  without diacritics, whose procedure (by name) is in the top 10.
Ours is opened over file://; Pagefind needs HTTP (it fetches), so a local server serves the site.
"""
import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
import unicodedata
import urllib.parse

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import chromium_cdp  # noqa: E402

QUERIES = [
    "dang ky khai sinh", "đăng ký kết hôn", "cap giay phep xay dung", "chung thuc ban sao", "ho kinh doanh",
    "tro cap xa hoi", "dat dai", "nuoi con nuoi", "gia han tam tru", "giay phep moi truong", "hòa giải",
    "code",  # replaced by the national digits of a sampled procedure's code ("001193")
]


def ascii_typing(name):
    """A name as typed on a keyboard without Vietnamese input: no marks, đ → d, no punctuation."""
    s = unicodedata.normalize("NFD", name.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())


def file_bytes(site, relative):
    path = os.path.join(site, relative)
    data = open(path, "rb").read()
    return len(data), len(gzip.compress(data, 6))


OURS = """(async () => {
  const t0 = performance.now();
  const a = await tthcSearch.search(%s);
  return { ms: performance.now() - t0, names: a.results.map(r => r.name), urls: a.results.map(r => r.url),
           files: tthcSearch.loadedFiles() };
})()"""

PAGEFIND = """(async () => {
  const t0 = performance.now();
  if (!window.pf) { window.pf = await import('/pagefind/pagefind.js'); await window.pf.init(); }
  const s = await window.pf.search(%s);
  const data = await Promise.all(s.results.slice(0, 10).map(r => r.data()));
  return { ms: performance.now() - t0, names: data.map(d => d.meta.title), urls: data.map(d => d.url),
           files: [] };
})()"""


def measure(browser, url, program, site, requested, queries, sample):
    """`requested(result)` lists the index files (relative to the site) a query made the page load.
    Each first query runs in a browser of its own, with an empty profile: nothing cached."""
    cold = []
    for q in queries:
        with chromium_cdp.Browser() as fresh:
            fresh.open(url)
            requested(None)  # the page itself, before the query
            r = fresh.evaluate(program % json.dumps(q))
            files = requested(r)
        raw = sum(file_bytes(site, f)[0] for f in files)
        gz = sum(file_bytes(site, f)[1] for f in files)
        cold.append({"query": q, "ms": r["ms"], "bytes": raw, "gzip": gz, "files": len(files),
                     "top": r["names"][:1]})
    warm = []
    browser.navigate(url)
    for q in queries:  # one page for all: run each query twice, time the second
        browser.evaluate(program % json.dumps(q))
        warm.append(browser.evaluate(program % json.dumps(q))["ms"])
    hits = 0
    for name, path in sample:
        r = browser.evaluate(program % json.dumps(ascii_typing(name)))
        if name in r["names"][:10]:
            hits += 1
    return {
        "cold": cold,
        "median_bytes": statistics.median(c["bytes"] for c in cold),
        "max_bytes": max(c["bytes"] for c in cold),
        "median_gzip": statistics.median(c["gzip"] for c in cold),
        "max_gzip": max(c["gzip"] for c in cold),
        "median_cold_ms": statistics.median(c["ms"] for c in cold),
        "median_warm_ms": statistics.median(warm),
        "max_warm_ms": max(warm),
        "recall": hits / len(sample) if sample else None,
        "recall_n": len(sample),
    }


def typed_session(browser, url, site, text):
    """Index bytes loaded while typing text key by key into the search box (what a user really loads)."""
    browser.navigate(url)
    browser.evaluate("document.getElementById('search-input').focus()")
    for ch in text:
        browser.type_text(ch)
        time.sleep(0.15)  # slower than one search per 120 ms: every prefix is searched
    browser.evaluate("""new Promise(r => (function poll() {
        (window.tthcSearch.lastAnswer || {}).query === document.getElementById('search-input').value ? r() : setTimeout(poll, 50); })())""")
    files = browser.evaluate("tthcSearch.loadedFiles()")
    return {"bytes": sum(file_bytes(site, f)[0] for f in files), "gzip": sum(file_bytes(site, f)[1] for f in files),
            "last_ms": browser.evaluate("tthcSearch.lastAnswer.ms")}


TYPED_FIRST = """new Promise(resolve => {
  const input = document.getElementById('search-input'), output = document.getElementById('search-results');
  const original = tthcSearch.search;
  let searched = null, timings = null;
  tthcSearch.search = function () {
    searched = performance.now();
    return original.apply(this, arguments).then(a => { timings = a.timings; return a; });
  };
  const t0 = performance.now();
  new MutationObserver((_, observer) => {
    if (!output.querySelector('.search-list, .search-status')) return;
    observer.disconnect();
    const t1 = performance.now();
    resolve({ total_ms: t1 - t0, search_ms: t1 - searched, names: Array.from(output.querySelectorAll('a.search-name'), a => a.textContent),
              files: tthcSearch.loadedFiles(), timings: timings });
  }).observe(output, { childList: true, subtree: true });
  input.value = %s;
  input.dispatchEvent(new Event('input', { bubbles: true }));
})"""


def metrics(browser):
    """Chromium's performance counters of the page (Performance.getMetrics), by name."""
    return {m["name"]: m["value"] for m in browser.send("Performance.getMetrics")["metrics"]}


def first_typed(url, site, queries, settle=0.3):
    """The first query as a user makes it, each in a fresh browser: the search box gets focus (the page
    then loads the manifest), and once the page is idle the whole query arrives in one input event.
    Timed in the page: from the input event to the results in the page (total: the page searches at
    once after a pause, or waits out the rest of 120 ms after another search) and from the search
    starting to the results rendered. `settle`: seconds waited after the manifest has loaded (0.3 by
    default; the browser started less than a second before, and its own start-up work still competes
    with the query then — see BENCHMARKS.md)."""
    rows = []
    for q in queries:
        with chromium_cdp.Browser() as fresh:
            fresh.open(url)
            fresh.evaluate("document.getElementById('search-input').focus()")
            fresh.evaluate("""new Promise(r => (function poll() {
                tthcSearch.loadedFiles().indexOf('tim-kiem/manifest.js') >= 0 ? setTimeout(r, %d) : setTimeout(poll, 20); })())""" % round(settle * 1000))
            before = set(fresh.evaluate("tthcSearch.loadedFiles()"))
            fresh.send("Performance.enable")
            m0 = metrics(fresh)
            r = fresh.evaluate(TYPED_FIRST % json.dumps(q))
            m1 = metrics(fresh)
        files = sorted(set(r["files"]))
        new_files = [f for f in files if f not in before]
        rows.append({"query": q, "total_ms": r["total_ms"], "search_ms": r["search_ms"], "timings": r["timings"],
                     "top": r["names"][:1],
                     "bytes": sum(file_bytes(site, f)[0] for f in files),
                     "prefetched_bytes": sum(file_bytes(site, f)[0] for f in before),
                     # Index files the query loaded (after the focus), by kind: "m", "b", "d".
                     "loads": {k: sum(1 for f in new_files if f.split("/")[1] == k) for k in ("m", "b", "d")},
                     # CPU the page's renderer spent from the input event to the results (seconds of its
                     # main thread and of its whole process), which the load of a shared machine
                     # disturbs less than the time.
                     "main_thread_cpu_ms": (m1["ThreadTime"] - m0["ThreadTime"]) * 1000,
                     "renderer_cpu_ms": (m1["ProcessTime"] - m0["ProcessTime"]) * 1000})
    return {"rows": rows, "settle_s": settle, "median_search_ms": statistics.median(x["search_ms"] for x in rows),
            "median_main_thread_cpu_ms": statistics.median(x["main_thread_cpu_ms"] for x in rows),
            "max_bytes": max(x["bytes"] for x in rows),
            "max_search_ms": max(x["search_ms"] for x in rows),
            "median_total_ms": statistics.median(x["total_ms"] for x in rows)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--pagefind", action="store_true")
    parser.add_argument("--recall", type=int, default=200)
    parser.add_argument("--first-typed", action="store_true", help="only the first query typed in a fresh browser")
    parser.add_argument("--settle", type=float, default=0.3,
                        help="first query typed: seconds to wait after the manifest has loaded (default 0.3)")
    args = parser.parse_args()
    site = os.path.abspath(args.site)
    rows = json.load(open(os.path.join(site, "sample.json")))
    sample = [(row[1], row[3]) for row in rows][: args.recall]
    code = rows[len(rows) // 2][0]
    queries = [code.split(".")[1] if q == "code" else q for q in QUERIES]
    out = {}
    home = "file://" + urllib.parse.quote(os.path.join(site, "index.html"))
    if args.first_typed:
        json.dump(first_typed(home, site, queries, args.settle), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    with chromium_cdp.Browser() as browser:
        browser.open("about:blank")
        out["ours"] = measure(browser, home, OURS, site, lambda r: sorted(set(r["files"])) if r else [], queries, sample)
        out["ours"]["typed_dang_ky_khai_sinh"] = typed_session(browser, home, site, "dang ky khai sinh")
        out["ours"]["first_typed"] = first_typed(home, site, queries, args.settle)
        if args.pagefind:
            # Pagefind searches in a web worker, out of the page's sight: count what the server sent.
            port = 8000 + os.getpid() % 1000
            log_path = os.path.join(site, "..", f"pagefind-server-{port}.log")
            log = open(log_path, "w")
            server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                                       "--directory", site], stdout=subprocess.DEVNULL, stderr=log)
            seen = [0]

            def requested(_):
                log.flush()
                lines = open(log_path).read().splitlines()
                new, seen[0] = lines[seen[0]:], len(lines)
                paths = set()
                for line in new:
                    if '"GET /pagefind/' in line:
                        paths.add(urllib.parse.unquote(line.split('"GET /', 1)[1].split(" ", 1)[0].split("?")[0]))
                return sorted(paths)
            try:
                time.sleep(1)
                base = f"http://127.0.0.1:{port}"
                browser.navigate(base + "/index.html")
                out["pagefind"] = measure(browser, base + "/index.html", PAGEFIND, site, requested, queries, sample)
            finally:
                server.terminate()
                server.wait()
                log.close()
                os.remove(log_path)
        out["errors"] = [e for e in browser.errors() if "favicon.ico" not in e]
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
