//! Each card's check and, beside it, the sentence that says what is still missing while the check fails.
//!
//! A hint is asked only while its check is false, so it may assume the task is not done. Numbers are written as the
//! page writes them (true minus); a value that would look like its goal when rounded gets more digits.

use super::LessonState;
use crate::format::{fixed, reward, significant, GAIN_NOISE};
use crate::train::Grouping;

/// Card 3 asks for σ(Δ) ≥ 0.9, that is Δ ≥ ln 9.
pub(super) const SIGMOID_GOAL: f64 = 0.9;
/// Card 5 asks for a loss below 0.05, that is Δ > −ln(e^0.05 − 1).
pub(super) const LOSS_GOAL: f64 = 0.05;
/// Card 7 asks for a pull σ(−Δ) below 0.01, that is Δ > ln 99.
pub(super) const PULL_GOAL: f64 = 0.01;
/// Card 11 asks for this many epochs.
pub(super) const EPOCH_GOAL: f64 = 20.0;
/// The first Label card asks for this many labels.
pub(super) const LABEL_GOAL: usize = 10;
/// The class card asks for this many labelers.
pub(super) const CLASS_GOAL: usize = 3;
/// Card 13 asks for best-of-n with at least this n.
pub(super) const N_GOAL: u64 = 16;
/// Card 14 asks for β at most this.
pub(super) const BETA_GOAL: f64 = 1.0;

fn gap(s: &LessonState) -> f64 {
    s.now.explained().gap
}

/// `value` with `digits` decimals, or with more (up to 12) where it would read the same as `goal`.
fn beside(value: f64, goal: f64, digits: usize) -> String {
    (digits..=12)
        .map(|d| (fixed(value, d), fixed(goal, d)))
        .find(|(v, g)| v != g)
        .map_or_else(|| fixed(value, 12), |(v, _)| v)
}

/// "Δ is 1.50" or, if unchanged since the card opened, "Δ is still 1.50".
fn gap_now(s: &LessonState) -> String {
    let still = if gap(s) == s.open.explained().gap {
        "still "
    } else {
        ""
    };
    format!("Δ is {still}{}", reward(gap(s)))
}

/// Card 1: r_better moved.
pub(super) fn better_moved(s: &LessonState) -> bool {
    s.now.better != s.open.better
}

/// Card 1: r_better is where the card put it.
pub(super) fn better_moved_hint(s: &LessonState) -> String {
    let b = reward(s.now.better);
    if s.now.worse != s.open.worse {
        format!("You moved r_worse; r_better is still {b}. Move r_better.")
    } else {
        format!("r_better is still {b}, where the card set it.")
    }
}

/// Cards 2 and 4: Δ above 0, below 0.
pub(super) fn gap_positive(s: &LessonState) -> bool {
    gap(s) > 0.0
}

/// Card 2: Δ is 0 or below.
pub(super) fn gap_positive_hint(s: &LessonState) -> String {
    if gap(s) == 0.0 {
        "Δ is 0.00, a tie; it must be above 0: r_better over r_worse.".to_string()
    } else {
        format!("{}; it must be above 0: r_better over r_worse.", gap_now(s))
    }
}

/// Card 4: Δ below 0.
pub(super) fn gap_negative(s: &LessonState) -> bool {
    gap(s) < 0.0
}

/// Card 4: Δ is 0 or above.
pub(super) fn gap_negative_hint(s: &LessonState) -> String {
    if gap(s) == 0.0 {
        "Δ is 0.00, a tie; it must be below 0: r_better under r_worse.".to_string()
    } else {
        format!(
            "{}; it must be below 0: r_better under r_worse.",
            gap_now(s)
        )
    }
}

/// Card 3: σ(Δ) ≥ 0.9.
pub(super) fn sigmoid_reached(s: &LessonState) -> bool {
    s.now.explained().sigmoid >= SIGMOID_GOAL
}

/// Card 3: σ(Δ) is below 0.9.
pub(super) fn sigmoid_reached_hint(s: &LessonState) -> String {
    let e = s.now.explained();
    let need = libm::log(SIGMOID_GOAL / (1.0 - SIGMOID_GOAL));
    format!(
        "σ(Δ) is {} at Δ = {}; it reaches 0.9 once Δ is at least ln 9 ≈ {}.",
        beside(e.sigmoid, SIGMOID_GOAL, 4),
        reward(e.gap),
        fixed(need, 3)
    )
}

/// Card 5: the loss is below 0.05.
pub(super) fn loss_low(s: &LessonState) -> bool {
    s.now.explained().loss < LOSS_GOAL
}

