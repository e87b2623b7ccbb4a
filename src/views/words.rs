//! The linear model's largest word weights: its reward is the sum of its words' weights plus a bias.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::text::n3;
use super::{Focus, RunView, Table};
use crate::charts::{self, top_words, ChartError, Layer, PlotFrame, Theme, WordWeightsView};
use crate::train::{PairState, Trainer};

/// The linear model's largest word weights.
pub struct Words;

impl RunView for Words {
    const ID: &'static str = "live-words";
    const FILE: &'static str = "word_weights.svg";
    const TITLE: &'static str = "Word weights";
    const CAPTION: &'static str =
        "The linear model's reward is the sum of its words' weights (plus a bias).";
    /// Every word's weight, and how many of each sign to show.
    type Data = (Vec<(String, f64)>, usize);

    fn applies(run: &Trainer) -> bool {
        run.model().word_weights().is_some()
    }

    fn data(run: &mut Trainer, focus: &Focus) -> Self::Data {
        (run.model().word_weights().unwrap_or_default(), focus.words)
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        (weights, top_k): &Self::Data,
        theme: &Theme,
        _: Layer,
    ) -> Result<(), ChartError> {
        let view = WordWeightsView {
            weights,
            top_k: *top_k,
        };
        charts::draw_word_weights(area, &view, theme)
    }

    fn frame((weights, top_k): &Self::Data, theme: &Theme, size: (u32, u32)) -> Option<PlotFrame> {
        let axes = charts::words_axes(&top_words(weights, *top_k));
        charts::plot_frame(theme, &axes, size)
    }

    fn sentence(run: &mut Trainer, _: &[PairState]) -> String {
        let top = top_words(&run.model().word_weights().unwrap_or_default(), 3);
        if top.is_empty() {
            return "Every word weight is 0 at this step.".to_string();
        }
        let parts: Vec<String> = top.iter().map(|(w, v)| format!("{w} {}", n3(*v))).collect();
        format!(
            "Largest word weights, highest to lowest: {}.",
            parts.join(", ")
        )
    }

    fn table(run: &mut Trainer, _: &[PairState]) -> Table {
        let rows = top_words(&run.model().word_weights().unwrap_or_default(), 8)
            .into_iter()
            .map(|(w, v)| vec![w, n3(v)])
            .collect();
        Table::new(&["word", "weight"], rows)
    }
}
