/* Folding: the browser's fold must agree with kho_stem.text.fold on any Vietnamese text. */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");
const { askPython, asset } = require("./python.js");

const { fold } = asset("kho-stem-text.js");

const LETTERS = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
// Tones typed as separate marks (as some keyboards send them), then marks outside U+0300–U+036F:
// Cyrillic titlo, Devanagari stress sign and visarga (a spacing mark), combining marks for symbols
// (one enclosing), the grapheme joiner, half marks, extended and supplement marks.
const MARKS = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0483", "\u0951", "\u0903", "\u20d0",
  "\u20dd", "\u034f", "\ufe20", "\u1ab0", "\u1dc4"];
const OTHERS = [" ", " ", " ", "0", "7", ",", ".", "-", "–", "(", ")", "'", "\"", "!", "?", "\u00a0"];

/* A small seeded generator (mulberry32), so a failing run can be repeated with KHO_STEM_SEED. */
function generator(seed) {
  let state = seed >>> 0;
  return function next(limit) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * limit) | 0;
  };
}

function randomText(next) {
  const letters = Array.from(LETTERS);
  let text = "";
  for (let length = next(24); length > 0; length--) {
    const kind = next(10);
    if (kind < 6) {
      const letter = letters[next(letters.length)];
      text += next(4) === 0 ? letter.toUpperCase() : letter;
    } else if (kind < 8) {
      text += MARKS[next(MARKS.length)];
    } else {
      text += OTHERS[next(OTHERS.length)];
    }
  }
  // Half the texts as a keyboard may send them: decomposed.
  return next(2) ? text.normalize("NFD") : text;
}

test("random Vietnamese texts fold the same in the browser and in Python", () => {
  const seed = Number(process.env.KHO_STEM_SEED || Date.now() % 1000000);
  const next = generator(seed);
  const texts = Array.from({ length: 400 }, () => randomText(next));
  const python = askPython({ fold: texts }).fold;
  texts.forEach((text, index) => {
    assert.equal(fold(text), python[index],
      `fold differs on ${JSON.stringify(text)} (repeat with KHO_STEM_SEED=${seed})`);
  });
});

test("marks outside U+0300–U+036F are folded away on both sides", () => {
  const texts = ["Nước Đá", "Thuye\u0300n gia\u0301y", "a\u0483b\u20ddc\u0903d", "dương"];
  const expected = ["nuoc da", "thuyen giay", "abcd", "duong"];
  assert.deepEqual(texts.map(fold), expected);
  assert.deepEqual(askPython({ fold: texts }).fold, expected);
});
