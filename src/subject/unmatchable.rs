//! The rules check that every subject phrase can be found in prose.

use super::SubjectMatcher;
use crate::lang::Lang;
use crate::phrase::expand;
use crate::rules::{Rules, RulesDiagnostic};

/// Warnings for subject phrases that can never match: a phrase is read back
/// by its own figure's matcher, in its own language, and must find itself
/// (one that a phrase of the figure's `exclude` covers never does).
pub fn unmatchable(rules: &Rules) -> Vec<RulesDiagnostic> {
    let mut warnings = Vec::new();
    for lang in Lang::ALL {
        let lists = || {
            rules
                .figures
                .iter()
                .map(|f| &f.subjects_by_lang[lang.index()])
        };
        if lists().all(|l| l.is_empty()) {
            continue;
        }
        let matcher = SubjectMatcher::new(&rules.figures, lang);
        for (i, subjects) in lists().enumerate() {
            for subject in subjects {
                let never = expand(subject)
                    .unwrap_or_default()
                    .into_iter()
                    .find(|words| {
                        let text = words.join(" ");
                        !matcher
                            .find(&text, 0..text.len())
                            .iter()
                            .any(|h| h.figure == i && h.span == (0..text.len()))
                    });
                let Some(words) = never else { continue };
                let quoted = format!("\"{subject}\"");
                let mut warning = RulesDiagnostic::new(
                    rules.path.clone(),
                    rules.source.clone(),
                    "figcheck::rules::unmatchable-subject",
                    format!(
                        "the subject phrase \"{}\" of `{}` can never match \"{}\" in a draft",
                        crate::escape::visible(subject),
                        rules.figures[i].id,
                        crate::escape::visible(&words.join(" ")),
                    ),
                )
                .warning()
                .help(if rules.figures[i].exclude.is_empty() {
                    "write it as prose does: words joined by spaces or hyphens"
                } else {
                    "a phrase of the figure's `exclude` may cover it: remove one of the two"
                });
                if let Some(at) = rules.source.find(&quoted) {
                    warning = warning.label(at..at + quoted.len(), "never found in prose");
                }
                warnings.push(rules.placed(warning));
            }
        }
    }
    warnings
}
