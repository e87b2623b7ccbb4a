//! What a policy achieves on a pool: its KL from π_ref and its expected proxy and gold rewards, averaged over the
//! prompts with equal weight, for a list of n (best-of-n) or β (KL-regularized).

use super::best_of_n::{best_of_n_probs, kl_bound};
use super::kl_regularized::{tilted_kl, tilted_probs};
use super::pool::Pool;

/// A policy's numbers, each the mean over prompts of the per-prompt value.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Outcome {
    /// KL(π ‖ π_ref) = Σ_y π(y)·ln(π(y)/π_ref(y)), in nats.
    pub kl: f64,
    /// E_π[learned reward].
    pub proxy: f64,
    /// E_π[gold].
    pub gold: f64,
}

/// One row of `best_of_n.csv`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BestOfNRow {
    /// How many responses are drawn from π_ref.
    pub n: u64,
    /// What best-of-n achieves.
    pub outcome: Outcome,
    /// log n − (n − 1)/n, which `outcome.kl` never exceeds.
    pub kl_bound: f64,
}

/// One row of `kl_regularized.csv`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KlRegularizedRow {
    /// The KL coefficient β of E[r] − β·KL.
    pub beta: f64,
    /// What π_β achieves.
    pub outcome: Outcome,
}

/// The prompt-averaged outcome of a policy that `policy(rewards, ref_probs)` gives as (probabilities, KL) on one
/// prompt; `rewards[k]` are the learned rewards of prompt k's candidates.
fn average(
    pool: &Pool,
    rewards: &[Vec<f64>],
    policy: impl Fn(&[f64], &[f64]) -> (Vec<f64>, f64),
) -> Outcome {
    let mut sum = Outcome {
        kl: 0.0,
        proxy: 0.0,
        gold: 0.0,
    };
    let mut prompts = 0usize;
    for (prompt, r) in pool.prompts.iter().zip(rewards) {
        if prompt.candidates.is_empty() {
            continue;
        }
        let (p, kl) = policy(r, &prompt.ref_probs());
        sum.kl += kl;
        sum.proxy += p.iter().zip(r).map(|(p, r)| p * r).sum::<f64>();
        sum.gold += p
            .iter()
            .zip(&prompt.golds())
            .map(|(p, g)| p * g)
            .sum::<f64>();
        prompts += 1;
    }
    let k = prompts.max(1) as f64;
    Outcome {
        kl: sum.kl / k,
        proxy: sum.proxy / k,
        gold: sum.gold / k,
    }
}

/// KL(p ‖ q) = Σ p·ln(p/q), terms with p = 0 counting 0; never below 0.
pub fn kl_divergence(p: &[f64], q: &[f64]) -> f64 {
    p.iter()
        .zip(q)
        .filter(|(&p, _)| p > 0.0)
        .map(|(&p, &q)| p * libm::log(p / q))
        .sum::<f64>()
        .max(0.0)
}

/// Best-of-n on every prompt of `pool` (see [`best_of_n_probs`]).
pub fn best_of_n(pool: &Pool, rewards: &[Vec<f64>], n: u64) -> Outcome {
    average(pool, rewards, |r, q| {
        let p = best_of_n_probs(r, q, n);
        let kl = kl_divergence(&p, q);
        (p, kl)
    })
}

/// π_β ∝ π_ref·exp(r/β) on every prompt of `pool` (see [`tilted_probs`]).
pub fn kl_regularized(pool: &Pool, rewards: &[Vec<f64>], beta: f64) -> Outcome {
    average(pool, rewards, |r, q| {
        (tilted_probs(r, q, beta), tilted_kl(r, q, beta))
    })
}

/// Best-of-n for each n of `ns`, with the bound.
pub fn best_of_n_curve(pool: &Pool, rewards: &[Vec<f64>], ns: &[u64]) -> Vec<BestOfNRow> {
    ns.iter()
        .map(|&n| BestOfNRow {
            n,
            outcome: best_of_n(pool, rewards, n),
            kl_bound: kl_bound(n),
        })
        .collect()
}

/// π_β for each β of `betas`.
pub fn kl_regularized_curve(
    pool: &Pool,
    rewards: &[Vec<f64>],
    betas: &[f64],
) -> Vec<KlRegularizedRow> {
    betas
        .iter()
        .map(|&beta| KlRegularizedRow {
            beta,
            outcome: kl_regularized(pool, rewards, beta),
        })
        .collect()
}

/// The index of the highest gold (the first one if several are equal); `None` for no outcomes.
pub fn gold_peak(outcomes: impl IntoIterator<Item = Outcome>) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, o) in outcomes.into_iter().enumerate() {
        if best.is_none_or(|(_, g)| o.gold > g) {
            best = Some((i, o.gold));
        }
    }
    best.map(|(i, _)| i)
}

/// The points of the gold-and-proxy chart: √KL, and proxy and gold as gains over `reference` (π_ref's outcome).
pub fn chart_points(
    outcomes: impl IntoIterator<Item = Outcome>,
    reference: Outcome,
) -> Vec<crate::charts::GoldProxyPoint> {
    outcomes
        .into_iter()
        .map(|o| crate::charts::GoldProxyPoint {
            sqrt_kl: libm::sqrt(o.kl.max(0.0)),
            proxy: o.proxy - reference.proxy,
            gold: o.gold - reference.gold,
        })
        .collect()
}

/// The default n: 1, 2, 4, …, 1024.
pub fn default_ns() -> Vec<u64> {
    (0..=10).map(|k| 1u64 << k).collect()
}

/// The default β: 100 down to 0.01 in 20 steps of equal ratio, β_k = 10^(2 − k/5) for k = 0..=20 (21 values).
pub fn default_betas() -> Vec<f64> {
    (0..=20)
        .map(|k| libm::pow(10.0, 2.0 - k as f64 / 5.0))
        .collect()
}
