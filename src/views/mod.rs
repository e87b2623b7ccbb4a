//! The run charts, one registry above `train` and `charts`: for each chart its title, caption, whether it applies
//! to a run, the plain data it takes from a [`Trainer`], the sentence that says what it shows now, its data as a
//! table, its file name, and how it is drawn. The page, the CLI's SVG files and the text alternatives all read it.
//!
//! The loss explorer's four charts, which show one pair of rewards rather than a run, are [`ExplorerChart`].
//!
//! A new run chart is one file here (a type that implements [`RunView`]) plus one line in [`registry!`]'s list below.
//! The chart functions in `crate::charts` keep taking plain data and never learn about a `Trainer`.

mod accuracy;
mod explorer;
pub mod first_view;
mod gaps;
mod loss;
mod margin;
mod neg_log;
mod pull;
mod rewards;
mod sigmoid;
mod table;
mod text;
mod truth;
mod words;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use crate::charts::{ChartError, Layer, PlotFrame, Theme};
use crate::train::{PairState, Trainer};

pub use explorer::{
    gap_range, number_rows, shift, shift_sentence, ExplorerChart, NumberRow, FORMULA,
};
pub use table::Table;
pub use text::{correlation, count, step_means, tie_note};

/// What the reader is looking at, which some charts mark: the followed pair, the pairs of a slow step's batch, and
/// how many words of each sign a word chart lists.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Focus<'a> {
    /// The followed pair, by index into the data set.
    pub selected: Option<usize>,
    /// Pairs lit up as the current batch (the slow step's).
    pub batch: &'a [usize],
    /// Words of each sign a word-weight chart shows.
    pub words: usize,
}

impl Focus<'_> {
    /// Nothing marked, as the CLI's files draw a run (ten words of each sign).
    pub const FILE: Focus<'static> = Focus {
        selected: None,
        batch: &[],
        words: 10,
    };

    /// The page's focus: the followed pair and a batch (six words of each sign fit a page chart).
    pub fn page(selected: Option<usize>, batch: &[usize]) -> Focus<'_> {
        Focus {
            selected,
            batch,
            words: 6,
        }
    }
}

/// One run chart. Each implementation is one file of this module.
pub trait RunView {
    /// The chart's id on the page: its test id and the name of its PNG and SVG downloads.
    const ID: &'static str;
    /// The file the CLI writes it to.
    const FILE: &'static str;
    /// Its title, shown above it.
    const TITLE: &'static str;
    /// One line under it on how to read it.
    const CAPTION: &'static str;
    /// The plain data it draws.
    type Data;

    /// Whether the chart means something for this run (e.g. word weights only for the linear model).
    fn applies(_run: &Trainer) -> bool {
        true
    }
    /// The plain data of `run` that the chart draws, with what `focus` marks.
    fn data(run: &mut Trainer, focus: &Focus) -> Self::Data;
    /// Draws `data` (the curve charts draw only one `layer` when asked; the others draw everything).
    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        data: &Self::Data,
        theme: &Theme,
        layer: Layer,
    ) -> Result<(), ChartError>;
    /// Where [`RunView::draw`] puts the plot area of `data` on a `size` (width, height) area in `theme`; `None`
    /// when the chart has no plot area (or the area is too small for one).
    fn frame(_data: &Self::Data, _theme: &Theme, _size: (u32, u32)) -> Option<PlotFrame> {
        None
    }
    /// One short sentence on what the chart shows now (its text alternative); `pairs` are `run`'s pair states.
    fn sentence(run: &mut Trainer, pairs: &[PairState]) -> String;
    /// The data the chart draws, as a table.
    fn table(run: &mut Trainer, pairs: &[PairState]) -> Table;
}

