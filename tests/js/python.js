/* Asks the Python side (python_side.py) for vectors: the same answers the site's build gives. */
"use strict";

const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");
const VENV_PYTHON = path.join(ROOT, ".venv", "bin", "python");

function pythonCommand() {
  if (process.env.KHO_STEM_PYTHON) return process.env.KHO_STEM_PYTHON;
  return fs.existsSync(VENV_PYTHON) ? VENV_PYTHON : "python3";
}

function askPython(request) {
  const answer = execFileSync(pythonCommand(), [path.join(__dirname, "python_side.py")], {
    input: JSON.stringify(request), encoding: "utf8", maxBuffer: 64 * 1024 * 1024
  });
  return JSON.parse(answer);
}

/* The site's scripts as Node modules (they export when ``module`` exists). */
function asset(name) {
  return require(path.join(ROOT, "plugins", "kho_stem", "site", "assets", name));
}

module.exports = { askPython, asset };
