// rdp-triage: the search page of the static site. Runs from disk (file://) with no server: the index is
// assets/search-index.js, loaded before this file, which sets window.RDP_SEARCH_INDEX. Nothing from the
// index or the query is ever parsed as HTML: results are built with textContent.
(function () {
  "use strict";

  // how much a match counts, by the field it is in: title > codes > commands > summary > symptoms
  var WEIGHTS = {
    title: 10, text: 10,
    codes: 8, code: 8, decimal: 8, name: 7,
    commands: 6, command: 6,
    summary: 4, meaning: 4,
    symptoms: 2, help: 2
  };
  var FIELD_NAMES = { text: "question" };
  var KINDS = { cause: "Cause", code: "Code", question: "Question" };
  var COMMAND_FIELDS = { commands: true, command: true };
  var DELAY = 150;

  // a word is a run of letters and digits, joined by - . _ into one (0x904, test-netconnection, 3389, mstsc.exe);
  // an apostrophe inside a word is dropped, so can't and can’t are the word cant (as in generic-cant-connect)
  var WORD = /[\p{L}\p{N}]+(?:[-._][\p{L}\p{N}]+)*/gu;
  var APOSTROPHE = /(\p{L})['\u2019](?=\p{L})/gu;
  var JOINER = /[-._]/;

  function words(text) {
    return String(text).toLowerCase().replace(APOSTROPHE, "$1").match(WORD) || [];
  }

  // the words of a field, and the parts of joined words too, so "netconnection" finds Test-NetConnection
  function tokens(text) {
    var out = [];
    words(text).forEach(function (w) {
      out.push(w);
      if (JOINER.test(w)) { Array.prototype.push.apply(out, w.split(JOINER)); }
    });
    return out;
  }

  // the query's words, each once
  function queryWords(query) {
    return words(query).filter(function (w, i, all) { return all.indexOf(w) === i; });
  }

  function prepare(entries) {
    return entries.map(function (e) {
      var fields = Object.keys(e.fields).map(function (name) {
        return { name: name, weight: WEIGHTS[name] || 1, text: e.fields[name], tokens: tokens(e.fields[name]) };
      });
      fields.sort(function (a, b) { return b.weight - a.weight; });
      return { entry: e, fields: fields };
    });
  }

  // 1 for a whole word, 0.5 when the word only starts a token, 0 when no token starts with it
  function closeness(word, fieldTokens) {
    var best = 0;
    for (var i = 0; i < fieldTokens.length && best < 1; i++) {
      if (fieldTokens[i] === word) { best = 1; } else if (fieldTokens[i].indexOf(word) === 0) { best = 0.5; }
    }
    return best;
  }

  // every word must match some field (AND); a word counts by the weight of the best field it matches
  function score(prepared, qwords) {
    var total = 0;
    var matched = [];
    for (var i = 0; i < qwords.length; i++) {
      var best = null;
      var bestScore = 0;
      prepared.fields.forEach(function (f) {
        var s = f.weight * closeness(qwords[i], f.tokens);
        if (s > bestScore) { bestScore = s; best = f; }
      });
      if (!best) { return null; }
      total += bestScore;
      if (matched.indexOf(best) < 0) { matched.push(best); }
    }
    matched.sort(function (a, b) { return b.weight - a.weight; });
    return { entry: prepared.entry, score: total, fields: matched, qwords: qwords };
  }

  function search(index, query) {
    var qwords = queryWords(query);
    if (qwords.length === 0) { return []; }
    return index.map(function (p) { return score(p, qwords); })
      .filter(function (r) { return r !== null; })
      .sort(function (a, b) { return b.score - a.score || a.entry.title.localeCompare(b.entry.title, "en"); });
  }

  // the line of a matched command that holds the most query words (the first of equals), to show what was found
  function commandLine(result) {
    var field = result.fields.filter(function (f) { return COMMAND_FIELDS[f.name]; })[0];
    if (!field) { return null; }
    var best = null;
    var bestCount = 0;
    field.text.split("\n").forEach(function (line) {
      var lineTokens = tokens(line);
      var count = result.qwords.filter(function (w) { return closeness(w, lineTokens) > 0; }).length;
      if (count > bestCount) { best = line.trim(); bestCount = count; }
    });
    return best;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function renderResult(result) {
    var e = result.entry;
    var item = element("li", "search-result");
    item.appendChild(element("p", "eyebrow", KINDS[e.kind] || e.kind));
    var heading = element("h2", "search-title");
    var link = element("a", null, e.title);
    link.href = e.href; // relative to the site's root, where search.html is
    heading.appendChild(link);
    item.appendChild(heading);
    if (e.snippet) { item.appendChild(element("p", "search-snippet", e.snippet)); }
    var line = commandLine(result);
    if (line) {
      var pre = element("pre", "search-command");
      pre.appendChild(element("code", null, line));
      item.appendChild(pre);
    }
    var where = result.fields.map(function (f) { return FIELD_NAMES[f.name] || f.name; });
    item.appendChild(element("p", "search-where", "matched in: " + where.join(", ")));
    return item;
  }

  function announce(count, query) {
    var quoted = "\u201c" + query.trim() + "\u201d";
    if (count === 0) { return "No results for " + quoted + ". Try fewer words, or a code such as 0x904."; }
    return count + (count === 1 ? " result for " : " results for ") + quoted;
  }

  // the address keeps the query, so reloading, going back or sharing the link shows the same results
  function remember(query) {
    try {
      var url = new URL(window.location.href);
      if (query.trim()) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
      window.history.replaceState(null, "", url.href);
    } catch (e) {
      // some browsers refuse to change a file:// address; the results are shown all the same
    }
  }

  function setUp() {
    var input = document.getElementById("search-q");
    var form = input && input.form;
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var data = window.RDP_SEARCH_INDEX;
    if (!input || !status || !list) { return; }
    if (!data || !Array.isArray(data.entries)) {
      status.textContent = "Search is not available: its index (assets/search-index.js) did not load.";
      return;
    }
    var fallback = document.getElementById("search-fallback");
    if (fallback) { fallback.hidden = true; }
    var index = prepare(data.entries);
    var shown = null;
    var timer = null;

    function run() {
      var query = input.value;
      if (query === shown) { return; }
      shown = query;
      var results = search(index, query);
      list.replaceChildren.apply(list, results.map(renderResult));
      status.textContent = queryWords(query).length === 0 ? "" : announce(results.length, query);
      remember(query);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, DELAY);
    });
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        clearTimeout(timer);
        run();
      });
    }
    input.value = new URLSearchParams(window.location.search).get("q") || "";
    run();
  }

  document.addEventListener("DOMContentLoaded", setUp);
})();
