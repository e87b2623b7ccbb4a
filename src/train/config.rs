//! `Config`: everything that defines a run. The CLI flags, the page's controls and the URL hash are views of it.

use crate::format::plain as shown;
use crate::loss::{LossKind, LossSpec};
use crate::model::ModelKind;
use crate::optim::OptimizerKind;
use crate::settings::{self, Setting};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How pairs become batch elements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Grouping {
    /// InstructGPT: all pairs of one prompt form ONE batch element, each weighted 1/C(K,2).
    #[default]
    Prompts,
    /// Every pair is its own batch element, shuffled independently of its prompt.
    Pairs,
}

impl Grouping {
    /// Both groupings, in the order the page lists them.
    pub const ALL: [Grouping; 2] = [Grouping::Prompts, Grouping::Pairs];

    /// The name used by the CLI and the URL.
    pub fn name(self) -> &'static str {
        match self {
            Grouping::Prompts => "prompts",
            Grouping::Pairs => "pairs",
        }
    }

    /// Parses a name as written by [`Grouping::name`].
    pub fn from_name(name: &str) -> Option<Grouping> {
        Grouping::ALL.into_iter().find(|g| g.name() == name)
    }
}

/// Everything that defines a run: the same Config gives the same numbers to the bit, natively and in the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// A built-in data set's name, or a label for data brought by the user.
    pub dataset: String,
    /// Linear bag-of-words or the tiny MLP.
    pub model: ModelKind,
    /// SGD or Adam.
    pub optimizer: OptimizerKind,
    /// Learning rate, > 0.
    pub lr: f64,
    /// SGD momentum μ in [0, 1) (0 = plain SGD); Adam ignores it.
    pub momentum: f64,
    /// Batch elements per step; 0 = the whole training set (full batch).
    pub batch_size: usize,
    /// Decoupled weight decay in [0, 1).
    pub weight_decay: f64,
    /// Seed of everything random: split, initial weights, batch order, label noise.
    pub seed: u64,
    /// Share of prompts held out as the test set, in [0, 0.9].
    pub test_fraction: f64,
    /// The pair loss and its parameters.
    pub loss: LossSpec,
    /// One prompt = one batch element (InstructGPT), or shuffled pairs.
    pub grouping: Grouping,
    /// Share of training preferences flipped on purpose (seeded), in [0, 0.5].
    pub label_noise: f64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            dataset: "helpfulness".to_string(),
            model: ModelKind::Linear,
            optimizer: OptimizerKind::Sgd,
            lr: 0.5,
            momentum: 0.0,
            batch_size: 4,
            weight_decay: 0.0,
            seed: 1,
            test_fraction: 0.25,
            loss: LossSpec::default(),
            grouping: Grouping::Prompts,
            label_noise: 0.0,
        }
    }
}

/// A setting of a [`Config`] that is out of range: the field, its value and what is allowed.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigError {
    /// The field's name as the CLI spells it (e.g. `lr`, `test-fraction`).
    pub field: &'static str,
    /// What is wrong, with the value.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for ConfigError {}

/// The largest learning rate a run accepts (the settings table's upper end of `lr`).
pub use crate::settings::MAX_LR;

/// `value` against the range a run accepts for `setting` (see [`crate::settings`]).
fn check_range(setting: &Setting, value: f64) -> Result<(), ConfigError> {
    if setting.range.contains(value) {
        Ok(())
    } else {
        Err(ConfigError {
            field: setting.name,
            message: format!(
                "{} is out of range; use a number in {}",
                shown(value),
                setting.range
            ),
        })
    }
}

