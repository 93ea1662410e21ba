#!/usr/bin/env bash
# The pre-commit hooks, for real: installs pre-commit from PyPI, makes
# throwaway git repositories whose .pre-commit-config.yaml points at this
# repository, and checks that a draft with a wrong figure blocks the commit,
# that a corrected draft goes through, that files outside the include globs
# are left alone, and that a rules.toml whose example fails is not committed.
# Twice: with the hooks built from source (figcheck-src, figcheck-rules-src),
# and with the prebuilt ones (figcheck, figcheck-rules) installing the wheel
# that tests/wheel.sh built into target/wheels/, with PyPI switched off so
# that only that wheel can serve. The hooks come from this repository's HEAD,
# so commit before running it locally.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/target/pre-commit-venv"
export PRE_COMMIT_HOME="$root/target/pre-commit-home"

# shellcheck source=tests/pypi.sh
. "$root/tests/pypi.sh"
need_pypi "$venv" pre-commit 'pre-commit>=3.7,<5' "pre-commit round trip"
export PATH="$venv/bin:$PATH"

rev=$(git -C "$root" rev-parse HEAD)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0

fail() { echo "pre-commit round trip: FAILED: $*" >&2; exit 1; }

# round_trip LABEL DRAFT-HOOK RULES-HOOK
round_trip() {
  local label=$1 draft_hook=$2 rules_hook=$3
  local repo="$work/$label"
  mkdir -p "$repo" && cd "$repo"
  git init -q -b main .
  git config user.name "figcheck test"
  git config user.email "figcheck@example.invalid"
  git config commit.gpgsign false

  cp "$root/rules.toml" rules.toml
  cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: $draft_hook
      - id: $rules_hook
YAML
  pre-commit install >/dev/null

  mkdir -p drafts
  echo "Rights groups say 376 people have died in custody since 2022." > drafts/custody.md
  # Not a draft by the include globs: must not be checked.
  echo "<p>Rights groups say 376 people have died in custody.</p>" > drafts/page.html
  git add .
  if git commit -q -m "draft with a slip" > commit.log 2>&1; then
    cat commit.log; fail "$label: the commit with a wrong figure went through"
  fi
  grep -q "figcheck::mismatch" commit.log || { cat commit.log; fail "$label: the hook did not report the mismatch"; }
  grep -q "drafts/custody.md:1:19" commit.log || { cat commit.log; fail "$label: the hook did not point at the number"; }
  grep -q "page.html" commit.log && { cat commit.log; fail "$label: a file outside the include globs was checked"; }
  echo "pre-commit round trip ($label): a draft with a wrong figure blocks the commit"

  echo "Rights groups say 367 people have died in custody since 2022." > drafts/custody.md
  git add drafts/custody.md
  git commit -q -m "corrected draft" > commit.log 2>&1 || { cat commit.log; fail "$label: the corrected draft was blocked"; }
  echo "pre-commit round trip ($label): a corrected draft is committed"

  # A rules change that breaks one of its own examples.
  python3 - <<'PY'
import re
text = open("rules.toml").read()
changed = re.sub(r"(?m)^canonical = 367$", "canonical = 368", text, count=1)
assert changed != text, "rules.toml has no `canonical = 367` line"
open("rules.toml", "w").write(changed)
PY
  git add rules.toml
  if git commit -q -m "rules with a broken example" > commit.log 2>&1; then
    cat commit.log; fail "$label: a rules.toml with a failing example was committed"
  fi
  grep -q "test-rules: .* [1-9][0-9]* failed" commit.log || { cat commit.log; fail "$label: the rules hook did not report the failing example"; }
  git checkout -q rules.toml
  echo "pre-commit round trip ($label): a rules.toml whose example fails is not committed"
  passed=$((passed + 3))
  cd "$root"
}

# The source hooks build figcheck in release mode; build it in the
# throwaway directory and drop it once they have run (about 450 MB).
CARGO_TARGET_DIR="$work/cargo-target" round_trip source figcheck-src figcheck-rules-src
rm -rf "$work/cargo-target"

if ls "$root"/target/wheels/figcheck-*.whl > /dev/null 2>&1; then
  # What the placeholder package (setup.py) needs to build, then the wheel.
  pip download --quiet --disable-pip-version-check --dest "$root/target/wheels" setuptools wheel \
    || fail "cannot download setuptools for the placeholder package"
  PIP_NO_INDEX=1 PIP_FIND_LINKS="$root/target/wheels" round_trip prebuilt figcheck figcheck-rules
else
  echo "pre-commit round trip (prebuilt): SKIPPED, no wheel in target/wheels (tests/wheel.sh builds it)"
fi
echo "pre-commit: $passed passed, 0 failed"
