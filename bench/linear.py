#!/usr/bin/env python3
"""Whether figcheck's time grows linearly in each dimension of its input.

For each dimension it builds inputs of growing size under target/linear/
(from the project's own seed drafts and rules, so nothing else is needed),
times figcheck on each (the fastest of RUNS runs, wall clock, release
build) and prints the time each further unit of input costs: from one size
to the next, the extra seconds over the extra units. Start-up (rules,
patterns) is paid once, so the time per unit of a small input says little;
the cost of a further unit is what grows when a path is quadratic. Linear
growth keeps it flat: the last column is each step's cost per unit over
the first step's (1.0 is perfectly linear; the target is within 20%; a
quadratic path doubles it at each doubling of the input).

Usage: bench/linear.py [--runs N] [--only NAME] [--bin PATH]
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target" / "linear"
SEEDS = sorted((ROOT / "seeds").iterdir())
RULES = ROOT / "rules.toml"


def seed_text():
    """The seed drafts, one after another: real-looking prose, both languages."""
    return "\n\n".join(p.read_text(encoding="utf-8") for p in SEEDS) + "\n\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def sized(unit, megabytes):
    """`unit` repeated to about `megabytes` MB."""
    return unit * max(1, int(megabytes * 1_000_000 / len(unit.encode())))


def timed(bin_, args, runs):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([bin_, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        if done.returncode not in (0, 1):
            sys.exit(f"figcheck {' '.join(map(str, args))} exited {done.returncode}")
        best = elapsed if best is None else min(best, elapsed)
    return best


def dimension_draft_size(sizes=(0.25, 0.5, 1, 2, 4, 8)):
    text = seed_text()
    for mb in sizes:
        path = write(OUT / "size" / f"{mb}mb.md", sized(text, mb))
        yield mb, "MB", ["--rules", RULES, "--format", "short", "-q", path]


def dimension_sentence_length(sizes=(0.125, 0.25, 0.5, 1)):
    # One sentence, no stop, no line break: clauses that each name a figure.
    clause = "police say they have arrested 58,000 people since the state of exception began, and "
    for mb in sizes:
        path = write(OUT / "sentence" / f"{mb}mb.md", "Start " + sized(clause, mb) + "end.\n")
        yield mb, "MB", ["--rules", RULES, "--format", "short", "-q", path]


def dimension_line_length(sizes=(0.25, 0.5, 1, 2)):
    # Whole sentences, but all on one line.
    line = seed_text().replace("\n", " ")
    for mb in sizes:
        path = write(OUT / "line" / f"{mb}mb.md", sized(line, mb) + "\n")
        yield mb, "MB", ["--rules", RULES, "--format", "short", "-q", path]


def dimension_numbers_per_sentence(counts=(10, 100, 1000)):
    # 1 MB of sentences that each hold `count` numbers and one subject.
    for count in counts:
        sentence = (
            "Police have arrested "
            + ", ".join(str(1000 + i) for i in range(count))
            + " people since the state of exception began. "
        )
        path = write(OUT / "numbers" / f"{count}.md", sized(sentence, 1))
        yield count, "MB", ["--rules", RULES, "--format", "short", "-q", path], 1


def dimension_files(counts=(1_000, 10_000, 100_000)):
    # Many small drafts: the walk, the reads and the per-draft work.
    texts = [p.read_text(encoding="utf-8") for p in SEEDS if p.suffix == ".md"]
    for count in counts:
        folder = OUT / "files" / str(count)
        if not folder.exists() or sum(1 for _ in folder.rglob("*.md")) != count:
            shutil.rmtree(folder, ignore_errors=True)
            for i in range(count):
                write(folder / f"{i // 1000:03}" / f"d{i}.md", texts[i % len(texts)])
        yield count, "1,000 files", ["--rules", RULES, "--format", "short", "-q", folder], count / 1000


def dimension_figures(counts=(50, 500, 5000)):
    # The same 4 MB of seed prose against rules with more and more figures:
    # the project's own, and figures whose subject phrases share no word.
    draft = write(OUT / "figures" / "draft.md", sized(seed_text(), 4))
    own = RULES.read_text(encoding="utf-8")
    for count in counts:
        extra = "".join(
            f'\n[[figure]]\nid = "extra-{i}"\nname = "Extra {i}"\n'
            f'subjects = ["quarzel{i} vintrop{i}"]\ncanonical = {1000 + i}\n'
            for i in range(count)
        )
        rules = write(OUT / "figures" / f"rules-{count}.toml", own + extra)
        yield count, "figure", ["--rules", rules, "--format", "short", "-q", draft], count


def dimension_formats(sizes=(1, 2, 4)):
    # Findings in every format, and `numbers`, on seed prose.
    text = seed_text()
    for mb in sizes:
        path = write(OUT / "formats" / f"{mb}mb.md", sized(text, mb))
        for f in ["short", "human", "json", "jsonl", "github", "sarif", "html"]:
            yield (mb, f), "MB", ["--rules", RULES, "--format", f, path]
        yield (mb, "numbers"), "MB", ["numbers", "--rules", RULES, "--format", "json", path]
        yield (mb, "--diff"), "MB", ["--rules", RULES, "--diff", path]


DIMENSIONS = {
    "draft size": dimension_draft_size,
    "sentence length": dimension_sentence_length,
    "line length": dimension_line_length,
    "numbers per sentence": dimension_numbers_per_sentence,
    "files": dimension_files,
    "figures": dimension_figures,
    "formats": dimension_formats,
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only")
    parser.add_argument("--bin", default=str(ROOT / "target" / "release" / "figcheck"))
    args = parser.parse_args()
    if args.bin == str(ROOT / "target" / "release" / "figcheck"):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    print("| dimension | size | seconds | a further unit costs | growth |")
    print("|---|---|---|---|---|")
    for name, dimension in DIMENSIONS.items():
        if args.only and args.only != name:
            continue
        rows = {}
        for case in dimension():
            size, unit, command = case[:3]
            amount = case[3] if len(case) > 3 else size
            key = size[1] if isinstance(size, tuple) else None
            amount = size[0] if isinstance(size, tuple) else amount
            seconds = timed(args.bin, [str(c) for c in command], args.runs)
            label = f"{size[0]} ({size[1]})" if isinstance(size, tuple) else size
            previous = list(rows.get(key, []))
            rows.setdefault(key, []).append((amount, seconds))
            if not previous:
                print(f"| {name} | {label} | {seconds:.3f} | | |", flush=True)
                continue
            (a0, s0) = previous[-1]
            if amount == a0:
                # The same amount of input, shaped otherwise: compare times.
                marginal = seconds / amount
                growth = seconds / rows[key][0][1]
            else:
                marginal = (seconds - s0) / (amount - a0)
                (a1, s1), (a2, s2) = rows[key][0], rows[key][1]
                base = (s2 - s1) / (a2 - a1)
                growth = marginal / base if base > 0 else float("nan")
            print(f"| {name} | {label} | {seconds:.3f} | {marginal:.4f} s/{unit} | {growth:.2f} |", flush=True)


if __name__ == "__main__":
    main()
