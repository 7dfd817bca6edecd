/*
 * tthc — the public site's search. Plain JS, no dependencies, no build step; works from file://.
 *
 * The page holds <input id="search-input">, <div id="search-results" aria-live="polite"> and
 * <script src="…/assets/search.js" data-root="…/" defer>, data-root being the way back to the site
 * root. The index (written by `tthc build`, Sources/SearchIndex) is a set of small JS files under
 * tim-kiem/, each calling tthcSearch.add(kind, number, data); they are loaded with <script> tags
 * (fetch is not allowed on file://), only those a query needs:
 *   manifest.js  first word and size of each word shard
 *   m/N.js       words of name (its first 2 words apart), code, field, agency and level, per spelling and part
 *   b/N.js       words found only in the rest of the text, loaded when the above give too few results
 *   d/N.js       name, code, field and page of the documents shown
 * fold() and spelling() port VietnameseText.searchKey and .comparisonKey; a test compares them.
 * Uses ES2018 Unicode property escapes (\p{…}) so that letters and marks are classed exactly as the
 * Swift side classes them.
 */
(function () {
  'use strict';
  var global = typeof window !== 'undefined' ? window : globalThis;
  var api = global.tthcSearch || {};
  global.tthcSearch = api;

  var MARK = /\p{Mn}/u;
  var SPACE = /\p{White_Space}/u;
  var TONE = /[\u0300\u0301\u0303\u0309\u0323]/;
  var LETTER_OR_DIGIT = /[\p{Alphabetic}\p{Mn}\p{N}]/u;
  var WORDS = /[\p{L}\p{N}\p{M}]+(?:\.[\p{L}\p{N}\p{M}]+)*/gu;

  /** VietnameseText.searchKey: lower case, every mark dropped, đ → d, spacing folded. */
  function fold(s) {
    var out = '';
    var pending = false;
    var chars = Array.from(s.toLowerCase().normalize('NFD'));
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      if (MARK.test(c)) continue;
      if (SPACE.test(c)) { pending = out.length > 0; continue; }
      if (pending) out += ' ';
      pending = false;
      out += c === '\u0111' ? 'd' : c;
    }
    return out;
  }

  /** VietnameseText.comparisonKey: marks kept, each syllable's tone moved to its end (hoà = hòa). */
  function spelling(s) {
    var out = '';
    var tone = '';
    var pending = false;
    var chars = Array.from(s.toLowerCase().normalize('NFD'));
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      if (TONE.test(c)) {
        tone = c;
      } else if (SPACE.test(c)) {
        out += tone; tone = '';
        pending = out.length > 0;
      } else if (LETTER_OR_DIGIT.test(c)) {
        if (pending) out += ' ';
        pending = false;
        out += c;
      } else {
        out += tone; tone = '';
        if (pending) out += ' ';
        pending = false;
        out += c;
      }
    }
    out += tone;
    return out.normalize('NFC');
  }

  /** SearchToken.words + the keys of each: the query's words, as the index stores words. */
  function tokens(text) {
    var words = text.normalize('NFC').match(WORDS) || [];
    var out = [];
    for (var i = 0; i < words.length; i++) {
      var f = fold(words[i]);
      if (f) out.push({ word: words[i], folded: f, spelling: spelling(words[i]) });
    }
    return out;
  }

  api.fold = fold;
  api.spelling = spelling;
  api.tokens = tokens;

  // ---- the index ----------------------------------------------------------------------------

  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var VALUE = new Int8Array(128).fill(-1);
  for (var d = 0; d < 64; d++) VALUE[DIGITS.charCodeAt(d)] = d;

  /**
   * Raises best[id] to at least `score` for each document of a PostingList string
   * (Sources/SearchIndex/PostingList.swift): gaps as base-32 varints, or "~", the first document and
   * a bitmap of 6 documents per character. One tight loop, no call per document: lists of a word
   * found in every procedure run to 100,000 documents. A document raised from 0 is added to
   * `touched` when given, so that ranking visits the documents found rather than every document.
   */
  function raise(text, best, score, touched) {
    var n = text.length;
    var i = 0;
    var x, v, shift;
    if (text.charCodeAt(0) === 126) { // "~": dense bitmap
      i = 1; v = 0; shift = 1;
      do { x = VALUE[text.charCodeAt(i++)]; v += (x & 31) * shift; shift *= 32; } while (x >= 32 && i < n);
      for (var id = v; i < n; i++, id += 6) {
        var bits = VALUE[text.charCodeAt(i)];
        for (var k = id; bits; k++, bits >>= 1) {
          if (!(bits & 1) || best[k] >= score) continue;
          if (touched && !best[k]) touched.push(k);
          best[k] = score;
        }
      }
      return;
    }
    var doc = -1;
    while (i < n) {
      v = 0; shift = 1;
      do { x = VALUE[text.charCodeAt(i++)]; v += (x & 31) * shift; shift *= 32; } while (x >= 32 && i < n);
      doc += v + 1;
      if (best[doc] >= score) continue;
      if (touched && !best[doc]) touched.push(doc);
      best[doc] = score;
    }
  }

  // A word counts by the part it is found in; the spelling typed (diacritics) weighs more than where in
  // the name the word stands, less than the part. A word found only in the body never reaches the
  // weakest part (BEST_IN_PARTS).
  var TIER_WEIGHT = [112, 100, 70, 50, 30]; // name's first 2 words, rest of name, code, field, agency and level
  var BODY_WEIGHT = 10;
  var WHOLE_WORD = 5;       // the word typed, not a longer word it begins
  var SAME_SPELLING = 15;   // with the same diacritics as typed
  var BEST_IN_PARTS = TIER_WEIGHT[4];
  var LIMIT = 10;
  var PREFIX_BUDGET = 120000; // bytes of shards a word being typed may load for its longer forms

  var state = { root: '', data: {}, pending: {}, loaded: [] };

  api.add = function (kind, number, data) { state.data[kind + '/' + number] = data; };

  function fileName(kind, number) {
    return kind === 'manifest' ? 'tim-kiem/manifest.js' : 'tim-kiem/' + kind + '/' + number + '.js';
  }

  /**
   * Loads index files with <script> tags: each promise resolves to the file's data. The tags of one
   * call go into the page with one insertion (each insertion starts the browser's loading machinery).
   */
  function loadAll(kind, numbers) {
    var batch = null;
    var promises = numbers.map(function (number) {
      var key = kind + '/' + number;
      if (has(state.data, key)) return Promise.resolve(state.data[key]);
      if (state.pending[key]) return state.pending[key];
      var name = fileName(kind, number);
      var promise = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = state.root + name;
        script.onload = function () {
          script.remove();
          if (has(state.data, key)) resolve(state.data[key]);
          else reject(new Error('tệp chỉ mục không hợp lệ: ' + name));
        };
        script.onerror = function () {
          script.remove();
          delete state.pending[key];
          reject(new Error('không tải được ' + name));
        };
        state.loaded.push(name);
        if (!batch) batch = document.createDocumentFragment();
        batch.appendChild(script);
      });
      state.pending[key] = promise;
      return promise;
    });
    if (batch) document.head.appendChild(batch);
    return Promise.all(promises);
  }

  function load(kind, number) {
    return loadAll(kind, [number]).then(function (data) { return data[0]; });
  }

  /** The shard holding `word`: the last whose first word is not after it. */
  function shardOf(table, word) {
    var lo = 0, hi = table.length - 1, found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (table[mid][0] <= word) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  /** The shards a query word needs: its own, and for a word being typed those of its longer forms. */
  function shardsFor(table, token) {
    if (!table.length) return [];
    var first = shardOf(table, token.folded);
    var list = [first];
    if (token.prefix) {
      var bytes = table[first][1];
      for (var j = first + 1; j < table.length && table[j][0].indexOf(token.folded) === 0; j++) {
        bytes += table[j][1];
        if (bytes > PREFIX_BUDGET) break;
        list.push(j);
      }
    }
    return list;
  }

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /** Words of loaded shards matching the token: the word itself, or any word it begins if typed last. */
  function matchingWords(shard, token, f) {
    if (!token.prefix) {
      if (has(shard, token.folded)) f(token.folded, shard[token.folded]);
      return;
    }
    for (var w in shard) if (has(shard, w) && w.indexOf(token.folded) === 0) f(w, shard[w]);
  }

  /** A "~" posting list read for look-ups: its first document and where its bitmap starts. */
  function bitmap(text, score) {
    var n = text.length, i = 1, v = 0, shift = 1, x;
    do { x = VALUE[text.charCodeAt(i++)]; v += (x & 31) * shift; shift *= 32; } while (x >= 32 && i < n);
    return { text: text, first: v, start: i, score: score };
  }

  function inBitmap(map, id) {
    var at = id - map.first;
    if (at < 0) return false;
    var c = map.start + Math.floor(at / 6);
    return c < map.text.length && ((VALUE[map.text.charCodeAt(c)] >> (at % 6)) & 1) === 1;
  }

  /**
   * One query word's posting lists, each with the score a document found in it gets: by the part it is
   * found in, whole word or prefix, and the spelling typed.
   */
  function postings(token, metaShards, bodyShards) {
    var list = [];
    for (var m = 0; m < metaShards.length; m++) {
      matchingWords(metaShards[m], token, function (word, rows) {
        var whole = word === token.folded ? WHOLE_WORD : 0;
        for (var r = 0; r < rows.length; r++) {
          var row = rows[r];
          // Typed without diacritics, a word says nothing about them: no bonus for words that have none.
          var bonus = whole + (token.marked && (row[0] || word) === token.spelling ? SAME_SPELLING : 0);
          for (var t = 1; t < row.length; t++) {
            if (row[t]) list.push({ text: row[t], score: TIER_WEIGHT[t - 1] + bonus });
          }
        }
      });
    }
    for (var b = 0; b < bodyShards.length; b++) {
      matchingWords(bodyShards[b], token, function (word, text) {
        list.push({ text: text, score: BODY_WEIGHT + (word === token.folded ? WHOLE_WORD : 0) });
      });
    }
    return list;
  }

  /** Roughly how many documents a word's lists hold: a gap takes a character, a bitmap character 6. */
  function size(list) {
    var total = 0;
    for (var i = 0; i < list.length; i++) total += list[i].text.length * (list[i].text.charCodeAt(0) === 126 ? 3 : 1);
    return total;
  }

  /**
   * One byte per document, for a word's best scores: reused from query to query (a new array of the
   * catalogue's size per word and query made a long query's ranking mostly allocation and garbage
   * collection); it only grows. `slot` 0 holds the first word's scores, 1 the word being looked up.
   */
  var scratch = [];
  function scores(slot, count) {
    if (!scratch[slot] || scratch[slot].length < count) scratch[slot] = new Uint8Array(count);
    var a = scratch[slot].subarray(0, count);
    a.fill(0);
    return a;
  }

  /**
   * Keeps, of the first `n` documents of `ids`, those a word is found in, adding its best score to
   * theirs and counting it in `body` when found only in the body; returns how many are left (the kept
   * ones first, in their order). Gap lists are decoded into an array once; bitmaps are looked up in
   * place (a word found in most procedures is a bitmap, and decoding all of it for the few documents
   * left would be most of a query's work) — unless so many documents are left that decoding costs less.
   */
  function narrow(list, count, ids, score, body, n) {
    var bitmapChars = 0;
    for (var i = 0; i < list.length; i++) if (list[i].text.charCodeAt(0) === 126) bitmapChars += list[i].text.length;
    var decodeAll = n * 2 > bitmapChars;
    var best = null;
    var maps = [];
    for (i = 0; i < list.length; i++) {
      if (!decodeAll && list[i].text.charCodeAt(0) === 126) { maps.push(bitmap(list[i].text, list[i].score)); continue; }
      if (!best) best = scores(1, count);
      raise(list[i].text, best, list[i].score, null);
    }
    var kept = 0;
    for (i = 0; i < n; i++) {
      var id = ids[i];
      var s = best ? best[id] : 0;
      for (var m = 0; m < maps.length; m++) if (maps[m].score > s && inBitmap(maps[m], id)) s = maps[m].score;
      if (!s) continue;
      ids[kept] = id;
      score[kept] = score[i] + s;
      body[kept] = body[i] + (s < BEST_IN_PARTS ? 1 : 0);
      kept++;
    }
    return kept;
  }

  /**
   * Documents matching every word, best first: fewest words found only in the body, then score, then
   * the order of the catalogue. The rarest word's lists are decoded in full; a document it does not
   * have cannot match, so the other words, rarest first, are only looked up for the documents still
   * left. The work follows the rarest word, not the size of the catalogue.
   */
  function rank(query, metaShards, bodyShards, count) {
    var words = query.map(function (token) { return postings(token, metaShards, bodyShards); });
    var sizes = words.map(size);
    var order = words.map(function (_, w) { return w; });
    order.sort(function (a, b) { return sizes[a] - sizes[b] || a - b; });
    var best = scores(0, count);
    var candidates = [];
    var rarest = words[order[0]];
    for (var p = 0; p < rarest.length; p++) raise(rarest[p].text, best, rarest[p].score, candidates);
    var n = candidates.length;
    var ids = new Int32Array(n);
    var score = new Int32Array(n);
    var body = new Uint8Array(n);
    for (var c = 0; c < n; c++) {
      var first = best[candidates[c]];
      ids[c] = candidates[c];
      score[c] = first;
      body[c] = first < BEST_IN_PARTS ? 1 : 0;
    }
    for (var w = 1; w < order.length && n > 0; w++) n = narrow(words[order[w]], count, ids, score, body, n);

    var top = [];
    var topScore = [];
    var topBody = [];
    for (c = 0; c < n; c++) {
      var id = ids[c];
      var s = score[c];
      var bodyOnly = body[c];
      // Insert into the top LIMIT, kept sorted by (bodyOnly ascending, score descending, id ascending).
      var i = top.length;
      while (i > 0) {
        var k = i - 1;
        var better = bodyOnly !== topBody[k] ? bodyOnly < topBody[k]
          : s !== topScore[k] ? s > topScore[k] : id < top[k];
        if (!better) break;
        i--;
      }
      if (i >= LIMIT) continue;
      top.splice(i, 0, id); topScore.splice(i, 0, s); topBody.splice(i, 0, bodyOnly);
      if (top.length > LIMIT) { top.pop(); topScore.pop(); topBody.pop(); }
    }
    return { ids: top, total: n };
  }

  function queryTokens(text) {
    var all = tokens(text);
    var seen = {};
    var query = [];
    all.forEach(function (t, i) {
      if (has(seen, t.folded)) return;
      seen[t.folded] = true;
      // The last word may still be being typed: it matches the words it begins, once it has 2 letters.
      t.prefix = i === all.length - 1 && t.folded.length >= 2 && !/\s$/.test(text);
      t.marked = t.spelling !== t.folded;
      query.push(t);
    });
    // A single letter just typed after other words says too little to filter on yet.
    if (query.length > 1) {
      var last = query[query.length - 1];
      if (last.folded.length === 1 && !/\s$/.test(text)) query.pop();
    }
    return query;
  }

  /**
   * Runs a query: {results: [{name, code, field, url}], total, exact, ms, timings}. `exact` is false when the
   * body was not searched because the name, code, field and agency already gave enough results
   * (which then come first anyway); `total` is a lower bound then. `timings`: ms from the start at
   * which each stage ended (manifest, parts, ranked, body, rankedWithBody, documents).
   */
  api.search = function (text) {
    var started = performance.now();
    var query = queryTokens(text);
    if (!query.length) return Promise.resolve({ results: [], total: 0, exact: true, ms: 0 });
    var timings = {};
    function lap(name) { timings[name] = performance.now() - started; }
    return load('manifest', 0).then(function (manifest) {
      lap('manifest');
      var count = manifest.documents;
      function shards(kind, table) {
        var numbers = [];
        query.forEach(function (t) {
          shardsFor(table, t).forEach(function (n) { if (numbers.indexOf(n) < 0) numbers.push(n); });
        });
        return loadAll(kind, numbers);
      }
      // A query of code parts ("001193", "1.0011") rarely matches ten procedures by name or code: its
      // body shards are then needed, so they load with the word shards rather than after them.
      if (query.every(function (t) { return /^[0-9.]+$/.test(t.folded); })) shards('b', manifest.body).catch(function () {});
      return shards('m', manifest.meta).then(function (meta) {
        lap('parts');
        var ranked = rank(query, meta, [], count);
        lap('ranked');
        if (ranked.total >= LIMIT) return { ranked: ranked, exact: false };
        return shards('b', manifest.body).then(function (body) {
          lap('body');
          var all = rank(query, meta, body, count);
          lap('rankedWithBody');
          return { ranked: all, exact: true };
        });
      }).then(function (found) {
        var per = manifest.documentsPerShard;
        var numbers = [];
        found.ranked.ids.forEach(function (id) {
          var n = Math.floor(id / per);
          if (numbers.indexOf(n) < 0) numbers.push(n);
        });
        return loadAll('d', numbers).then(function () {
          var results = found.ranked.ids.map(function (id) {
            var row = state.data['d/' + Math.floor(id / per)][id % per];
            return { name: row[0], code: row[1], field: row[2], url: state.root + row[3] };
          });
          lap('documents');
          return { results: results, total: found.ranked.total, exact: found.exact, ms: performance.now() - started,
                   timings: timings };
        });
      });
    });
  };

  /**
   * Compiles the query code before the first query: the Unicode classes of the word regexes (a few ms
   * to build on first use) and the ranking, run on a made-up index so that the browser's JIT has
   * optimised it — a first query at 100,000 procedures otherwise ran its long loops in unoptimised
   * code and spent most of its ranking time there. `warmUp(pass)` runs one of WARM_PASSES passes (the
   * page runs them one task each, so that a key pressed meanwhile is not kept waiting);
   * `warmUp()` runs them all. Touches nothing a real query reads.
   */
  var WARM_PASSES = 6;
  var warmIndex = null;
  function warmUp(pass) {
    if (pass === undefined) {
      for (var p = 0; p < WARM_PASSES; p++) warmUp(p);
      return;
    }
    if (!warmIndex) {
      var count = 30000;
      var dense = '~0', sparse = '', spread = '';
      for (var i = 0; i * 6 < count; i++) dense += DIGITS.charAt((i * 7) % 64);
      for (i = 0; i * 3 < count; i++) sparse += DIGITS.charAt(1 + i % 3);
      for (i = 0; i * 40 < count; i++) spread += DIGITS.charAt(32 + i % 5) + '1';
      warmIndex = {
        count: count,
        meta: { ab: [['', dense, sparse], ['\u00e1b', '', spread, dense]], abc: [['', spread]], cd: [['', '', sparse]], ef: [['', spread]] },
        body: { ab: spread, cd: spread },
        queries: [queryTokens('ab c'), queryTokens('ab ef'), queryTokens('\u00e1b cd ef'), queryTokens('Đăng ký')],
      };
    }
    for (var q = 0; q < warmIndex.queries.length; q++) {
      rank(warmIndex.queries[q], [warmIndex.meta], pass % 2 ? [warmIndex.body] : [], warmIndex.count);
    }
  }
  api.warmUp = warmUp;

  /** Index files loaded so far, relative to the site root (for benchmarks). */
  api.loadedFiles = function () { return state.loaded.slice(); };

  // ---- the page -----------------------------------------------------------------------------

  if (typeof document === 'undefined') return;
  var script = document.currentScript;
  state.root = (script && script.getAttribute('data-root')) || '';

  function start() {
    var input = document.getElementById('search-input');
    var output = document.getElementById('search-results');
    if (!input || !output) return;
    var timer = null;
    var sequence = 0;

    function element(tag, className, text) {
      var e = document.createElement(tag);
      if (className) e.className = className;
      if (text) e.textContent = text;
      return e;
    }

    // The answer is built apart and put in the page with one write (one layout, one mutation).
    function show(answer) {
      if (!answer.results.length) {
        output.replaceChildren(element('p', 'search-status', 'Không tìm thấy thủ tục phù hợp'));
        return;
      }
      var status = answer.exact
        ? 'Tìm thấy ' + answer.total + ' thủ tục'
        : 'Có ít nhất ' + answer.total + ' thủ tục phù hợp';
      if (answer.total > answer.results.length) status += ', hiển thị ' + answer.results.length + ' thủ tục phù hợp nhất';
      var list = element('ol', 'search-list');
      answer.results.forEach(function (r) {
        var item = element('li', 'search-item');
        var link = element('a', 'search-name', r.name);
        link.href = r.url;
        item.appendChild(link);
        // Read as "Mã 1.001193 · Hộ tịch", styled or not.
        var details = element('p', 'search-details', 'Mã ');
        details.appendChild(element('span', 'search-code', r.code));
        if (r.field) {
          details.appendChild(document.createTextNode(' · '));
          details.appendChild(element('span', 'search-field', r.field));
        }
        item.appendChild(details);
        list.appendChild(item);
      });
      output.replaceChildren(element('p', 'search-status', status), list);
    }

    function run() {
      timer = null;
      var mine = ++sequence;
      var text = input.value;
      var words = tokens(text);
      // One letter says too little: wait for the next key rather than say nothing was found.
      if (!words.length || (words.length === 1 && words[0].folded.length < 2)) {
        output.textContent = '';
        return Promise.resolve();
      }
      return api.search(text).then(function (answer) {
        if (mine !== sequence) return;
        show(answer);
        api.lastAnswer = { query: text, ms: answer.ms, total: answer.total };
      }, function (error) {
        if (mine !== sequence) return;
        output.textContent = '';
        output.appendChild(element('p', 'search-status', 'Không tải được chỉ mục tìm kiếm: ' + error.message));
      });
    }

    // The manifest is small and every query needs it: fetch it as soon as the box is used.
    var warmed = false;
    input.addEventListener('focus', function () {
      load('manifest', 0).catch(function () {});
      if (warmed) return;
      warmed = true;
      var pass = 0;
      setTimeout(function next() { warmUp(pass++); if (pass < WARM_PASSES) setTimeout(next, 0); }, 0);
    });

    // At most one search per 120 ms while typing, and always one for the last key: a key pressed after
    // a pause is answered at once, keys in quick succession wait for the rest of the 120 ms.
    var lastRun = -Infinity;
    function runNow() { lastRun = performance.now(); run(); }
    input.addEventListener('input', function () {
      if (timer) clearTimeout(timer);
      timer = null;
      var wait = 120 - (performance.now() - lastRun);
      if (wait <= 0) runNow();
      else timer = setTimeout(runNow, wait);
    });

    function links() { return Array.prototype.slice.call(output.querySelectorAll('a.search-name')); }

    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' && links().length) {
        event.preventDefault();
        links()[0].focus();
      } else if (event.key === 'Escape') {
        input.value = '';
        output.textContent = '';
      }
    });

    output.addEventListener('keydown', function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (at < 0) return;
      if (event.key === 'ArrowDown' && at + 1 < all.length) { event.preventDefault(); all[at + 1].focus(); }
      else if (event.key === 'ArrowUp') { event.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
      else if (event.key === 'Escape') { event.preventDefault(); input.focus(); }
    });

    // Without JS the search form may submit to a page with ?q=…; with JS, answer in place.
    if (input.form) {
      input.form.addEventListener('submit', function (event) {
        event.preventDefault();
        if (timer) clearTimeout(timer);
        run();
      });
    }
    var q = new URLSearchParams(global.location.search).get('q');
    if (q) { input.value = q; run(); }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
