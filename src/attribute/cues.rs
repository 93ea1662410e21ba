//! The words attribution reads around a number, in each language: what makes
//! it an increment, a subset, another noun's count, history or a forecast,
//! the other end of a change, or a pointer back to the sentence before.
//!
//! English cues stand next to the code that reads them (`attribute/mod.rs`,
//! `modality.rs`); the Spanish ones are here. [`Cues`] gathers both, so the
//! procedure is one and only its words differ.

use std::sync::LazyLock;

use regex::Regex;

use super::modality;
use crate::lang::Lang;

type Pattern = LazyLock<Regex>;

/// How a language opens a change construction before its first value.
pub(super) enum ChangeFrom {
    /// A word: `from` in "fell from 38 to 1.9".
    Word(&'static str),
    /// A pattern ending the text before the value: `bajó de` in "bajó de 38 a 2,4",
    /// where `de` alone means "of".
    Pattern(&'static Pattern),
}

/// The words one language uses for what attribution needs to know.
pub(super) struct Cues {
    /// Words that may open an apposition before its number: `—then just 16—`.
    pub apposition_words: &'static [&'static str],
    /// Words after a number that make it an increment: `8 more victims`.
    pub increment: &'static Pattern,
    /// Words before a number that make it a remainder: `another 40`.
    pub increment_before: &'static Pattern,
    /// A short window of time in the number's clause: the number counts what
    /// happened in it (`en las últimas 24 horas`), not the figure's total.
    pub window: Option<&'static Pattern>,
    /// A time shorter than the figures news keeps (a day, a night, a week):
    /// `yesterday`, `on Sunday`, `in a single day`, `ayer`. Evidence that
    /// the number counts part of a figure, weighed, not a veto.
    pub narrow_time: &'static Pattern,
    /// Words that take a part out of a whole, anywhere in a clause: `alone`,
    /// `including`, `of them`, `on average`; `solo en`, `de los cuales`.
    /// Evidence that the number is a part, weighed.
    pub part: &'static Pattern,
    /// A period bounded by an event or a person rather than the figure's
    /// own years: `since Starmer took office`, `under Sunak`, `between July
    /// 5 and December 31`; `desde que`, `entre enero y marzo`. Weighed.
    pub period: &'static Pattern,
    /// Words of a running total: `so far`, `in total`, `rose to`, `stands
    /// at`, `confirmed`; `hasta el momento`, `un total de`, `ascendió a`. A
    /// total reported on a day is no count of that day's events. Weighed.
    pub running_total: &'static Pattern,
    /// Verbs that say what became of a subset: `identified`, `liberados`.
    pub status: &'static Pattern,
    /// `the names of` before a number: a part.
    pub part_of: &'static Pattern,
    /// `of the` before a number: the whole a part is taken from.
    pub whole_of: &'static Pattern,
    /// A relative pronoun ending a stretch: `, which`.
    pub relative_end: &'static Pattern,
    /// Words after a number that do not make it count something else.
    pub free_after: &'static [&'static str],
    /// Words that may stand between a counted noun and its subject phrase.
    pub auxiliaries: &'static [&'static str],
    /// Month and weekday names, lowercase.
    pub months: &'static [&'static str],
    pub weekdays: &'static [&'static str],
    /// The word that makes a subject name a rate: `rate`, `tasa`.
    pub rate_word: &'static str,
    /// The ending of a participle that may only describe the counted noun
    /// (`115 people killed … have been identified`), and the one participle
    /// that never does; `None` where the language has no such reading.
    pub participle: Option<(&'static str, &'static str)>,
    /// Words that turn a claim round between a number and its subject.
    pub negations: &'static [&'static str],
    pub negation_endings: &'static [&'static str],
    /// A verb of change before `to`: `fell to`, `bajó a`.
    pub change_verb_before: &'static Pattern,
    /// `to` and the few words before the later value of a change.
    pub to_before: &'static Pattern,
    /// What opens a change before its first value.
    pub change_from: ChangeFrom,
    /// `, up from` before the earlier value of a change that names it second.
    pub up_from: &'static Pattern,
    /// A bare `from` there: only after a verb of change before the later value.
    pub from_after: &'static Pattern,
    /// The year before the draft's: `last year`, `el año pasado`.
    pub last_year: &'static Pattern,
    /// A year after the number: `2.4 in 2023`, `2,4 en 2023`.
    pub following_year: &'static Pattern,
    /// A year opening the sentence: `In 2023, …`, `En 2023, …`.
    pub opening_year: &'static Pattern,
    /// A sentence opening by pointing back: "The figure", "La cifra".
    pub back_reference: &'static Pattern,
    /// A sentence opening with a pronoun for the topic and a verb of
    /// standing or change: "Previously, it stood at", "Antes se situaba en".
    pub pronoun_back: &'static Pattern,
    /// A verb pointing back anywhere: "puts that number at", "eleva la cifra".
    pub pointing: &'static Pattern,
    /// `of` after the pointing words: "The number of missing people".
    pub of_after: &'static Pattern,
    /// A break between two clauses that each have their own subject.
    pub clause_break: &'static Pattern,
    pub forecast: &'static Pattern,
    /// Words one of which every forecast cue holds (`None`: no such list).
    /// A clause without any never runs, nor compiles, the large pattern.
    pub forecast_words: Option<&'static [&'static str]>,
    pub history_before: &'static Pattern,
    pub compared_with: &'static Pattern,
    pub had_been: &'static Pattern,
    pub disputed: &'static Pattern,
    /// Pieces of words one of which every disputed-figure cue holds.
    pub disputed_pieces: Option<&'static [&'static str]>,
    pub history_after: &'static Pattern,
    pub present: &'static Pattern,
    pub past: &'static Pattern,
}

