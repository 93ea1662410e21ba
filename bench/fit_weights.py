#!/usr/bin/env python3
"""Fit the weights of attribution's evidence, and the tiers' thresholds.

figcheck weighs three things about each claim (src/attribute/tier.rs): how
far the number lies from every value the rules accept for the figure, how
many words stand between it and the subject phrase, and whether its clause
names a time shorter than figures are kept for. This script reads those
from `figcheck numbers --format json` on labelled development stories (a
claim is right when the story's gold labels give that number to that
figure), fits a logistic regression, and writes src/attribute/weights.toml.

It first scores every story with weights fitted on the others (leave one
story out), and chooses the thresholds on those held-out scores: the firm
tier's is the lowest at which held-out firm claims are at least 97% right,
the likely tier's the lowest at which held-out likely claims are at least
80% right. Then it fits on all the stories for the weights it ships.

The features and labels it read go to bench/weights-data.jsonl (no article
text), so a refit can be checked against them.

Usage:
  bench/fit_weights.py                 # the development stories below
  bench/fit_weights.py --stories a b   # others, in ../shared/devset layout
  bench/fit_weights.py --dry-run       # report, write nothing

Stories kept sealed from tuning (see bench/SEALED.md) are never read.
"""

import argparse
import datetime
import json
import math
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"
SEALED = {"ecuador-homicidios", "h5n1-bird-flu", "us-homelessness"}
DEVELOPMENT = ["chile-incendios", "helene-death-toll", "la-wildfires-2025",
               "mexico-homicidios", "uk-inflation", "uk-small-boats"]
FEATURES = ["value_off", "words_between", "narrow_time"]
FIRM_PRECISION = 0.97
LIKELY_PRECISION = 0.80


def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def gold_spans(story_dir):
    """Gold entries with byte spans, as the devset's score.py resolves them."""
    sys.path.insert(0, str(DEVSET))
    import score  # the devset's own resolver, so labels match byte for byte
    entries = [json.loads(l) for l in open(story_dir / "gold.jsonl") if l.strip()]
    return score.resolve(entries, str(story_dir), "gold")


def claims(binary, story):
    story_dir = DEVSET / story
    files = sorted((story_dir / "articles").iterdir())
    out = subprocess.run(
        [binary, "numbers", "--rules", str(story_dir / "rules.toml"), "--format", "json",
         *map(str, files)], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"figcheck numbers failed on {story}: {out.stderr}")
    gold = gold_spans(story_dir)
    rows = []
    for n in json.loads(out.stdout)["numbers"]:
        if not n["figure"]:
            continue
        name = os.path.basename(n["path"])
        right = any(g["file"] == name and g["figure"] == n["figure"]
                    and overlap(g["b0"], g["b1"], n["byte_start"], n["byte_end"]) for g in gold)
        e = n["evidence"]
        rows.append({"story": story, "file": name, "line": n["line"], "figure": n["figure"],
                     "features": [float(e[f]) for f in FEATURES], "right": right})
    return rows


def fit(rows, l2=0.1, steps=3000, rate=0.2):
    """Logistic regression by gradient descent: (bias, weights)."""
    w = [0.0] * (len(FEATURES) + 1)
    n = len(rows)
    for _ in range(steps):
        grad = [0.0] * len(w)
        for r in rows:
            x = [1.0] + r["features"]
            p = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x))))
            for i, xi in enumerate(x):
                grad[i] += (p - r["right"]) * xi
        for i in range(len(w)):
            grad[i] = grad[i] / n + (l2 * w[i] / n if i else 0.0)
            w[i] -= rate * grad[i]
    return w


def predict(w, features):
    return 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, [1.0] + features))))


def precision(scored, low, high=2.0):
    band = [right for p, right in scored if low <= p < high]
    return (sum(band) / len(band) if band else 1.0), len(band)


def threshold(scored, target, high=2.0):
    """The lowest score from which the band up to `high` is `target` right."""
    for t in sorted({round(p, 3) for p, _ in scored}):
        if precision(scored, t, high)[0] >= target:
            return t
    return 1.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", nargs="*", default=DEVELOPMENT)
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "figcheck"))
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    if SEALED & set(a.stories):
        sys.exit(f"sealed stories are never used for fitting: {sorted(SEALED & set(a.stories))}")
    if a.bin == str(ROOT / "target" / "release" / "figcheck"):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    rows = [r for s in a.stories for r in claims(a.bin, s)]
    print(f"{len(rows)} claims, {sum(r['right'] for r in rows)} right, from {len(a.stories)} stories")

    held_out = []
    for s in a.stories:
        w = fit([r for r in rows if r["story"] != s])
        held_out += [(predict(w, r["features"]), r["right"]) for r in rows if r["story"] == s]
    firm = threshold(held_out, FIRM_PRECISION)
    likely = threshold(held_out, LIKELY_PRECISION, high=firm)
    likely = min(likely, firm)
    for name, low, high in [("firm", firm, 2.0), ("likely", likely, firm), ("weak", 0.0, likely)]:
        p, n = precision(held_out, low, high)
        print(f"held out, {name:6} (score {low:.3f} to {min(high, 1):.3f}): {n} claims, {p:.0%} right")

    w = fit(rows)
    print("weights on all stories: bias %.3f, " % w[0]
          + ", ".join(f"{f} {x:.3f}" for f, x in zip(FEATURES, w[1:])))
    if a.dry_run:
        return
    with open(ROOT / "bench" / "weights-data.jsonl", "w") as out:
        for r in rows:
            out.write(json.dumps(r) + "\n")
    held = {name: precision(held_out, low, high) for name, low, high in
            [("firm", firm, 2.0), ("likely", likely, firm)]}
    text = [
        "# The weights of the evidence about a claim and the tiers' thresholds (see",
        "# tier.rs). Written by bench/fit_weights.py: do not edit by hand; refit.",
        f"# Fitted {datetime.date.today()} on {len(rows)} claims of: {', '.join(a.stories)}.",
        f"# Held out one story at a time: firm {held['firm'][1]} claims, {held['firm'][0]:.0%} right;"
        f" likely {held['likely'][1]}, {held['likely'][0]:.0%} right.",
        f"bias = {w[0]:.4f}",
    ]
    text += [f"{f} = {x:.4f}" for f, x in zip(FEATURES, w[1:])]
    text += [f"firm = {firm:.3f}", f"likely = {likely:.3f}", ""]
    (ROOT / "src" / "attribute" / "weights.toml").write_text("\n".join(text))
    print("wrote src/attribute/weights.toml and bench/weights-data.jsonl")


if __name__ == "__main__":
    main()
