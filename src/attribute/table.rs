//! Tables: a number in a cell takes the figure its row's label or its
//! column's header names.
//!
//! | Measure           | 2024 | 2025 |
//! |-------------------|------|------|
//! | Deaths in custody | 261  | 376  |
//!
//! Here 376 is a claim about deaths in custody, tied to 2025. The other
//! heading (the column's, when the row's label names the figure) must say
//! nothing the figure does not: be empty, a year (which the claim is tied
//! to), or a word such as "Total", "Value" or "Latest". A heading that names
//! anything else (a prison, "Women", "Change") makes the number a part, a
//! difference or another quantity, and the cell is left alone. The label
//! itself may hold, beside the figure's phrase, only such words, a year, and
//! words like "number of": "Deaths in custody of women" names a part.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{fits, tier, Claim, Modality, Tense, TiedYear};
use crate::markup::Cell;
use crate::numbers::Number;
use crate::rules::Figure;
use crate::subject::SubjectHit;

/// Words a heading may hold beside a figure's phrase, or alone, and say
/// nothing more about the number under it.
const NEUTRAL: &[&str] = &[
    "total", "totals", "value", "values", "figure", "figures", "number", "numbers", "count",
    "latest", "current", "now", "today", "data", "amount", "overall", "all", "the", "of", "as",
    "at", "in", "year", "valor", "valores", "cifra", "cifras", "número", "numero", "dato", "datos",
    "actual", "hoy", "todos", "todas", "el", "la", "los", "las", "de", "del", "en", "año",
];

/// A rate's base in a heading: "(per 100,000)", "por cada 100.000 habitantes".
static RATE_BASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:per|por\s+cada|por)\s+[0-9][0-9.,\s]*[0-9](?:\s+(?:inhabitants|residents|people|population|habitantes|personas))?",
    )
    .expect("rate base pattern")
});

/// What a heading says beside the figure's phrase: nothing (`Some(None)`),
/// a year (`Some(Some(year))`), or something else (`None`). A rate's base
/// ("per 100,000") says nothing more.
fn neutral(text: &str, start: usize) -> Option<Option<TiedYear>> {
    // Blanked, not cut: a year's offset stays the heading's.
    let text = RATE_BASE.replace_all(text, |m: &regex::Captures| " ".repeat(m[0].len()));
    let text: &str = &text;
    let mut year = None;
    let mut at = 0;
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let offset = at;
        at += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        if let Ok(y) = word.parse::<i32>() {
            if word.len() == 4 && (1900..=2100).contains(&y) && year.is_none() {
                let start = start + offset;
                year = Some(TiedYear {
                    year: y,
                    start,
                    end: start + 4,
                });
                continue;
            }
            return None;
        }
        if !NEUTRAL.contains(&word.to_lowercase().as_str()) {
            return None;
        }
    }
    Some(year)
}

/// The figure a heading cell names, with the hit that names it and the year
/// it adds: its one figure's phrase, and nothing more than neutral words.
fn names<'h>(
    text: &str,
    cell: &Cell,
    hits: &'h [SubjectHit],
) -> Option<(&'h SubjectHit, Option<TiedYear>)> {
    let inside: Vec<&SubjectHit> = super::hits_in(hits, &cell.range)
        .iter()
        .filter(|h| h.span.end <= cell.range.end)
        .collect();
    let first = *inside.first()?;
    if inside.iter().any(|h| h.figure != first.figure) {
        return None;
    }
    // What the cell says outside the phrases that name the figure.
    let mut year = None;
    let mut from = cell.range.start;
    for hit in inside
        .iter()
        .map(|h| &h.span)
        .chain([&(cell.range.end..cell.range.end)])
    {
        if hit.start > from {
            match neutral(&text[from..hit.start], from)? {
                Some(y) if year.is_none() => year = Some(y),
                Some(_) => return None,
                None => {}
            }
        }
        from = from.max(hit.end);
    }
    Some((first, year))
}

