/* The school's survey: counts and purchases on a hand-counted library, and agreement with the
 * minimum list Python computes for the starter library. */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");
const { askPython, asset } = require("./python.js");

const { shares, purchases, surveyRows, csvText } = asset("kho-stem-survey.js");

// Materials 0..4; cards need: A [0,1], B [0], C [2], D [2,3,4] (one with a cost), E nothing.
const hand = {
  ages: [["3-4", "Bé"], ["5-6", "Lớn"]],
  schoolLabel: "Cả trường",
  materials: [["kéo", 2, "keo"], ["hồ dán", 1, "ho dan"], ["sỏi", 2, "soi"], ["chai", 1, "chai"],
    ["=cmd", 1, "=cmd"]],
  everyday: ["nước"],
  cards: [["A", "a/", ["5-6"], [0, 1], null], ["B", "b/", ["5-6"], [0], 20000], ["C", "c/", ["3-4"], [2], null],
    ["D", "d/", ["3-4", "5-6"], [2, 3, 4], 50000], ["E", "e/", ["3-4"], [], null]],
  labels: { csv_header: ["Mục", "Tên", "Giá trị"], csv_school: "Trường", csv_age: "Độ tuổi", csv_have: "Đã có",
    csv_buy: "Nên mua", unlocks: "mở thêm", cards: "thẻ", yes: "có", no: "chưa", everyday: "lớp nào cũng có" }
};

test("what a school can run now, per age band and for the school", () => {
  const rows = shares(hand, ["kéo"]);
  assert.deepEqual(rows.map((row) => [row.label, row.ready, row.total]),
    [["Bé", 1, 3], ["Lớn", 1, 3], ["Cả trường", 2, 5]]);
  // A ticked name the data no longer has is ignored, not counted.
  assert.deepEqual(shares(hand, ["kéo", "thước"]), rows);
});

test("purchases complete the card that lacks least first, most needed material first", () => {
  const picked = purchases(hand, [], 5);
  // B and C lack one thing each; kéo is needed by two waiting cards (A, B), sỏi by two (C, D): the
  // tie between B and C goes to the first. Then A lacks hồ dán (wanted by A alone) and C lacks sỏi
  // (wanted by C and D): C first. Then A; then D's last two.
  assert.deepEqual(picked.map((item) => item.name), ["kéo", "sỏi", "hồ dán", "=cmd", "chai"]);
  assert.deepEqual(picked.map((item) => item.unlocks), [["B"], ["C"], ["A"], [], ["D"]]);
  assert.deepEqual(picked[0].cost, [20000, 20000]);
  assert.deepEqual(picked[4].cost, [50000, 50000]);
  assert.deepEqual(purchases(hand, ["kéo", "hồ dán", "sỏi", "chai", "=cmd"], 5), []);
  // Fewer purchases left than a card lacks: buy what most waiting cards need.
  assert.deepEqual(purchases(hand, ["kéo", "hồ dán", "sỏi"], 1).map((item) => item.name), ["=cmd"]);
});

test("the CSV names the school, the counts, each material and the purchases; no cell runs", () => {
  const rows = surveyRows(hand, "MN Hoa Sen", ["kéo"], 2);
  assert.deepEqual(rows[1], ["Trường", "MN Hoa Sen", ""]);
  assert.deepEqual(rows.filter((row) => row[0] === "Độ tuổi").map((row) => row[2]), ["1/3", "1/3", "2/5"]);
  assert.deepEqual(rows.find((row) => row[1] === "nước"), ["Đã có", "nước", "lớp nào cũng có"]);
  assert.deepEqual(rows.filter((row) => row[0] === "Nên mua").map((row) => row[1]), ["sỏi", "hồ dán"]);
  const text = csvText(rows);
  assert.ok(text.includes('"Đã có","\'=cmd","chưa"\r\n'), text);
  assert.ok(text.endsWith("\r\n"));
});

test("a school that has the starter library's 80 % list runs the cards Python counts", () => {
  const { data, lists } = askPython({ survey: true }).survey;
  assert.ok(data.materials.length > 20 && data.cards.length > 20);
  for (const list of lists) {
    const row = shares(data, list.buy).find((entry) => entry.age === list.age);
    assert.equal(row.ready, list.ready, list.age);
    assert.ok(row.ready >= 0.8 * row.total, list.age);
  }
});
