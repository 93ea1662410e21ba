//! The cues of English drafts.

use std::sync::LazyLock;

use regex::Regex;

use super::{Cues, Pattern};
use crate::attribute::modality;
use crate::lang::Lang;

pub(super) static ENGLISH: Cues = Cues {
    coordinators: &["and"],
    apposition_words: APPOSITION_WORDS,
    increment: &INCREMENT,
    increment_before: &INCREMENT_BEFORE,
    difference_before: &DIFFERENCE_BEFORE,
    window: None,
    narrow_time: &NARROW_TIME,
    part: &PART,
    period: &PERIOD,
    running_total: &RUNNING_TOTAL,
    status: &STATUS,
    part_of: &PART_OF,
    whole_of: &WHOLE_OF,
    share_before: &SHARE_BEFORE,
    opening_whole: &OPENING_WHOLE,
    opening_addition: &OPENING_ADDITION,
    relative_end: &RELATIVE_END,
    relative_open: &RELATIVE_OPEN,
    free_after: FREE_AFTER,
    auxiliaries: Lang::En.auxiliaries(),
    linking: LINKING,
    up_to_day: &["by", "through", "until", "till"],
    groups: &[
        "children",
        "child",
        "adults",
        "adult",
        "women",
        "woman",
        "men",
        "man",
        "girls",
        "boys",
        "minors",
        "teenagers",
        "infants",
        "babies",
    ],
    event_verbs: &[
        "struck",
        "hit",
        "began",
        "begun",
        "started",
        "occurred",
        "erupted",
        "happened",
        "collapsed",
        "ignited",
        "broke",
        "swept",
        "slammed",
        "battered",
        "ravaged",
        "devastated",
    ],
    relative_words: &["that", "which"],
    place_prepositions: &[
        "across",
        "in",
        "throughout",
        "within",
        "among",
        "from",
        "over",
    ],
    months: crate::numbers::MONTHS,
    weekdays: crate::numbers::WEEKDAYS,
    rate_word: "rate",
    participle: Some(("ed", "died")),
    negations: &["not", "never", "no", "none", "nor", "neither"],
    negation_endings: &["n't", "n’t"],
    pending: &["yet", "pending", "awaiting"],
    change_verb_before: &CHANGE_VERB_BEFORE,
    standing_before: &STANDING_BEFORE,
    to_before: &TO_BEFORE,
    change_from: &CHANGE_FROM,
    up_from: &UP_FROM,
    from_after: &FROM_AFTER,
    last_year: &LAST_YEAR,
    reported_that: &REPORTED_THAT,
    following_year: &FOLLOWING_YEAR,
    opening_year: &OPENING_YEAR,
    threshold_before: &THRESHOLD_BEFORE,
    event_after_year: Some(&EVENT_AFTER_YEAR),
    event_before_year: &EVENT_BEFORE_YEAR,
    series_year: &SERIES_YEAR,
    series_link: &SERIES_LINK,
    back_reference: &BACK_REFERENCE,
    pronoun_back: &PRONOUN_BACK,
    pointing: &POINTING,
    of_after: &OF_AFTER,
    clause_break: &modality::CLAUSE_BREAK,
    forecast: &modality::FORECAST,
    forecast_words: Some(&[
        "to",
        "target",
        "goal",
        "projection",
        "forecast",
        "ambition",
        "aim",
        "could",
        "can",
        "would",
        "might",
        "will",
        "shall",
        "should",
        "ll",
        "if",
        "unless",
        "suppose",
        "supposing",
    ]),
    history_before: &modality::HISTORY_BEFORE,
    compared_with: &modality::COMPARED_WITH,
    had_been: &modality::HAD_BEEN,
    disputed: &modality::DISPUTED,
    disputed_pieces: Some(&[
        "underestimat",
        "overestimat",
        "undercount",
        "overcount",
        "far",
        "discredited",
        "superseded",
        "outdated",
        "denie",
        "deny",
    ]),
    history_after: &modality::HISTORY_AFTER,
    present: &modality::PRESENT,
    past: &modality::PAST,
};

