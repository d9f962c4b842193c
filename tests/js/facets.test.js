/* The catalog's filters and counts against the cases the Python side works out from CardFacts. */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");
const { askPython, asset } = require("./python.js");

const facetsLogic = asset("kho-stem-facets.js");
const { filterCards, countFor, missingMaterials, stateToHash, hashToState } = facetsLogic;

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
  }
  assert.equal(stateToHash(data, hashToState(data, "")), "");
});