/// Whether `text` may hold a cue made of these words (`whole`) or pieces of
/// words, compared without ASCII case. `ſ` and `K` fold to ASCII letters
/// under a case-insensitive pattern, so text with them may hold one too.
fn may_hold(text: &str, words: Option<&[&str]>, whole: bool) -> bool {
    let Some(words) = words else {
        return true;
    };
    if text.contains(['ſ', '\u{212a}']) {
        return true;
    }
    if whole {
        text.split(|c: char| !c.is_alphanumeric())
            .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    } else {
        let lower = text.to_ascii_lowercase();
        words.iter().any(|x| lower.contains(x))
    }
}

impl Cues {
    /// Whether the text before a number frames it as a forecast.
    pub fn forecasts(&self, before: &str) -> bool {
        may_hold(before, self.forecast_words, true) && self.forecast.is_match(before)
    }

    /// Whether a clause disputes its figure.
    pub fn disputes(&self, clause: &str) -> bool {
        may_hold(clause, self.disputed_pieces, false) && self.disputed.is_match(clause)
    }

    /// Whether `before` ends with what opens a change before its first value.
    pub fn opens_change(&self, before: &str) -> bool {
        match self.change_from {
            ChangeFrom::Word(word) => last_word(before) == word,
            ChangeFrom::Pattern(pattern) => pattern.is_match(before),
        }
    }
}

/// The cues of `lang`.
pub(super) fn of(lang: Lang) -> &'static Cues {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Es => &SPANISH,
    }
}

static ENGLISH: Cues = Cues {
    apposition_words: APPOSITION_WORDS,
    increment: &INCREMENT,
    increment_before: &INCREMENT_BEFORE,
    window: None,
    narrow_time: &NARROW_TIME,
    part: &PART,
    period: &PERIOD,
    running_total: &RUNNING_TOTAL,
    status: &STATUS,
    part_of: &PART_OF,
    whole_of: &WHOLE_OF,
    relative_end: &RELATIVE_END,
    free_after: FREE_AFTER,
    auxiliaries: AUXILIARIES,
    months: crate::numbers::MONTHS,
    weekdays: crate::numbers::WEEKDAYS,
    rate_word: "rate",
    participle: Some(("ed", "died")),
    negations: &["not", "never", "no", "none", "nor", "neither"],
    negation_endings: &["n't", "n’t"],
    change_verb_before: &CHANGE_VERB_BEFORE,
    to_before: &TO_BEFORE,
    change_from: ChangeFrom::Word("from"),
    up_from: &UP_FROM,
    from_after: &FROM_AFTER,
    last_year: &LAST_YEAR,
    following_year: &FOLLOWING_YEAR,
    opening_year: &OPENING_YEAR,
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
    ]),
    history_after: &modality::HISTORY_AFTER,
    present: &modality::PRESENT,
    past: &modality::PAST,
};

