/* Kho học liệu STEM mầm non: print buttons. "In thẻ" prints the card, "Phiếu gửi gia đình" the
 * family handout, "In danh sách" a list as a compact table; the print stylesheet does the rest. */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-ks-print]") : null;
    if (!button) return;
    document.documentElement.setAttribute("data-ks-print", button.getAttribute("data-ks-print"));
    window.print();
  });
  window.addEventListener("afterprint", function () {
    document.documentElement.removeAttribute("data-ks-print");
  });
})();
