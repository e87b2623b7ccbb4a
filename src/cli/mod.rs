//! The command-line tool `reward-playground` (native only): `loss`, `datasets`, `train`, `score`, `agree`,
//! `optimize`.

mod agree;
mod charts;
mod optimize;
mod train;

use crate::format::plain;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Train a tiny RLHF reward model with the loss −log σ(r_better − r_worse), and look at every step of it.
#[derive(Parser, Debug)]
#[command(name = "reward-playground", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the loss of one pair of rewards as JSON: gap, sigmoid, log_sigmoid, loss, dloss_dgap.
    Loss {
        /// Reward of the better (preferred) response.
        #[arg(long, allow_negative_numbers = true)]
        better: f64,
        /// Reward of the worse response.
        #[arg(long, allow_negative_numbers = true)]
        worse: f64,
    },
    /// List the built-in data sets: a name and a one-line description per line.
    Datasets,
    /// Train a reward model and write history.csv, pairs.jsonl, model.json and SVG charts.
    Train(train::TrainArgs),
    /// Print the reward a saved model gives TEXT, as JSON (per-token contributions for the linear model).
    Score {
        /// A model.json written by `train`.
        #[arg(long, value_name = "FILE")]
        model: PathBuf,
        /// The response to score.
        text: String,
    },
    /// Measure how much labelers agree: one labeler's JSONL of chosen/rejected pairs per file; prints JSON.
    Agree(agree::AgreeArgs),
    /// Use a trained model: best-of-n and π_β ∝ π_ref·exp(r/β) on a candidate pool, gold and proxy against KL.
    Optimize(optimize::OptimizeArgs),
    /// Write the loss explorer's first view (its four charts as SVG, the numbers, the formula) into a built page.
    #[command(hide = true)]
    FirstView {
        /// The built index.html; its `<div id="first-view"></div>` is replaced.
        #[arg(long, value_name = "FILE")]
        html: PathBuf,
        /// The base name of the page's first part (`NAME.js`, `NAME_bg.wasm` beside the page), loaded first.
        #[arg(long, value_name = "NAME")]
        first_part: Option<String>,
    },
}

/// Runs the CLI on the process's arguments; returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return e.exit_code();
        }
    };
    match run(cli.command) {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("reward-playground: {message}");
            1
        }
    }
}

fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Loss { better, worse } => {
            println!("{}", loss_json(better, worse)?);
            Ok(())
        }
        Command::Datasets => {
            for name in crate::data::builtin_names() {
                println!(
                    "{name}\t{}",
                    crate::data::builtin_description(name).unwrap_or("")
                );
            }
            Ok(())
        }
        Command::Train(args) => train::run(args),
        Command::Agree(args) => agree::run(args),
        Command::Optimize(args) => optimize::run(args),
        Command::FirstView { html, first_part } => {
            let page = std::fs::read_to_string(&html)
                .map_err(|e| format!("{}: cannot read: {e}", html.display()))?;
            let first = first_part.as_deref();
            let filled = crate::views::first_view::fill(&page, crate::lesson::START, first)
                .map_err(|e| format!("{}: {e}", html.display()))?;
            std::fs::write(&html, filled)
                .map_err(|e| format!("{}: cannot write: {e}", html.display()))
        }
        Command::Score { model, text } => {
            let json = std::fs::read_to_string(&model)
                .map_err(|e| format!("{}: cannot read: {e}", model.display()))?;
            let model_ = crate::model::RewardModel::from_json(&json)
                .map_err(|e| format!("{}: {e}", model.display()))?;
            println!("{}", score_json(&model_, &text));
            Ok(())
        }
    }
}

/// The `loss` command's JSON for rewards `better` and `worse`; an error names an input that is not finite.
pub fn loss_json(better: f64, worse: f64) -> Result<String, String> {
    for (name, v) in [("--better", better), ("--worse", worse)] {
        if !v.is_finite() {
            return Err(format!("{name} must be a finite number, got {v}"));
        }
    }
    let e = crate::loss::explain(better, worse);
    if !e.gap.is_finite() {
        // 1e308 as `1e308`, not as 309 digits.
        let (b, w) = (plain(better), plain(worse));
        return Err(format!("the gap {b} − ({w}) overflows a 64-bit float"));
    }
    let json = serde_json::json!({
        "gap": e.gap,
        "sigmoid": e.sigmoid,
        "log_sigmoid": e.log_sigmoid,
        "loss": e.loss,
        "dloss_dgap": e.dloss_dgap,
        "dloss_dbetter": e.dloss_dgap,
        "dloss_dworse": -e.dloss_dgap,
    });
    Ok(json.to_string())
}

/// The `score` command's JSON: the reward, then every token with whether the model knows it and (linear model) its
/// contribution.
pub fn score_json(model: &crate::model::RewardModel, text: &str) -> String {
    let s = model.score(text);
    let tokens: Vec<serde_json::Value> = s
        .tokens
        .iter()
        .map(|t| serde_json::json!({"token": t.token, "known": t.known, "contribution": t.contribution}))
        .collect();
    let unknown: Vec<&str> = s
        .tokens
        .iter()
        .filter(|t| !t.known)
        .map(|t| t.token.as_str())
        .collect();
    serde_json::json!({"reward": s.reward, "model": model.kind().name(), "tokens": tokens, "unknown": unknown}).to_string()
}