/// Card 5: the loss is 0.05 or more.
pub(super) fn loss_low_hint(s: &LessonState) -> String {
    let e = s.now.explained();
    let need = -libm::log(libm::expm1(LOSS_GOAL));
    format!(
        "The loss is {} at Δ = {}; it must be below 0.05, which takes Δ above {}.",
        beside(e.loss, LOSS_GOAL, 4),
        reward(e.gap),
        fixed(need, 3)
    )
}

/// Card 6: both rewards moved by the same non-zero amount since the card opened.
pub(super) fn shifted_both(s: &LessonState) -> bool {
    let db = s.now.better - s.open.better;
    let dw = s.now.worse - s.open.worse;
    db != 0.0 && (db - dw).abs() < 1e-9
}

/// Card 6: nothing moved (c = 0, or not pressed yet), or one reward moved on its own.
pub(super) fn shifted_both_hint(s: &LessonState) -> String {
    let db = s.now.better - s.open.better;
    let dw = s.now.worse - s.open.worse;
    if db == 0.0 && dw.abs() < 1e-9 {
        format!(
            "Nothing moved: r_better is still {} and r_worse {}. With c = 0, \"Add c to both\" moves nothing; \
             type another c and press it.",
            reward(s.now.better),
            reward(s.now.worse)
        )
    } else {
        format!(
            "Δ is {}, not {}: a slider moved one reward on its own. Set Δ back to {}, then add a c other than 0 \
             to both.",
            reward(gap(s)),
            reward(s.open.explained().gap),
            reward(s.open.explained().gap)
        )
    }
}

/// Card 7: the pull σ(−Δ) is below 0.01.
pub(super) fn pull_small(s: &LessonState) -> bool {
    -s.now.explained().dloss_dgap < PULL_GOAL
}

/// Card 7: the pull is 0.01 or more.
pub(super) fn pull_small_hint(s: &LessonState) -> String {
    let e = s.now.explained();
    let need = libm::log((1.0 - PULL_GOAL) / PULL_GOAL);
    format!(
        "The pull σ(−Δ) is {} at Δ = {}; it must be below 0.01, which takes Δ above ln 99 ≈ {}.",
        beside(-e.dloss_dgap, PULL_GOAL, 4),
        reward(e.gap),
        fixed(need, 3)
    )
}

/// Card 8: the run went past the step it opened at.
pub(super) fn stepped(s: &LessonState) -> bool {
    s.now.training.step > s.open.training.step
}

/// Card 8: the run is at (or before) its opening step.
pub(super) fn stepped_hint(s: &LessonState) -> String {
    let (now, open) = (s.now.training.step, s.open.training.step);
    if now == open {
        format!("The run is still at step {now}: press Step once.")
    } else {
        format!("The run shows step {now}, before step {open} where the card opened: press Step.")
    }
}

/// Card 9: every training pair is ranked right.
pub(super) fn all_ranked_right(s: &LessonState) -> bool {
    s.now.training.metrics.accuracy >= 1.0
}

/// Card 9: how many training pairs are still ranked wrong or tied.
pub(super) fn all_ranked_right_hint(s: &LessonState) -> String {
    let t = &s.now.training;
    let accuracy = format!("{:.1} %", 100.0 * t.metrics.accuracy);
    if t.train_pairs == 0 {
        return format!("The training accuracy is {accuracy}; it must reach 100 %.");
    }
    // Accuracy is the share of training pairs ranked right (a tie counts as wrong).
    let wrong = ((1.0 - t.metrics.accuracy) * t.train_pairs as f64)
        .round()
        .max(1.0) as usize;
    let is = if wrong == 1 { "is" } else { "are" };
    format!(
        "{wrong} of {} training pairs {is} not ranked right yet (accuracy {accuracy} at step {}): keep playing.",
        t.train_pairs, t.step
    )
}

/// Card 10: shuffled pairs.
pub(super) fn shuffled_pairs(s: &LessonState) -> bool {
    s.now.training.grouping == Grouping::Pairs
}

/// Card 10: still one prompt per batch element.
pub(super) fn shuffled_pairs_hint(_: &LessonState) -> String {
    "\"Batch elements\" is still one prompt with all of its pairs: choose \"shuffled pairs\"."
        .to_string()
}

/// Card 11: at least 20 epochs.
pub(super) fn epochs_done(s: &LessonState) -> bool {
    s.now.training.metrics.epoch >= EPOCH_GOAL
}

/// Card 11: the epoch now and the steps left.
pub(super) fn epochs_done_hint(s: &LessonState) -> String {
    let t = &s.now.training;
    let epoch = fixed(t.metrics.epoch, 2);
    if t.steps_per_epoch == 0 {
        return format!("The run is at epoch {epoch}; it must reach 20.");
    }
    let left = ((EPOCH_GOAL - t.metrics.epoch) * t.steps_per_epoch as f64)
        .ceil()
        .max(1.0) as u64;
    let steps = if left == 1 { "step" } else { "steps" };
    format!("The run is at epoch {epoch}; {left} more {steps} reach epoch 20: keep playing.")
}

