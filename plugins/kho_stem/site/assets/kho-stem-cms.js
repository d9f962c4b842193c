/* Kho học liệu STEM mầm non: the editor page's setup, run before the CMS script (bien-tap/).
 *
 * The CMS asks its CDN for its interface strings (locales/vi.json). The build copies those files
 * beside the script, so that request is answered by the site itself; its check for a newer version
 * (the version is pinned in package.json) and its look at GitHub's status page are answered "not
 * found" (data.refused): the page makes no request outside the site until a teacher signs in. The CDN prefix and the local folder come from the page's data
 * (<script id="kho-stem-cms-data">, written by kho_stem/site/editor_page.py), never typed here.
 *
 * A plain script like kho-stem-text.js: window.KhoStem in a browser, module.exports under Node. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    root.KhoStem = Object.assign(root.KhoStem || {}, api);
    api.install(root);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /* The address to fetch instead of `url`: a file the build vendored (under `localBase`) when `url`
   * is one of `vendored` below the CDN prefix, else `url` itself. */
  function vendoredUrl(url, data) {
    if (typeof url !== "string" || url.indexOf(data.cdnPrefix) !== 0) return url;
    var rest = url.slice(data.cdnPrefix.length);
    return data.vendored.indexOf(rest) >= 0 ? data.localBase + rest : url;
  }

  /* The stored preferences with the interface language set to `locale` unless one was chosen. */
  function preferencesWithLocale(stored, locale) {
    var prefs = {};
    try {
      prefs = JSON.parse(stored || "{}") || {};
    } catch {
      prefs = {};
    }
    if (typeof prefs !== "object" || Array.isArray(prefs)) prefs = {};
    if (!prefs.locale) prefs.locale = locale;
    return prefs;
  }

  function install(win) {
    var node = win.document && win.document.getElementById("kho-stem-cms-data");
    if (!node) throw new Error("kho-stem-cms.js: the page has no #kho-stem-cms-data");
    var data = JSON.parse(node.textContent);
    var originalFetch = win.fetch.bind(win);
    win.fetch = function (input, init) {
      if (typeof input === "string" && data.refused.indexOf(input) >= 0) {
        return Promise.resolve(new win.Response(null, { status: 404 }));
      }
      return originalFetch(typeof input === "string" ? vendoredUrl(input, data) : input, init);
    };
    try {
      var key = data.prefsKey;
      win.localStorage.setItem(key, JSON.stringify(preferencesWithLocale(win.localStorage.getItem(key), data.locale)));
    } catch {
      // Storage refused (private mode): the CMS then follows the browser's language.
    }
  }

  return {
    vendoredUrl: vendoredUrl,
    preferencesWithLocale: preferencesWithLocale,
    install: install
  };
});
