/* Kho học liệu STEM mầm non: the catalog page ("Thư viện").
 *
 * Filters combine (any value within a group, every group together), each value shows how many
 * cards it would give, and the whole view lives in the address after "#", so it can be shared
 * or bookmarked. "Lớp em có gì?" keeps the class's materials in localStorage only.
 *
 * This file is the page only: matching is in kho-stem-text.js, filters and counts in
 * kho-stem-facets.js, the data loader in kho-stem-search.js (the order: kho_stem/site/scripts.py).
 * Result tiles are clones of the <template> the page carries (kho_stem/site/listing.py).
 *
 * Speed with thousands of cards: the first view needs only the tiles and facets (catalog-data.js);
 * the search text (search-text.js; the page preloads its bytes) is run once that view is drawn, or
 * as soon as a query is typed, and a query typed before it arrives runs when it does. Only the
 * first screenful of tiles is drawn; more are added as the teacher scrolls near the end of the list
 * (or presses "Xem thêm"), so the page stays small. */
(function () {
  "use strict";

  var root = document.querySelector("[data-ks-catalog-page]");
  if (!root) return;
  if (!window.KhoStem || !window.KhoStem.requireParts) {
    throw new Error("kho-stem-catalog.js needs kho-stem-text.js loaded before it (kho_stem/site/scripts.py)");
  }
  var KhoStem = window.KhoStem.requireParts("kho-stem-catalog.js", window.KhoStem, [
    "fold", "parseQuery", "score", "prepareInBackground", "load", "loadSearchable", "element",
    "filterCards", "countFor", "facetByKey", "missingMaterials", "stateToHash", "hashToState"]);
  var element = KhoStem.element;
  var FIRST_TILES = Number(root.getAttribute("data-ks-first-tiles")); // both: kho_stem/site/catalog_page.py
  var MORE_TILES = Number(root.getAttribute("data-ks-more-tiles"));
  var INVENTORY_KEY = "kho-stem:lop-em-co";

  var queryInput = root.querySelector("#ks-q");
  var filters = root.querySelector("[data-ks-filters]");
  var classForm = root.querySelector("[data-ks-class] form");
  var status = root.querySelector(".ks-catalog__count");
  var results = root.querySelector("[data-ks-results]");
  var more = root.querySelector("[data-ks-more]");
  var resultsButton = root.querySelector("[data-ks-show-results]");
  var filtersPanel = root.querySelector("[data-ks-filters-panel]");
  var tileTemplate = root.querySelector("template[data-ks-tile]").content.firstElementChild;
  var iconTemplates = root.querySelector("template[data-ks-topic-icons]");
  var siteRoot = root.getAttribute("data-ks-root");

  var data, cards, facets, keys;
  var shown = FIRST_TILES;
  var lastQuery = null;
  var scores = null;
  var lastFound = [];
  var lastState = null;
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
    state.reviewed = checkedValues(filters, keys.reviewed).length > 0;
    state.classMode = checkedValues(classForm, keys.classMode).length > 0;
    return state;
  }

  function applyAddress() {
    var hash = window.location.hash.replace(/^#/, "");
    var state = KhoStem.hashToState(data, hash || window.location.search);
    queryInput.value = state.q;
    facets.forEach(function (facet) {
      var wanted = state.facets[facet.key];
      controls(filters, facet.key).forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
    });
    controls(filters, keys.reviewed).forEach(function (box) { box.checked = state.reviewed; });
    controls(classForm, keys.classMode).forEach(function (box) { box.checked = state.classMode; });
  }

  function writeAddress(state) {
    var hash = KhoStem.stateToHash(data, state);
    var address = window.location.pathname + window.location.search + (hash ? "#" + hash : "");
    try {
      history.replaceState(null, "", address);
    } catch {
      window.location.hash = hash; // some browsers refuse replaceState on file:// pages
    }
  }

  /* -- the class's materials, kept on this computer only -------------------------------------- */
  function readInventory() {
    try {
      return JSON.parse(window.localStorage.getItem(INVENTORY_KEY) || "[]");
    } catch {
      return [];
    }
  }

  function saveInventory(names) {
    try {
      window.localStorage.setItem(INVENTORY_KEY, JSON.stringify(names));
    } catch {
      /* storage disabled: the list lasts for this visit only */
    }
  }

  function computeMissing() {
    missing = KhoStem.missingMaterials(data, checkedValues(classForm, keys.inventory));
  }

  /* -- filtering -------------------------------------------------------------------------------- */
  function update(options) {
    var started = performance.now();
    var state = readState();
    if (!options || !options.keepPage) shown = FIRST_TILES;
    if (state.q !== lastQuery) {
      var query = KhoStem.parseQuery(state.q);
      if (query.folded.length && !data.searchable) {
        // The search text is not here yet: fetch it now, not after the first paint; its arrival
        // runs this again (loadSearchText).
        status.textContent = "Đang tải dữ liệu tìm kiếm…";
        writeAddress(state);
        loadSearchText();
        return;
      }
      lastQuery = state.q;
      scores = query.folded.length ? cards.map(function (card) { return KhoStem.score(card, query); }) : null;
    }
    var filtered = KhoStem.filterCards(data, state, scores, missing);
    var found = filtered.found;
    showCounts(filtered.counts);
    var ticked = filters.querySelectorAll("input[type=checkbox]:checked").length;
    root.querySelector("[data-ks-active-count]").textContent = ticked ? "(" + ticked + " đang chọn)" : "";
    showResults(found, state);
    writeAddress(state);
    root.setAttribute("data-ks-results-for", state.q); // which query the tiles on screen answer
    root.setAttribute("data-ks-update-ms", (performance.now() - started).toFixed(1));
  }

  function showCounts(counts) {
    Object.keys(counts).forEach(function (key) {
      var form = key === keys.classMode ? classForm : filters;
      controls(form, key).forEach(function (box) {
        var count = KhoStem.countFor(data, counts, key, box.value);
        var label = box.parentNode;
        label.querySelector(".ks-count").textContent = "(" + count + ")";
        label.classList.toggle("ks-option--empty", count === 0 && !box.checked);
      });
    });
  }

  /* -- results ---------------------------------------------------------------------------------- */
  /* A card without a cover shows the picture of its first topic, as the static lists do. */
  function topicIcon(card) {
    var code = KhoStem.facetByKey(data, keys.topics).values[card[keys.topics][0]][0];
    var icons = iconTemplates ? iconTemplates.content.children : [];
    for (var i = 0; i < icons.length; i++) {
      if (icons[i].getAttribute("data-ks-topic") === code) return icons[i].cloneNode(true);
    }
    return null;
  }

  /* A clone of the page's tile template, filled in: its badge texts and separator come with it. */
  function tile(card, index, state) {
    var item = tileTemplate.cloneNode(true);
    var image = item.querySelector(".ks-tile__thumb");
    if (card.i) {
      image.src = siteRoot + card.i[0];
      if (card.i[1]) { image.width = card.i[1]; image.height = card.i[2]; }
    } else {
      var icon = topicIcon(card);
      if (icon) {
        icon.removeAttribute("data-ks-topic");
        image.parentNode.replaceChild(icon, image);
      } else {
        image.remove();
      }
    }
    var link = item.querySelector(".ks-tile__title");
    link.textContent = card.t;
    link.href = siteRoot + card.u;
    item.querySelector(".ks-tile__description").textContent = card.d;
    var ageBadge = item.querySelector(".ks-badge--age");
    var ages = KhoStem.facetByKey(data, keys.ages);
    card[keys.ages].forEach(function (position) {
      var badge = ageBadge.cloneNode(true);
      badge.textContent = data.ageShort[position];
      badge.title = ages.values[position][1];
      ageBadge.parentNode.insertBefore(badge, ageBadge);
    });
    ageBadge.remove();
    var duration = item.querySelector(".ks-badge--duration");
    duration.textContent = duration.textContent.replace("{minutes}", card.n);
    if (card.r === 1) item.querySelector(".ks-badge--unreviewed").remove();
    var topics = item.querySelector(".ks-tile__topics");
    var topicFacet = KhoStem.facetByKey(data, keys.topics);
    topics.textContent = card[keys.topics].map(function (position) { return topicFacet.values[position][1]; })
      .join(topics.getAttribute("data-ks-separator"));
    topics.removeAttribute("data-ks-separator");
    var lacking = item.querySelector(".ks-tile__missing");
    if (state.classMode && missing[index].length === 1) {
      var name = KhoStem.facetByKey(data, keys.materials).values[missing[index][0]][1];
      lacking.textContent = lacking.textContent.replace("{material}", name);
    } else {
      lacking.remove();
    }
    return item;
  }

  function tileList(indices, state) {
    var list = element("ul", "ks-tiles");
    indices.forEach(function (index) { list.appendChild(tile(cards[index], index, state)); });
    return list;
  }

  function showResults(found, state) {
    lastFound = found;
    lastState = state;
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
      ? "Tìm thấy " + found.length + " hoạt động."
      : "Không có hoạt động nào phù hợp. Hãy bỏ bớt bộ lọc hoặc thử từ khác.";
    resultsButton.textContent = "Xem " + found.length + " hoạt động";
    showMoreButton(visible.length);
  }

  function showMoreButton(visible) {
    more.hidden = lastFound.length <= visible;
    more.textContent = "Xem thêm " + Math.min(MORE_TILES, lastFound.length - visible) + " hoạt động";
    if (moreObserver) {
      // Observing anew reports at once whether the button is still near the screen.
      moreObserver.unobserve(more);
      if (!more.hidden) moreObserver.observe(more);
    }
  }

  /* The next tiles of the same results, added below the ones drawn (class mode redraws its groups). */
  function showMore() {
    var from = Math.min(shown, lastFound.length);
    shown += MORE_TILES;
    var list = results.querySelector("ul.ks-tiles");
    if (lastState.classMode || !list) {
      showResults(lastFound, lastState);
      return;
    }
    var next = lastFound.slice(from, shown);
    next.forEach(function (index) { list.appendChild(tile(cards[index], index, lastState)); });
    showMoreButton(from + next.length);
  }

  // The end of the list coming within a screen of view adds more tiles; the button stays for
  // keyboards and for browsers without IntersectionObserver.
  var moreObserver = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    if (entries.some(function (entry) { return entry.isIntersecting; }) && !more.hidden) showMore();
  }, { rootMargin: "0px 0px 100% 0px" }) : null;

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
    keys = data.keys;
    var inventory = readInventory();
    controls(classForm, keys.inventory).forEach(function (box) { box.checked = inventory.indexOf(box.value) >= 0; });
    computeMissing();
    applyAddress();
    update();

    root.querySelector("[data-ks-query-form]").addEventListener("submit", function (event) { event.preventDefault(); });
    queryInput.addEventListener("input", function () { update(); });
    filters.addEventListener("change", function () { update(); });
    filters.addEventListener("reset", function () { setTimeout(function () { queryInput.value = ""; update(); }, 0); });
    classForm.addEventListener("change", function (event) {
      if (event.target.name === keys.inventory) {
        saveInventory(checkedValues(classForm, keys.inventory));
        computeMissing();
      }
      update();
    });
    classForm.addEventListener("submit", function (event) { event.preventDefault(); });
    more.addEventListener("click", showMore);
    // On a phone the open filters push the results a screen or more down: this button, kept in view
    // at the bottom of the filters, folds them and brings the results up.
    resultsButton.addEventListener("click", function () {
      filtersPanel.open = false;
      status.scrollIntoView({ block: "start" });
    });
    window.addEventListener("hashchange", function () {
      if (window.location.hash.replace(/^#/, "") !== KhoStem.stateToHash(data, readState())) { applyAddress(); update(); }
    });
    setUpListFilters();
    window.addEventListener("beforeprint", printEverything);
    if (window.matchMedia("(max-width: 44.9375em)").matches) {
      // On phones the filters start folded, so the results are on the first screen.
      filtersPanel.open = false;
    }
    performance.mark("ks-ready");
    root.setAttribute("data-ks-ready", "");
    // The search text once the first view is on screen: it must not delay the tiles and counts.
    requestAnimationFrame(function () {
      setTimeout(function () {
        performance.mark("ks-painted"); // the first view is on screen (bench/catalog.py reads both marks)
        loadSearchText();
      }, 0);
    });
  }

  var textRequested = false;
  function loadSearchText() {
    if (textRequested) return;
    textRequested = true;
    KhoStem.loadSearchable(root.getAttribute("data-ks-data"), root.getAttribute("data-ks-text"), function () {
      root.setAttribute("data-ks-searchable", "");
      KhoStem.prepareInBackground(cards);
      if (queryInput.value.trim() !== lastQuery) update({ keepPage: true });
    }, function () {
      status.textContent = "Không tải được dữ liệu tìm kiếm.";
    });
  }

  KhoStem.load(root.getAttribute("data-ks-data"), start, function () {
    status.textContent = "Không tải được dữ liệu thư viện.";
  });
})();
