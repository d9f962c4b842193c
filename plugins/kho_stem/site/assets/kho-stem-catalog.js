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
    "fold", "parseQuery", "understand", "suggest", "score", "prepareInBackground", "load", "loadSearchable",
    "element", "suggestionLine", "filterCards", "countFor", "facetByKey", "classReadiness", "classGroups",
    "swapText", "missingText", "sortOrder", "stateToHash", "hashToState"]);
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
  var sortSelect = root.querySelector("[data-ks-sort]");
  var suggestions = root.querySelector("[data-ks-suggestions]");

  var data, cards, facets, keys;
  var shown = FIRST_TILES;
  var lastQuery = null;
  var scores = null;
  var lastFound = [];
  var lastState = null;
  var missing = null; // per card: positions (data.classMaterials) of the materials the class does not have
  var swaps = null; // per card: [substitute, material] pairs the class uses instead
  var chosenSort = ""; // the order the teacher picked; none: relevance with a query, else the newest

  function controls(form, name) {
    return Array.prototype.slice.call(form.querySelectorAll('input[type=checkbox][name="' + name + '"]'));
  }

  /* "Có một trong số đó" / "Chỉ những thứ đã chọn": the materials facet's two radios. */
  function modeChoices() {
    return Array.prototype.slice.call(filters.querySelectorAll('input[type=radio][name="' + keys.materialsAll + '"]'));
  }

  function checkedValues(form, name) {
    return controls(form, name).filter(function (box) { return box.checked; })
      .map(function (box) { return box.value; });
  }

  /* -- the state: form controls <-> address ---------------------------------------------- */
  function readState() {
    var state = { q: queryInput.value.trim(), facets: {}, reviewed: false, classMode: false, materialsAll: false,
      sort: chosenSort };
    facets.forEach(function (facet) { state.facets[facet.key] = checkedValues(filters, facet.key); });
    state.reviewed = checkedValues(filters, keys.reviewed).length > 0;
    state.materialsAll = modeChoices().some(function (radio) { return radio.checked && radio.value === "1"; });
    state.classMode = checkedValues(classForm, keys.classMode).length > 0;
    return state;
  }

  function applyAddress() {
    var hash = window.location.hash.replace(/^#/, "");
    var state = KhoStem.hashToState(data, hash || window.location.search);
    queryInput.value = state.q;
    chosenSort = state.sort;
    facets.forEach(function (facet) {
      var wanted = state.facets[facet.key];
      controls(filters, facet.key).forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
    });
    controls(filters, keys.reviewed).forEach(function (box) { box.checked = state.reviewed; });
    modeChoices().forEach(function (radio) { radio.checked = (radio.value === "1") === state.materialsAll; });
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
    var readiness = KhoStem.classReadiness(data, checkedValues(classForm, keys.inventory));
    missing = readiness.missing;
    swaps = readiness.swaps;
  }

  /* -- filtering -------------------------------------------------------------------------------- */
  function update(options) {
    var started = performance.now();
    var state = readState();
    if (!options || !options.keepPage) shown = FIRST_TILES;
    if (state.q !== lastQuery) {
      if (KhoStem.parseQuery(state.q).folded.length && !data.searchable) {
        // The search text is not here yet: fetch it now, not after the first paint; its arrival
        // runs this again (loadSearchText).
        status.textContent = data.texts.textLoading;
        writeAddress(state);
        loadSearchText();
        return;
      }
      lastQuery = state.q;
      // Read against the library's words (lexicon) and matched on the search text, both in it.
      var query = KhoStem.understand(state.q, data);
      scores = query.folded.length ? cards.map(function (card) { return KhoStem.score(card, query); }) : null;
    }
    var filtered = KhoStem.filterCards(data, state, scores, missing);
    var found = filtered.found;
    showCounts(filtered.counts);
    var ticked = filters.querySelectorAll("input[type=checkbox]:checked").length;
    root.querySelector("[data-ks-active-count]").textContent = ticked ? data.texts.ticked.replace("{count}", ticked) : "";
    showResults(found, state, ticked > 0 || state.classMode);
    showSort(state);
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
    if (state.classMode && missing[index].length) {
      lacking.textContent = lacking.textContent.replace("{material}", KhoStem.missingText(data, missing[index]));
    } else {
      lacking.remove();
    }
    if (state.classMode && swaps[index].length) {
      item.querySelector(".ks-tile__text").appendChild(element("p", "ks-tile__swap", KhoStem.swapText(data, swaps[index])));
    }
    return item;
  }

  function tileList(indices, state) {
    var list = element("ul", "ks-tiles");
    indices.forEach(function (index) { list.appendChild(tile(cards[index], index, state)); });
    return list;
  }

  /* The control shows the order in use; relevance is offered only with a query to be relevant to. */
  function showSort(state) {
    var order = KhoStem.sortOrder(data, state);
    Array.prototype.forEach.call(sortSelect.options, function (option) {
      option.disabled = !state.q && option.value === data.sorts[0].code;
    });
    sortSelect.value = order.code;
  }

  /* Nothing found: say what was searched, speak of filters only when one is set, offer near words. */
  function showNothingFound(state, filtered) {
    var texts = data.texts;
    if (!state.q) {
      status.textContent = texts.noMatchFiltersOnly;
      return;
    }
    status.textContent = (filtered ? texts.noMatchWithFilters : texts.noMatch).replace("{query}", state.q);
    var line = KhoStem.suggestionLine(data, KhoStem.suggest(state.q, data, cards), function (suggestion) {
      queryInput.value = suggestion;
      update();
      queryInput.focus();
    });
    if (line) suggestions.appendChild(line);
  }

  function showResults(found, state, filtered) {
    lastFound = found;
    lastState = state;
    var visible = found.slice(0, shown);
    results.textContent = "";
    suggestions.textContent = "";
    sortSelect.parentNode.hidden = !found.length; // nothing to put in order
    if (state.classMode) {
      // Every group's heading counts all its cards; its tiles are those among the ones shown so far.
      var shownNow = {};
      visible.forEach(function (index) { shownNow[index] = true; });
      KhoStem.classGroups(data, found, missing).forEach(function (group, lacking) {
        var tiles = group.cards.filter(function (index) { return shownNow[index]; });
        if (!group.cards.length && lacking) return;
        var section = element("section", "ks-class-group");
        section.setAttribute("data-ks-lacking", String(lacking));
        section.appendChild(element("h2", null, group.heading));
        if (tiles.length) section.appendChild(tileList(tiles, state));
        results.appendChild(section);
      });
    } else if (visible.length) {
      results.appendChild(tileList(visible, state));
    }
    if (found.length) {
      status.textContent = data.texts.found.replace("{count}", found.length);
    } else {
      showNothingFound(state, filtered);
    }
    resultsButton.textContent = data.texts.showFound.replace("{count}", found.length);
    showMoreButton(visible.length);
  }

  function showMoreButton(visible) {
    more.hidden = lastFound.length <= visible;
    more.textContent = data.texts.showMore.replace("{count}", Math.min(MORE_TILES, lastFound.length - visible));
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
    var parts = state.q ? [data.texts.printQuery.replace("{query}", state.q)] : [];
    facets.forEach(function (facet) {
      var labels = controls(filters, facet.key).filter(function (box) { return box.checked; })
        .map(function (box) { return box.parentNode.querySelector("span").textContent; });
      var mode = facet.key === keys.materials && state.materialsAll
        ? " (" + modeChoices().filter(function (radio) { return radio.checked; })[0].parentNode
          .querySelector("span").textContent + ")"
        : "";
      if (labels.length) parts.push(facet.legend + mode + ": " + labels.join(", "));
    });
    if (state.reviewed) parts.push(data.texts.printReviewed);
    root.querySelector("[data-ks-print-filters]").textContent = parts.length ? parts.join(" · ")
      : data.texts.printEverything;
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
    sortSelect.addEventListener("change", function () { chosenSort = sortSelect.value; update(); });
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
      status.textContent = data.texts.textFailed;
    });
  }

  KhoStem.load(root.getAttribute("data-ks-data"), start, function () {
    status.textContent = root.getAttribute("data-ks-failed");
  });
})();
