//! Preference data: pairs and rankings of responses to prompts, their expansion into (better, worse) pairs with a
//! prompt-group id, JSONL import and export, and the built-in data sets.
//!
//! A ranking [a, b, c, d] of K = 4 responses gives the C(K, 2) = 6 pairs (a,b), (a,c), (a,d), (b,c), (b,d), (c,d):
//! every earlier entry is preferred to every later one.

mod builtin;
mod check;
mod edit;
mod error;
mod jsonl;

/// The `padding` data set with any seed and number of labeled pairs, its gold rule and its constants.
pub use builtin::padding;
pub use builtin::{builtin, builtin_description, builtin_names};
pub(crate) use builtin::{hidden_quality, length_bias, noisy_labels, synthetic};
pub use check::MAX_RANKING;
pub use error::{DataError, DataErrors, SHOWN_PROBLEMS};

use crate::rng::Rng;
use serde::{Deserialize, Serialize};

/// One comparison: for `prompt`, `chosen` was preferred to `rejected`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// The prompt both responses answer.
    pub prompt: String,
    /// The preferred response.
    pub chosen: String,
    /// The other response.
    pub rejected: String,
    /// How strongly chosen was preferred (Llama 2 margin m in −log σ(Δ − m)), when known.
    pub margin: Option<f64>,
    /// Id of the pair's prompt: distinct prompts in first-appearance order (an index into `Dataset::groups`).
    pub group: usize,
    /// Index of the record (line) the pair came from (an index into `Dataset::records`).
    pub record: usize,
}

/// One input record, in one of the two JSONL shapes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Record {
    /// `{"prompt": .., "chosen": .., "rejected": .., "margin": ..}` (margin optional).
    Pair {
        /// The prompt.
        prompt: String,
        /// The preferred response.
        chosen: String,
        /// The other response.
        rejected: String,
        /// How strongly chosen was preferred, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        margin: Option<f64>,
    },
    /// `{"prompt": .., "ranking": ["best", .., "worst"]}`: K responses, best first.
    Ranking {
        /// The prompt.
        prompt: String,
        /// The responses, best first.
        ranking: Vec<String>,
    },
}

impl Record {
    /// The record's prompt.
    pub fn prompt(&self) -> &str {
        match self {
            Record::Pair { prompt, .. } | Record::Ranking { prompt, .. } => prompt,
        }
    }
}

/// A named set of records, expanded into pairs grouped by prompt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// Short name, e.g. `helpfulness` or a file name.
    pub name: String,
    /// One line saying what the data set holds.
    pub description: String,
    /// The records as given.
    pub records: Vec<Record>,
    /// Every comparison, expanded from the records in input order.
    pub pairs: Vec<Pair>,
    /// The prompt text of each group id.
    pub groups: Vec<String>,
    /// Known true quality of response texts (synthetic data sets), else empty.
    pub truth: Vec<(String, f64)>,
    /// Per pair: its label was flipped on purpose. Same length as `pairs`.
    pub flipped: Vec<bool>,
}

impl Dataset {
    /// A data set from records, checked rule by rule (every problem is reported, `line` = record number, 1-based).
    pub fn from_records(
        name: &str,
        description: &str,
        records: Vec<Record>,
    ) -> Result<Dataset, DataErrors> {
        let mut errors: Vec<DataError> = Vec::new();
        for (i, record) in records.iter().enumerate() {
            errors.extend(check::check_record(record, i + 1));
        }
        if records.is_empty() {
            errors.push(DataError::line(0, "the data set has no records"));
        }
        if !errors.is_empty() {
            return Err(DataErrors(errors));
        }
        Ok(Dataset::expand(name, description, records))
    }

    /// Expands checked records into pairs and prompt groups.
    fn expand(name: &str, description: &str, records: Vec<Record>) -> Dataset {
        let mut groups: Vec<String> = Vec::new();
        let mut index: std::collections::BTreeMap<String, usize> =
            std::collections::BTreeMap::new();
        let mut pairs = Vec::new();
        for (r, record) in records.iter().enumerate() {
            let prompt = record.prompt();
            let group = *index.entry(prompt.to_string()).or_insert_with(|| {
                groups.push(prompt.to_string());
                groups.len() - 1
            });
            let pair = |chosen: &str, rejected: &str, margin: Option<f64>| Pair {
                prompt: prompt.to_string(),
                chosen: chosen.to_string(),
                rejected: rejected.to_string(),
                margin,
                group,
                record: r,
            };
            match record {
                Record::Pair {
                    chosen,
                    rejected,
                    margin,
                    ..
                } => pairs.push(pair(chosen, rejected, *margin)),
                Record::Ranking { ranking, .. } => {
                    for (i, better) in ranking.iter().enumerate() {
                        for worse in &ranking[i + 1..] {
                            pairs.push(pair(better, worse, None));
                        }
                    }
                }
            }
        }
        let flipped = vec![false; pairs.len()];
        Dataset {
            name: name.to_string(),
            description: description.to_string(),
            records,
            pairs,
            groups,
            truth: Vec::new(),
            flipped,
        }
    }

