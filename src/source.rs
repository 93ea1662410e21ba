//! Which source a sentence attributes a claim to: "according to Cristosal",
//! "WOLA puts the number at 350", "Cristosal's count". Only the sources the
//! rules declare (`[[source]]`, by name or alias) are recognised; "officials
//! say" or "a local group says" attribute the claim to nobody the rules know,
//! and the claim is judged as any other.
//!
//! The attribution must stand in the claim's own clause and be said with a
//! cue: a source named in passing ("Cristosal has long campaigned, and …")
//! attributes nothing. Spanish drafts use their own cues: "según Cristosal",
//! "de acuerdo con", "Cristosal contabiliza / reporta / registra".

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::lang::{spanish_regex, Lang};
use crate::rules::Source;

/// Finds the declared sources by name in a clause.
#[derive(Debug, Clone, Default)]
pub struct SourceMatcher {
    /// Lowercase name or alias, and the source's index; longest first.
    names: Vec<(String, usize)>,
}

/// "according to" before a name, or "counted by".
static CUE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\baccording\s+to|\b(?:counted|documented|recorded|reported|compiled|tallied|estimated|gathered|published)\s+by|\bper|\bfigures\s+from|\bdata\s+from)\s+(?:the\s+)?$",
    )
    .expect("cue pattern")
});

/// A verb of saying or counting after a name, past an optional apposition
/// ("WOLA, a Washington-based research group, puts …"), or a possessive
/// count ("Cristosal's tally").
static CUE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
          (?:\s*,[^,;]{1,80},)?\s+(?:also\s+|now\s+|has\s+|have\s+|had\s+)?
            (?:says|said|reports|reported|counts|counted|estimates|estimated|puts|put|records|recorded
              |documents|documented|tallies|tallied|finds|found|calculates|calculated|registers|registered
              |lists|listed|cites|cited|puts\s+the)\b
          | (?:'s|’s)\s+(?:own\s+|latest\s+|new\s+)?(?:count|counts|tally|figure|figures|data|estimate|numbers?|report|records?|database)\b
        )",
    )
    .expect("cue pattern")
});

/// "según" or "de acuerdo con" before a name, or "registradas por".
static CUE_BEFORE_ES: LazyLock<Regex> = LazyLock::new(|| {
    spanish_regex(
        r"(?i)(?:\bsegún|\bsegun|\bde\s+acuerdo\s+(?:con|a)|\bconforme\s+a|\b(?:contabilizad|documentad|registrad|reportad|recopilad|estimad|publicad|recogid|verificad)[oa]s?\s+por|\bdatos\s+de|\bcifras\s+de|\bun\s+(?:informe|recuento|conteo|registro)\s+de)\s+(?:el\s+|la\s+|los\s+|las\s+)?$",
    )
});

/// A verb of saying or counting after a name, past an optional apposition
/// ("Cristosal, una organización de derechos humanos, contabiliza …").
static CUE_AFTER_ES: LazyLock<Regex> = LazyLock::new(|| {
    spanish_regex(
        r"(?ix)^(?:\s*,[^,;]{1,80},)?\s+(?:también\s+|ahora\s+|ya\s+|ha\s+|han\s+|había\s+|se\s+)?
            (?:dice|dijo|afirma|afirmó|reporta|reportó|reportado|informa|informó|informado|contabiliza|contabilizó|contabilizado
              |cuenta|contó|estima|estimó|estimado|registra|registró|registrado|documenta|documentó|documentado
              |cifra|cifró|sitúa|situó|calcula|calculó|calculado|señala|señaló|asegura|aseguró|denuncia|denunció
              |eleva|elevó|reporte|recuento|conteo|registro|cifras|datos){END}",
    )
});

/// The cues before and after a source's name, in `lang`.
fn cues(lang: Lang) -> (&'static Regex, &'static Regex) {
    match lang {
        Lang::En => (&CUE_BEFORE, &CUE_AFTER),
        Lang::Es => (&CUE_BEFORE_ES, &CUE_AFTER_ES),
    }
}

impl SourceMatcher {
    pub fn new(sources: &[Source]) -> SourceMatcher {
        let mut names: Vec<(String, usize)> = Vec::new();
        for (i, source) in sources.iter().enumerate() {
            for name in std::iter::once(&source.name).chain(&source.aliases) {
                let lower = name.trim().to_lowercase();
                if !lower.is_empty() {
                    names.push((lower, i));
                }
            }
        }
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
        names.dedup();
        SourceMatcher { names }
    }

