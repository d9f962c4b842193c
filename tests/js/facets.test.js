/* The catalog's filters and counts against the cases the Python side works out from CardFacts. */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");
const { askPython, asset } = require("./python.js");

const facetsLogic = asset("kho-stem-facets.js");
const { filterCards, countFor, missingMaterials, stateToHash, hashToState } = facetsLogic;
const { classReadiness, classGroups, swapText, missingText } = facetsLogic;

const library = askPython({ library: true });
const data = library.data;

test("the data names every facet role the script uses", () => {
  for (const role of ["ages", "topics", "materials"]) {
    assert.ok(facetsLogic.facetByKey(data, data.keys[role]), role);
  }
  const excluding = data.facets.filter((facet) => facet.excludes);
  assert.equal(excluding.length, 1);
  assert.ok(excluding[0].none && !excluding[0].values.some((value) => value[0] === excluding[0].none));
});

test("filters keep the cards Python keeps, in the same order", () => {
  assert.ok(library.cases.length > 10);
  for (const wanted of library.cases) {
    const missing = missingMaterials(data, wanted.state.have);
    const result = filterCards(data, wanted.state, null, missing);
    assert.deepEqual(result.found, wanted.found, JSON.stringify(wanted.state));
  }
});

test("every filter value shows the count Python gives it", () => {
  for (const wanted of library.cases) {
    const missing = missingMaterials(data, wanted.state.have);
    const counts = filterCards(data, wanted.state, null, missing).counts;
    for (const key of Object.keys(wanted.counts)) {
      for (const value of Object.keys(wanted.counts[key])) {
        assert.equal(countFor(data, counts, key, value), wanted.counts[key][value],
          `${key}=${value} in ${JSON.stringify(wanted.state)}`);
      }
    }
  }
});

test("a query's scores leave out cards that do not match and rank the rest", () => {
  const state = hashToState(data, "");
  const scores = data.cards.map((card, index) => (index % 2 ? 0 : index));
  const missing = missingMaterials(data, []);
  const found = filterCards(data, state, scores, missing).found;
  assert.deepEqual(found, scores.map((points, index) => [points, index]).filter((hit) => hit[0])
    .sort((a, b) => b[0] - a[0]).map((hit) => hit[1]));
});

test("the state goes to the address and back", () => {
  for (const wanted of library.cases) {
    const state = Object.assign({}, wanted.state, { q: "nước đá" });
    delete state.have;
    const back = hashToState(data, stateToHash(data, state));
    for (const facet of data.facets) {
      assert.deepEqual(back.facets[facet.key], state.facets[facet.key] || []);
    }
    assert.equal(back.q, "nước đá");
    assert.equal(back.reviewed, state.reviewed);
    assert.equal(back.classMode, state.classMode);
    assert.equal(back.materialsAll, Boolean(state.materialsAll));
  }
  assert.equal(stateToHash(data, hashToState(data, "")), "");
});

/* -- "Lớp em có gì?" and the materials facet's "every ticked material" ------------------------ */

const table = data.classMaterials;
const named = (name) => table.names.indexOf(name);
const classState = (have) => Object.assign(hashToState(data, ""), { classMode: true, have: have });

test("what each card lacks is what Python works out, with the everyday materials and substitutes", () => {
  const classCases = library.cases.filter((wanted) => wanted.state.classMode);
  assert.ok(classCases.length >= 4);
  for (const wanted of library.cases) {
    const missing = classReadiness(data, wanted.state.have).missing;
    assert.deepEqual(missing.map((lacked) => lacked.length), wanted.lacking, JSON.stringify(wanted.state.have));
  }
});

