/* The plan's one .docx: the stored zip, renumbering the cards' lists, escaping, the cover and week table. */
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");
const zlib = require("node:zlib");
const { asset } = require("./python.js");

const zip = asset("kho-stem-zip.js");
const docx = asset("kho-stem-docx.js");
const plan = asset("kho-stem-plan-core.js");
const text = asset("kho-stem-text.js");

/* CRC-32 bit by bit, as the standard defines it: Node's zlib.crc32 only came with Node 20.15. */
function referenceCrc(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (crc & 1 ? 0xedb88320 : 0);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
const crc32 = zlib.crc32 || referenceCrc;

/* Reads a zip back from its central directory, checking every local header agrees with it. */
function readZip(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  assert.equal(view.getUint32(end, true), 0x06054b50, "end of central directory");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  assert.equal(at + view.getUint32(end + 12, true), end, "the central directory ends where the end record starts");
  const files = [];
  for (let i = 0; i < count; i++) {
    assert.equal(view.getUint32(at, true), 0x02014b50);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    assert.equal(view.getUint32(at + 24, true), size);
    const nameLength = view.getUint16(at + 28, true);
    const offset = view.getUint32(at + 42, true);
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString("utf8");
    assert.equal(view.getUint32(offset, true), 0x04034b50, "local header of " + name);
    assert.equal(view.getUint32(offset + 14, true), crc);
    assert.equal(view.getUint16(offset + 26, true), nameLength);
    const start = offset + 30 + nameLength + view.getUint16(offset + 28, true);
    const data = bytes.subarray(start, start + size);
    files.push({ name, flags, method, crc, data: Buffer.from(data) });
    at += 46 + nameLength;
  }
  return files;
}

test("CRC-32 is zip's (the check value of the standard, and Node's zlib)", () => {
  assert.equal(zip.crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
  const sample = new TextEncoder().encode("Giáo án: Thuyền lá <w:p/>");
  assert.equal(zip.crc32(sample), crc32(sample));
  assert.equal(zip.crc32(new Uint8Array(0)), 0);
  assert.equal(referenceCrc(new TextEncoder().encode("123456789")), 0xcbf43926);
});

test("a stored zip round-trips: names (UTF-8), order, bytes, CRCs, no compression", () => {
  const binary = new Uint8Array([0, 1, 2, 255, 254]);
  const bytes = zip.storedZip([
    { name: "[Content_Types].xml", data: "<Types/>" },
    { name: "word/tài liệu.xml", data: "Lớp Chồi 2 · Nước" },
    { name: "bin", data: binary },
    { name: "empty", data: "" }
  ]);
  const files = readZip(bytes);
  assert.deepEqual(files.map((file) => file.name), ["[Content_Types].xml", "word/tài liệu.xml", "bin", "empty"]);
  assert.equal(files[1].data.toString("utf8"), "Lớp Chồi 2 · Nước");
  assert.deepEqual([...files[2].data], [0, 1, 2, 255, 254]);
  for (const file of files) {
    assert.equal(file.method, 0, "stored");
    assert.equal(file.flags & 0x0800, 0x0800, "UTF-8 names");
    assert.equal(file.crc, crc32(file.data));
  }
  assert.deepEqual(zip.storedZip([{ name: "a", data: "b" }]), zip.storedZip([{ name: "a", data: "b" }]),
    "the same files give the same bytes");
});

const TEMPLATE = {
  order: ["[Content_Types].xml", "docProps/core.xml", "word/document.xml", "word/numbering.xml", "word/styles.xml"],
  parts: { "[Content_Types].xml": "<Types/>", "word/styles.xml": "<w:styles/>" },
  document: { name: "word/document.xml", text: ["<w:document><w:body>", "<w:sectPr/></w:body></w:document>"] },
  numbering: { name: "word/numbering.xml", text: ['<w:numbering><w:num w:numId="9"/>', "</w:numbering>"] },
  core: { name: "docProps/core.xml", text: ["<cp:coreProperties><dc:title>", "</dc:title></cp:coreProperties>"] },
  firstNumId: 10,
  styles: { title: "Title", heading: "Heading1", subheading: "Heading2", table: "TableGrid" }
};

/* A card's payload as lesson_plan_payload.py cuts it: two ordered lists (10, 11) and a bullet list
 * that uses the template's numbering (3, kept). */
function payload(title) {
  return {
    body: '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>' + title + "</w:t></w:r></w:p>" +
      '<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:numId w:val="10"/><w:ilvl w:val="0"/></w:numPr></w:pPr></w:p>' +
      '<w:p><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:p>' +
      '<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:numId w:val="11"/><w:ilvl w:val="0"/></w:numPr></w:pPr></w:p>',
    nums: '<w:num w:numId="10"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="11"><w:abstractNumId w:val="7"/></w:num>'
  };
}

test("each card's lists get numbering ids no other card uses; the template's stay", () => {
  const first = docx.renumbered(payload("A"), 10);
  const second = docx.renumbered(payload("B"), first.nextId);
  assert.equal(first.nextId, 12);
  assert.equal(second.nextId, 14);
  assert.match(second.nums, /<w:num w:numId="12">.*<w:num w:numId="13">/);
  assert.deepEqual([...second.body.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]), ["12", "3", "13"]);
  assert.deepEqual([...first.body.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]), ["10", "3", "11"]);
  const none = docx.renumbered({ body: "<w:p/>", nums: "" }, 20);
  assert.deepEqual(none, { body: "<w:p/>", nums: "", nextId: 20 });
});