/// A day, a night or a week: see [`Cues::narrow_time`].
static NARROW_TIME: Pattern = LazyLock::new(|| {
    Regex::new(
        // ASCII word boundaries: the words are ASCII, and Unicode ones send
        // the regex engine to its slow path on any clause with an accent.
        r"(?ix)(?-u:\b)(?:
            yesterday|tonight|overnight|daily
          | (?:on|last|this)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas\s+day|new\s+year'?s\s+(?:eve|day))
          | (?:last|this|past)\s+(?:week|weekend|night)
          | (?:in|on|over)\s+(?:a|one)\s+(?:single\s+)?(?:day|night|weekend)
          | single\s+day
          | (?:per|a|each)\s+day
          | (?:past|last)\s+(?:\d+|twenty-four|forty-eight|seven|two|three)\s+(?:hours|days)
          | (?:24|twenty-four)-hour
          | on\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?
          | on\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)
        )(?-u:\b)",
    )
    .expect("narrow time pattern")
});

/// See [`Cues::part`].
static PART: Pattern = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?-u:\b)(?:
            alone|including|includes?|included|among\s+them|of\s+(?:them|whom|those|these|which)
          | (?:elsewhere|in\s+the\s+rest\s+of)\s+(?:in\s+)?the\s+(?:country|state|region)
          | on\s+average|averag(?:e|ed|ing)|each|apiece
          | in\s+(?:the|that|this)\s+(?:state|county|city|province|region)(?:[\s,;.]|$)
          | among\s+(?:men|women|children|adults|girls|boys|minors|teenagers|youths|young\s+people|the\s+elderly)
        )(?-u:\b)",
    )
    .expect("part pattern")
});

/// See [`Cues::running_total`].
static RUNNING_TOTAL: Pattern = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?-u:\b)(?:
            so\s+far|to\s+date|in\s+total|a\s+total\s+of|the\s+total|(?:death\s+)?toll|cumulative
          | (?:rose|risen|rises|rising|climbed|climbs|jumped|inched\s+up|increased|grew)\s+to
          | (?:stands?|stood|standing)\s+at|reached|confirmed|now|brings?|bringing|taking
        )(?-u:\b)",
    )
    .expect("running total pattern")
});

/// See [`Cues::period`].
static PERIOD: Pattern = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?-u:\b)(?:
            (?i:since)\s+(?:
                (?:Sir|President|Prime|Premier|Governor|Mayor|Mr|Mrs|Ms|Dr)\b
              | (?i:he|she|they)\s+(?:took|became|came|entered|was|won)\b
              | (?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+(?:took|became|came|entered|won|assumed)\b)
          | (?i:under)\s+(?:[A-Z]|(?i:his|her|their)\b)
          | (?i:between)\s+(?:[A-Z][a-z]+\s+\d|\d{1,2}\s+[A-Z]|the\s+start)
          | (?i:during|in|over)\s+the\s+(?:first|last|past)\s+(?:(?:\d+|[a-z]+)\s+)?(?:days|weeks|months)
          | (?i:during|in|over)\s+the\s+(?:last|past)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+years
          | (?i:from)\s+(?:[A-Z][a-z]+\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)(?:,?\s+\d{4})?\s+(?i:to|until|through)\s
        )",
    )
    .expect("period pattern")
});

/// Words that may open an apposition before its number: `—then just 16—`.
const APPOSITION_WORDS: &[&str] = &[
    "then", "just", "only", "now", "still", "by", "at", "the", "time",
];

/// Words after a number that make it an increment or a part, not the total:
/// `8 more victims`, `a further three`.
static INCREMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s\u{a0}]+(?:more|additional|further|new|other|extra)\b")
        .expect("increment pattern")
});

static INCREMENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:a\s+further|another|an\s+additional|additional|other)\s+$")
        .expect("increment pattern")
});

