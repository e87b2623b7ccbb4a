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

/// The page's default run (linear, helpfulness, SGD, batch of 4 prompts), timed as `benchTrain` times it inside the
/// page's wasm (src/web/bench.rs): a new run, 1 000 warm-up steps, then the timed steps. tests/e2e/bench/throughput.mjs
/// reads this result from target/criterion/default_run_step/new/estimates.json.
fn default_run(c: &mut Criterion) {
    c.bench_function("default_run_step", |b| {
        b.iter_custom(|steps| {
            let mut trainer =
                Trainer::from_config(Config::default()).expect("the default run starts");
            trainer.run(1000).expect("the default run does not diverge");
            let start = std::time::Instant::now();
            black_box(trainer.run(steps)).expect("the default run does not diverge");
            start.elapsed()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2));
    targets = throughput, default_run
}
criterion_main!(benches);
