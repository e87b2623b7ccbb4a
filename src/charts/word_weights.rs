//! What a linear model learned: the words with the largest positive and negative weights.

use super::frame::{auto_range, category_label, draw_frame, Frame};
use super::{ChartError, Theme};
use crate::order::sorted_by_key;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Longest word label shown; longer words are cut and end in "…".
const MAX_LABEL_CHARS: usize = 16;

/// Every word's weight (`(word, weight)`, e.g. from `RewardModel::word_weights`) and how many of each sign to show.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WordWeightsView<'a> {
    /// All words with their weights, in any order; non-finite weights are skipped.
    pub weights: &'a [(String, f64)],
    /// Show the k largest positive and the k most negative weights.
    pub top_k: usize,
}

/// The `k` largest positive weights then the `k` most negative, all in descending order of weight (the order of
/// the bars from top to bottom). Zero and non-finite weights are left out; equal weights keep their input order.
pub fn top_words(weights: &[(String, f64)], k: usize) -> Vec<(String, f64)> {
    let pos: Vec<&(String, f64)> = weights
        .iter()
        .filter(|w| w.1.is_finite() && w.1 > 0.0)
        .collect();
    let neg: Vec<&(String, f64)> = weights
        .iter()
        .filter(|w| w.1.is_finite() && w.1 < 0.0)
        .collect();
    let pos = sorted_by_key(pos, |w| -w.1);
    let mut neg = sorted_by_key(neg, |w| w.1);
    neg.truncate(k);
    neg.reverse();
    pos.into_iter().take(k).chain(neg).cloned().collect()
}

fn short(word: &str) -> String {
    if word.chars().count() <= MAX_LABEL_CHARS {
        word.to_string()
    } else {
        word.chars()
            .take(MAX_LABEL_CHARS - 1)
            .chain(['\u{2026}'])
            .collect()
    }
}

/// The axes of [`draw_word_weights`] for the bars `words` (from [`top_words`]): weights along x, one row per word
/// down y, labelled with the word (row 0 at the top).
pub(crate) fn words_axes<'a>(words: &[(String, f64)]) -> Frame<'a> {
    let rows = words.len();
    let labels: Vec<String> = words.iter().map(|w| short(&w.0)).collect();
    let x = auto_range(words.iter().map(|w| w.1), true, -1.0..1.0);
    let y = -0.5..(rows.max(1) as f64 - 0.5);
    Frame {
        y_labels: rows.clamp(1, 40),
        y_fmt: Box::new(move |v: &f64| {
            category_label(*v, |i| (i < rows).then(|| labels[rows - 1 - i].clone()))
        }),
        ..Frame::new(x, y, "weight", "")
    }
}

/// One horizontal bar per word of [`top_words`], labelled with the word: positive weights in the theme's
/// `right()` colour, negative in `wrong()`.
pub fn draw_word_weights<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &WordWeightsView,
    theme: &Theme,
) -> Result<(), ChartError> {
    let words = top_words(view.weights, view.top_k);
    let rows = words.len();
    // Row 0 (the largest weight) is at the top: y = rows − 1.
    let row_y = |r: usize| (rows - 1 - r) as f64;
    let frame = words_axes(&words);
    let x = frame.x.clone();
    let Some(mut chart) = draw_frame(area, theme, &frame)? else {
        return Ok(());
    };
    let bar = |(r, (_, w)): (usize, &(String, f64))| {
        let color = if *w > 0.0 {
            theme.right()
        } else {
            theme.wrong()
        };
        let w = w.clamp(x.start, x.end);
        Rectangle::new(
            [(0.0, row_y(r) - 0.35), (w, row_y(r) + 0.35)],
            color.filled(),
        )
    };
    chart.draw_series(words.iter().enumerate().map(bar))?;
    Ok(())
}