static DIFFERENCE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:increased|increases|increase|rose|risen|rises|grew|grown|grows|fell|fallen|falls|dropped|drops|declined|declines|decreased|decreases|jumped|jumps|climbed|climbs|went\s+(?:up|down)|up|down|higher|lower)\s+by\s+$",
    )
    .expect("difference pattern")
});

/// Verbs that say what became of a subset of the people a figure counts:
/// `74 victims have been identified` counts the identified, not the victims.
static STATUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:identified|named|notified|located|recovered|found|released|rescued|treated|hospitali[sz]ed|injured|missing|unaccounted|buried|repatriated|evacuated)\b",
    )
    .expect("status pattern")
});

static PART_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:names|identities|remains|bodies|families|relatives)\s+of\s+(?:the\s+)?$")
        .expect("part pattern")
});

static WHOLE_OF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bof\s+the\s+$").expect("whole pattern"));

static SHARE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:%|(?-u:\b)(?:per\s?cent|percent|half|thirds?|quarters?|fifths?|tenths?|majority|minority|proportion|fraction))\s+of\s+(?:(?:the|all|its|their|these|those)\s+)?$",
    )
    .expect("share-before pattern")
});

static OPENING_ADDITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[^\w]*(?:in\s+addition\s+to|besides|apart\s+from|aside\s+from|on\s+top\s+of)\s",
    )
    .expect("opening addition pattern")
});

static OPENING_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^\w]*(?:of|among)\s+(?:the|those|these|all(?:\s+the)?)\s")
        .expect("opening whole pattern")
});

static RELATIVE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i),?\s*\b(?:which|who|that)\s+$").expect("relative pattern"));

static RELATIVE_OPEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),\s*(?:which|who|whose|where|when)\b").expect("relative pattern")
});

/// Words after a number that do not make it count something else.
const FREE_AFTER: &[&str] = &[
    // function words
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "since",
    "during",
    "as",
    "and",
    "or",
    "but",
    "than",
    "per",
    "with",
    "without",
    "between",
    "under",
    "over",
    "according",
    "so",
    "far",
    "this",
    "that",
    "last",
    "until",
    "before",
    "after",
    // places: "129 across six states", "1,200 nationwide"
    "across",
    "throughout",
    "within",
    "among",
    "amid",
    "nationwide",
    "statewide",
    "worldwide",
    "while",
    "when",
    "whom",
    "who",
    "which",
    "in",
    // auxiliaries
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "been",
    "be",
    "will",
    "would",
    "could",
    "may",
    "might",
    "remain",
    "remained",
    // generic heads that any count of people may take
    "people",
    "persons",
    "individuals",
    "inmates",
    "prisoners",
    "detainees",
    "defendants",
    "men",
    "women",
    "suspects",
    "salvadorans",
    "citizens",
    "residents",
    "inhabitants",
    "others",
    "times",
    "next",
    "a",
    "an",
    "each",
    "every",
    // when: "reached 106 Tuesday night" (and the days of the week)
    "today",
    "yesterday",
    "tonight",
    "night",
    "morning",
    "afternoon",
    "evening",
    "cases",
    "total",
    "in total",
];

/// Words beside the auxiliaries that may stand between a counted noun and the
/// subject phrase it is the subject of: `261 detainees who reportedly died`.
const LINKING: &[&str] = &[
    "who",
    "that",
    "which",
    "reportedly",
    "allegedly",
    "also",
    "already",
    "now",
    "since",
    "all",
    "later",
    "subsequently",
    "ever",
    "officially",
    "then",
    "to",
    "be",
    "being",
    "will",
    "would",
    "could",
    "may",
    "might",
];

static CHANGE_VERB_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:rose|risen|rising|fell|fallen|falling|dropped|dropping|declined|decreased|increased|climbed|jumped|grew|grown|surged|mounted|swelled|edged|crept|ticked|plunged|plummeted|soared|sank|slid|went|came|reached|down|up)(?:\s+\w+){0,2}\s+to\s+$",
    )
    .expect("change verb pattern")
});

