#!/usr/bin/env bash
# figcheck's benchmark: every output format on a sparse and a dense corpus,
# beside ripgrep's phrase search on the same files, in one hyperfine run on
# this machine; then peak memory for each. Prints the table BENCHMARKS.md
# records. Usage: bench/run.sh [RUNS]
#
# sparse: bench/generate.py target/bench (4,000 drafts, 100 MB, 5% of the
#   claims wrong, 3,588 findings with 50 figures)
# dense: bench/generate.py target/bench-dense --dense (30% wrong, five
#   compilations of 1.5-4.4 MB, one draft in ten hard-wrapped; about 21,500
#   findings), with rules whose 50, 500 and 5,000 figures share no word, and
#   a 4 MB compilation with about 2,300 findings.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine
need rg ripgrep
need /usr/bin/time time

cargo build --release --quiet
bin=$PWD/target/release/figcheck
[ -d target/bench/corpus ] || python3 bench/generate.py target/bench --drafts 4000 --megabytes 100
[ -d target/bench-dense/corpus ] || python3 bench/generate.py target/bench-dense --drafts 4000 --megabytes 100 --dense
cd target
one=bench/corpus/00/draft-00000.md
formats="short human json jsonl github sarif"

echo "== machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(rg --version | head -1); $(hyperfine --version); figcheck $($bin --version | cut -d' ' -f2)"
for c in bench bench-dense; do
  echo "$c: $(find $c/corpus -name '*.md' | wc -l) drafts, $(du -sb $c/corpus | cut -f1) bytes"
done

commands=()
for c in bench bench-dense; do
  commands+=(-n "$c rg" "rg -c -i -F -f $c/subjects-50.txt $c/corpus")
  for f in $formats; do
    commands+=(-n "$c $f" "$bin --rules $c/rules-50.toml --format $f -q $c/corpus")
  done
done
commands+=(-n "bench short 500" "$bin --rules bench/rules-500.toml --format short -q bench/corpus")
for n in 50 500 5000; do
  commands+=(-n "dense distinct $n" "$bin --rules bench-dense/rules-distinct-$n.toml --format short -q bench-dense/corpus")
done
# Runs of a few milliseconds vary by a third from one to the next on a
# shared machine: the short runs get their own call, with many more runs.
small=()
small+=(-n "one draft rg" "rg -c -i -F -f bench/subjects-50.txt $one")
small+=(-n "one draft" "$bin --rules bench/rules-50.toml $one")
small+=(-n "4 MB short" "$bin --rules bench-dense/rules-50.toml --format short -q bench-dense/compilation-4mb.md")
small+=(-n "4 MB human" "$bin --rules bench-dense/rules-50.toml --format human -q bench-dense/compilation-4mb.md")

echo "== wall time (warm cache, $runs runs each, one hyperfine call)"
hyperfine -N --warmup 1 --runs "$runs" -i --export-json times.json --style basic "${commands[@]}" > hyperfine.log
echo "== one draft and the 4 MB draft (warm cache, $((runs * 10)) runs each, one hyperfine call)"
hyperfine -N --warmup 10 --runs "$((runs * 10))" -i --export-json times-small.json --style basic "${small[@]}" > hyperfine-small.log

echo "== peak memory (maximum resident set size)"
: > memory.txt
for c in bench bench-dense; do
  for f in $formats; do
    kb=$( { /usr/bin/time -f "%M" "$bin" --rules $c/rules-50.toml --format $f -q $c/corpus > /dev/null || true; } 2>&1 | tail -1)
    echo "$c $f $kb" >> memory.txt
  done
done

python3 - <<'PY'
import json
med = {r["command"]: r["median"] for f in ["times.json", "times-small.json"] for r in json.load(open(f))["results"]}
mem = {}
for line in open("memory.txt"):
    c, f, kb = line.split()
    mem[(c, f)] = int(kb) / 1024
formats = "short human json jsonl github sarif".split()
print(f"{'corpus':<12}{'format':<8}{'median':>10}{'x rg':>8}{'peak MiB':>10}")
for c in ["bench", "bench-dense"]:
    rg = med[f"{c} rg"]
    print(f"{c:<12}{'rg':<8}{rg*1000:>8.0f}ms{1:>8.2f}")
    for f in formats:
        t = med[f"{c} {f}"]
        print(f"{c:<12}{f:<8}{t*1000:>8.0f}ms{t/rg:>8.2f}{mem[(c, f)]:>10.1f}")
    print(f"{c:<12}human / short: {med[f'{c} human'] / med[f'{c} short']:.2f}x (target <= 1.3x)")
print(f"4 MB, ~2,300 findings: human {med['4 MB human']*1000:.0f} ms / short {med['4 MB short']*1000:.0f} ms = {med['4 MB human'] / med['4 MB short']:.2f}x (target <= 1.5x)")
print(f"one draft: {med['one draft']*1000:.1f} ms / rg {med['one draft rg']*1000:.1f} ms = {med['one draft'] / med['one draft rg']:.2f}x (target <= 2x)")
print(f"500 / 50 figures (own generator, sparse): {med['bench short 500'] / med['bench short']:.2f}x (target <= 1.5x)")
d = med["dense distinct 50"]
print(f"500 / 50 figures (distinct phrases, dense): {med['dense distinct 500'] / d:.2f}x (target <= 1.5x)")
print(f"5,000 / 50 figures (distinct phrases, dense): {med['dense distinct 5000'] / d:.2f}x (target <= 3x)")
print(f"worst format against rg: {max(med[f'{c} {f}'] / med[f'{c} rg'] for c in ['bench', 'bench-dense'] for f in formats):.2f}x (target <= 2x)")
PY
