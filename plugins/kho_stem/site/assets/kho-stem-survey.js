/* Kho học liệu STEM mầm non: the school's materials survey (pure logic, no page).
 *
 * The data comes from kho_stem/site/materials_pages.py: materials [name, cards using it, folded
 * name], each card as [title, href, age codes, positions of the materials it needs, cost or null],
 * and the age bands. What every class has (water, paper…) is never among a card's needs. A plain
 * script like kho-stem-facets.js: window.KhoStem in a browser, module.exports under Node. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.KhoStem = Object.assign(root.KhoStem || {}, api);
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var NEEDS = 3;
  var AGES = 2;
  var COST = 4;

  /* Positions of the ticked material names; names the data no longer has are ignored. */
  function haveSet(data, ticked) {
    var have = {};
    var at = {};
    data.materials.forEach(function (material, index) { at[material[0]] = index; });
    (ticked || []).forEach(function (name) { if (name in at) have[at[name]] = true; });
    return have;
  }

  function missing(card, have) {
    return card[NEEDS].filter(function (index) { return !have[index]; });
  }

  /* Cards a school can run now, for each age band and for the whole school. */
  function shares(data, ticked) {
    var have = haveSet(data, ticked);
    var ready = data.cards.map(function (card) { return missing(card, have).length === 0; });
    function count(age) {
      var total = 0;
      var runnable = 0;
      data.cards.forEach(function (card, index) {
        if (age !== null && card[AGES].indexOf(age) < 0) return;
        total += 1;
        if (ready[index]) runnable += 1;
      });
      return { age: age, ready: runnable, total: total };
    }
    var rows = data.ages.map(function (age) {
      var row = count(age[0]);
      row.label = age[1];
      return row;
    });
    var school = count(null);
    school.label = data.schoolLabel;
    rows.push(school);
    return rows;
  }

  /* The next purchases. As the minimum list (kho_stem/catalog/minimum_list.py) does: take the
   * waiting card that lacks the fewest materials (and no more than the purchases left), ties going
   * to the card whose missing materials most waiting cards need; buy what it lacks, most needed
   * first. When no card can be completed, buy the material most waiting cards need. Each purchase
   * says which cards it completes (with what was bought before it) and how many cards need it. */
  function purchases(data, ticked, limit) {
    var have = haveSet(data, ticked);
    var picked = [];
    var done = data.cards.map(function (card) { return missing(card, have).length === 0; });
    while (picked.length < limit) {
      var demand = {};
      var waiting = [];
      data.cards.forEach(function (card, index) {
        if (done[index]) return;
        var lacks = missing(card, have);
        waiting.push(lacks);
        lacks.forEach(function (material) { demand[material] = (demand[material] || 0) + 1; });
      });
      if (!waiting.length) break;
      var budget = limit - picked.length;
      var best = null;
      waiting.forEach(function (lacks) {
        if (lacks.length > budget) return;
        var weight = lacks.reduce(function (sum, material) { return sum + demand[material]; }, 0);
        if (best === null || lacks.length < best.lacks.length ||
            (lacks.length === best.lacks.length && weight > best.weight)) best = { lacks: lacks, weight: weight };
      });
      var mostNeeded = function (a, b) {
        return demand[b] - demand[a] || (data.materials[a][2] < data.materials[b][2] ? -1 : 1);
      };
      var next = best ? best.lacks.slice().sort(mostNeeded)
        : [Object.keys(demand).map(Number).sort(mostNeeded)[0]];
      next.forEach(function (material) {
        have[material] = true;
        var opened = [];
        data.cards.forEach(function (card, index) {
          if (!done[index] && missing(card, have).length === 0) {
            done[index] = true;
            opened.push(card);
          }
        });
        var costs = opened.map(function (card) { return card[COST]; })
          .filter(function (cost) { return typeof cost === "number"; });
        picked.push({
          name: data.materials[material][0],
          unlocks: opened.map(function (card) { return card[0]; }),
          waiting: demand[material],
          cost: costs.length ? [Math.min.apply(null, costs), Math.max.apply(null, costs)] : null
        });
      });
    }
    return picked;
  }

  /* The rows of the CSV a school sends to the district: its name, the counts, what it has, what
   * it should buy. Labels come with the data. */
  function surveyRows(data, school, ticked, limit) {
    var labels = data.labels;
    var have = haveSet(data, ticked);
    var rows = [labels.csv_header, [labels.csv_school, school || "", ""]];
    shares(data, ticked).forEach(function (row) {
      rows.push([labels.csv_age, row.label, row.ready + "/" + row.total]);
    });
    data.materials.forEach(function (material, index) {
      rows.push([labels.csv_have, material[0], have[index] ? labels.yes : labels.no]);
    });
    data.everyday.forEach(function (name) { rows.push([labels.csv_have, name, labels.everyday]); });
    purchases(data, ticked, limit).forEach(function (item) {
      rows.push([labels.csv_buy, item.name, labels.unlocks + " " + item.unlocks.length + " " + labels.cards]);
    });
    return rows;
  }

  /* CSV text as catalog.csv is written: CRLF, every cell quoted, no cell a spreadsheet would run. */
  function csvText(rows) {
    return rows.map(function (row) {
      return row.map(function (cell) {
        var text = String(cell);
        if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
        return '"' + text.replace(/"/g, '""') + '"';
      }).join(",");
    }).join("\r\n") + "\r\n";
  }

  return { shares: shares, purchases: purchases, surveyRows: surveyRows, csvText: csvText };
});
