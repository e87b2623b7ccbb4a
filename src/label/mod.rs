//! Labeling by hand: a labeling set (pairs to label, each with a hidden reference answer), a seeded labeling
//! [`Session`] (order, sides, repeats, undo), short label codes to share, a class's codes read together, and the
//! agreement statistics of many labelers.
//!
//! Pure: no web crate. The page's Label scene and the CLI's `agree` command are thin layers over this module.
//!
//! A pair's two texts are kept in sorted order (`texts[0] < texts[1]`, by bytes), so "which text is better" is the
//! same answer, [`Better::First`] or [`Better::Second`], for every labeler whatever sides they were shown.

mod agreement;
mod builtin;
mod class;
mod code;
mod pack;
mod round;
mod session;
mod words;

pub use agreement::{agreement, Agreement, Disputed, LabelerAgreement};
pub use builtin::{builtin_set, builtin_set_names};
pub use class::{ClassLabels, Labeler, LineProblem};
pub use code::{CodeError, LabelCode, CODE_VERSION, LINK_KEY, MAX_LABELS, MAX_NAME_CHARS};
pub use round::{
    example_codes, label_key, label_key_name, model_agreement, LabelKey, EXAMPLE_TEMPERATURE,
    LABEL_KEYS,
};
pub use session::{Consistency, Match, Session, Shown};
pub use words::{
    class_sentence, consistency_sentence, count_of, percent, run_sentence, with_reference_sentence,
    RunOnLabels, INSTRUCTGPT_AGREEMENT,
};

use crate::data::Dataset;

/// One label given on screen: which of the two responses shown (A on the left, B on the right) is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    /// "A is better".
    A,
    /// "B is better".
    B,
    /// "Can't tell": the pair is skipped (not a preference, left out of training and of agreement).
    CantTell,
}

impl Label {
    /// Every label, in the order of its base-3 digit in a code (A = 0, B = 1, Can't tell = 2).
    pub const ALL: [Label; 3] = [Label::A, Label::B, Label::CantTell];

    /// The words on the label's button.
    pub fn text(self) -> &'static str {
        match self {
            Label::A => "A is better",
            Label::B => "B is better",
            Label::CantTell => "Can't tell",
        }
    }
}

/// Which of a pair's two texts, in sorted order, is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Better {
    /// `texts[0]`, the text that sorts first.
    First,
    /// `texts[1]`.
    Second,
}

impl Better {
    /// The index of the better text: 0 or 1.
    pub fn index(self) -> usize {
        match self {
            Better::First => 0,
            Better::Second => 1,
        }
    }

    /// The other text.
    pub fn other(self) -> Better {
        match self {
            Better::First => Better::Second,
            Better::Second => Better::First,
        }
    }
}

/// One pair to label: a prompt and two different responses, in sorted order.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelPair {
    /// The prompt both responses answer.
    pub prompt: String,
    /// The two responses, `texts[0] < texts[1]`.
    pub texts: [String; 2],
    /// Each text's hidden gold score (built-in sets), higher is better; shown only after labeling.
    pub gold: Option<[f64; 2]>,
    /// The reference answer labels are compared with: the higher gold score, or a loaded data set's `chosen`.
    /// `None` when there is none (equal gold scores).
    pub reference: Option<Better>,
}

impl LabelPair {
    /// A pair from a prompt and two texts in any order, with optional gold scores in the same order; the texts are
    /// sorted and the reference is the text with the higher gold score (none on a tie).
    pub fn new(prompt: &str, a: &str, b: &str, gold: Option<[f64; 2]>) -> LabelPair {
        let swap = b < a;
        let (texts, gold) = if swap {
            ([b.to_string(), a.to_string()], gold.map(|[x, y]| [y, x]))
        } else {
            ([a.to_string(), b.to_string()], gold)
        };
        let reference = gold.and_then(|[x, y]| {
            if x > y {
                Some(Better::First)
            } else if y > x {
                Some(Better::Second)
            } else {
                None
            }
        });
        LabelPair {
            prompt: prompt.to_string(),
            texts,
            gold,
            reference,
        }
    }

