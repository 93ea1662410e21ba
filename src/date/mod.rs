//! Dates: when a value was reported (`as_of`), when a draft was written, and
//! the time a sentence speaks of ("as of March 2024").
//!
//! A date may be a year, a month or a day ("2025", "2025-03", "2025-03-27"). A
//! value reported "as of 2025-03" is known from the first day of March 2025; a
//! draft dated "2025-03", or a sentence that says "by March 2025", speaks of
//! the state of things at the end of March. [`Day`] is the calendar day both
//! are compared as.

pub mod anchor;
pub mod draft;
pub mod period;

use std::fmt;

pub use anchor::Anchor;
pub use draft::{DraftDate, Origin};

/// A calendar day, counted from 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

/// A year, a month or a day of the Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: i32,
    /// 1–12.
    pub month: Option<u8>,
    /// 1–31, only with a month.
    pub day: Option<u8>,
}

/// Month names as prose writes them, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The months in Spanish, January first, as Spanish writes them: lowercase.
pub const MONTH_NAMES_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl Date {
    pub fn year(year: i32) -> Date {
        Date {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i32, month: u8) -> Date {
        Date {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// Reads `2025`, `2025-03` or `2025-03-27`, and nothing else.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let bad = |why: &str| Err(DateError(why.to_string()));
        let parts: Vec<&str> = text.split('-').collect();
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if parts.len() > 3 || !digits(parts[0], 4) {
            return bad("write a date as YYYY, YYYY-MM or YYYY-MM-DD");
        }
        let year: i32 = parts[0].parse().map_err(|_| DateError("bad year".into()))?;
        if !(1800..=2200).contains(&year) {
            return bad("the year is outside 1800–2200");
        }
        let Some(month) = parts.get(1) else {
            return Ok(Date::year(year));
        };
        if !digits(month, 2) {
            return bad("write the month with two digits, such as 2025-03");
        }
        let month: u8 = month.parse().map_err(|_| DateError("bad month".into()))?;
        if !(1..=12).contains(&month) {
            return bad("the month must be from 01 to 12");
        }
        let Some(day) = parts.get(2) else {
            return Ok(Date::month(year, month));
        };
        if !digits(day, 2) {
            return bad("write the day with two digits, such as 2025-03-07");
        }
        let day: u8 = day.parse().map_err(|_| DateError("bad day".into()))?;
        if day == 0 || day > days_in_month(year, month) {
            return bad("there is no such day in that month");
        }
        Ok(Date {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// Reads the date at the start of a timestamp, as front matter and HTML
    /// give it: `2025-05-01`, `2025-05-01T09:30:00Z`, `2025-05-01 09:30`, or
    /// any of those in quotes.
    pub fn parse_timestamp(text: &str) -> Option<Date> {
        let text = text.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        let date = text.split(['T', ' ', 't']).next()?;
        Date::parse(date).ok()
    }

    /// The first day this date covers.
    pub fn first_day(self) -> Day {
        Day(days_from_civil(
            self.year,
            self.month.unwrap_or(1),
            self.day.unwrap_or(1),
        ))
    }

    /// The last day this date covers.
    pub fn last_day(self) -> Day {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        Day(days_from_civil(self.year, month, day))
    }

    /// The date `years` and `months` later, to the day when it has one.
    pub fn plus(self, years: i32, months: i32) -> Date {
        let index = self.year * 12 + i32::from(self.month.unwrap_or(1)) - 1 + years * 12 + months;
        let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
        Date {
            year,
            month: self.month.map(|_| month),
            day: self.day.map(|d| d.min(days_in_month(year, month))),
        }
    }

    /// The date as a reader of `lang` writes it: `27 March 2025`, `27 de
    /// marzo de 2025`.
    pub fn describe_in(self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::En => self.describe(),
            crate::lang::Lang::Es => match (self.month, self.day) {
                (Some(m), Some(d)) => format!(
                    "{d} de {} de {}",
                    MONTH_NAMES_ES[usize::from(m) - 1],
                    self.year
                ),
                (Some(m), None) => {
                    format!("{} de {}", MONTH_NAMES_ES[usize::from(m) - 1], self.year)
                }
                _ => self.year.to_string(),
            },
        }
    }

    /// The date as a reader writes it: `2025`, `March 2024`, `27 March 2025`.
    pub fn describe(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTH_NAMES[usize::from(m) - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTH_NAMES[usize::from(m) - 1], self.year),
            _ => self.year.to_string(),
        }
    }

    /// Today's date in UTC: from `SOURCE_DATE_EPOCH` (seconds since 1970, the
    /// reproducible-builds convention) when it is set, else the system clock.
    pub fn today() -> Date {
        let seconds = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64)
            });
        Date::of_day(Day(seconds.div_euclid(86_400)))
    }

    /// The day as a date.
    pub fn of_day(day: Day) -> Date {
        let (year, month, d) = civil_from_days(day.0);
        Date {
            year,
            month: Some(month),
            day: Some(d),
        }
    }
}

