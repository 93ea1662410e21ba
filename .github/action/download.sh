#!/usr/bin/env bash
# Installs figcheck from a release's prebuilt binary, for the Action: the
# archive for this runner from the release named by the Action's ref, its
# checksum checked against the release's SHA256SUMS. Exits non-zero, having
# installed nothing, when there is no such release or asset or the checksum
# differs; the Action then builds with cargo.
#
#   download.sh REPOSITORY REF BIN_ROOT
#
# RUNNER_OS and RUNNER_ARCH (as GitHub sets them) pick the archive.
# FIGCHECK_RELEASES (default https://github.com/REPOSITORY/releases/download)
# is where releases are looked for; the tests point it at local files.
set -euo pipefail

repository=${1:?repository}
ref=${2:?ref}
bin_root=${3:?bin root}
base=${FIGCHECK_RELEASES:-https://github.com/$repository/releases/download}

case "${RUNNER_OS:-}/${RUNNER_ARCH:-}" in
  Linux/X64) target=x86_64-unknown-linux-musl ext=tar.gz ;;
  Linux/ARM64) target=aarch64-unknown-linux-musl ext=tar.gz ;;
  macOS/ARM64) target=aarch64-apple-darwin ext=tar.gz ;;
  macOS/X64) target=x86_64-apple-darwin ext=tar.gz ;;
  Windows/X64) target=x86_64-pc-windows-msvc ext=zip ;;
  *) echo "figcheck: no prebuilt binary for ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}" >&2; exit 1 ;;
esac

# Only a release tag has binaries: a branch or a commit is built.
case "$ref" in
  v[0-9]*) ;;
  *) echo "figcheck: $ref is not a release tag; building from source" >&2; exit 1 ;;
esac

asset="figcheck-$ref-$target.$ext"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fetch() { curl --fail --silent --show-error --location --retry 2 --output "$work/$1" "$base/$ref/$1"; }
if ! fetch "$asset" || ! fetch SHA256SUMS; then
  echo "figcheck: release $ref has no $asset; building from source" >&2
  exit 1
fi
expected=$(awk -v f="$asset" '$2 == f || $2 == "*" f { print $1 }' "$work/SHA256SUMS")
if [ -z "$expected" ]; then
  echo "figcheck: SHA256SUMS of $ref does not list $asset; building from source" >&2
  exit 1
fi
if command -v sha256sum > /dev/null; then
  actual=$(sha256sum "$work/$asset" | cut -d' ' -f1)
else
  actual=$(shasum -a 256 "$work/$asset" | cut -d' ' -f1)
fi
if [ "$actual" != "$expected" ]; then
  echo "figcheck: $asset does not match its checksum in SHA256SUMS; building from source" >&2
  exit 1
fi
mkdir -p "$work/x"
if [ "$ext" = zip ]; then
  unzip -q "$work/$asset" -d "$work/x"
  exe=figcheck.exe
else
  tar -xzf "$work/$asset" -C "$work/x"
  exe=figcheck
fi
mkdir -p "$bin_root/bin"
install -m 755 "$work/x/figcheck-$ref-$target/$exe" "$bin_root/bin/$exe"
echo "figcheck: installed the $ref binary for $target"
