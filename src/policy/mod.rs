//! Using a reward model: a policy answers a prompt by choosing one response from a fixed pool of candidates, and
//! the reference policy π_ref is where it starts. Two ways to push it towards high learned reward, both exact on
//! the finite pool: best-of-n (keep the best of n draws from π_ref) and the KL-regularized optimum
//! π_β ∝ π_ref·exp(r/β). Each candidate also has a gold score, its true quality, so what the learned (proxy)
//! reward promises can be set beside what the policy truly gets (Gao et al. 2022, arXiv 2210.10760).

mod best_of_n;
mod builtin_pools;
mod kl_regularized;
mod outcome;
mod pool;
mod pool_jsonl;
mod watch;

pub use best_of_n::{best_of_n_probs, kl_bound};
pub use builtin_pools::{
    builtin_pool, PoolError, CANDIDATES_PER_PROMPT, GOLD_DATASETS, LENGTH_BIAS_PADDING_COST,
};
pub use kl_regularized::{log_tilted, tilted_kl, tilted_probs};
pub use outcome::{
    best_of_n, best_of_n_curve, chart_points, default_betas, default_ns, gold_peak, kl_divergence,
    kl_regularized, kl_regularized_curve, BestOfNRow, KlRegularizedRow, Outcome,
};
pub use pool::{known_in, rewards_of, Candidate, Pool, PromptPool};
pub use pool_jsonl::{best_of_n_csv, kl_regularized_csv, pool_jsonl, read_pool};
pub use watch::{favoured_by_best_of_n, favoured_by_kl, Curves, Optimization};
