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

  /* The words of a query, as typed (lower case) and folded. */
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
    parseQuery: parseQuery,
    prepare: prepare,
    score: score,
    ranked: ranked,
    prepareInBackground: prepareInBackground,
    requireParts: requireParts
  };
});
