//! Drafts as checkable prose: sentences and the words in them, as byte ranges
//! of the original text so that diagnostics point at what the author wrote.

use std::ops::Range;

use crate::lang::Lang;

/// Abbreviations whose full stop does not end a sentence (compared without
/// the final stop, case-sensitively), in each language.
fn abbreviations(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => ABBREVIATIONS,
        Lang::Es => ABBREVIATIONS_ES,
    }
}

/// Spanish abbreviations. `No` is left out: "Dijo que no." ends a sentence.
const ABBREVIATIONS_ES: &[&str] = &[
    "Sr", "Sra", "Srta", "Sres", "Sras", "Dr", "Dra", "Drs", "Lic", "Licda", "Ing", "Arq", "Gral",
    "Cnel", "Cap", "Tte", "Sgto", "Mons", "Pbro", "Mtro", "Mtra", "Excmo", "Ud", "Uds", "Vd",
    "Sto", "Sta", "núm", "Núm", "núms", "art", "Art", "arts", "pág", "Pág", "págs", "p", "pp",
    "vol", "cap", "fig", "etc", "ej", "aprox", "vs", "Av", "Avda", "Blvd", "Col", "Depto", "Dpto",
    "tel", "Tel", "EE", "UU", "EE.UU", "S.A", "a", "a.m", "p.m", "ene", "feb", "abr", "jun", "jul",
    "ago", "sep", "sept", "oct", "nov", "dic", "Ene", "Feb", "Mar", "Abr", "Jun", "Jul", "Ago",
    "Sep", "Sept", "Oct", "Nov", "Dic",
];

/// English abbreviations.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Col", "Lt", "Sgt", "Capt", "Sen",
    "Rep", "Gov", "Pres", "Hon", "Rev", "No", "Nos", "Vol", "vol", "Fig", "fig", "p", "pp",
    "approx", "vs", "etc", "e.g", "i.e", "cf", "Inc", "Ltd", "Co", "Corp", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "U.S", "U.N", "U.K", "E.U",
    "a.m", "p.m", "Art", "Sec", "Ch", "Ave", "Blvd", "Mt", "Ft",
];

/// Characters that may close a sentence after its final punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*' | '_')
}

