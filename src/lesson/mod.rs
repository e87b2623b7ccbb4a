//! The guided lesson, pure: the cards' words, what each card sets up, the live numbers it quotes, and the check that
//! tells when the learner did what the card asks.
//!
//! The page builds a [`Snapshot`] of what it shows (the explorer's two rewards, the training run's numbers), keeps
//! the snapshot taken right after a card set itself up, and asks the card's `done` whether the learner has done it
//! (and, while not, [`Card::why_not`] for what is still missing). Each card names its scene ([`Panel`]), the control
//! or chart its task is about ([`Card::target`]) and, for cards that watch training move, a play speed
//! ([`Card::pace`]). [`done_marks_to_text`] keeps the cards already done across reloads.

mod cards;
mod checks;
mod marks;
mod policy;
mod template;

use crate::loss::{explain, Explained};
use crate::train::{Config, Grouping, Metrics, PairState};

pub use cards::CARDS;
pub use marks::{done_marks_from_text, done_marks_to_text};
pub use policy::{Gains, LabelView, PolicyNumbers, PolicyView};
pub use template::{fill, Piece, Quantity, Value};

/// The rewards (r_better, r_worse) the loss explorer opens with and the first card sets up: a pair ranked right by
/// a gap of 2, but not confidently.
pub const START: (f64, f64) = (1.5, -0.5);

/// What the training panel shows, reduced to what the cards read.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingView {
    /// The shown step.
    pub step: u64,
    /// Metrics at the shown step (loss, accuracy, epoch, ...).
    pub metrics: Metrics,
    /// The built-in data set's name.
    pub dataset: String,
    /// How pairs become batch elements.
    pub grouping: Grouping,
    /// Steps per epoch.
    pub steps_per_epoch: u64,
    /// Training batch elements (prompts or pairs).
    pub train_units: usize,
    /// Pairs in the training split.
    pub train_pairs: usize,
    /// Mean reward of the chosen responses of the training pairs (what normalizing sets to 0).
    pub chosen_mean: f64,
}

impl TrainingView {
    /// The view of a run whose pairs are `pairs` (both splits; test pairs are skipped for the chosen mean).
    pub fn new(
        config: &Config,
        metrics: Metrics,
        pairs: &[PairState],
        steps_per_epoch: u64,
        train_units: usize,
        train_pairs: usize,
    ) -> TrainingView {
        let chosen: Vec<f64> = pairs
            .iter()
            .filter(|p| !p.test)
            .map(|p| p.reward_chosen)
            .collect();
        let chosen_mean = if chosen.is_empty() {
            0.0
        } else {
            chosen.iter().sum::<f64>() / chosen.len() as f64
        };
        TrainingView {
            step: metrics.step,
            metrics,
            dataset: config.dataset.clone(),
            grouping: config.grouping,
            steps_per_epoch,
            train_units,
            train_pairs,
            chosen_mean,
        }
    }
}

/// Everything the page shows that a card may quote or check.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The explorer's reward of the better response.
    pub better: f64,
    /// The explorer's reward of the worse response.
    pub worse: f64,
    /// The training panel.
    pub training: TrainingView,
    /// The "Use the model" scene.
    pub policy: PolicyView,
    /// The Label scene.
    pub label: LabelView,
}

impl Snapshot {
    /// The explorer's three steps and gradient for the current rewards.
    pub fn explained(&self) -> Explained {
        explain(self.better, self.worse)
    }
}

/// A card's view of the page: as it was right after the card set itself up, and now.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonState {
    /// Right after the card's setup.
    pub open: Snapshot,
    /// Now.
    pub now: Snapshot,
}

/// The part of the page a card is about: the scene the page switches to when the card opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The loss explorer (the "One pair" scene).
    Explorer,
    /// The training panel (the "Train" scene).
    Training,
    /// Labeling pairs by hand, and a class's agreement (the "Label" scene).
    Label,
    /// The reward model used by a policy (the "Use the model" scene).
    Use,
}

impl Panel {
    /// The scene the page shows for a card about this part.
    pub fn scene(self) -> crate::scene::Scene {
        match self {
            Panel::Explorer => crate::scene::Scene::Pair,
            Panel::Training => crate::scene::Scene::Train,
            Panel::Label => crate::scene::Scene::Label,
            Panel::Use => crate::scene::Scene::Use,
        }
    }
}

