//! The guided lesson, pure: the cards' words, what each card sets up, the live numbers it quotes, and the check that
//! tells when the learner did what the card asks.
//!
//! The page builds a [`Snapshot`] of what it shows (the explorer's two rewards, the training run's numbers), keeps
//! the snapshot taken right after a card set itself up, and asks the card's `done` whether the learner has done it.

mod cards;

use crate::loss::{explain, Explained};
use crate::train::{Config, Grouping, Metrics, PairState};

pub use cards::CARDS;

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

/// The part of the page a card is about (the page scrolls it into view when the card opens).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The loss explorer.
    Explorer,
    /// The training panel.
    Training,
}

/// What a card sets up when it opens.
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
}

/// One lesson card.
pub struct Card {
    /// Short title.
    pub title: &'static str,
    /// The explanation, with `{placeholders}` filled from the live state (see [`Quantity`]).
    pub body: &'static str,
    /// The one thing the learner is asked to do (a template too).
    pub task: &'static str,
    /// What the card is about.
    pub panel: Panel,
    /// What the card sets up when it opens.
    pub setup: Setup,
    /// Whether the learner has done the task.
    pub done: fn(&LessonState) -> bool,
}

/// A live number (or word) a card quotes, named in templates as `{name}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// `{better}`: the explorer's r_better.
    Better,
    /// `{worse}`: the explorer's r_worse.
    Worse,
    /// `{gap}`: Δ.
    Gap,
    /// `{sigmoid}`: σ(Δ).
    Sigmoid,
    /// `{log_sigmoid}`: log σ(Δ).
    LogSigmoid,
    /// `{loss}`: −log σ(Δ).
    Loss,
    /// `{pull}`: σ(−Δ) = ∂loss/∂r_worse.
    Pull,
    /// `{step}`: the training step.
    Step,
    /// `{epoch}`: epochs so far.
    Epoch,
    /// `{train_loss}`: the training loss.
    TrainLoss,
    /// `{accuracy}`: the training accuracy.
    Accuracy,
    /// `{train_units}`: training batch elements.
    TrainUnits,
    /// `{train_pairs}`: training pairs.
    TrainPairs,
    /// `{steps_per_epoch}`: steps per epoch.
    StepsPerEpoch,
    /// `{unit}`: what one batch element is, in words.
    Unit,
    /// `{gap_reading}`: what the sign of the gap Δ says about the pair, in words.
    GapReading,
}

impl Quantity {
    /// Every quantity, with its template name.
    pub const ALL: [(&'static str, Quantity); 16] = [
        ("better", Quantity::Better),
        ("worse", Quantity::Worse),
        ("gap", Quantity::Gap),
        ("sigmoid", Quantity::Sigmoid),
        ("log_sigmoid", Quantity::LogSigmoid),
        ("loss", Quantity::Loss),
        ("pull", Quantity::Pull),
        ("step", Quantity::Step),
        ("epoch", Quantity::Epoch),
        ("train_loss", Quantity::TrainLoss),
        ("accuracy", Quantity::Accuracy),
        ("train_units", Quantity::TrainUnits),
        ("train_pairs", Quantity::TrainPairs),
        ("steps_per_epoch", Quantity::StepsPerEpoch),
        ("unit", Quantity::Unit),
        ("gap_reading", Quantity::GapReading),
    ];

    /// The template name.
    pub fn name(self) -> &'static str {
        Quantity::ALL
            .iter()
            .find(|(_, q)| *q == self)
            .map(|(n, _)| *n)
            .unwrap_or("")
    }

    /// The quantity's value in `s`, tagged with how the page writes it.
    pub fn value(self, s: &Snapshot) -> Value {
        let e = s.explained();
        let t = &s.training;
        match self {
            Quantity::Better => Value::Reward(s.better),
            Quantity::Worse => Value::Reward(s.worse),
            Quantity::Gap => Value::Reward(e.gap),
            Quantity::Sigmoid => Value::Four(e.sigmoid),
            Quantity::LogSigmoid => Value::Four(e.log_sigmoid),
            Quantity::Loss => Value::Four(e.loss),
            Quantity::Pull => Value::Four(-e.dloss_dgap),
            Quantity::Step => Value::Count(t.step),
            Quantity::Epoch => Value::Two(t.metrics.epoch),
            Quantity::TrainLoss => Value::Four(t.metrics.loss),
            Quantity::Accuracy => Value::Percent(t.metrics.accuracy),
            Quantity::TrainUnits => Value::Count(t.train_units as u64),
            Quantity::TrainPairs => Value::Count(t.train_pairs as u64),
            Quantity::StepsPerEpoch => Value::Count(t.steps_per_epoch),
            Quantity::GapReading => Value::Word(if e.gap > 0.0 {
                "positive, so the model now ranks this pair the right way round"
            } else if e.gap < 0.0 {
                "negative, so the model ranks this pair the wrong way round"
            } else {
                "0, a tie: the model cannot tell the two answers apart"
            }),
            Quantity::Unit => Value::Word(match t.grouping {
                Grouping::Prompts => "one prompt with all of its pairs",
                Grouping::Pairs => "one pair on its own",
            }),
        }
    }
}

/// A quoted value and the way the page writes it (the page formats it with its own number formatting).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// A reward or gap: two decimals.
    Reward(f64),
    /// Four decimals.
    Four(f64),
    /// Two decimals.
    Two(f64),
    /// A share, written as a percentage with one decimal.
    Percent(f64),
    /// A whole number.
    Count(u64),
    /// Words.
    Word(&'static str),
}

/// A piece of a filled template.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Plain text.
    Text(String),
    /// A live value.
    Live(Quantity, Value),
}

/// Fills `template`'s `{name}` placeholders with the values in `s`. Text in braces that names no quantity stays as
/// it is.
pub fn fill(template: &str, s: &Snapshot) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let quantity = after.find('}').and_then(|close| {
            let name = &after[..close];
            Quantity::ALL
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, q)| (*q, close))
        });
        match quantity {
            Some((q, close)) => {
                if !text.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut text)));
                }
                out.push(Piece::Live(q, q.value(s)));
                rest = &after[close + 1..];
            }
            None => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    out
}

/// The card at a 1-based position as written in the link (`lesson=3`), clamped into the lesson; `None` if the
/// text is not a whole number.
pub fn card_from_link(text: &str) -> Option<usize> {
    let n: usize = text.trim().parse().ok()?;
    Some(n.clamp(1, CARDS.len()) - 1)
}

#[cfg(test)]
mod tests;
