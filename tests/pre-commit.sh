#!/usr/bin/env bash
# The pre-commit hook, for real: installs pre-commit from PyPI, makes a
# throwaway git repository whose .pre-commit-config.yaml points at this
# repository, and checks that a draft with a wrong figure blocks the commit,
# that a corrected draft goes through, and that files outside the include
# globs are left alone. The hook is built from this repository's HEAD, so
# commit before running it locally.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/target/pre-commit-venv"
export PRE_COMMIT_HOME="$root/target/pre-commit-home"

if ! [ -x "$venv/bin/pre-commit" ]; then
  python3 -m venv "$venv"
  if ! "$venv/bin/pip" install --quiet --disable-pip-version-check 'pre-commit>=3.7,<5'; then
    if ! python3 -c "import urllib.request; urllib.request.urlopen('https://pypi.org/simple/pre-commit/', timeout=15)" 2>/dev/null; then
      echo "pre-commit round trip: SKIPPED, PyPI cannot be reached to install pre-commit"
      exit 0
    fi
    echo "pre-commit round trip: FAILED to install pre-commit although PyPI is reachable" >&2
    exit 1
  fi
fi
export PATH="$venv/bin:$PATH"

rev=$(git -C "$root" rev-parse HEAD)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
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
      - id: figcheck
YAML
pre-commit install >/dev/null

fail() { echo "pre-commit round trip: FAILED: $*" >&2; exit 1; }

mkdir -p drafts
echo "Rights groups say 376 people have died in custody since 2022." > drafts/custody.md
# Not a draft by the include globs: must not be checked.
echo "<p>Rights groups say 376 people have died in custody.</p>" > drafts/page.html
git add .
if git commit -q -m "draft with a slip" > commit.log 2>&1; then
  cat commit.log; fail "the commit with a wrong figure went through"
fi
grep -q "figcheck::mismatch" commit.log || { cat commit.log; fail "the hook did not report the mismatch"; }
grep -q "drafts/custody.md:1:19" commit.log || { cat commit.log; fail "the hook did not point at the number"; }
grep -q "page.html" commit.log && { cat commit.log; fail "a file outside the include globs was checked"; }
echo "pre-commit round trip: a draft with a wrong figure blocks the commit"

echo "Rights groups say 367 people have died in custody since 2022." > drafts/custody.md
git add drafts/custody.md
git commit -q -m "corrected draft" > commit.log 2>&1 || { cat commit.log; fail "the corrected draft was blocked"; }
echo "pre-commit round trip: a corrected draft is committed"
echo "pre-commit: 2 passed, 0 failed"
