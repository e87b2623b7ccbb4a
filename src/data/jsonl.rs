//! JSONL, one record per line: `{"prompt", "chosen", "rejected", "margin"?}` or `{"prompt", "ranking": [..]}`.
//!
//! Each line is parsed into a `serde_json::Value` and checked by hand, so that every problem names its line
//! (1-based), its field and what is wrong; every bad line is reported, not just the first.

use super::check::{check_record, quoted};
use super::error::{DataError, DataErrors};
use super::Record;
use serde_json::{Map, Value};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Every record of a JSONL file, or every problem in it.
pub fn parse_records(bytes: &[u8]) -> Result<Vec<Record>, DataErrors> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(DataErrors(vec![DataError::line(
            0,
            "the file is UTF-16 encoded; save it as UTF-8",
        )]));
    }
    let (bytes, bom) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, BOM.len()),
        None => (bytes, 0),
    };
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = i + 1;
        // Columns count bytes of the line as it is in the file (the BOM included on line 1).
        let offset = if i == 0 { bom } else { 0 };
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let text = match std::str::from_utf8(raw) {
            Ok(text) => text,
            Err(e) => {
                let at = e.valid_up_to();
                let message = format!(
                    "not valid UTF-8 (byte 0x{:02x} at column {})",
                    raw[at],
                    at + 1 + offset
                );
                errors.push(DataError::line(line, message));
                continue;
            }
        };
        if text.trim().is_empty() {
            continue;
        }
        match parse_line(text, line, offset) {
            Ok(record) => records.push(record),
            Err(mut problems) => errors.append(&mut problems),
        }
    }
    if records.is_empty() && errors.is_empty() {
        errors.push(DataError::line(0, "the file is empty: no JSON lines found"));
    }
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(DataErrors(errors))
    }
}

/// One non-blank line: JSON, then an object, then fields of the right types, then the record rules.
fn parse_line(text: &str, line: usize, offset: usize) -> Result<Record, Vec<DataError>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![DataError::line(
            line,
            format!(
                "not valid JSON ({} at column {})",
                json_reason(&e),
                e.column() + offset
            ),
        )]
    })?;
    let Value::Object(object) = value else {
        return Err(vec![DataError::line(
            line,
            format!("must be a JSON object, got {}", describe(&value)),
        )]);
    };
    let mut errors = Vec::new();
    let prompt = string_field(&object, "prompt", line, &mut errors);
    let has_pair = object.contains_key("chosen") || object.contains_key("rejected");
    let has_ranking = object.contains_key("ranking");
    let record = match (has_pair, has_ranking) {
        (true, true) => {
            errors.push(DataError::line(
                line,
                "has both \"ranking\" and \"chosen\"/\"rejected\"; use one shape per line",
            ));
            None
        }
        (false, false) => {
            errors.push(DataError::line(
                line,
                "needs \"chosen\" and \"rejected\" (a pair) or \"ranking\" (a ranked list)",
            ));
            None
        }
        (true, false) => {
            let chosen = string_field(&object, "chosen", line, &mut errors);
            let rejected = string_field(&object, "rejected", line, &mut errors);
            let margin = margin_field(&object, line, &mut errors);
            match (prompt, chosen, rejected, margin) {
                (Some(prompt), Some(chosen), Some(rejected), Ok(margin)) => Some(Record::Pair {
                    prompt,
                    chosen,
                    rejected,
                    margin,
                }),
                _ => None,
            }
        }
        (false, true) => {
            let ranking = ranking_field(&object, line, &mut errors);
            match (prompt, ranking) {
                (Some(prompt), Some(ranking)) => Some(Record::Ranking { prompt, ranking }),
                _ => None,
            }
        }
    };
    if let Some(record) = &record {
        errors.extend(check_record(record, line));
    }
    match record {
        Some(record) if errors.is_empty() => Ok(record),
        _ => Err(errors),
    }
}

/// serde_json's reason without its own " at line 1 column N" (every line is parsed alone).
fn json_reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(at) => full[..at].to_string(),
        None => full,
    }
}

