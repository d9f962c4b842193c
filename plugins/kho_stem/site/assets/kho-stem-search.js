/* Kho học liệu STEM mầm non: the search box in the header of every page, and the data loader.
 *
 * The matching itself is in kho-stem-text.js, loaded before this one. The data are plain scripts
 * loaded on demand, never fetch()ed, so search works from file:// (an offline copy on a USB stick)
 * as well as from a web server: window.KhoStemData (tiles and facets, what the catalog's first view
 * needs) and window.KhoStemText (the search text, lower-cased, split and folded at build time; the
 * order and shape: kho_stem/site/search_data.py). */
(function () {
  "use strict";

  if (!window.KhoStem || !window.KhoStem.requireParts) {
    throw new Error("kho-stem-search.js needs kho-stem-text.js loaded before it (kho_stem/site/scripts.py)");
  }
  var KhoStem = window.KhoStem.requireParts("kho-stem-search.js", window.KhoStem,
    ["understand", "suggest", "ranked", "prepareInBackground", "attachText"]);
  var ranked = KhoStem.ranked;
  var prepareInBackground = KhoStem.prepareInBackground;

  var waiting = {}; // by script address: the callbacks waiting for it, while it loads
  /* Calls back with window[name], loading the script at ``url`` that sets it the first time. */
  function loadScript(url, name, callback, failed) {
    if (window[name]) return callback(window[name]);
    var calls = waiting[url];
    if (calls) return calls.push([callback, failed]);
    calls = waiting[url] = [[callback, failed]];
    var script = document.createElement("script");
    script.src = url;
    script.onload = function () {
      delete waiting[url];
      calls.forEach(function (call) { call[0](window[name]); });
    };
    script.onerror = function () {
      delete waiting[url];
      calls.forEach(function (call) { if (call[1]) call[1](); });
    };
    document.head.appendChild(script);
  }

  /* Calls back with the library data: tiles and facets, enough for the catalog's first view. */
  function load(url, callback, failed) {
    loadScript(url, "KhoStemData", callback, failed);
  }

  /* Calls back with the library data once it can be searched: the data, then its search text. */
  function loadSearchable(dataUrl, textUrl, callback, failed) {
    load(dataUrl, function (data) {
      if (data.searchable) return callback(data);
      loadScript(textUrl, "KhoStemText", function (text) {
        if (!data.searchable) KhoStem.attachText(data, text);
        callback(data);
      }, failed);
    }, failed);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* "Có phải cô muốn tìm: …" with each suggestion a button that searches for it, or null. */
  function suggestionLine(data, suggestions, choose) {
    if (!suggestions.length) return null;
    var line = element("p", "ks-suggestions", data.texts.didYouMean + " ");
    suggestions.forEach(function (suggestion, i) {
      var button = element("button", "ks-suggestion", suggestion);
      button.type = "button";
      button.addEventListener("click", function () { choose(suggestion); });
      if (i) line.appendChild(document.createTextNode(" · "));
      line.appendChild(button);
    });
    return line;
  }

  KhoStem.load = load;
  KhoStem.loadSearchable = loadSearchable;
  KhoStem.element = element;
  KhoStem.suggestionLine = suggestionLine;

  /* -- the search box in the header of every page ------------------------------------------ */
  var CARD_RESULTS = 8;
  var PAGE_RESULTS = 3;

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
      var query = KhoStem.understand(input.value, data);
      list.textContent = "";
      if (!query.folded.length) {
        meta.textContent = data.texts.headerHint;
        return;
      }
      var cards = ranked(data.cards, query, CARD_RESULTS);
      var pages = ranked(data.pages, query, PAGE_RESULTS);
      if (!cards.total && !pages.total) {
        meta.textContent = data.texts.noMatch.replace("{query}", input.value.trim());
        var line = suggestionLine(data, KhoStem.suggest(input.value, data, data.cards), function (suggestion) {
          input.value = suggestion;
          run();
          input.focus();
        });
        if (line) meta.appendChild(line);
        return;
      }
      meta.textContent = (pages.total ? data.texts.headerFoundPages : data.texts.headerFound)
        .replace("{cards}", cards.total).replace("{pages}", pages.total);
      cards.top.forEach(function (entry) { list.appendChild(result(entry, data.texts.headerCard)); });
      pages.top.forEach(function (entry) { list.appendChild(result(entry, data.texts.headerPage)); });
      if (cards.total > cards.top.length) {
        var more = { t: data.texts.headerAll.replace("{count}", cards.total), u: "", d: "" };
        var item = result(more, "");
        item.querySelector("a").href = catalog + "#q=" + encodeURIComponent(input.value.trim());
        list.appendChild(item);
      }
    }

    function whenSearchable(callback) {
      loadSearchable(box.getAttribute("data-ks-data"), box.getAttribute("data-ks-text"), callback, function () {
        meta.textContent = box.getAttribute("data-ks-failed");
      });
    }

    function search() {
      whenSearchable(run);
    }

    var prepared = false;
    input.addEventListener("focus", function () {
      setOpen(true);
      search();
      whenSearchable(function (data) {
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
      setTimeout(function () { search(); input.focus(); }, 0);
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
