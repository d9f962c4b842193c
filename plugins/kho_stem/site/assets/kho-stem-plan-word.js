/* Kho học liệu STEM mầm non: the plan page's "Tải giáo án cả kế hoạch (Word)".
 *
 * On click, loads the giáo án template (giao-an-mau.js) and the giáo án of each card of the plan
 * (giao-an.js beside its page) by adding <script> elements, which work from file:// where fetch()
 * does not; then joins them into one .docx (kho-stem-docx.js), packs it (kho-stem-zip.js) and
 * hands it to the browser as a download. Texts, labels and file names come from plan-data.js. */
(function () {
  "use strict";

  var KhoStem = window.KhoStem.requireParts("kho-stem-plan-word.js", window.KhoStem,
    ["planFromStorage", "weekGrid", "fillText", "fold", "planDocxFiles", "docxFileName", "storedZip"]);
  var fill = KhoStem.fillText;
  var DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /* Runs done(true) once the script at address has run, done(false) when it cannot load. */
  function loadScript(address, done) {
    var script = document.createElement("script");
    script.src = address;
    script.onload = function () { done(true); };
    script.onerror = function () { done(false); };
    document.head.appendChild(script);
  }

  function setUp() {
    var root = document.querySelector("[data-ks-plan-page]");
    var data = window.KhoStemPlanData;
    var button = root && root.querySelector("[data-ks-plan-docx]");
    if (!button || !data) return;
    var settings = data.docx;
    var texts = settings.texts;
    var cards = data.cards;
    var siteRoot = root.getAttribute("data-ks-root");
    var status = root.querySelector("[data-ks-plan-status]");

    function say(text) {
      status.textContent = text;
    }

    function cardScript(slug) {
      var page = new URL(siteRoot + cards[slug].u, window.location.href);
      return new URL(settings.cardFile, page).href;
    }

    /* The entry as the plan page's week table shows it (kho-stem-plan.js, cellContent). */
    function describe(item) {
      var card = cards[item.k];
      return { title: card.t, facts: card.a.join(", ") + " · " + fill(data.texts.duration, { minutes: card.n }) };
    }

    /* Loads what is missing of the template and of the cards' giáo án, then calls done(). */
    function loadAll(slugs, done) {
      var waiting = 1 + slugs.length;
      function one() {
        waiting -= 1;
        if (!waiting) done();
      }
      if (window[settings.templateGlobal]) one();
      else loadScript(new URL(siteRoot + settings.template, window.location.href).href, one);
      slugs.forEach(function (slug) {
        var loaded = window[settings.cardsGlobal] || {};
        if (loaded[slug]) one();
        else loadScript(cardScript(slug), one);
      });
    }

    function download(bytes, name) {
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([bytes], { type: DOCX_TYPE }));
      link.download = name;
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    }

    function build(plan) {
      var template = window[settings.templateGlobal];
      if (!template) {
        say(texts.templateMissing);
        return;
      }
      var loaded = window[settings.cardsGlobal] || {};
      var missing = [];
      var kept = { name: plan.name, items: plan.items.filter(function (item) {
        if (loaded[item.k]) return true;
        missing.push(fill(texts.cardMissing, { title: cards[item.k].t }));
        return false;
      }) };
      var name = plan.name || data.texts.noName;
      var files = KhoStem.planDocxFiles(template, KhoStem.weekGrid(kept, data.days.length),
        kept.items.map(function (item) { return loaded[item.k]; }), describe,
        { weeks: data.weeks, days: data.days, name: name, texts: texts,
          count: fill(texts.coverCount, { count: kept.items.length }) });
      var fileName = KhoStem.docxFileName(plan.name, settings.filePrefix, settings.fileFallback, KhoStem.fold);
      download(KhoStem.storedZip(files), fileName);
      say([fill(texts.done, { file: fileName })].concat(missing).join(" "));
    }

    button.addEventListener("click", function () {
      var plan = KhoStem.planFromStorage(window.localStorage.getItem(data.storageKey), data.bounds);
      plan.items = plan.items.filter(function (item) { return Object.prototype.hasOwnProperty.call(cards, item.k); });
      if (!plan.items.length) return;
      button.disabled = true;
      say(fill(texts.working, { count: plan.items.length }));
      loadAll(plan.items.map(function (item) { return item.k; }), function () {
        button.disabled = false;
        build(plan);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
