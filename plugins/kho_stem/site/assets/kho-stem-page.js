/* Kho học liệu STEM mầm non: keyboard access on every page. A table or code block wider than the
 * screen scrolls sideways; a keyboard user must be able to reach it to scroll it (WCAG 2.1.1), so
 * each such region becomes focusable and is named by its caption or first heading cell. */
(function () {
  "use strict";

  function label(region) {
    var caption = region.querySelector("caption, th");
    return caption ? caption.textContent.trim() : "Vùng cuộn ngang";
  }

  function reachScrollingRegions() {
    var regions = document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset pre > code");
    Array.prototype.forEach.call(regions, function (region) {
      if (region.scrollWidth > region.clientWidth && !region.hasAttribute("tabindex")) {
        region.setAttribute("tabindex", "0");
        if (!region.hasAttribute("role")) region.setAttribute("role", "region");
        if (!region.hasAttribute("aria-label")) region.setAttribute("aria-label", label(region));
      }
    });
  }

  // Material wraps tables after its own script runs; the page is complete at "load".
  window.addEventListener("load", reachScrollingRegions);
  window.addEventListener("resize", reachScrollingRegions);
})();
