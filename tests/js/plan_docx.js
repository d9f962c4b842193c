/* Writes a plan's .docx with the site's scripts, for tests/test_plan_docx.py (not a test itself).
 * Reads { template, plan, payloads, entries, labels } as JSON on stdin; writes the .docx to the path
 * given as the first argument. */
"use strict";

const fs = require("node:fs");
const { asset } = require("./python.js");

const zip = asset("kho-stem-zip.js");
const docx = asset("kho-stem-docx.js");
const plan = asset("kho-stem-plan-core.js");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const grid = plan.weekGrid(input.plan, input.labels.days.length);
const files = docx.planDocxFiles(input.template, grid, input.payloads, (item) => input.entries[item.k], input.labels);
fs.writeFileSync(process.argv[2], zip.storedZip(files));
