//! Are strongly preferred pairs easier? Accuracy per margin value (for data whose pairs carry a margin).

use super::frame::{category_label, draw_frame, fmt_tick, Frame};
use super::{ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The pairs sharing one margin value and the share of them ranked right.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarginBar {
    /// The margin m of these pairs.
    pub margin: f64,
    /// Share of these pairs with r_chosen > r_rejected, in [0, 1].
    pub accuracy: f64,
    /// How many pairs have this margin.
    pub pairs: usize,
}

/// The bars to draw, in order from left to right.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MarginAccuracyView<'a> {
    /// One bar each; a non-finite accuracy draws no bar.
    pub bars: &'a [MarginBar],
}

/// Groups pairs by margin: `margins[i]` is pair i's margin (`None`, or not finite: left out) and `correct[i]`
/// whether it is ranked right. One bar per distinct margin, in increasing order; accuracy = right / pairs.
pub fn accuracy_by_margin(margins: &[Option<f64>], correct: &[bool]) -> Vec<MarginBar> {
    let pairs: Vec<(f64, bool)> = margins
        .iter()
        .zip(correct)
        .filter_map(|(m, &c)| m.filter(|m| m.is_finite()).map(|m| (m, c)))
        .collect();
    let pairs = crate::order::sorted_by_key(pairs, |p| p.0);
    let mut bars: Vec<(MarginBar, usize)> = Vec::new();
    for (m, c) in pairs {
        match bars.last_mut() {
            Some((bar, right)) if bar.margin == m => {
                bar.pairs += 1;
                *right += usize::from(c);
            }
            _ => bars.push((
                MarginBar {
                    margin: m,
                    accuracy: 0.0,
                    pairs: 1,
                },
                usize::from(c),
            )),
        }
    }
    bars.into_iter()
        .map(|(bar, right)| MarginBar {
            accuracy: right as f64 / bar.pairs as f64,
            ..bar
        })
        .collect()
}

/// The axes of [`draw_accuracy_by_margin`]: one category per bar along x, labelled with its margin; y in [0, 1].
pub(crate) fn margin_axes<'a>(view: &MarginAccuracyView<'a>) -> Frame<'a> {
    let bars = view.bars;
    Frame {
        x_fmt: Box::new(move |v: &f64| {
            category_label(*v, |i| bars.get(i).map(|b| fmt_tick(b.margin)))
        }),
        ..Frame::x_categories(bars.len(), 0.0..1.0, "margin", "accuracy")
    }
}

/// One bar per margin value, height = accuracy in [0, 1], labelled with the margin.
pub fn draw_accuracy_by_margin<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &MarginAccuracyView,
    theme: &Theme,
) -> Result<(), ChartError> {
    let frame = margin_axes(view);
    let Some(mut chart) = draw_frame(area, theme, &frame)? else {
        return Ok(());
    };
    let bar = |(i, b): (usize, &MarginBar)| {
        let a = b.accuracy.is_finite().then(|| b.accuracy.clamp(0.0, 1.0))?;
        let x = i as f64;
        Some(Rectangle::new(
            [(x - 0.35, 0.0), (x + 0.35, a)],
            theme.series[0].filled(),
        ))
    };
    chart.draw_series(view.bars.iter().enumerate().filter_map(bar))?;
    Ok(())
}