static SPANISH: Cues = Cues {
    apposition_words: &[
        "entonces", "apenas", "solo", "sólo", "ahora", "aún", "aun", "todavía", "ya", "en", "el",
        "la", "momento", "por",
    ],
    increment: &ES_INCREMENT,
    increment_before: &ES_INCREMENT_BEFORE,
    window: Some(&ES_WINDOW),
    narrow_time: &ES_NARROW_TIME,
    part: &ES_PART,
    period: &ES_PERIOD,
    running_total: &ES_RUNNING_TOTAL,
    status: &ES_STATUS,
    part_of: &ES_PART_OF,
    whole_of: &ES_WHOLE_OF,
    relative_end: &ES_RELATIVE_END,
    free_after: ES_FREE_AFTER,
    auxiliaries: ES_AUXILIARIES,
    months: crate::numbers::SPANISH_MONTHS,
    weekdays: &[
        "lunes",
        "martes",
        "miércoles",
        "miercoles",
        "jueves",
        "viernes",
        "sábado",
        "sabado",
        "domingo",
    ],
    rate_word: "tasa",
    participle: None,
    negations: &[
        "no", "nunca", "jamás", "jamas", "ninguno", "ninguna", "ni", "tampoco",
    ],
    negation_endings: &[],
    change_verb_before: &ES_CHANGE_VERB_BEFORE,
    to_before: &ES_TO_BEFORE,
    change_from: ChangeFrom::Pattern(&ES_CHANGE_FROM),
    up_from: &ES_UP_FROM,
    from_after: &ES_FROM_AFTER,
    last_year: &ES_LAST_YEAR,
    following_year: &ES_FOLLOWING_YEAR,
    opening_year: &ES_OPENING_YEAR,
    back_reference: &ES_BACK_REFERENCE,
    pronoun_back: &ES_PRONOUN_BACK,
    pointing: &ES_POINTING,
    of_after: &ES_OF_AFTER,
    clause_break: &ES_CLAUSE_BREAK,
    forecast: &ES_FORECAST,
    forecast_words: None,
    history_before: &ES_HISTORY_BEFORE,
    compared_with: &ES_COMPARED_WITH,
    had_been: &ES_HAD_BEEN,
    disputed: &ES_DISPUTED,
    disputed_pieces: None,
    history_after: &ES_HISTORY_AFTER,
    present: &ES_PRESENT,
    past: &ES_PAST,
};

/// A Spanish cue pattern: see [`crate::lang::spanish_regex`].
fn regex(pattern: &str) -> Regex {
    crate::lang::spanish_regex(pattern)
}

/// Verbs of change, in the forms a report uses: `bajó`, `ha pasado`,
/// `cayeron`. `bajo` and `paso` without an accent are left out: they are
/// "under" and "step".
const ES_CHANGE_VERBS: &str = r"pasó|pasaron|pasado|bajó|bajaron|bajado|subi[óo]|subieron|subido|cay[óo]|cayeron|ca[íi]do|aumentó|aumentaron|aumentado|disminuy[óo]|disminuyeron|disminuido|creci[óo]|crecieron|crecido|descendi[óo]|descendieron|descendido|redujo|redujeron|reducido|elev[óo]|elevaron|elevado|saltó|saltaron|saltado|pasar|bajar|subir|caer|aumentar|disminuir|crecer|descender|reducir|llegar|lleg[óo]|llegaron|alcanz[óo]|alcanzaron";

