//! The loss explorer's four charts (σ(Δ), log p, −log σ(Δ), dloss/dΔ) for one pair of rewards: their colours and
//! axis, how each is drawn, the sentence that says what it shows, and its data as a table.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend, RGBColor};

use super::Table;
use crate::charts::{
    self, draw_gradient, draw_log, draw_neg_log, draw_sigmoid, ChartError, CurveView, Layer,
    PlotFrame, Theme,
};
use crate::format::{fixed, limit_shift, parse_number, reward, snap_reward};
use crate::loss::{explain, Explained};

/// One of the explorer's four charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExplorerChart {
    /// Step 1: σ(Δ) against Δ.
    Sigmoid,
    /// Step 2: log p on p ∈ (0, 1].
    Log,
    /// Step 3: −log σ(Δ) against Δ.
    Loss,
    /// dloss/dΔ = −σ(−Δ) against Δ.
    Gradient,
}

/// Four decimals, as the explorer writes σ, log σ, the loss and the gradients.
fn n4(v: f64) -> String {
    fixed(v, 4)
}

/// The general formula, in MathML (rendered natively by the browser).
pub const FORMULA: &str = r#"<math display="inline" aria-label="loss equals minus log sigma of delta"><mrow><mi>loss</mi><mo>=</mo><mo>−</mo><mi>log</mi><mo>&#x2061;</mo><mi>σ</mi><mo stretchy="false">(</mo><mi>Δ</mi><mo stretchy="false">)</mo><mo>=</mo><mo>−</mo><mi>log</mi><mo>&#x2061;</mo><mfrac><mn>1</mn><mrow><mn>1</mn><mo>+</mo><msup><mi>e</mi><mrow><mo>−</mo><mi>Δ</mi></mrow></msup></mrow></mfrac></mrow></math><math display="inline" aria-label="delta equals r better minus r worse"><mrow><mi>Δ</mi><mo>=</mo><msub><mi>r</mi><mtext>better</mtext></msub><mo>−</mo><msub><mi>r</mi><mtext>worse</mtext></msub></mrow></math>"#;

