/* Kho học liệu STEM mầm non: "Thêm vào kế hoạch" on card pages and tiles.
 *
 * The button knows its card from where it is: a tile's title link, else the page's own address.
 * It toggles the card in the plan kept in localStorage (kho-stem-plan-core.js); its settings and
 * texts come from the page (the JSON main.html writes from kho_stem/site/plan_parts.py). Tiles the
 * catalog adds later are found as they appear. */
(function () {
  "use strict";

  if (!window.KhoStem || !window.KhoStem.requireParts) {
    throw new Error("kho-stem-plan-button.js needs kho-stem-text.js loaded before it (kho_stem/site/scripts.py)");
  }
  var KhoStem = window.KhoStem.requireParts("kho-stem-plan-button.js", window.KhoStem,
    ["planFromStorage", "planToStorage", "toggleCard", "indexOfCard", "slugOfAddress"]);

  function readConfig() {
    var element = document.querySelector("script[data-ks-plan-config]");
    return element ? JSON.parse(element.textContent) : null;
  }

  function setUp() {
    var config = readConfig();
    if (!config) return;

    function readPlan() {
      try {
        return KhoStem.planFromStorage(window.localStorage.getItem(config.key), config.bounds);
      } catch (error) {
        if (error instanceof DOMException) return null;  // storage turned off: the plan cannot be kept
        throw error;
      }
    }

    function slugOf(button) {
      var tile = button.closest(".ks-tile");
      var link = tile ? tile.querySelector(".ks-tile__title") : null;
      return KhoStem.slugOfAddress(link ? link.href : window.location.href);
    }

    function show(button, plan) {
      var slug = slugOf(button);
      if (!slug || !plan) return;
      var added = KhoStem.indexOfCard(plan, slug) >= 0;
      button.hidden = false;
      button.setAttribute("aria-pressed", added ? "true" : "false");
      button.textContent = added ? config.added : config.add;
      if (added) button.title = config.addedTitle;
      else button.removeAttribute("title");
    }

    function showAll(scope) {
      var plan = readPlan();
      var buttons = scope.querySelectorAll ? scope.querySelectorAll("[data-ks-plan-add]") : [];
      Array.prototype.forEach.call(buttons, function (button) { show(button, plan); });
    }

    document.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-ks-plan-add]") : null;
      var plan = button ? readPlan() : null;
      var slug = button ? slugOf(button) : null;
      if (!plan || !slug) return;
      window.localStorage.setItem(config.key, KhoStem.planToStorage(KhoStem.toggleCard(plan, slug)));
      showAll(document);
    });
    // Another tab (the plan page) changed the plan.
    window.addEventListener("storage", function (event) { if (event.key === config.key) showAll(document); });
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        Array.prototype.forEach.call(change.addedNodes, function (node) {
          if (node.nodeType !== 1) return;
          if (node.matches("[data-ks-plan-add]")) show(node, readPlan());
          else showAll(node);
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
    showAll(document);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
