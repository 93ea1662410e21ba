//! figcheck checks the figures in draft articles against a shared list of
//! canonical figures kept in `rules.toml`.
//!
//! The library does the work and never prints: [`Checker::check`] turns a
//! draft's text into [`Finding`]s, and the renderers in [`render`] turn
//! findings into text for people and machines.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod arithmetic;
pub mod attribute;
pub mod check;
pub mod confidence;
pub mod coverage;
pub mod date;
pub mod document;
pub mod escape;
pub mod examples;
pub mod finding;
pub mod fix;
pub mod formula;
pub mod invisible;
pub mod lang;
pub mod locale;
pub mod markup;
pub mod named_text;
pub mod numbers;
pub mod phrase;
pub mod place;
pub mod render;
pub mod repository;
pub mod rules;
pub mod run;
pub mod serve;
pub mod server;
pub mod source;
pub mod subject;
pub mod suppress;
pub mod text;
pub mod value;
pub mod walk;
pub mod word_family;

pub use attribute::Claim;
pub use check::{Code, Finding};
pub use numbers::Number;
pub use rules::{Rules, RulesDiagnostic, RulesErrors, Severity};

use attribute::SubjectMatcher;
use confidence::Tier;
use date::{Date, DraftDate};
use lang::{DraftLang, Lang};
use locale::Locale;
use markup::Prose;

/// Checks drafts against one set of rules.
#[derive(Debug, Clone)]
pub struct Checker {
    rules: Rules,
    /// The subject phrases of each language, by [`Lang::index`].
    matchers: Vec<SubjectMatcher>,
    sources: source::SourceMatcher,
    places: place::RulePlaces,
    /// The language every draft is read in (`--lang`), whatever it says itself.
    lang: Option<Lang>,
    /// Whether suppression comments in drafts are honoured (`--no-ignores` turns this off).
    honour_suppressions: bool,
    /// The date every draft is checked at (`--as-of`), whatever it says itself.
    as_of: Option<Date>,
    /// The date of a draft that gives none.
    today: Date,
    /// The lowest tier reported (`--report-tier`), whatever the settings say.
    report_tier: Option<Tier>,
    /// The texts are the rules' examples, each about the figure the desk
    /// wrote it under: a value that meets none of the figure's values casts
    /// no doubt on what it is about (see [`attribute::tier::ValueFit`]).
    examples: bool,
}

/// What figcheck reads in a text: its numbers, and which of them are claims.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub numbers: Vec<Number>,
    pub claims: Vec<Claim>,
    /// The date the draft is checked at, for a whole draft.
    pub date: Option<DraftDate>,
    /// The language the draft is read in, and why.
    pub lang: Option<DraftLang>,
    /// The relations between numbers that sentences state (shares, changes,
    /// parts of a whole), recomputed.
    pub relations: Vec<arithmetic::Relation>,
}

impl Checker {
    pub fn new(rules: Rules) -> Checker {
        let matchers = Lang::ALL
            .iter()
            .map(|&lang| SubjectMatcher::new(&rules.figures, lang))
            .collect();
        let sources = source::SourceMatcher::new(&rules.sources);
        Checker {
            rules,
            matchers,
            sources,
            places: place::RulePlaces::default(),
            lang: None,
            honour_suppressions: true,
            as_of: None,
            today: Date::today(),
            report_tier: None,
            examples: false,
        }
    }

    /// Reads the rules' examples (see [`crate::examples`]): texts whose
    /// figure the desk names, so their value takes no tier away.
    pub fn reading_examples(mut self) -> Checker {
        self.examples = true;
        self
    }

    /// Reports claims down to `tier` (`--report-tier`), whatever the
    /// settings say.
    pub fn report_tier(mut self, tier: Option<Tier>) -> Checker {
        self.report_tier = tier;
        self
    }

    /// The lowest tier of claim whose findings are reported.
    pub fn lowest_tier(&self) -> Tier {
        self.report_tier.unwrap_or(self.rules.settings.report_tier)
    }

    /// Checks every draft as of `date` (`--as-of`), whatever date it gives itself.
    pub fn as_of(mut self, date: Option<Date>) -> Checker {
        self.as_of = date;
        self
    }

    /// Reads every draft in `lang` (`--lang`), whatever it says itself.
    pub fn lang(mut self, lang: Option<Lang>) -> Checker {
        self.lang = lang;
        self
    }

    /// The language a draft is read in: `--lang`, else what the draft says
    /// (front matter, `<html lang>`), else `lang` in the rules' settings,
    /// detected from the prose where that is `auto`.
    pub fn draft_lang(&self, format: markup::Format, source: &str, prose: &Prose) -> DraftLang {
        self.lang_of(format, source, prose, self.lang)
    }

