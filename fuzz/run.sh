#!/usr/bin/env bash
# Runs each fuzz target for a while (default 600 seconds each):
# `fuzz/run.sh [SECONDS] [TARGET ...]`, the targets being check (drafts to
# findings and every output format), rules (any rules file) and server (the
# language server's message loop). Installs cargo-fuzz if it is missing.
# cargo-fuzz needs unstable compiler flags; on a stable toolchain
# RUSTC_BOOTSTRAP=1 allows them. Each corpus starts from the project's own
# files: drafts for check, rules files for rules, and a few messages for server.
# FUZZ_TIMEOUT (seconds, 10 by default) is how long one input may take
# before it counts as a hang; raise it when the fuzzers share the machine's
# cores with other work, or a starved input is taken for a hang.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(check rules server)
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
for target in "${targets[@]}"; do
  corpus=fuzz/corpus/$target
  mkdir -p "$corpus"
  case $target in
    check) cp seeds/* tests/fixtures/drafts/* "$corpus"/ 2>/dev/null || true ;;
    rules) cp rules.toml tests/fixtures/rules/*.toml "$corpus"/ 2>/dev/null || true ;;
    server)
      printf '%s\n' \
        '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///d/a.md","languageId":"markdown","version":1,"text":"376 people died in custody."}}}' \
        '{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///d/a.md"},"position":{"line":0,"character":1}}}' \
        '{"jsonrpc":"2.0","id":2,"method":"shutdown"}' > "$corpus/open-hover-shutdown" ;;
  esac
  echo "== fuzz $target for $seconds s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -max_len=8192 -timeout="${FUZZ_TIMEOUT:-10}"
done
