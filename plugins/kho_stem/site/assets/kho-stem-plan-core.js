/* Kho học liệu STEM mầm non: the teacher's plan ("Kế hoạch của tôi"), pure logic, no page.
 *
 * A plan is { name, items: [{ k: card slug, w: week, d: day, n: note }] } in the teacher's order;
 * weeks and days count from 1 in the order of the taxonomy's weeks.yml and weekdays.yml, 0 is
 * "not placed". It is kept in localStorage as JSON and shared in the page address as
 * "<version>.<base64url of the UTF-8 JSON [name, [[slug, week, day, note], …]]>". Every function
 * here returns a new plan and leaves the one it was given alone.
 *
 * A plain script like kho-stem-text.js: window.KhoStem in a browser, module.exports under Node. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.KhoStem = Object.assign(root.KhoStem || {}, api);
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  function emptyPlan() {
    return { name: "", items: [] };
  }

  function copyPlan(plan) {
    return {
      name: plan.name,
      items: plan.items.map(function (item) { return { k: item.k, w: item.w, d: item.d, n: item.n }; })
    };
  }

  function whole(value, highest) {
    return typeof value === "number" && value % 1 === 0 && value >= 0 && value <= highest ? value : null;
  }

  /* A plan from untrusted values (storage, a link): null when anything is out of shape.
   * bounds = { weeks, days, limits: { name, note, cards } }. */
  function checkedPlan(name, rows, bounds) {
    if (typeof name !== "string" || name.length > bounds.limits.name) return null;
    if (!Array.isArray(rows) || rows.length > bounds.limits.cards) return null;
    var items = [];
    var seen = {};
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      if (!Array.isArray(row) || typeof row[0] !== "string" || !SLUG.test(row[0])) return null;
      var week = row.length > 1 ? whole(row[1], bounds.weeks) : 0;
      var day = row.length > 2 ? whole(row[2], bounds.days) : 0;
      var note = row.length > 3 ? row[3] : "";
      if (week === null || day === null || typeof note !== "string" || note.length > bounds.limits.note) return null;
      if (seen[row[0]]) continue;  // a card is in a plan once
      seen[row[0]] = true;
      items.push({ k: row[0], w: week, d: day, n: note });
    }
    return { name: name, items: items };
  }

  function rowsOf(plan) {
    return plan.items.map(function (item) {
      if (item.n) return [item.k, item.w, item.d, item.n];
      if (item.w || item.d) return [item.k, item.w, item.d];
      return [item.k];
    });
  }

  /* -- storage --------------------------------------------------------------------------------- */
  function planToStorage(plan) {
    return JSON.stringify({ name: plan.name, items: rowsOf(plan) });
  }

  /* What localStorage holds, or an empty plan when there is nothing readable. */
  function planFromStorage(text, bounds) {
    if (!text) return emptyPlan();
    try {
      var stored = JSON.parse(text);
      return (stored && checkedPlan(stored.name, stored.items, bounds)) || emptyPlan();
    } catch (error) {
      if (error instanceof SyntaxError) return emptyPlan();
      throw error;
    }
  }

  /* -- the address ----------------------------------------------------------------------------- */
  function toBase64Url(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
    var padded = text.replace(/-/g, "+").replace(/_/g, "/");
    while (padded.length % 4) padded += "=";
    var binary;
    try {
      binary = atob(padded);
    } catch (error) {
      if (error instanceof DOMException) return null;  // a cut link may not be valid base64
      throw error;
    }
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (error) {
      if (error instanceof TypeError) return null;  // a cut link may end inside a character
      throw error;
    }
  }

  function encodePlan(plan, version) {
    return version + "." + toBase64Url(JSON.stringify([plan.name, rowsOf(plan)]));
  }

  /* The plan a shared text carries, or null: another version, a cut or altered link. */
  function decodePlan(text, version, bounds) {
    var dot = text.indexOf(".");
    if (dot < 1 || text.slice(0, dot) !== String(version)) return null;
    var json = fromBase64Url(text.slice(dot + 1));
    if (json === null) return null;
    try {
      var value = JSON.parse(json);
      return Array.isArray(value) && value.length === 2 ? checkedPlan(value[0], value[1], bounds) : null;
    } catch (error) {
      if (error instanceof SyntaxError) return null;
      throw error;
    }
  }

  function shareHash(plan, shareKey, version) {
    return "#" + shareKey + "=" + encodePlan(plan, version);
  }

  /* What the address's fragment says about a shared plan: { shared: false } when it has none,
   * else { shared: true, plan } with plan null when it cannot be read. */
  function planFromHash(hash, shareKey, version, bounds) {
    var params = new URLSearchParams((hash || "").replace(/^#/, ""));
    if (!params.has(shareKey)) return { shared: false, plan: null };
    return { shared: true, plan: decodePlan(params.get(shareKey), version, bounds) };
  }

  /* The cards this library has; others (a link from a larger library) are counted as dropped. */
  function keepKnown(plan, cards) {
    var kept = copyPlan(plan);
    kept.items = kept.items.filter(function (item) { return Object.prototype.hasOwnProperty.call(cards, item.k); });
    return { plan: kept, dropped: plan.items.length - kept.items.length };
  }

  function samePlan(a, b) {
    return planToStorage(a) === planToStorage(b);
  }

  /* -- editing --------------------------------------------------------------------------------- */
  function indexOfCard(plan, slug) {
    for (var i = 0; i < plan.items.length; i++) if (plan.items[i].k === slug) return i;
    return -1;
  }

  /* Adds the card at the end, or takes it out when it is there already (the button toggles). */
  function toggleCard(plan, slug) {
    var changed = copyPlan(plan);
    var index = indexOfCard(plan, slug);
    if (index >= 0) changed.items.splice(index, 1);
    else changed.items.push({ k: slug, w: 0, d: 0, n: "" });
    return changed;
  }

  /* Moves the item at index by step (-1 up, 1 down); { plan, index } gives where it went. */
  function moveCard(plan, index, step) {
    var changed = copyPlan(plan);
    var target = Math.max(0, Math.min(changed.items.length - 1, index + step));
    var moved = changed.items.splice(index, 1)[0];
    changed.items.splice(target, 0, moved);
    return { plan: changed, index: target };
  }

  function removeCard(plan, index) {
    var changed = copyPlan(plan);
    changed.items.splice(index, 1);
    return changed;
  }

  function placeCard(plan, index, week, day) {
    var changed = copyPlan(plan);
    changed.items[index].w = week;
    changed.items[index].d = day;
    return changed;
  }

  function noteCard(plan, index, note) {
    var changed = copyPlan(plan);
    changed.items[index].n = note;
    return changed;
  }

  function renamePlan(plan, name) {
    var changed = copyPlan(plan);
    changed.name = name;
    return changed;
  }

  /* -- views ----------------------------------------------------------------------------------- */
  /* The week table: rows for weeks 1 to the last week used, a column per day, the plan's items of
   * each cell in the plan's order; items without both a week and a day are "unplaced". */
  function weekGrid(plan, dayCount) {
    var last = 0;
    plan.items.forEach(function (item) { if (item.w && item.d) last = Math.max(last, item.w); });
    var rows = [];
    for (var week = 1; week <= last; week++) {
      var cells = [];
      for (var day = 1; day <= dayCount; day++) cells.push([]);
      rows.push({ week: week, cells: cells });
    }
    var unplaced = [];
    plan.items.forEach(function (item) {
      if (item.w && item.d) rows[item.w - 1].cells[item.d - 1].push(item);
      else unplaced.push(item);
    });
    return { rows: rows, unplaced: unplaced };
  }

  /* "3", "1,5 lít", "200 ml" -> { amount, unit }; anything else (no leading number) -> null. */
  function parseQuantity(text) {
    var match = /^\s*(\d+(?:[.,]\d+)?)\s*(.*?)\s*$/.exec(text || "");
    if (!match) return null;
    return { amount: parseFloat(match[1].replace(",", ".")), unit: match[2] };
  }

  function formatAmount(amount) {
    return String(Math.round(amount * 100) / 100).replace(".", ",");
  }

  function quantityText(amount, unit, per) {
    return [formatAmount(amount), unit, per].filter(Boolean).join(" ");
  }

  /* The materials of the plan's cards grouped by common name, in the order they first appear:
   * { name, quantities: [texts], cards: [titles] }. Quantities with the same unit and basis (per
   * child, per group…) are added; others are listed as written. With fromHomeOnly, only what the
   * cards ask families to send. A card's material is m = [common name, quantity, basis label,
   * from home 0/1, name as written]. */
  function combinedMaterials(plan, cards, fromHomeOnly) {
    var groups = [];
    var byName = {};
    plan.items.forEach(function (item) {
      var card = cards[item.k];
      if (!card) return;
      card.m.forEach(function (material) {
        if (fromHomeOnly && !material[3]) return;
        var name = material[0];
        var group = byName[name];
        if (!group) {
          group = byName[name] = { name: name, sums: [], texts: [], cards: [] };
          groups.push(group);
        }
        if (group.cards.indexOf(card.t) < 0) group.cards.push(card.t);
        var parsed = parseQuantity(material[1]);
        if (parsed) {
          var same = group.sums.filter(function (sum) { return sum.unit === parsed.unit && sum.per === material[2]; })[0];
          if (same) same.amount += parsed.amount;
          else group.sums.push({ amount: parsed.amount, unit: parsed.unit, per: material[2] });
        } else if (material[1]) {
          group.texts.push([material[1], material[2]].filter(Boolean).join(" "));
        }
      });
    });
    return groups.map(function (group) {
      var quantities = group.sums.map(function (sum) { return quantityText(sum.amount, sum.unit, sum.per); });
      return { name: group.name, quantities: quantities.concat(group.texts), cards: group.cards };
    });
  }

  /* What one card needs prepared, short enough for a cell of the week table. */
  function cardMaterials(card) {
    return card.m.map(function (material) {
      return material[1] ? material[0] + " (" + [material[1], material[2]].filter(Boolean).join(" ") + ")"
        : material[0];
    });
  }

  /* The card a page address or a tile's link points to: the last part of its path, whether the
   * site uses folder addresses (…/slug/) or file ones (…/slug/index.html). */
  function slugOfAddress(href) {
    var path = String(href).split(/[?#]/)[0].replace(/\/index\.html$/, "").replace(/\/+$/, "");
    var slug = decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
    return SLUG.test(slug) ? slug : null;
  }

  /* "{title}" and the like in a text, filled from values. */
  function fillText(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  return {
    emptyPlan: emptyPlan,
    planToStorage: planToStorage,
    planFromStorage: planFromStorage,
    encodePlan: encodePlan,
    decodePlan: decodePlan,
    shareHash: shareHash,
    planFromHash: planFromHash,
    keepKnown: keepKnown,
    samePlan: samePlan,
    indexOfCard: indexOfCard,
    toggleCard: toggleCard,
    moveCard: moveCard,
    removeCard: removeCard,
    placeCard: placeCard,
    noteCard: noteCard,
    renamePlan: renamePlan,
    weekGrid: weekGrid,
    parseQuantity: parseQuantity,
    combinedMaterials: combinedMaterials,
    cardMaterials: cardMaterials,
    slugOfAddress: slugOfAddress,
    fillText: fillText
  };
});
