//! `hidden-quality`: every response has a true score nobody shows the model; labels come from Bradley–Terry.
//! Lesson: from comparisons alone, a reward model can recover the hidden ranking.

use super::synthetic::{generate, Labeler, Spec};
use crate::data::Dataset;

/// One-line description.
pub const DESCRIPTION: &str =
    "40 synthetic answers with a hidden true score; 240 comparisons drawn by Bradley-Terry from those scores";

/// Each word's hidden value: a response's true score is the sum over its words.
pub const LEXICON: &[(&str, f64)] = &[
    ("accurate", 1.5),
    ("helpful", 1.2),
    ("clear", 1.0),
    ("thorough", 0.8),
    ("concise", 0.6),
    ("friendly", 0.4),
    ("formal", 0.0),
    ("casual", 0.0),
    ("brief", 0.0),
    ("personal", 0.0),
    ("vague", -0.6),
    ("rambling", -0.8),
    ("outdated", -0.9),
    ("confusing", -1.0),
    ("rude", -1.2),
    ("wrong", -1.5),
];

pub(crate) const PROMPTS: &[&str] = &[
    "Explain how tides work.",
    "Suggest a name for a bakery.",
    "Summarize the plot of a mystery novel.",
    "Describe how a bicycle gear works.",
    "Give advice for a first job interview.",
    "Explain what a budget is.",
    "Recommend a board game for four players.",
    "Describe how to plant a tree.",
];

/// Builds the data set (seed fixed: the same data every time).
pub fn build() -> Dataset {
    let generated = generate(&Spec {
        seed: 2022,
        lexicon: LEXICON,
        lead: "An answer that is",
        prompts: PROMPTS,
        responses_per_prompt: 5,
        comparisons_per_prompt: 30,
        labeler: Labeler::BradleyTerry,
    });
    let mut dataset = super::from_valid_records("hidden-quality", DESCRIPTION, generated.records);
    dataset.truth = generated.truth;
    dataset
}