/// ISO form, as the rules file writes it: `2025`, `2025-03`, `2025-03-27`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Days from civil and back: the algorithms of Howard Hinnant's "chrono-Compatible
// Low-Level Date Algorithms", for the proleptic Gregorian calendar.
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_years_months_and_days() {
        assert_eq!(Date::parse("2025"), Ok(Date::year(2025)));
        assert_eq!(Date::parse("2025-03"), Ok(Date::month(2025, 3)));
        let day = Date::parse("2024-02-29").unwrap();
        assert_eq!((day.year, day.month, day.day), (2024, Some(2), Some(29)));
        assert_eq!(day.to_string(), "2024-02-29");
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for bad in [
            "March 2025",
            "2025-3",
            "2025-13",
            "2025-00",
            "2023-02-29",
            "2025-04-31",
            "25-03",
            "2025-03-07-01",
            "",
            "1700",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad:?} was read as a date");
        }
    }

    #[test]
    fn reads_timestamps() {
        for (text, iso) in [
            ("2025-05-01T09:30:00Z", "2025-05-01"),
            ("\"2025-05-01 09:30\"", "2025-05-01"),
            ("'2025-05'", "2025-05"),
            (" 2025-05-01t09:30:00+02:00 ", "2025-05-01"),
        ] {
            assert_eq!(
                Date::parse_timestamp(text)
                    .map(|d| d.to_string())
                    .as_deref(),
                Some(iso)
            );
        }
        assert_eq!(Date::parse_timestamp("May 1, 2025"), None);
        assert_eq!(Date::parse_timestamp("yesterday"), None);
    }

    #[test]
    fn a_partial_date_spans_its_period() {
        let march = Date::month(2024, 3);
        assert_eq!(Date::of_day(march.first_day()).to_string(), "2024-03-01");
        assert_eq!(Date::of_day(march.last_day()).to_string(), "2024-03-31");
        let year = Date::year(2024);
        assert_eq!(Date::of_day(year.last_day()).to_string(), "2024-12-31");
        assert_eq!(
            Date::of_day(Date::month(2024, 2).last_day()).to_string(),
            "2024-02-29"
        );
    }

    #[test]
    fn days_round_trip_through_the_calendar() {
        assert_eq!(Date::parse("1970-01-01").unwrap().first_day(), Day(0));
        for day in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::of_day(Day(day)).first_day(), Day(day));
        }
    }

    #[test]
    fn adds_years_and_months() {
        let start = Date::parse("2022-03-27").unwrap();
        assert_eq!(start.plus(2, 0).to_string(), "2024-03-27");
        assert_eq!(start.plus(0, 18).to_string(), "2023-09-27");
        let leap = Date::parse("2024-02-29").unwrap();
        assert_eq!(leap.plus(1, 0).to_string(), "2025-02-28");
        assert_eq!(Date::month(2024, 11).plus(0, 3).to_string(), "2025-02");
    }

    #[test]
    fn describes_dates_as_prose_does() {
        assert_eq!(Date::month(2024, 3).describe(), "March 2024");
        assert_eq!(Date::year(2025).describe(), "2025");
        let es = crate::lang::Lang::Es;
        assert_eq!(Date::month(2024, 3).describe_in(es), "marzo de 2024");
        assert_eq!(
            Date::parse("2025-03-27").unwrap().describe_in(es),
            "27 de marzo de 2025"
        );
        assert_eq!(Date::year(2025).describe_in(es), "2025");
        assert_eq!(
            Date::parse("2025-03-27").unwrap().describe(),
            "27 March 2025"
        );
    }
}
