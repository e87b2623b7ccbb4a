//! The explorer's four charts (σ(Δ), log p, −log σ(Δ), dloss/dΔ), each with the current point and its guides.
//!
//! Generic over the plotters backend; the page hands them a canvas area of CSS size. Titles live in the page's HTML.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::loss::{bt_loss, bt_loss_derivative, sigmoid, Explained};

/// Colours of one colour scheme. The value colours follow Okabe–Ito and match the page's CSS.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Chart background.
    pub background: RGBColor,
    /// Axis labels and tick text.
    pub text: RGBColor,
    /// Axes.
    pub axis: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Δ.
    pub gap: RGBColor,
    /// σ(Δ).
    pub sigma: RGBColor,
    /// log σ(Δ).
    pub log: RGBColor,
    /// −log σ(Δ).
    pub loss: RGBColor,
    /// dloss/dΔ.
    pub grad: RGBColor,
}

impl Palette {
    /// Dark text on white.
    pub fn light() -> Palette {
        Palette {
            background: RGBColor(255, 255, 255),
            text: RGBColor(40, 44, 52),
            axis: RGBColor(110, 116, 126),
            grid: RGBColor(228, 231, 236),
            gap: RGBColor(0, 114, 178),
            sigma: RGBColor(230, 159, 0),
            log: RGBColor(0, 158, 115),
            loss: RGBColor(213, 94, 0),
            grad: RGBColor(204, 121, 167),
        }
    }

    /// Light text on near-black.
    pub fn dark() -> Palette {
        Palette {
            background: RGBColor(21, 23, 27),
            text: RGBColor(220, 224, 230),
            axis: RGBColor(150, 156, 166),
            grid: RGBColor(48, 53, 61),
            gap: RGBColor(86, 180, 233),
            sigma: RGBColor(230, 159, 0),
            log: RGBColor(47, 199, 156),
            loss: RGBColor(240, 123, 63),
            grad: RGBColor(224, 138, 192),
        }
    }
}

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

const SAMPLES: usize = 240;
const FONT: f64 = 14.0;

/// The Δ axis: ±8 while the gap fits, ±16 (the widest gap two rewards in −8..8 can make) beyond.
pub fn gap_range(gap: f64) -> f64 {
    if gap.abs() <= 8.0 {
        8.0
    } else {
        16.0
    }
}

type Res = Result<(), String>;

fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

/// Draws `step` for the point `e` on `area`.
pub fn draw_step<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    step: Step,
    e: &Explained,
    p: &Palette,
) -> Res {
    area.fill(&p.background).map_err(err)?;
    match step {
        Step::Sigmoid => draw_sigmoid(area, e, p),
        Step::Log => draw_log(area, e, p),
        Step::Loss => draw_loss(area, e, p),
        Step::Gradient => draw_gradient(area, e, p),
    }
}

fn guide(c: RGBColor) -> ShapeStyle {
    c.mix(0.75).stroke_width(1)
}

fn dot<DB: DrawingBackend>(
    chart: &mut ChartContext<
        DB,
        Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
    >,
    x: f64,
    y: f64,
    fill: RGBColor,
    outline: RGBColor,
) -> Res {
    chart
        .draw_series(std::iter::once(Circle::new((x, y), 6, outline.filled())))
        .map_err(err)?;
    chart
        .draw_series(std::iter::once(Circle::new((x, y), 4, fill.filled())))
        .map_err(err)?;
    Ok(())
}

macro_rules! chart {
    ($area:expr, $p:expr, $x:expr, $y:expr, $xdesc:expr, $ydesc:expr) => {{
        let mut chart = ChartBuilder::on($area)
            .margin(8)
            .margin_right(14)
            .x_label_area_size(42)
            .y_label_area_size(54)
            .build_cartesian_2d($x, $y)
            .map_err(err)?;
        let font = ("sans-serif", FONT).into_font().color(&$p.text);
        // Fewer x ticks on narrow charts (phones), so that their labels never touch.
        let x_ticks = if $area.dim_in_pixel().0 < 420 { 5 } else { 9 };
        chart
            .configure_mesh()
            .max_light_lines(0)
            .x_labels(x_ticks)
            .x_label_formatter(&|v| tick(*v))
            .y_label_formatter(&|v| tick(*v))
            .y_labels(5)
            .bold_line_style($p.grid)
            .axis_style($p.axis)
            .label_style(font.clone())
            .axis_desc_style(font)
            .x_desc($xdesc)
            .y_desc($ydesc)
            .draw()
            .map_err(err)?;
        chart
    }};
}

