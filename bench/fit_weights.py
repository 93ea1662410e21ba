#!/usr/bin/env python3
"""Fit the weights of attribution's evidence, and the tiers' thresholds.

figcheck weighs what it reads about each claim (src/attribute/tier.rs) and
shows all of it in `figcheck numbers --format json`. This script reads that
evidence, and the findings, on labelled development stories, fits a
logistic regression of whether a finding about a claim is right (its
number is a slip, a gold number whose verdict is not `ok`, of the figure
the claim names) on the evidence
in WEIGHED, and writes src/attribute/weights.toml.

A claim's value caps its tier whatever its score (`ValueFit` in tier.rs:
a number that meets none of the figure's values is likely at most when
qualified, weak when bare), and a claim found through a word family is
likely at most; the fit learns the score, and the thresholds are chosen
with those caps applied.

It first scores every story with weights fitted on the others (leave one
story out) and chooses the thresholds on those held-out scores:
- firm: the lowest score from which held-out findings of claims that may be
  firm are at least 97% right;
- likely: the lowest from which the rest of those that may be likely are at
  least 80% right;
- where no score reaches a target, the tier is empty, and the lowest tier
  reported starts where not reporting the findings below it loses the most
  false alarms for the fewest slips (the band below must be mostly false
  alarms). The script says so, and weights.toml records it.
Then it fits on all the stories for the weights it ships.

The evidence and labels it read go to bench/weights-data.jsonl (no article
text), so a refit can be checked against them.

Usage:
  bench/fit_weights.py                 # the development stories below
  bench/fit_weights.py --stories a b   # others, in ../shared/devset layout
  bench/fit_weights.py --stories a devset/b   # a path: a story of your own
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
# Kept sealed now (bench/SEALED.md); the stories sealed before them have been
# scored and are development stories.
SEALED = {"wayanad-2024", "rio-grande-do-sul-2024"}
DEVELOPMENT = ["chile-incendios", "ecuador-homicidios", "h5n1-bird-flu", "helene-death-toll",
               "la-wildfires-2025", "mexico-homicidios", "uk-inflation", "uk-small-boats",
               "us-homelessness"]
# The highest tier a claim's value allows (`ValueFit::cap` in tier.rs): the
# score's tier is never above it.
CAP = {"meets": 2, "slip": 2, "qualified": 1, "bare": 0}
TIERS = ["weak", "likely", "firm"]
FEATURES = ["value_off", "words_between", "narrow_time", "marks_between", "number_first",
            "part", "period", "running_total", "referred", "family", "earlier", "dated", "rivals"]
# The evidence the score weighs. The rest is recorded and shown, but held
# out one story at a time it made the tiers worse (weights fitted to one
# story's habits): see BENCHMARKS.md.
WEIGHED = ["narrow_time", "part", "period", "running_total"]
FIRM_PRECISION = 0.97
LIKELY_PRECISION = 0.80


def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def gold_spans(path):
    """Gold entries with byte spans, as the devset's score.py resolves them."""
    sys.path.insert(0, str(DEVSET))
    import score  # the devset's own resolver, so labels match byte for byte
    entries = [json.loads(l) for l in open(path / "gold.jsonl") if l.strip()]
    return score.resolve(entries, str(path), "gold")


def story_dir(story):
    """A story of ../shared/devset by its name, or one of your own by its path."""
    return Path(story) if "/" in story else DEVSET / story


def run(binary, story, *args):
    path = story_dir(story)
    files = sorted((path / "articles").iterdir())
    out = subprocess.run(
        [binary, *args, "--rules", str(path / "rules.toml"), "--format", "json",
         "--report-tier", "weak", *map(str, files)], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"figcheck failed on {story}: {out.stderr}")
    return json.loads(out.stdout)


def claims(binary, story):
    """Every claim `figcheck numbers` makes, with its evidence, whether the
    gold labels give that number to that figure, and the findings about it
    (`slip`: the number is a gold number whose verdict is not ok; `right`:
    the labels give it the claim's figure; see `examples`)."""
    gold = gold_spans(story_dir(story))
    findings = run(binary, story, "--fail-on", "never")["findings"]
    rows = []
    for n in run(binary, story, "numbers")["numbers"]:
        if not n["figure"]:
            continue
        name = os.path.basename(n["path"])
        on = [g for g in gold
              if g["file"] == name and overlap(g["b0"], g["b1"], n["byte_start"], n["byte_end"])]
        right = any(g["figure"] == n["figure"] for g in on)
        slip = any(g["verdict"] != "ok" for g in on)
        found = [f for f in findings
                 if f["path"] == n["path"] and f["figure"] == n["figure"]
                 and overlap(f["byte_start"], f["byte_end"], n["byte_start"], n["byte_end"])]
        e = n["evidence"]
        rows.append({"story": story, "file": name, "line": n["line"], "figure": n["figure"],
                     "evidence": {f: float(e[f]) for f in FEATURES}, "value": e["value"],
                     "family": bool(e["family"]), "right": right,
                     "findings": len(found), "slip": slip})
    return rows