/// See [`Cues::standing_before`].
static STANDING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:reached|reaches|reach|touched|touches|topped|tops|surpassed|surpasses|passed|stands?\s+at|stood\s+at|standing\s+at|totals?|totaled|totalled)(?:\s+(?:now|already|just|a\s+total\s+of)){0,2}\s+$",
    )
    .expect("standing pattern")
});

/// `to` ending a stretch of text, with the few words that may stand between
/// it and the number it leads to: `to a record-low 2.4`.
static TO_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bto(?:\s+(?:a|an|the|just|only|about|around|roughly|nearly|almost|some|record|record-low|record-high|new|all-time|historic|low|high|lows?|highs?|of|its|lowest|highest)){0,4}\s*$",
    )
    .expect("to pattern")
});

static FOLLOWING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s,]*(?:\(|(?:in|for|during|in\s+the\s+year)\s+)(\d{4})\b")
        .expect("year pattern")
});

static REPORTED_THAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:said|says|say|told|tells|reported|reports|announced|announces|stated|states|added|adds|noted|notes|confirmed|confirms|indicated|indicates|explained|explains|wrote|writes|estimated|estimates|warned|warns)(?-u:\b)(?:\s+[^\s,;:.()]+){0,6}?\s+that(?-u:\b)",
    )
    .expect("reported that")
});

static SERIES_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    // The month capitalised, as English writes it ("prices may rise").
    Regex::new(
        r"^\s*(?:\(|(?i:in|for)\s+)(?:(?P<month>(?:January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)(?:,?\s+(?P<year>\d{4})(?-u:\b))?|(?P<year_only>\d{4})(?-u:\b))",
    )
    .expect("series time")
});

static SERIES_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\)?\s*(?:[,;]\s*)?(?:(?:and|or)\s+)?(?:then\s+)?(?:(?:a|an|the)\s+(?:(?:new\s+)?(?:record|peak|high|low)(?:\s+of)?\s+)?)?$",
    )
    .expect("series link")
});

/// See [`Cues::threshold_before`]: words only, no mark, in between.
static THRESHOLD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:first|1st|only|second|2nd|third|3rd)(?:\s+(?P<time>days?|nights?|weeks?|months?|hours?|years?|half|quarter)\b)?(?:\s+[\p{L}\d'’-]+){0,6}\s+$",
    )
    .expect("threshold pattern")
});

/// Events news compares a running count with: disasters, attacks,
/// outbreaks, wars.
const EVENTS: &str = r"(?:earth)?quakes?|tremors?|tsunamis?|floods?|flooding|hurricanes?|storms?|typhoons?|cyclones?|(?:wild)?fires?|blazes?|explosions?|blasts?|crash(?:es)?|collisions?|derailments?|disasters?|traged(?:y|ies)|attacks?|shootings?|massacres?|outbreaks?|pandemics?|epidemics?|wars?|famines?|eruptions?|(?:land|mud)slides?|collapses?|accidents?|heat\s*waves?";

/// See [`Cues::event_after_year`]: up to three capitalised words between.
static EVENT_AFTER_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:['’]s)?\s+(?:\p{{Lu}}[\p{{L}}'’-]*\s+){{0,3}}(?i:{EVENTS})\b"
    ))
    .expect("event after year pattern")
});

/// See [`Cues::event_before_year`]: "the earthquake of 1999", "the floods
/// of August 17, 1999".
static EVENT_BEFORE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let months = crate::date::MONTH_NAMES.join("|");
    Regex::new(&format!(
        r"(?i)\b(?:{EVENTS})\s+(?:of|in)\s+(?:(?:{months})\s+\d{{1,2}},?\s+|\d{{1,2}}\s+(?:{months}),?\s+)?$"
    ))
        .expect("event before year pattern")
});

