//! LanguageTool's `/v2/check` API, as its clients call it: a form with
//! `text` (or `data`, text and markup annotated) and `language`; an answer
//! with `software`, `language` and `matches`, each match at an offset and a
//! length counted in UTF-16 code units (LanguageTool is written in Java, and
//! its clients count so), with its message, rule and category.

use serde_json::{json, Value};

use crate::finding::Finding;
use crate::fix::Applicability;
use crate::lang::Lang;
use crate::markup::{self, Format};
use crate::Checker;

/// What a client asked to have checked.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckRequest {
    /// The text figcheck reads: `text`, or `data`'s text with each markup
    /// part read as what it is interpreted as.
    pub text: String,
    /// Where each piece of `text` lies in the client's text, in UTF-16
    /// units: (start in `text`, start in the client's, whether text
    /// rather than markup).
    pieces: Vec<(usize, usize, bool)>,
    /// The language asked for; `None` for `auto` or a language figcheck
    /// does not read (then the draft or the rules decide).
    pub lang: Option<Lang>,
    /// `language=auto`: the text's language is detected from the text when
    /// the text does not name it, whatever the rules' default, as
    /// LanguageTool does.
    pub detect: bool,
}

/// Reads a form-encoded request: `text` or `data`, and `language`.
pub fn check_request(form: &str) -> Result<CheckRequest, String> {
    let mut text = None;
    let mut data = None;
    let mut language = None;
    for (key, value) in form_urlencoded::parse(form.as_bytes()) {
        match key.as_ref() {
            "text" => text = Some(value.into_owned()),
            "data" => data = Some(value.into_owned()),
            "language" => language = Some(value.into_owned()),
            _ => {}
        }
    }
    let lang = language.as_deref().and_then(Lang::parse);
    let detect = language
        .as_deref()
        .is_some_and(|l| l.eq_ignore_ascii_case("auto"));
    match (text, data) {
        (Some(text), _) => Ok(CheckRequest {
            pieces: vec![(0, 0, true)],
            text,
            lang,
            detect,
        }),
        (None, Some(data)) => annotated(&data, lang).map(|asked| CheckRequest { detect, ..asked }),
        (None, None) => Err("missing parameter: 'text' or 'data'".into()),
    }
}

/// `data`: `{"annotation": [{"text": …}, {"markup": …, "interpretAs": …}]}`.
fn annotated(data: &str, lang: Option<Lang>) -> Result<CheckRequest, String> {
    let value: Value =
        serde_json::from_str(data).map_err(|e| format!("'data' is not JSON: {e}"))?;
    let parts = value["annotation"]
        .as_array()
        .ok_or("'data' has no 'annotation' list")?;
    let mut text = String::new();
    let mut pieces = Vec::with_capacity(parts.len());
    let (mut here, mut there) = (0, 0);
    for part in parts {
        let (shown, original, is_text) = match (part["text"].as_str(), part["markup"].as_str()) {
            (Some(t), _) => (t, t, true),
            (None, Some(markup)) => (part["interpretAs"].as_str().unwrap_or(""), markup, false),
            (None, None) => return Err("an annotation part has neither 'text' nor 'markup'".into()),
        };
        pieces.push((here, there, is_text));
        text.push_str(shown);
        here += utf16_len(shown);
        there += utf16_len(original);
    }
    Ok(CheckRequest {
        text,
        pieces,
        lang,
        detect: false,
    })
}

/// `text` with its first letter in capitals: the help line as a sentence.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

impl CheckRequest {
    /// Where a UTF-16 offset of `text` lies in the client's text: the same
    /// place in a text part, the start of a markup part.
    fn original(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.0 <= at).saturating_sub(1);
        match self.pieces.get(i) {
            Some(&(here, there, true)) => there + (at - here),
            Some(&(_, there, false)) => there,
            None => at,
        }
    }
}

/// UTF-16 offsets of byte offsets of one text, asked for in any order;
/// each is counted once, from the nearest one counted before it.
struct Utf16<'t> {
    text: &'t str,
    known: Vec<(usize, usize)>,
}

impl Utf16<'_> {
    fn of(&mut self, byte: usize) -> usize {
        // The first entry is (0, 0), so one lies at or before every offset;
        // findings come in order, so a new one goes at or near the end.
        let i = self.known.partition_point(|k| k.0 <= byte) - 1;
        let (from, units) = self.known[i];
        if from == byte {
            return units;
        }
        let units = units + utf16_len(&self.text[from..byte]);
        self.known.insert(i + 1, (byte, units));
        units
    }
}

