//! The cues of Spanish drafts.

use std::sync::LazyLock;

use regex::Regex;

use super::{Cues, Pattern};
use crate::lang::Lang;

pub(super) static SPANISH: Cues = Cues {
    coordinators: &["y", "e"],
    apposition_words: &[
        "entonces", "apenas", "solo", "sólo", "ahora", "aún", "aun", "todavía", "ya", "en", "el",
        "la", "momento", "por",
    ],
    increment: &ES_INCREMENT,
    increment_before: &ES_INCREMENT_BEFORE,
    difference_before: &ES_DIFFERENCE_BEFORE,
    window: Some(&ES_WINDOW),
    narrow_time: &ES_NARROW_TIME,
    part: &ES_PART,
    period: &ES_PERIOD,
    running_total: &ES_RUNNING_TOTAL,
    status: &ES_STATUS,
    part_of: &ES_PART_OF,
    whole_of: &ES_WHOLE_OF,
    share_before: &ES_SHARE_BEFORE,
    opening_whole: &ES_OPENING_WHOLE,
    opening_addition: &ES_OPENING_ADDITION,
    relative_end: &ES_RELATIVE_END,
    relative_open: &ES_RELATIVE_OPEN,
    free_after: ES_FREE_AFTER,
    auxiliaries: Lang::Es.auxiliaries(),
    linking: ES_LINKING,
    up_to_day: &["hasta"],
    groups: &[
        "niños",
        "niñas",
        "menores",
        "adultos",
        "adultas",
        "mujeres",
        "hombres",
        "adolescentes",
        "bebés",
        "bebes",
    ],
    event_verbs: &[
        "ocurrido",
        "ocurrida",
        "ocurrió",
        "sacudió",
        "azotó",
        "golpeó",
        "comenzó",
        "empezó",
        "inició",
        "iniciado",
        "iniciada",
        "comenzado",
        "desatado",
        "desatada",
        "colapsó",
        "derrumbó",
    ],
    relative_words: &["que"],
    place_prepositions: &["en", "entre", "desde"],
    months: crate::numbers::SPANISH_MONTHS,
    weekdays: crate::numbers::SPANISH_WEEKDAYS,
    rate_word: "tasa",
    participle: None,
    negations: &[
        "no", "nunca", "jamás", "jamas", "ninguno", "ninguna", "ni", "tampoco",
    ],
    negation_endings: &[],
    pending: &["sin", "aún", "todavía", "pendiente", "pendientes"],
    change_verb_before: &ES_CHANGE_VERB_BEFORE,
    standing_before: &ES_STANDING_BEFORE,
    to_before: &ES_TO_BEFORE,
    change_from: &ES_CHANGE_FROM,
    up_from: &ES_UP_FROM,
    from_after: &ES_FROM_AFTER,
    last_year: &ES_LAST_YEAR,
    reported_that: &ES_REPORTED_THAT,
    following_year: &ES_FOLLOWING_YEAR,
    opening_year: &ES_OPENING_YEAR,
    threshold_before: &ES_THRESHOLD_BEFORE,
    event_after_year: None,
    event_before_year: &ES_EVENT_BEFORE_YEAR,
    series_year: &ES_SERIES_YEAR,
    series_link: &ES_SERIES_LINK,
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
const ES_CHANGE_VERBS: &str = r"pasó|pasaron|pasado|bajó|bajaron|bajado|subi[óo]|subieron|subido|cay[óo]|cayeron|ca[íi]do|aumentó|aumentaron|aumentado|disminuy[óo]|disminuyeron|disminuido|creci[óo]|crecieron|crecido|descendi[óo]|descendieron|descendido|redujo|redujeron|reducido|elev[óo]|elevaron|elevado|saltó|saltaron|saltado|pasar|bajar|subir|caer|aumentar|disminuir|crecer|descender|reducir|llegar|lleg[óo]|llegaron|alcanz[óo]|alcanzaron|eleva|elevan|sube|suben|aumenta|aumentan|asciende|ascienden|ascendi[óo]|ascendieron|llega|llegan|baja|bajan|cae|caen|crece|crecen|disminuye|disminuyen";

static ES_INCREMENT: Pattern = LazyLock::new(|| {
    regex(r"(?i)^[\s\u{a0}]+(?:más|mas|adicionales|nuevos|nuevas|otros|otras|extra)\b")
});

static ES_INCREMENT_BEFORE: Pattern =
    LazyLock::new(|| regex(r"(?i)\b(?:otros|otras|otro|otra|nuevos|nuevas|adicionales)\s+$"));

static ES_DIFFERENCE_BEFORE: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:aument(?:ó|o|a|aron|an)|creci(?:ó|o|eron)|crece|crecen|subi(?:ó|o|eron)|sube|suben|baj(?:ó|o|aron|a|an)|cay(?:ó|o|eron)|cae|caen|disminuy(?:ó|o|eron)|se\s+(?:redujo|redujeron|reduce|incrementó|incrementaron))\s+en\s+$",
    )
});

