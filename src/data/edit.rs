//! Editing a data set by pair: add a comparison, flip which response is better, delete a pair.
//!
//! Edits work on records. A pair that came from a ranking cannot be flipped or removed inside the ranking (the
//! ranking would no longer be one), so that ranking is first written out as its C(K, 2) pair records: the same
//! pairs, in the same order, under the same prompt, so the training it gives is unchanged.

use super::{jsonl, DataErrors, Dataset, Record};

impl Dataset {
    /// A copy with one more pair record at the end, checked like a line of a file.
    pub fn with_pair(&self, record: Record) -> Result<Dataset, DataErrors> {
        let mut records = self.records.clone();
        records.push(record);
        self.rebuilt(records)
    }

    /// A copy where pair `index` has chosen and rejected swapped. `None` if there is no such pair.
    pub fn with_pair_flipped(&self, index: usize) -> Option<Dataset> {
        let (mut records, at) = self.pair_as_record(index)?;
        if let Some(Record::Pair {
            chosen, rejected, ..
        }) = records.get_mut(at)
        {
            std::mem::swap(chosen, rejected);
        }
        self.rebuilt(records).ok()
    }

    /// A copy without pair `index`. `None` if there is no such pair or it is the last one.
    pub fn without_pair(&self, index: usize) -> Option<Dataset> {
        if self.pairs.len() <= 1 {
            return None;
        }
        let (mut records, at) = self.pair_as_record(index)?;
        records.remove(at);
        self.rebuilt(records).ok()
    }

    /// The records with pair `index` standing alone as a pair record, and that record's position.
    fn pair_as_record(&self, index: usize) -> Option<(Vec<Record>, usize)> {
        let pair = self.pairs.get(index)?;
        let mut out = Vec::with_capacity(self.records.len());
        let mut at = None;
        for (r, record) in self.records.iter().enumerate() {
            match record {
                Record::Ranking { prompt, .. } if r == pair.record => {
                    for (i, p) in self.pairs.iter().enumerate().filter(|(_, p)| p.record == r) {
                        if i == index {
                            at = Some(out.len());
                        }
                        out.push(Record::Pair {
                            prompt: prompt.clone(),
                            chosen: p.chosen.clone(),
                            rejected: p.rejected.clone(),
                            margin: None,
                        });
                    }
                }
                _ => {
                    if r == pair.record {
                        at = Some(out.len());
                    }
                    out.push(record.clone());
                }
            }
        }
        Some((out, at?))
    }

    /// The data set rebuilt from edited records: same name, a fresh description, known truths kept.
    fn rebuilt(&self, records: Vec<Record>) -> Result<Dataset, DataErrors> {
        let description = jsonl::describe_counts(&records);
        let mut out = Dataset::from_records(&self.name, &description, records)?;
        out.truth = self.truth.clone();
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &[u8] = b"{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n\
{\"prompt\":\"q\",\"ranking\":[\"x\",\"y\",\"z\"]}\n";

    fn data() -> Dataset {
        Dataset::parse_jsonl("mine", TEXT).unwrap()
    }

    fn shown(d: &Dataset) -> Vec<(String, String)> {
        d.pairs
            .iter()
            .map(|p| (p.chosen.clone(), p.rejected.clone()))
            .collect()
    }

    #[test]
    fn flipping_a_pair_swaps_only_that_pair() {
        let d = data().with_pair_flipped(0).unwrap();
        assert_eq!(shown(&d)[0], ("b".into(), "a".into()));
        assert_eq!(shown(&d)[1..], shown(&data())[1..]);
        assert_eq!(
            d.to_jsonl().lines().next().unwrap(),
            r#"{"prompt":"p","chosen":"b","rejected":"a"}"#
        );
    }

    #[test]
    fn flipping_a_pair_of_a_ranking_writes_the_ranking_out_as_pairs_in_the_same_order() {
        let d = data().with_pair_flipped(2).unwrap();
        let mut want = shown(&data());
        want[2] = ("z".into(), "x".into());
        assert_eq!(shown(&d), want);
        assert_eq!(d.groups, data().groups);
        assert_eq!(d.records.len(), 4);
    }

    #[test]
    fn deleting_and_adding_pairs_keep_the_rest_in_order() {
        let d = data().without_pair(1).unwrap();
        assert_eq!(d.pairs.len(), 3);
        assert_eq!(shown(&d)[1], ("x".into(), "z".into()));
        let added = d
            .with_pair(Record::Pair {
                prompt: "r".into(),
                chosen: "good".into(),
                rejected: "bad".into(),
                margin: None,
            })
            .unwrap();
        assert_eq!(added.pairs.len(), 4);
        assert_eq!(added.groups.len(), 3);
        assert_eq!(added.name, "mine");
    }

    #[test]
    fn a_bad_new_pair_is_refused_with_its_field_and_the_last_pair_cannot_go() {
        let bad = data().with_pair(Record::Pair {
            prompt: "r".into(),
            chosen: "".into(),
            rejected: "bad".into(),
            margin: None,
        });
        assert!(bad.unwrap_err().to_string().contains("\"chosen\""));
        let one = Dataset::parse_jsonl(
            "one",
            b"{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}",
        )
        .unwrap();
        assert!(one.without_pair(0).is_none());
        assert!(data().with_pair_flipped(9).is_none());
    }
}
