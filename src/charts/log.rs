//! Step 2 of the loss: log p for p = σ(Δ) in (0, 1], highest (0) at p = 1.

use super::curve::{draw_curve, CurveView, SAMPLES};
use super::frame::Frame;
use super::{ChartError, Theme};
use crate::loss::{log_sigmoid, sigmoid};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The smallest p the curve starts at (log p ≈ −6.9).
pub const LOG_P_MIN: f64 = 0.001;
/// The bottom of the y axis: a lower log p (or a pair's dot below it) sits on this edge.
pub const LOG_P_FLOOR: f64 = -7.0;

/// The axes of [`draw_log`]: p in [0, 1] along x, log p from −7 to 0 up y.
pub(crate) fn log_axes<'a>() -> Frame<'a> {
    Frame::new(0.0..1.0, LOG_P_FLOOR..0.0, "p = \u{3c3}(\u{394})", "log p")
}

/// log p over p from 0.001 to 1, y from −7 to 0; the current p = σ(Δ) at (σ(Δ), log σ(Δ)) with log σ(Δ)
/// computed exactly (not as the log of a rounded σ); a pair's dot at (σ(gap), log σ(gap)). `view.x_range` is
/// not used: the axis is p.
pub fn draw_log<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &CurveView,
    theme: &Theme,
) -> Result<(), ChartError> {
    let frame = log_axes();
    // Geometric spacing in p: the curve bends hardest near 0.
    let ratio = libm::log(1.0 / LOG_P_MIN) / (SAMPLES - 1) as f64;
    let curve = (0..SAMPLES).map(|i| {
        let p = LOG_P_MIN * libm::exp(ratio * i as f64);
        (p.min(1.0), libm::log(p.min(1.0)))
    });
    draw_curve(
        area,
        theme,
        &frame,
        curve,
        |d| (sigmoid(d), log_sigmoid(d)),
        view,
    )
}