/// The languages figcheck reads, as `/v2/languages` lists them.
pub fn languages() -> Value {
    json!([
        { "name": "English", "code": "en", "longCode": "en-US" },
        { "name": "Spanish", "code": "es", "longCode": "es" },
    ])
}

/// The answer to a check, in LanguageTool's shape.
pub fn answer(checker: &Checker, asked: &CheckRequest) -> Value {
    let text = asked.text.as_str();
    let prose = markup::prose(Format::Text, text);
    let lang = match asked.lang {
        Some(lang) => lang,
        None if asked.detect => {
            let declared = crate::lang::of_draft(Format::Text, text);
            crate::lang::choose(None, declared, crate::lang::LangSetting::Auto, || {
                &prose.text
            })
            .lang
        }
        None => checker.draft_lang(Format::Text, text, &prose).lang,
    };
    let findings = checker.check_text(text, None, Some(lang));
    let mut utf16 = Utf16 {
        text,
        known: vec![(0, 0)],
    };
    let matches: Vec<Value> = findings
        .iter()
        .map(|f| match_of(f, text, asked, &mut utf16))
        .collect();
    let language = json!({ "name": lang.name(), "code": lang.code() });
    json!({
        "software": {
            "name": "figcheck",
            "version": env!("CARGO_PKG_VERSION"),
            "buildDate": "",
            "apiVersion": 1,
            "premium": false,
            "status": "",
        },
        "warnings": { "incompleteResults": false },
        "language": {
            "name": lang.name(),
            "code": lang.code(),
            "detectedLanguage": language,
        },
        "matches": matches,
    })
}

/// At most this many characters of the line on either side of a finding,
/// for its context.
const CONTEXT: usize = 40;

/// At most this many bytes either side of a finding are looked through for
/// its line, which is its `sentence`: a draft on one long line must not
/// make each of its findings carry, or search, the whole of it.
pub(super) const SENTENCE_REACH: usize = 400;

/// `at` moved back to the start of the character it falls in.
fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn match_of(finding: &Finding, text: &str, asked: &CheckRequest, utf16: &mut Utf16) -> Value {
    let span = &finding.span;
    let start = utf16.of(span.start);
    let end = utf16.of(span.end);
    // The finding's line, within SENTENCE_REACH bytes either side; the
    // context, that line cut to CONTEXT characters either side.
    let reach_back = floor(text, span.start.saturating_sub(SENTENCE_REACH));
    let reach_ahead = floor(text, (span.end + SENTENCE_REACH).min(text.len()));
    let line_start = text[reach_back..span.start]
        .rfind('\n')
        .map_or(reach_back, |i| reach_back + i + 1);
    let line_end = text[span.end..reach_ahead]
        .find('\n')
        .map_or(reach_ahead, |i| span.end + i);
    let from = text[line_start..span.start]
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(line_start, |(i, _)| line_start + i);
    let to = text[span.end..line_end]
        .char_indices()
        .nth(CONTEXT)
        .map_or(line_end, |(i, _)| span.end + i);
    let context = &text[from..to];
    let replacements: Vec<Value> = finding
        .fix
        .iter()
        .filter(|fix| fix.applicability == Applicability::Safe && fix.edits.len() == 1)
        .map(|fix| json!({ "value": fix.edits[0].content }))
        .collect();
    let code = finding.code.as_str();
    let rule_id = code
        .trim_start_matches("figcheck::")
        .replace('-', "_")
        .to_uppercase();
    json!({
        "message": format!("{}. {}", finding.message, capitalised(&finding.help)),
        "shortMessage": finding.message,
        "replacements": replacements,
        "offset": asked.original(start),
        // From the match's last unit, which lies in text, not in markup
        // that may follow it.
        "length": if end > start {
            asked.original(end - 1) + 1 - asked.original(start)
        } else {
            0
        },
        "context": {
            "text": context,
            "offset": utf16_len(&text[from..span.start]),
            "length": end - start,
        },
        "sentence": &text[line_start..line_end],
        "type": { "typeName": "Other" },
        "rule": {
            "id": format!("FIGCHECK_{rule_id}"),
            "description": code,
            "issueType": "inconsistency",
            "category": { "id": "FIGCHECK", "name": "Figures (figcheck)" },
        },
        "ignoreForIncompleteSentence": false,
        "contextForSureMatch": 0,
        // figcheck's own fields, which LanguageTool's clients pass over: the
        // page shows them.
        "figcheck": {
            "code": code,
            "severity": finding.severity.as_str(),
            "help": finding.help,
        },
    })
}