static ES_INCREMENT: Pattern = LazyLock::new(|| {
    regex(r"(?i)^[\s\u{a0}]+(?:más|mas|adicionales|nuevos|nuevas|otros|otras|extra)\b")
});
static ES_INCREMENT_BEFORE: Pattern =
    LazyLock::new(|| regex(r"(?i)\b(?:otros|otras|otro|otra|nuevos|nuevas|adicionales)\s+$"));

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
          | on\s+average|averag(?:e|ed|ing)|each|apiece
          | in\s+(?:the|that|this)\s+(?:state|county|city|province|region)(?:[\s,;.]|$)
        )(?-u:\b)",
    )
    .expect("part pattern")
});
static ES_PART: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:s[oó]lo\s+en|solamente|incluid[oa]s?|incluyendo|entre\s+ell[oa]s|de\s+(?:ell[oa]s|l[oa]s\s+cuales|quienes)|en\s+promedio|promedi[oa]s?|promedió|en\s+(?:el|ese|este)\s+(?:estado|municipio|departamento|condado)|en\s+(?:la|esa|esta)\s+(?:provincia|región|region|comuna|ciudad)){END}",
    )
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
static ES_RUNNING_TOTAL: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:hasta\s+(?:el\s+momento|ahora|la\s+fecha)|en\s+total|un\s+total\s+de|balance|(?:ascendi[óo]|asciende[n]?|ascienden|subi[óo]|suben?|aument[óo]|elev[óo]|lleg[óo]|llegan?)\s+a|confirmad[oa]s?|confirm[óo]|ya\s+son|cifra\s+de){END}",
    )
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
static ES_PERIOD: Pattern = LazyLock::new(|| {
    regex(
        r"\b(?:(?i:desde\s+que\s+(?:\p{L}+\s+){0,4}?(?:asumió|asumio|llegó\s+al\s+poder|llego\s+al\s+poder|tomó\s+posesión|tomo\s+posesion|entró\s+en\s+funciones))|(?i:bajo)\s+(?:el\s+)?(?:gobierno|mandato)|(?i:entre)\s+(?:el\s+)?(?:\d{1,2}\s+de\s+)?(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\s+y|(?i:en|durante)\s+(?:los|las)\s+primer[oa]s\s+(?:\d+|\p{L}+)\s+(?:días|dias|semanas|meses)|(?i:en|durante)\s+(?:los|las)\s+(?:últimos|ultimos)\s+(?:\d+|\p{L}+)\s+años|(?i:del)\s+\d{1,2}\s+de\s+\p{L}+(?:\s+de\s+\d{4})?\s+al\s+\d{1,2}\s+de|(?i:sexenio)){END}",
    )
});

static ES_NARROW_TIME: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:ayer|anoche|diari[oa]s?|(?:el|este|del|último|ultimo)\s+(?:lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo)|(?:por|al|cada)\s+(?:día|dia)|la\s+semana\s+pasada|esta\s+semana|en\s+(?:un|una)\s+(?:sol[oa]\s+)?(?:noche|semana)){END}",
    )
});

/// A window of hours or days: `en las últimas 24 horas`, `en un solo día`,
/// `este fin de semana`. Weeks, months and years are left out: early in a
/// count, "en las últimas dos semanas" can be all of it.
static ES_WINDOW: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\ben\s+(?:las|los)\s+(?:últimas|ultimas|últimos|ultimos)\s+(?:\p{L}+\s+|\d+\s+)?(?:horas|días|dias|jornadas){END}|\ben\s+(?:la|el)\s+(?:última|ultima|último|ultimo)\s+(?:jornada|día|dia){END}|\ben\s+(?:un|una)\s+(?:sol[oa]\s+)?(?:día|dia|jornada){END}|\b(?:este|esta)\s+fin\s+de\s+semana{END}|\ben\s+24\s+horas{END}",
    )
});
static ES_STATUS: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:identificad|nombrad|notificad|localizad|recuperad|hallad|encontrad|liberad|excarcelad|rescatad|atendid|hospitalizad|herid|desaparecid|sepultad|enterrad|repatriad|evacuad|absuelt|sobreseíd|sobreseid)[oa]s?\b",
    )
});
static ES_PART_OF: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:nombres|identidades|restos|cuerpos|familias|familiares|parientes)\s+de\s+(?:l[oa]s\s+)?$",
    )
});
static ES_WHOLE_OF: Pattern = LazyLock::new(|| regex(r"(?i)\bde\s+l[oa]s\s+$"));
static ES_RELATIVE_END: Pattern = LazyLock::new(|| {
    regex(r"(?i),?\s*\b(?:que|quien|quienes|el\s+cual|la\s+cual|los\s+cuales|las\s+cuales)\s+$")
});
static ES_CHANGE_VERB_BEFORE: Pattern = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(?:{ES_CHANGE_VERBS}|bajando|cayendo|subiendo)(?:\s+\p{{L}}+)?\s+(?:a|hasta)\s+$"
    ))
});
/// `a` ending a stretch, with the few words that may stand between it and
/// the later value of a change: `a un mínimo histórico de 2,4`.
static ES_TO_BEFORE: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:a|hasta)(?:\s+(?:un|una|el|la|los|las|solo|sólo|apenas|unos|unas|cerca|casi|alrededor|de|su|sus|mínimo|minimo|máximo|maximo|histórico|historico|récord|record|nuevo|nueva)){0,4}\s*$",
    )
});
/// `bajó de` before the first value of a change; `de` alone means "of".
static ES_CHANGE_FROM: Pattern = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(?:{ES_CHANGE_VERBS})(?:\s+\p{{L}}+){{0,2}}?\s+(?:de|desde)\s*$"
    ))
});
static ES_UP_FROM: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)^(?:\s+(?:en|durante|para)\s[^;]{0,40}?)?,?\s*(?:frente\s+a(?:\s+l[oa]s)?|comparad[oa]s?\s+con|en\s+comparación\s+con|en\s+comparacion\s+con|respecto\s+a(?:\s+l[oa]s)?)\s+$",
    )
});
static ES_FROM_AFTER: Pattern = LazyLock::new(|| {
    regex(r"(?i)^(?:\s+(?:en|durante|para)\s[^;]{0,40}?)?,?\s*desde\s+(?:(?:l[oa]s?|el)\s+)?$")
});
static ES_FOLLOWING_YEAR: Pattern =
    LazyLock::new(|| regex(r"^[\s,]*(?:\(|(?:en|durante|para|en\s+el(?:\s+año)?)\s+)(\d{4})\b"));