    /// The text that is better by `better`.
    pub fn text(&self, better: Better) -> &str {
        &self.texts[better.index()]
    }

    /// The pair as a training record with the text `better` picks as `chosen`.
    pub fn record(&self, better: Better) -> crate::data::Record {
        crate::data::Record::Pair {
            prompt: self.prompt.clone(),
            chosen: self.text(better).to_string(),
            rejected: self.text(better.other()).to_string(),
            margin: None,
        }
    }
}

/// A list of pairs to label, with an id that every label code carries.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelSet {
    /// Short id in codes and links: lowercase letters, digits and `-` (e.g. `class`, or `data-1a2b3c4d`).
    pub id: String,
    /// One line saying what the set holds.
    pub description: String,
    /// The pairs, in the set's own order (a session shows them in a seeded order).
    pub pairs: Vec<LabelPair>,
}

impl LabelSet {
    /// A labeling set from a data set: each distinct pair once (prompt and two texts, first appearance kept), its
    /// `chosen` as the reference, gold scores when the data set knows the true quality of both texts. The id is
    /// `data-` and 8 hex digits of a 32-bit FNV-1a hash of the pairs, so every laptop that loads the same file gets
    /// the same id. `None` for a data set without pairs.
    pub fn from_dataset(dataset: &Dataset) -> Option<LabelSet> {
        let mut pairs: Vec<LabelPair> = Vec::new();
        for p in &dataset.pairs {
            let gold = match (
                dataset.true_quality(&p.chosen),
                dataset.true_quality(&p.rejected),
            ) {
                (Some(c), Some(r)) => Some([c, r]),
                _ => None,
            };
            let mut pair = LabelPair::new(&p.prompt, &p.chosen, &p.rejected, gold);
            pair.reference = Some(if pair.texts[0] == p.chosen {
                Better::First
            } else {
                Better::Second
            });
            let seen = pairs
                .iter()
                .any(|q| q.prompt == pair.prompt && q.texts == pair.texts);
            if !seen {
                pairs.push(pair);
            }
        }
        if pairs.is_empty() {
            return None;
        }
        Some(LabelSet {
            id: format!("data-{:08x}", fingerprint(&pairs)),
            description: format!("{} pairs from {}", pairs.len(), dataset.name),
            pairs,
        })
    }
}

/// 32-bit FNV-1a over every prompt and text, each followed by a 0 byte: h ← (h XOR byte) · 16777619.
fn fingerprint(pairs: &[LabelPair]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for p in pairs {
        for s in [&p.prompt, &p.texts[0], &p.texts[1]] {
            for &b in s.as_bytes().iter().chain([0u8].iter()) {
                h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
            }
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_sorts_its_texts_and_keeps_each_gold_score_with_its_text() {
        let p = LabelPair::new("p", "zebra", "apple", Some([1.0, 3.0]));
        assert_eq!(p.texts, ["apple".to_string(), "zebra".to_string()]);
        assert_eq!(p.gold, Some([3.0, 1.0]));
        assert_eq!(p.reference, Some(Better::First));
        assert_eq!(
            LabelPair::new("p", "a", "b", Some([2.0, 2.0])).reference,
            None
        );
    }

    #[test]
    fn a_data_set_becomes_a_labeling_set_with_its_chosen_texts_as_reference() {
        let text = "{\"prompt\":\"p\",\"chosen\":\"zz\",\"rejected\":\"aa\"}\n{\"prompt\":\"p\",\"chosen\":\"zz\",\"rejected\":\"aa\"}\n{\"prompt\":\"q\",\"ranking\":[\"x\",\"y\",\"w\"]}";
        let d = Dataset::parse_jsonl("mine", text.as_bytes()).unwrap();
        let set = LabelSet::from_dataset(&d).unwrap();
        assert_eq!(set.pairs.len(), 4, "the repeated pair is kept once");
        assert_eq!(set.pairs[0].reference, Some(Better::Second));
        assert_eq!(set.pairs[0].text(Better::Second), "zz");
        assert!(
            set.id.starts_with("data-") && set.id.len() == 13,
            "{}",
            set.id
        );
        assert_eq!(LabelSet::from_dataset(&d).unwrap().id, set.id);
    }
}
