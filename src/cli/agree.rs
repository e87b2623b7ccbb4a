//! `reward-playground agree FILE... [--out FILE]`: how much labelers agree, one labeler's JSONL per file.
//!
//! A pair is its prompt and its two texts (in either order); a labeler's label is which text they chose. The
//! statistics are those of [`crate::label::agreement`].

use crate::data::{Dataset, Record};
use crate::label::{agreement, Agreement, Better};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Flags of `agree`.
#[derive(clap::Args, Debug)]
pub struct AgreeArgs {
    /// One labeler's labels per file: JSONL of {"prompt", "chosen", "rejected"} (rankings count as their pairs).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Also write each pair's majority label as JSONL (prompt, chosen, rejected); ties are left out.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// A pair to compare: the prompt and its two texts, sorted.
type Key = (String, String, String);

/// The pairs of all files in first-appearance order, and each file's labels on them.
struct Table {
    pairs: Vec<Key>,
    rows: Vec<Vec<Option<Better>>>,
}

/// The 1-based file line of each record: records are the non-blank lines, in order (as `Dataset::parse_jsonl`
/// reads them).
fn record_lines(bytes: &[u8]) -> Vec<usize> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, raw)| !String::from_utf8_lossy(raw).trim().is_empty())
        .map(|(i, _)| i + 1)
        .collect()
}

/// Reads every file into one table; every problem of every file is reported, each with its file and line.
fn read_table(files: &[PathBuf]) -> Result<Table, String> {
    let mut table = Table {
        pairs: Vec::new(),
        rows: Vec::new(),
    };
    let mut index: BTreeMap<Key, usize> = BTreeMap::new();
    let mut problems: Vec<String> = Vec::new();
    for path in files {
        let file = path.display();
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                problems.push(format!("{file}: cannot read: {e}"));
                continue;
            }
        };
        let data = match Dataset::parse_jsonl(&file.to_string(), &bytes) {
            Ok(data) => data,
            Err(errors) => {
                problems.extend(errors.0.iter().map(|e| format!("{file}: {e}")));
                continue;
            }
        };
        let lines = record_lines(&bytes);
        let line_of = |record: usize| lines.get(record).copied().unwrap_or(record + 1);
        let mut row: Vec<Option<Better>> = Vec::new();
        let mut first_line: BTreeMap<usize, usize> = BTreeMap::new();
        for p in &data.pairs {
            let (first, second) = if p.chosen < p.rejected {
                (&p.chosen, &p.rejected)
            } else {
                (&p.rejected, &p.chosen)
            };
            let key = (p.prompt.clone(), first.clone(), second.clone());
            let next = table.pairs.len();
            let i = *index.entry(key.clone()).or_insert(next);
            if i == next {
                table.pairs.push(key);
            }
            if row.len() <= i {
                row.resize(i + 1, None);
            }
            let better = if &p.chosen == first {
                Better::First
            } else {
                Better::Second
            };
            match row[i] {
                None => {
                    row[i] = Some(better);
                    first_line.insert(i, line_of(p.record));
                }
                Some(earlier) if earlier != better => problems.push(format!(
                    "{file}: line {}, field \"chosen\": the same pair as line {} with the other response chosen",
                    line_of(p.record),
                    first_line.get(&i).copied().unwrap_or(0)
                )),
                Some(_) => {}
            }
        }
        table.rows.push(row);
    }
    if problems.is_empty() {
        Ok(table)
    } else {
        Err(problems.join("\n"))
    }
}

/// The JSON object `agree` prints.
fn summary_json(files: &[PathBuf], a: &Agreement) -> serde_json::Value {
    let per_labeler: Vec<serde_json::Value> = files
        .iter()
        .zip(&a.per_labeler)
        .map(|(f, l)| {
            serde_json::json!({
                "file": f.display().to_string(),
                "labeled": l.labeled,
                "agreement_with_majority": l.agreement_with_majority(),
            })
        })
        .collect();
    serde_json::json!({
        "labelers": a.labelers,
        "pairs": a.pairs,
        "mean_pairwise_agreement": a.mean_pairwise_agreement,
        "fleiss_kappa": a.fleiss_kappa,
        "per_labeler": per_labeler,
    })
}

/// The majority labels as JSONL, in pair order; ties left out.
fn majority_jsonl(table: &Table, a: &Agreement) -> String {
    let records: Vec<Record> = table
        .pairs
        .iter()
        .zip(&a.majority)
        .filter_map(|((prompt, first, second), m)| {
            let (chosen, rejected) = match (*m)? {
                Better::First => (first, second),
                Better::Second => (second, first),
            };
            Some(Record::Pair {
                prompt: prompt.clone(),
                chosen: chosen.clone(),
                rejected: rejected.clone(),
                margin: None,
            })
        })
        .collect();
    if records.is_empty() {
        return String::new();
    }
    // The pairs were read from valid files, so they are valid records.
    Dataset::from_records("majority", "", records)
        .map(|d| d.to_jsonl())
        .unwrap_or_default()
}

/// Runs `agree`.
pub fn run(args: AgreeArgs) -> Result<(), String> {
    let table = read_table(&args.files)?;
    let a = agreement(&table.rows);
    if let Some(out) = &args.out {
        std::fs::write(out, majority_jsonl(&table, &a))
            .map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
    }
    println!("{}", summary_json(&args.files, &a));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_the_non_blank_lines() {
        assert_eq!(record_lines(b"\xEF\xBB\xBF{}\n\n  \r\n{}\r\n"), [1, 4]);
    }
}