static ES_OPENING_YEAR: Pattern = LazyLock::new(|| {
    regex(
        r"^[^\w]*(?:En|Durante|Para)\s+(?:el\s+(?:año\s+)?)?(?:(?:principios|finales|mediados)\s+de\s+)?(?:(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\s+de\s+)?(\d{4})\b",
    )
});
static ES_BACK_REFERENCE: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)^\W*(?:(?:pero|y|aun\s+así|así|con\s+ello)\s+)?(?:la|esa|esta|dicha|su|el|ese|este|dicho)\s+(?:(?:nueva|nuevo|última|último|actual|oficial|final|revisada|revisado|anterior|previa|previo|misma|mismo)\s+)?(?:cifra|número|numero|total|conteo|recuento|estimación|estimacion|balance|saldo|registro)\b",
    )
});
static ES_POINTING: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:eleva|elevó|elevan|elevaron|sitúa|situó|sitúan|ubica|ubicó|cifra|cifró|revisó|revisa|aumentó|redujo|actualizó)\s+(?:esa|esta|la|dicha|el|ese|este|dicho)\s+(?:cifra|número|numero|total|conteo|recuento|estimación|estimacion|balance)\b",
    )
});
static ES_OF_AFTER: Pattern = LazyLock::new(|| regex(r"^\s+de\b"));
static ES_CLAUSE_BREAK: Pattern =
    LazyLock::new(|| regex(r"(?i);|,\s+(?:y|pero|mientras|aunque|sino|sin\s+embargo)\b"));