static ES_PART: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:s[oó]lo\s+en|solamente|incluid[oa]s?|incluyendo|entre\s+ell[oa]s|de\s+(?:ell[oa]s|l[oa]s\s+cuales|quienes)|en\s+promedio|promedi[oa]s?|promedió|en\s+(?:ese|este)\s+(?:estado|municipio|departamento|condado)|en\s+(?:esa|esta)\s+(?:provincia|región|region|comuna|ciudad)|en\s+el\s+(?:estado|municipio|departamento|condado)(?:\s*(?:[,.;:)]|$)|\s+del?\b)|en\s+la\s+(?:provincia|región|region|comuna|ciudad)(?:\s*(?:[,.;:)]|$)|\s+del?\b)|(?:en|entre)\s+(?:los\s+|las\s+)?(?:hombres|mujeres|niños|niñas|menores|jóvenes|adolescentes|adultos\s+mayores)|en\s+el\s+resto\s+del?\s+(?:país|pais|territorio|estado)|en\s+otr[oa]s\s+(?:partes|zonas|regiones|provincias|estados|lugares)){END}",
    )
});

static ES_RUNNING_TOTAL: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:hasta\s+(?:el\s+momento|ahora|la\s+fecha)|en\s+total|un\s+total\s+de|balance|(?:ascendi[óo]|asciende[n]?|ascienden|subi[óo]|suben?|aument[óo]|elev[óo]|lleg[óo]|llegan?)\s+a|confirmad[oa]s?|confirm[óo]|ya\s+son|cifra\s+de){END}",
    )
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

static ES_RELATIVE_OPEN: Pattern = LazyLock::new(|| {
    regex(
        r"(?i),\s*(?:que|quien|quienes|cuyo|cuya|donde|cuando|el\s+cual|la\s+cual|los\s+cuales|las\s+cuales)\b",
    )
});

static ES_RELATIVE_END: Pattern = LazyLock::new(|| {
    regex(r"(?i),?\s*\b(?:que|quien|quienes|el\s+cual|la\s+cual|los\s+cuales|las\s+cuales)\s+$")
});

static ES_CHANGE_VERB_BEFORE: Pattern = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(?:{ES_CHANGE_VERBS}|bajando|cayendo|subiendo)(?:\s+\p{{L}}+){{0,2}}\s+(?:a|hasta)\s+$"
    ))
});

/// See [`Cues::standing_before`]: "alcanza ya las 112 personas", "suma
/// 138", "se sitúa en 25,6", "fue de 24,9".
static ES_STANDING_BEFORE: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:alcanza|alcanzan|alcanzó|alcanzaron|alcanzaba|suma|suman|sumó|sumaron|totaliza|totalizan|totalizó|se\s+sitúa\s+en|se\s+situó\s+en|se\s+ubica\s+en|se\s+ubicó\s+en|es\s+de|fue\s+de)(?:\s+(?:ya|ahora|hoy|las|los|un\s+total\s+de)){0,3}\s+$",
    )
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
static ES_REPORTED_THAT: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:dijo|dice|dicen|dijeron|indicó|indica|indicaron|informó|informa|informaron|señaló|señala|señalaron|afirmó|afirma|aseguró|asegura|explicó|explica|precisó|detalló|reportó|reporta|reportaron|confirmó|confirma|anunció|anuncia|sostuvo|agregó|añadió|declaró|estimó|advirtió){END}\s*(?:[^\s,;:.()]+\s+){0,6}?que\b",
    )
});
static ES_SERIES_YEAR: Pattern = LazyLock::new(|| {
    regex(
        r"^\s*(?:\(|(?:en|de|del|para)\s+(?:el\s+(?:año\s+|mes\s+de\s+)?)?)(?:(?P<month>enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b(?:\s+(?:de|del)\s+(?P<year>\d{4})\b)?|(?P<year_only>\d{4})\b)",
    )
});
static ES_SERIES_LINK: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)^\)?\s*(?:[,;]\s*)?(?:(?:y|e|o|u)\s+)?(?:(?:a|al|el|la|los|las)\s+){0,2}(?:(?:de|del)\s+)?(?:(?:un|una)\s+(?:nuevo\s+)?(?:récord|máximo|mínimo)\s+de\s+)?$",
    )
});
/// See [`Cues::threshold_before`]: words only, no mark, in between.
static ES_THRESHOLD_BEFORE: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:primer[oa]?|únic[oa]|unic[oa]|segund[oa]|tercer[oa]?)(?:\s+(?P<time>d[ií]as?|noches?|semanas?|mes(?:es)?|horas?|años?|mitad|trimestre)\b)?(?:\s+[\p{L}\d'’-]+){0,6}\s+$",
    )
});

/// Events news compares a running count with: disasters, attacks,
/// outbreaks, wars.
const EVENTOS: &str = r"terremotos?|sismos?|se[íi]smos?|maremotos?|tsunamis?|inundaci(?:ón|on|ones)|riadas?|huracan(?:es)?|huracán|tormentas?|tif(?:ón|on|ones)|cicl(?:ón|on|ones)|incendios?|explosi(?:ón|on|ones)|choques?|accidentes?|descarrilamientos?|desastres?|tragedias?|ataques?|atentados?|tiroteos?|masacres?|brotes?|pandemias?|epidemias?|guerras?|hambrunas?|erupci(?:ón|on|ones)|deslaves?|deslizamientos?|derrumbes?|aludes?|olas?\s+de\s+calor";

