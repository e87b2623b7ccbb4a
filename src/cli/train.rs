//! `reward-playground train`: one run from flags to files (history.csv, pairs.jsonl, model.json, SVG charts).

use crate::data::Dataset;
use crate::loss::{LossKind, LossSpec};
use crate::model::ModelKind;
use crate::optim::OptimizerKind;
use crate::settings;
use crate::train::{history_csv, Config, Grouping, Trainer};
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Copy, Clone, Debug, ValueEnum)]
enum ModelArg {
    Linear,
    Mlp,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum OptimizerArg {
    Sgd,
    Adam,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum LossArg {
    Bt,
    Margin,
    Smooth,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum GroupingArg {
    Prompts,
    Pairs,
}

/// Flags of `train`; each is one field of the run's `Config`, with its flag and default from [`crate::settings`].
#[derive(Args, Debug)]
pub struct TrainArgs {
    /// A built-in data set (see `reward-playground datasets`).
    #[arg(long, value_name = "NAME", conflicts_with = "data")]
    dataset: Option<String>,
    /// A JSONL file of pairs or rankings instead of a built-in data set.
    #[arg(long, value_name = "FILE.jsonl")]
    data: Option<PathBuf>,
    /// The reward model.
    #[arg(long, value_enum, default_value = settings::MODEL.default.name())]
    model: ModelArg,
    /// The optimizer.
    #[arg(long, value_enum, default_value = settings::OPTIMIZER.default.name())]
    optimizer: OptimizerArg,
    /// Learning rate.
    #[arg(long, default_value_t = settings::LR.default.number())]
    lr: f64,
    /// SGD momentum (0 = plain SGD).
    #[arg(long, default_value_t = settings::MOMENTUM.default.number())]
    momentum: f64,
    /// Batch elements per step; 0 = the whole training set.
    #[arg(long, default_value_t = settings::BATCH_SIZE.default.whole() as usize)]
    batch_size: usize,
    /// Passes over the training set.
    #[arg(long, default_value_t = 20)]
    epochs: u64,
    /// Exact number of steps (overrides --epochs).
    #[arg(long)]
    steps: Option<u64>,
    /// Decoupled weight decay.
    #[arg(long, default_value_t = settings::WEIGHT_DECAY.default.number())]
    weight_decay: f64,
    /// Seed of the split, the initial weights, the batch order and the label noise.
    #[arg(long, default_value_t = settings::SEED.default.whole())]
    seed: u64,
    /// Share of prompts held out for testing.
    #[arg(long, default_value_t = settings::TEST_FRACTION.default.number())]
    test_fraction: f64,
    /// The pair loss: bt = −log σ(Δ), margin = −log σ(Δ − m), smooth = label smoothing.
    #[arg(long, value_enum, default_value = settings::LOSS.default.name())]
    loss: LossArg,
    /// ε of the smooth loss.
    #[arg(long, default_value_t = settings::LABEL_SMOOTHING.default.number())]
    label_smoothing: f64,
    /// c of TRL's centering term c·(r_chosen + r_rejected)² (0 = off).
    #[arg(long, default_value_t = settings::CENTER_COEF.default.number())]
    center_coef: f64,
    /// prompts = one prompt is one batch element (InstructGPT); pairs = shuffled independent pairs.
    #[arg(long, value_enum, default_value = settings::GROUPING.default.name())]
    grouping: GroupingArg,
    /// Share of preferences flipped on purpose (seeded).
    #[arg(long, default_value_t = settings::LABEL_NOISE.default.number())]
    label_noise: f64,
    /// Folder for the output files (created if missing).
    #[arg(long, value_name = "DIR", default_value = "out")]
    out: PathBuf,
}

impl TrainArgs {
    fn config(&self, dataset: &str) -> Config {
        Config {
            dataset: dataset.to_string(),
            model: match self.model {
                ModelArg::Linear => ModelKind::Linear,
                ModelArg::Mlp => ModelKind::Mlp,
            },
            optimizer: match self.optimizer {
                OptimizerArg::Sgd => OptimizerKind::Sgd,
                OptimizerArg::Adam => OptimizerKind::Adam,
            },
            lr: self.lr,
            momentum: self.momentum,
            batch_size: self.batch_size,
            weight_decay: self.weight_decay,
            seed: self.seed,
            test_fraction: self.test_fraction,
            loss: LossSpec {
                kind: match self.loss {
                    LossArg::Bt => LossKind::Bt,
                    LossArg::Margin => LossKind::Margin,
                    LossArg::Smooth => LossKind::Smooth,
                },
                label_smoothing: self.label_smoothing,
                center_coef: self.center_coef,
            },
            grouping: match self.grouping {
                GroupingArg::Prompts => Grouping::Prompts,
                GroupingArg::Pairs => Grouping::Pairs,
            },
            label_noise: self.label_noise,
        }
    }
}

/// Reads a JSONL data file; every problem is named with the file, the line and the field.
pub fn load_data(path: &Path) -> Result<Dataset, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Dataset::parse_jsonl(&name, &bytes).map_err(|errors| {
        let lines: Vec<String> = errors
            .0
            .iter()
            .map(|e| format!("{}: {e}", path.display()))
            .collect();
        lines.join("\n")
    })
}

pub fn run(args: TrainArgs) -> Result<(), String> {
    let (label, data) = match (&args.data, &args.dataset) {
        (Some(path), _) => (path.display().to_string(), load_data(path)?),
        (None, name) => {
            let name = name
                .clone()
                .unwrap_or_else(|| settings::DATASET.default.name().to_string());
            let data = crate::data::builtin(&name).ok_or_else(|| {
                format!(
                    "unknown data set {name:?}; the built-in ones are {}",
                    crate::data::builtin_names().join(", ")
                )
            })?;
            (name, data)
        }
    };
    let config = args.config(&data.name);
    let mut trainer = Trainer::new(config, data).map_err(|e| e.to_string())?;
    let steps = args
        .steps
        .unwrap_or(args.epochs.saturating_mul(trainer.steps_per_epoch()));

    let bar = (steps >= 2000 && std::io::stderr().is_terminal())
        .then(|| indicatif::ProgressBar::new(steps));
    let mut outcome = Ok(());
    for i in 0..steps {
        if let Err(e) = trainer.step() {
            outcome = Err(e);
            break;
        }
        if let Some(bar) = &bar {
            if i % 256 == 0 {
                bar.set_position(i);
            }
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    write_outputs(&mut trainer, &args.out)?;
    let m = trainer.metrics();
    let test = match (m.test_loss, m.test_accuracy) {
        (Some(l), Some(a)) => format!(", test_loss {l:.4}, test_accuracy {a:.3}"),
        _ => String::new(),
    };
    println!(
        "{} on {label}: {} steps ({:.2} epochs), loss {:.4}, accuracy {:.3}, margin {:.3}{test}; wrote {}",
        trainer.model().kind().name(),
        m.step,
        m.epoch,
        m.loss,
        m.accuracy,
        m.margin,
        args.out.display()
    );
    outcome.map_err(|e| format!("{e} (stopped at step {}; the files hold that step)", m.step))
}

/// One line of `pairs.jsonl`: the input pair and what the model now says of it.
#[derive(Serialize)]
struct PairLine<'a> {
    prompt: &'a str,
    chosen: &'a str,
    rejected: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    margin: Option<f64>,
    reward_chosen: f64,
    reward_rejected: f64,
    gap: f64,
    split: &'static str,
    flipped: bool,
}

fn write_outputs(trainer: &mut Trainer, out: &Path) -> Result<(), String> {
    let write = |name: &str, text: String| {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: cannot write: {e}", path.display()))
    };
    std::fs::create_dir_all(out).map_err(|e| format!("{}: cannot create: {e}", out.display()))?;

    write("history.csv", history_csv(trainer))?;

    // Written line by line: for 100 000 pairs the whole file would be ~40 MB in memory.
    let path = out.join("pairs.jsonl");
    let fail = |e: std::io::Error| format!("{}: cannot write: {e}", path.display());
    let file = std::fs::File::create(&path).map_err(fail)?;
    let mut lines = std::io::BufWriter::new(file);
    let states = trainer.pair_states();
    for (p, s) in trainer.dataset().pairs.iter().zip(states.iter()) {
        let line = PairLine {
            prompt: &p.prompt,
            chosen: &p.chosen,
            rejected: &p.rejected,
            margin: p.margin,
            reward_chosen: s.reward_chosen,
            reward_rejected: s.reward_rejected,
            gap: s.gap,
            split: if s.test { "test" } else { "train" },
            flipped: s.flipped,
        };
        serde_json::to_writer(&mut lines, &line).map_err(|e| e.to_string())?;
        lines.write_all(b"\n").map_err(fail)?;
    }
    lines.flush().map_err(fail)?;
    drop(states);
    write("model.json", trainer.model().to_json())?;
    for (name, svg) in super::charts::all_svgs(trainer)? {
        write(&name, svg)?;
    }
    Ok(())
}
