#!/usr/bin/env bash
# The PyPI wheel, for real: installs maturin from PyPI into target/, builds
# the wheel from python/pyproject.toml into target/wheels/, installs it into a
# fresh virtual environment with no index (so nothing but the wheel can
# satisfy it) and runs the installed figcheck on seeds/. tests/pre-commit.sh
# then uses the same wheel for the prebuilt hooks. The wheel is built with
# the dev profile, which reuses what `cargo test` compiled; a release builds
# with --release (.github/workflows/release.yml).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/target/wheel-venv"
wheels="$root/target/wheels"

fail() { echo "wheel: FAILED: $*" >&2; exit 1; }

# shellcheck source=tests/pypi.sh
. "$root/tests/pypi.sh"
need_pypi "$tools" maturin 'maturin>=1.7,<2' wheel

rm -rf "$wheels"
(cd "$root/python" && "$tools/bin/maturin" build --quiet --out "$wheels") \
  || fail "maturin could not build the wheel"
wheel=$(ls "$wheels"/figcheck-*.whl)
echo "wheel: built $(basename "$wheel")"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check --no-index "$wheel" \
  || fail "the wheel does not install"
figcheck="$work/venv/bin/figcheck"
[ -x "$figcheck" ] || fail "the wheel installs no figcheck command"

version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)
[ "$("$figcheck" --version)" = "figcheck $version" ] || fail "figcheck --version is not $version"

# The seeds hold deliberate slips: the installed figcheck must find them.
status=0
(cd "$root/seeds" && "$figcheck" --rules ../rules.toml --format short .) > "$work/out" 2>&1 || status=$?
[ "$status" -eq 1 ] || { cat "$work/out"; fail "figcheck seeds/ exited $status, not 1"; }
grep -q "error\[figcheck::mismatch\]" "$work/out" || { cat "$work/out"; fail "no mismatch found in seeds/"; }
echo "wheel: installs into a fresh environment and checks seeds/ ($(grep -c '' "$work/out") lines)"
echo "wheel: 1 passed, 0 failed"