/// A tick label: no trailing zeros, a real minus sign ("−2", "0.5").
fn tick(v: f64) -> String {
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match s {
        "-0" | "" => "0".to_string(),
        _ => s.replace('-', "\u{2212}"),
    }
}

fn curve(range: (f64, f64), f: impl Fn(f64) -> f64) -> Vec<(f64, f64)> {
    (0..=SAMPLES)
        .map(|i| {
            let x = range.0 + (range.1 - range.0) * i as f64 / SAMPLES as f64;
            (x, f(x))
        })
        .collect()
}

fn draw_sigmoid<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    e: &Explained,
    p: &Palette,
) -> Res {
    let r = gap_range(e.gap);
    let mut chart = chart!(area, p, -r..r, -0.02..1.02, "Δ", "σ(Δ)");
    chart
        .draw_series(LineSeries::new(
            curve((-r, r), sigmoid),
            p.sigma.stroke_width(2),
        ))
        .map_err(err)?;
    // Guides: up from Δ on the x axis, then across to σ(Δ) on the y axis (read next in Step 2).
    chart
        .draw_series(LineSeries::new(
            [(e.gap, -0.02), (e.gap, e.sigmoid)],
            guide(p.gap),
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(-r, e.sigmoid), (e.gap, e.sigmoid)],
            guide(p.sigma),
        ))
        .map_err(err)?;
    dot(&mut chart, e.gap, e.sigmoid, p.sigma, p.text)
}

fn draw_log<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, e: &Explained, p: &Palette) -> Res {
    // The y axis reaches at least −5 and always far enough down to show the current log σ(Δ).
    let low = e.log_sigmoid.min(-5.0).floor() - 0.5;
    let mut chart = chart!(area, p, 0.0..1.0, low..0.5, "p", "log p");
    // log p dives to −∞ at 0: sample densely near 0 (on a log scale) and stop where the curve leaves the chart.
    let p_min = libm::exp(low);
    let mut points: Vec<(f64, f64)> = (0..=60)
        .map(|i| p_min * libm::pow(0.02 / p_min, i as f64 / 60.0))
        .chain((1..=SAMPLES).map(|i| 0.02 + 0.98 * i as f64 / SAMPLES as f64))
        .map(|x| (x, libm::log(x)))
        .collect();
    points.dedup_by(|a, b| a.0 <= b.0);
    chart
        .draw_series(LineSeries::new(points, p.log.stroke_width(2)))
        .map_err(err)?;
    // Guides: up from p = σ(Δ) (Step 1's answer), then across to log σ(Δ) (read next in Step 3).
    chart
        .draw_series(LineSeries::new(
            [(e.sigmoid, low), (e.sigmoid, e.log_sigmoid)],
            guide(p.sigma),
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(0.0, e.log_sigmoid), (e.sigmoid, e.log_sigmoid)],
            guide(p.log),
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(0.0, 0.0), (1.0, 0.0)],
            p.axis.stroke_width(1),
        ))
        .map_err(err)?;
    dot(&mut chart, e.sigmoid, e.log_sigmoid, p.log, p.text)
}

fn draw_loss<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, e: &Explained, p: &Palette) -> Res {
    let r = gap_range(e.gap);
    let top = r + 0.5;
    let mut chart = chart!(area, p, -r..r, -0.2..top, "Δ", "−log σ(Δ)");
    chart
        .draw_series(LineSeries::new(
            curve((-r, r), bt_loss),
            p.loss.stroke_width(2),
        ))
        .map_err(err)?;
    // Guides: Δ up to the curve, the loss (= −log σ(Δ), Step 2's value flipped) across to the y axis.
    chart
        .draw_series(LineSeries::new(
            [(e.gap, -0.2), (e.gap, e.loss)],
            guide(p.gap),
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(-r, e.loss), (e.gap, e.loss)],
            guide(p.loss),
        ))
        .map_err(err)?;
    dot(&mut chart, e.gap, e.loss, p.loss, p.text)
}

fn draw_gradient<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    e: &Explained,
    p: &Palette,
) -> Res {
    let r = gap_range(e.gap);
    let mut chart = chart!(area, p, -r..r, -1.05..0.05, "Δ", "dloss/dΔ");
    chart
        .draw_series(LineSeries::new(
            curve((-r, r), bt_loss_derivative),
            p.grad.stroke_width(2),
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(-r, 0.0), (r, 0.0)],
            p.axis.stroke_width(1),
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(e.gap, 0.05), (e.gap, e.dloss_dgap)],
            guide(p.gap),
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(-r, e.dloss_dgap), (e.gap, e.dloss_dgap)],
            guide(p.grad),
        ))
        .map_err(err)?;
    dot(&mut chart, e.gap, e.dloss_dgap, p.grad, p.text)
}
