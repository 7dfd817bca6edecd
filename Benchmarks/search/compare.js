#!/usr/bin/env node
// Runs queries through two copies of search.js side by side, each on its own index, under Node (the
// page's <script> loading replaced by reading the files), and checks that they answer alike: the
// codes of the top 10 in order, the totals and `exact`. Also counts the index files each loaded.
//
//   node Benchmarks/search/compare.js OLD_SITE NEW_SITE [QUERIES_FILE]
//
// A SITE is a folder with assets/search.js and tim-kiem/ (as `search-site` writes). QUERIES_FILE holds
// one query a line; by default the benchmark's 12 queries, their prefixes while typing and more.
// Prints one line per query and a summary; exits 1 when any answer differs.
'use strict';
const fs = require('fs'), path = require('path'), vm = require('vm');

function engine(site) {
  const root = path.resolve(site) + '/';
  const context = { performance, setTimeout, Promise, console, URLSearchParams };
  context.globalThis = context;
  context.window = context;
  context.location = { search: '' };
  context.document = {
    readyState: 'complete',
    currentScript: { getAttribute: n => (n === 'data-root' ? root : null) },
    getElementById: () => null,
    createElement: () => ({ remove() {} }),
    createDocumentFragment: () => ({ scripts: [], appendChild(s) { this.scripts.push(s); } }),
    head: { appendChild(node) {
      for (const s of node.scripts || [node]) setTimeout(() => {
        let text;
        try { text = fs.readFileSync(s.src, 'utf8'); } catch (e) { s.onerror(e); return; }
        vm.runInContext(text, context, { filename: s.src });
        s.onload();
      }, 0);
    } },
  };
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(root + 'assets/search.js', 'utf8'), context, { filename: 'search.js' });
  return context.tthcSearch;
}

const DEFAULT = [
  'dang ky khai sinh', 'đăng ký kết hôn', 'cap giay phep xay dung', 'chung thuc ban sao', 'ho kinh doanh',
  'tro cap xa hoi', 'dat dai', 'nuoi con nuoi', 'gia han tam tru', 'giay phep moi truong', 'hòa giải',
  'dang', 'dang k', 'dang ky', 'dang ky k', 'dang ky kh', 'dang ky khai', 'dang ky khai s', 'cap', 'cap lai',
  'giay', 'thu tuc', 'xa', 'h29', '001193', 'ho tich', 'đất', 'bao hiem xa hoi', 'thue', 'khoang san',
  'xuat nhap khau', 'ly lich tu phap', 'quyen su dung dat', 'tam tru', 'thuong tru', 'chung nhan',
];

async function main() {
  const [oldSite, newSite, queriesFile] = process.argv.slice(2);
  if (!oldSite || !newSite) { console.error('usage: compare.js OLD_SITE NEW_SITE [QUERIES_FILE]'); process.exit(2); }
  const queries = queriesFile ? fs.readFileSync(queriesFile, 'utf8').split('\n').filter(Boolean) : DEFAULT;
  let differ = 0;
  const files = { old: [], new: [] };
  for (const q of queries) {
    // A fresh engine per query and side: the files a first query loads.
    const answers = [];
    for (const [side, site] of [['old', oldSite], ['new', newSite]]) {
      const api = engine(site);
      const a = await api.search(q);
      const loaded = api.loadedFiles();
      const kinds = {};
      for (const f of loaded) { const k = f.split('/')[1].replace('.js', ''); kinds[k] = (kinds[k] || 0) + 1; }
      const bytes = loaded.reduce((s, f) => s + fs.statSync(path.join(site, f)).size, 0);
      files[side].push({ count: loaded.length, bytes, kinds });
      answers.push({ codes: a.results.map(r => r.code), names: a.results.map(r => r.name), urls: a.results.map(r => r.url.replace(path.resolve(site) + '/', '')),
                     total: a.total, exact: a.exact, kinds, count: loaded.length, bytes });
    }
    const [o, n] = answers;
    const same = JSON.stringify([o.codes, o.names, o.urls, o.total, o.exact]) === JSON.stringify([n.codes, n.names, n.urls, n.total, n.exact]);
    if (!same) differ++;
    console.log(`${same ? 'same' : 'DIFFERENT'}  ${JSON.stringify(q)}  total ${o.total}/${n.total}  files ${o.count} ${JSON.stringify(o.kinds)} ${(o.bytes / 1000).toFixed(0)} KB → ${n.count} ${JSON.stringify(n.kinds)} ${(n.bytes / 1000).toFixed(0)} KB`);
    if (!same) console.log('   old: ' + o.codes.join(' ') + '\n   new: ' + n.codes.join(' '));
  }
  console.log(`${queries.length - differ} of ${queries.length} queries answered alike`);
  process.exit(differ ? 1 : 0);
}
main();