/// What a card sets up when it opens.
///
/// A [`Setup::Run`] replaces whatever run the learner has with a fresh one ([`Card::needs_fresh_run`]). When the
/// page lets the learner choose "keep my run" instead, it applies [`Setup::kept`]: the run goes on as it is (same
/// step, settings and weights), and only a run on another data set is swapped for a new run on the card's data set
/// with default settings, like [`Setup::Keep`]. The card's grouping and opening steps are then not applied, so its
/// text quotes the learner's run, and a card may find its task already done (e.g. shuffled pairs already chosen).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Setup {
    /// Sets the explorer's rewards (better, worse).
    Rewards(f64, f64),
    /// Starts a new run of the default settings with this data set and grouping, then takes `steps` steps.
    Run {
        /// Built-in data set.
        dataset: &'static str,
        /// Batch elements.
        grouping: Grouping,
        /// Steps taken after the reset.
        steps: u64,
    },
    /// Keeps the run going, switching to this data set (a new run) only if another one is loaded.
    Keep {
        /// Built-in data set.
        dataset: &'static str,
    },
    /// Leaves the page as it is (the Label cards: the learner's own labels are the setup).
    Nothing,
}

impl Setup {
    /// The settings of a training setup: the default run with this data set and grouping.
    pub fn config(dataset: &str, grouping: Grouping) -> Config {
        Config {
            dataset: dataset.to_string(),
            grouping,
            ..Config::default()
        }
    }

    /// The setup for a learner who keeps their own run: a [`Setup::Run`] becomes [`Setup::Keep`] of its data set;
    /// [`Setup::Rewards`] and [`Setup::Keep`] stay as they are.
    pub fn kept(self) -> Setup {
        match self {
            Setup::Run { dataset, .. } => Setup::Keep { dataset },
            other => other,
        }
    }
}

/// One lesson card.
pub struct Card {
    /// Short title.
    pub title: &'static str,
    /// The explanation, with `{placeholders}` filled from the live state (see [`Quantity`]).
    pub body: &'static str,
    /// The one thing the learner is asked to do (a template too).
    pub task: &'static str,
    /// What the card is about: the scene the page shows while the card is open.
    pub panel: Panel,
    /// The `data-testid` of the control or chart the task is about, which the page outlines (on the card's scene).
    pub target: &'static str,
    /// For a card whose task is watching training move: the play speed in updates per second (one of
    /// [`crate::settings::SPEEDS`]) the page sets while the card is open, slow enough to see the moment happen.
    /// `None`: the page leaves the speed as it is.
    pub pace: Option<f64>,
    /// What the card sets up when it opens.
    pub setup: Setup,
    /// The best-of-n n and the β the card sets when it opens (the "Use the model" cards); `None` leaves them.
    pub policy: Option<(u64, f64)>,
    /// Whether the learner has done the task.
    pub done: fn(&LessonState) -> bool,
    /// What is still missing, in one short sentence from the live state; only asked while `done` is false (read it
    /// through [`Card::why_not`]).
    pub hint: fn(&LessonState) -> String,
}

impl Card {
    /// Why the task is not done yet, shown beside "Not done yet"; `None` exactly when `done` holds.
    pub fn why_not(&self, state: &LessonState) -> Option<String> {
        if (self.done)(state) {
            None
        } else {
            Some((self.hint)(state))
        }
    }

    /// Whether opening the card starts a new run, replacing the learner's (its setup is a [`Setup::Run`]); the page
    /// may offer to keep the run instead and apply [`Setup::kept`].
    pub fn needs_fresh_run(&self) -> bool {
        matches!(self.setup, Setup::Run { .. })
    }
}

/// The card at a 1-based position as written in the link (`lesson=3`), clamped into the lesson; `None` if the
/// text is not a whole number.
pub fn card_from_link(text: &str) -> Option<usize> {
    let n: usize = text.trim().parse().ok()?;
    Some(n.clamp(1, CARDS.len()) - 1)
}

#[cfg(test)]
mod page_tests;
#[cfg(test)]
mod tests;
