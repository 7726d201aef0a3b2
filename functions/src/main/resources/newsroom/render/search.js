// Newsroom search page. There is no search server: the index lies in the bucket as small JSON
// pieces (see newsroom.search.SearchKeys), fetched from this site only as the reader types, and
// merged here. The words of a query are cut with the rules the index was built with
// (newsroom.search.Analyzer): Snowball for Russian and English, the shared suffix table for Kazakh.
(function (global) {
  "use strict";

  // --- analysis, the same as the index's
  var NOT_WORD = /[^\p{L}\p{N}]+/u;
  var ENDS_WITH_SEPARATOR = /[^\p{L}\p{N}]$/u;
  var LETTERS = /^\p{L}+$/u;
  var MIN_WORD = 2;
  var BASE_PREFIX = 3;
  var DELTA_PREFIX = 1;

  var factory = (global && global.snowballFactory) ||
    (typeof exports !== "undefined" && exports.newStemmer ? exports : null);
  var snowball = { ru: factory.newStemmer("russian"), en: factory.newStemmer("english") };
  var kazakh = kazakhStemmer(NEWSROOM_KK_SUFFIXES);

  function fold(word) {
    return word.toLowerCase().replace(/ё/g, "е");
  }

  function words(text) {
    var out = [];
    String(text || "").normalize("NFC").split(NOT_WORD).forEach(function (w) {
      if (!w) return;
      var folded = fold(w);
      if (Array.from(folded).length >= MIN_WORD) out.push(folded);
    });
    return out;
  }

  function stem(lang, folded) {
    if (!LETTERS.test(folded)) return folded;
    if (lang === "kk") return kazakh(folded);
    var s = snowball[lang];
    return s ? s.stem(folded) : folded;
  }

  function terms(lang, text) {
    return words(text).map(function (w) { return stem(lang, w); });
  }

  function kazakhStemmer(table) {
    var seen = {};
    var suffixes = [];
    table.suffixes.forEach(function (s) {
      if (!seen[s]) { seen[s] = true; suffixes.push(s); }
    });
    // stable: equal lengths keep the table's order, as in Java
    suffixes.sort(function (a, b) { return b.length - a.length; });
    function harmony(text, fromEnd) {
      for (var k = 0; k < text.length; k++) {
        var c = text.charAt(fromEnd ? text.length - 1 - k : k);
        if (table.backVowels.indexOf(c) >= 0) return "b";
        if (table.frontVowels.indexOf(c) >= 0) return "f";
      }
      return "n";
    }
    function cutOnce(word) {
      for (var i = 0; i < suffixes.length; i++) {
        var s = suffixes[i];
        if (word.length - s.length < table.minStem || word.slice(-s.length) !== s) continue;
        var rest = word.slice(0, word.length - s.length);
        var a = harmony(s, false);
        var b = harmony(rest, true);
        if (a === "n" || b === "n" || a === b) return rest;
      }
      return null;
    }
    return function (word) {
      var stemmed = word;
      for (var round = 0; round < table.maxRounds; round++) {
        var cut = cutOnce(stemmed);
        if (cut === null) break;
        stemmed = cut;
      }
      if (!stemmed) return stemmed;
      var last = stemmed.charAt(stemmed.length - 1);
      var voiceless = table.finalDevoicing[last];
      return voiceless ? stemmed.slice(0, -1) + voiceless : stemmed;
    };
  }

  function shard(term, letters) {
    return Array.from(term).slice(0, letters).map(function (c) {
      return c.codePointAt(0).toString(16);
    }).join("-");
  }

  var analysis = { fold: fold, words: words, stem: stem, terms: terms, shard: shard };
  if (typeof module !== "undefined" && module.exports) module.exports.analysis = analysis;
  if (!global || !global.document) return;

  // --- the page
  var root = document.querySelector("[data-search]");
  if (!root || !global.fetch) return;
  var input = document.getElementById("search-query");
  var everywhere = document.getElementById("search-all");
  var status = root.querySelector(".search-status");
  var list = root.querySelector(".search-results");
  var base = root.getAttribute("data-search");
  var pageLang = root.getAttribute("data-lang");
  var langs = root.getAttribute("data-langs").split(",").filter(Boolean);
  var names = root.getAttribute("data-names").split(",");
  var pieces = new Map();
  var asked = 0;

  /** A piece of the index, once per page; a missing piece is an empty one. */
  function piece(path) {
    if (!pieces.has(path)) {
      pieces.set(path, fetch(base + path, { credentials: "omit" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; }));
    }
    return pieces.get(path);
  }

  /** The query's words; the last one is still being typed unless a space or a sign follows it. */
  function queryWords(query) {
    var ws = words(query);
    var typing = query.length > 0 && !ENDS_WITH_SEPARATOR.test(query);
    return ws.map(function (w, i) { return { word: w, prefix: typing && i === ws.length - 1 }; });
  }

  /** How well an index term answers a query word: 1 the same stem, less a longer or shorter word. */
  function fit(token, term) {
    if (term === token.stem) return 1;
    if (!token.prefix || Array.from(token.stem).length < BASE_PREFIX) return 0;
    if (term.indexOf(token.stem) === 0) return 0.6;
    // a word typed past its stem's ending, e.g. "ауруханал" on the way to "ауруханаларда"
    if (token.folded.indexOf(term) === 0 && Array.from(term).length >= BASE_PREFIX &&
        term.length >= token.folded.length - 3) return 0.6;
    return 0;
  }

  function searchLanguage(lang, query) {
    var tokens = queryWords(query).map(function (q) {
      return { folded: q.word, stem: stem(lang, q.word), prefix: q.prefix };
    });
    var paths = [lang + "/gone.json"];
    tokens.forEach(function (t) {
      paths.push(lang + "/b/" + shard(t.stem, BASE_PREFIX) + ".json");
      paths.push(lang + "/x/" + shard(t.stem, DELTA_PREFIX) + ".json");
    });
    return Promise.all(paths.map(piece))
      .then(function (loaded) {
        var gone = new Set(((loaded[0] || {}).ids) || []);
        var total = null;
        tokens.forEach(function (t, i) {
          var found = new Map();
          [[loaded[1 + 2 * i], true], [loaded[2 + 2 * i], false]].forEach(function (pair) {
            var shardTerms = (pair[0] && pair[0].terms) || {};
            Object.keys(shardTerms).forEach(function (term) {
              var f = fit(t, term);
              if (!f) return;
              var postings = shardTerms[term];
              var idf = Math.log(1 + 2000 / (postings.length + 1));
              postings.forEach(function (p) {
                if (pair[1] && gone.has(p[0])) return;
                var s = p[1] * idf * f;
                var had = found.get(p[0]);
                if (!had || had.score < s) found.set(p[0], { score: s, day: p[2] });
              });
            });
          });
          if (total === null) {
            total = found;
          } else {
            var both = new Map();
            total.forEach(function (v, id) {
              var w = found.get(id);
              if (w) both.set(id, { score: v.score + w.score, day: v.day });
            });
            total = both;
          }
        });
        var today = Math.floor(Date.now() / 86400000);
        var hits = [];
        (total || new Map()).forEach(function (v, id) {
          var age = Math.max(0, today - v.day);
          // relevance first; of two equally good answers the newer ranks higher
          hits.push({ id: id, lang: lang, rank: v.score * (1 + 2 / (1 + age / 30)), tokens: tokens });
        });
        hits.sort(function (a, b) { return b.rank - a.rank || (a.id < b.id ? -1 : 1); });
        return hits;
      });
  }

  function run() {
    var query = input.value;
    var mine = ++asked;
    if (queryWords(query).length === 0) {
      list.replaceChildren();
      status.textContent = query.trim() ? root.getAttribute("data-short") : "";
      root.setAttribute("data-answered", query);
      return;
    }
    var scope = everywhere.checked ? langs : [pageLang];
    Promise.all(scope.map(function (l) { return searchLanguage(l, query); }))
      .then(function (perLanguage) {
        // the reader's language first, then the others merged by rank
        var own = perLanguage[0];
        var others = [].concat.apply([], perLanguage.slice(1));
        others.sort(function (a, b) { return b.rank - a.rank; });
        var hits = own.concat(others).slice(0, 30);
        return Promise.all(hits.map(function (h) {
          return piece(h.lang + "/d/" + h.id + ".json").then(function (doc) {
            return doc ? { hit: h, doc: doc } : null;
          });
        }));
      })
      .then(function (shown) {
        if (mine !== asked) return;
        shown = shown.filter(Boolean);
        list.replaceChildren.apply(list, shown.map(item));
        status.textContent = shown.length
          ? root.getAttribute("data-count").replace("{0}", String(shown.length))
          : root.getAttribute("data-none");
        // which query the list answers: answers to earlier keystrokes are dropped above
        root.setAttribute("data-answered", query);
        if (global.history && history.replaceState) {
          history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
        }
      });
  }

  function item(found) {
    var doc = found.doc;
    var hit = found.hit;
    var li = document.createElement("li");
    if (hit.lang !== pageLang) li.lang = hit.lang;
    var h2 = document.createElement("h2");
    var a = document.createElement("a");
    var url = String(doc.url || "");
    // only site-relative links are followed
    a.href = url.charAt(0) === "/" && url.charAt(1) !== "/" ? url : "#";
    marked(a, String(doc.title || ""), hit);
    h2.appendChild(a);
    li.appendChild(h2);
    var time = document.createElement("time");
    time.dateTime = String(doc.iso || "");
    time.textContent = String(doc.date || "");
    li.appendChild(time);
    if (hit.lang !== pageLang) {
      var which = document.createElement("span");
      which.className = "search-lang";
      which.lang = pageLang;
      var name = names[langs.indexOf(hit.lang)] || hit.lang;
      which.textContent = " " + root.getAttribute("data-other").replace("{0}", name);
      li.appendChild(which);
    }
    var p = document.createElement("p");
    marked(p, excerpt(String(doc.text || ""), hit), hit);
    li.appendChild(p);
    return li;
  }

  function isHit(word, hit) {
    var folded = fold(word);
    if (Array.from(folded).length < MIN_WORD) return false;
    var term = stem(hit.lang, folded);
    return hit.tokens.some(function (t) { return fit(t, term) > 0; });
  }

  /** Some forty words of the text around its first matched word. */
  function excerpt(text, hit) {
    var parts = text.split(/([^\p{L}\p{N}]+)/u);
    var first = -1;
    for (var i = 0; i < parts.length; i += 2) {
      if (isHit(parts[i], hit)) { first = i; break; }
    }
    if (first < 0) first = 0;
    var from = Math.max(0, first - 20);
    var to = Math.min(parts.length, from + 80);
    return (from > 0 ? "… " : "") + parts.slice(from, to).join("").trim() + (to < parts.length ? " …" : "");
  }

  /** Writes the text into the element with the query's words in <mark>, as text nodes only. */
  function marked(element, text, hit) {
    text.split(/([^\p{L}\p{N}]+)/u).forEach(function (part, i) {
      if (i % 2 === 0 && part && isHit(part, hit)) {
        var m = document.createElement("mark");
        m.textContent = part;
        element.appendChild(m);
      } else if (part) {
        element.appendChild(document.createTextNode(part));
      }
    });
  }

  input.disabled = false;
  everywhere.disabled = false;
  input.addEventListener("input", run);
  everywhere.addEventListener("change", run);
  var asking = new URLSearchParams(location.search).get("q");
  if (asking) { input.value = asking; run(); }
})(typeof window !== "undefined" ? window : null);
