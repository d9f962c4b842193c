/* The teacher's plan: storage, the shared address, ordering, placing and the materials sum. */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");
const { asset } = require("./python.js");

const plan = asset("kho-stem-plan-core.js");

const BOUNDS = { weeks: 5, days: 5, limits: { name: 120, note: 300, cards: 200 } };
const CARDS = {
  "thuyen-la": { t: "Thuyền lá", a: ["4–5"], n: 25, m: [
    ["vỏ hộp sữa giấy", "2", "mỗi nhóm", 0, "vỏ hộp sữa giấy"],
    ["sỏi", "20", "mỗi nhóm", 0, "sỏi to"],
    ["kéo", "1", "cả lớp", 0, "kéo cắt hộp"]] },
  "binh-loc": { t: "Bình lọc nước", a: ["5–6"], n: 30, m: [
    ["vỏ hộp sữa giấy", "3", "mỗi nhóm", 1, "vỏ hộp sữa (đã rửa)"],
    ["sỏi", "1 nắm", "mỗi nhóm", 0, "sỏi nhỏ"],
    ["cát", "1,5 kg", "", 1, "cát sạch"],
    ["bông", "", "", 0, "bông gòn"]] },
  "cat-uot": { t: "Cát ướt", a: ["3–4"], n: 15, m: [["cát", "0,5 kg", "", 0, "cát"], ["bông", "vài miếng", "", 0, "bông"]] }
};

function sample() {
  let made = plan.emptyPlan();
  for (const slug of ["thuyen-la", "binh-loc", "cat-uot"]) made = plan.toggleCard(made, slug);
  made = plan.renamePlan(made, "Lớp Chồi 2 · Chủ đề Nước · Tháng 3");
  made = plan.placeCard(made, 0, 1, 1);
  made = plan.placeCard(made, 1, 4, 5);
  return plan.noteCard(made, 1, "Nhờ bố mẹ gửi vỏ hộp trước thứ 2 «đã rửa»");
}

test("the button adds a card at the end once, and takes it out the second time", () => {
  const one = plan.toggleCard(plan.emptyPlan(), "thuyen-la");
  const two = plan.toggleCard(one, "binh-loc");
  assert.deepEqual(two.items.map((item) => item.k), ["thuyen-la", "binh-loc"]);
  assert.deepEqual(plan.toggleCard(two, "thuyen-la").items.map((item) => item.k), ["binh-loc"]);
  assert.equal(one.items.length, 1, "the plan given is left alone");
});

test("moving up and down stops at the ends and says where the card went", () => {
  const made = sample();
  const up = plan.moveCard(made, 2, -1);
  assert.deepEqual(up.plan.items.map((item) => item.k), ["thuyen-la", "cat-uot", "binh-loc"]);
  assert.equal(up.index, 1);
  assert.equal(plan.moveCard(made, 0, -1).index, 0);
  assert.deepEqual(plan.moveCard(made, 2, 1).plan.items.map((item) => item.k), ["thuyen-la", "binh-loc", "cat-uot"]);
  assert.deepEqual(plan.removeCard(made, 0).items.map((item) => item.k), ["binh-loc", "cat-uot"]);
});

test("storage keeps everything and refuses what is out of shape", () => {
  const made = sample();
  assert.deepEqual(plan.planFromStorage(plan.planToStorage(made), BOUNDS), made);
  assert.deepEqual(plan.planFromStorage(null, BOUNDS), plan.emptyPlan());
  assert.deepEqual(plan.planFromStorage("{not json", BOUNDS), plan.emptyPlan());
  assert.deepEqual(plan.planFromStorage(JSON.stringify({ name: "x", items: [["thuyen-la", 6, 1]] }), BOUNDS),
    plan.emptyPlan(), "week 6 does not exist");
  assert.deepEqual(plan.planFromStorage(JSON.stringify({ name: "x", items: [["../etc", 1, 1]] }), BOUNDS),
    plan.emptyPlan(), "not a slug");
});

