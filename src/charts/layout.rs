//! Where a chart's parts sit in its drawing area: margins and label areas sized from the tick labels actually drawn
//! (so that none is cut at an edge), and the plot area as a [`PlotFrame`] that maps data to pixels and back.
//!
//! Text widths are estimated, not measured (no font is at hand natively): [`CHAR_WIDTH`] font sizes per character,
//! a little wider than the digits, signs and most letters of a sans-serif font. The canvas draws labels at the
//! theme's font size; the SVG backend draws them 1.24 times smaller, so the estimate is generous there.

use super::frame::Frame;
use super::Theme;
use plotters::coord::ranged1d::Ranged;
use plotters::coord::types::RangedCoordf64;
use std::ops::Range;

/// Estimated width of one character of a label, in font sizes.
pub(crate) const CHAR_WIDTH: f64 = 0.6;

/// Where a chart draws its plot area, in CSS pixels of its drawing area (origin at the top left, y growing
/// downward), and the data ranges shown there. `left`/`right` are the pixel columns of `x.0`/`x.1`, `bottom`/`top`
/// the pixel rows of `y.0`/`y.1`; a point between maps linearly (plotters rounds the drawn mark down to a whole
/// pixel, so a mark sits within one pixel of [`PlotFrame::to_pixel`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotFrame {
    /// Pixel column of the left end of the x axis (data `x.0`).
    pub left: f64,
    /// Pixel row of the top of the plot area (data `y.1`).
    pub top: f64,
    /// Pixel column of the right end of the x axis (data `x.1`).
    pub right: f64,
    /// Pixel row of the bottom of the plot area (data `y.0`).
    pub bottom: f64,
    /// The x range shown, `(from, to)`.
    pub x: (f64, f64),
    /// The y range shown, `(from, to)`.
    pub y: (f64, f64),
}

impl PlotFrame {
    /// The pixel of data point `(x, y)`: px = left + (x − x₀)/(x₁ − x₀)·(right − left), and py likewise from
    /// `bottom` up to `top`. Points outside the ranges map outside the plot area.
    pub fn to_pixel(&self, x: f64, y: f64) -> (f64, f64) {
        let tx = (x - self.x.0) / (self.x.1 - self.x.0);
        let ty = (y - self.y.0) / (self.y.1 - self.y.0);
        (
            self.left + tx * (self.right - self.left),
            self.bottom - ty * (self.bottom - self.top),
        )
    }

    /// The data point under pixel `(px, py)`, the inverse of [`PlotFrame::to_pixel`] (not clamped to the ranges).
    pub fn to_data(&self, px: f64, py: f64) -> (f64, f64) {
        let tx = (px - self.left) / (self.right - self.left);
        let ty = (self.bottom - py) / (self.bottom - self.top);
        (
            self.x.0 + tx * (self.x.1 - self.x.0),
            self.y.0 + ty * (self.y.1 - self.y.0),
        )
    }

    /// Whether pixel `(px, py)` lies on the plot area (edges included).
    pub fn contains(&self, px: f64, py: f64) -> bool {
        (self.left..=self.right).contains(&px) && (self.top..=self.bottom).contains(&py)
    }
}

/// The sizes plotters places one chart with, all in pixels.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Layout {
    /// Margins in `ChartBuilder`'s order: top, bottom, left, right.
    pub margin: [u32; 4],
    /// Height of the x label area (tick labels and description) below the plot.
    pub x_area: u32,
    /// Width of the y label area (description and tick labels) left of the plot.
    pub y_area: u32,
    /// Length of a tick mark; a tick label sits two tick lengths from its axis.
    pub tick: u32,
    /// Labelled ticks on x: the frame's count, fewer when their labels would overlap.
    pub x_labels: usize,
    /// Labelled ticks on y: the frame's count, fewer on a short chart so the labels keep a line of space between
    /// them (a list of categories, such as words, keeps every label).
    pub y_labels: usize,
    /// The x axis description, shortened when the whole one would not fit.
    pub x_desc: String,
    /// The y axis description (turned upright), shortened when the whole one would not fit.
    pub y_desc: String,
}

/// Up to this many y labels an axis is numeric and may show fewer on a short chart; more are categories.
const NUMERIC_LABELS: usize = 8;

/// The estimated width of `text` in pixels at font size `font`.
pub(crate) fn text_width(text: &str, font: f64) -> f64 {
    text.chars().count() as f64 * CHAR_WIDTH * font
}

/// The labels of the ticks plotters draws on `range` when asked for at most `n`: its key points, each formatted.
pub(crate) fn tick_labels(
    range: &Range<f64>,
    n: usize,
    fmt: &dyn Fn(&f64) -> String,
) -> Vec<String> {
    RangedCoordf64::from(range.clone())
        .key_points(n)
        .iter()
        .map(fmt)
        .collect()
}