test("names and notes are escaped for XML, NFC, and characters XML refuses are dropped", () => {
  assert.equal(docx.escapeXml(`Tom & "Jerry" <b>'s`), "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&apos;s");
  assert.equal(docx.escapeXml("Lo\u0301p\u0007 A"), "Lóp A");
  assert.equal(docx.escapeXml("Lớp").normalize("NFC"), docx.escapeXml("Lớp"));
});

test("a card body starts on a new page without an empty line above it", () => {
  const started = docx.onNewPage('<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>A</w:t></w:r></w:p>');
  assert.equal(started, '<w:p><w:pPr><w:pStyle w:val="Title"/><w:pageBreakBefore/></w:pPr><w:r><w:t>A</w:t></w:r></w:p>');
  assert.equal(docx.onNewPage("<w:tbl/>"), '<w:p><w:r><w:br w:type="page"/></w:r></w:p><w:tbl/>');
});

function sampleDocument() {
  let made = plan.emptyPlan();
  for (const slug of ["thuyen-la", "binh-loc", "cat-uot"]) made = plan.toggleCard(made, slug);
  made = plan.renamePlan(made, 'Lớp Chồi 2 & "Lá" <Tháng 3>');
  made = plan.placeCard(made, 0, 1, 1);
  made = plan.placeCard(made, 1, 2, 5);
  made = plan.noteCard(made, 1, "Nhờ bố mẹ <gửi> vỏ hộp & chai");
  const titles = { "thuyen-la": "Thuyền lá", "binh-loc": "Bình lọc", "cat-uot": "Cát ướt" };
  const describe = (item) => ({ title: titles[item.k], facts: "4–5 tuổi · 25 phút" });
  const texts = { coverTitle: "KẾ HOẠCH", coverSource: "Nguồn", weekTable: "Lịch theo tuần", unplaced: "Chưa xếp ngày" };
  const labels = { weeks: ["Tuần 1", "Tuần 2"], days: ["T2", "T3", "T4", "T5", "T6"], name: made.name, texts,
    count: "Gồm 3 hoạt động" };
  const payloads = made.items.map((item) => payload(titles[item.k]));
  return docx.planDocxFiles(TEMPLATE, plan.weekGrid(made, 5), payloads, describe, labels);
}

