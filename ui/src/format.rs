//! How dates and numbers read in the UI: local time, unambiguous dates, grouped thousands,
//! file sizes.

use chrono::{DateTime, Local, NaiveDate, Utc};

/// A calendar date in the user's time zone, e.g. `2025-11-25`.
pub fn local_date(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local).format("%Y-%m-%d").to_string()
}

/// A moment in the user's time zone, to the minute, e.g. `2025-11-25 14:03`.
pub fn local_timestamp(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The user's local date today, which decides plan states and the calendar's today.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// A date as typed into and shown by the UI, e.g. `2026-11-25`.
pub fn iso_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A date input's text as a date: `None` when empty or not a `YYYY-MM-DD` date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// How an item is named in titles and notices: "0042 · Digital multimeter".
pub fn describe(asset_tag: &str, name: &str) -> String {
    format!("{asset_tag} · {name}")
}

/// Names in a sentence: "A", "A and B", "A, B and C".
pub fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A count with thousands separated by commas, e.g. `1,234`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A file's size in decimal units, as the size limit counts them (1 MB = 1,000,000 bytes):
/// "512 B", "1.2 MB", "240 MB"; one decimal below 10, none from there on.
pub fn file_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1_000 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1_000.0;
    let mut unit = 0;
    // Rounded, 1,000 of a unit would read as the next unit.
    while value >= 999.5 && unit < UNITS.len() - 1 {
        value /= 1_000.0;
        unit += 1;
    }
    let number = if value < 9.95 {
        format!("{value:.1}").trim_end_matches(".0").to_owned()
    } else {
        thousands(value.round() as u64)
    };
    format!("{number} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234), "1,234");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn file_sizes_read_in_decimal_units() {
        assert_eq!(file_size(0), "0 B");
        assert_eq!(file_size(999), "999 B");
        assert_eq!(file_size(1_000), "1 KB");
        assert_eq!(file_size(1_234), "1.2 KB");
        assert_eq!(file_size(9_960), "10 KB");
        assert_eq!(file_size(1_200_000), "1.2 MB");
        assert_eq!(file_size(200_000_000), "200 MB");
        assert_eq!(file_size(999_600), "1 MB");
        assert_eq!(file_size(3_400_000_000), "3.4 GB");
        assert_eq!(file_size(u64::MAX), "18,446,744 TB");
    }

    #[test]
    fn dates_are_iso_and_parse_back() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 5).unwrap();
        assert_eq!(iso_date(date), "2026-11-05");
        assert_eq!(parse_date(" 2026-11-05 "), Some(date));
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("2026-02-30"), None);
    }

    #[test]
    fn names_read_as_a_sentence() {
        let names =
            |list: &[&str]| and_list(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(names(&["0007"]), "0007");
        assert_eq!(names(&["0007", "0009"]), "0007 and 0009");
        assert_eq!(names(&["1", "2", "3"]), "1, 2 and 3");
    }
}
