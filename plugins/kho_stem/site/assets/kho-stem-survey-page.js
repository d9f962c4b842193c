/* Kho học liệu STEM mầm non: the survey page. Ticks live in localStorage (works from file://);
 * the counts and purchases come from kho-stem-survey.js, every label from the survey data. */
(function () {
  "use strict";

  var box = document.querySelector("[data-ks-survey]");
  var KhoStem = window.KhoStem || {};
  var data = KhoStem.surveyData;
  if (!box || !data || !KhoStem.shares || !KhoStem.fold) return;
  var labels = data.labels;
  var key = box.getAttribute("data-ks-storage");
  var PURCHASES = 5;

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || "{}");
      return { school: String(saved.school || ""), have: Array.isArray(saved.have) ? saved.have : [] };
    } catch {
      return { school: "", have: [] };  // storage blocked or a damaged value: start empty
    }
  }

  var state = load();

  function save() {
    try {
      window.localStorage.setItem(key, JSON.stringify(state));
    } catch {
      // Storage blocked (private mode): the page still works until it is closed.
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var list = box.querySelector("[data-ks-survey-items]");
  data.materials.forEach(function (material) {
    var item = element("li", "ks-survey-item");
    item.setAttribute("data-ks-fold", material[2]);
    var label = element("label");
    var tick = element("input");
    tick.type = "checkbox";
    tick.value = material[0];
    tick.checked = state.have.indexOf(material[0]) >= 0;
    label.appendChild(tick);
    label.appendChild(document.createTextNode(" " + material[0] + " "));
    label.appendChild(element("small", "", "(" + labels.needed_by + " " + material[1] + " " + labels.cards + ")"));
    item.appendChild(label);
    list.appendChild(item);
  });
  data.everyday.forEach(function (name) {
    var item = element("li", "ks-survey-item ks-survey-everyday");
    item.setAttribute("data-ks-fold", KhoStem.fold(name));
    var label = element("label");
    var tick = element("input");
    tick.type = "checkbox";
    tick.checked = true;
    tick.disabled = true;
    label.appendChild(tick);
    label.appendChild(document.createTextNode(" " + name + " "));
    label.appendChild(element("small", "", "(" + labels.everyday + ")"));
    item.appendChild(label);
    list.appendChild(item);
  });

  var school = box.querySelector("[data-ks-survey-school]");
  school.value = state.school;

  function money(value) {
    return labels.money.replace("{amount}", value.toLocaleString("vi-VN"));
  }

  function render() {
    var sharesBox = box.querySelector("[data-ks-survey-shares]");
    sharesBox.textContent = "";
    var table = element("table");
    KhoStem.shares(data, state.have).forEach(function (row) {
      var tr = element("tr");
      tr.appendChild(element("th", "", row.label)).setAttribute("scope", "row");
      var percent = row.total ? Math.round(100 * row.ready / row.total) : 0;
      tr.appendChild(element("td", "", row.ready + "/" + row.total + " " + labels.ready + " (" + percent + " %)"));
      tr.setAttribute("data-ks-age", row.age === null ? "" : row.age);
      table.appendChild(tr);
    });
    sharesBox.appendChild(table);
    var buy = box.querySelector("[data-ks-survey-purchases]");
    buy.textContent = "";
    var picked = KhoStem.purchases(data, state.have, PURCHASES);
    if (!picked.length) buy.appendChild(element("li", "", labels.nothing));
    picked.forEach(function (item) {
      var li = element("li");
      li.appendChild(element("strong", "", item.name));
      var text = ": " + labels.needed_by + " " + item.waiting + " " + labels.waiting;
      if (item.unlocks.length) {
        text += "; " + labels.unlocks + " " + item.unlocks.length + " " + labels.cards + ": " + item.unlocks.join("; ");
      }
      if (item.cost) {
        text += "; " + labels.cost + " " + (item.cost[0] === item.cost[1] ? money(item.cost[0])
          : money(item.cost[0]) + "–" + money(item.cost[1]));
      }
      li.appendChild(document.createTextNode(text));
      buy.appendChild(li);
    });
  }

  list.addEventListener("change", function (event) {
    var tick = event.target;
    if (!tick || tick.type !== "checkbox" || tick.disabled) return;
    state.have = state.have.filter(function (name) { return name !== tick.value; });
    if (tick.checked) state.have.push(tick.value);
    save();
    render();
  });
  school.addEventListener("input", function () {
    state.school = school.value;
    save();
  });
  box.querySelector("[data-ks-survey-filter]").addEventListener("input", function (event) {
    var wanted = KhoStem.fold(event.target.value).trim();
    Array.prototype.forEach.call(list.children, function (item) {
      item.hidden = wanted !== "" && item.getAttribute("data-ks-fold").indexOf(wanted) < 0;
    });
  });
  box.querySelector("[data-ks-survey-export]").addEventListener("click", function () {
    var rows = KhoStem.surveyRows(data, state.school, state.have, PURCHASES);
    var blob = new Blob(["\ufeff" + KhoStem.csvText(rows)], { type: "text/csv;charset=utf-8" });
    var link = element("a");
    link.href = URL.createObjectURL(blob);
    link.download = labels.csv_file;
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  box.querySelector("[data-ks-survey-clear]").addEventListener("click", function () {
    if (!window.confirm(labels.confirm_clear)) return;
    state.have = [];
    save();
    Array.prototype.forEach.call(list.querySelectorAll("input:not([disabled])"), function (tick) {
      tick.checked = false;
    });
    render();
  });
  render();
})();
