// What the benchmark scripts share: their `--name value` arguments and their medians.
"use strict";

const util = require("node:util");

/**
 * Reads `--name value` arguments (Node's `util.parseArgs`) over a copy of `defaults`. Each
 * name is a key of `defaults` written in kebab case (`--import-runs` sets `importRuns`);
 * where the default is a number, so is the value. An unknown name, a number that does not
 * read, or a missing `required` one ends the script with `usage`.
 */
function parseArgs(argv, defaults, { required = ["url"], usage } = {}) {
  const fail = (why) => {
    throw new Error(usage ? `${why}\nusage: ${usage}` : why);
  };
  const flag = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const options = Object.fromEntries(Object.keys(defaults).map((key) => [flag(key), { type: "string" }]));
  let values;
  try {
    ({ values } = util.parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (e) {
    fail(e.message);
  }
  const args = { ...defaults };
  for (const key of Object.keys(defaults)) {
    const value = values[flag(key)];
    if (value === undefined) continue;
    if (typeof defaults[key] === "number") {
      args[key] = Number(value);
      if (!Number.isFinite(args[key])) fail(`--${flag(key)} takes a number, not ${value}`);
    } else {
      args[key] = value;
    }
  }
  for (const key of required) {
    if (args[key] === null || args[key] === undefined) fail(`--${flag(key)} is required`);
  }
  return args;
}

/** The median of `xs`: the middle value, or the mean of the middle two. */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

module.exports = { parseArgs, median };