/// See [`Cues::event_before_year`]: "el terremoto de 1999", "el terremoto
/// de Izmit de 1999", "el terremoto del 17 de agosto de 1999", "las
/// inundaciones del 2010".
static ES_EVENT_BEFORE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let meses = crate::date::MONTH_NAMES_ES.join("|");
    Regex::new(&format!(
        r"\b(?i:{EVENTOS})\s+(?:(?:de|del|en)\s+\p{{Lu}}[\p{{L}}-]*(?:\s+\p{{Lu}}[\p{{L}}-]*)?\s+)?(?:(?:del?|el)\s+\d{{1,2}}\s+de\s+(?i:{meses}|setiembre)\s+)?(?:de|del|en)(?:\s+el)?\s+$"
    ))
    .expect("event before year pattern")
});

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
        // ASCII word boundaries (each word starts and ends with an ASCII
        // letter): it runs on every sentence that names a figure.
        r"(?i)(?-u:\b)(?:eleva|elevó|elevan|elevaron|elevando|lleva|llevó|llevando|sitúa|situó|sitúan|ubica|ubicó|cifra|cifró|revisó|revisa|aumentó|redujo|actualizó)\s+(?:esa|esta|la|dicha|el|ese|este|dicho)\s+(?:cifra|número|numero|total|conteo|recuento|estimación|estimacion|balance)(?-u:\b)",
    )
});

static ES_OF_AFTER: Pattern = LazyLock::new(|| regex(r"^\s+de\b"));

static ES_CLAUSE_BREAK: Pattern = LazyLock::new(|| {
    regex(
        r"(?i);|,\s+(?:y|pero|mientras|aunque|sino|sin\s+embargo)\b|(?:,|[–—]| -)\s+(?:elevando|llevando)\b",
    )
});
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
           |aspira|aspiran|apunta|apuntan|podría|podrían|podria|podrian|puede|pueden|pueda|puedan|debería|deberían
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
           |(?:había|habían)\s+(?:informado|reportado|anunciado|dado)
           |entonces\s+(?:solo|sólo|apenas)
           |(?:la|el|su|una|un)\s+(?:anterior|previa|previo|original|inicial|primera|primer)
           |(?:la|el|su|una|un)\s+\p{L}+\s+(?:anterior|previa|previo|original|inicial)
           |fue\s+revisad[oa]|fueron\s+revisad[oa]s|frente\s+a(?:\s+l[oa]s)?|en\s+comparaci[óo]n\s+con){END}
        | \bantes\s*,",
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
        r"(?i)\b(?:subestima\p{L}*|sobrestima\p{L}*|subregistr\p{L}*|infravalora\p{L}*|desactualizad\p{L}*|obsolet\p{L}*|desacreditad\p{L}*|demasiado\s+(?:baja|bajo|alta|alto)|neg[óo]\s+que|desminti[óo]|desmienten?)",
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
    "después",
    "antes",
    "luego",
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

/// Words beside the auxiliaries that may stand between a counted noun and its
/// subject phrase: `367 personas que presuntamente murieron bajo custodia`.
const ES_LINKING: &[&str] = &[
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
    "serán",
    "sería",
    "podrían",
    "habrían",
    "habría",
    "estado",
    "estaban",
    "están",
];

static ES_PRONOUN_BACK: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)^\W*(?:antes|previamente|entonces|un\s+(?:día|mes|año)\s+antes),?\s+(?:se\s+)?(?:situaba|ubicaba|era|estaba|ascendía|alcanzaba)\b",
    )
});

/// "el año pasado": see the English `LAST_YEAR`.
static ES_LAST_YEAR: Pattern =
    LazyLock::new(|| regex(r"(?i)\bel\s+año\s+(?:pasado|anterior){END}"));

/// See the English `SHARE_BEFORE`: "el 3% de la población penitenciaria".
static ES_SHARE_BEFORE: Pattern = LazyLock::new(|| {
    regex(
        r"(?i)(?:%|\b(?:por\s+ciento|mitad|tercio|tercera\s+parte|cuarta\s+parte|cuarto|mayoría|mayoria|minoría|minoria|proporción|proporcion|fracción|fraccion))\s+de\s+(?:(?:el|la|los|las|todos\s+los|todas\s+las|sus)\s+)?$",
    )
});

/// See the English `OPENING_WHOLE`: "De los 367 muertos, 330 eran hombres".
static ES_OPENING_ADDITION: Pattern =
    LazyLock::new(|| regex(r"(?i)^[^\w]*(?:además\s+de|aparte\s+de|sin\s+contar)\s"));

static ES_OPENING_WHOLE: Pattern = LazyLock::new(|| {
    regex(r"(?i)^[^\w]*(?:de|entre)\s+(?:los|las|todos\s+los|todas\s+las|estos|estas)\s")
});