def fit(rows, l2=0.1, steps=3000, rate=0.2):
    """Logistic regression by gradient descent: (bias, weights)."""
    w = [0.0] * (len(rows[0]["x"]) + 1)
    n = len(rows)
    for _ in range(steps):
        grad = [0.0] * len(w)
        for r in rows:
            x = [1.0] + r["x"]
            p = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x))))
            for i, xi in enumerate(x):
                grad[i] += (p - r["y"]) * xi
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
    """The lowest score from which the band up to `high` is `target` right,
    or None."""
    for t in sorted({round(p, 3) for p, _ in scored if p < high}):
        right, n = precision(scored, t, high)
        if n and right >= target:
            return t
    return None


def cut(scored):
    """The score below which not reporting loses the most false alarms for
    the fewest slips, the band below being mostly false alarms; 0 if none."""
    best, at = 0, 0.0
    for t in sorted({round(p, 3) for p, _ in scored}):
        below = [right for p, right in scored if p < t]
        slips = sum(below)
        if below and slips / len(below) < 0.5 and len(below) - 2 * slips > best:
            best, at = len(below) - 2 * slips, t
    return at


def examples(rows):
    """The rows a fit learns from: one per finding, right when its number is
    a slip of the figure the finding names. A finding on another figure's
    slip ("115 deaths in the state" read as the national toll) is wrong: its
    message names the wrong figure, and its fix would write the wrong value."""
    return [{"x": [r["evidence"][f] for f in WEIGHED], "y": r["slip"] and r["right"],
             "cap": min(CAP[r["value"]], 1 if r["family"] else 2)}
            for r in rows for _ in range(r["findings"])]


def tier_of(p, cap, firm, likely):
    """The tier a score reaches under the thresholds, no higher than its cap."""
    reached = 2 if p >= firm else 1 if p >= likely else 0
    return min(reached, cap)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", nargs="*", default=DEVELOPMENT)
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "figcheck"))
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    names = {Path(s).name for s in a.stories}
    if SEALED & names:
        sys.exit(f"sealed stories are never used for fitting: {sorted(SEALED & names)}")
    if a.bin == str(ROOT / "target" / "release" / "figcheck"):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    rows = [r for s in a.stories for r in claims(a.bin, s)]
    findings = sum(r["findings"] for r in rows)
    slips = sum(r["findings"] for r in rows if r["slip"] and r["right"])
    print(f"{len(rows)} claims, {sum(r['right'] for r in rows)} right; {findings} findings,"
          f" {slips} on slips of their figure; from {len(a.stories)} stories")

    held = []
    for s in a.stories:
        w = fit(examples([r for r in rows if r["story"] != s]))
        held += [(predict(w, x["x"]), x["y"], x["cap"])
                 for x in examples([r for r in rows if r["story"] == s])]
    # Only a claim its value lets be firm can be; a likely one is one the
    # value caps at likely, or one below the firm score.
    firm = threshold([(p, y) for p, y, cap in held if cap == 2], FIRM_PRECISION)
    top = firm if firm is not None else 2.0
    likely = threshold([(p, y) for p, y, cap in held if cap == 1 or (cap == 2 and p < top)],
                       LIKELY_PRECISION)
    lowest = cut([(p, y) for p, y, cap in held if cap >= 1])
    notes = []
    if firm is None and likely is None:
        # Neither target can be met: what scores above the cut is reported
        # at the figure's severity, as before tiers, and what is below not.
        firm = likely = lowest
        notes.append("no score made held-out findings 97% or 80% right: the tiers are"
                     f" weak below {lowest:.3f} and firm from there, until the evidence grows")
    elif firm is None:
        firm = 1.0
        notes.append("no score made held-out findings 97% right: no claim is firm")
    elif likely is None:
        likely = firm
        notes.append("no score made held-out findings below firm 80% right: no claim is likely")
    for n in notes:
        print("note:", n)
    report = []
    for rank in (2, 1, 0):
        band = [y for p, y, cap in held if tier_of(p, cap, firm, likely) == rank]
        share = sum(band) / len(band) if band else 1.0
        report.append(f"{TIERS[rank]} {len(band)} findings, {share:.0%} right")
        print(f"held out, {TIERS[rank]:6}: {len(band)} findings, {share:.0%} right")
    print(f"thresholds: firm {firm:.3f}, likely {likely:.3f}")

    w = fit(examples(rows))
    print("weights on all stories: bias %.3f, " % w[0]
          + ", ".join(f"{f} {x:.3f}" for f, x in zip(WEIGHED, w[1:])))
    if a.dry_run:
        return
    with open(ROOT / "bench" / "weights-data.jsonl", "w") as out:
        for r in rows:
            out.write(json.dumps(r) + "\n")
    text = [
        "# The weights of the evidence about a claim and the tiers' thresholds (see",
        "# tier.rs). Written by bench/fit_weights.py: do not edit by hand; refit.",
        f"# Fitted {datetime.date.today()} on {findings} findings ({slips} right) about",
        f"# {len(rows)} claims of: {', '.join(a.stories)}.",
        f"# Held out one story at a time: {'; '.join(report)}.",
    ]
    text += [f"# Note: {n}." for n in notes]
    text.append(f"bias = {w[0]:.4f}")
    text += [f"{f} = {x:.4f}" for f, x in zip(WEIGHED, w[1:])]
    text += [f"firm = {firm:.3f}", f"likely = {likely:.3f}", ""]
    (ROOT / "src" / "attribute" / "weights.toml").write_text("\n".join(text))
    print("wrote src/attribute/weights.toml and bench/weights-data.jsonl")


if __name__ == "__main__":
    main()