/// One row of the explorer's numbers table: its label, its CSS class, its `data-testid`, and its value for `e` as
/// the page writes it.
pub type NumberRow = (&'static str, &'static str, &'static str, String);

/// The explorer's numbers table for `e`: Δ, the three parts, and both gradients.
pub fn number_rows(e: &Explained) -> [NumberRow; 6] {
    [
        ("Δ = r_better − r_worse", "c-gap", "gap", reward(e.gap)),
        ("Part 1: σ(Δ)", "c-sigma", "sigmoid", n4(e.sigmoid)),
        (
            "Part 2: log σ(Δ)",
            "c-log",
            "log-sigmoid",
            n4(e.log_sigmoid),
        ),
        (
            "Part 3: loss = −log σ(Δ)",
            "c-loss loss-row",
            "loss",
            n4(e.loss),
        ),
        (
            "∂loss/∂r_better = −σ(−Δ)",
            "c-grad",
            "dloss-dbetter",
            n4(e.dloss_dgap),
        ),
        (
            "∂loss/∂r_worse = σ(−Δ)",
            "c-grad",
            "dloss-dworse",
            n4(-e.dloss_dgap),
        ),
    ]
}

impl ExplorerChart {
    /// All four, in reading order.
    pub const ALL: [ExplorerChart; 4] = [
        ExplorerChart::Sigmoid,
        ExplorerChart::Log,
        ExplorerChart::Loss,
        ExplorerChart::Gradient,
    ];

    /// The canvas' `data-testid` (and the chart's download name).
    pub fn testid(self) -> &'static str {
        match self {
            ExplorerChart::Sigmoid => "chart-sigmoid",
            ExplorerChart::Log => "chart-log",
            ExplorerChart::Loss => "chart-loss",
            ExplorerChart::Gradient => "chart-gradient",
        }
    }

    /// The chart's title.
    pub fn title(self) -> &'static str {
        match self {
            ExplorerChart::Sigmoid => "Part 1 · σ(Δ)",
            ExplorerChart::Log => "Part 2 · log p",
            ExplorerChart::Loss => "Part 3 · −log σ(Δ)",
            ExplorerChart::Gradient => "Gradient · dloss/dΔ",
        }
    }

    /// How to read the chart, in one or two sentences.
    pub fn caption(self) -> &'static str {
        match self {
            ExplorerChart::Sigmoid => {
                "σ turns any gap into a number in (0, 1): the model's probability that a labeler prefers the \
                 better response. A gap of 0 gives ½."
            }
            ExplorerChart::Log => {
                "log σ is at most 0, reached only as σ → 1; as σ → 0 it falls without bound."
            }
            ExplorerChart::Loss => {
                "Times −1 makes a loss to minimize: never negative, ln 2 ≈ 0.693 at Δ = 0, near 0 for a wide \
                 right gap, about −Δ for a wrong one."
            }
            ExplorerChart::Gradient => {
                "Between −1 and 0: a pair ranked wrong pulls with weight near 1, a pair ranked right by a wide \
                 gap barely moves the model. It reaches 0 only in the limit."
            }
        }
    }

    /// The canvas' accessible name for `e`: what is plotted and where the mark is.
    pub fn aria_label(self, e: &Explained) -> String {
        match self {
            ExplorerChart::Sigmoid => format!(
                "σ(Δ) against Δ, marked at Δ = {}, σ = {}",
                reward(e.gap),
                n4(e.sigmoid)
            ),
            ExplorerChart::Log => format!(
                "log p against p, marked at p = {}, log p = {}",
                n4(e.sigmoid),
                n4(e.log_sigmoid)
            ),
            ExplorerChart::Loss => format!(
                "the loss −log σ(Δ) against Δ, marked at Δ = {}, loss = {}",
                reward(e.gap),
                n4(e.loss)
            ),
            ExplorerChart::Gradient => format!(
                "dloss/dΔ = −σ(−Δ) against Δ, marked at Δ = {}, value {}",
                reward(e.gap),
                n4(e.dloss_dgap)
            ),
        }
    }

    /// The curve's colour (Okabe–Ito; the page's CSS uses the same for the step's numbers).
    pub fn colour(self, dark: bool) -> RGBColor {
        match (self, dark) {
            (ExplorerChart::Sigmoid, _) => RGBColor(0xE6, 0x9F, 0x00),
            (ExplorerChart::Log, false) => RGBColor(0x00, 0x9E, 0x73),
            (ExplorerChart::Log, true) => RGBColor(0x2F, 0xC7, 0x9C),
            (ExplorerChart::Loss, false) => RGBColor(0xD5, 0x5E, 0x00),
            (ExplorerChart::Loss, true) => RGBColor(0xF0, 0x7B, 0x3F),
            (ExplorerChart::Gradient, false) => RGBColor(0xCC, 0x79, 0xA7),
            (ExplorerChart::Gradient, true) => RGBColor(0xE0, 0x8A, 0xC0),
        }
    }

    /// The chart theme: the curve in the step's colour; the current point and its guides in the text colour, so
    /// they stand out from every curve in both schemes.
    pub fn theme(self, dark: bool, presenting: bool) -> Theme {
        let mut theme = Theme::for_page(presenting, dark);
        theme.series[0] = self.colour(dark && !presenting);
        theme.marker = theme.text;
        if !presenting {
            theme.font_size = 14.0;
        }
        theme
    }

    /// The curve chart's view with the gap `gap` marked.
    fn view(gap: f64, layer: Layer) -> CurveView<'static> {
        CurveView {
            x_range: gap_range(gap),
            delta: Some(gap),
            dots: &[],
            layer,
        }
    }

    /// Where [`ExplorerChart::draw`] puts the plot area when the gap is `gap` (it picks the Δ axis, see
    /// [`gap_range`]), on a `width` × `height` area (CSS pixels) in `theme`; `None` when the area is too small.
    pub fn frame(self, gap: f64, theme: &Theme, width: u32, height: u32) -> Option<PlotFrame> {
        let view = ExplorerChart::view(gap, Layer::All);
        let axes = match self {
            ExplorerChart::Sigmoid => charts::sigmoid_axes(&view),
            ExplorerChart::Log => charts::log_axes(),
            ExplorerChart::Loss => charts::neg_log_axes(&view),
            ExplorerChart::Gradient => charts::gradient_axes(&view),
        };
        charts::plot_frame(theme, &axes, (width, height))
    }

    /// The gap Δ under pixel column `px` of `frame` (from [`ExplorerChart::frame`]), pinned to the Δ axis shown: for
    /// dragging the marker. `None` for the log chart, whose x axis is p, not Δ. The axis can widen from ±8 to ±16
    /// once |Δ| passes 8, so take a fresh frame after each change of Δ.
    pub fn gap_at(self, frame: &PlotFrame, px: f64) -> Option<f64> {
        if self == ExplorerChart::Log || !px.is_finite() {
            return None;
        }
        let (lo, hi) = (frame.x.0.min(frame.x.1), frame.x.0.max(frame.x.1));
        Some(frame.to_data(px, frame.bottom).0.clamp(lo, hi))
    }

    /// Draws `layer` of the chart with the current gap `gap` marked.
    pub fn draw<DB: DrawingBackend>(
        self,
        area: &DrawingArea<DB, Shift>,
        gap: f64,
        layer: Layer,
        theme: &Theme,
    ) -> Result<(), ChartError> {
        let view = ExplorerChart::view(gap, layer);
        match self {
            ExplorerChart::Sigmoid => draw_sigmoid(area, &view, theme),
            ExplorerChart::Log => draw_log(area, &view, theme),
            ExplorerChart::Loss => draw_neg_log(area, &view, theme),
            ExplorerChart::Gradient => draw_gradient(area, &view, theme),
        }
    }

    /// What the chart shows now, in one sentence.
    pub fn sentence(self, e: &Explained) -> String {
        match self {
            ExplorerChart::Sigmoid => format!(
                "The curve σ(Δ) rises from 0 to 1; marked at Δ = {}, where σ = {}.",
                n4(e.gap),
                n4(e.sigmoid)
            ),
            ExplorerChart::Log => format!(
                "The curve log p rises to 0 at p = 1; marked at p = {}, where log p = {}.",
                n4(e.sigmoid),
                n4(e.log_sigmoid)
            ),
            ExplorerChart::Loss => format!(
                "The loss −log σ(Δ) falls toward 0 as Δ grows; marked at Δ = {}, where the loss is {}.",
                n4(e.gap),
                n4(e.loss)
            ),
            ExplorerChart::Gradient => format!(
                "dloss/dΔ = −σ(−Δ) rises from −1 toward 0; marked at Δ = {}, where it is {}.",
                n4(e.gap),
                n4(e.dloss_dgap)
            ),
        }
    }

    /// The curve at nine evenly spaced gaps across the chart's axis, then the marked point.
    pub fn table(self, e: &Explained) -> Table {
        let (lo, hi) = gap_range(e.gap);
        let every = (hi - lo) / 8.0;
        let mut points: Vec<(Explained, bool)> = (0..=8)
            .map(|k| (explain(lo + every * k as f64, 0.0), false))
            .collect();
        points.push((*e, true));
        let mark = |now: bool, v: String| if now { format!("{v} (marked)") } else { v };
        let rows = points
            .iter()
            .map(|(p, now)| match self {
                ExplorerChart::Sigmoid => vec![mark(*now, n4(p.gap)), n4(p.sigmoid)],
                ExplorerChart::Log => vec![mark(*now, n4(p.sigmoid)), n4(p.log_sigmoid)],
                ExplorerChart::Loss => vec![mark(*now, n4(p.gap)), n4(p.loss)],
                ExplorerChart::Gradient => vec![mark(*now, n4(p.gap)), n4(p.dloss_dgap)],
            })
            .collect();
        let head: &[&str] = match self {
            ExplorerChart::Sigmoid => &["Δ", "σ(Δ)"],
            ExplorerChart::Log => &["p = σ(Δ)", "log p"],
            ExplorerChart::Loss => &["Δ", "−log σ(Δ)"],
            ExplorerChart::Gradient => &["Δ", "dloss/dΔ"],
        };
        Table::new(head, rows)
    }
}

