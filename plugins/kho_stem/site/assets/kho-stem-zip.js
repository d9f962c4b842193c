/* Kho học liệu STEM mầm non: a .zip archive of stored (uncompressed) files, pure, no page.
 *
 * What the plan page's Word download needs: a .docx is a zip, and the browser has no zip writer.
 * Files are stored, not deflated (a plan's giáo án is a few hundred kB of XML; writing it is
 * instant and needs no library), each with its CRC-32, UTF-8 names (flag bit 11) and the date
 * 1980-01-01 (zip's epoch), so the same files always give the same bytes. No zip64: a plan stays
 * far below 4 GB and 65,535 files.
 *
 * A plain script like kho-stem-text.js: window.KhoStem in a browser, module.exports under Node. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.KhoStem = Object.assign(root.KhoStem || {}, api);
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var LOCAL_HEADER = 0x04034b50;
  var CENTRAL_HEADER = 0x02014b50;
  var END_OF_CENTRAL = 0x06054b50;
  var VERSION = 20;  // 2.0: what every reader supports
  var UTF8_NAMES = 0x0800;
  var DOS_DATE = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
  var crcTable = null;

  function table() {
    if (crcTable) return crcTable;
    crcTable = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
    return crcTable;
  }

  /* CRC-32 (ISO 3309, as zip uses it) of a Uint8Array, as an unsigned number. */
  function crc32(bytes) {
    var t = table();
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) crc = t[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  function bytesOf(data) {
    return typeof data === "string" ? new TextEncoder().encode(data) : data;
  }

  function header(size) {
    var buffer = new Uint8Array(size);
    return { bytes: buffer, view: new DataView(buffer.buffer) };
  }

  /* files: [{ name, data }] with data a string (written as UTF-8) or a Uint8Array, in the order
   * they go into the archive. Returns the archive as a Uint8Array. */
  function storedZip(files) {
    var chunks = [];
    var central = [];
    var offset = 0;
    files.forEach(function (file) {
      var name = new TextEncoder().encode(file.name);
      var data = bytesOf(file.data);
      var crc = crc32(data);
      var local = header(30);
      local.view.setUint32(0, LOCAL_HEADER, true);
      local.view.setUint16(4, VERSION, true);
      local.view.setUint16(6, UTF8_NAMES, true);
      local.view.setUint16(8, 0, true);  // stored
      local.view.setUint16(10, 0, true);  // 00:00:00
      local.view.setUint16(12, DOS_DATE, true);
      local.view.setUint32(14, crc, true);
      local.view.setUint32(18, data.length, true);
      local.view.setUint32(22, data.length, true);
      local.view.setUint16(26, name.length, true);
      local.view.setUint16(28, 0, true);
      var entry = header(46);
      entry.view.setUint32(0, CENTRAL_HEADER, true);
      entry.view.setUint16(4, VERSION, true);
      entry.view.setUint16(6, VERSION, true);
      entry.view.setUint16(8, UTF8_NAMES, true);
      entry.view.setUint16(10, 0, true);
      entry.view.setUint16(12, 0, true);
      entry.view.setUint16(14, DOS_DATE, true);
      entry.view.setUint32(16, crc, true);
      entry.view.setUint32(20, data.length, true);
      entry.view.setUint32(24, data.length, true);
      entry.view.setUint16(28, name.length, true);
      // extra field, comment, disk number, internal and external attributes: all 0
      entry.view.setUint32(42, offset, true);
      chunks.push(local.bytes, name, data);
      central.push(entry.bytes, name);
      offset += 30 + name.length + data.length;
    });
    var centralSize = central.reduce(function (sum, chunk) { return sum + chunk.length; }, 0);
    var end = header(22);
    end.view.setUint32(0, END_OF_CENTRAL, true);
    end.view.setUint16(8, files.length, true);
    end.view.setUint16(10, files.length, true);
    end.view.setUint32(12, centralSize, true);
    end.view.setUint32(16, offset, true);
    var all = chunks.concat(central, [end.bytes]);
    var result = new Uint8Array(offset + centralSize + 22);
    var at = 0;
    all.forEach(function (chunk) {
      result.set(chunk, at);
      at += chunk.length;
    });
    return result;
  }

  return { crc32: crc32, storedZip: storedZip };
});
