//! `Config`: everything that defines a run. The CLI flags, the page's controls and the URL hash are views of it.

use crate::format::plain as shown;
use crate::loss::{LossKind, LossSpec};
use crate::model::ModelKind;
use crate::optim::OptimizerKind;
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

/// The largest learning rate a run accepts; far beyond what any data set here trains well with.
pub const MAX_LR: f64 = 1000.0;

fn check_range(
    field: &'static str,
    value: f64,
    lo: f64,
    hi: f64,
    hi_open: bool,
) -> Result<(), ConfigError> {
    let ok = value.is_finite() && value >= lo && if hi_open { value < hi } else { value <= hi };
    if ok {
        Ok(())
    } else {
        let close = if hi_open { ")" } else { "]" };
        Err(ConfigError {
            field,
            message: format!(
                "{} is out of range; use a number in [{lo}, {hi}{close}",
                shown(value)
            ),
        })
    }
}

impl Config {
    /// The settings that differ between `self` and `other`, by their CLI names.
    pub fn changed_fields(&self, other: &Config) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut check = |name, differs: bool| {
            if differs {
                out.push(name)
            }
        };
        check("dataset", self.dataset != other.dataset);
        check("model", self.model != other.model);
        check("optimizer", self.optimizer != other.optimizer);
        check("lr", self.lr != other.lr);
        check("momentum", self.momentum != other.momentum);
        check("batch-size", self.batch_size != other.batch_size);
        check("weight-decay", self.weight_decay != other.weight_decay);
        check("seed", self.seed != other.seed);
        check("test-fraction", self.test_fraction != other.test_fraction);
        check("loss", self.loss.kind != other.loss.kind);
        check(
            "label-smoothing",
            self.loss.label_smoothing != other.loss.label_smoothing,
        );
        check(
            "center-coef",
            self.loss.center_coef != other.loss.center_coef,
        );
        check("grouping", self.grouping != other.grouping);
        check("label-noise", self.label_noise != other.label_noise);
        out
    }

    /// Whether going from `self` to `other` needs a new run: every setting but the learning rate defines the
    /// model, the data or the loss, so only a learning-rate change can go on from where the run is.
    pub fn needs_new_run(&self, other: &Config) -> bool {
        self.changed_fields(other).iter().any(|f| *f != "lr")
    }

    /// Checks every field; the first field out of range is named with its value.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if !(self.lr.is_finite() && self.lr > 0.0 && self.lr <= MAX_LR) {
            return Err(ConfigError {
                field: "lr",
                message: format!(
                    "{} is out of range; use a number in (0, {MAX_LR}]",
                    shown(self.lr)
                ),
            });
        }
        check_range("momentum", self.momentum, 0.0, 1.0, true)?;
        check_range("weight-decay", self.weight_decay, 0.0, 1.0, true)?;
        check_range("test-fraction", self.test_fraction, 0.0, 0.9, false)?;
        check_range("label-noise", self.label_noise, 0.0, 0.5, false)?;
        check_range("label-smoothing", self.loss.label_smoothing, 0.0, 0.5, true)?;
        check_range("center-coef", self.loss.center_coef, 0.0, 10.0, false)?;
        if self.loss.kind == LossKind::Smooth && self.loss.label_smoothing <= 0.0 {
            return Err(ConfigError {
                field: "label-smoothing",
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
