/* The editor page's setup (kho-stem-cms.js) with the data the build writes into the page. */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");
const { askPython, asset } = require("./python.js");

const { vendoredUrl, preferencesWithLocale, install } = asset("kho-stem-cms.js");
const { data, updateCheck } = askPython({ cms: true }).cms;

test("the CMS's interface strings are fetched from the site's copy", () => {
  for (const name of data.vendored) {
    assert.equal(vendoredUrl(data.cdnPrefix + name, data), data.localBase + name);
  }
  assert.ok(data.vendored.includes("locales/vi.json"));
});

test("any other address is left alone, including other versions and other packages", () => {
  const other = data.cdnPrefix.replace(/@[^/]+\/$/, "@0.0.1/");
  for (const url of [other + "locales/vi.json", data.cdnPrefix + "locales/xx.json", "https://api.github.com/user",
    "config.yml", data.cdnPrefix]) {
    assert.equal(vendoredUrl(url, data), url);
  }
  assert.equal(vendoredUrl(undefined, data), undefined);
});

test("the interface language is Vietnamese unless the teacher chose one", () => {
  assert.deepEqual(preferencesWithLocale(null, "vi"), { locale: "vi" });
  assert.deepEqual(preferencesWithLocale("{\"theme\":\"dark\"}", "vi"), { theme: "dark", locale: "vi" });
  assert.deepEqual(preferencesWithLocale("{\"locale\":\"en\"}", "vi"), { locale: "en" });
  assert.deepEqual(preferencesWithLocale("not json", "vi"), { locale: "vi" });
  assert.deepEqual(preferencesWithLocale("[1]", "vi"), { locale: "vi" });
});

function fakeWindow(pageData) {
  const stored = {};
  const fetched = [];
  return {
    fetched,
    stored,
    document: { getElementById: (id) => (id === "kho-stem-cms-data" && pageData ?
      { textContent: JSON.stringify(pageData) } : null) },
    fetch: (url) => { fetched.push(url); return Promise.resolve({ status: 200 }); },
    Response: function (body, init) { this.status = init.status; this.ok = false; },
    localStorage: { getItem: (key) => stored[key] || null, setItem: (key, value) => { stored[key] = value; } }
  };
}

test("installed on a page: locales from the site, the update check answered here, Vietnamese by default", async () => {
  const win = fakeWindow(data);
  install(win);
  await win.fetch(data.cdnPrefix + "locales/vi.json");
  const refused = await win.fetch(updateCheck);
  assert.deepEqual(win.fetched, [data.localBase + "locales/vi.json"]);
  assert.equal(refused.status, 404);
  assert.equal(JSON.parse(win.stored[data.prefsKey]).locale, "vi");
});

test("a page without the data says so", () => {
  assert.throws(() => install(fakeWindow(null)), /kho-stem-cms-data/);
});
