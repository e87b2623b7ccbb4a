//! Colours, stroke widths and font sizes shared by every chart: light, dark and a projector theme.

use plotters::prelude::*;

/// The Okabe–Ito palette: eight colours that stay distinct for the common kinds of colour blindness.
///
/// In order: black, orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple.
pub const OKABE_ITO: [RGBColor; 8] = [
    RGBColor(0x00, 0x00, 0x00),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xF0, 0xE4, 0x42),
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0xCC, 0x79, 0xA7),
];

/// How a chart looks. The charts read the series colours by role:
/// `series[0]` the main curve, train line and pair dots; `series[1]` the test line and "ranked wrong";
/// `series[2]` "ranked right"; `series[3]` the selected pair; `series[4]`, `series[5]` spare.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    /// Fill behind the whole chart.
    pub background: RGBColor,
    /// Axis labels and axis descriptions.
    pub text: RGBColor,
    /// The light grid at the labelled ticks.
    pub grid: RGBColor,
    /// The axis lines and tick marks.
    pub axis: RGBColor,
    /// Colour-blind-safe series colours (Okabe–Ito), by role (see [`Theme`]).
    pub series: [RGBColor; 6],
    /// The current Δ (or p) and its guide lines to the axes.
    pub marker: RGBColor,
    /// Width of data lines in pixels; thin lines (per-pair gaps, guides) are 1 px.
    pub stroke_width: u32,
    /// Axis label size in pixels.
    pub font_size: f64,
    /// Device pixels per CSS pixel this theme is drawn at (1 everywhere but a page drawing at its screen's
    /// devicePixelRatio: see [`Theme::scaled`]).
    pub scale: f64,
}

impl Theme {
    /// Dark text on white.
    pub fn light() -> Theme {
        Theme {
            background: RGBColor(0xFF, 0xFF, 0xFF),
            text: RGBColor(0x22, 0x22, 0x22),
            grid: RGBColor(0xE4, 0xE4, 0xE4),
            axis: RGBColor(0x55, 0x55, 0x55),
            series: [
                OKABE_ITO[5],
                OKABE_ITO[6],
                OKABE_ITO[3],
                OKABE_ITO[1],
                OKABE_ITO[2],
                OKABE_ITO[7],
            ],
            marker: OKABE_ITO[7],
            stroke_width: 2,
            font_size: 13.0,
            scale: 1.0,
        }
    }

    /// Light text on a near-black background; the series start with sky blue, which reads well on dark.
    pub fn dark() -> Theme {
        Theme {
            background: RGBColor(0x1E, 0x1E, 0x1E),
            text: RGBColor(0xE6, 0xE6, 0xE6),
            grid: RGBColor(0x3A, 0x3A, 0x3A),
            axis: RGBColor(0xAA, 0xAA, 0xAA),
            series: [
                OKABE_ITO[2],
                OKABE_ITO[6],
                OKABE_ITO[3],
                OKABE_ITO[1],
                OKABE_ITO[7],
                OKABE_ITO[4],
            ],
            marker: OKABE_ITO[4],
            stroke_width: 2,
            font_size: 13.0,
            scale: 1.0,
        }
    }

    /// For a projector: the light colours with thick lines and big labels.
    pub fn presentation() -> Theme {
        Theme {
            grid: RGBColor(0xD0, 0xD0, 0xD0),
            axis: RGBColor(0x22, 0x22, 0x22),
            text: RGBColor(0x00, 0x00, 0x00),
            stroke_width: 4,
            font_size: 22.0,
            ..Theme::light()
        }
    }

    /// The theme a page draws with: presentation mode's, else dark or light by the reader's colour scheme.
    pub fn for_page(presenting: bool, dark: bool) -> Theme {
        if presenting {
            Theme::presentation()
        } else if dark {
            Theme::dark()
        } else {
            Theme::light()
        }
    }

    /// This theme for a chart `height` CSS pixels tall: labels no taller than a ninth of the chart (never under
    /// 11 px), so a small chart in presentation mode keeps room for its plot. Every other style stays.
    pub fn fit_to(self, height: u32) -> Theme {
        let most = (f64::from(height) / 9.0).max(11.0) * self.scale;
        Theme {
            font_size: self.font_size.min(most),
            ..self
        }
    }

    /// This theme for drawing straight in device pixels at `ratio` device pixels per CSS pixel: labels, lines and
    /// dots keep their size on screen, and curves are placed to the device pixel instead of to the CSS pixel (so
    /// they are smooth on a high-DPI screen rather than stair-stepped). Hairlines stay one device pixel.
    pub fn scaled(self, ratio: f64) -> Theme {
        let ratio = if ratio.is_finite() && ratio > 0.0 {
            ratio
        } else {
            1.0
        };
        Theme {
            font_size: self.font_size * ratio,
            stroke_width: ((f64::from(self.stroke_width) * ratio).round() as u32).max(1),
            scale: self.scale * ratio,
            ..self
        }
    }

    /// The style of a data line in series colour `i` (wraps around).
    pub fn line(&self, i: usize) -> ShapeStyle {
        self.series[i % self.series.len()].stroke_width(self.stroke_width)
    }

    /// Colour of a pair ranked right (chosen above rejected).
    pub fn right(&self) -> RGBColor {
        self.series[2]
    }

    /// Colour of a pair ranked wrong (chosen not above rejected).
    pub fn wrong(&self) -> RGBColor {
        self.series[1]
    }

    /// Colour of the selected pair.
    pub fn selected(&self) -> RGBColor {
        self.series[3]
    }

    /// Radius of a pair's dot in pixels; a selected pair's dot is twice as big.
    pub fn dot_radius(&self) -> i32 {
        (f64::from(self.stroke_width) + 2.0 * self.scale).round() as i32
    }
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::light()
    }
}
