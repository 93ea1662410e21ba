#!/usr/bin/env python3
"""Score figcheck on a labelled set of real articles.

The articles themselves stay out of the repository (their sentences are not
ours to publish): keep them in a git-ignored folder laid out as

    DEVSET/articles/<story>-<n>.txt   one article excerpt each
    DEVSET/rules/<story>.toml         the desk's rules for that story
    DEVSET/labels.tsv                 file, number as written, occurrence,
                                      figure id, ok|wrong

A label names a number that is a claim about a figure; `wrong` marks a slip
or an outdated value that a desk must catch. Every number without a label is
not a claim about any figure.

Prints attribution precision and recall, the wrong figures caught, and the
false alarms, with one line per disagreement when --verbose is given.

    python3 bench/score_devset.py devset [--figcheck target/release/figcheck] [--verbose]
"""

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path


def run(figcheck, args):
    out = subprocess.run([figcheck, *args], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"figcheck {' '.join(args)} failed:\n{out.stderr}")
    return json.loads(out.stdout)


def load_labels(devset):
    labels = {}
    for line in (devset / "labels.tsv").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        file, text, occurrence, figure, verdict = line.split("\t")
        labels.setdefault(file, []).append((text, int(occurrence), figure, verdict))
    return labels


def locate(source, text, occurrence):
    """The start of the occurrence-th whole-number match of text in source:
    `64` does not match inside `4,645`."""
    at, seen = -1, 0
    while seen < occurrence:
        at = source.find(text, at + 1)
        if at < 0:
            raise SystemExit(f"label {text!r} #{occurrence} not found")
        before = source[at - 1] if at > 0 else " "
        after = source[at + len(text)] if at + len(text) < len(source) else " "
        glued_before = before.isdigit() or (before in ",." and at > 1 and source[at - 2].isdigit())
        glued_after = after.isdigit() or (after in ",." and source[at + len(text) + 1 : at + len(text) + 2].isdigit())
        if not (glued_before or glued_after):
            seen += 1
    return at


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("devset", type=Path)
    parser.add_argument("--figcheck", default="target/debug/figcheck")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    labels = load_labels(args.devset)
    counts = Counter()
    notes = []
    for article in sorted((args.devset / "articles").glob("*.txt")):
        name = article.stem
        story = name.rsplit("-", 1)[0]
        rules = str(args.devset / "rules" / f"{story}.toml")
        source = article.read_bytes().decode("utf-8")
        raw = source.encode("utf-8")
        numbers = run(args.figcheck, ["numbers", "--format", "json", "--rules", rules, str(article)])["numbers"]
        findings = run(args.figcheck, ["--format", "json", "--rules", rules, str(article)])["findings"]

        gold = []  # (byte offset, figure, verdict, text)
        for text, occurrence, figure, verdict in labels.get(name, []):
            char_at = locate(source, text, occurrence)
            gold.append((len(source[:char_at].encode("utf-8")), figure, verdict, text))

        def gold_at(start, end):
            return next((g for g in gold if start <= g[0] < end or g[0] <= start < g[0] + len(g[3].encode())), None)

        attributed = [n for n in numbers if n["figure"]]
        for n in attributed:
            g = gold_at(n["byte_start"], n["byte_end"])
            if g and g[1] == n["figure"]:
                counts["attributed right"] += 1
            else:
                counts["attributed wrong"] += 1
                notes.append(f"{name}: {n['text']!r} attributed to {n['figure']}, labelled {g[1] if g else 'no claim'}")
        for g in gold:
            hit = any(n["figure"] == g[1] and n["byte_start"] <= g[0] < max(n["byte_end"], n["byte_start"] + 1) for n in numbers)
            counts["claims"] += 1
            if not hit:
                notes.append(f"{name}: {g[3]!r} ({g[1]}) not attributed")
        counts["wrong"] += sum(1 for g in gold if g[2] == "wrong")
        flagged = set()
        for f in findings:
            if not f.get("figure"):
                continue
            g = gold_at(f["byte_start"], f["byte_end"])
            if g and g[2] == "wrong":
                flagged.add(g[0])
            else:
                counts["false alarms"] += 1
                notes.append(f"{name}: false alarm {f['code']} on {f['found_text']!r} ({f['figure']})")
        counts["caught"] += len(flagged)
        for g in gold:
            if g[2] == "wrong" and g[0] not in flagged:
                notes.append(f"{name}: missed wrong {g[3]!r} ({g[1]})")

    right, wrong = counts["attributed right"], counts["attributed wrong"]
    precision = right / (right + wrong) if right + wrong else 0.0
    recall = right / counts["claims"] if counts["claims"] else 0.0
    if args.verbose:
        print("\n".join(notes))
    print(f"attribution: precision {precision:.0%} ({right}/{right + wrong}), recall {recall:.0%} ({right}/{counts['claims']})")
    print(f"wrong figures caught: {counts['caught']} of {counts['wrong']}; false alarms: {counts['false alarms']}")


if __name__ == "__main__":
    main()
