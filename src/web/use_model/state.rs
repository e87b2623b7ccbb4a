//! The scene's state: the pool of the run's data set and what was computed for the shown model.

use std::sync::Arc;

use leptos::prelude::*;

use crate::policy::{builtin_pool, Optimization, Pool};
use crate::web::training::Training;

/// What the scene computed for the shown model: the curves, and every candidate's learned reward.
#[derive(Clone, PartialEq)]
pub struct Computed {
    /// Both curves, their peaks and π_ref's outcome.
    pub opt: Arc<Optimization>,
    /// Learned rewards, prompt by prompt, in the pool's order.
    pub rewards: Arc<Vec<Vec<f64>>>,
}

/// The pool of the run's data set, or why there is none.
pub fn pool_for(t: Training) -> Memo<Result<Arc<Pool>, String>> {
    Memo::new(move |_| {
        let c = t.config.get();
        builtin_pool(&c.dataset, c.seed)
            .map(Arc::new)
            .map_err(|e| e.to_string())
    })
}