    /// [`Checker::draft_lang`], with `given` in place of `--lang`.
    fn lang_of(
        &self,
        format: markup::Format,
        source: &str,
        prose: &Prose,
        given: Option<Lang>,
    ) -> DraftLang {
        let declared = || lang::of_draft(format, source);
        // The draft is read for its language only when no flag settles it.
        let declared = if given.is_some() { None } else { declared() };
        lang::choose(given, declared, self.rules.settings.lang, || &prose.text)
    }

    /// The date of a draft that gives none: today unless set.
    pub fn today(mut self, date: Date) -> Checker {
        self.today = date;
        self
    }

    /// The date a draft is checked at: `--as-of`, else the date the draft
    /// gives (front matter, HTML metadata), else today.
    pub fn draft_date(&self, format: markup::Format, source: &str) -> DraftDate {
        self.date_of(format, source, self.as_of)
    }

    /// [`Checker::draft_date`], with `given` in place of `--as-of`.
    fn date_of(&self, format: markup::Format, source: &str, given: Option<Date>) -> DraftDate {
        if let Some(date) = given {
            return DraftDate {
                date,
                origin: date::Origin::Given,
            };
        }
        date::draft::of_draft(format, source, self.declared_lang(format, source)).unwrap_or(
            DraftDate {
                date: self.today,
                origin: date::Origin::Today,
            },
        )
    }

    /// The language a draft is known to be written in without reading its
    /// text: `--lang`, what the draft says, or the rules' `lang` unless that
    /// is `auto`. It decides how a numeric date (`10/05/2024`) is read.
    fn declared_lang(&self, format: markup::Format, source: &str) -> Option<Lang> {
        self.lang
            .or_else(|| lang::of_draft(format, source).map(|d| d.lang))
            .or(match self.rules.settings.lang {
                lang::LangSetting::Auto => None,
                lang::LangSetting::Fixed(lang) => Some(lang),
            })
    }

    /// A date in the draft's front matter written with numbers only that
    /// could be read either way (`10/05/2024` in an English draft), when
    /// the draft gives no date figcheck can read: as the draft writes it,
    /// for a note.
    pub fn ambiguous_date(&self, format: markup::Format, source: &str) -> Option<String> {
        if self.as_of.is_some() {
            return None;
        }
        date::draft::ambiguous(format, source, || self.declared_lang(format, source))
    }