/// A forecast, target, plan or hypothetical: `prevé`, `se espera que`, `la
/// meta de`, `podría`, `a proyectar`, and the future and conditional forms
/// of any verb, regular (`alcanzará`, `llegaría`) or not (`habría`,
/// `tendrá`). A capitalised word is a name, not a verb: `María`.
static ES_FORECAST: Pattern = LazyLock::new(|| {
    regex(
        r"(?x)
        (?i:\b(?:prevé|preve|prevén|preven|preveía|preveia|previó|previo|prevista|previsto|previstas|previstos
           |espera|esperan|esperaba|esperaban|se\s+espera|proyecta|proyectan|proyectaba|proyectó|proyecto
           |pronostica|pronostican|pronosticó|planea|planean|planeaba|pretende|pretenden|busca|buscan
           |aspira|aspiran|apunta|apuntan|podría|podrían|podria|podrian|puede|pueden|debería|deberían
           |proyectar|pronosticar|prever|planear){END})
        | (?i:\b(?:la|una|su|el|un)\s+(?:\p{L}+\s+)?(?:meta|objetivo|proyección|proyeccion|previsión|prevision|pronóstico|pronostico)\s+(?:de|es|era|sería|será){END})
        | \b[a-záéíóúñ]\p{L}*(?:ará|erá|irá|arán|erán|irán|aría|ería|iría|arían|erían|irían){END}
        | \b(?:habr|podr|tendr|sabr|dir|har|pondr|saldr|vendr|querr|cabr|valdr)(?:á|án|ía|ían){END}
        | \A\W*(?i:si)\s",
    )
});
static ES_HISTORY_BEFORE: Pattern = LazyLock::new(|| {
    regex(
        r"(?ix)
        \b(?:previamente|inicialmente|originalmente|anteriormente|al\s+principio|en\s+un\s+principio
           |primero\s+(?:anunció|anunciado|informó|informado|reportó|reportado|estimó|estimado|dijo)
           |entonces\s+(?:solo|sólo|apenas)
           |(?:la|el|su|una|un)\s+(?:anterior|previa|previo|original|inicial|primera|primer)
           |(?:la|el|su|una|un)\s+\p{L}+\s+(?:anterior|previa|previo|original|inicial)
           |fue\s+revisad[oa]|fueron\s+revisad[oa]s|frente\s+a(?:\s+l[oa]s)?|en\s+comparaci[óo]n\s+con){END}",
    )
});
static ES_COMPARED_WITH: Pattern = LazyLock::new(|| {
    regex(
        r"(?ix)\b(?:aumento|alza|incremento|caída|caida|descenso|reducción|reduccion|mayor|menor|superior|inferior|doble|triple|veces)\s+(?:que|sobre|respecto\s+a|respecto\s+de|frente\s+a|con\s+respecto\s+a)\s+(?:l[oa]s?\s+|su\s+|sus\s+)?(?:\p{L}+\s+){0,3}?(?:de\s+)?$",
    )
});
static ES_HAD_BEEN: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:había|habia|habían|habian)\s+(?:sido|estado|llegado)(?:\s+(?:de|en|a|solo|sólo|apenas))?\s*$",
    )
});
static ES_DISPUTED: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:subestima\p{L}*|sobrestima\p{L}*|subregistr\p{L}*|infravalora\p{L}*|desactualizad\p{L}*|obsolet\p{L}*|desacreditad\p{L}*|demasiado\s+(?:baja|bajo|alta|alto))",
    )
});
static ES_HISTORY_AFTER: Pattern = LazyLock::new(|| {
    regex(
        r"(?ix)^[\s,]*(?:un\s+año\s+antes|el\s+año\s+anterior|antes|previamente|en\s+ese\s+momento|entonces|al\s+principio|inicialmente)\b",
    )
});
static ES_PRESENT: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:es|son|está|están|ha|han|hay|sigue|siguen|permanece|permanecen|asciende|ascienden|suma|suman|ahora|actualmente|hoy|hasta\s+ahora|hasta\s+la\s+fecha|a\s+la\s+fecha){END}",
    )
});
static ES_PAST: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:fue|fueron|era|eran|había|habían|hubo|estaba|estaban|llegó|alcanzó|cayó|bajó|subió|registró|murió|murieron|cuando|ascendió|sumó){END}",
    )
});

/// Words after a number that do not make it count something else.
const ES_FREE_AFTER: &[&str] = &[
    // function words
    "de",
    "del",
    "en",
    "a",
    "al",
    "por",
    "para",
    "desde",
    "durante",
    "con",
    "sin",
    "entre",
    "según",
    "segun",
    "y",
    "e",
    "o",
    "u",
    "pero",
    "que",
    "como",
    "hasta",
    "tras",
    "ante",
    "sobre",
    "contra",
    "cuando",
    "mientras",
    "este",
    "esta",
    "ese",
    "esa",
    "ya",
    "aún",
    "más",
    "menos",
    "quienes",
    "cuyos",
    "cuyas",
    "los",
    "las",
    "el",
    "la",
    // auxiliaries
    "han",
    "ha",
    "habían",
    "había",
    "fueron",
    "fue",
    "son",
    "es",
    "eran",
    "era",
    "están",
    "está",
    "estaban",
    "estaba",
    "siguen",
    "sigue",
    "permanecen",
    "permanece",
    "serán",
    "sería",
    "podrían",
    "se",
    // generic heads that any count of people may take
    "personas",
    "individuos",
    "reos",
    "presos",
    "presas",
    "reclusos",
    "reclusas",
    "internos",
    "internas",
    "detenidos",
    "detenidas",
    "privados",
    "privadas",
    "pandilleros",
    "salvadoreños",
    "salvadoreñas",
    "ciudadanos",
    "habitantes",
    "hombres",
    "mujeres",
    "menores",
    "jóvenes",
    "otros",
    "otras",
    "veces",
    "casos",
    "total",
    "hoy",
    "ayer",
    "anoche",
    "noche",
    "mañana",
    "tarde",
    "cada",
];

/// Words that may stand between a counted noun and its subject phrase:
/// `367 personas han muerto bajo custodia`.
const ES_AUXILIARIES: &[&str] = &[
    "han",
    "ha",
    "habían",
    "había",
    "hayan",
    "haya",
    "fueron",
    "fue",
    "sido",
    "son",
    "es",
    "eran",
    "era",
    "que",
    "quienes",
    "cuales",
    "los",
    "las",
    "presuntamente",
    "supuestamente",
    "también",
    "ya",
    "ahora",
    "desde",
    "todos",
    "todas",
    "luego",
    "posteriormente",
    "oficialmente",
    "se",
    "les",
    "ser",
    "siendo",
    "serán",
    "sería",
    "podrían",
    "habrían",
    "habría",
    "estado",
    "estaban",
    "están",
];

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

