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
        (
            es.part,
            "murieron 12 personas en el estado de Guerrero",
            true,
        ),
        (es.part, "murieron 12 en ese municipio", true),
        // A state or region described, not pointed at or named: the whole
        // the story is about.
        (
            es.part,
            "en el estado más meridional de Brasil ascendieron a 137",
            false,
        ),
        (
            es.part,
            "dejó más de 40 muertos en la región caribeña",
            false,
        ),
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
