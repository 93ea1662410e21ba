#!/usr/bin/env bash
# figcheck's benchmark: figcheck beside ripgrep's phrase search on the same
# synthetic corpus, in one run, on this machine. Writes the numbers to stdout;
# BENCHMARKS.md records a run. Usage: bench/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
out=target/bench
need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine
need rg ripgrep
need /usr/bin/time time

cargo build --release --quiet
bin=$PWD/target/release/figcheck
[ -d "$out/corpus" ] || python3 bench/generate.py "$out" --drafts 4000 --megabytes 100
cd "$out"
# A 10 MB single draft, made of the first drafts of the corpus.
[ -f single-10mb.md ] || { cat corpus/00/*.md corpus/01/*.md corpus/02/*.md corpus/03/*.md | head -c 10485760 > single-10mb.md; }
one=corpus/00/draft-00000.md

echo "== machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(rg --version | head -1); $(hyperfine --version); figcheck $($bin --version | cut -d' ' -f2)"
echo "corpus: $(find corpus -name '*.md' | wc -l) drafts, $(du -sb corpus | cut -f1) bytes"

echo "== wall time (warm cache, $runs runs each)"
hyperfine --warmup 2 --runs "$runs" -i --export-json times.json --style basic \
  -n "rg 50" "rg -c -i -F -f subjects-50.txt corpus" \
  -n "figcheck 50" "$bin --rules rules-50.toml --format short -q corpus" \
  -n "figcheck 500" "$bin --rules rules-500.toml --format short -q corpus" \
  -n "figcheck one draft" "$bin --rules rules-50.toml $one" \
  -n "figcheck 10 MB draft" "$bin --rules rules-50.toml --format short -q single-10mb.md" \
  > hyperfine.log
python3 - <<'PY'
import json
r = {x["command"]: x for x in json.load(open("times.json"))["results"]}
med = {k: v["median"] for k, v in r.items()}
print(f"{'command':<22}{'median':>10}")
for k, v in med.items():
    print(f"{k:<22}{v*1000:>9.1f}ms")
print(f"figcheck 50 / rg 50:          {med['figcheck 50'] / med['rg 50']:.2f}x   (target <= 2x)")
print(f"figcheck 500 / figcheck 50:   {med['figcheck 500'] / med['figcheck 50']:.2f}x   (target <= 1.5x)")
print(f"one draft with rules loading: {med['figcheck one draft']*1000:.1f} ms  (target <= 10 ms)")
PY

echo "== peak memory (maximum resident set size)"
for args in "--rules rules-50.toml corpus" "--rules rules-500.toml corpus" "--rules rules-50.toml single-10mb.md"; do
  kb=$( { /usr/bin/time -f "%M" "$bin" $args --format short -q > /dev/null || true; } 2>&1 | tail -1)
  echo "figcheck $args: $((kb / 1024)) MiB"
done
half=$(find corpus -name '*.md' | sort | head -2000)
kb=$( { /usr/bin/time -f "%M" "$bin" --rules rules-50.toml --format short -q $half > /dev/null || true; } 2>&1 | tail -1)
echo "figcheck on half the corpus: $((kb / 1024)) MiB (memory must not grow with the corpus)"
