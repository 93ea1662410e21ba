#!/usr/bin/env bash
# Runs the fuzz target for a while (default 600 seconds): `fuzz/run.sh [SECONDS]`.
# Installs cargo-fuzz if it is missing. cargo-fuzz needs unstable compiler
# flags; on a stable toolchain RUSTC_BOOTSTRAP=1 allows them. The corpus
# starts from the sample drafts and the test fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
corpus=fuzz/corpus/check
mkdir -p "$corpus"
cp seeds/* tests/fixtures/drafts/* "$corpus"/ 2>/dev/null || true
RUSTC_BOOTSTRAP=1 cargo fuzz run check "$corpus" -- -max_total_time="$seconds" -max_len=4096 -timeout=10
