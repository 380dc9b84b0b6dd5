//! Values between Rust and SQLite: timestamps, dates and decimals as text, and reading
//! typed columns with a clear error when a stored value does not parse.

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::types::{Type, Value};
use rusqlite::{Connection, Row, ToSql};
use rust_decimal::Decimal;

/// A UTC timestamp as stored: RFC 3339 with milliseconds.
pub(crate) fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// A date as stored: `YYYY-MM-DD`, which sorts in date order.
pub(crate) fn date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// An optional date as an SQL value (`NULL` for none).
pub(crate) fn opt_date(value: Option<NaiveDate>) -> Value {
    value.map_or(Value::Null, |value| Value::Text(date(value)))
}

/// An optional decimal as an SQL value, keeping its digits.
pub(crate) fn opt_decimal(value: Option<Decimal>) -> Value {
    value.map_or(Value::Null, |value| Value::Text(value.to_string()))
}

/// Reads a text column through `parse`, reporting a value that does not parse as a
/// conversion failure of that column.
pub(crate) fn parsed_at<T, E>(
    row: &Row<'_>,
    index: usize,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> rusqlite::Result<T>
where
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let text: String = row.get(index)?;
    parse(&text)
        .map_err(|error| rusqlite::Error::FromSqlConversionFailure(index, Type::Text, error.into()))
}

/// Reads a column of any type that parses from its text (ids, decimals).
pub(crate) fn text_at<T>(row: &Row<'_>, index: usize) -> rusqlite::Result<T>
where
    T: FromStr,
    T::Err: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    parsed_at(row, index, str::parse)
}

/// Reads a nullable column that parses from its text.
pub(crate) fn opt_text_at<T>(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<T>>
where
    T: FromStr,
    T::Err: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    match row.get::<_, Option<String>>(index)? {
        None => Ok(None),
        Some(_) => text_at(row, index).map(Some),
    }
}

/// Reads a stored key (`status`, `result`, …) through the enum's `from_key`.
pub(crate) fn key_at<T>(
    row: &Row<'_>,
    index: usize,
    from_key: impl FnOnce(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    parsed_at(row, index, |key| {
        from_key(key).ok_or_else(|| format!("unknown key {key:?}"))
    })
}

/// Reads a UTC timestamp.
pub(crate) fn timestamp_at(row: &Row<'_>, index: usize) -> rusqlite::Result<DateTime<Utc>> {
    parsed_at(row, index, |text| {
        DateTime::parse_from_rfc3339(text).map(|at| at.with_timezone(&Utc))
    })
}

/// Runs `sql` with named parameters.
pub(crate) fn execute_named(
    conn: &Connection,
    sql: &str,
    params: &[(&'static str, Value)],
) -> rusqlite::Result<usize> {
    let params: Vec<(&str, &dyn ToSql)> = params
        .iter()
        .map(|(name, value)| (*name, value as &dyn ToSql))
        .collect();
    conn.prepare_cached(sql)?.execute(params.as_slice())
}
