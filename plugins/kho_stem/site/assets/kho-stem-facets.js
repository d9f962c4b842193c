/* Kho học liệu STEM mầm non: the catalog's filters and counts (pure logic, no page).
 *
 * Everything it knows about the facets comes from the catalog data (kho_stem/site/search_data.py):
 * their keys, which one excludes (hazards) and its "no value" choice, and the other controls' names
 * in data.keys. A plain script like kho-stem-text.js: window.KhoStem in a browser, module.exports
 * under Node.
 *
 * A state is { q, facets: { key: [ticked codes] }, reviewed: bool, classMode: bool, materialsAll: bool }:
 * with materialsAll the materials facet keeps the cards having every ticked material, not any. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.KhoStem = Object.assign(root.KhoStem || {}, api);
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  function positions(facet) {
    if (!facet._positions) {
      var found = {};
      facet.values.forEach(function (value, index) { found[value[0]] = index; });
      facet._positions = found;
    }
    return facet._positions;
  }

  /* One test per facet and control: whether a card passes it, and how to count a card's values.
   * Counts have one place per value, and one more for "no value" (the no-hazard choice). */
  function buildTests(data, state, missing) {
    var most = mostMissing(data);
    var tests = data.facets.map(function (facet) {
      var chosen = state.facets[facet.key] || [];
      var at = positions(facet);
      var wanted = {};
      var wantedCount = 0;
      var none = false;
      chosen.forEach(function (code) {
        if (facet.none && code === facet.none) none = true;
        else if (code in at && !wanted[at[code]]) { wanted[at[code]] = true; wantedCount++; }
      });
      var every = state.materialsAll && facet.key === data.keys.materials;
      var test = every
        // Every ticked value: the card must have them all.
        ? function (card) {
          var values = card[facet.key];
          var have = 0;
          for (var i = 0; i < values.length; i++) if (wanted[values[i]]) have++;
          return have === wantedCount;
        }
        : facet.excludes
        // A ticked value that excludes leaves out the cards that have it.
        ? function (card) {
          var values = card[facet.key];
          if (none && values.length) return false;
          for (var i = 0; i < values.length; i++) if (wanted[values[i]]) return false;
          return true;
        }
        : function (card) {
          var values = card[facet.key];
          for (var i = 0; i < values.length; i++) if (wanted[values[i]]) return true;
          return false;
        };
      return {
        // A facet that needs every ticked value counts only the cards it keeps: a value's count is
        // then what ticking it too would give.
        key: facet.key, active: chosen.length > 0, test: test, countsOthers: !every,
        counts: new Array(facet.values.length + 1).fill(0),
        tally: function (card, counts) {
          var values = card[facet.key];
          for (var i = 0; i < values.length; i++) counts[values[i]]++;
          if (!values.length) counts[facet.values.length]++;
        }
      };
    });
    tests.push({
      key: data.keys.reviewed, active: state.reviewed, counts: [0], countsOthers: true,
      test: function (card) { return card.r === 1; },
      tally: function (card, counts) { if (card.r === 1) counts[0]++; }
    });
    tests.push({
      key: data.keys.classMode, active: state.classMode, counts: [0], countsOthers: true,
      test: function (card, index) { return missing[index].length <= most; },
      tally: function (card, counts, index) { if (missing[index].length <= most) counts[0]++; }
    });
    return tests;
  }

  /* The cards that pass every active filter (and match the query when ``scores`` is given), in the
   * order to show them, and per filter key what each of its values would give with the other
   * filters kept. ``missing[i]`` lists the materials card i needs and the class does not have. */
  function filterCards(data, state, scores, missing) {
    var cards = data.cards;
    var tests = buildTests(data, state, missing);
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
      } else if (failures === 1 && failed && failed.countsOthers) {
        failed.tally(card, failed.counts, index);
      }
    }
    found.sort(function (a, b) {
      if (state.classMode && missing[a].length !== missing[b].length) return missing[a].length - missing[b].length;
      if (scores && scores[a] !== scores[b]) return scores[b] - scores[a];
      return a - b; // the data is in title order
    });
    var counts = {};
    tests.forEach(function (test) { counts[test.key] = test.counts; });
    return { found: found, counts: counts };
  }

  /* The count to show beside the control ``value`` of ``key``. */
  function countFor(data, counts, key, value) {
    var facet = facetByKey(data, key);
    if (!facet) return counts[key][0];
    if (facet.none && value === facet.none) return counts[key][facet.values.length];
    return counts[key][positions(facet)[value]];
  }

  function facetByKey(data, key) {
    for (var i = 0; i < data.facets.length; i++) if (data.facets[i].key === key) return data.facets[i];
    return null;
  }

  /* "Lớp em có gì?": the most things a card may lack and still be shown, one group per count. */
  function mostMissing(data) {
    return data.classMaterials.groups.length - 1;
  }

  /* What each card lacks when a class has ``have`` (names of data.classMaterials), and what the
   * class uses instead. A card needs each entry of its ``m`` (positions, any one of which does);
   * the everyday materials count as had; a need is also met by a substitute the class has.
   * Returns { missing: per card, the positions lacked (the first way of each unmet need),
   *           swaps: per card, [substitute, material] position pairs }. */
  function classReadiness(data, have) {
    var table = data.classMaterials;
    var at = {};
    table.names.forEach(function (name, index) { at[name] = index; });
    var owned = {};
    have.forEach(function (name) { if (name in at) owned[at[name]] = true; });
    table.everyday.forEach(function (position) { owned[position] = true; });

    function standIn(need) {
      for (var i = 0; i < need.length; i++) {
        var substitutes = table.substitutes[need[i]];
        for (var j = 0; j < substitutes.length; j++) if (owned[substitutes[j]]) return [substitutes[j], need[i]];
      }
      return null;
    }

    var missing = [];
    var swaps = [];
    data.cards.forEach(function (card) {
      var lacking = [];
      var used = [];
      card.m.forEach(function (need) {
        if (need.some(function (position) { return owned[position]; })) return;
        var swap = standIn(need);
        if (swap) used.push(swap);
        else lacking.push(need[0]);
      });
      missing.push(lacking);
      swaps.push(used);
    });
    return { missing: missing, swaps: swaps };
  }

  function missingMaterials(data, have) {
    return classReadiness(data, have).missing;
  }

  /* The group a card falls in by what it lacks: its heading and the cards in it, among ``found``. */
  function classGroups(data, found, missing) {
    return data.classMaterials.groups.map(function (heading, count) {
      var cards = found.filter(function (index) { return missing[index].length === count; });
      return { heading: heading.replace("{count}", cards.length), cards: cards };
    });
  }

  /* The line a tile shows for the substitutes the class uses: "Dùng lọ nhựa thay chai nhựa". */
  function swapText(data, swaps) {
    var table = data.classMaterials;
    return swaps.map(function (pair) {
      return table.swap.replace("{substitute}", table.names[pair[0]]).replace("{material}", table.names[pair[1]]);
    }).join(table.separator);
  }

  function missingText(data, lacking) {
    var table = data.classMaterials;
    return lacking.map(function (position) { return table.names[position]; }).join(table.separator);
  }

  /* The address after "#" for a state, and back: "q=nuoc&tuoi=4-5,5-6&duyet=1". */
  function stateToHash(data, state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    data.facets.forEach(function (facet) {
      var chosen = state.facets[facet.key] || [];
      if (chosen.length) params.set(facet.key, chosen.join(","));
    });
    if (state.reviewed) params.set(data.keys.reviewed, "1");
    if (state.classMode) params.set(data.keys.classMode, "1");
    if (state.materialsAll) params.set(data.keys.materialsAll, "1");
    return params.toString();
  }

  function hashToState(data, hash) {
    var params = new URLSearchParams(hash);
    var state = { q: params.get("q") || "", facets: {}, reviewed: false, classMode: false, materialsAll: false };
    data.facets.forEach(function (facet) {
      var chosen = params.get(facet.key);
      state.facets[facet.key] = chosen ? chosen.split(",") : [];
    });
    state.reviewed = params.get(data.keys.reviewed) === "1";
    state.classMode = params.get(data.keys.classMode) === "1";
    state.materialsAll = params.get(data.keys.materialsAll) === "1";
    return state;
  }

  return {
    filterCards: filterCards,
    countFor: countFor,
    facetByKey: facetByKey,
    missingMaterials: missingMaterials,
    classReadiness: classReadiness,
    classGroups: classGroups,
    swapText: swapText,
    missingText: missingText,
    stateToHash: stateToHash,
    hashToState: hashToState
  };
});
