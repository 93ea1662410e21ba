#!/usr/bin/env python3
"""Writes a deterministic synthetic corpus of news-like Markdown drafts for
figcheck's benchmark, with rules files of 50 and 500 figures and the subject
phrases of each as a plain list (for ripgrep).

    bench/generate.py OUT_DIR [--drafts 4000] [--megabytes 100] [--seed 7] [--dense]

Drafts have front matter, headings, paragraphs, lists, tables, code blocks and
quotes; years, names with digits and numbers in every form figcheck reads;
about one sentence in twenty states a figure, and one such claim in twenty
is wrong.

--dense writes the corpus of a first run over an old archive: 30% of the
claims are wrong (about 20,000 findings); one draft in ten
is hard-wrapped at 72 columns; and five drafts are compilations of 1.5 to
4.4 MB. It also writes rules-distinct-50/500/5000.toml, whose figures have
subject phrases that share no word, the worst case for the subject search;
and, outside the corpus, compilation-4mb.md: a 4 MB draft with about 2,000
findings, for the human format's cost per finding.
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


# How often a sentence states a figure, and how often such a claim is wrong.
MENTION, SLIP = 0.05, 0.05


def sentence(rng, figs):
    if rng.random() < MENTION:
        fid, phrase, value = rng.choice(figs)
        if rng.random() < SLIP:
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


def wrap(text, width=72):
    """Hard-wraps the paragraphs of a draft, as some editors save them."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width or line.startswith(("|", "```", "---", "#")):
            out.append(line)
            continue
        current = ""
        for word in line.split(" "):
            if current and len(current) + 1 + len(word) > width:
                out.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        out.append(current)
    return "\n".join(out)


SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "do", "an", "el", "ur", "is", "ob"]


def distinct_figures(rng, count):
    """Figures whose subject phrases share no word: two made-up words each."""
    words = set()
    out = []
    while len(out) < count:
        pair = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(3, 5))) for _ in range(2)]
        if pair[0] in words or pair[1] in words or pair[0] == pair[1]:
            continue
        words.update(pair)
        out.append((f"figure-{len(out):04d}", " ".join(pair), rng.randrange(10, 900) * 1000))
    return out


def main():
    global SLIP
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--drafts", type=int, default=4000)
    parser.add_argument("--megabytes", type=float, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dense", action="store_true")
    args = parser.parse_args()
    if args.dense:
        SLIP = 0.30
    rng = random.Random(args.seed)
    figs500 = figures(random.Random(args.seed + 1), 500)
    figs50 = figs500[:50]
    os.makedirs(os.path.join(args.out, "corpus"), exist_ok=True)
    for name, figs in [("rules-50.toml", figs50), ("rules-500.toml", figs500)]:
        with open(os.path.join(args.out, name), "w") as f:
            f.write(rules_toml(figs))
        with open(os.path.join(args.out, name.replace("rules", "subjects").replace(".toml", ".txt")), "w") as f:
            f.write("\n".join(p for _, p, _ in figs) + "\n")
    big = []
    if args.dense:
        distinct = distinct_figures(random.Random(args.seed + 2), 5000)
        for count in [50, 500, 5000]:
            with open(os.path.join(args.out, f"rules-distinct-{count}.toml"), "w") as f:
                f.write(rules_toml(distinct[:count]))
            with open(os.path.join(args.out, f"subjects-distinct-{count}.txt"), "w") as f:
                f.write("\n".join(p for _, p, _ in distinct[:count]) + "\n")
        # Five compilations, 1.5 to 4.4 MB, that take their share of the total.
        big = [int(mb * 1024 * 1024) for mb in (1.5, 2.0, 2.5, 3.2, 4.4)]
    target = int((args.megabytes * 1024 * 1024 - sum(big)) / (args.drafts - len(big)))
    for i in range(args.drafts):
        folder = os.path.join(args.out, "corpus", f"{i % 40:02d}")
        os.makedirs(folder, exist_ok=True)
        size = big[i // 800] if big and i % 800 == 0 and i // 800 < len(big) else target
        text = draft(rng, figs50, i, size)
        if args.dense and i % 10 == 3:
            text = wrap(text)
        with open(os.path.join(folder, f"draft-{i:05d}.md"), "w") as f:
            f.write(text)
    if args.dense:
        MENTION_BEFORE, SLIP = MENTION, 0.75
        globals()["MENTION"] = 0.055
        with open(os.path.join(args.out, "compilation-4mb.md"), "w") as f:
            f.write(draft(random.Random(args.seed + 3), figs50, 99999, 4 * 1024 * 1024))
        globals()["MENTION"] = MENTION_BEFORE


if __name__ == "__main__":
    main()
