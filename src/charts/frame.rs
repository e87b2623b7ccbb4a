//! What every chart shares: safe axis ranges, the axes with their light grid, tick labels, and the clean-up of
//! points (non-finite skipped, out-of-range pinned to the edge) so that no NaN ever reaches a backend.

use super::layout::layout;
use super::{ChartError, Theme};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::ops::Range;

/// A chart with two f64 axes.
pub(crate) type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Axis bounds beyond this are pinned: pixel mapping of larger numbers loses all precision.
const LIMIT: f64 = 1e12;

/// `lo..hi` made drawable: non-finite bounds fall back to `fallback`, bounds are pinned to ±1e12, reversed
/// bounds are swapped, and a zero-width range is widened around its centre.
pub(crate) fn sane_range(lo: f64, hi: f64, fallback: Range<f64>) -> Range<f64> {
    if !lo.is_finite() || !hi.is_finite() {
        return fallback;
    }
    let (lo, hi) = (
        lo.min(hi).clamp(-LIMIT, LIMIT),
        lo.max(hi).clamp(-LIMIT, LIMIT),
    );
    let min_width = 1e-9 * lo.abs().max(hi.abs()).max(1.0);
    if hi - lo < min_width {
        let half = (lo.abs().max(1.0)) * 0.5;
        let mid = (lo + hi) / 2.0;
        return (mid - half).max(-LIMIT)..(mid + half).min(LIMIT);
    }
    lo..hi
}

/// The smallest and largest finite value (pinned to ±1e12), `None` when there is none.
pub(crate) fn span(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.into_iter().filter(|v| v.is_finite()) {
        let v = v.clamp(-LIMIT, LIMIT);
        lo = lo.min(v);
        hi = hi.max(v);
    }
    (lo <= hi).then_some((lo, hi))
}

/// The range of the finite `values` with 5 % padding on each side, also covering 0 when `with_zero`;
/// `fallback` when there is no finite value.
pub(crate) fn auto_range(
    values: impl IntoIterator<Item = f64>,
    with_zero: bool,
    fallback: Range<f64>,
) -> Range<f64> {
    let Some((mut lo, mut hi)) = span(values) else {
        return fallback;
    };
    if with_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    let pad = (hi - lo) * 0.05;
    sane_range(lo - pad, hi + pad, fallback)
}

/// `v` pinned into `range`; `None` when `v` is not finite.
pub(crate) fn pin(v: f64, range: &Range<f64>) -> Option<f64> {
    v.is_finite().then(|| v.clamp(range.start, range.end))
}

/// The point `(x, y)` pinned into the chart's ranges; `None` when either coordinate is not finite.
pub(crate) fn pin_point(
    (x, y): (f64, f64),
    xr: &Range<f64>,
    yr: &Range<f64>,
) -> Option<(f64, f64)> {
    Some((pin(x, xr)?, pin(y, yr)?))
}

/// A polyline split at its non-finite points into runs of drawable points (each pinned into the ranges).
pub(crate) fn finite_runs(
    points: impl IntoIterator<Item = (f64, f64)>,
    xr: &Range<f64>,
    yr: &Range<f64>,
) -> Vec<Vec<(f64, f64)>> {
    let mut runs = vec![Vec::new()];
    for p in points {
        match pin_point(p, xr, yr) {
            Some(p) => runs.last_mut().expect("runs is never empty").push(p),
            None if runs.last().is_some_and(|r| !r.is_empty()) => runs.push(Vec::new()),
            None => {}
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// A tick label: at most 3 decimals, trailing zeros dropped, scientific notation for very large or small
/// numbers, and a true minus sign.
pub(crate) fn fmt_tick(v: f64) -> String {
    let a = v.abs();
    let text = if a < 5e-13 {
        return "0".to_string();
    } else if !(1e-3..1e6).contains(&a) {
        format!("{a:.1e}")
    } else {
        let s = format!("{a:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    if v < 0.0 {
        format!("\u{2212}{text}")
    } else {
        text
    }
}

/// The label of category `i` for a tick at `v`: categories sit at whole numbers; other ticks get no label.
pub(crate) fn category_label(v: f64, labels: impl Fn(usize) -> Option<String>) -> String {
    let i = v.round();
    if (v - i).abs() > 1e-6 || i < 0.0 {
        return String::new();
    }
    labels(i as usize).unwrap_or_default()
}

/// Formats one tick label.
pub(crate) type TickFormat<'a> = Box<dyn Fn(&f64) -> String + 'a>;

/// The axes of one chart: ranges, descriptions, how many labels, how to write them.
pub(crate) struct Frame<'a> {
    pub x: Range<f64>,
    pub y: Range<f64>,
    pub x_desc: &'a str,
    pub y_desc: &'a str,
    /// At most this many labelled ticks (each with a grid line) on each axis.
    pub x_labels: usize,
    pub y_labels: usize,
    pub x_fmt: TickFormat<'a>,
    pub y_fmt: TickFormat<'a>,
}

fn default_fmt(v: &f64) -> String {
    fmt_tick(*v)
}

/// A step number as a tick label: a whole number written out (no fraction, no exponent); nothing between steps.
fn fmt_step(v: &f64) -> String {
    let whole = v.round();
    if (v - whole).abs() > 1e-6 * whole.abs().max(1.0) {
        return String::new();
    }
    let text = format!("{}", whole.abs() as u64);
    if whole < 0.0 {
        format!("\u{2212}{text}")
    } else {
        text
    }
}

impl<'a> Frame<'a> {
    /// Numeric axes over `x` and `y` with a few ticks each.
    pub fn new(x: Range<f64>, y: Range<f64>, x_desc: &'a str, y_desc: &'a str) -> Frame<'a> {
        Frame {
            x,
            y,
            x_desc,
            y_desc,
            x_labels: 6,
            y_labels: 5,
            x_fmt: Box::new(default_fmt),
            y_fmt: Box::new(default_fmt),
        }
    }

    /// Axes of `n` categories along x at 0, 1, …, n − 1 (at most `max_labels` of them labelled).
    pub fn x_categories(n: usize, y: Range<f64>, x_desc: &'a str, y_desc: &'a str) -> Frame<'a> {
        let x = -0.5..(n.max(1) as f64 - 0.5);
        Frame {
            x_labels: n.clamp(1, 12),
            ..Frame::new(x, y, x_desc, y_desc)
        }
    }

    /// Axes with training steps along x: from step 0 to the last of `steps` (at least 1), every tick a whole step.
    ///
    /// plotters puts ticks 1, 2 or 5 × 10^k apart, as many as fit under the asked-for count; asking for at most
    /// last + 1 of them rules out any spacing below 1 (that would need 2·last + 1 ticks).
    pub fn steps(steps: &[f64], y: Range<f64>, y_desc: &'a str) -> Frame<'a> {
        let last = span(steps.iter().copied())
            .map_or(0.0, |(_, hi)| hi)
            .max(1.0);
        let x = sane_range(0.0, last, 0.0..1.0);
        let whole = (x.end - x.start).floor() as usize + 1;
        Frame {
            x_labels: whole.clamp(2, 6),
            x_fmt: Box::new(fmt_step),
            ..Frame::new(x, y, "step", y_desc)
        }
    }
}

/// Fills the area with the theme's background and draws the axes, their labels and a light grid (no fine
/// mesh). Returns `None` when the area is too small to hold a plot; the chart then draws nothing more.
pub(crate) fn draw_frame<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    theme: &Theme,
    frame: &Frame,
) -> Result<Option<Chart<'a, DB>>, ChartError> {
    place_frame(area, theme, frame, true)
}