static RELATIVE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i),?\s*\b(?:which|who|that)\s+$").expect("relative pattern"));

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

/// Words that may stand between a counted noun and the subject phrase it is the
/// subject of: `261 detainees have reportedly died in custody`.
const AUXILIARIES: &[&str] = &[
    "have",
    "has",
    "had",
    "been",
    "were",
    "was",
    "are",
    "is",
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
        r"(?i)\b(?:rose|risen|rising|fell|fallen|falling|dropped|dropping|declined|decreased|increased|climbed|jumped|grew|grown|surged|plunged|plummeted|soared|sank|slid|went|came|reached|down|up)(?:\s+\w+)?\s+to\s+$",
    )
    .expect("change verb pattern")
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
static OPENING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[^\w]*(?:In|During|For|Throughout)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(\d{4})\b",
    )
    .expect("opening year pattern")
});

fn last_word(text: &str) -> String {
    text.trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase()
}

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
static ES_PRONOUN_BACK: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)^\W*(?:antes|previamente|entonces|un\s+(?:día|mes|año)\s+antes),?\s+(?:se\s+)?(?:situaba|ubicaba|era|estaba|ascendía|alcanzaba)\b",
    )
});

/// "puts that number at", "raised the toll to": a verb that points back anywhere in a sentence.
static POINTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:puts?|placed?|places|raised?|raises|lowered|lowers?|revised?|revises)\s+(?:that|this|the)\s+(?:number|figure|toll|count|tally|total|estimate)\b",
    )
    .expect("pointing pattern")
});
static OF_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+of\b").expect("of pattern"));

/// `, up from` before the earlier value of a change that names it second.
/// Between a value and the one it changed from: `, up from`, `, compared
/// with`, after the first value's own time (`3.9% in the year to November
/// 2023, down from 4.6%`); a bare `from` only after a verb of change
/// (`increased to 3.8% in July, from 3.6%`), which [`Cues::from_after`] is.
static UP_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\s+(?:in|for|during|over|on|at|as\s+of|by)\s[^;]{0,40}?)?,?\s*(?:(?:up|down|rising|falling|higher|lower)\s+from|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:(?:a|an|the)\s+)?(?:revised\s+|previous\s+)?$",
    )
    .expect("up-from pattern")
});
/// See [`Cues::last_year`]. Not "this year", which for a yearly figure is
/// mostly the year so far, nor "the past year", the twelve months to now.
static LAST_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)last\s+year(?-u:\b)").expect("last year pattern"));
static ES_LAST_YEAR: Pattern =
    LazyLock::new(|| regex(r"(?i)\bel\s+año\s+(?:pasado|anterior){END}"));