static OPENING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[^\w]*(?:In|During|For|Throughout)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(\d{4})\b",
    )
    .expect("opening year pattern")
});

/// A sentence that opens by pointing back at a figure the sentence before it
/// named: "The figure", "That number", "The prior high, 55,654, …".
static BACK_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*(?:(?:but|and|yet|so|still)\s+)?(?:the|that|this|its|their)\s+(?:(?:new|latest|current|official|final|revised|updated|prior|previous|earlier|old|overall|same)\s+)?(?:figure|number|toll|count|tally|total|estimate|high|low|record)\b",
    )
    .expect("back-reference pattern")
});

/// See [`Cues::pronoun_back`].
static PRONOUN_BACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*(?:(?:previously|earlier|before|then|now|by\s+then|since\s+then|at\s+the\s+time|a\s+(?:day|week|month|year)\s+(?:earlier|before|later)),?\s+)?it\s+(?:had\s+|has\s+)?(?:(?:currently|now|still|already|briefly)\s+)?(?:stood|stands|was|is|rose|risen|fell|fallen|reached|climbed|dropped|jumped|grew|hit)\b",
    )
    .expect("pronoun pattern")
});

/// "puts that number at", "raised the toll to", "bringing the 2024 total
/// to": a verb that points back anywhere in a sentence.
static POINTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        // ASCII word boundaries: Unicode ones send the regex engine to its
        // slow path on any sentence with an accent, and this one runs on
        // every sentence that names a figure.
        r"(?i)(?-u:\b)(?:(?:puts?|placed?|places|raised?|raises|lowered|lowers?|revised?|revises)\s+(?:that|this|the)|(?:brings?|bringing|brought|takes?|taking|took|pushe[sd]|push|pushing|lift(?:s|ed|ing)?)\s+(?:the|its|their|this\s+year's|the\s+year's)(?:\s+[^\s,;:.]+){0,2})\s+(?:number|figure|toll|count|tally|total|estimate)(?-u:\b)",
    )
    .expect("pointing pattern")
});

static OF_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+of\b").expect("of pattern"));

/// `, up from` before the earlier value of a change that names it second.
/// Words that say an earlier value was the one given then, between `from`
/// (or `up from`) and the value: `from an announced 67`, `up from a revised 97`.
const GIVEN_THEN: &str =
    "revised|previous|announced|reported|earlier|initial|estimated|official|confirmed";

/// Between a value and the one it changed from: `, up from`, `, compared
/// with`, after the first value's own time (`3.9% in the year to November
/// 2023, down from 4.6%`); a bare `from` only after a verb of change
/// (`increased to 3.8% in July, from 3.6%`), which [`Cues::from_after`] is.
static UP_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:\s+(?:in|for|during|over|on|at|as\s+of|by)\s[^;]{{0,40}}?)?,?\s*(?:(?:up|down|rising|falling|higher|lower)\s+from|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:(?:a|an|the)\s+)?(?:(?:{GIVEN_THEN})\s+)?$",
    ))
    .expect("up-from pattern")
});

/// What opens a change before its first value: `from`, or `from` and the
/// word that says the value was the one given then (`rose from an announced
/// 67`, `from a revised 97`).
static CHANGE_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\bfrom\s+(?:(?:a|an|the)\s+(?:{GIVEN_THEN})\s+)?$"
    ))
    .expect("change-from pattern")
});

/// See [`Cues::last_year`]. Not "this year", which for a yearly figure is
/// mostly the year so far, nor "the past year", the twelve months to now.
static LAST_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)last\s+year(?-u:\b)").expect("last year pattern"));
static FROM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:\s+(?:in|for|during|over|on|at|as\s+of|by)\s[^;]{{0,40}}?)?,?\s*from\s+(?:(?:a|an|the)\s+)?(?:(?:{GIVEN_THEN})\s+)?$"
    ))
    .expect("from pattern")
});