/// The claims that numbers in table cells make, for numbers that no claim of
/// the prose around them holds yet (`claimed`). `cells` are in order of
/// table, row and column.
pub fn claims(
    text: &str,
    cells: &[Cell],
    hits: &[SubjectHit],
    numbers: &[Number],
    figures: &[Figure],
    claimed: &dyn Fn(usize) -> bool,
) -> Vec<Claim> {
    let mut claims = Vec::new();
    for cell in cells.iter().filter(|c| !c.header) {
        // Numbers are in order: only those that start in the cell are looked at.
        let first = numbers.partition_point(|n| n.span.start < cell.range.start);
        let inside: Vec<usize> = (first..numbers.len())
            .take_while(|&i| numbers[i].span.start < cell.range.end)
            .filter(|&i| {
                let span = numbers[i].full_span();
                cell.range.start <= span.start && span.end <= cell.range.end
            })
            .collect();
        let [index] = inside[..] else {
            continue; // no number, or several: not one value
        };
        if claimed(index) {
            continue;
        }
        let number = &numbers[index];
        let span = number.full_span();
        let words_outside = text[cell.range.start..span.start]
            .split_whitespace()
            .chain(text[span.end..cell.range.end].split_whitespace())
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        if words_outside > 3 {
            continue;
        }
        let label = (cell.column > 0).then(|| row_label(cells, cell)).flatten();
        let header = column_header(cells, cell);
        let by_label = label.and_then(|l| names(text, l, hits));
        let by_header = header.and_then(|h| names(text, h, hits));
        // What the other heading says: nothing, or a year (no cell: nothing).
        let said = |c: Option<&Cell>| {
            c.map_or(Some(None), |c| {
                neutral(&text[c.range.clone()], c.range.start)
            })
        };
        let (hit, years) = match (by_label, by_header) {
            (Some((hit, own)), None) => match said(header) {
                Some(other) => (hit, [own, other]),
                None => continue,
            },
            (None, Some((hit, own))) => match said(label) {
                Some(other) => (hit, [own, other]),
                None => continue,
            },
            (Some((a, own_a)), Some((b, own_b))) if a.figure == b.figure => (a, [own_a, own_b]),
            _ => continue,
        };
        let figure = &figures[hit.figure];
        if !fits(figure, number, true) {
            continue;
        }
        let year = match years {
            [Some(a), Some(b)] if a.year != b.year => continue,
            [a, b] => a.or(b),
        };
        claims.push(claim(number, index, hit, year, figure, cell.range.clone()));
    }
    claims
}

/// The first cell of `cell`'s row.
fn row_label<'c>(cells: &'c [Cell], cell: &Cell) -> Option<&'c Cell> {
    at(cells, cell.table, cell.row, 0)
}

/// The cell at `row` and `column` of `table`, found by halving: cells are
/// in order of table, row and column, so a table of any size costs each of
/// its cells a few steps.
fn at(cells: &[Cell], table: usize, row: usize, column: usize) -> Option<&Cell> {
    let i = cells.partition_point(|c| (c.table, c.row, c.column) < (table, row, column));
    cells
        .get(i)
        .filter(|c| (c.table, c.row, c.column) == (table, row, column))
}

/// The heading of `cell`'s column: the cell above it in its table's header
/// row (the first row, when its cells are headings).
fn column_header<'c>(cells: &'c [Cell], cell: &Cell) -> Option<&'c Cell> {
    let first = &cells[cells.partition_point(|c| c.table < cell.table)];
    if first.row == cell.row {
        return None;
    }
    at(cells, cell.table, first.row, cell.column).filter(|c| c.header)
}

fn claim(
    number: &Number,
    index: usize,
    hit: &SubjectHit,
    year: Option<TiedYear>,
    figure: &Figure,
    cell: Range<usize>,
) -> Claim {
    let evidence = tier::Evidence {
        family: hit.family,
        dated: year.is_some(),
        ..tier::Evidence::in_a_row(number, figure)
    };
    let weights = &*tier::WEIGHTS;
    let score = weights.score(&evidence);
    let tier = weights.tier_of(&evidence);
    Claim {
        figure: hit.figure,
        number: index,
        subject: hit.span.clone(),
        year,
        relative_year: None,
        anchor: None,
        modality: Modality::Assertion,
        tense: Tense::Unknown,
        clause: cell.clone(),
        sentence: cell.clone(),
        reach: cell,
        source: None,
        evidence,
        score,
        tier,
    }
}
