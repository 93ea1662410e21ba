#!/usr/bin/env bash
# figcheck's language server in a real editor: Neovim from Debian (installed
# here if missing), headless, with the configuration the README gives
# (docs/editors/neovim.lua), opens a draft with a slip and must show
# figcheck's diagnostic on the number.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
fail() { echo "editors: FAILED: $*" >&2; exit 1; }

# shellcheck source=tests/debian.sh
. "$root/tests/debian.sh"
need nvim neovim editors

cd "$root"
cargo build --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp rules.toml "$work/"
printf '# Custody\n\nRights groups say 376 people have died in custody.\n' > "$work/draft.md"
cd "$work"
FIGCHECK="$root/target/debug/figcheck" HOME="$work" timeout 60 nvim --headless -u "$root/docs/editors/neovim.lua" draft.md \
  -c 'lua vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 50)' \
  -c 'lua local d = vim.diagnostic.get(0)[1]; local f = io.open("shown.txt", "w"); f:write(d and (d.lnum .. ":" .. d.col .. " " .. tostring(d.code) .. "\n" .. d.message) or "none"); f:close()' \
  -c 'qa!' > nvim.log 2>&1 || { cat nvim.log; fail "neovim did not run"; }
shown=$(cat shown.txt)
case "$shown" in
  "2:18 figcheck::mismatch"*"use 367 (Cristosal"*) echo "editors: Neovim $(nvim --version | head -1 | cut -d' ' -f2) shows the diagnostic at line 3, column 19" ;;
  *) cat nvim.log; fail "Neovim showed: $shown" ;;
esac
echo "editors: 1 passed, 0 failed"