/// The sentences of `text`, as byte ranges without surrounding whitespace.
///
/// A sentence ends at `.`, `!`, `?` or `…` followed by white space (after any
/// closing quotes or brackets), unless the stop belongs to an abbreviation or
/// an initial; it also ends at a blank line and at a line that starts a Markdown
/// block (heading, list item, quote, table row), so a heading and the paragraph
/// below it are never one sentence. Abbreviations are those of `lang`; an
/// opening `¿`, `¡` or `«` needs nothing: the sentence before ends at its stop.
pub fn sentences(text: &str, lang: Lang) -> Vec<Range<usize>> {
    let abbreviations = abbreviations(lang);
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    // Only line ends and stops matter: the bytes between them are skipped
    // without decoding (`…` is the one stop beyond ASCII, and its first
    // byte never occurs inside another character).
    let mut at = 0;
    while let Some(skip) = bytes[at..]
        .iter()
        .position(|b| matches!(b, b'\n' | b'.' | b'!' | b'?' | 0xe2))
    {
        let i = at + skip;
        let c = text[i..].chars().next().expect("a character starts here");
        at = i + c.len_utf8();
        match c {
            '\n' => {
                let rest = &text[i + 1..];
                let line = rest.trim_start_matches([' ', '\t']);
                let this_line_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
                let this_line = text[this_line_start..i].trim_start();
                if line.starts_with(['\n', '\r'])
                    || line.is_empty()
                    || starts_block(line)
                    || this_line.starts_with('#')
                    || this_line.starts_with('|')
                {
                    push_trimmed(text, start..i, &mut out);
                    start = i + 1;
                }
            }
            '.' | '!' | '?' | '…' => {
                let mut end = at;
                while let Some(next) = text[end..].chars().next() {
                    if is_closer(next) || (next == c && c != '.') {
                        end += next.len_utf8();
                    } else {
                        break;
                    }
                }
                at = end;
                let followed_by_space =
                    end == bytes.len() || text[end..].starts_with(|n: char| n.is_whitespace());
                if followed_by_space
                    && !(c == '.' && is_abbreviation(&text[start..i], abbreviations))
                {
                    push_trimmed(text, start..end, &mut out);
                    start = end;
                }
            }
            _ => {}
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    if out.iter().any(|r| r.len() > LONGEST_SENTENCE) {
        out = out.into_iter().flat_map(|r| split_long(text, r)).collect();
    }
    out
}

/// The most a sentence may hold, in bytes, before it is split: at its line
/// breaks first, then at its last `;`, `,` or `:` before the limit, then at
/// white space, and only for a run of 2,000 bytes without any at a character
/// boundary. Text without stops (a list of 1,000 lines such as "region 7,
/// deaths in custody, 7", or a transcript with no full stop) would otherwise
/// be one sentence, and attribution weighs every subject of a sentence
/// against every number in it: the work on a sentence grows with the square
/// of its length. Real sentences stay far below.
pub const LONGEST_SENTENCE: usize = 2_000;

/// A sentence longer than [`LONGEST_SENTENCE`], as pieces no longer than it.
fn split_long(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    if range.len() <= LONGEST_SENTENCE {
        return vec![range];
    }
    let mut lines = Vec::new();
    let mut start = range.start;
    for (i, _) in text[range.clone()].match_indices('\n') {
        push_trimmed(text, start..range.start + i, &mut lines);
        start = range.start + i + 1;
    }
    push_trimmed(text, start..range.end, &mut lines);
    let mut out = Vec::new();
    for mut line in lines {
        while line.len() > LONGEST_SENTENCE {
            let mut limit = line.start + LONGEST_SENTENCE;
            while !text.is_char_boundary(limit) {
                limit -= 1;
            }
            let head = &text[line.start..limit];
            let cut = head
                .rfind([';', ',', ':'])
                .map(|i| i + 1)
                .or_else(|| head.rfind(char::is_whitespace))
                .filter(|&i| i > 0)
                .map_or(limit, |i| line.start + i);
            push_trimmed(text, line.start..cut, &mut out);
            line.start = cut;
        }
        push_trimmed(text, line, &mut out);
    }
    out
}

/// The last `max` bytes of `s` (fewer, to stay on a character boundary):
/// all that a pattern anchored at the end of `s` needs to read.
pub fn tail_of(s: &str, max: usize) -> &str {
    let mut start = s.len().saturating_sub(max);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// The line that holds byte `at` of `text`, without its line break.
pub fn line_around(text: &str, at: usize) -> Range<usize> {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    start..end
}

/// The sentences of `text`, never running across one of `breaks` (sorted
/// offsets where a block of the draft ends).
pub fn sentences_within(text: &str, breaks: &[usize], lang: Lang) -> Vec<Range<usize>> {
    if breaks.is_empty() {
        return sentences(text, lang);
    }
    let mut out = Vec::new();
    let mut start = 0;
    for &end in breaks.iter().chain(std::iter::once(&text.len())) {
        let end = end.min(text.len());
        if end <= start {
            continue;
        }
        out.extend(
            sentences(&text[start..end], lang)
                .into_iter()
                .map(|r| r.start + start..r.end + start),
        );
        start = end;
    }
    out
}

/// The paragraph around byte `at`: from the end of the blank line (or block
/// break) before it to the blank line (or block break) after it. Sentences
/// never cross either, so splitting just this paragraph gives the sentences
/// that splitting the whole text would give here.
pub fn paragraph_around(text: &str, breaks: &[usize], at: usize) -> Range<usize> {
    let at = at.min(text.len());
    let break_before = breaks[..breaks.partition_point(|&b| b <= at)]
        .last()
        .copied()
        .unwrap_or(0);
    let break_after = breaks
        .get(breaks.partition_point(|&b| b <= at))
        .copied()
        .unwrap_or(text.len());
    let is_blank = |line: &str| line.trim_matches([' ', '\t', '\r']).is_empty();
    // Back, line by line, to a blank line.
    let mut start = break_before;
    let mut line_end = text[..at].rfind('\n');
    while let Some(newline) = line_end {
        if newline < break_before {
            break;
        }
        let line_start = text[..newline].rfind('\n').map_or(0, |i| i + 1);
        if is_blank(&text[line_start..newline]) {
            start = newline;
            break;
        }
        line_end = line_start.checked_sub(1);
    }
    // Forward, line by line, to a blank line.
    let mut end = break_after;
    let mut line_start = text[at..].find('\n').map(|i| at + i + 1);
    while let Some(from) = line_start {
        if from >= break_after {
            break;
        }
        let line_end = text[from..].find('\n').map_or(text.len(), |i| from + i);
        if is_blank(&text[from..line_end]) {
            end = from.saturating_sub(1).max(at);
            break;
        }
        line_start = (line_end < text.len()).then_some(line_end + 1);
    }
    start.max(break_before)..end.min(break_after)
}

fn starts_block(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('#' | '>' | '|') => true,
        Some('-' | '*' | '+') => chars.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() => {
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            let rest = &line[digits..];
            (rest.starts_with(". ") || rest.starts_with(") ")) && digits <= 3
        }
        _ => false,
    }
}

/// Whether the word that ends right before a full stop is an abbreviation or an initial.
fn is_abbreviation(before_stop: &str, abbreviations: &[&str]) -> bool {
    let word_start = before_stop
        .char_indices()
        .rev()
        .find(|(_, c)| {
            c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '—' | '–' | '¿' | '¡' | '«')
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before_stop[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut letters = word.chars();
    let single_capital = letters.next().is_some_and(char::is_uppercase) && letters.next().is_none();
    single_capital || abbreviations.contains(&word)
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// Start offsets of the words in `text[range]`, ascending.
///
/// A word is a run of characters without white space or dashes (`—`, `–`)
/// that holds at least one letter or digit: `custody—367` is two words,
/// `eighty-five` and `85,000` are one.
pub fn word_starts(text: &str, range: Range<usize>) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut current: Option<(usize, bool)> = None;
    for (i, c) in text[range.clone()].char_indices() {
        let separator = c.is_whitespace() || matches!(c, '—' | '–' | '/');
        if separator {
            if let Some((s, true)) = current.take() {
                starts.push(s);
            }
            current = None;
        } else {
            let entry = current.get_or_insert((range.start + i, false));
            entry.1 |= c.is_alphanumeric();
        }
    }
    if let Some((s, true)) = current {
        starts.push(s);
    }
    starts
}

/// Number of words that start in `gap`, given the sorted word starts of a sentence.
pub fn words_between(word_starts: &[usize], gap: Range<usize>) -> usize {
    if gap.start >= gap.end {
        return 0;
    }
    let from = word_starts.partition_point(|&s| s < gap.start);
    let to = word_starts.partition_point(|&s| s < gap.end);
    to - from
}

/// The asides of `text[sentence]`: bracketed notes (`[TK: …]`), parentheses,
/// and stretches set off by a pair of dashes (`—…—`, ` – … – `, ` - … - `),
/// as byte ranges that include their brackets or dashes. An aside is a unit
/// of meaning of its own: a subject inside it speaks of nothing outside it.
pub fn asides(text: &str, sentence: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut dash: Option<usize> = None;
    let slice = &text[sentence.clone()];
    for (i, c) in slice.char_indices() {
        let at = sentence.start + i;
        match c {
            '(' | '[' => open.push((c, at)),
            ')' | ']' => {
                let opener = if c == ')' { '(' } else { '[' };
                if let Some(k) = open.iter().rposition(|(o, _)| *o == opener) {
                    let (_, start) = open[k];
                    open.truncate(k);
                    out.push(start..at + 1);
                }
            }
            '—' | '–' | '-' => {
                // A hyphen or an en dash sets off an aside only with spaces
                // around it; an em dash always does.
                let spaced =
                    slice[..i].ends_with(' ') && slice[i + c.len_utf8()..].starts_with(' ');
                if c == '—' || spaced {
                    match dash.take() {
                        Some(start) => out.push(start..at + c.len_utf8()),
                        None => dash = Some(at),
                    }
                }
            }
            _ => {}
        }
    }
    out.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    out
}

/// The innermost aside among `asides` that holds byte `at`, if any.
pub fn aside_at(asides: &[Range<usize>], at: usize) -> Option<&Range<usize>> {
    asides
        .iter()
        .filter(|r| r.start < at && at < r.end)
        .min_by_key(|r| r.end - r.start)
}

/// Line starts of a text, to turn byte offsets into 1-based lines and columns
/// (columns counted in characters, as editors count them).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// On long lines, every [`CHECKPOINT`] bytes: a byte offset (on a
    /// character boundary) and its 1-based column, so that a column is never
    /// counted from the start of a line megabytes long.
    checkpoints: Vec<(usize, usize)>,
}

/// How far apart column checkpoints stand on a long line, in bytes.
const CHECKPOINT: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut checkpoints = Vec::new();
        let ends = starts
            .iter()
            .skip(1)
            .map(|&s| s - 1)
            .chain(std::iter::once(text.len()));
        for (&start, end) in starts.iter().zip(ends) {
            if end - start <= CHECKPOINT {
                continue;
            }
            let (mut at, mut column) = (start, 1);
            while at + CHECKPOINT < end {
                let mut next = at + CHECKPOINT;
                while !text.is_char_boundary(next) {
                    next -= 1;
                }
                column += text[at..next].chars().count();
                at = next;
                checkpoints.push((at, column));
            }
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// The byte offset where each line starts, the first at 0.
    pub fn line_starts(&self) -> &[usize] {
        &self.starts
    }

    /// 1-based line and column of `offset` in `text` (the text the index was built from).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        // The nearest checkpoint on this line at or before the offset, if any.
        let k = self.checkpoints.partition_point(|&(at, _)| at <= offset);
        let (from, column) = match k.checked_sub(1).map(|k| self.checkpoints[k]) {
            Some((at, column)) if at >= start => (at, column),
            _ => (start, 1),
        };
        let from = from.min(offset);
        (line, text[from..offset].chars().count() + column)
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn columns_on_long_lines_are_counted_right() {
        // Lines far longer than a checkpoint, with characters of 1 to 4 bytes.
        let line: String = "aé€𐍈 ".repeat(5_000);
        let text = format!("short\n{line}\n{line}x\nend");
        let index = LineIndex::new(&text);
        let naive = |offset: usize| {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let line = text[..offset].matches('\n').count() + 1;
            (line, text[start..offset].chars().count() + 1)
        };
        for (offset, _) in text.char_indices().step_by(97) {
            assert_eq!(index.line_col(&text, offset), naive(offset), "at {offset}");
        }
        assert_eq!(index.line_col(&text, text.len()), naive(text.len()));
    }

    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, Lang::En)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn a_sentence_longer_than_the_limit_is_cut_at_its_clauses_then_its_spaces() {
        let clause = "rights groups say 376 people have died in custody, and ";
        let text = format!("Start {}end.", clause.repeat(200));
        let pieces = sentences(&text, Lang::En);
        assert!(pieces.len() > 5, "{}", pieces.len());
        for piece in &pieces {
            assert!(piece.len() <= LONGEST_SENTENCE, "{}", piece.len());
            // Each piece but the last ends at a comma: a clause stays whole.
            if piece.end < text.len() {
                assert!(
                    text[piece.clone()].ends_with("custody,"),
                    "{}",
                    &text[piece.clone()]
                );
            }
        }
        // Nothing is lost but the white space between the pieces.
        let joined: String = pieces
            .iter()
            .map(|r| &text[r.clone()])
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined, text);

        // No clause mark: cut at white space; no white space either: at a
        // character boundary.
        let words = "ocho mil ".repeat(600);
        for piece in sentences(&words, Lang::Es) {
            assert!(piece.len() <= LONGEST_SENTENCE);
            assert!(!words[piece].starts_with("il"));
        }
        let run = "é".repeat(3_000);
        let pieces = sentences(&run, Lang::En);
        assert_eq!(pieces.iter().map(|r| r.len()).sum::<usize>(), run.len());
        assert!(pieces.iter().all(|r| r.len() <= LONGEST_SENTENCE));
    }

    #[test]
    fn a_sentence_within_the_limit_is_never_cut() {
        let text = format!("{} 376 people have died in custody.", "a, ".repeat(650));
        assert!(text.len() <= LONGEST_SENTENCE);
        assert_eq!(sentences(&text, Lang::En), vec![0..text.len()]);
    }

    /// The definition of [`sentences`], character by character, as it was
    /// before the scan skipped the bytes between stops.
    fn sentences_by_chars(text: &str, lang: Lang) -> Vec<Range<usize>> {
        let abbreviations = abbreviations(lang);
        let mut out = Vec::new();
        let mut start = 0;
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            match c {
                '\n' => {
                    let line = text[i + 1..].trim_start_matches([' ', '\t']);
                    let this_line_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
                    let this_line = text[this_line_start..i].trim_start();
                    if line.starts_with(['\n', '\r'])
                        || line.is_empty()
                        || starts_block(line)
                        || this_line.starts_with('#')
                        || this_line.starts_with('|')
                    {
                        push_trimmed(text, start..i, &mut out);
                        start = i + 1;
                    }
                }
                '.' | '!' | '?' | '…' => {
                    let mut end = i + c.len_utf8();
                    while let Some(&(j, next)) = iter.peek() {
                        if is_closer(next) || (next == c && c != '.') {
                            end = j + next.len_utf8();
                            iter.next();
                        } else {
                            break;
                        }
                    }
                    let followed_by_space =
                        end == text.len() || text[end..].starts_with(|n: char| n.is_whitespace());
                    if followed_by_space
                        && !(c == '.' && is_abbreviation(&text[start..i], abbreviations))
                    {
                        push_trimmed(text, start..end, &mut out);
                        start = end;
                    }
                }
                _ => {}
            }
        }
        push_trimmed(text, start..text.len(), &mut out);
        if out.iter().any(|r| r.len() > LONGEST_SENTENCE) {
            out = out.into_iter().flat_map(|r| split_long(text, r)).collect();
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_scan_splits_as_the_characters_do(
            text in "(Dr|No|U\\.S|EE\\. UU|a|é|7|1\\.5| |\n|\n\n|# |\\| |- |\\.|!|\\?|…|’|”|\\)|»|\\*|¿|—|\u{a0}){0,40}"
        ) {
            for lang in [Lang::En, Lang::Es] {
                proptest::prop_assert_eq!(sentences(&text, lang), sentences_by_chars(&text, lang));
            }
        }
    }

    #[test]
    fn splits_on_stops_followed_by_space() {
        assert_eq!(
            split("One. Two! Three? Four"),
            vec!["One.", "Two!", "Three?", "Four"]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("The U.S. paid Mr. Bukele. Cell No. 5 held J. Doe."),
            vec!["The U.S. paid Mr. Bukele.", "Cell No. 5 held J. Doe."]
        );
    }

    #[test]
    fn spanish_sentences_open_with_inverted_marks_and_keep_their_abbreviations() {
        let split_es = |text: &str| -> Vec<String> {
            sentences(text, Lang::Es)
                .into_iter()
                .map(|r| text[r].to_string())
                .collect()
        };
        assert_eq!(
            split_es("¿Cuántos murieron? ¡Al menos 367! «Son muchos», dijo la Dra. Pérez."),
            vec![
                "¿Cuántos murieron?",
                "¡Al menos 367!",
                "«Son muchos», dijo la Dra. Pérez."
            ]
        );
        assert_eq!(
            split_es("El Sr. Bukele viajó a EE. UU. con el núm. 5 del decreto. Volvió."),
            vec![
                "El Sr. Bukele viajó a EE. UU. con el núm. 5 del decreto.",
                "Volvió."
            ]
        );
        assert_eq!(
            split_es("La tasa fue de 1,9 en 2024. Bajó."),
            vec!["La tasa fue de 1,9 en 2024.", "Bajó."]
        );
        // "No." ends a Spanish sentence; in English it is an abbreviation.
        assert_eq!(
            split_es("Dijo que no. Se fue."),
            vec!["Dijo que no.", "Se fue."]
        );
        assert_eq!(split("Cell No. 5 held him."), vec!["Cell No. 5 held him."]);
    }

    #[test]
    fn decimals_do_not_end_sentences() {
        assert_eq!(
            split("The rate was 1.9 in 2024. It fell."),
            vec!["The rate was 1.9 in 2024.", "It fell."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("“It was 367.” Then she left. He said \"no.\" Fine"),
            vec!["“It was 367.”", "Then she left.", "He said \"no.\"", "Fine"]
        );
    }

    #[test]
    fn em_dashes_do_not_split_sentences_but_split_words() {
        let text = "Deaths in custody—367 of them—were never explained.";
        assert_eq!(split(text), vec![text]);
        let starts = word_starts(text, 0..text.len());
        assert_eq!(starts.len(), 9);
        assert_eq!(&text[starts[3]..starts[3] + 3], "367");
    }

    #[test]
    fn blank_lines_and_markdown_blocks_end_sentences() {
        assert_eq!(
            split("# Deaths in custody\n367 people died\nin custody.\n\n- 85,000 arrests\n- more"),
            vec![
                "# Deaths in custody",
                "367 people died\nin custody.",
                "- 85,000 arrests",
                "- more"
            ]
        );
    }

    #[test]
    fn line_index_counts_lines_and_character_columns() {
        let text = "one\r\ntwo “367”\nthree";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, text.find("367").unwrap()), (2, 6));
        assert_eq!(index.line_col(text, text.find("three").unwrap()), (3, 1));
        assert_eq!(index.line_col(text, text.len()), (3, 6));
    }

    #[test]
    fn breaks_end_sentences_where_blocks_end() {
        let text = "Deaths in custody    367 people";
        let within: Vec<&str> = sentences_within(text, &[17], Lang::En)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(within, vec!["Deaths in custody", "367 people"]);
    }

    #[test]
    fn paragraphs_split_the_same_as_the_whole_text() {
        let text = "One. Two!\n\nThree here.\nFour? Mr. Five\n   \n# Six\nSeven.\n\n\nEight.";
        let breaks = [text.find("# Six").unwrap()];
        let whole = sentences_within(text, &breaks, Lang::En);
        for (i, _) in text.char_indices() {
            let paragraph = paragraph_around(text, &breaks, i);
            let local: Vec<Range<usize>> = sentences(&text[paragraph.clone()], Lang::En)
                .into_iter()
                .map(|r| r.start + paragraph.start..r.end + paragraph.start)
                .collect();
            for sentence in &whole {
                if sentence.contains(&i) {
                    assert!(
                        local.contains(sentence),
                        "at {i}: {:?} not in {local:?}",
                        &text[sentence.clone()]
                    );
                }
            }
        }
    }

    #[test]
    fn asides_are_brackets_parentheses_and_paired_dashes() {
        let text = "[TK: check] The toll (367) rose — by a lot — and fell - sharply - in well-run 2024—ish.";
        let found: Vec<&str> = asides(text, &(0..text.len()))
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            found,
            vec!["[TK: check]", "(367)", "— by a lot —", "- sharply -"]
        );
        let inner = "(a [b] c)";
        let nested = asides(inner, &(0..inner.len()));
        assert_eq!(aside_at(&nested, 4), Some(&(3..6)));
        assert_eq!(aside_at(&nested, 1), Some(&(0..9)));
        assert_eq!(aside_at(&nested, 9), None);
    }

    #[test]
    fn counts_words_in_a_gap() {
        let text = "arrested more than 85,000 people";
        let starts = word_starts(text, 0..text.len());
        assert_eq!(words_between(&starts, 8..19), 2);
        let (end, start) = (8, 19);
        assert_eq!(
            words_between(&starts, start..end),
            0,
            "an empty gap has no words"
        );
    }
}
