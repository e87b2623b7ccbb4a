//! A class's labels: many codes pasted at once (one per line, bare or inside a page link), each read into a
//! labeler; a bad line is named with its number and reason, and the other lines still load.

use super::agreement::{agreement, Agreement};
use super::code::{quote, LabelCode, LINK_KEY};
use super::session::{Consistency, Match, Session};
use super::{Better, LabelSet};
use crate::data::{Dataset, Record};
use crate::hash::{decode, HashPairs};
use std::fmt;

/// One labeler read from a line.
#[derive(Clone, Debug, PartialEq)]
pub struct Labeler {
    /// The 1-based line the code was on.
    pub line: usize,
    /// The name in the code, if any.
    pub name: Option<String>,
    /// The code as read.
    pub code: LabelCode,
    /// Each pair's label as a preference (see [`Session::preferences`]), by pair index of the set.
    pub preferences: Vec<Option<Better>>,
    /// Agreement with the set's reference answers.
    pub with_reference: Match,
    /// Self-consistency on the repeated pairs.
    pub consistency: Consistency,
}

/// A line that could not be used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineProblem {
    /// The 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Every labeler that loaded, and every line that did not, in line order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ClassLabels {
    /// The labelers, in line order.
    pub labelers: Vec<Labeler>,
    /// The bad lines, in line order.
    pub problems: Vec<LineProblem>,
}

/// The code on a line: the whole line, or the `labels=` value of a link (`…#labels=CODE` or `…?labels=CODE`).
fn code_in_line(line: &str) -> Result<String, String> {
    if let Some((_, fragment)) = line.split_once('#') {
        return HashPairs::parse(fragment)
            .get(LINK_KEY)
            .map(str::to_string)
            .ok_or_else(|| format!("a link without {LINK_KEY}=…, so no labels in it"));
    }
    let key = format!("{LINK_KEY}=");
    if let Some(at) = line.find(&key) {
        let rest = &line[at + key.len()..];
        let end = rest
            .find(|c: char| c == '&' || c.is_whitespace())
            .unwrap_or(rest.len());
        return Ok(decode(&rest[..end]));
    }
    Ok(line.to_string())
}

impl ClassLabels {
    /// Reads `text`, one code or link per line, for the round `set` with `seed`. Blank lines are skipped; a line
    /// that is not a code, is for another set or seed, or repeats an earlier line's code is a problem.
    pub fn from_text(set: &LabelSet, seed: u64, text: &str) -> ClassLabels {
        let mut class = ClassLabels::default();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let raw = raw.trim();
            if raw.is_empty() {
                continue;
            }
            let mut problem = |message: String| class.problems.push(LineProblem { line, message });
            let code = match code_in_line(raw)
                .and_then(|c| LabelCode::parse(&c).map_err(|e| format!("not a label code ({e})")))
            {
                Ok(code) => code,
                Err(message) => {
                    problem(message);
                    continue;
                }
            };
            if let Some(earlier) = class.labelers.iter().find(|l| l.code == code) {
                let message = format!(
                    "the same labels as line {}{}; counted once",
                    earlier.line,
                    code.name
                        .as_deref()
                        .map(|n| format!(" ({})", quote(n)))
                        .unwrap_or_default()
                );
                problem(message);
                continue;
            }
            match Session::resume(set.clone(), seed, &code) {
                Ok(session) => class.labelers.push(Labeler {
                    line,
                    name: code.name.clone(),
                    preferences: session.preferences(),
                    with_reference: session.agreement_with_reference(),
                    consistency: session.self_consistency(),
                    code,
                }),
                Err(message) => problem(message),
            }
        }
        class
    }

    /// The agreement statistics of the labelers that loaded, one row each in line order.
    pub fn agreement(&self) -> Agreement {
        let rows: Vec<Vec<Option<Better>>> = self
            .labelers
            .iter()
            .map(|l| l.preferences.clone())
            .collect();
        agreement(&rows)
    }

    /// Every labeler's comparisons as training data, each its own `{prompt, chosen, rejected}` record (labelers in
    /// line order, pairs in set order), so a pair the class split on comes in both directions; `None` when no
    /// labeler labeled a pair A or B.
    pub fn comparisons_dataset(&self, set: &LabelSet, name: &str) -> Option<Dataset> {
        let records: Vec<Record> = self
            .labelers
            .iter()
            .flat_map(|l| {
                set.pairs
                    .iter()
                    .zip(&l.preferences)
                    .filter_map(|(pair, better)| Some(pair.record((*better)?)))
            })
            .collect();
        let description = format!(
            "{} comparisons by {} labelers",
            records.len(),
            self.labelers.len()
        );
        Dataset::from_records(name, &description, records).ok()
    }

    /// The class's majority labels as training data, one `{prompt, chosen, rejected}` per pair of `set` whose
    /// majority among the labelers who labeled it is not a tie, in set order; `None` when there is none.
    pub fn majority_dataset(&self, set: &LabelSet, name: &str) -> Option<Dataset> {
        let records: Vec<Record> = set
            .pairs
            .iter()
            .zip(self.agreement().majority)
            .filter_map(|(pair, m)| Some(pair.record(m?)))
            .collect();
        let description = format!(
            "{} pairs, the majority of {} labelers",
            records.len(),
            self.labelers.len()
        );
        Dataset::from_records(name, &description, records).ok()
    }
}