/// Card 12: a trained run whose better answers' rewards average 0.
pub(super) fn normalized(s: &LessonState) -> bool {
    s.now.training.step > 0 && s.now.training.chosen_mean.abs() < 1e-9
}

/// Card 12: at step 0, or the mean is not 0.
pub(super) fn normalized_hint(s: &LessonState) -> String {
    let t = &s.now.training;
    if t.step == 0 {
        "The run is at step 0, where every reward is 0 already: take a step, then press \"Normalize rewards\"."
            .to_string()
    } else {
        format!(
            "The better answers' rewards average {}, not 0: press \"Normalize rewards\" (every step after it moves \
             them again).",
            fixed(t.chosen_mean, 4)
        )
    }
}

/// Card 13: n raised to 16 or more.
pub(super) fn n_raised(s: &LessonState) -> bool {
    s.now.policy.n >= N_GOAL
}

/// Card 13: n is below 16.
pub(super) fn n_raised_hint(s: &LessonState) -> String {
    format!("n is {}: raise it to 16.", s.now.policy.n)
}

/// Card 14: β lowered to 1 or below.
pub(super) fn beta_lowered(s: &LessonState) -> bool {
    s.now.policy.beta <= BETA_GOAL * (1.0 + 1e-9)
}

/// Card 14: β is above 1.
pub(super) fn beta_lowered_hint(s: &LessonState) -> String {
    format!(
        "β is {}: lower it to 1 or below.",
        significant(s.now.policy.beta, 3)
    )
}

/// Card 15: n is past the n where gold peaks, gold has fallen below its peak and the proxy still rose (each by
/// more than rounding noise).
pub(super) fn past_the_peak(s: &LessonState) -> bool {
    s.now.policy.numbers.is_some_and(|p| {
        !p.flat
            && s.now.policy.n > p.best_of_n_peak_n
            && p.best_of_n.gold < p.best_of_n_peak.gold - GAIN_NOISE
            && p.best_of_n.proxy > p.best_of_n_peak.proxy + GAIN_NOISE
    })
}

/// Card 15: nothing computed yet, or n at or short of the peak.
pub(super) fn past_the_peak_hint(s: &LessonState) -> String {
    let n = s.now.policy.n;
    match s.now.policy.numbers {
        None => "The scene has no numbers for this model yet: train it on the padding data set (Play), then \
                 come back."
            .to_string(),
        Some(p) if p.flat => "The reward model gives every answer the same reward yet, so nothing peaks: \
                              train it (Play training), then raise n."
            .to_string(),
        Some(p) if n <= p.best_of_n_peak_n => format!(
            "n = {n} is not past the peak at n = {}: raise n.",
            p.best_of_n_peak_n
        ),
        Some(p) => format!(
            "At n = {n} gold is still at its peak ({}): raise n further.",
            crate::format::signed_gain(p.best_of_n_peak.gold)
        ),
    }
}

/// Label card: 10 labels given.
pub(super) fn labeled_ten(s: &LessonState) -> bool {
    s.now.label.given >= LABEL_GOAL
}

/// Label card: fewer than 10 labels.
pub(super) fn labeled_ten_hint(s: &LessonState) -> String {
    let given = s.now.label.given;
    let left = LABEL_GOAL - given.min(LABEL_GOAL);
    if given == 0 {
        "No pair labeled yet: pick the better answer of the pair shown.".to_string()
    } else {
        format!("{given} labeled; {left} more to go.")
    }
}

/// Label card: a run on the labels as they are now.
pub(super) fn trained_on_labels(s: &LessonState) -> bool {
    s.now.label.trained_on_current
}

/// Label card: no run on the labels, or one on labels that changed since.
pub(super) fn trained_on_labels_hint(s: &LessonState) -> String {
    if s.now.label.decided == 0 {
        "No pair is labeled A or B yet: label one, then press \"Train on my labels\".".to_string()
    } else {
        format!(
            "{} pairs are labeled A or B: press \"Train on my labels\" for a run on them as they are now.",
            s.now.label.decided
        )
    }
}

/// Class card: at least 3 labelers read, with an agreement.
pub(super) fn class_read(s: &LessonState) -> bool {
    s.now.label.class_labelers >= CLASS_GOAL && s.now.label.class_agreement.is_some()
}

/// Class card: fewer than 3 labelers, or no pair all of them labeled.
pub(super) fn class_read_hint(s: &LessonState) -> String {
    let n = s.now.label.class_labelers;
    if n >= CLASS_GOAL {
        format!("{n} labelers are read, but no pair was labeled A or B by all of them.")
    } else {
        format!("{n} of the 3 labelers read: paste codes and press \"Read codes\", or add the examples.")
    }
}
