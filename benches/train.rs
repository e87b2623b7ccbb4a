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

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2));
    targets = throughput
}
criterion_main!(benches);
