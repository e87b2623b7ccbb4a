//! The shared shape of the four loss-step charts (σ, log, −log σ, dloss/dΔ): a fixed curve sampled densely, the
//! current Δ marked exactly with guide lines to both axes, and optional dots for pairs.

use super::frame::{draw_runs, finite_runs, pin_point, place_frame, Frame};
use super::{ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::ops::Range;

/// Points on each curve: enough that the bend of σ looks smooth at any chart width.
pub(crate) const SAMPLES: usize = 200;

/// One pair shown as a dot on a curve chart, at its reward gap Δ = r_chosen − r_rejected.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PairDot {
    /// The pair's gap Δ.
    pub gap: f64,
    /// The selected pair: drawn bigger, in the theme's `selected()` colour, above the others.
    pub highlighted: bool,
    /// Its label was flipped on purpose: drawn in the theme's `wrong()` colour.
    pub flipped: bool,
    /// It is a test pair (held out, never trained on): drawn hollow (a ring) instead of filled, unless highlighted.
    pub test: bool,
}

/// Which part of a curve chart to draw. The page draws [`Layer::Static`] once into a cached canvas and, on
/// each frame, copies it and draws [`Layer::Moving`] on top: together they are exactly [`Layer::All`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layer {
    /// Everything.
    #[default]
    All,
    /// Background, axes, grid, labels and the curve: what depends only on the axis range and the theme.
    Static,
    /// Only the pair dots and the marked Δ with its guides, in the same pixel coordinates; no background.
    Moving,
}

/// What a curve chart shows besides its curve.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurveView<'a> {
    /// The Δ axis, `(from, to)`; default −8..8. The log chart's axis is p ∈ (0, 1] and ignores it.
    pub x_range: (f64, f64),
    /// The current gap Δ, marked with a dot and guide lines to both axes; `None` marks nothing.
    pub delta: Option<f64>,
    /// Pairs drawn as dots on the curve; a gap beyond the axis sits at its edge.
    pub dots: &'a [PairDot],
    /// Which part to draw (default: all of it).
    pub layer: Layer,
}

impl Default for CurveView<'_> {
    fn default() -> Self {
        CurveView {
            x_range: (-8.0, 8.0),
            delta: None,
            dots: &[],
            layer: Layer::All,
        }
    }
}

/// Evenly spaced points from `from` to `to` (both included).
pub(crate) fn samples(from: f64, to: f64) -> impl Iterator<Item = f64> {
    (0..SAMPLES).map(move |i| from + (to - from) * i as f64 / (SAMPLES - 1) as f64)
}

/// Where a pair of gap `gap` is drawn on a curve chart whose point of a gap is `at` and whose axes are `xr` × `yr`:
/// `at(gap)` pinned into the axes; `None` for a non-finite gap (no dot).
pub(crate) fn dot_point(
    at: impl Fn(f64) -> (f64, f64),
    gap: f64,
    xr: &Range<f64>,
    yr: &Range<f64>,
) -> Option<(f64, f64)> {
    gap.is_finite()
        .then(|| pin_point(at(gap), xr, yr))
        .flatten()
}

/// One curve chart: `frame` gives the axes, `curve` the sampled points, `at(Δ)` the exact point of a gap.
pub(crate) fn draw_curve<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    frame: &Frame,
    curve: impl IntoIterator<Item = (f64, f64)>,
    at: impl Fn(f64) -> (f64, f64),
    view: &CurveView,
) -> Result<(), ChartError> {
    let paint = view.layer != Layer::Moving;
    let Some(mut chart) = place_frame(area, theme, frame, paint)? else {
        return Ok(());
    };
    let (xr, yr) = (frame.x.clone(), frame.y.clone());
    if paint {
        draw_runs(&mut chart, finite_runs(curve, &xr, &yr), theme.line(0))?;
    }
    if view.layer == Layer::Static {
        return Ok(());
    }

    let r = theme.dot_radius();
    let dot = |d: &PairDot| {
        let p = dot_point(&at, d.gap, &xr, &yr)?;
        let (color, radius) = if d.highlighted {
            (theme.selected(), 2 * r)
        } else if d.flipped {
            (theme.wrong(), r)
        } else {
            (theme.series[0], r)
        };
        // The followed pair stays filled, so it stands out whichever split it is in.
        let style = if d.test && !d.highlighted {
            color.stroke_width((theme.stroke_width / 2).max(1))
        } else {
            color.mix(0.8).filled()
        };
        Some(Circle::new(p, radius, style))
    };
    // The selected pair last, so that no other dot hides it.
    chart.draw_series(view.dots.iter().filter(|d| !d.highlighted).filter_map(dot))?;
    chart.draw_series(view.dots.iter().filter(|d| d.highlighted).filter_map(dot))?;

    if let Some((x, y)) = view
        .delta
        .filter(|d| d.is_finite())
        .and_then(|d| pin_point(at(d), &xr, &yr))
    {
        let guide = theme.marker.mix(0.7).stroke_width(1);
        let guides = [vec![(x, yr.start), (x, y)], vec![(xr.start, y), (x, y)]];
        chart.draw_series(guides.into_iter().map(|g| PathElement::new(g, guide)))?;
        chart.draw_series(std::iter::once(Circle::new(
            (x, y),
            r + 1,
            theme.marker.filled(),
        )))?;
    }
    Ok(())
}
