//! Each pair's two rewards side by side: a dumbbell from the chosen to the rejected response.

use super::frame::{auto_range, category_label, draw_frame, draw_hline, pin, Frame};
use super::{sampled, ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The rewards of each pair: `pairs[i] = (r_chosen, r_rejected)`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PairRewardsView<'a> {
    /// One dumbbell per pair, in order; pair i is labelled i + 1 on the x axis.
    pub pairs: &'a [(f64, f64)],
    /// The selected pair, drawn with thicker strokes and bigger dots on a shaded band; out of range selects none.
    pub highlighted: Option<usize>,
}

/// The axes of [`draw_rewards_per_pair`]: pairs along x (pair i at x = i, labelled i + 1), y covering 0 and every
/// finite reward.
pub(crate) fn rewards_axes<'a>(view: &PairRewardsView) -> Frame<'a> {
    let n = view.pairs.len();
    let y = auto_range(
        view.pairs.iter().flat_map(|&(c, r)| [c, r]),
        true,
        -1.0..1.0,
    );
    Frame {
        x_fmt: Box::new(move |v: &f64| {
            category_label(*v, |i| (i < n).then(|| (i + 1).to_string()))
        }),
        ..Frame::x_categories(n, y, "pair", "reward")
    }
}

/// For pair i at x = i: the chosen reward as a filled dot, the rejected reward as a ring, and a line between
/// them, in the theme's `right()` colour when r_chosen > r_rejected and `wrong()` otherwise (a tie is wrong).
/// A non-finite reward draws no dot and no line. Past [`super::MAX_MARKS`] pairs only every k-th pair
/// ([`super::sample_every`]) and the selected one are drawn, each at its own place on the axis.
pub fn draw_rewards_per_pair<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &PairRewardsView,
    theme: &Theme,
) -> Result<(), ChartError> {
    let n = view.pairs.len();
    let frame = rewards_axes(view);
    let y = frame.y.clone();
    let Some(mut chart) = draw_frame(area, theme, &frame)? else {
        return Ok(());
    };
    draw_hline(&mut chart, 0.0, theme.axis.mix(0.5))?;
    let r = theme.dot_radius();
    for i in sampled(n, super::sample_every(n), |i| view.highlighted == Some(i)) {
        let (chosen, rejected) = view.pairs[i];
        let x = i as f64;
        let selected = view.highlighted == Some(i);
        let color = if chosen > rejected {
            theme.right()
        } else {
            theme.wrong()
        };
        let (width, radius) = if selected {
            (theme.stroke_width + 2, 2 * r)
        } else {
            (theme.stroke_width, r)
        };
        if selected {
            let band = [(x - 0.5, y.start), (x + 0.5, y.end)];
            chart.draw_series(std::iter::once(Rectangle::new(
                band,
                theme.selected().mix(0.25).filled(),
            )))?;
        }
        let (c, rj) = (pin(chosen, &y), pin(rejected, &y));
        if let (Some(c), Some(rj)) = (c, rj) {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(x, c), (x, rj)],
                color.stroke_width(width),
            )))?;
        }
        if let Some(c) = c {
            chart.draw_series(std::iter::once(Circle::new((x, c), radius, color.filled())))?;
        }
        if let Some(rj) = rj {
            let ring = theme.background.filled();
            chart.draw_series(std::iter::once(Circle::new((x, rj), radius, ring)))?;
            chart.draw_series(std::iter::once(Circle::new(
                (x, rj),
                radius,
                color.stroke_width(width),
            )))?;
        }
    }
    Ok(())
}
