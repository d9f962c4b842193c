/* Kho học liệu STEM mầm non: Vietnamese search that ignores diacritics (pure logic, no page).
 *
 * A plain script, not an ES module (an offline copy opened from file:// may not load modules): in a
 * browser it adds its functions to window.KhoStem; under Node (the unit tests) it exports them. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.KhoStem = Object.assign(root.KhoStem || {}, api);
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Every mark (Unicode category M), as fold() in kho_stem/text.py strips; a unit test checks they agree.
  var MARKS = /\p{M}/gu;
  var SEPARATORS = /[^\p{L}\p{N}]+/gu;
  // Where one phrase ends and the next begins (as the breaks of _WORD_OR_BREAK in kho_stem/site/search_terms.py):
  // two words on either side of it are not a pair.
  var PHRASE_BREAKS = /[^\p{L}\p{N}\s]+/gu;
  var NOT_WORD_OR_BREAK = /[^\p{L}\p{N}|]+/gu;
  // Title, then topics and materials, then description, then every other word of the card.
  var WEIGHTS = [10, 4, 3, 1];
  var OTHER_WORDS = 3;
  // How much a match through each kind of alternative counts (kho-stem-query.js makes them):
  // what was typed, a synonym from content/taxonomy/synonyms.yml, a syllable one slip away.
  var KIND_FACTORS = { typed: 1, synonym: 0.8, slip: 0.5 };
  // Each pair of the query's words found side by side lifts a card above every card with fewer:
  // the points of single words stay below this.
  var PAIR_TIER = 1000;
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

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

  /* A field's words with " | " where a phrase ends: " nam châm | hút kẹp ". */
  function phrased(text) {
    return " " + lower(text).replace(PHRASE_BREAKS, " | ").replace(NOT_WORD_OR_BREAK, " ").trim() + " ";
  }

  /* The words of a query, as typed (lower case) and folded. */
  function parseQuery(text) {
    var exact = spaced(text || "").trim();
    var words = exact ? exact.split(" ") : [];
    return { exact: words, folded: words.map(fold) };
  }

  /* A query without kho-stem-query.js's reading: each word its own slot, as typed. */
  function plainSlots(query) {
    return query.folded.map(function (word, i) {
      return { alts: [{ words: [word], exact: [query.exact[i]], kind: "typed" }], size: 1 };
    });
  }

  /* Each entry keeps its fields twice: as written (lower case) and folded. Built once, lazily. */
  function prepare(entry) {
    if (entry._exact) return;
    var fields = [phrased(entry.t), phrased(entry.k || ""), phrased(entry.d || ""), " " + (entry.w || "") + " "];
    entry._exact = fields;
    entry._folded = fields.map(fold);
  }

  /* The positions in the entry's list of other words (``w``) of the words folding to ``word``
   * (starting with it when ``prefix``). The list is indexed the first time a pair is looked for. */
  function positionsOf(entry, word, prefix) {
    if (!entry._positions) {
      var index = new Map();
      entry._folded[OTHER_WORDS].trim().split(" ").forEach(function (each, position) {
        if (index.has(each)) index.get(each).push(position);
        else index.set(each, [position]);
      });
      entry._positions = index;
    }
    if (!prefix) return entry._positions.get(word) || [];
    var found = [];
    entry._positions.forEach(function (positions, each) {
      if (each.lastIndexOf(word, 0) === 0) found = found.concat(positions);
    });
    return found;
  }

  function pairCode(first, second) {
    return DIGITS[Math.floor(first / 36)] + DIGITS[first % 36] + DIGITS[Math.floor(second / 36)] + DIGITS[second % 36];
  }

  /* Whether ``first`` is followed by ``second`` in a phrase of the entry's other words: the data lists
   * each such pair as the two words' positions (kho_stem/site/search_terms.py words_and_pairs). */
  function hasPair(entry, first, second, prefix) {
    var pairs = entry.p;
    if (!pairs) return false;
    var text = entry._folded[OTHER_WORDS];
    if (text.indexOf(" " + first + " ") < 0 || text.indexOf(" " + second + (prefix ? "" : " ")) < 0) return false;
    var firsts = positionsOf(entry, first, false);
    var seconds = positionsOf(entry, second, prefix);
    for (var a = 0; a < firsts.length; a++) {
      for (var b = 0; b < seconds.length; b++) {
        var code = pairCode(firsts[a], seconds[b]);
        for (var at = pairs.indexOf(code); at >= 0; at = pairs.indexOf(code, at + 1)) if (at % 4 === 0) return true;
      }
    }
    return false;
  }

  /* A run of words to look for, with its search strings made once per query, not once per card.
   * A synonym is looked for as written (its diacritics say which word it is); anything else folded. */
  function phrase(words, exact) {
    var joined = " " + words.join(" ");
    return { count: words.length, exact: exact, open: joined, closed: joined + " ",
      folded: exact ? words.map(fold) : words };
  }

  /* Whether the words of ``run`` stand together, in this order, in ``field`` of the entry.
   * ``prefix``: the last word may be the start of a word (the teacher is still typing it). */
  function together(entry, field, run, prefix) {
    if (field !== OTHER_WORDS || run.count === 1) {
      var text = (run.exact ? entry._exact : entry._folded)[field];
      // Most fields lack the words altogether: one look for their start settles those.
      var at = text.indexOf(run.open);
      return at >= 0 && (prefix || text.indexOf(run.closed, at) >= 0);
    }
    for (var i = 0; i + 1 < run.count; i++) {
      if (!hasPair(entry, run.folded[i], run.folded[i + 1], prefix && i + 2 === run.count)) return false;
    }
    return true;
  }

  function typedWithDiacritics(alt) {
    for (var i = 0; i < alt.exact.length; i++) if (alt.exact[i] !== alt.words[i]) return true;
    return false;
  }

  /* What score() looks for, worked out once per query and kept on it: per slot its alternatives,
   * between neighbouring slots the pairs of words that would join them, and the whole phrase. */
  function plan(query) {
    if (query._plan) return query._plan;
    var slots = query.slots || plainSlots(query);
    var last = slots.length - 1;
    var planned = slots.map(function (slot, i) {
      return { size: slot.size, alts: slot.alts.map(function (alt) {
        var synonym = alt.kind === "synonym";
        var words = synonym ? alt.exact : alt.words;
        return {
          factor: KIND_FACTORS[alt.kind],
          run: phrase(words, synonym),
          prefix: i === last && alt.kind === "typed",
          parts: words.length > 1 ? words.map(function (word) { return phrase([word], synonym); }) : [],
          diacritics: alt.kind === "typed" && typedWithDiacritics(alt) ? phrase(alt.exact, true) : null
        };
      }) };
    });
    var links = [];
    for (var j = 0; j < last; j++) {
      var joins = [];
      slots[j].alts.forEach(function (first) {
        slots[j + 1].alts.forEach(function (second) {
          joins.push({ run: phrase(first.words.slice(-1).concat(second.words.slice(0, 1)), false),
            // A last word that is a whole syllable of the library joins as that word: looking for
            // every word it starts in the pairs of each card would cost far more than it finds.
            prefix: j + 1 === last && second.kind === "typed" && second.words.length === 1 && !second.whole });
        });
      });
      links.push(joins);
    }
    query._plan = { slots: planned, links: links,
      phrase: query.folded.length > 1 ? " " + query.folded.join(" ") : null, length: query.folded.length };
    return query._plan;
  }

  /* How well one slot of the query matches: its best points over fields and alternatives, and
   * whether some alternative stands whole (its words side by side) somewhere. 0 points: missing. */
  function matchSlot(entry, slot) {
    var best = 0;
    var whole = false;
    for (var a = 0; a < slot.alts.length; a++) {
      var alt = slot.alts[a];
      for (var field = 0; field < WEIGHTS.length; field++) {
        var points = 0;
        if (together(entry, field, alt.run, false)) {
          points = WEIGHTS[field];
          whole = true;
        } else if (alt.prefix && together(entry, field, alt.run, true)) {
          points = WEIGHTS[field] / 2;
          whole = true;
        } else if (alt.parts.length && alt.parts.every(function (part) { return together(entry, field, part, false); })) {
          points = WEIGHTS[field] / 2; // the words are there, but not side by side
        }
        if (!points) continue;
        points *= alt.factor;
        // Only words typed with diacritics say which accents the teacher meant.
        if (alt.diacritics && together(entry, field, alt.diacritics, alt.prefix)) points *= 2;
        if (points > best) best = points;
      }
    }
    return { points: best, whole: whole };
  }

  /* Whether one of the pairs that would join two neighbouring slots stands in a field. */
  function joined(entry, joins) {
    for (var k = 0; k < joins.length; k++) {
      for (var field = 0; field < WEIGHTS.length; field++) {
        if (together(entry, field, joins[k].run, joins[k].prefix)) return true;
      }
    }
    return false;
  }

  /* 0 when a word of the query is missing; otherwise higher for better matches, in two tiers.
   * First, how many of the query's pairs of neighbouring words stand side by side in the card, in
   * any one field (Vietnamese words are mostly two syllables: "nam châm" is a magnet, "năm" and
   * "chạm" scattered over a title are not). Then, below that, the points of each word: whole words
   * by field, the last word as the start of a word at half, words typed with diacritics and found
   * so at double; and the whole query as a phrase once more in each field written as text. */
  function score(entry, query) {
    prepare(entry);
    var planned = plan(query);
    if (!planned.slots.length) return 0;
    var points = 0;
    var pairs = 0;
    for (var i = 0; i < planned.slots.length; i++) {
      var match = matchSlot(entry, planned.slots[i]);
      if (!match.points) return 0;
      points += match.points;
      if (match.whole) pairs += planned.slots[i].size - 1;
    }
    // Only a card with every word is worth looking for pairs in (most cards are not).
    for (var j = 0; j < planned.links.length; j++) if (joined(entry, planned.links[j])) pairs += 1;
    if (planned.phrase) {
      for (var f = 0; f < OTHER_WORDS; f++) {
        if (entry._folded[f].indexOf(planned.phrase) >= 0) points += WEIGHTS[f] * planned.length;
      }
    }
    return pairs * PAIR_TIER + Math.min(points, PAIR_TIER - 1);
  }

  /* The entries matching ``query``, best first (ties in data order): how many, and the first ``limit``. */
  function ranked(entries, query, limit) {
    var found = [];
    for (var i = 0; i < entries.length; i++) {
      var points = score(entries[i], query);
      if (points) found.push([points, i]);
    }
    found.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    return { total: found.length, top: found.slice(0, limit).map(function (hit) { return entries[hit[1]]; }) };
  }

  /* Gives the catalog data (window.KhoStemData) its search text (window.KhoStemText, made by
   * kho_stem/site/search_data.py): each card, by position, its fields as written and folded, in the
   * form prepare() would make them (so prepare() has nothing to do), and its pairs; the pages; the
   * lexicon kho-stem-query.js reads queries against. */
  function attachText(data, text) {
    var cards = data.cards;
    for (var i = 0; i < cards.length; i++) {
      var fields = text.cards[i];
      cards[i]._exact = fields.slice(0, WEIGHTS.length);
      cards[i]._folded = fields.slice(WEIGHTS.length, 2 * WEIGHTS.length);
      cards[i].p = fields[2 * WEIGHTS.length];
    }
    data.pages = text.pages.map(function (page) {
      return { u: page.u, t: page.t, _exact: page.f.slice(0, WEIGHTS.length), _folded: page.f.slice(WEIGHTS.length) };
    });
    data.lexicon = text.lexicon;
    delete data._lexicon; // kho-stem-query.js's lookup, built from the lexicon
    data.searchable = true;
    return data;
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

  /* Stops a script whose helpers did not load, with a message naming what is missing. */
  function requireParts(script, namespace, names) {
    var missing = names.filter(function (name) { return !namespace || typeof namespace[name] !== "function"; });
    if (missing.length) {
      throw new Error(script + " needs KhoStem." + missing.join(", KhoStem.") +
        ": load the scripts in the order kho_stem/site/scripts.py lists");
    }
    return namespace;
  }

  return {
    fold: fold,
    lower: lower,
    parseQuery: parseQuery,
    PAIR_TIER: PAIR_TIER,
    prepare: prepare,
    attachText: attachText,
    score: score,
    ranked: ranked,
    prepareInBackground: prepareInBackground,
    requireParts: requireParts
  };
});