test("the plan's document: the template's parts in its order, the cover, the week table, then each card", () => {
  const files = sampleDocument();
  assert.deepEqual(files.map((file) => file.name), TEMPLATE.order);
  const byName = Object.fromEntries(files.map((file) => [file.name, file.data]));
  assert.equal(byName["word/styles.xml"], "<w:styles/>");
  assert.equal(byName["docProps/core.xml"],
    "<cp:coreProperties><dc:title>Lớp Chồi 2 &amp; &quot;Lá&quot; &lt;Tháng 3&gt;</dc:title></cp:coreProperties>");
  const document = byName["word/document.xml"];
  assert.ok(document.startsWith("<w:document><w:body>") && document.endsWith("<w:sectPr/></w:body></w:document>"));
  const order = ["KẾ HOẠCH", "Lớp Chồi 2 &amp; &quot;Lá&quot; &lt;Tháng 3&gt;", "Gồm 3 hoạt động", "Lịch theo tuần",
    "Tuần 1", "Thuyền lá", "Tuần 2", "Bình lọc", "Nhờ bố mẹ &lt;gửi&gt; vỏ hộp &amp; chai", "Chưa xếp ngày", "Cát ướt",
    "<w:t>Thuyền lá</w:t>", "<w:t>Bình lọc</w:t>", "<w:t>Cát ướt</w:t>"];
  let at = 0;
  for (const part of order) {
    const found = document.indexOf(part, at);
    assert.ok(found >= at, part + " in order");
    at = found + part.length;
  }
  assert.equal((document.match(/<w:pageBreakBefore\/>/g) || []).length, 4, "the week table and each card");
  assert.equal((document.match(/<w:tr>/g) || []).length, 3, "the days and two weeks");
  assert.equal((document.match(/<w:tc>/g) || []).length, 18);
  const numbering = byName["word/numbering.xml"];
  assert.deepEqual([...numbering.matchAll(/w:numId="(\d+)"/g)].map((m) => m[1]), ["9", "10", "11", "12", "13", "14", "15"]);
  assert.deepEqual([...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]),
    ["10", "3", "11", "12", "3", "13", "14", "3", "15"]);
  assert.doesNotMatch(document, /&(?!amp;|lt;|gt;|quot;|apos;)/, "no bare ampersand");
});

test("a plan with nothing placed has no week table, only the unplaced list", () => {
  const describe = () => ({ title: "A", facts: "" });
  const files = docx.planDocxFiles(TEMPLATE, plan.weekGrid({ name: "", items: [{ k: "a", w: 0, d: 0, n: "" }] }, 5),
    [payload("A")], describe, { weeks: [], days: ["T2"], name: "Kế hoạch chưa đặt tên",
      texts: { coverTitle: "K", coverSource: "N", weekTable: "Lịch theo tuần", unplaced: "Chưa xếp ngày" }, count: "1" });
  const document = files.find((file) => file.name === "word/document.xml").data;
  assert.doesNotMatch(document, /<w:tbl>|Lịch theo tuần/);
  assert.match(document, /<w:pStyle w:val="Heading2"\/><w:pageBreakBefore\/><\/w:pPr><w:r><w:t xml:space="preserve">Chưa xếp ngày/);
});

test("the file's name is the plan's name folded to ASCII, or the fallback", () => {
  const name = (value) => docx.docxFileName(value, "giao-an-", "ke-hoach", text.fold);
  assert.equal(name("Lớp Chồi 2 · Chủ đề Nước · Tháng 3"), "giao-an-lop-choi-2-chu-de-nuoc-thang-3.docx");
  assert.equal(name("Đội Bé <Ngoan>/\\:*?\""), "giao-an-doi-be-ngoan.docx");
  assert.equal(name(""), "giao-an-ke-hoach.docx");
  assert.equal(name("    ···  "), "giao-an-ke-hoach.docx");
  assert.ok(name("a ".repeat(100)).length <= "giao-an-".length + 60 + ".docx".length);
  assert.doesNotMatch(name("a ".repeat(100)), /-\.docx$/);
});
