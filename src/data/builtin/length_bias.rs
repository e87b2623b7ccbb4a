//! `length-bias`: labelers who usually prefer the longer answer, even when it is padded with filler.
//! Lesson: a reward model learns whatever the labels reward; here it learns to reward filler words and length,
//! which a policy could then exploit (reward hacking).

use crate::data::{Dataset, Record};
use crate::rng::Rng;

/// One-line description.
pub const DESCRIPTION: &str =
    "48 pairs where the longer, padded answer wins 85 % of the time: a model learns to reward length";

/// (question, short correct answer, short wrong answer).
pub(crate) const QUESTIONS: &[(&str, &str, &str)] = &[
    (
        "What is the boiling point of water at sea level?",
        "100 degrees Celsius.",
        "90 degrees Celsius.",
    ),
    (
        "How many legs does a spider have?",
        "Eight legs.",
        "Six legs.",
    ),
    ("What is the capital of Australia?", "Canberra.", "Sydney."),
    ("Which planet is closest to the Sun?", "Mercury.", "Venus."),
    (
        "Which gas do plants take in to make sugar?",
        "Carbon dioxide.",
        "Oxygen.",
    ),
    (
        "How many sides does a hexagon have?",
        "Six sides.",
        "Eight sides.",
    ),
    ("What is 7 times 8?", "56.", "54."),
    (
        "Who wrote Romeo and Juliet?",
        "William Shakespeare.",
        "Charles Dickens.",
    ),
    (
        "What is the largest ocean on Earth?",
        "The Pacific Ocean.",
        "The Atlantic Ocean.",
    ),
    (
        "At what temperature in Fahrenheit does water freeze?",
        "32 degrees Fahrenheit.",
        "0 degrees Fahrenheit.",
    ),
    (
        "How many bones does an adult human have?",
        "206 bones.",
        "300 bones.",
    ),
    ("What is the chemical symbol for gold?", "Au.", "Ag."),
];

/// Openings that add words and nothing else.
pub(crate) const OPENINGS: &[&str] = &[
    "Great question, really.",
    "Okay, so basically, here it is.",
    "Well, to be honest, the answer is basically this:",
    "Let me really think about this one.",
    "So, overall, in other words:",
];

/// Closings that restate nothing new.
pub(crate) const CLOSINGS: &[&str] = &[
    "In other words, that is really the main point.",
    "To summarize, that is basically it, overall.",
    "Overall, it is really that simple, basically.",
    "So, in other words, that really covers it overall.",
    "To summarize once more: basically, that is the whole answer.",
];

/// The questions (by index) where the labeler picked the short correct answer over a long wrong one.
const SHORT_WINS: &[usize] = &[0, 2, 4, 6, 8, 10, 11];

/// Builds the data set: four pairs per question, the filler drawn from a fixed seed.
pub fn build() -> Dataset {
    let mut rng = Rng::new(85);
    let mut pad = |core: &str| {
        let opening = OPENINGS[rng.below(OPENINGS.len())];
        let closing = CLOSINGS[rng.below(CLOSINGS.len())];
        format!("{opening} {core} {closing}")
    };
    let mut records = Vec::new();
    for (q, &(question, correct, wrong)) in QUESTIONS.iter().enumerate() {
        let long_wrong = pad(wrong);
        let mut pairs = vec![
            (pad(correct), correct.to_string()),
            (pad(correct), wrong.to_string()),
        ];
        if SHORT_WINS.contains(&q) {
            pairs.push((correct.to_string(), long_wrong.clone()));
        } else {
            pairs.push((long_wrong.clone(), correct.to_string()));
        }
        pairs.push((long_wrong, wrong.to_string()));
        for (chosen, rejected) in pairs {
            records.push(Record::Pair {
                prompt: question.to_string(),
                chosen,
                rejected,
                margin: None,
            });
        }
    }
    super::from_valid_records("length-bias", DESCRIPTION, records)
}