    /// The one declared source `text[clause]` attributes its claim to, if any.
    /// Two different sources attributed in one clause make it unclear: none.
    pub fn attributed(&self, text: &str, clause: &Range<usize>, lang: Lang) -> Option<usize> {
        if self.names.is_empty() {
            return None;
        }
        let (cue_before, cue_after) = cues(lang);
        let slice = &text[clause.clone()];
        let lower = slice.to_lowercase();
        // Lowercasing may change lengths outside ASCII; then byte offsets
        // would not line up, and nothing is attributed.
        if lower.len() != slice.len() {
            return None;
        }
        let mut found: Option<usize> = None;
        let mut taken: Vec<Range<usize>> = Vec::new();
        for (name, source) in &self.names {
            for (at, _) in lower.match_indices(name.as_str()) {
                let range = at..at + name.len();
                let whole_word = !slice[..at].ends_with(|c: char| c.is_alphanumeric())
                    && !slice[range.end..].starts_with(|c: char| c.is_alphanumeric());
                if !whole_word
                    || taken
                        .iter()
                        .any(|t| t.start < range.end && range.start < t.end)
                {
                    continue;
                }
                taken.push(range.clone());
                let cued =
                    cue_before.is_match(&slice[..at]) || cue_after.is_match(&slice[range.end..]);
                if !cued {
                    continue;
                }
                match found {
                    Some(other) if other != *source => return None,
                    _ => found = Some(*source),
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> SourceMatcher {
        let source = |id: &str, name: &str, aliases: &[&str]| Source {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            url: None,
        };
        SourceMatcher::new(&[
            source("cristosal", "Cristosal", &["the rights group Cristosal"]),
            source("wola", "WOLA", &["Washington Office on Latin America"]),
        ])
    }

    fn who(text: &str) -> Option<usize> {
        sources().attributed(text, &(0..text.len()), Lang::En)
    }

    fn quien(text: &str) -> Option<usize> {
        sources().attributed(text, &(0..text.len()), Lang::Es)
    }

    #[test]
    fn spanish_cues_that_attribute_a_claim() {
        for text in [
            "Según Cristosal, 367 personas han muerto bajo custodia.",
            "De acuerdo con Cristosal, 367 personas han muerto bajo custodia.",
            "Cristosal contabiliza 367 muertes bajo custodia.",
            "Cristosal reporta 367 muertes bajo custodia.",
            "Cristosal registra 367 muertes bajo custodia.",
            "Cristosal, una organización de derechos humanos, ha documentado 367 muertes.",
            "Las muertes registradas por Cristosal suman 367.",
        ] {
            assert_eq!(quien(text), Some(0), "{text}");
        }
    }

    #[test]
    fn spanish_names_in_passing_attribute_nothing() {
        for text in [
            "Las autoridades dicen que 367 personas han muerto bajo custodia.",
            "Cristosal ha pedido justicia para las 367 personas que murieron.",
            // An English cue in a Spanish draft is no cue.
            "According to Cristosal, 367.",
        ] {
            assert_eq!(quien(text), None, "{text}");
        }
        assert_eq!(quien("Según Cristosal son 367 y según WOLA 350."), None);
    }

    #[test]
    fn cues_that_attribute_a_claim() {
        for text in [
            "According to Cristosal, 367 people have died in custody.",
            "Cristosal reports 367 deaths in custody.",
            "Cristosal counts 367 deaths in custody.",
            "Cristosal has counted 367 deaths in custody.",
            "The rights group Cristosal said 367 people had died.",
            "Cristosal's count stands at 367.",
            "Cristosal’s tally is 367.",
            "The deaths were documented by Cristosal: 367 in all.",
        ] {
            assert_eq!(who(text), Some(0), "{text}");
        }
        assert_eq!(
            who("WOLA, a Washington-based research group, puts the number at 350."),
            Some(1)
        );
        assert_eq!(
            who("According to the Washington Office on Latin America, 350 died."),
            Some(1)
        );
    }

    #[test]
    fn no_attribution_without_a_known_source_and_a_cue() {
        for text in [
            "Officials say 367 people have died in custody.",
            "It is said that 367 people have died in custody.",
            "A local group says 340 people have died in custody.",
            // Named, but not as the one who counts.
            "Cristosal has long campaigned for the 367 people who died in custody.",
            "Members of Cristosalia say 367 died.",
        ] {
            assert_eq!(who(text), None, "{text}");
        }
        // Two sources in one clause: unclear, so nobody.
        assert_eq!(who("Cristosal says 367 and WOLA says 350."), None);
    }
}