/// Builds [`RunChart`], one variant per chart type, and the methods that dispatch to each chart's [`RunView`].
macro_rules! registry {
    ($($(#[$doc:meta])* $variant:ident => $view:ty,)*) => {
        /// One run chart, in the order the page shows them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum RunChart {
            $($(#[$doc])* $variant,)*
        }

        impl RunChart {
            /// Every run chart, in the order the page shows them.
            pub const ALL: &'static [RunChart] = &[$(RunChart::$variant,)*];

            /// The chart's id on the page (test id, download name).
            pub fn id(self) -> &'static str {
                match self { $(RunChart::$variant => <$view>::ID,)* }
            }

            /// The file the CLI writes it to.
            pub fn file(self) -> &'static str {
                match self { $(RunChart::$variant => <$view>::FILE,)* }
            }

            /// Its title.
            pub fn title(self) -> &'static str {
                match self { $(RunChart::$variant => <$view>::TITLE,)* }
            }

            /// One line on how to read it.
            pub fn caption(self) -> &'static str {
                match self { $(RunChart::$variant => <$view>::CAPTION,)* }
            }

            /// Whether it means something for `run`.
            pub fn applies(self, run: &Trainer) -> bool {
                match self { $(RunChart::$variant => <$view>::applies(run),)* }
            }

            /// Draws it for `run`: takes the chart's data from the run, then draws that data.
            pub fn draw<DB: DrawingBackend>(
                self,
                area: &DrawingArea<DB, Shift>,
                run: &mut Trainer,
                focus: &Focus,
                theme: &Theme,
                layer: Layer,
            ) -> Result<(), ChartError> {
                match self {
                    $(RunChart::$variant => {
                        let data = <$view>::data(run, focus);
                        <$view>::draw(area, &data, theme, layer)
                    })*
                }
            }

            /// Where its plot area sits when drawn for `run` on a `width` × `height` area (CSS pixels) in `theme`, as
            /// the page draws it (the followed pair and the batch move no axis): the same layout as
            /// [`RunChart::draw`]. `None` when the chart has no plot area there (the area is too small).
            pub fn frame(
                self,
                run: &mut Trainer,
                theme: &Theme,
                width: u32,
                height: u32,
            ) -> Option<PlotFrame> {
                match self {
                    $(RunChart::$variant => {
                        let data = <$view>::data(run, &Focus::page(None, &[]));
                        <$view>::frame(&data, theme, (width, height))
                    })*
                }
            }

            /// One short sentence on what it shows now.
            pub fn sentence(self, run: &mut Trainer, pairs: &[PairState]) -> String {
                match self { $(RunChart::$variant => <$view>::sentence(run, pairs),)* }
            }

            /// Its data as a table.
            pub fn table(self, run: &mut Trainer, pairs: &[PairState]) -> Table {
                match self { $(RunChart::$variant => <$view>::table(run, pairs),)* }
            }
        }
    };
}

registry! {
    /// Train and test loss over steps.
    Loss => loss::Loss,
    /// Train and test accuracy over steps.
    Accuracy => accuracy::Accuracy,
    /// Every followed pair's gap over steps, and the mean.
    Gaps => gaps::Gaps,
    /// Every pair as a dot on σ(Δ).
    Sigmoid => sigmoid::Sigmoid,
    /// Every pair as a dot on −log σ(Δ).
    NegLog => neg_log::NegLog,
    /// Chosen and rejected reward of every pair.
    Rewards => rewards::Rewards,
    /// σ(−Δ), the pull, of every pair.
    Pull => pull::Pull,
    /// Learned reward against true quality (data with a known truth).
    Truth => truth::Truth,
    /// Accuracy per labeled margin (data with margins).
    Margin => margin::Margin,
    /// The linear model's largest word weights.
    Words => words::Words,
}

impl RunChart {
    /// Whether the chart is a curve with pairs as dots on it, drawn as a cached static layer plus moving dots.
    pub fn is_curve(self) -> bool {
        matches!(self, RunChart::Sigmoid | RunChart::NegLog)
    }

    /// The pair (its index into the data set, as [`Focus::selected`] takes it) whose dot the σ(Δ) or −log σ(Δ)
    /// chart of `run` draws nearest to pixel `(px, py)` of `frame` (from [`RunChart::frame`]), if that dot's centre
    /// lies within `radius` pixels; `None` for the other charts. Only drawn dots count: past
    /// [`crate::charts::MAX_MARKS`] pairs, the evenly spaced sample. Of dots at the same distance, the one drawn on
    /// top (the later pair) wins.
    pub fn nearest_pair(
        self,
        run: &mut Trainer,
        frame: &PlotFrame,
        px: f64,
        py: f64,
        radius: f64,
    ) -> Option<usize> {
        self.nearest_drawn_pair(run, &Focus::FILE, frame, px, py, radius)
    }

    /// [`RunChart::nearest_pair`] among the dots drawn with `focus`: the sample and, besides, the followed pair and
    /// the batch, which are drawn on top of the others and win a tie.
    pub fn nearest_drawn_pair(
        self,
        run: &mut Trainer,
        focus: &Focus,
        frame: &PlotFrame,
        px: f64,
        py: f64,
        radius: f64,
    ) -> Option<usize> {
        let at = match self {
            RunChart::Sigmoid => crate::charts::sigmoid_point,
            RunChart::NegLog => crate::charts::neg_log_point,
            _ => return None,
        };
        sigmoid::CurveDots::of(run, focus).nearest(at, frame, (px, py), radius)
    }
}