/// The Δ axis: ±8 while the gap fits, ±16 (the widest gap two rewards in −8..8 can make) beyond.
pub fn gap_range(gap: f64) -> (f64, f64) {
    if gap.abs() <= 8.0 {
        (-8.0, 8.0)
    } else {
        (-16.0, 16.0)
    }
}

/// "Add c to both" on `rewards` with c typed as `text`: the new rewards (c limited so both stay in range, each on
/// the grid) and the sentence saying what happened; or, when `text` is not a number, the message saying so.
pub fn shift(rewards: (f64, f64), text: &str) -> Result<((f64, f64), String), String> {
    let Some(c) = parse_number(text) else {
        return Err(format!("c must be a number, got \"{text}\""));
    };
    let (b, w) = rewards;
    let used = limit_shift(b, w, c);
    let after = (snap_reward(b + used), snap_reward(w + used));
    Ok((after, shift_sentence(rewards, after, c, used)))
}

/// What "Add c to both" did, in one line: the shift used (`used`, limited from `asked` so both rewards stay in
/// range), both rewards before and after, and that Δ and the loss stayed.
pub fn shift_sentence(before: (f64, f64), after: (f64, f64), asked: f64, used: f64) -> String {
    let (b, a) = (explain(before.0, before.1), explain(after.0, after.1));
    let limited = if used != asked {
        format!(" (c limited to {} so both stay in −8..8)", reward(used))
    } else {
        String::new()
    };
    format!(
        "Added {}{limited}: r_better {} → {}, r_worse {} → {}. Δ {} → {}, loss {} → {}.",
        reward(used),
        reward(before.0),
        reward(after.0),
        reward(before.1),
        reward(after.1),
        reward(b.gap),
        reward(a.gap),
        n4(b.loss),
        n4(a.loss),
    )
}