/// The chart of [`draw_frame`], in the same pixel coordinates, with the background, axes and grid drawn only
/// when `paint`: without, it draws nothing and only lays the chart out (for the moving layer of a chart).
pub(crate) fn place_frame<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    theme: &Theme,
    frame: &Frame,
    paint: bool,
) -> Result<Option<Chart<'a, DB>>, ChartError> {
    if paint {
        area.fill(&theme.background)?;
    }
    let size = area.dim_in_pixel();
    let Some(layout) = layout(theme, frame, size) else {
        return Ok(None);
    };
    let [top, bottom, left, right] = layout.margin;
    let mut chart = ChartBuilder::on(area)
        .margin_top(top)
        .margin_bottom(bottom)
        .margin_left(left)
        .margin_right(right)
        .x_label_area_size(layout.x_area)
        .y_label_area_size(layout.y_area)
        .build_cartesian_2d(frame.x.clone(), frame.y.clone())?;
    debug_assert_eq!(
        {
            let (xs, ys) = chart.plotting_area().get_pixel_range();
            let (x0, y0) = area.get_base_pixel();
            [
                xs.start - x0,
                ys.start - y0,
                xs.end - 1 - x0,
                ys.end - 1 - y0,
            ]
        },
        {
            let p = layout.plot_frame(frame, size);
            [p.left, p.top, p.right, p.bottom].map(|v| v as i32)
        },
        "the plot area is where layout() says"
    );
    if !paint {
        return Ok(Some(chart));
    }
    let label = ("sans-serif", theme.font_size.max(1.0))
        .into_font()
        .color(&theme.text);
    let mut mesh = chart.configure_mesh();
    mesh.bold_line_style(theme.grid.stroke_width(1))
        .max_light_lines(0)
        .axis_style(theme.axis.stroke_width(1))
        .set_all_tick_mark_size(layout.tick)
        .x_labels(layout.x_labels)
        .y_labels(layout.y_labels)
        .x_label_formatter(&*frame.x_fmt)
        .y_label_formatter(&*frame.y_fmt)
        .label_style(label.clone())
        .axis_desc_style(label);
    if !layout.x_desc.is_empty() {
        mesh.x_desc(layout.x_desc.as_str());
    }
    if !layout.y_desc.is_empty() {
        mesh.y_desc(layout.y_desc.as_str());
    }
    mesh.draw()?;
    Ok(Some(chart))
}

/// Draws each run of `runs` as one polyline.
pub(crate) fn draw_runs<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    runs: Vec<Vec<(f64, f64)>>,
    style: ShapeStyle,
) -> Result<(), ChartError> {
    chart.draw_series(runs.into_iter().map(|run| PathElement::new(run, style)))?;
    Ok(())
}

/// A thin horizontal line at `y` across the whole chart (e.g. gap 0, "a coin flip").
pub(crate) fn draw_hline<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    y: f64,
    color: RGBAColor,
) -> Result<(), ChartError> {
    let (xr, yr) = (chart.x_range(), chart.y_range());
    if let Some(y) = pin(y, &yr) {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(xr.start, y), (xr.end, y)],
            color.stroke_width(1),
        )))?;
    }
    Ok(())
}
