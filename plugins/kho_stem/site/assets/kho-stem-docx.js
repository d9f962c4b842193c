/* Kho học liệu STEM mầm non: one Word document (.docx) for a whole plan, pure, no page.
 *
 * Every card's giáo án is built from one template (lesson_plan_payload.py): the build ships the
 * template's parts once (giao-an-mau.js) and, beside each card's page, the body of its
 * word/document.xml and the <w:num> elements its ordered lists added to numbering.xml (giao-an.js).
 * Here they are joined: a cover page (the plan's name, how many cards), the week table (week ×
 * day: title, ages and duration, the note, as the printed plan shows them), then each card's body
 * on a new page. Each card's numbering instances get ids no other card uses, so each of its
 * numbered lists still counts from 1. The result is the list of files kho-stem-zip.js packs.
 *
 * Every text comes from the caller (the plan data, written in Python); only Word's markup is here.
 * A plain script like kho-stem-text.js: window.KhoStem in a browser, module.exports under Node. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.KhoStem = Object.assign(root.KhoStem || {}, api);
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // A4 portrait less the template's margins (3 cm left, 2 cm right), in twentieths of a point.
  var TEXT_WIDTH = 9072;
  var WEEK_COLUMN = 1020;
  var TABLE_TEXT_SIZE = 20;  // half-points: 10 pt, so five days fit across the page
  // Characters XML 1.0 refuses anywhere (a pasted note could carry one): dropped, not escaped.
  var NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;  // eslint-disable-line no-control-regex

  function escapeXml(text) {
    return String(text).normalize("NFC").replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;")
      .replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
  }

  /* -- numbering ------------------------------------------------------------------------------- */
  /* A card's payload with its numbering instances renumbered from firstId, in their order, and the
   * body's references to them rewritten; references to the template's own lists stay as they are.
   * Returns { body, nums, nextId }. */
  function renumbered(payload, firstId) {
    var ids = {};
    var next = firstId;
    var nums = payload.nums.replace(/<w:num w:numId="(\d+)"/g, function (whole, id) {
      ids[id] = String(next++);
      return '<w:num w:numId="' + ids[id] + '"';
    });
    var body = payload.body.replace(/<w:numId w:val="(\d+)"\/>/g, function (whole, id) {
      return Object.prototype.hasOwnProperty.call(ids, id) ? '<w:numId w:val="' + ids[id] + '"/>' : whole;
    });
    return { body: body, nums: nums, nextId: next };
  }

  /* -- paragraphs and tables ------------------------------------------------------------------- */
  /* options: { style, newPage, center, bold, italic, size (half-points), before (twips) }; the
   * paragraph's properties in the order Word's schema wants them. */
  function paragraph(text, options) {
    var o = options || {};
    var properties = "";
    if (o.style) properties += '<w:pStyle w:val="' + escapeXml(o.style) + '"/>';
    if (o.newPage) properties += "<w:pageBreakBefore/>";
    if (o.before) properties += '<w:spacing w:before="' + o.before + '"/>';
    if (o.center) properties += '<w:jc w:val="center"/>';
    var run = "";
    if (o.bold) run += "<w:b/>";
    if (o.italic) run += "<w:i/>";
    if (o.size) run += '<w:sz w:val="' + o.size + '"/><w:szCs w:val="' + o.size + '"/>';
    return "<w:p>" + (properties ? "<w:pPr>" + properties + "</w:pPr>" : "") +
      (text ? "<w:r>" + (run ? "<w:rPr>" + run + "</w:rPr>" : "") +
        '<w:t xml:space="preserve">' + escapeXml(text) + "</w:t></w:r>" : "") + "</w:p>";
  }

  /* A card's body starting on a new page: its first paragraph (the giáo án's title, whose properties
   * are its style alone) breaks the page before it, so no empty line tops the page; a body that
   * starts otherwise gets a paragraph holding a page break. */
  function onNewPage(body) {
    var styled = /^<w:p><w:pPr><w:pStyle w:val="[^"]*"\/>/.exec(body);
    if (styled) return styled[0] + "<w:pageBreakBefore/>" + body.slice(styled[0].length);
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' + body;
  }

  /* What a plan item says in the week table and the unplaced list: its title, its facts line
   * (ages · duration) and the teacher's note. */
  function entryParagraphs(entry, note) {
    var size = TABLE_TEXT_SIZE;
    return paragraph(entry.title, { bold: true, size: size }) +
      (entry.facts ? paragraph(entry.facts, { size: size }) : "") +
      (note ? paragraph(note, { italic: true, size: size }) : "");
  }

  function cell(width, content, shaded) {
    return '<w:tc><w:tcPr><w:tcW w:w="' + width + '" w:type="dxa"/>' +
      (shaded ? '<w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/>' : "") + "</w:tcPr>" +
      (content || "<w:p/>") + "</w:tc>";
  }

  /* The week table: a header row of days (repeated on each page), a row per week. */
  function weekTable(grid, labels, describe, style) {
    var dayWidth = Math.floor((TEXT_WIDTH - WEEK_COLUMN) / labels.days.length);
    var widths = [WEEK_COLUMN].concat(labels.days.map(function () { return dayWidth; }));
    var xml = '<w:tbl><w:tblPr><w:tblStyle w:val="' + escapeXml(style) + '"/><w:tblW w:w="' + TEXT_WIDTH +
      '" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>' +
      widths.map(function (width) { return '<w:gridCol w:w="' + width + '"/>'; }).join("") + "</w:tblGrid>";
    xml += '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' + cell(WEEK_COLUMN, "", true) +
      labels.days.map(function (day) {
        return cell(dayWidth, paragraph(day, { bold: true, center: true, size: TABLE_TEXT_SIZE }), true);
      }).join("") + "</w:tr>";
    grid.rows.forEach(function (row) {
      xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>" +
        cell(WEEK_COLUMN, paragraph(labels.weeks[row.week - 1], { bold: true, size: TABLE_TEXT_SIZE }), true) +
        row.cells.map(function (items) {
          return cell(dayWidth, items.map(function (item) { return entryParagraphs(describe(item), item.n); }).join(""));
        }).join("") + "</w:tr>";
    });
    return xml + "</w:tbl>";
  }

  /* -- the document ---------------------------------------------------------------------------- */
  /* template: the giao-an-mau.js payload; plan: { name, items }; grid: weekGrid(plan) of the items
   * whose giáo án arrived; payloads: [payload] in the plan's order; describe(item) -> { title, facts };
   * labels: { weeks, days, name (the plan's name, or the text for none), texts: the plan data's
   * docx texts, count (the cover's line, filled) }. Returns [{ name, data }] in the template's order. */
  function planDocxFiles(template, grid, payloads, describe, labels) {
    var styles = template.styles;
    var texts = labels.texts;
    var body = paragraph("", { before: 2400 }) +
      paragraph(texts.coverTitle, { style: styles.title }) +
      paragraph(labels.name, { center: true, bold: true, size: 36, before: 480 }) +
      paragraph(labels.count, { center: true, before: 240 }) +
      paragraph(texts.coverSource, { center: true, italic: true, before: 240 });
    if (grid.rows.length) {
      body += paragraph(texts.weekTable, { style: styles.heading, newPage: true }) +
        weekTable(grid, labels, describe, styles.table);
    }
    if (grid.unplaced.length) {
      body += paragraph(texts.unplaced, { style: styles.subheading, newPage: !grid.rows.length });
      grid.unplaced.forEach(function (item) { body += entryParagraphs(describe(item), item.n); });
    }
    var nums = "";
    var nextId = template.firstNumId;
    payloads.forEach(function (payload) {
      var card = renumbered(payload, nextId);
      nextId = card.nextId;
      nums += card.nums;
      body += onNewPage(card.body);
    });
    var filled = {};
    filled[template.document.name] = template.document.text[0] + body + template.document.text[1];
    filled[template.numbering.name] = template.numbering.text[0] + nums + template.numbering.text[1];
    filled[template.core.name] = template.core.text[0] + escapeXml(labels.name) + template.core.text[1];
    return template.order.map(function (name) {
      return { name: name, data: Object.prototype.hasOwnProperty.call(filled, name) ? filled[name] : template.parts[name] };
    });
  }

  /* The download's name: the prefix and the plan's name folded to ASCII ("Lớp Chồi 2 · Nước" ->
   * "giao-an-lop-choi-2-nuoc.docx"); fold is kho-stem-text.js's. */
  function docxFileName(name, prefix, fallback, fold) {
    var safe = fold(name || "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
    return prefix + (safe || fallback) + ".docx";
  }

  return {
    escapeXml: escapeXml,
    renumbered: renumbered,
    onNewPage: onNewPage,
    planDocxFiles: planDocxFiles,
    docxFileName: docxFileName
  };
});
