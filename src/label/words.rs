//! What the Label scene says about a labeler, a run on labels and a class, in sentences built from the numbers, so
//! every sentence is tested natively.

use super::agreement::Agreement;
use super::session::{Consistency, Match};

/// InstructGPT's labelers agreed with each other on 72.6 % ± 1.5 % of comparisons (training labelers; 77.3 % ± 1.3 %
/// for held-out ones), arXiv 2203.02155.
pub const INSTRUCTGPT_AGREEMENT: f64 = 0.726;

/// A share as the scene writes it: "83.3 %".
pub fn percent(share: f64) -> String {
    format!("{:.1} %", 100.0 * share)
}

/// "24 of 28 (85.7 %)", or "none yet" with nothing compared.
pub fn count_of(m: Match) -> String {
    match m.share() {
        Some(s) => format!("{} of {} ({})", m.matched, m.compared, percent(s)),
        None => "none yet".to_string(),
    }
}

/// A labeler's agreement with the reference answers, in one sentence; `reference` names them ("the gold answer",
/// "the data set's label").
pub fn with_reference_sentence(m: Match, reference: &str) -> String {
    match m.share() {
        Some(_) => format!("You picked {reference} on {}.", count_of(m)),
        None => format!("Label a pair A or B to compare with {reference}."),
    }
}

/// A labeler's self-consistency on the pairs shown twice, in one sentence.
pub fn consistency_sentence(c: Consistency) -> String {
    let unsure = match c.unsure {
        0 => String::new(),
        1 => " (1 more you could not tell at least once)".to_string(),
        n => format!(" ({n} more you could not tell at least once)"),
    };
    match c.decided.share() {
        Some(_) => format!(
            "Shown twice with the sides swapped, you picked the same answer on {}{unsure}.",
            count_of(c.decided)
        ),
        None if c.unsure > 0 => format!("No pair shown twice was decided both times yet{unsure}."),
        None => {
            "A few pairs come back later with the sides swapped, to see whether you agree with \
                 yourself."
                .to_string()
        }
    }
}

/// A reward model trained on labels: what it learned and how it compares.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RunOnLabels {
    /// Pairs in the data set trained on (both splits).
    pub pairs: usize,
    /// Pairs held out for testing.
    pub test_pairs: usize,
    /// Epochs trained.
    pub epochs: u64,
    /// Share of the training pairs the model ranks as labeled.
    pub train_accuracy: f64,
    /// Share of the held-out pairs the model ranks as labeled; `None` without a test split.
    pub test_accuracy: Option<f64>,
    /// The model's agreement with the labeling set's reference answers, over every pair of the set.
    pub with_reference: Match,
}

/// What a run on labels shows, in two sentences: what the model learned, and how it compares with `ceiling` (the
/// labeler's self-consistency, or the class's agreement), named by `ceiling_name`.
pub fn run_sentence(run: &RunOnLabels, ceiling: Option<f64>, ceiling_name: &str) -> String {
    let held_out = match run.test_accuracy {
        Some(a) => format!(
            " and {} of the {} held-out pairs",
            percent(a),
            run.test_pairs
        ),
        None => String::new(),
    };
    let first = format!(
        "After {} epochs on {} pairs, the reward model ranks {} of its training pairs as labeled{held_out}; \
         it picks the reference answer on {} of all pairs.",
        run.epochs,
        run.pairs,
        percent(run.train_accuracy),
        count_of(run.with_reference)
    );
    let second = match (run.test_accuracy, ceiling) {
        (Some(a), Some(c)) => format!(
            " Held out, it agrees with the labels {} {}, {}: labels that disagree with themselves cap what \
             any model of them can reach.",
            if a > c { "more often than" } else { "at most about as often as" },
            ceiling_name,
            percent(c)
        ),
        _ => String::new(),
    };
    format!("{first}{second}")
}

/// A class's agreement in one sentence, beside InstructGPT's labelers.
pub fn class_sentence(a: &Agreement) -> String {
    match (a.mean_pairwise_agreement, a.fleiss_kappa) {
        (Some(p), k) => format!(
            "{} labelers agree on {} of the {} pairs they all labeled (Fleiss' κ {}); InstructGPT's labelers \
             agreed on {}.",
            a.labelers,
            percent(p),
            a.pairs,
            k.map_or("undefined".to_string(), |k| crate::format::fixed(k, 3)),
            percent(INSTRUCTGPT_AGREEMENT)
        ),
        (None, _) if a.labelers < 2 => {
            "Agreement needs at least two labelers: paste more codes.".to_string()
        }
        (None, _) => format!(
            "{} labelers, but no pair that all of them labeled A or B: agreement needs common pairs.",
            a.labelers
        ),
    }
}
