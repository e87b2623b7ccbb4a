//! The chosen and the rejected reward of every pair, as one dumbbell per pair.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::text::{n3, per_pair, sample_note};
use super::{Focus, RunView, Table};
use crate::charts::{self, ChartError, Layer, PairRewardsView, PlotFrame, Theme};
use crate::train::{PairState, Trainer};

/// Chosen and rejected reward of every pair.
pub struct Rewards;

impl RunView for Rewards {
    const ID: &'static str = "live-rewards";
    const FILE: &'static str = "rewards.svg";
    const TITLE: &'static str = "Rewards: better vs worse";
    const CAPTION: &'static str =
        "One dumbbell per pair: green when the better response is ahead, red when behind.";
    type Data = (Vec<(f64, f64)>, Option<usize>);

    fn data(run: &mut Trainer, focus: &Focus) -> Self::Data {
        (run.rewards().to_vec(), focus.selected)
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        (pairs, highlighted): &Self::Data,
        theme: &Theme,
        _: Layer,
    ) -> Result<(), ChartError> {
        let view = PairRewardsView {
            pairs,
            highlighted: *highlighted,
        };
        charts::draw_rewards_per_pair(area, &view, theme)
    }

    fn frame(
        (pairs, highlighted): &Self::Data,
        theme: &Theme,
        size: (u32, u32),
    ) -> Option<PlotFrame> {
        let view = PairRewardsView {
            pairs,
            highlighted: *highlighted,
        };
        charts::plot_frame(theme, &charts::rewards_axes(&view), size)
    }

    fn sentence(run: &mut Trainer, pairs: &[PairState]) -> String {
        let now = run.metrics();
        let ahead = pairs.iter().filter(|p| p.gap > 0.0).count();
        format!(
            "The better response is ahead in {ahead} of {} pairs; rewards range from {} to {}.{}",
            pairs.len(),
            n3(now.min_reward),
            n3(now.max_reward),
            sample_note(pairs.len())
        )
    }

    fn table(_: &mut Trainer, pairs: &[PairState]) -> Table {
        per_pair(pairs, &["pair", "split", "r_better", "r_worse"], |p| {
            [p.reward_chosen, p.reward_rejected]
        })
    }
}
