//! Training throughput: pair-gradients per second for both models on the built-in data sets.
//!
//! `cargo bench --bench train`. One iteration is one full-batch step: every training pair's loss, gradient and
//! the optimizer update, plus the metrics bookkeeping a step does.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use reward_playground::data::builtin_names;
use reward_playground::model::ModelKind;
use reward_playground::train::{Config, Trainer};
use std::hint::black_box;

fn throughput(c: &mut Criterion) {
    let mut group = c.benchmark_group("pair_gradients");
    for model in ModelKind::ALL {
        for &dataset in builtin_names() {
            let config = Config {
                dataset: dataset.to_string(),
                model,
                batch_size: 0,
                lr: 0.05,
                ..Config::default()
            };
            let mut trainer = Trainer::from_config(config).expect("built-in data sets train");
            let pairs: usize = trainer.train_units().iter().map(Vec::len).sum();
            group.throughput(Throughput::Elements(pairs as u64));
            group.bench_function(BenchmarkId::new(model.name(), dataset), |b| {
                b.iter(|| black_box(trainer.step()).expect("no divergence at lr 0.05"))
            });
        }
    }
    group.finish();
}

/// Steps per iteration of `default_run`, as in `benchTrain(1000, 100000)`.
const DEFAULT_RUN_STEPS: u64 = 100_000;

/// The page's default run (linear, helpfulness, SGD, batch of 4 prompts), timed as `benchTrain` times it inside the
/// page's wasm (src/web/bench.rs): one iteration is a new run, 1 000 untimed warm-up steps, then 100 000 timed steps.
/// tests/e2e/bench/throughput.mjs reads the result from target/criterion/default_run/steps/new/estimates.json.
fn default_run(c: &mut Criterion) {
    let mut group = c.benchmark_group("default_run");
    group.sample_size(10);
    group.throughput(Throughput::Elements(DEFAULT_RUN_STEPS));
    group.bench_function("steps", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                let mut trainer =
                    Trainer::from_config(Config::default()).expect("the default run starts");
                trainer.run(1000).expect("the default run does not diverge");
                let start = std::time::Instant::now();
                black_box(trainer.run(DEFAULT_RUN_STEPS))
                    .expect("the default run does not diverge");
                total += start.elapsed();
            }
            total
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2));
    targets = throughput, default_run
}
criterion_main!(benches);
