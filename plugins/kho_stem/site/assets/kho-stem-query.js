/* Kho học liệu STEM mầm non: reading what a teacher typed against the library's own words (pure
 * logic, no page).
 *
 * The search text (window.KhoStemText, attached to the data by attachText in kho-stem-text.js)
 * carries the library's syllables (most used first) and the synonym groups of
 * content/taxonomy/synonyms.yml (kho_stem/site/search_data.py). With them a query becomes a list of
 * slots, each with its alternatives, which kho-stem-text.js's score() ranks cards by:
 * - a word typed without spaces, which cannot be one syllable, is split into the library's
 *   syllables ("thuyengiay");
 * - a word of a synonym group also looks for the other words of its group ("muong" -> "thìa");
 * - a syllable the library does not have at all looks for those one slip away ("chamm" -> "châm"),
 *   which count less than what was typed.
 * When nothing matches, suggest() offers the closest queries that do find cards.
 * A plain script like kho-stem-text.js: window.KhoStem in a browser, module.exports under Node. */
(function (root, factory) {
  "use strict";
  // Under Node (the unit tests) the helpers of kho-stem-text.js come from that file; in a browser it
  // has put them on window.KhoStem already (kho_stem/site/scripts.py lists the order).
  var text = typeof module === "object" && module.exports ? module.require("./kho-stem-text.js") : root.KhoStem;
  if (!text || !text.requireParts) {
    throw new Error("kho-stem-query.js needs kho-stem-text.js loaded before it (kho_stem/site/scripts.py)");
  }
  var api = factory(text.requireParts("kho-stem-query.js", text, ["fold", "parseQuery", "ranked", "score"]));
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.KhoStem = Object.assign(root.KhoStem || {}, api);
})(typeof self !== "undefined" ? self : this, function (text) {
  "use strict";

  var fold = text.fold;
  var parseQuery = text.parseQuery;
  var LONGEST_SYLLABLE = 7; // "nghiêng"
  var SLIPS_PER_WORD = 5;
  var SUGGESTIONS = 3;

  /* The library's words, ready to look up: built once per data. */
  function lexicon(data) {
    if (data._lexicon) return data._lexicon;
    var source = data.lexicon || { syllables: "", synonyms: [] };
    var written = source.syllables ? source.syllables.split(" ") : [];
    var rank = new Map(); // folded syllable -> place by use (0: most used)
    var spelling = new Map(); // folded syllable -> how the library writes it most often
    written.forEach(function (word) {
      var folded = fold(word);
      if (!rank.has(folded)) {
        rank.set(folded, rank.size);
        spelling.set(folded, word);
      }
    });
    var groups = source.synonyms.map(function (group) {
      return group.map(function (phrase) {
        var exact = phrase.split(" ");
        return { exact: exact, folded: exact.map(fold) };
      });
    });
    data._lexicon = { rank: rank, spelling: spelling, folded: Array.from(rank.keys()), groups: groups,
      shape: new RegExp(source.shape || "^$") };
    return data._lexicon;
  }

  function known(lex, word, last) {
    if (lex.rank.has(word)) return true;
    if (!last) return false;
    // The word being typed may be the start of one the library has.
    for (var i = 0; i < lex.folded.length; i++) if (lex.folded[i].lastIndexOf(word, 0) === 0) return true;
    return false;
  }

  /* ``word`` split into the fewest syllables of the library (at least two), the more used ones
   * when there is a choice; null when it cannot be. */
  function segment(lex, word) {
    var best = [{ parts: [], cost: 0 }];
    for (var end = 1; end <= word.length; end++) {
      best[end] = null;
      for (var start = Math.max(0, end - LONGEST_SYLLABLE); start < end; start++) {
        var piece = word.slice(start, end);
        if (!best[start] || !lex.rank.has(piece)) continue;
        var parts = best[start].parts.length + 1;
        var cost = best[start].cost + lex.rank.get(piece);
        var current = best[end];
        if (!current || parts < current.parts.length || (parts === current.parts.length && cost < current.cost)) {
          best[end] = { parts: best[start].parts.concat([piece]), cost: cost };
        }
      }
    }
    var found = best[word.length];
    return found && found.parts.length > 1 ? found.parts : null;
  }

  /* Whether ``a`` and ``b`` are one insertion, deletion or replacement apart. */
  function oneSlip(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* The library's syllables one slip from ``word``, most used first. */
  function slips(lex, word) {
    var found = [];
    for (var i = 0; i < lex.folded.length && found.length < SLIPS_PER_WORD; i++) {
      if (oneSlip(word, lex.folded[i])) found.push(lex.folded[i]);
    }
    return found;
  }

  /* The typed words with any word typed without spaces split into syllables. */
  function splitRunTogether(query, lex) {
    var exact = [];
    var folded = [];
    var last = query.folded.length - 1;
    query.folded.forEach(function (word, i) {
      // A word that could be one syllable is one (perhaps one the library lacks, or a slip).
      var parts = known(lex, word, i === last) || lex.shape.test(word) ? null : segment(lex, word);
      if (!parts) {
        exact.push(query.exact[i]);
        folded.push(word);
        return;
      }
      // Folding keeps one letter for one letter in Vietnamese, so the typed text splits at the same places.
      var typed = query.exact[i];
      var aligned = typed.length === word.length;
      var at = 0;
      parts.forEach(function (part) {
        exact.push(aligned ? typed.slice(at, at + part.length) : part);
        folded.push(part);
        at += part.length;
      });
    });
    return { exact: exact, folded: folded };
  }

  /* The synonym group member that the words from ``i`` on start with (the longest), if any. */
  function synonymAt(query, i, lex) {
    var found = null;
    lex.groups.forEach(function (group) {
      group.forEach(function (member) {
        var n = member.folded.length;
        if (i + n > query.folded.length || (found && found.member.folded.length >= n)) return;
        for (var k = 0; k < n; k++) {
          if (query.folded[i + k] !== member.folded[k]) return;
          // A word typed with diacritics must be this very word ("mè" is sesame, "mẹ" is not).
          if (query.exact[i + k] !== query.folded[i + k] && query.exact[i + k] !== member.exact[k]) return;
        }
        found = { group: group, member: member };
      });
    });
    return found;
  }

  /* What ``typed`` means in this library: the query of kho-stem-text.js's parseQuery (its words
   * split where typed without spaces) with ``slots`` for score(). */
  function understand(typed, data) {
    var lex = lexicon(data);
    var query = splitRunTogether(parseQuery(typed), lex);
    var slots = [];
    var last = query.folded.length - 1;
    for (var i = 0; i <= last;) {
      var synonym = synonymAt(query, i, lex);
      var size = synonym ? synonym.member.folded.length : 1;
      var typedAlt = { words: query.folded.slice(i, i + size), exact: query.exact.slice(i, i + size), kind: "typed",
        whole: lex.rank.has(query.folded[i]) };
      var alts = [typedAlt];
      if (synonym) {
        synonym.group.forEach(function (member) {
          if (member !== synonym.member) alts.push({ words: member.folded, exact: member.exact, kind: "synonym" });
        });
      } else if (!known(lex, query.folded[i], i === last)) {
        slips(lex, query.folded[i]).forEach(function (word) {
          alts.push({ words: [word], exact: [word], kind: "slip" });
        });
      }
      slots.push({ alts: alts, size: size });
      i += size;
    }
    return { exact: query.exact, folded: query.folded, slots: slots };
  }

  /* Edit distance of ``a`` and ``b``, or ``limit`` + 1 once it is sure to be more than ``limit``. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var smallest = i;
      for (var k = 1; k <= b.length; k++) {
        var value = Math.min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1));
        current.push(value);
        if (value < smallest) smallest = value;
      }
      if (smallest > limit) return limit + 1;
      previous = current;
    }
    return previous[b.length];
  }

  /* The library's syllables closest to ``word`` (two slips at most), closest then most used first. */
  function closest(lex, word, count) {
    var found = [];
    lex.folded.forEach(function (candidate, rank) {
      var d = distance(word, candidate, 2);
      if (d > 0 && d <= 2) found.push([d, rank, candidate]);
    });
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return found.slice(0, count).map(function (item) { return item[2]; });
  }

  /* Up to three queries close to ``typed`` that find cards, written as the library writes them:
   * one word replaced by a near one, or one word left out; those whose best card matches best first
   * (words side by side before scattered ones), then the nearer. */
  function suggest(typed, data, entries) {
    var lex = lexicon(data);
    var words = splitRunTogether(parseQuery(typed), lex).folded;
    var candidates = [];
    words.forEach(function (word, i) {
      closest(lex, word, 4).forEach(function (near) {
        candidates.push(words.slice(0, i).concat([near], words.slice(i + 1)));
      });
    });
    if (words.length > 1) {
      words.forEach(function (word, i) { candidates.push(words.slice(0, i).concat(words.slice(i + 1))); });
    }
    var found = [];
    var seen = {};
    candidates.forEach(function (candidate, place) {
      var key = candidate.join(" ");
      if (seen[key]) return;
      seen[key] = true;
      var query = understand(key, data);
      var best = text.ranked(entries, query, 1);
      if (best.total) found.push({ words: candidate, entry: best.top[0], points: text.score(best.top[0], query), place: place });
    });
    found.sort(function (a, b) { return b.points - a.points || a.place - b.place; });
    return found.slice(0, SUGGESTIONS).map(function (hit) { return written(hit.words, hit.entry, lex); });
  }

  /* ``words`` (folded) as the card ``entry`` writes them, else as the library most often does. */
  function written(words, entry, lex) {
    var phrase = " " + words.join(" ") + " ";
    for (var field = 0; field < entry._folded.length; field++) {
      var at = entry._folded[field].indexOf(phrase);
      if (at >= 0 && entry._exact[field].length === entry._folded[field].length) {
        return entry._exact[field].slice(at + 1, at + phrase.length - 1);
      }
    }
    return words.map(function (word) { return lex.spelling.get(word) || word; }).join(" ");
  }

  return {
    lexicon: lexicon,
    understand: understand,
    suggest: suggest,
    segment: segment
  };
});
