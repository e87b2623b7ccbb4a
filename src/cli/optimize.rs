//! `reward-playground optimize`: a trained reward model used by two policies on a candidate pool, best-of-n and
//! π_β ∝ π_ref·exp(r/β); writes pool.jsonl, best_of_n.csv, kl_regularized.csv and gold_proxy.svg.

use crate::charts::{self, draw_gold_proxy, GoldProxyView, Theme};
use crate::model::RewardModel;
use crate::policy::{self, Pool};
use clap::Args;
use std::path::{Path, PathBuf};

/// Flags of `optimize`.
#[derive(Args, Debug)]
pub struct OptimizeArgs {
    /// A model.json written by `train`: its rewards are the proxy.
    #[arg(long, value_name = "FILE")]
    model: PathBuf,
    /// A built-in data set with a gold rule: hidden-quality, length-bias, noisy-labels or padding.
    #[arg(long, value_name = "NAME", conflicts_with = "data")]
    dataset: Option<String>,
    /// A pool file instead: one JSON object per line with prompt, response, gold and optionally ref_prob.
    #[arg(long, value_name = "FILE.jsonl")]
    data: Option<PathBuf>,
    /// The n of best-of-n, comma-separated whole numbers ≥ 1 [default: 1,2,4,…,1024].
    #[arg(long, value_name = "LIST")]
    n: Option<String>,
    /// The β of π_β, comma-separated positive numbers [default: 100 down to 0.01 in 20 equal-ratio steps].
    #[arg(long, value_name = "LIST")]
    beta: Option<String>,
    /// Seed of the built-in pool's candidates.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Folder for the output files (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

/// The chart's file and size.
const CHART: (&str, u32, u32) = ("gold_proxy.svg", 640, 360);

/// Parses `--n`: comma-separated whole numbers, each at least 1.
pub fn parse_ns(text: &str) -> Result<Vec<u64>, String> {
    items(text, "--n")?
        .into_iter()
        .map(|item| match item.parse::<u64>() {
            Ok(0) => Err(format!("--n: n must be at least 1, got {item:?}")),
            Ok(n) => Ok(n),
            Err(_) => Err(format!("--n: {item:?} is not a whole number ≥ 1")),
        })
        .collect()
}

/// Parses `--beta`: comma-separated finite numbers, each above 0.
pub fn parse_betas(text: &str) -> Result<Vec<f64>, String> {
    items(text, "--beta")?
        .into_iter()
        .map(|item| match item.parse::<f64>() {
            Ok(b) if b.is_finite() && b > 0.0 => Ok(b),
            Ok(_) => Err(format!(
                "--beta: β must be a finite number above 0, got {item:?}"
            )),
            Err(_) => Err(format!("--beta: {item:?} is not a number")),
        })
        .collect()
}

fn items<'a>(text: &'a str, flag: &str) -> Result<Vec<&'a str>, String> {
    let items: Vec<&str> = text.split(',').map(str::trim).collect();
    if items.iter().any(|i| i.is_empty()) {
        return Err(format!(
            "{flag}: {text:?} is not a comma-separated list (an entry is empty)"
        ));
    }
    Ok(items)
}

fn load_pool(args: &OptimizeArgs) -> Result<Pool, String> {
    match (&args.data, &args.dataset) {
        (Some(path), _) => {
            let bytes =
                std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
            policy::read_pool(&path.display().to_string(), &bytes).map_err(|errors| {
                let lines: Vec<String> = errors
                    .iter()
                    .take(crate::data::SHOWN_PROBLEMS)
                    .map(|e| format!("{}: {e}", path.display()))
                    .collect();
                lines.join("\n")
            })
        }
        (None, Some(name)) => policy::builtin_pool(name, args.seed).map_err(|e| e.to_string()),
        (None, None) => Err(format!(
            "give --dataset NAME (one of {}) or --data FILE.jsonl",
            policy::GOLD_DATASETS.join(", ")
        )),
    }
}

pub fn run(args: OptimizeArgs) -> Result<(), String> {
    let ns = args
        .n
        .as_deref()
        .map_or_else(|| Ok(policy::default_ns()), parse_ns)?;
    let betas = args
        .beta
        .as_deref()
        .map_or_else(|| Ok(policy::default_betas()), parse_betas)?;
    let json = std::fs::read_to_string(&args.model)
        .map_err(|e| format!("{}: cannot read: {e}", args.model.display()))?;
    let model =
        RewardModel::from_json(&json).map_err(|e| format!("{}: {e}", args.model.display()))?;
    let pool = load_pool(&args)?;
    if pool.known_words(&model) == 0 {
        return Err(format!(
            "{}: the model knows none of the words of the {} pool's responses, so every reward would be the same; \
             train it on this data set first",
            args.model.display(),
            pool.name
        ));
    }
    let rewards = pool.rewards(&model);
    let bon = policy::best_of_n_curve(&pool, &rewards, &ns);
    let kl = policy::kl_regularized_curve(&pool, &rewards, &betas);
    write_outputs(&args.out, &pool, &rewards, &bon, &kl)?;
    let (bon_peak, kl_peak) = (
        policy::gold_peak(bon.iter().map(|r| r.outcome)).unwrap_or(0),
        policy::gold_peak(kl.iter().map(|r| r.outcome)).unwrap_or(0),
    );
    let (b, k) = (&bon[bon_peak], &kl[kl_peak]);
    println!(
        "{} candidates for {} prompts of {}: best-of-n gold peaks at n = {} (gold {:.3}, proxy {:.3}, KL {:.3}); \
         KL-regularized gold peaks at beta = {} (gold {:.3}, proxy {:.3}, KL {:.3}); wrote {}",
        pool.len(),
        pool.prompts.len(),
        pool.name,
        b.n,
        b.outcome.gold,
        b.outcome.proxy,
        b.outcome.kl,
        crate::format::plain(k.beta),
        k.outcome.gold,
        k.outcome.proxy,
        k.outcome.kl,
        args.out.display()
    );
    Ok(())
}

fn write_outputs(
    out: &Path,
    pool: &Pool,
    rewards: &[Vec<f64>],
    bon: &[policy::BestOfNRow],
    kl: &[policy::KlRegularizedRow],
) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: cannot create: {e}", out.display()))?;
    let write = |name: &str, text: String| {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: cannot write: {e}", path.display()))
    };
    write("pool.jsonl", policy::pool_jsonl(pool, rewards))?;
    write("best_of_n.csv", policy::best_of_n_csv(bon))?;
    write("kl_regularized.csv", policy::kl_regularized_csv(kl))?;
    // Both curves start from π_ref's own numbers: best-of-1, which is π_ref exactly.
    let reference = policy::best_of_n(pool, rewards, 1);
    let bon_points = policy::chart_points(bon.iter().map(|r| r.outcome), reference);
    let kl_points = policy::chart_points(kl.iter().map(|r| r.outcome), reference);
    let view = GoldProxyView {
        best_of_n: &bon_points,
        kl_regularized: &kl_points,
        current_best_of_n: None,
        current_kl_regularized: None,
    };
    let (name, w, h) = CHART;
    let svg = charts::to_svg(w, h, |area| draw_gold_proxy(area, &view, &Theme::light()))
        .map_err(|e| format!("{name}: {e}"))?;
    write(name, svg)
}
