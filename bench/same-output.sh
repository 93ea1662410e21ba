#!/usr/bin/env bash
# Whether two figcheck binaries give byte-identical output: every format and
# `numbers`, with their exit codes, on the seeds, the development set's
# stories, both benchmark corpora (bench/run.sh makes them) and the 4 MB
# compilation. A refactoring that means to change nothing must print only
# "same" lines. Usage: bench/same-output.sh OLD NEW [STORY ...]
# With STORY names, only those of ../shared/devset are compared (leave out
# the stories kept sealed from tuning).
set -uo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2
shift 2
stories=("$@")
devset=../shared/devset
if [ ${#stories[@]} -eq 0 ] && [ -d "$devset" ]; then
  for d in "$devset"/*/; do stories+=("$(basename "$d")"); done
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=1767225600
differ=0

# compare NAME RULES ARGS...: every format, and `numbers`.
compare() {
  local name=$1 rules=$2
  shift 2
  local f
  for f in short human json jsonl github sarif html; do
    for bin in old new; do
      local b=$old
      [ $bin = new ] && b=$new
      "$b" --rules "$rules" --format $f "$@" > "$out/$bin" 2>&1
      echo "exit $?" >> "$out/$bin"
    done
    if cmp -s "$out/old" "$out/new"; then echo "same    $name $f"; else echo "DIFFERS $name $f"; differ=1; fi
  done
  for bin in old new; do
    local b=$old
    [ $bin = new ] && b=$new
    "$b" numbers --rules "$rules" --format json "$@" > "$out/$bin" 2>&1
    echo "exit $?" >> "$out/$bin"
  done
  if cmp -s "$out/old" "$out/new"; then echo "same    $name numbers"; else echo "DIFFERS $name numbers"; differ=1; fi
}

compare seeds rules.toml seeds
for s in "${stories[@]}"; do
  compare "devset/$s" "$devset/$s/rules.toml" "$devset/$s/articles"
done
[ -d target/bench/corpus ] && compare bench target/bench/rules-50.toml target/bench/corpus/00 target/bench/corpus/01
[ -d target/bench-dense/corpus ] && {
  compare bench-dense target/bench-dense/rules-50.toml target/bench-dense/corpus/00 target/bench-dense/corpus/01
  compare compilation-4mb target/bench-dense/rules-50.toml target/bench-dense/compilation-4mb.md
}
exit $differ
