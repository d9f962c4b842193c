/* The search text is lower-cased, split into words and folded at build time (search_data.py), so the
 * browser does no such work on thousands of cards: what the build ships must be what prepare() would
 * have made of the same fields in the browser, and a card given it must score as before. */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");
const { askPython, asset } = require("./python.js");

const { prepare, parseQuery, score } = asset("kho-stem-text.js");

const SAMPLES = [
  ["Thuyền giấy nổi trên chậu nước", "Nước và hiện tượng tự nhiên · chai nhựa · giấy màu",
    "Trẻ gấp thuyền, thả trên nước; đo 1,5 m.", "nước đá sỏi lá chuối vỏ hộp sữa"],
  ["ĐƯỜNG ĐI của nước-mưa!", "", "Máng (ống) dẫn — nước_mưa", "đường"],
  ["Hoa hướng dương", "Thế giới thực vật", "", ""],
  ["Bé  tập   đếm 1/2 quả", "Toán", "Nhà trẻ 24–36 tháng", "quả"],
  ["", "", "", ""]
];

const shipped = askPython({ searched: SAMPLES }).searched;

test("the build's folded fields are what the browser would make of the text", () => {
  SAMPLES.forEach((fields, index) => {
    const entry = { t: fields[0], k: fields[1], d: fields[2], w: fields[3] };
    prepare(entry);
    assert.deepEqual(shipped[index], entry._exact.concat(entry._folded), fields[0]);
  });
});

test("a card given the build's fields scores as one prepared in the browser", () => {
  const queries = ["nuoc", "nước", "thuyen giay", "duong", "đường", "hoa huong", "dem qua", "1 2"];
  SAMPLES.forEach((fields, index) => {
    const raw = { t: fields[0], k: fields[1], d: fields[2], w: fields[3] };
    const built = { _exact: shipped[index].slice(0, 4), _folded: shipped[index].slice(4) };
    queries.forEach((text) => {
      const query = parseQuery(text);
      assert.equal(score(built, query), score(raw, query), `${text} in ${fields[0]}`);
    });
  });
});