static FROM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s+(?:in|for|during|over|on|at|as\s+of|by)\s[^;]{0,40}?)?,?\s*from\s+(?:(?:a|an|the)\s+)?$")
        .expect("from pattern")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_opens_with_a_verb_of_change_before_de_not_with_de_alone() {
        let es = of(Lang::Es);
        assert!(es.opens_change("La tasa bajó de "));
        assert!(es.opens_change("la cifra ha pasado de "));
        assert!(!es.opens_change("la cifra de "));
        assert!(!es.opens_change("murieron bajo custodia de "));
        let en = of(Lang::En);
        assert!(en.opens_change("fell from "));
        assert!(!en.opens_change("fell to "));
    }

    #[test]
    fn the_word_lists_never_hide_an_english_cue() {
        let en = of(Lang::En);
        for text in [
            "The ministry expects the rate to fall to ",
            "It set a target of ",
            "The toll could reach ",
            "They say it'll reach ",
            "They say it’ll reach ",
            "The count SHOULD reach ",
            "The count ſhould reach ",
            "Officials aim to cut it to ",
            "Police have arrested more than ",
            "The rate fell to ",
        ] {
            assert_eq!(en.forecasts(text), en.forecast.is_match(text), "{text}");
        }
        for clause in [
            "the official count of 64 is a substantial underestimate",
            "a figure far too low",
            "an UNDERCOUNT of 64",
            "the count of 64 was outdated",
            "the count of 64 stood",
        ] {
            assert_eq!(
                en.disputes(clause),
                en.disputed.is_match(clause),
                "{clause}"
            );
        }
        // And they do skip: a clause with none of the words is no forecast.
        assert!(!may_hold(
            "Police have arrested more than ",
            en.forecast_words,
            true
        ));
    }

    #[test]
    fn times_shorter_than_a_figure_is_kept_for() {
        let en = of(Lang::En).narrow_time;
        for clause in [
            "424 people crossed the Channel yesterday",
            "on Sunday, 717 migrants arrived",
            "the most in a single day",
            "an average of 131 people per day",
            "over the past seven days",
            "in the last 24 hours",
            "On August 22, a record 1,295 arrived",
            "crossed on 22 August",
            "arrived over a 24-hour period",
        ] {
            assert!(en.is_match(clause), "{clause}");
        }
        // Must not fire: years, months and counts to date are the figure's own.
        for clause in [
            "36,816 people crossed in 2024",
            "367 people have died in custody since March 2022",
            "inflation was 3.8% in July",
            "the toll rose to 248 by Sunday's count of the year",
            "as of today, 367 deaths",
            "on August 2024 figures, 367 deaths",
        ] {
            assert!(!en.is_match(clause), "{clause}");
        }
        let es = of(Lang::Es).narrow_time;
        for clause in [
            "ayer se registraron 80 homicidios",
            "el domingo hubo 12",
            "unas 70 víctimas por día",
        ] {
            assert!(es.is_match(clause), "{clause}");
        }
        for clause in [
            "30.057 homicidios en 2023",
            "durante el año",
            "desde marzo de 2022",
            // "Today" dates a running total as often as a day's count.
            "a las 12:00 de hoy se registraron 131 fallecidos",
        ] {
            assert!(!es.is_match(clause), "{clause}");
        }
    }

    #[test]
    fn parts_periods_and_running_totals() {
        let en = of(Lang::En);
        let es = of(Lang::Es);
        for (cue, clause, fires) in [
            (en.part, "11 people had died in the state", true),
            (en.part, "the most destructive in the city's history", false),
            (es.part, "murieron 12 personas en el estado", true),
            (en.period, "in the last six years, 206,724 homicides", true),
            (en.period, "from January 1 to July 5, 13,574 arrived", true),
            (en.period, "the highest in six years", false),
            (
                es.period,
                "del 1 de diciembre de 2018 al 31 de diciembre de 2023",
                true,
            ),
            (es.period, "en los últimos seis años", true),
            (es.period, "en 2024", false),
            (en.running_total, "bringing the total to 21,063", true),
            (en.running_total, "408 people arrived on nine boats", false),
        ] {
            assert_eq!(cue.is_match(clause), fires, "{clause}");
        }
    }

    #[test]
    fn spanish_windows_of_time_but_not_years() {
        let window = of(Lang::Es).window.expect("Spanish has windows");
        for clause in [
            "capturaron a 603 personas en las últimas 24 horas",
            "Solo en las últimas 24 horas, la PNC reportó 471 capturas",
            "en un solo día murieron 12 personas bajo custodia",
            "este fin de semana fueron detenidas 300 personas",
        ] {
            assert!(window.is_match(clause), "{clause}");
        }
        for clause in [
            "en los últimos tres años la policía ha detenido a 85.000 personas",
            "han detenido a más de 9,600 personas en las últimas dos semanas",
            "en el último mes murieron 9 personas bajo custodia",
            "la policía ha detenido a 85.000 personas",
            "hoy la cifra asciende a 85.000",
        ] {
            assert!(!window.is_match(clause), "{clause}");
        }
        assert!(of(Lang::En).window.is_none());
    }

    #[test]
    fn spanish_forecasts_are_told_from_statements_and_names() {
        let es = of(Lang::Es);
        for before in [
            "El Gobierno prevé que la tasa baje a ",
            "Se espera que la cifra llegue a ",
            "la tasa alcanzará ",
            "la cifra podría llegar a ",
            "la meta de ",
            "El Salvador habría alcanzado una tasa de ",
            "lleva a las autoridades a proyectar una tasa de ",
            "la tasa tendrá ",
        ] {
            assert!(es.forecasts(before), "{before}");
        }
        for before in [
            "Según María López, ",
            "La tasa de homicidios fue de ",
            "la mayoría de los ",
            "La policía ha detenido a ",
        ] {
            assert!(!es.forecasts(before), "{before}");
        }
    }
}