    /// Whether suppression comments in drafts are honoured (they are by default).
    pub fn honour_suppressions(mut self, honour: bool) -> Checker {
        self.honour_suppressions = honour;
        self
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Every number in a plain `text`, and the claims among them.
    pub fn analyse(&self, text: &str) -> Analysis {
        self.analyse_in(text, None)
    }

    /// [`Checker::analyse`], reading the text in `lang` where given.
    pub fn analyse_in(&self, text: &str, lang: Option<Lang>) -> Analysis {
        let prose = markup::prose(markup::Format::Text, text);
        let lang = self.lang_of(markup::Format::Text, text, &prose, lang.or(self.lang));
        let mut analysis = self.analyse_prose_at(&prose, self.today.last_day(), lang);
        analysis.lang = Some(lang);
        analysis
    }

    /// Every number in the prose of a draft read in `lang`, and the claims
    /// among them, for a draft dated `day`.
    fn analyse_prose_at(&self, prose: &Prose, day: date::Day, draft: DraftLang) -> Analysis {
        let lang = draft.lang;
        let text: &str = &prose.text;
        let numbers = numbers::recognise_as(text, lang, draft.decimal);
        let hits = self.matchers[lang.index()].find(text, 0..text.len());
        let sentences = text::sentences_within(text, &prose.breaks, lang);
        let items = attribute::list::items(text, &hits, lang);
        let claims = self.claims_of(prose, &sentences, &hits, &items, &numbers, lang);
        let relations = arithmetic::find(
            &prose.text,
            &prose.breaks,
            &self.rules.figures,
            &|| day,
            Locale::of(&draft),
        );
        Analysis {
            numbers,
            claims,
            date: None,
            lang: None,
            relations,
        }
    }

    /// The claims in the prose of a draft, reading numbers only where a claim
    /// can be: in sentences that hold a subject phrase. A draft without any
    /// subject phrase costs one pass of the subject matcher.
    fn claims_in(&self, prose: &Prose, draft: DraftLang) -> Analysis {
        let lang = draft.lang;
        let text: &str = &prose.text;
        let hits = self.matchers[lang.index()].find(text, 0..text.len());
        if hits.is_empty() {
            return Analysis::default();
        }
        // Only the paragraphs that hold a subject phrase are split into
        // sentences, and the paragraph after each: a sentence there may
        // point back at the figure ("…, bringing the total to 21,063", "The
        // number of deaths stood at 225").
        let mut sentences = Vec::new();
        let mut covered = 0;
        let mut split_to = 0;
        for hit in &hits {
            if hit.span.start < covered {
                continue;
            }
            let paragraph = text::paragraph_around(text, &prose.breaks, hit.span.start);
            covered = paragraph.end.max(hit.span.end);
            // (Only one with a digit: a number in words alone there is
            // rarely a count that points back.)
            let next = text[paragraph.end..]
                .find(|c: char| !c.is_whitespace())
                .map(|at| text::paragraph_around(text, &prose.breaks, paragraph.end + at))
                .filter(|next| text[next.clone()].bytes().any(|b| b.is_ascii_digit()));
            for paragraph in std::iter::once(paragraph).chain(next) {
                if paragraph.start < split_to {
                    continue;
                }
                split_to = paragraph.end;
                sentences.extend(
                    text::sentences(&text[paragraph.clone()], lang)
                        .into_iter()
                        .map(|r| r.start + paragraph.start..r.end + paragraph.start),
                );
            }
        }
        let mut numbers = Vec::new();
        // The numbers of one stretch of the text, at the text's offsets.
        let read = |range: &std::ops::Range<usize>, numbers: &mut Vec<numbers::Number>| {
            numbers.extend(
                numbers::recognise_as(&text[range.clone()], lang, draft.decimal)
                    .into_iter()
                    .map(|n| n.shifted(range.start)),
            );
        };
        let has_hit = |range: &std::ops::Range<usize>| !attribute::hits_in(&hits, range).is_empty();
        for (i, sentence) in sentences.iter().enumerate() {
            // A sentence a few after one that names a figure may point back
            // to it ("The figure now stands at 376"), so its numbers are read
            // too.
            let after_a_hit = sentences[i.saturating_sub(attribute::TOPIC_REACH)..i]
                .iter()
                .any(&has_hit)
                && text[sentence.clone()].bytes().any(|b| b.is_ascii_digit())
                && (attribute::points_back(&text[sentence.clone()], lang)
                    || self.matchers[lang.index()].says_a_family_word(text, sentence.clone()));
            if has_hit(sentence) || after_a_hit {
                read(sentence, &mut numbers);
            }
        }
        // The cells of a table whose headings name a figure (see
        // `attribute::table`): each is a block of its own, read here.
        let named: std::collections::HashSet<usize> = prose
            .cells
            .iter()
            .filter(|c| has_hit(&c.range))
            .map(|c| c.table)
            .collect();
        for cell in prose
            .cells
            .iter()
            .filter(|c| !c.header && named.contains(&c.table))
        {
            if has_hit(&cell.range) {
                continue; // read with the sentences above
            }
            read(&cell.range, &mut numbers);
        }
        // The items of a list under a lead-in that names a figure (see
        // `attribute::list`): each line is read here.
        let items = attribute::list::items(text, &hits, lang);
        for item in &items {
            read(&item.line, &mut numbers);
        }
        numbers.sort_by_key(|n| (n.span.start, n.span.end));
        numbers.dedup_by(|a, b| a.span == b.span);
        let claims = self.claims_of(prose, &sentences, &hits, &items, &numbers, lang);
        Analysis {
            numbers,
            claims,
            date: None,
            lang: None,
            relations: Vec::new(),
        }
    }

    /// The claims on `numbers` in the prose: attributed in `sentences`, in
    /// tables and lists, less those about other places, with their sources.
    fn claims_of(
        &self,
        prose: &Prose,
        sentences: &[std::ops::Range<usize>],
        hits: &[subject::SubjectHit],
        items: &[attribute::list::Item],
        numbers: &[numbers::Number],
        lang: Lang,
    ) -> Vec<Claim> {
        let text: &str = &prose.text;
        let mut claims = attribute::attribute_in(
            text,
            sentences,
            hits,
            numbers,
            &self.rules.figures,
            &self.matchers[lang.index()],
            lang,
        );
        self.add_row_claims(text, prose, hits, items, numbers, &mut claims);
        if !self.examples {
            for claim in &mut claims {
                claim.tier = claim.tier.min(claim.evidence.value.cap());
            }
        }
        self.places
            .drop_other_places(text, numbers, &mut claims, &self.rules);
        self.attribute_sources(text, &mut claims, lang);
        claims
    }

    /// Adds the claims that a table's cells and a list's `items` make (see
    /// [`attribute::table`], [`attribute::list`]) on numbers the prose around
    /// them did not claim, keeping claims in the order of their numbers.
    fn add_row_claims(
        &self,
        text: &str,
        prose: &Prose,
        hits: &[subject::SubjectHit],
        items: &[attribute::list::Item],
        numbers: &[numbers::Number],
        claims: &mut Vec<Claim>,
    ) {
        let figures = &self.rules.figures;
        if !prose.cells.is_empty() {
            add_claims(claims, |claimed| {
                attribute::table::claims(text, &prose.cells, hits, numbers, figures, claimed)
            });
        }
        if !items.is_empty() {
            add_claims(claims, |claimed| {
                attribute::list::claims(items, numbers, figures, claimed)
            });
        }
    }

    /// Sets the source each claim's clause attributes it to, if the rules
    /// declare sources at all.
    fn attribute_sources(&self, text: &str, claims: &mut [Claim], lang: Lang) {
        for claim in claims {
            claim.source = self.sources.attributed(text, &claim.clause, lang);
        }
    }

    /// Every number in a draft written in `format`, and the claims among them,
    /// at offsets in `source` (the text each number was read as may differ,
    /// for HTML with decoded character references).
    pub fn analyse_document(&self, format: markup::Format, source: &str) -> Analysis {
        let read = invisible::as_read(source);
        let seen: &str = &read.text;
        let prose = markup::prose(format, seen);
        let date = self.draft_date(format, source);
        let lang = self.draft_lang(format, seen, &prose);
        let mut analysis = self.analyse_prose_at(&prose, date.date.last_day(), lang);
        analysis.date = Some(date);
        analysis.lang = Some(lang);
        for map in [&prose.map, &read.map].into_iter().flatten() {
            for number in &mut analysis.numbers {
                let qualifier = map.start(number.qualifier_start);
                number.span = map.range(&number.span);
                number.qualifier_start = qualifier.min(number.span.start);
            }
            for claim in &mut analysis.claims {
                claim.subject = map.range(&claim.subject);
                if let Some(year) = &mut claim.year {
                    let range = map.range(&(year.start..year.end));
                    (year.start, year.end) = (range.start, range.end);
                }
                if let Some(anchor) = &mut claim.anchor {
                    let range = map.range(&(anchor.start..anchor.end));
                    (anchor.start, anchor.end) = (range.start, range.end);
                }
            }
        }
        analysis
    }

    /// Applies the `quotes` setting to findings about numbers in quotations.
    /// A quotation is a source's words: whatever the setting, a finding
    /// there never carries a fix.
    fn apply_quotes(
        &self,
        prose: &Prose,
        mut findings: Vec<Finding>,
        locale: Locale,
    ) -> Vec<Finding> {
        if findings.is_empty() {
            return findings;
        }
        let quoted = prose.quoted();
        let in_quote = |f: &Finding| {
            quoted
                .iter()
                .any(|q| q.start <= f.span.start && f.span.end <= q.end)
        };
        match self.rules.settings.quotes {
            rules::Quotes::Skip => findings.retain(|f| !in_quote(f)),
            rules::Quotes::Check => {
                for f in findings.iter_mut().filter(|f| in_quote(f)) {
                    f.fix = None;
                }
            }
            rules::Quotes::Warn => {
                for f in findings.iter_mut().filter(|f| in_quote(f)) {
                    f.fix = None;
                    f.severity = f.severity.min(Severity::Warning);
                    f.help = tr!(locale, "help-quoted", help = f.help);
                }
            }
        }
        findings
    }

    /// The findings for a plain text, sorted by position.
    pub fn check(&self, text: &str) -> Vec<Finding> {
        self.check_document(markup::Format::Text, text)
    }

    /// The findings for a plain text written on `date`, sorted by position.
    pub fn check_as_of(&self, text: &str, date: Date) -> Vec<Finding> {
        self.check_dated(markup::Format::Text, text, Some(date), self.lang)
    }

    /// The findings for a plain text, as of `date` and read in `lang` where
    /// given (a rules example's `as_of` and `lang`).
    pub fn check_text(&self, text: &str, date: Option<Date>, lang: Option<Lang>) -> Vec<Finding> {
        self.check_dated(
            markup::Format::Text,
            text,
            date.or(self.as_of),
            lang.or(self.lang),
        )
    }

    /// The findings for a draft written in `format`, sorted by position. Spans
    /// are offsets in `source`.
    pub fn check_document(&self, format: markup::Format, source: &str) -> Vec<Finding> {
        self.check_dated(format, source, self.as_of, self.lang)
    }

    /// [`Checker::check_document`], with `given` in place of `--as-of` and
    /// `lang` in place of `--lang`.
    fn check_dated(
        &self,
        format: markup::Format,
        source: &str,
        given: Option<Date>,
        lang: Option<Lang>,
    ) -> Vec<Finding> {
        // Numbers as readers see them; spans go back to `source` at the end.
        let read = invisible::as_read(source);
        let seen: &str = &read.text;
        let prose = markup::prose(format, seen);
        let draft = self.lang_of(format, seen, &prose, lang);
        let locale = Locale::of(&draft);
        let mut analysis = self.claims_in(&prose, draft);
        // The draft's date is read only when something needs it: front matter
        // is cheap, but an HTML draft is tokenized again for it.
        let draft = std::cell::OnceCell::new();
        let date = || *draft.get_or_init(|| self.date_of(format, source, given).date.last_day());
        // A number a bidirectional control reorders is not judged as its bytes.
        let reordered = invisible::set_aside_reordered(
            &prose.text,
            &analysis.numbers,
            &mut analysis.claims,
            &self.rules.figures,
            locale,
        );
        // "Last year" is the year before the draft's.
        for claim in &mut analysis.claims {
            if let (None, Some(relative)) = (claim.year, claim.relative_year) {
                claim.year = Some(relative.at(Date::of_day(date()).year));
            }
        }
        let judge = |lowest: Tier| {
            if analysis.claims.is_empty() {
                Vec::new()
            } else {
                check::check(
                    &prose.text,
                    &analysis.numbers,
                    &analysis.claims,
                    &self.rules.figures,
                    date(),
                    lowest,
                    locale,
                )
            }
        };
        let mut findings = judge(self.lowest_tier());
        findings.extend(reordered);
        let relations = arithmetic::find(
            &prose.text,
            &prose.breaks,
            &self.rules.figures,
            &date,
            locale,
        );
        findings.extend(arithmetic::findings(
            &prose.text,
            &relations,
            self.rules.settings.arithmetic,
            locale,
        ));
        Finding::sort(&mut findings);
        let mut findings = self.apply_quotes(&prose, findings, locale);
        // Spans back to the draft's bytes.
        let to_source = |findings: &mut [Finding]| {
            for map in [&prose.map, &read.map].into_iter().flatten() {
                for finding in findings.iter_mut() {
                    finding.span = map.range(&finding.span);
                    for label in &mut finding.labels {
                        label.span = map.range(&label.span);
                    }
                    if let Some(fix) = &mut finding.fix {
                        for edit in &mut fix.edits {
                            edit.span = map.range(&edit.span);
                        }
                    }
                }
            }
        };
        to_source(&mut findings);
        // A fix replaces the number as the draft's bytes have it; where
        // those differ from the text read (`58&nbsp;000`, a zero-width space
        // inside), the replacement's style is a guess, so it is not safe.
        if prose.map.is_some() || read.map.is_some() {
            for finding in &mut findings {
                if let Some(fix) = &mut finding.fix {
                    if fix
                        .edits
                        .iter()
                        .any(|e| source.get(e.span.clone()) != Some(finding.found_text.as_str()))
                    {
                        fix.applicability = fix::Applicability::Unsafe;
                    }
                }
            }
        }
        if !self.honour_suppressions {
            return findings;
        }
        let mut suppressions = suppress::find(format, source);
        if suppressions.is_empty() {
            return findings;
        }
        // A suppression that hides only a claim below the tier reported is
        // still in use (the desk wrote it for that claim); the claims are
        // judged again at every tier only where there is such a claim.
        let lowest = self.lowest_tier();
        if analysis.claims.iter().any(|c| c.tier < lowest) {
            let mut every = judge(Tier::Weak);
            to_source(&mut every);
            suppress::mark_used(&every, &mut suppressions, &self.rules.figures);
        }
        suppress::apply(findings, &mut suppressions, &self.rules.figures, locale)
    }
}

/// Adds the claims `more` makes to `claims`, keeping them in the order of
/// their numbers; `more` is told which numbers are claimed already.
fn add_claims(claims: &mut Vec<Claim>, more: impl FnOnce(&dyn Fn(usize) -> bool) -> Vec<Claim>) {
    let claimed: std::collections::HashSet<usize> = claims.iter().map(|c| c.number).collect();
    let more = more(&|i| claimed.contains(&i));
    if !more.is_empty() {
        claims.extend(more);
        claims.sort_by_key(|c| c.number);
    }
}