    /// Reads JSONL: one record per line, blank lines skipped, a UTF-8 BOM and `\r` line ends tolerated.
    /// Reports every bad line (line number, field, what is wrong); never panics, whatever the bytes.
    pub fn parse_jsonl(name: &str, bytes: &[u8]) -> Result<Dataset, DataErrors> {
        let records = jsonl::parse_records(bytes)?;
        let description = jsonl::describe_counts(&records);
        Ok(Dataset::expand(name, &description, records))
    }

    /// Writes the records as JSONL, each in its own shape (margin only when present), one per line.
    /// `Dataset::parse_jsonl` of the result gives back the same records and pairs.
    pub fn to_jsonl(&self) -> String {
        jsonl::write_records(&self.records)
    }

    /// The known true quality of a response text, for synthetic data sets.
    pub fn true_quality(&self, text: &str) -> Option<f64> {
        self.truth.iter().find(|(t, _)| t == text).map(|(_, q)| *q)
    }

    /// The pair indices of each prompt group, in group-id order.
    pub fn prompt_groups(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.groups.len()];
        for (i, pair) in self.pairs.iter().enumerate() {
            if let Some(g) = out.get_mut(pair.group) {
                g.push(i);
            }
        }
        out
    }

    /// A copy with round(share · n) distinct pairs, picked by a shuffle seeded with `seed`, flipped: chosen and
    /// rejected swap places and `flipped[i]` toggles. `share` is clamped to [0, 1]; NaN counts as 0.
    ///
    /// A pair that came from a pair record flips in its record too, so `to_jsonl` writes the noisy labels;
    /// a ranking record stays as given (one flipped pair of a ranking is no longer a ranking).
    pub fn with_label_noise(&self, share: f64, seed: u64) -> Dataset {
        let share = if share.is_nan() {
            0.0
        } else {
            share.clamp(0.0, 1.0)
        };
        let n = self.pairs.len();
        let k = libm::round(share * n as f64) as usize;
        let mut order: Vec<usize> = (0..n).collect();
        Rng::new(seed).shuffle(&mut order);
        let mut out = self.clone();
        out.flipped.resize(n, false);
        for &i in order.iter().take(k.min(n)) {
            let pair = &mut out.pairs[i];
            std::mem::swap(&mut pair.chosen, &mut pair.rejected);
            out.flipped[i] = !out.flipped[i];
            if let Some(Record::Pair {
                chosen, rejected, ..
            }) = out.records.get_mut(pair.record)
            {
                std::mem::swap(chosen, rejected);
            }
        }
        out
    }

    /// The share of pairs flipped on purpose, in [0, 1] (0 for no pairs).
    pub fn flipped_share(&self) -> f64 {
        if self.flipped.is_empty() {
            return 0.0;
        }
        self.flipped.iter().filter(|&&f| f).count() as f64 / self.flipped.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(chosen: &str, rejected: &str) -> Record {
        Record::Pair {
            prompt: "p".into(),
            chosen: chosen.into(),
            rejected: rejected.into(),
            margin: None,
        }
    }

    #[test]
    fn records_from_code_are_checked_and_problems_name_the_record_number() {
        let errors =
            Dataset::from_records("x", "", vec![pair("a", "b"), pair("a", "a"), pair("", "b")])
                .unwrap_err();
        let shown: Vec<String> = errors.0.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            shown,
            [
                "line 2: chosen and rejected are the same text",
                "line 3, field \"chosen\": must not be empty"
            ]
        );
    }

    #[test]
    fn true_quality_looks_up_the_exact_text() {
        let mut d = Dataset::from_records("x", "", vec![pair("a", "b")]).unwrap();
        d.truth = vec![("a".into(), 1.5), ("b".into(), -0.5)];
        assert_eq!(d.true_quality("a"), Some(1.5));
        assert_eq!(d.true_quality("a "), None);
    }
}
