//! A benchmark entry point: tests/e2e/bench/throughput.mjs times the trainer inside the page's own module.

use wasm_bindgen::prelude::*;

use super::training::state::now;
use crate::train::{Config, Trainer};

/// Starts a run with the default settings, takes `warmup` steps, then times `steps` more and returns the
/// milliseconds they took (NaN if the run could not start or diverged). `benches/train.rs` times the same
/// steps natively (`default_run`).
#[wasm_bindgen(js_name = benchTrain)]
pub fn bench_train(warmup: u32, steps: u32) -> f64 {
    let Ok(mut trainer) = Trainer::from_config(Config::default()) else {
        return f64::NAN;
    };
    if trainer.run(u64::from(warmup)).is_err() {
        return f64::NAN;
    }
    let start = now();
    match trainer.run(u64::from(steps)) {
        Ok(()) => now() - start,
        Err(_) => f64::NAN,
    }
}
