//! What the "Use the model" scene shows, pure: both policies' curves for a pool and the current model's rewards,
//! where gold peaks, how far past the peak a chosen n or β is, and which response each policy favours now.

use super::outcome::{
    best_of_n, best_of_n_curve, chart_points, default_betas, default_ns, gold_peak, kl_regularized,
    kl_regularized_curve, BestOfNRow, KlRegularizedRow, Outcome,
};
use super::{best_of_n_probs, tilted_probs, Pool};
use crate::charts::GoldProxyPoint;
use crate::format::{fixed, significant, GAIN_NOISE};

/// Both policies along their default settings (n = 1, 2, …, 1024; β = 100 down to 0.01), for one model's rewards.
#[derive(Clone, Debug, PartialEq)]
pub struct Optimization {
    /// Best-of-n at each default n.
    pub best_of_n: Vec<BestOfNRow>,
    /// π_β at each default β, from the largest β (closest to π_ref) down.
    pub kl_regularized: Vec<KlRegularizedRow>,
    /// The best-of-n curve as the chart draws it (gains over π_ref against √KL).
    pub best_of_n_points: Vec<GoldProxyPoint>,
    /// The π_β curve as the chart draws it.
    pub kl_points: Vec<GoldProxyPoint>,
    /// Index of the n whose expected gold is highest.
    pub best_of_n_peak: usize,
    /// Index of the β whose expected gold is highest.
    pub kl_peak: usize,
    /// π_ref's own outcome (best-of-1).
    pub reference: Outcome,
}

impl Optimization {
    /// Both curves for `pool` with the learned rewards `rewards` (one list per prompt, as [`Pool::rewards`] gives).
    pub fn new(pool: &Pool, rewards: &[Vec<f64>]) -> Optimization {
        let bon = best_of_n_curve(pool, rewards, &default_ns());
        let kl = kl_regularized_curve(pool, rewards, &default_betas());
        Optimization::from_rows(bon, kl)
    }

    /// The curves from rows already computed (a page computes them a few per frame: [`Curves`]). The first
    /// best-of-n row must be n = 1, which is π_ref itself.
    pub fn from_rows(bon: Vec<BestOfNRow>, kl: Vec<KlRegularizedRow>) -> Optimization {
        let reference = bon.first().map(|r| r.outcome).unwrap_or_default();
        Optimization {
            best_of_n_points: chart_points(bon.iter().map(|r| r.outcome), reference),
            kl_points: chart_points(kl.iter().map(|r| r.outcome), reference),
            best_of_n_peak: gold_peak(bon.iter().map(|r| r.outcome)).unwrap_or(0),
            kl_peak: gold_peak(kl.iter().map(|r| r.outcome)).unwrap_or(0),
            best_of_n: bon,
            kl_regularized: kl,
            reference,
        }
    }

    /// Whether the model gives every candidate of each prompt the same reward (a fresh model: every weight 0), so
    /// that neither policy moves from π_ref at any setting and there is no peak to speak of.
    pub fn is_flat(&self) -> bool {
        self.best_of_n.iter().all(|r| r.outcome.kl < GAIN_NOISE)
            && self
                .kl_regularized
                .iter()
                .all(|r| r.outcome.kl < GAIN_NOISE)
    }

    /// The chart's data as a table: one row per n, then one per β, with KL and the gains over π_ref.
    pub fn table(&self) -> crate::views::Table {
        let r = self.reference;
        let row = |name: String, o: Outcome| {
            vec![
                name,
                fixed(o.kl, 4),
                fixed(o.proxy - r.proxy, 4),
                fixed(o.gold - r.gold, 4),
            ]
        };
        let rows = self
            .best_of_n
            .iter()
            .map(|b| row(format!("best-of-{}", b.n), b.outcome))
            .chain(
                self.kl_regularized
                    .iter()
                    .map(|k| row(format!("π_β, β = {}", significant(k.beta, 3)), k.outcome)),
            )
            .collect();
        crate::views::Table::new(&["policy", "KL", "proxy gain", "gold gain"], rows)
    }

    /// One sentence on best-of-n at the `i`-th default n: where gold peaks and how far past it n is.
    pub fn best_of_n_sentence(&self, i: usize) -> String {
        if self.is_flat() {
            return FLAT.to_string();
        }
        let (Some(row), Some(peak)) = (
            self.best_of_n.get(i),
            self.best_of_n.get(self.best_of_n_peak),
        ) else {
            return String::new();
        };
        let gain = |o: Outcome| (o.proxy - self.reference.proxy, o.gold - self.reference.gold);
        let (proxy, gold) = gain(row.outcome);
        let (_, peak_gold) = gain(peak.outcome);
        let doublings = i as i64 - self.best_of_n_peak as i64;
        let head = format!("Gold peaks at n = {} ({}).", peak.n, signed(peak_gold));
        let place = match doublings {
            0 => "n is at the peak.".to_string(),
            d if d > 0 => format!(
                "n = {} is {} past it: the learned reward still promises {}, the true quality is {}.",
                row.n,
                count(d as u64, "doubling"),
                signed(proxy),
                signed(gold)
            ),
            d => format!(
                "n = {} is {} short of it: more samples would still help.",
                row.n,
                count(d.unsigned_abs(), "doubling")
            ),
        };
        format!("{head} {place}")
    }

