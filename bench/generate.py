#!/usr/bin/env python3
"""Writes a deterministic synthetic corpus of news-like Markdown drafts for
figcheck's benchmark, with rules files of 50 and 500 figures and the subject
phrases of each as a plain list (for ripgrep).

    bench/generate.py OUT_DIR [--drafts 4000] [--megabytes 100] [--seed 7]

Drafts have front matter, headings, paragraphs, lists, tables, code blocks and
quotes; years, names with digits and numbers in every form figcheck reads;
about one sentence in twenty states a figure, and one such claim in twenty
is wrong.
"""
import argparse
import os
import random

ADJECTIVES = ["regional", "annual", "national", "municipal", "reported", "registered", "official",
              "estimated", "recorded", "confirmed", "rural", "urban", "coastal", "northern", "southern",
              "eastern", "western", "central", "provincial", "federal"]
NOUNS = ["school closures", "flood victims", "hospital beds", "bridge repairs", "court cases",
         "housing permits", "vaccine doses", "water outages", "road deaths", "police officers",
         "teacher vacancies", "prison transfers", "asylum claims", "bus routes", "power cuts",
         "crop losses", "fishing licences", "tax audits", "mining permits", "forest fires",
         "landslide victims", "border crossings", "factory closures", "library visits", "market stalls"]
FILLER = [
    "The ministry published its report on Tuesday after weeks of delay.",
    "Officials from MS-13 task forces met on Route 66 in 2019, the record shows.",
    "Critics said the plan, first drafted in 1998, had never been funded.",
    "Turnout rose 3.5% compared with the 34th session, observers noted.",
    "The mayor spoke for about twenty minutes and took no questions.",
    "Prices climbed to $2.3bn, according to Section 230 filings from March 15.",
    "A spokesperson declined to comment, citing an ongoing review.",
    "Residents described a 23.5-hour wait at the clinic on 3 April.",
    "The committee will meet again in 2026, its chair said.",
    "Nearly eighty-five thousand visitors came, by the organisers' count.",
    "Analysts at the G7 summit expected a figure between 100 and 120.",
    "See p.45 of the annex for the methodology, or write to desk@example.org.",
]


def fmt(value, form):
    """A value written in one of the forms figcheck reads."""
    if form == 0 or value < 1000:
        return f"{value:,}"
    if form == 1:
        return str(value)
    if form == 2:
        return f"{value:,}".replace(",", "\u202f")
    if form == 3 and value % 1000 == 0:
        return f"{value // 1000}k"
    if form == 4 and value >= 1_000_000:
        return f"{value / 1_000_000:.1f} million"
    return f"about {value:,}"


def figures(rng, count):
    phrases = set()
    out = []
    while len(out) < count:
        phrase = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
        if count > 100:
            phrase += f" in district {len(out) // 100 + 1}"
        if phrase in phrases:
            continue
        phrases.add(phrase)
        value = rng.choice([rng.randrange(200, 999), rng.randrange(10, 900) * 1000, rng.randrange(2, 9) * 1_000_000])
        out.append((f"figure-{len(out):03d}", phrase, value))
    return out


def rules_toml(figs):
    lines = ["[settings]", "window = 8", 'include = ["**/*.md"]', ""]
    for fid, phrase, value in figs:
        lines += ["[[figure]]", f'id = "{fid}"', f'name = "{phrase.capitalize()}"',
                  f'subjects = ["{phrase}"]', f"canonical = {value}", 'source = "Benchmark desk"', ""]
    return "\n".join(lines)


def sentence(rng, figs):
    if rng.random() < 0.05:
        fid, phrase, value = rng.choice(figs)
        if rng.random() < 0.05:
            value = value * 2 + 7  # a slip
        return f"The number of {phrase} reached {fmt(value, rng.randrange(6))} this year."
    return rng.choice(FILLER)


def paragraph(rng, figs):
    return " ".join(sentence(rng, figs) for _ in range(rng.randrange(3, 7)))


def draft(rng, figs, index, target):
    parts = [f"---\ntitle: \"Draft {index}\"\ndesk: metro\nwords: {rng.randrange(400, 1200)}\n---\n",
             f"# Weekly report {index}\n"]
    while sum(len(p) for p in parts) < target:
        kind = rng.random()
        if kind < 0.65:
            parts.append(paragraph(rng, figs) + "\n")
        elif kind < 0.75:
            parts.append("\n".join(f"- {sentence(rng, figs)}" for _ in range(3)) + "\n")
        elif kind < 0.82:
            parts.append("| item | value |\n|---|---|\n" + "\n".join(
                f"| {rng.choice(NOUNS)} | {rng.randrange(10, 99999):,} |" for _ in range(4)) + "\n")
        elif kind < 0.88:
            parts.append("```\nselect count(*) from cases where year = 2024; -- 376\n```\n")
        elif kind < 0.94:
            parts.append(f"> “{sentence(rng, figs)}” said one official.\n")
        else:
            parts.append(f"## Section {rng.randrange(1, 9)}\n")
    return "\n".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--drafts", type=int, default=4000)
    parser.add_argument("--megabytes", type=float, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    figs500 = figures(random.Random(args.seed + 1), 500)
    figs50 = figs500[:50]
    os.makedirs(os.path.join(args.out, "corpus"), exist_ok=True)
    for name, figs in [("rules-50.toml", figs50), ("rules-500.toml", figs500)]:
        with open(os.path.join(args.out, name), "w") as f:
            f.write(rules_toml(figs))
        with open(os.path.join(args.out, name.replace("rules", "subjects").replace(".toml", ".txt")), "w") as f:
            f.write("\n".join(p for _, p, _ in figs) + "\n")
    target = int(args.megabytes * 1024 * 1024 / args.drafts)
    for i in range(args.drafts):
        folder = os.path.join(args.out, "corpus", f"{i % 40:02d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"draft-{i:05d}.md"), "w") as f:
            f.write(draft(rng, figs50, i, target))


if __name__ == "__main__":
    main()
