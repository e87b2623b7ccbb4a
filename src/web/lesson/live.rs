//! The lesson's link to the live page: the snapshot of what the page shows, the cards' setups, and how a quoted
//! value is written (with the same formatting as the panel that shows it).

use leptos::prelude::*;

use crate::format::{fixed, reward};
use crate::lesson::{Setup, Snapshot, TrainingView, Value};
use crate::train::Grouping;
use crate::web::explorer::state::Explorer;
use crate::web::training::state::Training;

impl Training {
    /// What the lesson reads of the shown run (tracked: a caller in a memo follows every change).
    pub fn lesson_view(&self) -> TrainingView {
        let config = self.config.get();
        self.shown.with(|s| {
            TrainingView::new(
                &config,
                s.metrics,
                &s.pairs,
                s.steps_per_epoch,
                s.train_units,
                s.train_pairs,
            )
        })
    }

    /// A card's training setup: a new run of the default settings with this data set and grouping, `steps` steps
    /// taken; or, to keep the run, a new run only if another data set is loaded.
    pub fn lesson_setup(&self, setup: Setup) {
        match setup {
            Setup::Rewards(..) => {}
            Setup::Run {
                dataset,
                grouping,
                steps,
            } => {
                self.apply(Setup::config(dataset, grouping));
                self.reset();
                if steps > 0 {
                    self.steps(steps, None);
                }
            }
            Setup::Keep { dataset } => {
                if self.config.get_untracked().dataset != dataset {
                    self.apply(Setup::config(dataset, Grouping::Prompts));
                }
            }
        }
    }
}

/// What the page shows now (tracked).
pub fn snapshot(explorer: Explorer, training: Training) -> Snapshot {
    Snapshot {
        better: explorer.better.get(),
        worse: explorer.worse.get(),
        training: training.lesson_view(),
    }
}

/// Runs a card's setup on the page.
pub fn apply_setup(setup: Setup, explorer: Explorer, training: Training) {
    if let Setup::Rewards(better, worse) = setup {
        explorer.better.set(better);
        explorer.worse.set(worse);
    }
    training.lesson_setup(setup);
}

/// A quoted value as the page writes it.
pub fn written(value: Value) -> String {
    match value {
        Value::Reward(v) => reward(v),
        Value::Four(v) => fixed(v, 4),
        Value::Two(v) => fixed(v, 2),
        // As the training panel writes its accuracy.
        Value::Percent(v) => format!("{:.1} %", 100.0 * v),
        Value::Count(n) => n.to_string(),
        Value::Word(w) => w.to_string(),
    }
}