    /// One sentence on π_β at the `i`-th default β: where gold peaks and how far past it β is.
    pub fn kl_sentence(&self, i: usize) -> String {
        if self.is_flat() {
            return String::new();
        }
        let (Some(row), Some(peak)) = (
            self.kl_regularized.get(i),
            self.kl_regularized.get(self.kl_peak),
        ) else {
            return String::new();
        };
        let (proxy, gold) = (
            row.outcome.proxy - self.reference.proxy,
            row.outcome.gold - self.reference.gold,
        );
        let peak_gold = peak.outcome.gold - self.reference.gold;
        let head = format!(
            "Gold peaks at β = {} ({}).",
            significant(peak.beta, 3),
            signed(peak_gold)
        );
        let place = if i == self.kl_peak {
            "β is at the peak.".to_string()
        } else if i > self.kl_peak {
            format!(
                "β = {} pushes harder than that: the learned reward promises {}, the true quality is {}.",
                significant(row.beta, 3),
                signed(proxy),
                signed(gold)
            )
        } else {
            format!(
                "β = {} stays closer to π_ref: a smaller β would still help.",
                significant(row.beta, 3)
            )
        };
        format!("{head} {place}")
    }
}

/// Both curves computed a few points at a time, so a page can spread the work over animation frames: each
/// [`Curves::advance`] computes one more point (one n or one β over every prompt).
#[derive(Clone, Debug)]
pub struct Curves {
    rewards: Vec<Vec<f64>>,
    bon: Vec<BestOfNRow>,
    kl: Vec<KlRegularizedRow>,
}

impl Curves {
    /// A computation for these rewards, nothing computed yet.
    pub fn new(rewards: Vec<Vec<f64>>) -> Curves {
        Curves {
            rewards,
            bon: Vec::new(),
            kl: Vec::new(),
        }
    }

    /// Computes the next point; returns the finished curves once every point is there.
    pub fn advance(&mut self, pool: &Pool) -> Option<Optimization> {
        let (ns, betas) = (default_ns(), default_betas());
        if let Some(&n) = ns.get(self.bon.len()) {
            self.bon.push(BestOfNRow {
                n,
                outcome: best_of_n(pool, &self.rewards, n),
                kl_bound: super::kl_bound(n),
            });
        } else if let Some(&beta) = betas.get(self.kl.len()) {
            self.kl.push(KlRegularizedRow {
                beta,
                outcome: kl_regularized(pool, &self.rewards, beta),
            });
        }
        (self.bon.len() == ns.len() && self.kl.len() == betas.len())
            .then(|| Optimization::from_rows(self.bon.clone(), self.kl.clone()))
    }

    /// The rewards these curves are for.
    pub fn rewards(&self) -> &[Vec<f64>] {
        &self.rewards
    }
}

/// The response of prompt `p` that best-of-n keeps most often, and how often.
pub fn favoured_by_best_of_n(
    pool: &Pool,
    rewards: &[Vec<f64>],
    p: usize,
    n: u64,
) -> Option<(usize, f64)> {
    let prompt = pool.prompts.get(p)?;
    argmax(&best_of_n_probs(rewards.get(p)?, &prompt.ref_probs(), n))
}

/// The response of prompt `p` that π_β gives the most probability, and that probability.
pub fn favoured_by_kl(
    pool: &Pool,
    rewards: &[Vec<f64>],
    p: usize,
    beta: f64,
) -> Option<(usize, f64)> {
    let prompt = pool.prompts.get(p)?;
    argmax(&tilted_probs(rewards.get(p)?, &prompt.ref_probs(), beta))
}

fn argmax(p: &[f64]) -> Option<(usize, f64)> {
    p.iter()
        .copied()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .fold(None, |best, (i, v)| match best {
            Some((_, b)) if b >= v => best,
            _ => Some((i, v)),
        })
}

/// What both sentences come down to for a model that scores every candidate alike.
const FLAT: &str =
    "The reward model gives every answer of a prompt the same reward, so best-of-n and π_β are \
                    π_ref at every n and β: train it first.";

/// A gain written with its sign: "+0.52", "−0.10".
fn signed(v: f64) -> String {
    let text = fixed(v, 2);
    if v >= 0.0 && !text.starts_with('+') {
        format!("+{text} over π_ref")
    } else {
        format!("{text} over π_ref")
    }
}

fn count(n: u64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