/// `desc` made to fit `room` pixels: whole if it fits, else the part before " = " (e.g. "loss" of
/// "loss = −log σ(Δ)"), else cut short with "…", else nothing.
fn fit_desc(desc: &str, room: f64, font: f64) -> String {
    if text_width(desc, font) <= room {
        return desc.to_string();
    }
    let head = desc.split(" = ").next().unwrap_or(desc).trim();
    if text_width(head, font) <= room {
        return head.to_string();
    }
    let keep = (room / (CHAR_WIDTH * font)).floor() as usize;
    if keep < 2 {
        return String::new();
    }
    head.chars().take(keep - 1).chain(['\u{2026}']).collect()
}

/// How `frame` is laid out on a `width` × `height` area in `theme`; `None` when the area is too small for a plot.
pub(crate) fn layout(theme: &Theme, frame: &Frame, (width, height): (u32, u32)) -> Option<Layout> {
    let font = theme.font_size.max(1.0);
    let (w, h) = (width as f64, height as f64);
    let margin = (font * 0.8).ceil();
    let tick = (font * 0.3).ceil().max(3.0);
    let rows = if frame.x_desc.is_empty() { 1.3 } else { 2.6 };
    let x_area = (2.0 * tick + rows * font).ceil();
    // Fewer numeric y labels while they would sit closer than 1.8 font sizes apart.
    let plot_h = h - 2.0 * margin - x_area;
    let mut y_labels = frame.y_labels;
    if y_labels <= NUMERIC_LABELS {
        while y_labels > 2
            && tick_labels(&frame.y, y_labels, &*frame.y_fmt).len() as f64 * 1.8 * font > plot_h
        {
            y_labels -= 1;
        }
    }
    // The y labels end two ticks left of the axis; the rotated description takes 1.2 font sizes and a gap.
    let widest_y = tick_labels(&frame.y, y_labels, &*frame.y_fmt)
        .iter()
        .map(|l| text_width(l, font))
        .fold(0.0, f64::max);
    let y_desc_room = if frame.y_desc.is_empty() {
        0.0
    } else {
        1.5 * font
    };
    let y_area = (y_desc_room + widest_y + 2.0 * tick).ceil();
    // Below the plot: two ticks, a row of labels, then the description (x_area above).
    let (top, bottom) = (margin, margin);

    // Fewer x labels while they would overlap; the first and last label may sit on the plot's ends, half outside.
    let mut x_labels = frame.x_labels;
    let (left, right) = loop {
        let labels = tick_labels(&frame.x, x_labels, &*frame.x_fmt);
        let half = |l: Option<&String>| l.map_or(0.0, |l| text_width(l, font) / 2.0 + 1.0);
        let left = margin.max((half(labels.first()) - y_area).ceil());
        let right = margin.max(half(labels.last()).ceil());
        let plot_w = w - left - y_area - right;
        let widest = labels
            .iter()
            .map(|l| text_width(l, font))
            .fold(0.0, f64::max);
        let needed = labels.len() as f64 * (widest + font);
        if x_labels <= 2 || needed <= plot_w {
            break (left, right);
        }
        x_labels -= 1;
    };

    if w < left + y_area + right + 16.0 || h < top + bottom + x_area + 16.0 {
        return None;
    }
    let plot_w = w - left - y_area - right;
    let plot_h = h - top - bottom - x_area;
    // Each description is centred on the plot's side; it must fit between the picture's edges.
    let centre_x = left + y_area + plot_w / 2.0;
    let centre_y = top + plot_h / 2.0;
    let x_room = 2.0 * (centre_x.min(w - centre_x) - 1.0);
    let y_room = 2.0 * (centre_y.min(h - centre_y) - 1.0);
    Some(Layout {
        margin: [top as u32, bottom as u32, left as u32, right as u32],
        x_area: x_area as u32,
        y_area: y_area as u32,
        tick: tick as u32,
        x_labels,
        y_labels,
        x_desc: fit_desc(frame.x_desc, x_room, font),
        y_desc: fit_desc(frame.y_desc, y_room, font),
    })
}

impl Layout {
    /// The plot area of this layout on a `width` × `height` area, as plotters maps it: its pixel columns run from
    /// the left margin plus the y label area to one before the right margin, its rows likewise.
    pub fn plot_frame(&self, frame: &Frame, (width, height): (u32, u32)) -> PlotFrame {
        let [top, bottom, left, right] = self.margin.map(f64::from);
        PlotFrame {
            left: left + self.y_area as f64,
            top,
            right: width as f64 - right - 1.0,
            bottom: height as f64 - bottom - self.x_area as f64 - 1.0,
            x: (frame.x.start, frame.x.end),
            y: (frame.y.start, frame.y.end),
        }
    }
}

/// Where a chart with axes `frame` draws its plot area on a `width` × `height` area in `theme`; `None` when the
/// area is too small and the chart draws no plot.
pub(crate) fn plot_frame(theme: &Theme, frame: &Frame, size: (u32, u32)) -> Option<PlotFrame> {
    layout(theme, frame, size).map(|l| l.plot_frame(frame, size))
}
