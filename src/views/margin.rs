//! Accuracy by labeled margin, for data whose labelers said how strongly they preferred (Llama 2's margins).

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::text::{n3, pct};
use super::{Focus, RunView, Table};
use crate::charts::{
    self, accuracy_by_margin, ChartError, Layer, MarginAccuracyView, MarginBar, PlotFrame, Theme,
};
use crate::train::{PairState, Trainer};

/// Accuracy per labeled margin (data with margins).
pub struct Margin;

/// The bars: one per labeled margin, with the share of its pairs ranked right.
fn bars(run: &Trainer, pairs: &[PairState]) -> Vec<MarginBar> {
    let margins: Vec<Option<f64>> = run.dataset().pairs.iter().map(|p| p.margin).collect();
    let correct: Vec<bool> = pairs.iter().map(|p| p.gap > 0.0).collect();
    accuracy_by_margin(&margins, &correct)
}

impl RunView for Margin {
    const ID: &'static str = "live-margin";
    const FILE: &'static str = "accuracy_by_margin.svg";
    const TITLE: &'static str = "Accuracy by labeled margin";
    const CAPTION: &'static str =
        "Pairs grouped by how strongly the labeler preferred the better response.";
    type Data = Vec<MarginBar>;

    fn applies(run: &Trainer) -> bool {
        run.dataset().pairs.iter().any(|p| p.margin.is_some())
    }

    fn data(run: &mut Trainer, _: &Focus) -> Self::Data {
        let pairs = run.pair_states();
        bars(run, &pairs)
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        bars: &Self::Data,
        theme: &Theme,
        _: Layer,
    ) -> Result<(), ChartError> {
        charts::draw_accuracy_by_margin(area, &MarginAccuracyView { bars }, theme)
    }

    fn frame(bars: &Self::Data, theme: &Theme, size: (u32, u32)) -> Option<PlotFrame> {
        let axes = charts::margin_axes(&MarginAccuracyView { bars });
        charts::plot_frame(theme, &axes, size)
    }

    fn sentence(run: &mut Trainer, pairs: &[PairState]) -> String {
        let parts: Vec<String> = bars(run, pairs)
            .iter()
            .map(|b| {
                format!(
                    "m = {}: {} of {} pairs right",
                    n3(b.margin),
                    pct(b.accuracy),
                    b.pairs
                )
            })
            .collect();
        format!("Accuracy by labeled margin: {}.", parts.join("; "))
    }

    fn table(run: &mut Trainer, pairs: &[PairState]) -> Table {
        let rows = bars(run, pairs)
            .iter()
            .map(|b| vec![n3(b.margin), pct(b.accuracy), b.pairs.to_string()])
            .collect();
        Table::new(&["labeled margin m", "accuracy", "pairs"], rows)
    }
}
