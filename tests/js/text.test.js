/* Tokenising and scoring: what a teacher types against the cards' fields. */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");
const { asset } = require("./python.js");

const { parseQuery, score, ranked, requireParts, PAIR_TIER } = asset("kho-stem-text.js");

function entry(title, extra) {
  return Object.assign({ t: title, k: "", d: "", w: "" }, extra);
}

test("a query is split into words, kept as typed (lower case) and folded", () => {
  assert.deepEqual(parseQuery("  Nước, ĐÁ!  "), { exact: ["nước", "đá"], folded: ["nuoc", "da"] });
  assert.deepEqual(parseQuery(""), { exact: [], folded: [] });
  assert.deepEqual(parseQuery("--- !"), { exact: [], folded: [] });
});

test("every word must be found; diacritics typed count double, a phrase counts again", () => {
  const boat = entry("Thuyền giấy nổi");
  assert.equal(score(boat, parseQuery("thuyen xe")), 0);
  assert.equal(score(boat, parseQuery("thuyen")), 10);
  assert.equal(score(boat, parseQuery("thuyền")), 20);
  // One pair side by side (a tier of its own), two whole words in the title (10 + 10), then the
  // phrase in the title (10 × 2).
  assert.equal(score(boat, parseQuery("thuyen giay ")), PAIR_TIER + 40);
});

test("the last word may be the start of a word, at half its points", () => {
  assert.equal(score(entry("Nam châm kỳ diệu"), parseQuery("nam ch")), PAIR_TIER + 10 + 5 + 20);
  assert.equal(score(entry("Nam châm"), parseQuery("cha")), 5);
  assert.equal(score(entry("Nam châm"), parseQuery("am")), 0, "only the start of a word");
});

test("fields weigh title, then topics and materials, then description, then other words", () => {
  const query = parseQuery("soi");
  const points = [entry("Sỏi"), entry("x", { k: "sỏi" }), entry("x", { d: "sỏi" }), entry("x", { w: "sỏi" })]
    .map((card) => score(card, query));
  assert.deepEqual(points, [10, 4, 3, 1]);
});

test("words side by side outrank the same words scattered, in any field, even a title", () => {
  const query = parseQuery("nam cham");
  const scattered = entry("Năm bạn nhỏ chạm tay vào nước");
  const inDescription = entry("Đua thuyền", { d: "Trẻ dùng nam châm kéo thuyền." });
  // Other words: "nam" and "châm" are positions 2 and 3 of the list, written as a pair "0203".
  const inBody = entry("Thuyền", { w: "trẻ dùng nam châm", p: "000101020203" });
  const bodyScattered = entry("Thuyền", { w: "nam trẻ châm", p: "00010102" });
  const points = [scattered, inDescription, inBody, bodyScattered].map((card) => score(card, query));
  assert.ok(points[0] > 0 && points[3] > 0, "scattered words still match");
  assert.ok(points[1] > points[0] && points[2] > points[0], points.join(" "));
  assert.ok(points[2] > points[3], "a pair of the body text counts, a scattered one does not");
  assert.ok(points[1] >= PAIR_TIER && points[2] >= PAIR_TIER && points[0] < PAIR_TIER && points[3] < PAIR_TIER);
});

test("a pair never spans a punctuation mark", () => {
  const query = parseQuery("nuoc da");
  assert.ok(score(entry("Nước, đá và muối"), query) < PAIR_TIER);
  assert.ok(score(entry("Nước đá và muối"), query) >= PAIR_TIER);
  assert.ok(score(entry("x", { k: "nước · đá" }), query) < PAIR_TIER);
});

test("ranked: best first, ties in data order, with the total", () => {
  const entries = [entry("Đường đi"), entry("Hoa hướng dương"), entry("Dương cầm"), entry("Lá")];
  const found = ranked(entries, parseQuery("dương "), 2);
  assert.equal(found.total, 3);
  assert.deepEqual(found.top.map((card) => card.t), ["Hoa hướng dương", "Dương cầm"]);
});

test("a missing helper stops a script with its name", () => {
  assert.throws(() => requireParts("kho-stem-catalog.js", { fold() {} }, ["fold", "filterCards"]),
    /kho-stem-catalog\.js needs KhoStem\.filterCards: load the scripts in the order/);
  assert.throws(() => requireParts("x.js", undefined, ["fold"]), /x\.js needs KhoStem\.fold/);
});
