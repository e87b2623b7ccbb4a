//! The explorer's four charts (σ(Δ), log p, −log σ(Δ), dloss/dΔ), drawn by the core's chart functions in the
//! colour the page gives each step, so a value keeps its colour from the numbers to the charts.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::charts::{
    draw_gradient, draw_log, draw_neg_log, draw_sigmoid, ChartError, CurveView, Layer, Theme,
};

/// Which of the four charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Step 1: σ(Δ) against Δ.
    Sigmoid,
    /// Step 2: log p on p ∈ (0, 1].
    Log,
    /// Step 3: −log σ(Δ) against Δ.
    Loss,
    /// dloss/dΔ = −σ(−Δ) against Δ.
    Gradient,
}

impl Step {
    /// All four, in reading order.
    pub const ALL: [Step; 4] = [Step::Sigmoid, Step::Log, Step::Loss, Step::Gradient];

    /// The curve's colour (Okabe–Ito; the page's CSS uses the same for the step's numbers).
    fn colour(self, dark: bool) -> RGBColor {
        match (self, dark) {
            (Step::Sigmoid, _) => RGBColor(0xE6, 0x9F, 0x00),
            (Step::Log, false) => RGBColor(0x00, 0x9E, 0x73),
            (Step::Log, true) => RGBColor(0x2F, 0xC7, 0x9C),
            (Step::Loss, false) => RGBColor(0xD5, 0x5E, 0x00),
            (Step::Loss, true) => RGBColor(0xF0, 0x7B, 0x3F),
            (Step::Gradient, false) => RGBColor(0xCC, 0x79, 0xA7),
            (Step::Gradient, true) => RGBColor(0xE0, 0x8A, 0xC0),
        }
    }
}

/// The chart theme for `step`: the curve in the step's colour; the current point and its guides in the text
/// colour, so they stand out from every curve in both schemes.
pub fn theme(step: Step, dark: bool) -> Theme {
    let presenting = crate::web::share::presenting();
    let mut theme = if presenting {
        Theme::presentation()
    } else if dark {
        Theme::dark()
    } else {
        Theme::light()
    };
    theme.series[0] = step.colour(dark && !presenting);
    theme.marker = theme.text;
    if !presenting {
        theme.font_size = 14.0;
    }
    theme
}

/// The Δ axis: ±8 while the gap fits, ±16 (the widest gap two rewards in −8..8 can make) beyond.
pub fn gap_range(gap: f64) -> (f64, f64) {
    if gap.abs() <= 8.0 {
        (-8.0, 8.0)
    } else {
        (-16.0, 16.0)
    }
}

/// Draws `layer` of `step` with the current gap `gap` marked.
pub fn draw_step<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    step: Step,
    gap: f64,
    layer: Layer,
    theme: &Theme,
) -> Result<(), ChartError> {
    let view = CurveView {
        x_range: gap_range(gap),
        delta: Some(gap),
        dots: &[],
        layer,
    };
    match step {
        Step::Sigmoid => draw_sigmoid(area, &view, theme),
        Step::Log => draw_log(area, &view, theme),
        Step::Loss => draw_neg_log(area, &view, theme),
        Step::Gradient => draw_gradient(area, &view, theme),
    }
}
