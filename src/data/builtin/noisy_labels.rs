//! `noisy-labels`: like hidden-quality, but a truthful labeler's answers are then flipped for 27 % of the pairs.
//! Lesson: when labelers disagree (InstructGPT's agreed about 73 % of the time), accuracy stalls well below 100 %.

use super::synthetic::{generate, Labeler, Spec};
use crate::data::Dataset;

/// One-line description.
pub const DESCRIPTION: &str =
    "Like hidden-quality, but 27 % of the 240 labels are flipped on purpose, so accuracy stalls far below 100 %";

/// The share of labels flipped on purpose.
pub const FLIP_SHARE: f64 = 0.27;

/// Each word's hidden value for a recipe.
pub(crate) const LEXICON: &[(&str, f64)] = &[
    ("safe", 1.5),
    ("precise", 1.3),
    ("tested", 1.1),
    ("tasty", 0.9),
    ("simple", 0.6),
    ("cheap", 0.3),
    ("spicy", 0.0),
    ("sweet", 0.0),
    ("vegetarian", 0.0),
    ("classic", 0.0),
    ("bland", -0.5),
    ("messy", -0.7),
    ("incomplete", -0.9),
    ("unclear", -1.1),
    ("burnt", -1.3),
    ("risky", -1.5),
];

pub(crate) const PROMPTS: &[&str] = &[
    "Share a recipe for tomato soup.",
    "Share a recipe for pancakes.",
    "Share a recipe for a green salad.",
    "Share a recipe for fried rice.",
    "Share a recipe for banana bread.",
    "Share a recipe for lentil stew.",
    "Share a recipe for lemonade.",
    "Share a recipe for roast vegetables.",
];

/// Builds the data set (seeds fixed: the same data every time).
pub fn build() -> Dataset {
    let generated = generate(&Spec {
        seed: 73,
        lexicon: LEXICON,
        lead: "A recipe that is",
        prompts: PROMPTS,
        responses_per_prompt: 5,
        comparisons_per_prompt: 30,
        labeler: Labeler::Truthful,
    });
    let mut clean = super::from_valid_records("noisy-labels", DESCRIPTION, generated.records);
    clean.truth = generated.truth;
    clean.with_label_noise(FLIP_SHARE, 7300)
}
