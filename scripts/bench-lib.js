// What the benchmark scripts share: their `--name value` arguments and their medians.
"use strict";

/**
 * Reads `--name value` pairs over a copy of `defaults`. Each name is a key of `defaults`
 * written in kebab case (`--import-runs` sets `importRuns`); where the default is a number,
 * so is the value. An unknown name, a number that does not read, or a missing `required` one
 * ends the script with `usage`.
 */
function parseArgs(argv, defaults, { required = ["url"], usage } = {}) {
  const args = { ...defaults };
  const fail = (why) => {
    throw new Error(usage ? `${why}\nusage: ${usage}` : why);
  };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const key = flag.replace(/^--/, "").replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!flag.startsWith("--") || !(key in defaults)) fail(`unknown argument ${flag}`);
    const value = argv[i + 1];
    if (value === undefined) fail(`${flag} needs a value`);
    if (typeof defaults[key] === "number") {
      args[key] = Number(value);
      if (!Number.isFinite(args[key])) fail(`${flag} takes a number, not ${value}`);
    } else {
      args[key] = value;
    }
  }
  for (const key of required) {
    if (args[key] === null || args[key] === undefined) fail(`--${key} is required`);
  }
  return args;
}

/** The median of `xs`: the middle value, or the mean of the middle two. */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

module.exports = { parseArgs, median };