test("the shared address carries the plan, with its version, compactly", () => {
  const made = sample();
  const hash = plan.shareHash(made, "kh", 1);
  assert.match(hash, /^#kh=1\.[A-Za-z0-9_-]+$/);
  assert.ok(hash.length < 260, `${hash.length} characters`);
  const back = plan.planFromHash(hash, "kh", 1, BOUNDS);
  assert.equal(back.shared, true);
  assert.deepEqual(back.plan, made);
  assert.deepEqual(plan.planFromHash("#tuoi=4-5", "kh", 1, BOUNDS), { shared: false, plan: null });
});

test("a link of another version, cut short or altered is refused, not half read", () => {
  const encoded = plan.encodePlan(sample(), 1);
  assert.equal(plan.decodePlan(encoded.replace(/^1\./, "2."), 1, BOUNDS), null);
  for (let cut = 3; cut < encoded.length; cut += 7) {
    assert.equal(plan.decodePlan(encoded.slice(0, cut), 1, BOUNDS), null, `cut at ${cut}`);
  }
  assert.equal(plan.decodePlan("1.!!!", 1, BOUNDS), null);
  assert.equal(plan.decodePlan("1." + Buffer.from('["x",[["a",9,9]]]').toString("base64url"), 1, BOUNDS), null);
  const tooMany = { name: "", items: [] };
  for (let i = 0; i < 201; i++) tooMany.items.push({ k: `the-${i}`, w: 0, d: 0, n: "" });
  assert.equal(plan.decodePlan(plan.encodePlan(tooMany, 1), 1, BOUNDS), null);
});

test("a shared plan keeps only the cards this library has", () => {
  const made = plan.toggleCard(sample(), "khong-co-o-day");
  const known = plan.keepKnown(made, CARDS);
  assert.equal(known.dropped, 1);
  assert.deepEqual(known.plan, sample());
  assert.ok(plan.samePlan(known.plan, sample()));
  assert.ok(!plan.samePlan(made, sample()));
});

test("the week table has rows up to the last week used and keeps the rest unplaced", () => {
  const grid = plan.weekGrid(sample(), 5);
  assert.deepEqual(grid.rows.map((row) => row.week), [1, 2, 3, 4]);
  assert.deepEqual(grid.rows[0].cells[0].map((item) => item.k), ["thuyen-la"]);
  assert.deepEqual(grid.rows[3].cells[4].map((item) => item.k), ["binh-loc"]);
  assert.deepEqual(grid.unplaced.map((item) => item.k), ["cat-uot"]);
  const onlyWeek = plan.placeCard(sample(), 2, 2, 0);
  assert.deepEqual(plan.weekGrid(onlyWeek, 5).unplaced.map((item) => item.k), ["cat-uot"], "a week without a day");
});

test("materials are grouped by common name and added where unit and basis agree", () => {
  const groups = plan.combinedMaterials(sample(), CARDS, false);
  const byName = Object.fromEntries(groups.map((group) => [group.name, group]));
  assert.deepEqual(groups.map((group) => group.name), ["vỏ hộp sữa giấy", "sỏi", "kéo", "cát", "bông"]);
  assert.deepEqual(byName["vỏ hộp sữa giấy"].quantities, ["5 mỗi nhóm"]);
  assert.deepEqual(byName["sỏi"].quantities, ["20 mỗi nhóm", "1 nắm mỗi nhóm"]);
  assert.deepEqual(byName["cát"].quantities, ["2 kg"]);
  assert.deepEqual(byName["bông"].quantities, ["vài miếng"]);
  assert.deepEqual(byName["cát"].cards, ["Bình lọc nước", "Cát ướt"]);
  const families = plan.combinedMaterials(sample(), CARDS, true);
  assert.deepEqual(families.map((group) => [group.name, group.quantities, group.cards]), [
    ["vỏ hộp sữa giấy", ["3 mỗi nhóm"], ["Bình lọc nước"]], ["cát", ["1,5 kg"], ["Bình lọc nước"]]],
  "families are asked only for what the cards ask them to send");
  assert.deepEqual(plan.parseQuantity("1,5 lít"), { amount: 1.5, unit: "lít" });
  assert.equal(plan.parseQuantity("một ít"), null);
  assert.deepEqual(plan.cardMaterials(CARDS["cat-uot"]), ["cát (0,5 kg)", "bông (vài miếng)"]);
});

test("a card is found from its address in both kinds of site", () => {
  assert.equal(plan.slugOfAddress("https://truong.edu.vn/kho/hoat-dong/thuyen-la/"), "thuyen-la");
  assert.equal(plan.slugOfAddress("file:///E:/kho/hoat-dong/thuyen-la/index.html#an-toan"), "thuyen-la");
  assert.equal(plan.slugOfAddress("http://localhost:8000/hoat-dong/thuyen-la/?x=1"), "thuyen-la");
  assert.equal(plan.slugOfAddress("file:///E:/kho/index.html"), "kho");
  assert.equal(plan.slugOfAddress("file:///E:/Kho Cua Toi/"), null);
});

test("texts are filled from values, and unknown parts are left as written", () => {
  assert.equal(plan.fillText("Đưa “{title}” lên {n}", { title: "Cát" }), "Đưa “Cát” lên {n}");
});
