// ESLint for the site's scripts and their unit tests (scripts/test.sh runs it before pytest).
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  { ignores: [".venv/", "site/", ".site-*/", ".offline-*/", "build/", "dist/", "node_modules/",
    // Libraries copied unchanged from npm (plugins/kho_stem/site/assets/vendor/README.md).
    "plugins/kho_stem/site/assets/vendor/"] },
  js.configs.recommended,
  {
    // The site's scripts: plain browser scripts (not modules, which file:// pages may not load);
    // the pure-logic ones also export themselves when Node loads them for the unit tests.
    files: ["plugins/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, module: "readonly" }
    }
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node }
  }
];
