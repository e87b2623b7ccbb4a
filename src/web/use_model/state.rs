//! The scene's state: the pool of the run's data set and what was computed for the shown model.

use std::sync::Arc;

use leptos::prelude::*;

use crate::policy::{builtin_pool, known_in, rewards_of, Curves, Optimization, Pool};
use crate::web::canvas::FrameScheduler;
use crate::web::training::{now, Training};

/// What the scene computed for the shown model: the curves, and every candidate's learned reward.
#[derive(Clone, PartialEq)]
pub struct Computed {
    /// Both curves, their peaks and π_ref's outcome.
    pub opt: Arc<Optimization>,
    /// Learned rewards, prompt by prompt, in the pool's order.
    pub rewards: Arc<Vec<Vec<f64>>>,
}

/// What the scene computed for the shown model, or why it has nothing (`None`: not computed yet). Provided by the
/// page, so the lesson can quote and check the scene's numbers.
#[derive(Clone, Copy)]
pub struct UseComputed(pub RwSignal<Option<Result<Computed, String>>>);

impl UseComputed {
    /// Nothing computed yet.
    pub fn new() -> UseComputed {
        UseComputed(RwSignal::new(None))
    }
}

impl Default for UseComputed {
    fn default() -> UseComputed {
        UseComputed::new()
    }
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

/// The pool's candidates as token ids, for one pool and vocabulary (keyed by the pool's address and the vocabulary's
/// size), with how many distinct words of theirs the model knows.
type Encoded = ((usize, usize), Arc<Vec<Vec<Vec<usize>>>>, usize);

/// Work kept for the next animation frame: the pool encoded for the run's vocabulary, and the curves under way.
#[derive(Default)]
struct Work {
    /// (the pool it was encoded from, the vocabulary's size) and the ids and how many distinct words are known.
    encoded: Option<Encoded>,
    /// The curves being computed, a few points per frame.
    job: Option<Curves>,
    /// The shown run changed since the job started.
    pending: bool,
}

/// Keeps `computed` up to date with the shown run while the scene is on screen, without ever blocking a frame for
/// long: the curves (32 points over every prompt of the pool) are computed a few points per animation frame, within
/// [`SLICE_MS`]; a run that changes meanwhile is computed again as soon as the curves under way are done.
pub fn follow_run(
    t: Training,
    pool: Memo<Result<Arc<Pool>, String>>,
    on_screen: Signal<bool>,
    computed: RwSignal<Option<Result<Computed, String>>>,
) {
    let work: StoredValue<Work, LocalStorage> = StoredValue::new_local(Work::default());
    let scheduler = FrameScheduler::new(move || {
        if !on_screen.get_untracked() {
            return false;
        }
        let deadline = now() + SLICE_MS;
        let Ok(pool) = pool.get_untracked() else {
            if let Err(e) = pool.get_untracked() {
                computed.set(Some(Err(e)));
            }
            return false;
        };
        let started = work
            .try_update_value(|w| {
                if w.job.is_some() {
                    return Ok(true);
                }
                if !w.pending {
                    return Ok(false);
                }
                w.pending = false;
                let key = Arc::as_ptr(&pool) as usize;
                let rewards = t.with_run(|r| {
                    let model = r.shown().model();
                    let id = (key, model.vocab().len());
                    if w.encoded.as_ref().is_none_or(|(k, ..)| *k != id) {
                        let ids = pool.encode(model);
                        let known = known_in(&ids);
                        w.encoded = Some((id, Arc::new(ids), known));
                    }
                    let (_, ids, known) = w.encoded.as_ref()?;
                    (*known > 0).then(|| rewards_of(model, ids))
                });
                match rewards {
                    Some(Some(r)) => {
                        w.job = Some(Curves::new(r));
                        Ok(true)
                    }
                    _ => Err(
                        "the model knows none of the pool's words yet: train it on this data set first"
                            .to_string(),
                    ),
                }
            })
            .unwrap_or(Ok(false));
        match started {
            Ok(true) => {}
            Ok(false) => return false,
            Err(e) => {
                computed.set(Some(Err(e)));
                return false;
            }
        }
        loop {
            let step = work.try_update_value(|w| {
                let job = w.job.as_mut()?;
                let done = job.advance(&pool)?;
                let rewards = Arc::new(job.rewards().to_vec());
                w.job = None;
                Some((done, rewards, w.pending))
            });
            match step.flatten() {
                Some((opt, rewards, again)) => {
                    computed.set(Some(Ok(Computed {
                        opt: Arc::new(opt),
                        rewards,
                    })));
                    return again;
                }
                None if now() >= deadline => return true,
                None => {}
            }
        }
    });
    Effect::new(move |_| {
        t.version.track();
        pool.track();
        let shown = on_screen.get();
        work.update_value(|w| w.pending = true);
        if shown {
            scheduler.request();
        }
    });
}

/// Longest slice of the curves' work in one animation frame, in ms: the rest is left for training and drawing.
const SLICE_MS: f64 = 5.0;
