/* Kho học liệu STEM mầm non: the catalog page ("Thư viện").
 *
 * Filters combine (any value within a group, every group together), each value shows how many
 * cards it would give, and the whole view lives in the address after "#", so it can be shared
 * or bookmarked. "Lớp em có gì?" keeps the class's materials in localStorage only. */
(function () {
  "use strict";

  var root = document.querySelector("[data-ks-catalog-page]");
  if (!root) return;
  var KhoStem = window.KhoStem;
  var element = KhoStem.element;
  var PAGE_SIZE = 60;
  var INVENTORY_KEY = "kho-stem:lop-em-co";
  var NO_HAZARD = "khong";

  var queryInput = root.querySelector("#ks-q");
  var filters = root.querySelector("[data-ks-filters]");
  var classForm = root.querySelector("[data-ks-class] form");
  var status = root.querySelector(".ks-catalog__count");
  var results = root.querySelector("[data-ks-results]");
  var more = root.querySelector("[data-ks-more]");
  var siteRoot = root.getAttribute("data-ks-root");

  var data, cards, facets, facetIndex;
  var shown = PAGE_SIZE;
  var lastQuery = null;
  var scores = null;
  var missing = null; // per card: indices of the materials the class does not have

  function controls(form, name) {
    return Array.prototype.slice.call(form.querySelectorAll('input[type=checkbox][name="' + name + '"]'));
  }

  function checkedValues(form, name) {
    return controls(form, name).filter(function (box) { return box.checked; })
      .map(function (box) { return box.value; });
  }

  /* -- the state: form controls <-> address ---------------------------------------------- */
  function readState() {
    var state = { q: queryInput.value.trim(), facets: {}, reviewed: false, classMode: false };
    facets.forEach(function (facet) { state.facets[facet.key] = checkedValues(filters, facet.key); });
    state.reviewed = checkedValues(filters, "duyet").length > 0;
    state.classMode = checkedValues(classForm, "lop").length > 0;
    return state;
  }

  function stateToHash(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    facets.forEach(function (facet) {
      if (state.facets[facet.key].length) params.set(facet.key, state.facets[facet.key].join(","));
    });
    if (state.reviewed) params.set("duyet", "1");
    if (state.classMode) params.set("lop", "1");
    return params.toString();
  }

  function applyAddress() {
    var hash = window.location.hash.replace(/^#/, "");
    var params = new URLSearchParams(hash || window.location.search);
    queryInput.value = params.get("q") || "";
    facets.forEach(function (facet) {
      var wanted = (params.get(facet.key) || "").split(",");
      controls(filters, facet.key).forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
    });
    controls(filters, "duyet").forEach(function (box) { box.checked = params.get("duyet") === "1"; });
    controls(classForm, "lop").forEach(function (box) { box.checked = params.get("lop") === "1"; });
  }

  function writeAddress(state) {
    var hash = stateToHash(state);
    var address = window.location.pathname + window.location.search + (hash ? "#" + hash : "");
    try {
      history.replaceState(null, "", address);
    } catch (error) {
      window.location.hash = hash; // some browsers refuse replaceState on file:// pages
    }
  }

  /* -- the class's materials, kept on this computer only -------------------------------------- */
  function readInventory() {
    try {
      return JSON.parse(window.localStorage.getItem(INVENTORY_KEY) || "[]");
    } catch (error) {
      return [];
    }
  }

  function saveInventory(names) {
    try {
      window.localStorage.setItem(INVENTORY_KEY, JSON.stringify(names));
    } catch (error) {
      /* storage disabled: the list lasts for this visit only */
    }
  }

  function computeMissing() {
    var have = {};
    checkedValues(classForm, "co").forEach(function (name) { have[name] = true; });
    var names = facetIndex["vat-lieu"].values;
    missing = cards.map(function (card) {
      return card["vat-lieu"].filter(function (position) { return !have[names[position][0]]; });
    });
  }

  /* -- filtering -------------------------------------------------------------------------------- */
  function buildTests(state) {
    var tests = [];
    facets.forEach(function (facet) {
      var chosen = state.facets[facet.key];
      var positions = {};
      facet.values.forEach(function (value, index) { positions[value[0]] = index; });
      var wanted = {};
      var noHazard = false;
      chosen.forEach(function (code) {
        if (facet.key === "nguy-co" && code === NO_HAZARD) noHazard = true;
        else if (code in positions) wanted[positions[code]] = true;
      });
      var active = chosen.length > 0;
      var test;
      if (facet.key === "nguy-co") {
        // Hazards exclude: a ticked hazard leaves out the cards that have it.
        test = function (card) {
          var values = card[facet.key];
          if (noHazard && values.length) return false;
          for (var i = 0; i < values.length; i++) if (wanted[values[i]]) return false;
          return true;
        };
      } else {
        test = function (card) {
          var values = card[facet.key];
          for (var i = 0; i < values.length; i++) if (wanted[values[i]]) return true;
          return false;
        };
      }
      tests.push({
        key: facet.key, active: active, test: test,
        counts: new Array(facet.values.length + 1).fill(0),
        tally: function (card, counts) {
          var values = card[facet.key];
          for (var i = 0; i < values.length; i++) counts[values[i]]++;
          if (!values.length) counts[facet.values.length]++; // "no value": the no-hazard option
        }
      });
    });
    tests.push({
      key: "duyet", active: state.reviewed, counts: [0],
      test: function (card) { return card.r === 1; },
      tally: function (card, counts) { if (card.r === 1) counts[0]++; }
    });
    tests.push({
      key: "lop", active: state.classMode, counts: [0],
      test: function (card, index) { return missing[index].length <= 1; },
      tally: function (card, counts, index) { if (missing[index].length <= 1) counts[0]++; }
    });
    return tests;
  }

  function update(options) {
    var started = performance.now();
    var state = readState();
    if (!options || !options.keepPage) shown = PAGE_SIZE;
    if (state.q !== lastQuery) {
      lastQuery = state.q;
      var query = KhoStem.parseQuery(state.q);
      scores = query.folded.length ? cards.map(function (card) { return KhoStem.score(card, query); }) : null;
    }
    var tests = buildTests(state);
    var active = tests.filter(function (test) { return test.active; });
    var found = [];
    for (var index = 0; index < cards.length; index++) {
      var card = cards[index];
      var failed = null;
      var failures = scores && !scores[index] ? 1 : 0;
      for (var t = 0; t < active.length && failures < 2; t++) {
        if (!active[t].test(card, index)) { failures++; failed = active[t]; }
      }
      if (failures === 0) {
        found.push(index);
        for (var all = 0; all < tests.length; all++) tests[all].tally(card, tests[all].counts, index);
      } else if (failures === 1 && failed) {
        // Counts show what each value would give with the other filters kept.
        failed.tally(card, failed.counts, index);
      }
    }
    found.sort(function (a, b) {
      if (state.classMode && missing[a].length !== missing[b].length) return missing[a].length - missing[b].length;
      if (scores && scores[a] !== scores[b]) return scores[b] - scores[a];
      return a - b; // the data is in title order
    });
    showCounts(tests);
    var ticked = filters.querySelectorAll("input[type=checkbox]:checked").length;
    root.querySelector("[data-ks-active-count]").textContent = ticked ? "(" + ticked + " đang chọn)" : "";
    showResults(found, state);
    writeAddress(state);
    root.setAttribute("data-ks-update-ms", (performance.now() - started).toFixed(1));
  }

  function showCounts(tests) {
    tests.forEach(function (test) {
      var form = test.key === "lop" ? classForm : filters;
      var positions = {};
      var facet = facetIndex[test.key];
      if (facet) facet.values.forEach(function (value, index) { positions[value[0]] = index; });
      controls(form, test.key).forEach(function (box) {
        var count;
        if (!facet) count = test.counts[0];
        else if (box.value === NO_HAZARD && test.key === "nguy-co") count = test.counts[facet.values.length];
        else count = test.counts[positions[box.value]];
        var label = box.parentNode;
        label.querySelector(".ks-count").textContent = "(" + count + ")";
        label.classList.toggle("ks-option--empty", count === 0 && !box.checked);
      });
    });
  }

  /* -- results ---------------------------------------------------------------------------------- */
  function badge(text, kind, title) {
    var node = element("span", "ks-badge ks-badge--" + kind, text);
    if (title) node.title = title;
    return node;
  }

  function tile(card, index, state) {
    var item = element("li", "ks-tile");
    if (card.i) {
      var image = element("img", "ks-tile__thumb");
      image.src = siteRoot + card.i[0];
      image.alt = "";
      image.loading = "lazy";
      if (card.i[1]) { image.width = card.i[1]; image.height = card.i[2]; }
      item.appendChild(image);
    }
    var text = element("div", "ks-tile__text");
    var link = element("a", "ks-tile__title", card.t);
    link.href = siteRoot + card.u;
    text.appendChild(link);
    text.appendChild(element("p", "ks-tile__description", card.d));
    var badges = element("p", "ks-badges");
    card.tuoi.forEach(function (position) {
      badges.appendChild(badge(data.ageShort[position], "age", facetIndex.tuoi.values[position][1]));
    });
    badges.appendChild(badge(card.n + " phút", "duration", "Thời lượng"));
    if (card.r !== 1) badges.appendChild(badge("Chưa duyệt", "unreviewed", "Thẻ chưa được giáo viên cốt cán duyệt"));
    text.appendChild(badges);
    var topics = card["chu-de"].map(function (position) { return facetIndex["chu-de"].values[position][1]; });
    text.appendChild(element("p", "ks-tile__topics", topics.join(" · ")));
    if (state.classMode && missing[index].length === 1) {
      var name = facetIndex["vat-lieu"].values[missing[index][0]][1];
      text.appendChild(element("p", "ks-tile__missing", "Còn thiếu: " + name));
    }
    item.appendChild(text);
    return item;
  }

  function tileList(indices, state) {
    var list = element("ul", "ks-tiles");
    indices.forEach(function (index) { list.appendChild(tile(cards[index], index, state)); });
    return list;
  }

  function showResults(found, state) {
    var visible = found.slice(0, shown);
    results.textContent = "";
    if (state.classMode) {
      var ready = visible.filter(function (index) { return missing[index].length === 0; });
      var oneShort = visible.filter(function (index) { return missing[index].length === 1; });
      var readyTotal = found.filter(function (index) { return missing[index].length === 0; }).length;
      results.appendChild(element("h2", null, "Lớp em làm được ngay (" + readyTotal + ")"));
      if (ready.length) results.appendChild(tileList(ready, state));
      if (oneShort.length) {
        results.appendChild(element("h2", null, "Chỉ thiếu một thứ (" + (found.length - readyTotal) + ")"));
        results.appendChild(tileList(oneShort, state));
      }
    } else if (visible.length) {
      results.appendChild(tileList(visible, state));
    }
    status.textContent = found.length
      ? "Tìm thấy " + found.length + " hoạt động" + (found.length > visible.length ? ", đang hiện " + visible.length : "") + "."
      : "Không có hoạt động nào phù hợp. Hãy bỏ bớt bộ lọc hoặc thử từ khác.";
    more.hidden = found.length <= visible.length;
    more.textContent = "Xem thêm " + Math.min(PAGE_SIZE, found.length - visible.length) + " hoạt động";
  }

  /* -- narrowing long lists (materials) --------------------------------------------------------- */
  function setUpListFilters() {
    Array.prototype.forEach.call(root.querySelectorAll("[data-ks-list-filter]"), function (box) {
      var options = box.parentNode.querySelectorAll(".ks-option[data-fold]");
      box.addEventListener("input", function () {
        var wanted = KhoStem.fold(box.value.trim());
        Array.prototype.forEach.call(options, function (option) {
          option.hidden = wanted !== "" && option.getAttribute("data-fold").indexOf(wanted) < 0;
        });
      });
    });
  }

  /* A printed list shows every result, under a line saying which filters made it. */
  function printEverything() {
    var state = readState();
    var parts = state.q ? ["Từ khoá: " + state.q] : [];
    facets.forEach(function (facet) {
      var labels = controls(filters, facet.key).filter(function (box) { return box.checked; })
        .map(function (box) { return box.parentNode.querySelector("span").textContent; });
      if (labels.length) parts.push(facet.legend + ": " + labels.join(", "));
    });
    if (state.reviewed) parts.push("Chỉ thẻ đã duyệt");
    root.querySelector("[data-ks-print-filters]").textContent = parts.length ? parts.join(" · ") : "Mọi hoạt động";
    shown = cards.length;
    update({ keepPage: true });
  }

  function start(loaded) {
    data = loaded;
    cards = data.cards;
    facets = data.facets;
    facetIndex = {};
    facets.forEach(function (facet) { facetIndex[facet.key] = facet; });
    var inventory = readInventory();
    controls(classForm, "co").forEach(function (box) { box.checked = inventory.indexOf(box.value) >= 0; });
    computeMissing();
    applyAddress();
    update();
    KhoStem.prepareInBackground(cards);

    root.querySelector("[data-ks-query-form]").addEventListener("submit", function (event) { event.preventDefault(); });
    queryInput.addEventListener("input", function () { update(); });
    filters.addEventListener("change", function () { update(); });
    filters.addEventListener("reset", function () { setTimeout(function () { queryInput.value = ""; update(); }, 0); });
    classForm.addEventListener("change", function (event) {
      if (event.target.name === "co") {
        saveInventory(checkedValues(classForm, "co"));
        computeMissing();
      }
      update();
    });
    classForm.addEventListener("submit", function (event) { event.preventDefault(); });
    more.addEventListener("click", function () { shown += PAGE_SIZE; update({ keepPage: true }); });
    window.addEventListener("hashchange", function () {
      if (window.location.hash.replace(/^#/, "") !== stateToHash(readState())) { applyAddress(); update(); }
    });
    setUpListFilters();
    window.addEventListener("beforeprint", printEverything);
    if (window.matchMedia("(max-width: 44.9375em)").matches) {
      // On phones the filters start folded, so the results are on the first screen.
      root.querySelector("[data-ks-filters-panel]").open = false;
    }
    root.setAttribute("data-ks-ready", "");
  }

  KhoStem.load(root.getAttribute("data-ks-data"), start, function () {
    status.textContent = "Không tải được dữ liệu thư viện.";
  });
})();