test("the rural class of issue 23 finds ready cards, and groups lacking one and two things", () => {
  const readiness = classReadiness(data, library.ruralClass);
  const found = filterCards(data, classState(library.ruralClass), null, readiness.missing).found;
  const groups = classGroups(data, found, readiness.missing);
  assert.equal(groups.length, 3);
  assert.ok(groups[0].cards.length >= 1, "ready cards");
  assert.ok(groups[2].cards.length >= 1, "cards lacking two things");
  assert.deepEqual(groups.map((group) => group.cards.length).reduce((a, b) => a + b), found.length);
  assert.match(groups[2].heading, new RegExp(`\\(${groups[2].cards.length}\\)$`));
  // Found in order: ready first, then one short, then two.
  assert.deepEqual(found, groups.flatMap((group) => group.cards));
  assert.ok(found.every((index) => readiness.missing[index].length <= 2));
});

test("everyday materials count as had without a tick", () => {
  assert.ok(named("nước") >= 0 && table.everyday.includes(named("nước")));
  const missing = classReadiness(data, []).missing;
  for (const lacked of missing) {
    for (const position of lacked) assert.ok(!table.everyday.includes(position), table.names[position]);
  }
  const watery = data.cards.findIndex((card) => card.m.some((need) => need.includes(named("nước"))));
  assert.ok(watery >= 0 && !missing[watery].includes(named("nước")));
});

test("a substitute the class has stands in, and the tile says which", () => {
  const bottle = named("chai nhựa");
  const jar = named("lọ nhựa");
  assert.ok(table.substitutes[bottle].includes(jar), "lọ nhựa stands in for chai nhựa (materials.yml)");
  const needing = data.cards.findIndex((card) => card.m.some((need) => need.length === 1 && need[0] === bottle));
  assert.ok(needing >= 0);
  const without = classReadiness(data, []);
  assert.ok(without.missing[needing].includes(bottle));
  const withJar = classReadiness(data, ["lọ nhựa"]);
  assert.ok(!withJar.missing[needing].includes(bottle));
  assert.deepEqual(withJar.swaps[needing].filter((pair) => pair[1] === bottle), [[jar, bottle]]);
  assert.equal(swapText(data, [[jar, bottle]]), "Dùng lọ nhựa thay chai nhựa");
  const withBottle = classReadiness(data, ["chai nhựa", "lọ nhựa"]);
  assert.ok(!withBottle.swaps[needing].some((pair) => pair[1] === bottle), "no swap when the class has the material");
});

test("either way of a need meets it, and the lacking names are written from the data", () => {
  const mini = {
    cards: [{ m: [[0, 1], [2]] }],
    classMaterials: Object.assign({}, table, {
      names: ["khối xếp hình", "hộp các-tông", "que kem"], everyday: [], substitutes: [[], [], []]
    })
  };
  assert.deepEqual(classReadiness(mini, ["hộp các-tông"]).missing, [[2]]);
  assert.deepEqual(classReadiness(mini, []).missing, [[0, 2]]);
  assert.equal(missingText(mini, [0, 2]), "khối xếp hình, que kem");
  assert.deepEqual(missingMaterials(mini, ["khối xếp hình", "que kem"]), [[]]);
});

test("'chỉ những thứ đã chọn' keeps the cards having every ticked material", () => {
  const key = data.keys.materials;
  const facet = facetsLogic.facetByKey(data, key);
  const chosen = ["nước", "cốc nhựa"];
  const at = chosen.map((name) => facet.values.findIndex((value) => value[0] === name));
  assert.ok(at.every((position) => position >= 0));
  const base = hashToState(data, "");
  base.facets[key] = chosen;
  const missing = missingMaterials(data, []);
  const any = filterCards(data, base, null, missing).found;
  const every = filterCards(data, Object.assign({}, base, { materialsAll: true }), null, missing).found;
  assert.ok(every.length > 0 && every.length < any.length, `${every.length} of ${any.length}`);
  assert.deepEqual(every, any.filter((index) => at.every((position) => data.cards[index][key].includes(position))));
  assert.equal(hashToState(data, stateToHash(data, Object.assign({}, base, { materialsAll: true }))).materialsAll, true);
});
