//! The lesson's link to the live page: the snapshot of what the page shows, the cards' setups, and how a quoted
//! value is written (with the same formatting as the panel that shows it).

use leptos::prelude::*;

use crate::format::{fixed, reward};
use crate::lesson::{PolicyNumbers, PolicyView, Setup, Snapshot, TrainingView, Value};
use crate::train::Grouping;
use crate::web::explorer::state::Explorer;
use crate::web::label::state::Labeling;
use crate::web::page::SharePage;
use crate::web::training::state::Training;
use crate::web::use_model::state::UseComputed;

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
            Setup::Rewards(..) | Setup::Nothing => {}
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

/// The parts of the page a card reads and sets.
#[derive(Clone, Copy)]
pub struct Live {
    /// The loss explorer.
    pub explorer: Explorer,
    /// The run.
    pub training: Training,
    /// The scene, n and β (absent in a component test that mounts the lesson alone).
    pub page: Option<SharePage>,
    /// What the "Use the model" scene computed.
    pub policies: Option<UseComputed>,
    /// The Label scene.
    pub labeling: Option<Labeling>,
}

impl Live {
    /// The page's parts, from the context.
    pub fn from_context() -> Live {
        Live {
            explorer: expect_context::<Explorer>(),
            training: expect_context::<Training>(),
            page: use_context::<SharePage>(),
            policies: use_context::<UseComputed>(),
            labeling: use_context::<Labeling>(),
        }
    }

    /// What the page shows now (tracked).
    pub fn snapshot(&self) -> Snapshot {
        let mut policy = PolicyView::default();
        if let Some(page) = self.page {
            (policy.n, policy.beta) = (page.n.get(), page.beta.get());
        }
        policy.numbers = self.policies.and_then(|c| {
            c.0.with(|c| match c {
                Some(Ok(c)) => PolicyNumbers::new(&c.opt, policy.n, policy.beta),
                _ => None,
            })
        });
        Snapshot {
            better: self.explorer.better.get(),
            worse: self.explorer.worse.get(),
            training: self.training.lesson_view(),
            policy,
            label: self.labeling.map(|l| l.lesson_view()).unwrap_or_default(),
        }
    }

    /// Runs a card's setup on the page, with the n and β it sets (if any).
    pub fn apply(&self, setup: Setup, policy: Option<(u64, f64)>) {
        if let Setup::Rewards(better, worse) = setup {
            self.explorer.better.set(better);
            self.explorer.worse.set(worse);
        }
        self.training.lesson_setup(setup);
        if let (Some((n, beta)), Some(page)) = (policy, self.page) {
            page.n.set(n);
            page.beta.set(beta);
        }
    }
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
        Value::Gain(v) => crate::format::signed_gain(v),
        Value::Three(v) => fixed(v, 3),
        Value::Beta(v) => crate::format::significant(v, 3),
        Value::Pending => "…".to_string(),
    }
}
