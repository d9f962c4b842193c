/* Kho học liệu STEM mầm non: Vietnamese search that ignores diacritics, and the header search box.
 *
 * The data (window.KhoStemData) is a plain script loaded on demand, never fetch()ed, so search
 * works from file:// (an offline copy on a USB stick) as well as from a web server. */
(function () {
  "use strict";

  var KhoStem = (window.KhoStem = window.KhoStem || {});
  var MARKS = /[\u0300-\u036f]/g;
  var SEPARATORS = /[^\p{L}\p{N}]+/gu;
  // Title, then topics and materials, then description, then every other word of the card.
  var WEIGHTS = [10, 4, 3, 1];

  function lower(text) {
    return String(text).normalize("NFC").toLowerCase();
  }

  /* Same as fold() in kho_stem/text.py: "Nước Đá" -> "nuoc da". */
  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(MARKS, "").replace(/đ/g, "d");
  }

  function spaced(text) {
    return " " + lower(text).replace(SEPARATORS, " ").trim() + " ";
  }

  function parseQuery(text) {
    var exact = spaced(text || "").trim();
    var words = exact ? exact.split(" ") : [];
    return { exact: words, folded: words.map(fold) };
  }

  /* Each entry keeps its fields twice: as written (lower case) and folded. Built once, lazily. */
  function prepare(entry) {
    if (entry._exact) return;
    var fields = [spaced(entry.t), spaced(entry.k || ""), spaced(entry.d || ""), " " + (entry.w || "") + " "];
    entry._exact = fields;
    entry._folded = fields.map(fold);
  }

  /* 0 when a word of the query is missing; otherwise higher for better matches. Words match whole
   * words of the entry, diacritics ignored, except the last word, which may be the start of a word
   * (the teacher is still typing it) but counts half then. A word typed with diacritics and found
   * exactly so counts double ("dương" ranks "hướng dương" above "đường"); the words together as a
   * phrase ("nước đá") count once more in each field written as text (not in the list of other
   * words, where neighbours are not a phrase). */
  function score(entry, query) {
    prepare(entry);
    var total = 0;
    var last = query.folded.length - 1;
    for (var i = 0; i <= last; i++) {
      var folded = " " + query.folded[i] + (i < last ? " " : "");
      var exact = " " + query.exact[i];
      var best = 0;
      for (var field = 0; field < WEIGHTS.length; field++) {
        var text = entry._folded[field];
        var at = text.indexOf(folded);
        if (at < 0) continue;
        var points = WEIGHTS[field];
        if (i === last && text.indexOf(folded + " ", at) < 0) points /= 2;
        // Only a word typed with diacritics says which accents the teacher meant.
        if (query.exact[i] !== query.folded[i] && entry._exact[field].indexOf(exact) >= 0) points *= 2;
        if (points > best) best = points;
      }
      if (!best) return 0;
      total += best;
    }
    if (last > 0) {
      var phrase = " " + query.folded.join(" ");
      for (var f = 0; f < WEIGHTS.length - 1; f++) {
        if (entry._folded[f].indexOf(phrase) >= 0) total += WEIGHTS[f] * query.folded.length;
      }
    }
    return total;
  }

  /* Prepare entries a slice at a time while the page is idle, so the first keystroke is fast. */
  function prepareInBackground(entries) {
    var next = 0;
    function step() {
      var stop = Math.min(entries.length, next + 250);
      for (; next < stop; next++) prepare(entries[next]);
      if (next < entries.length) setTimeout(step, 0);
    }
    setTimeout(step, 0);
  }

  var waiting = [];
  var loading = false;
  /* Calls back with the library data, loading its script the first time. */
  function load(url, callback, failed) {
    if (window.KhoStemData) return callback(window.KhoStemData);
    waiting.push([callback, failed]);
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = url;
    script.onload = function () {
      var calls = waiting;
      waiting = [];
      calls.forEach(function (call) { call[0](window.KhoStemData); });
    };
    script.onerror = function () {
      loading = false;
      var calls = waiting;
      waiting = [];
      calls.forEach(function (call) { if (call[1]) call[1](); });
    };
    document.head.appendChild(script);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  KhoStem.fold = fold;
  KhoStem.parseQuery = parseQuery;
  KhoStem.score = score;
  KhoStem.prepareInBackground = prepareInBackground;
  KhoStem.load = load;
  KhoStem.element = element;

  /* -- the search box in the header of every page ------------------------------------------ */
  var CARD_RESULTS = 8;
  var PAGE_RESULTS = 3;

  function ranked(entries, query, limit) {
    var found = [];
    for (var i = 0; i < entries.length; i++) {
      var points = score(entries[i], query);
      if (points) found.push([points, i]);
    }
    found.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    return { total: found.length, top: found.slice(0, limit).map(function (hit) { return entries[hit[1]]; }) };
  }

  function setUpHeaderSearch() {
    var box = document.querySelector("[data-ks-search]");
    if (!box) return;
    var form = box.querySelector("form");
    var input = form.querySelector("input[name=q]");
    var meta = box.querySelector("[data-ks-search-meta]");
    var list = box.querySelector("[data-ks-search-list]");
    var toggle = document.getElementById("__search");
    var root = box.getAttribute("data-ks-root");
    var catalog = box.getAttribute("data-ks-catalog");

    function setOpen(open) {
      if (toggle && toggle.checked !== open) toggle.checked = open;
    }

    function result(entry, kind) {
      var item = element("li", "md-search-result__item");
      var link = element("a", "md-search-result__link");
      link.href = root + entry.u;
      var article = element("article", "md-search-result__article md-typeset");
      article.appendChild(element("h1", null, entry.t));
      if (entry.d) article.appendChild(element("p", null, entry.d));
      else article.appendChild(element("p", "ks-search-kind", kind));
      link.appendChild(article);
      item.appendChild(link);
      return item;
    }

    function run() {
      var data = window.KhoStemData;
      var query = parseQuery(input.value);
      list.textContent = "";
      if (!query.folded.length) {
        meta.textContent = "Gõ tên hoạt động, chủ đề hay vật liệu; có dấu hay không dấu đều được.";
        return;
      }
      var cards = ranked(data.cards, query, CARD_RESULTS);
      var pages = ranked(data.pages, query, PAGE_RESULTS);
      meta.textContent = cards.total || pages.total
        ? "Tìm thấy " + cards.total + " hoạt động" + (pages.total ? " và " + pages.total + " trang" : "")
        : "Không tìm thấy kết quả nào. Thử từ khác, hoặc bớt một từ.";
      cards.top.forEach(function (entry) { list.appendChild(result(entry, "Hoạt động")); });
      pages.top.forEach(function (entry) { list.appendChild(result(entry, "Trang")); });
      if (cards.total > cards.top.length) {
        var more = { t: "Xem tất cả " + cards.total + " hoạt động trong Thư viện", u: "", d: "" };
        var item = result(more, "");
        item.querySelector("a").href = catalog + "#q=" + encodeURIComponent(input.value.trim());
        list.appendChild(item);
      }
    }

    function search() {
      load(box.getAttribute("data-ks-data"), run, function () {
        meta.textContent = "Không tải được dữ liệu tìm kiếm.";
      });
    }

    var prepared = false;
    input.addEventListener("focus", function () {
      setOpen(true);
      search();
      load(box.getAttribute("data-ks-data"), function (data) {
        if (prepared) return;
        prepared = true;
        prepareInBackground(data.cards);
      });
    });
    input.addEventListener("input", search);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.location.href = catalog + "#q=" + encodeURIComponent(input.value.trim());
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { run(); input.focus(); }, 0);
    });
    if (toggle) {
      // The magnifier button on phones toggles the search: put the cursor in the box.
      toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
    }
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
      if (event.key === "/" && !typing) {
        event.preventDefault();
        input.focus();
      } else if (event.key === "Escape" && toggle && toggle.checked) {
        setOpen(false);
        input.blur();
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpHeaderSearch);
  else setUpHeaderSearch();
})();
