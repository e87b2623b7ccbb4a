//! The rules every record obeys, whether it came from a file or from code: non-empty texts, two different
//! responses, a finite margin, a ranking of at least two distinct entries.

use super::error::DataError;
use super::Record;
use std::collections::BTreeMap;

/// The most entries a ranking may have: K entries expand to K(K−1)/2 pairs (100 → 4950).
pub const MAX_RANKING: usize = 100;

/// Every rule a record breaks, each as a problem on `line`.
pub fn check_record(record: &Record, line: usize) -> Vec<DataError> {
    let mut errors = Vec::new();
    match record {
        Record::Pair {
            prompt,
            chosen,
            rejected,
            margin,
        } => {
            check_text(prompt, "prompt", line, &mut errors);
            check_text(chosen, "chosen", line, &mut errors);
            check_text(rejected, "rejected", line, &mut errors);
            if let Some(m) = margin {
                if !m.is_finite() {
                    errors.push(DataError::field(
                        line,
                        "margin",
                        format!("must be a finite number, got {m}"),
                    ));
                }
            }
            if !chosen.trim().is_empty() && chosen.trim() == rejected.trim() {
                errors.push(DataError::line(
                    line,
                    "chosen and rejected are the same text",
                ));
            }
        }
        Record::Ranking { prompt, ranking } => {
            check_text(prompt, "prompt", line, &mut errors);
            check_ranking(ranking, line, &mut errors);
        }
    }
    errors
}

/// A text is kept as given, but it must hold more than whitespace.
fn check_text(text: &str, field: &str, line: usize, errors: &mut Vec<DataError>) {
    if text.trim().is_empty() {
        errors.push(DataError::field(line, field, empty_message(text)));
    }
}

fn empty_message(text: &str) -> &'static str {
    if text.is_empty() {
        "must not be empty"
    } else {
        "must not be only whitespace"
    }
}

fn check_ranking(ranking: &[String], line: usize, errors: &mut Vec<DataError>) {
    let n = ranking.len();
    if n < 2 {
        let entries = if n == 1 { "entry" } else { "entries" };
        errors.push(DataError::field(
            line,
            "ranking",
            format!("must have at least 2 entries, got {n} {entries}"),
        ));
        // Fall through: the single entry may still be empty.
    }
    if n > MAX_RANKING {
        errors.push(DataError::field(
            line,
            "ranking",
            format!("has {n} entries; at most {MAX_RANKING} are supported"),
        ));
        return;
    }
    for (i, text) in ranking.iter().enumerate() {
        if text.trim().is_empty() {
            let message = format!("entry {} of {n} {}", i + 1, empty_message(text));
            errors.push(DataError::field(line, "ranking", message));
        }
    }
    // Count each distinct text (compared without surrounding whitespace), reported in first-appearance order.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for text in ranking.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        *counts.entry(text).or_insert(0) += 1;
    }
    for (i, text) in ranking.iter().enumerate() {
        let key = text.trim();
        let count = counts.get(key).copied().unwrap_or(0);
        let first = ranking[..i].iter().all(|t| t.trim() != key);
        if count > 1 && first {
            let times = if count == 2 {
                "twice".to_string()
            } else {
                format!("{count} times")
            };
            errors.push(DataError::field(
                line,
                "ranking",
                format!("{} appears {times}", quoted(text)),
            ));
        }
    }
}

/// A text in quotes for a message, cut to 40 characters.
pub fn quoted(text: &str) -> String {
    let cut: String = text.chars().take(40).collect();
    let tail = if cut.len() < text.len() { "…" } else { "" };
    let escaped = format!("{cut:?}"); // a Rust string literal: quotes, backslashes and controls escaped
    let body = escaped
        .strip_prefix('"')
        .and_then(|e| e.strip_suffix('"'))
        .unwrap_or(&escaped);
    format!("\"{body}{tail}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranking(texts: &[&str]) -> Record {
        Record::Ranking {
            prompt: "p".into(),
            ranking: texts.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn a_duplicate_in_a_ranking_is_named_once() {
        let errors = check_record(&ranking(&["foo", "bar", "foo", "foo"]), 4);
        assert_eq!(
            errors,
            vec![DataError::field(4, "ranking", "\"foo\" appears 3 times")]
        );
    }

    #[test]
    fn long_texts_are_cut_in_messages() {
        let long = "x".repeat(100);
        assert_eq!(quoted(&long), format!("\"{}…\"", "x".repeat(40)));
        assert_eq!(quoted("say \"hi\""), "\"say \\\"hi\\\"\"");
    }
}
