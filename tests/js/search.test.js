/* The search over the real starter library (data from the Python side, as the site ships it):
 * held-out look-alike queries (tests/fixtures/search-lookalikes.json), the same in the header
 * search's ranking and the catalog's, and reading a query: no spaces, slips, synonyms, suggestions. */
"use strict";

const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { test } = require("node:test");
const { askPython, asset } = require("./python.js");

const { ranked, score, attachText, PAIR_TIER } = asset("kho-stem-text.js");
const { understand, suggest, segment, lexicon } = asset("kho-stem-query.js");
const { filterCards, sortOrder, missingMaterials } = asset("kho-stem-facets.js");

// The first view's data with the search text attached, as the browser has it once both are loaded.
const library = askPython({ library: true });
const data = attachText(library.data, library.text);
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "search-lookalikes.json"), "utf8"));

function slug(card) {
  return card.u.split("/").filter(Boolean).pop();
}

function headerOrder(typed) {
  return ranked(data.cards, understand(typed, data), data.cards.length).top.map(slug);
}

function catalogOrder(typed, extra) {
  const state = Object.assign({ q: typed, facets: {}, reviewed: false, classMode: false, sort: "" }, extra);
  const query = understand(typed, data);
  const scores = data.cards.map((card) => score(card, query));
  const missing = missingMaterials(data, []);
  return filterCards(data, state, scores, missing).found.map((index) => slug(data.cards[index]));
}

test("the fixture's cards exist in the starter library", () => {
  const slugs = new Set(data.cards.map(slug));
  for (const item of fixture.queries) for (const wanted of item.first) assert.ok(slugs.has(wanted), wanted);
});

for (const [where, order] of [["header search", headerOrder], ["catalog", catalogOrder]]) {
  test(`${where}: every intended card ranks above its look-alikes`, () => {
    for (const item of fixture.queries) {
      const found = order(item.query);
      assert.deepEqual(new Set(found.slice(0, item.first.length)), new Set(item.first),
        `"${item.query}": ${found.slice(0, item.first.length + 3).join(", ")}`);
      if (item.finds) assert.equal(found.length, item.finds, item.query);
    }
  });
}

test("typed words side by side lift a card into a tier above scattered ones", () => {
  const query = understand("nam cham", data);
  const points = data.cards.map((card) => score(card, query)).filter(Boolean);
  assert.equal(points.filter((value) => value >= PAIR_TIER).length, 1);
  assert.ok(points.length > 1, "cards with the syllables scattered are still found, below");
});

test("a word typed without spaces is split into the library's syllables", () => {
  const lex = lexicon(data);
  assert.deepEqual(segment(lex, "thuyengiay"), ["thuyen", "giay"]);
  assert.deepEqual(segment(lex, "namcham"), ["nam", "cham"]);
  assert.equal(segment(lex, "nuoc"), null, "a syllable is not split");
  assert.equal(segment(lex, "xqzw"), null);
  const query = understand("thuyềngiấy", data);
  assert.deepEqual(query.exact, ["thuyền", "giấy"]);
  assert.deepEqual(query.folded, ["thuyen", "giay"]);
});

test("a slip is corrected only for a syllable the library does not have, and counts less", () => {
  const slipped = understand("nam chamm", data).slots[1];
  assert.deepEqual(slipped.alts.slice(1).map((alt) => [alt.kind, alt.words[0]]).find((alt) => alt[1] === "cham"),
    ["slip", "cham"]);
  assert.equal(understand("nam chan", data).slots[1].alts.length, 1, "chân is a syllable of the library");
  const magnet = data.cards.find((card) => slug(card) === "dua-thuyen-rong-keo-bang-nam-cham");
  assert.ok(score(magnet, understand("nam chamm", data)) < score(magnet, understand("nam cham", data)));
  assert.equal(understand("nam ch", data).slots[1].alts.length, 1, "the start of a word being typed is no slip");
});

test("a synonym group's words find each other's cards, written as the group writes them", () => {
  const spoon = understand("muong", data).slots[0];
  assert.deepEqual(spoon.alts.map((alt) => alt.kind), ["typed", "synonym"]);
  assert.deepEqual(spoon.alts[1].exact, ["thìa"]);
  const thia = data.cards.filter((card) => / thìa /.test(card._exact[0] + card._exact[3]));
  assert.ok(thia.length > 1);
  for (const card of thia) assert.ok(score(card, understand("muong", data)) > 0, card.t);
  // "bong bong" is one slot of two syllables: bóng bay stands whole in the card, so it makes a pair.
  const balloon = data.cards.find((card) => slug(card) === "o-to-hop-sua-chay-bang-bong-bay");
  assert.ok(score(balloon, understand("bong bong", data)) >= PAIR_TIER);
  // Typed with its diacritics, a word is that word only: "mẹ" (mother) is not "mè" (sesame).
  assert.equal(understand("mẹ", data).slots[0].alts.length, 1);
  assert.equal(understand("mè", data).slots[0].alts.length, 2);
});

test("nothing found: near queries that do find cards, as the library writes them", () => {
  assert.equal(headerOrder("thuyen buom").length, 0);
  const offered = suggest("thuyen buom", data, data.cards);
  assert.ok(offered.includes("thuyền"), offered.join(" | "));
  assert.ok(offered.length <= 3);
  for (const suggestion of offered) assert.ok(headerOrder(suggestion).length > 0, suggestion);
  assert.deepEqual(suggest("", data, data.cards), []);
});

test("sort: relevance with a query, else the newest; shortest and fewest materials on request", () => {
  assert.equal(sortOrder(data, { q: "nuoc", sort: "" }).code, data.sorts[0].code);
  assert.equal(sortOrder(data, { q: "", sort: "" }).field, "up");
  assert.equal(sortOrder(data, { q: "", sort: data.sorts[0].code }).field, "up", "no relevance without a query");
  const shortest = data.sorts.find((order) => order.field === "n");
  const byDuration = catalogOrder("", { sort: shortest.code }).map((s) => data.cards.find((c) => slug(c) === s).n);
  assert.deepEqual(byDuration, [...byDuration].sort((a, b) => a - b));
  const fewest = data.sorts.find((order) => order.field === "nm");
  const byMaterials = catalogOrder("nuoc", { sort: fewest.code }).map((s) => data.cards.find((c) => slug(c) === s).nm);
  assert.deepEqual(byMaterials, [...byMaterials].sort((a, b) => a - b));
  assert.ok(byMaterials[0] < byMaterials[byMaterials.length - 1]);
});