impl Config {
    /// The settings that differ between `self` and `other`, by their names in [`settings::RUN`], in its order.
    pub fn changed_fields(&self, other: &Config) -> Vec<&'static str> {
        let (a, b) = (self, other);
        let differs = [
            (settings::DATASET, a.dataset != b.dataset),
            (settings::MODEL, a.model != b.model),
            (settings::OPTIMIZER, a.optimizer != b.optimizer),
            (settings::LR, a.lr != b.lr),
            (settings::MOMENTUM, a.momentum != b.momentum),
            (settings::BATCH_SIZE, a.batch_size != b.batch_size),
            (settings::WEIGHT_DECAY, a.weight_decay != b.weight_decay),
            (settings::SEED, a.seed != b.seed),
            (settings::TEST_FRACTION, a.test_fraction != b.test_fraction),
            (settings::LOSS, a.loss.kind != b.loss.kind),
            (
                settings::LABEL_SMOOTHING,
                a.loss.label_smoothing != b.loss.label_smoothing,
            ),
            (
                settings::CENTER_COEF,
                a.loss.center_coef != b.loss.center_coef,
            ),
            (settings::GROUPING, a.grouping != b.grouping),
            (settings::LABEL_NOISE, a.label_noise != b.label_noise),
        ];
        debug_assert!(differs
            .iter()
            .map(|(s, _)| s.name)
            .eq(settings::RUN.iter().map(|s| s.name)));
        differs
            .iter()
            .filter(|(_, d)| *d)
            .map(|(s, _)| s.name)
            .collect()
    }

    /// Whether going from `self` to `other` needs a new run: every setting but the learning rate defines the
    /// model, the data or the loss, so only a learning-rate change can go on from where the run is.
    pub fn needs_new_run(&self, other: &Config) -> bool {
        self.changed_fields(other).iter().any(|f| *f != "lr")
    }

    /// Checks every field against the range [`crate::settings`] gives it; the first field out of range is named
    /// with its value.
    pub fn validate(&self) -> Result<(), ConfigError> {
        check_range(&settings::LR, self.lr)?;
        check_range(&settings::MOMENTUM, self.momentum)?;
        check_range(&settings::WEIGHT_DECAY, self.weight_decay)?;
        check_range(&settings::TEST_FRACTION, self.test_fraction)?;
        check_range(&settings::LABEL_NOISE, self.label_noise)?;
        check_range(&settings::LABEL_SMOOTHING, self.loss.label_smoothing)?;
        check_range(&settings::CENTER_COEF, self.loss.center_coef)?;
        // The batch size and the seed take any value of their types: their ranges are the whole types.
        if self.loss.kind == LossKind::Smooth
            && !settings::SMOOTH_LABEL_SMOOTHING
                .range
                .contains(self.loss.label_smoothing)
        {
            return Err(ConfigError {
                field: settings::LABEL_SMOOTHING.name,
                message: "the smooth loss needs ε > 0 (e.g. 0.1)".to_string(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_and_tiny_values_are_shown_in_exponent_form() {
        let huge = Config {
            lr: 1e308,
            ..Config::default()
        };
        assert_eq!(
            huge.validate().unwrap_err().to_string(),
            "lr: 1e308 is out of range; use a number in (0, 1000]"
        );
        let tiny = Config {
            label_noise: -1e-300,
            ..Config::default()
        };
        assert!(tiny
            .validate()
            .unwrap_err()
            .message
            .starts_with("-1e-300 is"));
        let plain = Config {
            momentum: 1.5,
            ..Config::default()
        };
        assert!(plain.validate().unwrap_err().message.starts_with("1.5 is"));
    }

    #[test]
    fn the_default_config_is_valid() {
        assert_eq!(Config::default().validate(), Ok(()));
    }

    #[test]
    fn out_of_range_fields_are_named_with_their_value() {
        let bad = [
            (
                Config {
                    lr: 1e9,
                    ..Config::default()
                },
                "lr",
                "1e9",
            ),
            (
                Config {
                    lr: f64::NAN,
                    ..Config::default()
                },
                "lr",
                "NaN",
            ),
            (
                Config {
                    lr: 0.0,
                    ..Config::default()
                },
                "lr",
                "0",
            ),
            (
                Config {
                    test_fraction: 1.0,
                    ..Config::default()
                },
                "test-fraction",
                "1",
            ),
            (
                Config {
                    label_noise: -0.1,
                    ..Config::default()
                },
                "label-noise",
                "-0.1",
            ),
            (
                Config {
                    momentum: 1.0,
                    ..Config::default()
                },
                "momentum",
                "1",
            ),
        ];
        for (config, field, value) in bad {
            let e = config.validate().unwrap_err();
            assert_eq!(e.field, field);
            assert!(e.to_string().contains(value), "{e}");
        }
    }

    #[test]
    fn only_a_learning_rate_change_keeps_the_run() {
        let a = Config::default();
        let faster = Config {
            lr: 2.0,
            ..a.clone()
        };
        assert!(!a.needs_new_run(&faster));
        assert_eq!(a.changed_fields(&faster), vec!["lr"]);
        let other_seed = Config {
            seed: 9,
            lr: 2.0,
            ..a.clone()
        };
        assert!(a.needs_new_run(&other_seed));
        assert_eq!(a.changed_fields(&other_seed), vec!["lr", "seed"]);
        assert!(!a.needs_new_run(&a));
    }

    #[test]
    fn groupings_round_trip_their_names() {
        for g in Grouping::ALL {
            assert_eq!(Grouping::from_name(g.name()), Some(g));
        }
    }
}
