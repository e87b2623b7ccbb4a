//! The words and numbers the chart sentences and tables share.

use crate::train::{PairState, Trainer};

/// A number with 3 decimals and the true minus sign.
pub(crate) fn n3(v: f64) -> String {
    crate::format::fixed(v, 3)
}

/// `n` and the word, singular for exactly one: "1 step", "3 steps".
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What one step and one epoch are for this run, in one sentence: `batch` elements per step, `per_epoch` steps per
/// epoch, `units` training batch elements holding `pairs` pairs; `prompts` says whether an element is a prompt (with
/// all of its pairs) or a single pair.
pub fn step_means(
    batch: usize,
    per_epoch: u64,
    units: usize,
    pairs: usize,
    prompts: bool,
) -> String {
    let (one, many) = if prompts {
        ("prompt", "prompts")
    } else {
        ("pair", "pairs")
    };
    let held = if prompts {
        format!(" ({})", count(pairs as u64, "pair", "pairs"))
    } else {
        String::new()
    };
    format!(
        "1 step = one update of the weights on a batch of {}. 1 epoch = {} = all {}{held} once.",
        count(batch as u64, one, many),
        count(per_epoch, "step", "steps"),
        count(
            units as u64,
            &format!("training {one}"),
            &format!("training {many}")
        ),
    )
}

/// What to say beside an accuracy of 0 when every pair is a tie (every reward equal, as at step 0 of the linear
/// model): a tie counts as wrong (the accuracy chart's caption says so), so the 0 says nothing yet. `None`
/// otherwise.
pub fn tie_note(pairs: &[crate::train::PairState]) -> Option<&'static str> {
    (!pairs.is_empty() && pairs.iter().all(|p| p.gap == 0.0)).then_some("every pair tied")
}

/// A share as a whole percentage.
pub(crate) fn pct(v: f64) -> String {
    format!("{:.0} %", 100.0 * v)
}

/// "fell from a to b", "rose from a to b" or "stayed at a".
pub(crate) fn went(from: f64, to: f64, show: fn(f64) -> String) -> String {
    let (a, b) = (show(from), show(to));
    if a == b {
        format!("stayed at {a}")
    } else if to < from {
        format!("fell from {a} to {b}")
    } else {
        format!("rose from {a} to {b}")
    }
}

/// The lowest and highest of `values` (0, 0 when empty).
pub(crate) fn range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if lo <= hi {
        (lo, hi)
    } else {
        (0.0, 0.0)
    }
}

/// How a chart over steps opens its sentence: at step 0 it says where the run starts (`what` is `value` before any
/// update); later, `None`, and the chart says how the value moved "over N steps".
pub(crate) fn at_step_zero(run: &mut Trainer, what: &str, value: String) -> Option<String> {
    (run.metrics().step == 0).then(|| format!("{what} is {value} at step 0, before any update."))
}

/// "over 1 step", "over 12 steps".
pub(crate) fn over_steps(step: u64) -> String {
    format!("over {step} step{}", if step == 1 { "" } else { "s" })
}

/// A table with one row per pair: its number, its split, then `cols` of it with 3 decimals.
pub(crate) fn per_pair(
    pairs: &[PairState],
    head: &[&str],
    cols: fn(&PairState) -> [f64; 2],
) -> super::Table {
    let rows = pairs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut row = vec![
                (i + 1).to_string(),
                if p.test { "test" } else { "train" }.to_string(),
            ];
            row.extend(cols(p).into_iter().map(n3));
            row
        })
        .collect();
    super::Table::new(head, rows)
}

/// Pearson's r of (x, y) points (0 when undefined).
pub fn correlation(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    if points.len() < 2 {
        return 0.0;
    }
    let (mx, my) = points
        .iter()
        .fold((0.0, 0.0), |(a, b), (x, y)| (a + x / n, b + y / n));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in points {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    let d = libm::sqrt(sxx * syy);
    if d > 0.0 {
        sxy / d
    } else {
        0.0
    }
}

/// The history's (step, metrics) rows, mapped to text by `row`.
pub(crate) fn history_rows(
    run: &Trainer,
    row: impl Fn(u64, &crate::train::Metrics) -> Vec<String>,
) -> Vec<Vec<String>> {
    run.history().iter().map(|(s, m)| row(*s, m)).collect()
}

/// What a per-pair chart of `n` pairs leaves out, as a sentence to append: nothing ("") up to
/// [`crate::charts::MAX_MARKS`] pairs, else " It draws a sample: every 50th pair (2000 of 100000) and any pair
/// followed or in the batch."
pub(crate) fn sample_note(n: usize) -> String {
    let every = crate::charts::sample_every(n);
    if every == 1 {
        return String::new();
    }
    format!(
        " It draws a sample: every {} pair ({} of {n}) and any pair followed or in the batch.",
        ordinal(every),
        n.div_ceil(every)
    )
}

/// 2nd, 3rd, 4th, 11th, 21st, 50th.
fn ordinal(k: usize) -> String {
    let suffix = match (k % 10, k % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{k}{suffix}")
}
