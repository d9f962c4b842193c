/* Kho học liệu STEM mầm non: the plan page ("Kế hoạch của tôi").
 *
 * Shows and edits the plan kept in localStorage: its name, the cards in order (up/down buttons),
 * each placed in a week and a day, a note per card; the week table, the combined materials, the
 * share link with its QR code (qrcode-generator, vendored), and "In tất cả thẻ", which loads each
 * card's printable body (a script beside its page: file:// pages cannot fetch) and prints them.
 * The logic is kho-stem-plan-core.js; the texts and card facts come from plan-data.js. */
(function () {
  "use strict";

  var KhoStem = window.KhoStem.requireParts("kho-stem-plan.js", window.KhoStem,
    ["planFromStorage", "planToStorage", "planFromHash", "shareHash", "keepKnown", "samePlan", "moveCard",
      "removeCard", "placeCard", "noteCard", "renamePlan", "weekGrid", "combinedMaterials", "cardMaterials",
      "fillText", "element"]);
  var element = KhoStem.element;
  var fill = KhoStem.fillText;

  function setUp() {
    var root = document.querySelector("[data-ks-plan-page]");
    var data = window.KhoStemPlanData;
    if (!root || !data) return;
    var texts = data.texts;
    var cards = data.cards;
    var siteRoot = root.getAttribute("data-ks-root");
    var status = root.querySelector("[data-ks-plan-status]");
    var nameInput = root.querySelector("[data-ks-plan-name]");
    var list = root.querySelector("[data-ks-plan-items]");
    var rowTemplate = root.querySelector("template[data-ks-plan-row]").content.firstElementChild;
    var plan;

    function readStored() {
      return KhoStem.planFromStorage(window.localStorage.getItem(data.storageKey), data.bounds);
    }

    function save(changed) {
      plan = changed;
      window.localStorage.setItem(data.storageKey, KhoStem.planToStorage(plan));
    }

    function say(text) {
      status.textContent = text;
    }

    function titleOf(item) {
      return cards[item.k] ? cards[item.k].t : fill(texts.missing, { slug: item.k });
    }

    function cardAddress(card) {
      return new URL(siteRoot + card.u, window.location.href).href;
    }

    function options(select, labels, chosen) {
      select.appendChild(element("option", null, texts.unplaced)).value = "0";
      labels.forEach(function (label, index) {
        select.appendChild(element("option", null, label)).value = String(index + 1);
      });
      select.value = String(chosen);
    }

    function badges(card) {
      var holder = document.createDocumentFragment();
      card.a.forEach(function (age) { holder.appendChild(element("span", "ks-badge ks-badge--age", age)); });
      holder.appendChild(element("span", "ks-badge ks-badge--duration", fill(texts.duration, { minutes: card.n })));
      return holder;
    }

    /* -- the list of cards ------------------------------------------------------------------- */
    function row(item, index) {
      var li = rowTemplate.cloneNode(true);
      var card = cards[item.k];
      var title = titleOf(item);
      var named = { title: title };
      li.setAttribute("data-ks-plan-index", String(index));
      li.querySelector(".ks-plan-item__position").textContent = (index + 1) + ".";
      var link = li.querySelector(".ks-plan-item__title");
      link.textContent = title;
      if (card) {
        link.href = siteRoot + card.u;
        li.querySelector(".ks-plan-item__badges").appendChild(badges(card));
      }
      var week = li.querySelector("[data-ks-plan-week]");
      var day = li.querySelector("[data-ks-plan-day]");
      options(week, data.weeks, item.w);
      options(day, data.days, item.d);
      week.setAttribute("aria-label", fill(texts.weekLabel, named));
      day.setAttribute("aria-label", fill(texts.dayLabel, named));
      var note = li.querySelector("[data-ks-plan-note]");
      note.value = item.n;
      note.maxLength = data.bounds.limits.note;
      note.setAttribute("aria-label", fill(texts.noteLabel, named));
      var up = li.querySelector("[data-ks-plan-move='-1']");
      var down = li.querySelector("[data-ks-plan-move='1']");
      up.setAttribute("aria-label", fill(texts.upLabel, named));
      down.setAttribute("aria-label", fill(texts.downLabel, named));
      up.disabled = index === 0;
      down.disabled = index === plan.items.length - 1;
      li.querySelector("[data-ks-plan-remove]").setAttribute("aria-label", fill(texts.removeLabel, named));
      return li;
    }

    function showList(focus) {
      list.textContent = "";
      plan.items.forEach(function (item, index) { list.appendChild(row(item, index)); });
      root.querySelector("[data-ks-plan-empty]").hidden = plan.items.length > 0;
      if (nameInput !== document.activeElement) nameInput.value = plan.name;
      nameInput.maxLength = data.bounds.limits.name;
      if (focus) {
        var target = list.querySelector("[data-ks-plan-index='" + focus.index + "'] " + focus.selector);
        // A moved card's button may now be disabled (first or last place): keep the focus in its row.
        if (target && target.disabled) target = target.parentNode.querySelector("button:not([disabled])");
        if (target) target.focus();
      }
    }

    /* -- what the plan gives: the week table, materials, share link ---------------------------- */
    function cellContent(cell, item) {
      var card = cards[item.k];
      var block = element("div", "ks-plan-entry");
      block.appendChild(element("strong", null, titleOf(item)));
      if (card) {
        block.appendChild(element("span", "ks-plan-entry__facts",
          card.a.join(", ") + " · " + fill(texts.duration, { minutes: card.n })));
        block.appendChild(element("span", "ks-plan-entry__materials", texts.prepare + KhoStem.cardMaterials(card).join("; ")));
      }
      if (item.n) block.appendChild(element("em", "ks-plan-entry__note", item.n));
      cell.appendChild(block);
    }

    function showTable() {
      var grid = KhoStem.weekGrid(plan, data.days.length);
      var table = root.querySelector("[data-ks-plan-table]");
      table.textContent = "";
      var head = table.appendChild(element("thead")).appendChild(element("tr"));
      head.appendChild(element("th", null, "")).setAttribute("scope", "col");
      data.days.forEach(function (label) { head.appendChild(element("th", null, label)).setAttribute("scope", "col"); });
      var body = table.appendChild(element("tbody"));
      grid.rows.forEach(function (weekRow) {
        var tr = body.appendChild(element("tr"));
        tr.appendChild(element("th", null, data.weeks[weekRow.week - 1])).setAttribute("scope", "row");
        weekRow.cells.forEach(function (items) {
          var cell = tr.appendChild(element("td"));
          items.forEach(function (item) { cellContent(cell, item); });
        });
      });
      table.hidden = grid.rows.length === 0;
      var unplaced = root.querySelector("[data-ks-plan-unplaced]");
      var unplacedList = root.querySelector("[data-ks-plan-unplaced-list]");
      unplacedList.textContent = "";
      grid.unplaced.forEach(function (item) { cellContent(unplacedList.appendChild(element("li")), item); });
      unplaced.hidden = grid.unplaced.length === 0;
    }

    function materialList(list, groups) {
      list.textContent = "";
      groups.forEach(function (group) {
        var item = list.appendChild(element("li"));
        item.appendChild(element("strong", null, group.name));
        if (group.quantities.length) item.appendChild(document.createTextNode(": " + group.quantities.join(" + ")));
        item.appendChild(element("span", "ks-note", " — " + fill(texts.forCards, { titles: group.cards.join(", ") })));
      });
    }

    function showMaterials() {
      materialList(root.querySelector("[data-ks-plan-materials]"), KhoStem.combinedMaterials(plan, cards, false));
      var families = KhoStem.combinedMaterials(plan, cards, true);
      materialList(root.querySelector("[data-ks-plan-families]"), families);
      root.querySelector("[data-ks-plan-families-part]").hidden = !families.length;
    }

    function qrCode(text) {
      var holder = root.querySelector("[data-ks-plan-qr]");
      var old = holder.querySelector("svg, .ks-plan__qr-too-long");
      if (old) holder.removeChild(old);
      var code;
      try {
        code = window.qrcode(0, "L");
        code.addData(text);
        code.make();
      } catch (error) {
        // The library throws this text when the link is longer than the largest QR code holds.
        if (!/overflow/.test(String(error))) throw error;
        holder.insertBefore(element("p", "ks-plan__qr-too-long", texts.qrTooLong), holder.firstChild);
        return;
      }
      var size = code.getModuleCount();
      var margin = 4;
      var path = "";
      for (var y = 0; y < size; y++) {
        for (var x = 0; x < size; x++) if (code.isDark(y, x)) path += "M" + (x + margin) + " " + (y + margin) + "h1v1h-1z";
      }
      var ns = "http://www.w3.org/2000/svg";
      var svg = document.createElementNS(ns, "svg");
      var full = size + 2 * margin;
      svg.setAttribute("viewBox", "0 0 " + full + " " + full);
      svg.setAttribute("class", "ks-plan__qr-code");
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", holder.querySelector("figcaption").textContent);
      var background = svg.appendChild(document.createElementNS(ns, "rect"));
      background.setAttribute("width", String(full));
      background.setAttribute("height", String(full));
      background.setAttribute("fill", "#fff");
      var modules = svg.appendChild(document.createElementNS(ns, "path"));
      modules.setAttribute("d", path);
      modules.setAttribute("fill", "#000");
      holder.insertBefore(svg, holder.firstChild);
    }

    function showShare() {
      var address = window.location.href.split("#")[0] + KhoStem.shareHash(plan, data.shareKey, data.version);
      root.querySelector("[data-ks-plan-link]").value = address;
      qrCode(address);
    }

    function showAll(focus) {
      showList(focus);
      root.querySelector("[data-ks-plan-title]").textContent = (plan.name || texts.noName) + " · " +
        fill(texts.count, { count: plan.items.length });
      root.querySelector("[data-ks-plan-result]").hidden = plan.items.length === 0;
      showTable();
      showMaterials();
      showShare();
    }

    /* -- editing ----------------------------------------------------------------------------- */
    function indexOf(target) {
      var li = target.closest("[data-ks-plan-index]");
      return li ? Number(li.getAttribute("data-ks-plan-index")) : -1;
    }

    list.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      var index = button ? indexOf(button) : -1;
      if (index < 0) return;
      var title = titleOf(plan.items[index]);
      if (button.hasAttribute("data-ks-plan-move")) {
        var moved = KhoStem.moveCard(plan, index, Number(button.getAttribute("data-ks-plan-move")));
        save(moved.plan);
        showAll({ index: moved.index, selector: "[data-ks-plan-move='" + button.getAttribute("data-ks-plan-move") + "']" });
        say(fill(texts.moved, { title: title, position: moved.index + 1 }));
      } else if (button.hasAttribute("data-ks-plan-remove")) {
        save(KhoStem.removeCard(plan, index));
        var next = Math.min(index, plan.items.length - 1);
        showAll(next >= 0 ? { index: next, selector: "[data-ks-plan-remove]" } : null);
        if (next < 0) nameInput.focus();
        say(fill(texts.removed, { title: title }));
      }
    });
    list.addEventListener("change", function (event) {
      var index = indexOf(event.target);
      if (index < 0) return;
      var li = list.children[index];
      if (event.target.matches("select")) {
        var week = Number(li.querySelector("[data-ks-plan-week]").value);
        var day = Number(li.querySelector("[data-ks-plan-day]").value);
        save(KhoStem.placeCard(plan, index, week, day));
        showAll({ index: index, selector: event.target.hasAttribute("data-ks-plan-week")
          ? "[data-ks-plan-week]" : "[data-ks-plan-day]" });
      } else if (event.target.matches("[data-ks-plan-note]")) {
        save(KhoStem.noteCard(plan, index, event.target.value));
        showAll({ index: index, selector: "[data-ks-plan-note]" });
      }
    });
    nameInput.addEventListener("input", function () {
      save(KhoStem.renamePlan(plan, nameInput.value));
      root.querySelector("[data-ks-plan-title]").textContent = (plan.name || texts.noName) + " · " +
        fill(texts.count, { count: plan.items.length });
      showShare();
    });
    window.addEventListener("storage", function (event) {
      if (event.key === data.storageKey) {
        plan = readStored();
        showAll(null);
      }
    });

    /* -- share: copy the link, open a shared plan --------------------------------------------- */
    root.querySelector("[data-ks-plan-copy]").addEventListener("click", function () {
      var field = root.querySelector("[data-ks-plan-link]");
      field.select();
      // execCommand works from file:// too, where the Clipboard API is refused.
      say(document.execCommand("copy") ? texts.copied : texts.copyFailed);
    });

    function forgetAddress() {
      window.history.replaceState(null, "", window.location.href.split("#")[0]);
    }

    function openShared() {
      var shared = KhoStem.planFromHash(window.location.hash, data.shareKey, data.version, data.bounds);
      if (!shared.shared) return;
      if (!shared.plan) {
        forgetAddress();
        say(texts.importBad);
        return;
      }
      var known = KhoStem.keepKnown(shared.plan, cards);
      var dropped = known.dropped ? " " + fill(texts.dropped, { count: known.dropped }) : "";
      var incoming = known.plan;
      function accept() {
        save(incoming);
        forgetAddress();
        showAll(null);
        say(fill(texts.imported, { name: incoming.name || texts.noName }) + dropped);
      }
      if ((!plan.items.length && !plan.name) || KhoStem.samePlan(plan, incoming)) {
        accept();
        return;
      }
      // Never overwrite the plan on this device without asking.
      var ask = root.querySelector("[data-ks-plan-import]");
      ask.querySelector("[data-ks-plan-import-text]").textContent = fill(texts.importAsk, {
        name: incoming.name || texts.noName, count: incoming.items.length,
        current: plan.name || texts.noName, currentCount: plan.items.length }) + dropped;
      ask.hidden = false;
      ask.querySelector("[data-ks-plan-import-replace]").onclick = function () { ask.hidden = true; accept(); };
      ask.querySelector("[data-ks-plan-import-keep]").onclick = function () {
        ask.hidden = true;
        forgetAddress();
        showShare();
        say(texts.kept);
      };
      ask.querySelector("[data-ks-plan-import-replace]").focus();
    }

    // A link pasted from anywhere (another offline copy lives at another address): its plan only.
    root.querySelector("[data-ks-plan-paste]").addEventListener("submit", function (event) {
      event.preventDefault();
      var field = root.querySelector("[data-ks-plan-paste-link]");
      var hash = field.value.trim();
      hash = hash.indexOf("#") >= 0 ? hash.slice(hash.indexOf("#")) : "";
      field.value = "";
      if (hash && hash !== window.location.hash) window.location.hash = hash;  // hashchange opens it
      else if (hash) openShared();
      else say(texts.importBad);
    });

    /* -- "In tất cả thẻ" --------------------------------------------------------------------- */
    var printed = root.querySelector("[data-ks-plan-cards]");

    function loadPrintable(item, done) {
      var card = cards[item.k];
      var loaded = window.KhoStemCardPrint || {};
      if (!card || loaded[item.k]) return done();
      var script = document.createElement("script");
      script.src = new URL(data.printFile, cardAddress(card)).href;
      script.onload = function () { done(); };
      script.onerror = function () { say(fill(texts.printFailed, { title: card.t })); done(); };
      document.head.appendChild(script);
    }

    /* The card's body with its links and images pointing where they do from the card's own page. */
    function printableCard(item) {
      var card = cards[item.k];
      var article = element("article", "ks-plan-card");
      article.appendChild(element("h1", null, card.t));
      var body = element("div");
      body.innerHTML = window.KhoStemCardPrint[item.k];  // the site's own rendered, sanitised card page
      var base = cardAddress(card);
      Array.prototype.forEach.call(body.querySelectorAll("[src], [href]"), function (node) {
        ["src", "href"].forEach(function (name) {
          var value = node.getAttribute(name);
          if (value && value.charAt(0) !== "#") node.setAttribute(name, new URL(value, base).href);
        });
      });
      while (body.firstChild) article.appendChild(body.firstChild);
      return article;
    }

    root.querySelector("[data-ks-plan-print-cards]").addEventListener("click", function () {
      var waiting = plan.items.length;
      if (!waiting) return;
      function ready() {
        waiting -= 1;
        if (waiting) return;
        printed.textContent = "";
        plan.items.forEach(function (item) {
          if (cards[item.k] && window.KhoStemCardPrint && window.KhoStemCardPrint[item.k]) {
            printed.appendChild(printableCard(item));
          }
        });
        document.documentElement.setAttribute("data-ks-print", printed.getAttribute("data-ks-print-mode"));
        window.print();
      }
      plan.items.forEach(function (item) { loadPrintable(item, ready); });
    });
    window.addEventListener("afterprint", function () { printed.textContent = ""; });

    plan = readStored();
    showAll(null);
    openShared();
    window.addEventListener("hashchange", openShared);
    root.setAttribute("data-ks-ready", "");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
