#!/usr/bin/env bash
# The Action's binary download (.github/action/download.sh) against a
# release laid out as release.yml publishes one, as local files: the right
# archive is installed when its checksum matches; a tampered archive, a
# missing asset, a branch rather than a tag and an unknown runner install
# nothing and exit non-zero, so the Action builds with cargo instead.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
download="$root/.github/action/download.sh"
fail() { echo "action download: FAILED: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
release="$work/releases/v9.9.9"
name=figcheck-v9.9.9-x86_64-unknown-linux-musl
mkdir -p "$release" "$work/pack/$name"
printf '#!/bin/sh\necho "figcheck from the release"\n' > "$work/pack/$name/figcheck"
chmod +x "$work/pack/$name/figcheck"
tar -C "$work/pack" -czf "$release/$name.tar.gz" "$name"
(cd "$release" && sha256sum -- *.tar.gz > SHA256SUMS)

run() { # RUNNER_OS RUNNER_ARCH REF BIN_ROOT
  RUNNER_OS=$1 RUNNER_ARCH=$2 FIGCHECK_RELEASES="file://$work/releases" \
    bash "$download" OWNER/figcheck "$3" "$4" > "$work/log" 2>&1
}

run Linux X64 v9.9.9 "$work/good" || { cat "$work/log"; fail "the release's binary was not installed"; }
[ "$("$work/good/bin/figcheck")" = "figcheck from the release" ] || fail "the installed binary is not the release's"

run Linux ARM64 v9.9.9 "$work/arm" && fail "an asset the release lacks was installed"
[ ! -e "$work/arm/bin" ] || fail "a missing asset left a binary behind"

run Linux X64 main "$work/branch" && fail "a branch was taken for a release"
grep -q "not a release tag" "$work/log" || fail "a branch was refused without saying so"

run Plan9 X64 v9.9.9 "$work/odd" && fail "an unknown runner got a binary"

# The archive tampered with after its checksum was published.
printf 'tampered' >> "$release/$name.tar.gz"
run Linux X64 v9.9.9 "$work/tampered" && fail "a tampered archive was installed"
grep -q "does not match its checksum" "$work/log" || fail "a checksum mismatch was not reported"
[ ! -e "$work/tampered/bin" ] || fail "a tampered archive left a binary behind"

echo "action download: the release binary installed when its checksum matches, and nothing otherwise"