fn string_field(
    object: &Map<String, Value>,
    field: &str,
    line: usize,
    errors: &mut Vec<DataError>,
) -> Option<String> {
    match object.get(field) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => {
            errors.push(DataError::field(
                line,
                field,
                format!("must be a string, got {}", describe(other)),
            ));
            None
        }
        None => {
            errors.push(DataError::field(line, field, "is missing"));
            None
        }
    }
}

/// The optional margin: absent or null means none; otherwise it must be a number.
fn margin_field(
    object: &Map<String, Value>,
    line: usize,
    errors: &mut Vec<DataError>,
) -> Result<Option<f64>, ()> {
    match object.get("margin") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => match n.as_f64() {
            Some(m) => Ok(Some(m)),
            None => {
                errors.push(DataError::field(
                    line,
                    "margin",
                    format!("must be a finite number, got {n}"),
                ));
                Err(())
            }
        },
        Some(other) => {
            errors.push(DataError::field(
                line,
                "margin",
                format!("must be a number, got {}", describe(other)),
            ));
            Err(())
        }
    }
}

fn ranking_field(
    object: &Map<String, Value>,
    line: usize,
    errors: &mut Vec<DataError>,
) -> Option<Vec<String>> {
    let entries = match object.get("ranking") {
        Some(Value::Array(entries)) => entries,
        Some(other) => {
            let message = format!("must be an array of strings, got {}", describe(other));
            errors.push(DataError::field(line, "ranking", message));
            return None;
        }
        None => return None, // only called when the key is present
    };
    let n = entries.len();
    let mut texts = Vec::with_capacity(n);
    let mut ok = true;
    for (i, entry) in entries.iter().enumerate() {
        match entry {
            Value::String(s) => texts.push(s.clone()),
            other => {
                let message = format!(
                    "entry {} of {n} must be a string, got {}",
                    i + 1,
                    describe(other)
                );
                errors.push(DataError::field(line, "ranking", message));
                ok = false;
            }
        }
    }
    ok.then_some(texts)
}

/// A JSON value in words, for messages: `the number 5`, `null`, `an array of 2 entries` ...
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {}", quoted(s)),
        Value::Array(a) if a.len() == 1 => "an array of 1 entry".to_string(),
        Value::Array(a) => format!("an array of {} entries", a.len()),
        Value::Object(_) => "an object".to_string(),
    }
}

/// The records as JSONL, one line each, ending with a newline.
pub fn write_records(records: &[Record]) -> String {
    let mut out = String::new();
    for record in records {
        // A record is strings and an optional f64: serialization cannot fail; a non-finite margin becomes null.
        out.push_str(&serde_json::to_string(record).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// A one-line description of parsed records: `12 records (3 pairs, 9 rankings), 57 pairs`.
pub fn describe_counts(records: &[Record]) -> String {
    let rankings = records
        .iter()
        .filter(|r| matches!(r, Record::Ranking { .. }))
        .count();
    let pair_records = records.len() - rankings;
    let pairs: usize = records
        .iter()
        .map(|r| match r {
            Record::Pair { .. } => 1,
            Record::Ranking { ranking, .. } => ranking.len() * ranking.len().saturating_sub(1) / 2,
        })
        .sum();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{} ({}, {}), {} to compare",
        plural(records.len(), "record", "records"),
        plural(pair_records, "pair", "pairs"),
        plural(rankings, "ranking", "rankings"),
        plural(pairs, "pair", "pairs"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parsed_file_is_described_by_its_counts() {
        let records = parse_records(b"{\"prompt\":\"p\",\"ranking\":[\"a\",\"b\",\"c\"]}\n{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}").unwrap();
        assert_eq!(
            describe_counts(&records),
            "2 records (1 pair, 1 ranking), 4 pairs to compare"
        );
    }

    #[test]
    fn columns_count_the_bom_of_the_first_line() {
        let errors = parse_records(b"\xEF\xBB\xBFx").unwrap_err();
        assert_eq!(
            errors.to_string(),
            "line 1: not valid JSON (expected value at column 4)"
        );
    }
}
