//! `Config::validate` and `Trainer::new` on any settings (NaN, ∞, 1e308, negatives, huge batches), then a few steps
//! on small data: nothing panics, and a run that starts never shows a NaN loss while it reports no divergence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reward_playground::data::Dataset;
use reward_playground::loss::LossKind;
use reward_playground::model::ModelKind;
use reward_playground::optim::OptimizerKind;
use reward_playground::train::{Config, Grouping, Trainer};

/// Reads fixed-size fields from the fuzzer's bytes (zeros once they run out).
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0; N];
        let n = N.min(self.0.len());
        out[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        out
    }
    fn f64(&mut self) -> f64 {
        f64::from_le_bytes(self.take())
    }
    fn u8(&mut self) -> u8 {
        self.take::<1>()[0]
    }
}

const SMALL: &str = r#"{"prompt":"p1","chosen":"good clear answer","rejected":"bad"}
{"prompt":"p2","chosen":"kind and right","rejected":"rude","margin":2}
{"prompt":"p3","ranking":["best answer here","fine","poor"]}
{"prompt":"p4","chosen":"short","rejected":"a much longer but worse reply"}
"#;

fuzz_target!(|bytes: &[u8]| {
    let mut b = Bytes(bytes);
    let mut config = Config {
        model: ModelKind::ALL[usize::from(b.u8() % 2)],
        optimizer: OptimizerKind::ALL[usize::from(b.u8() % 2)],
        lr: b.f64(),
        momentum: b.f64(),
        batch_size: usize::from(b.u8()),
        weight_decay: b.f64(),
        seed: u64::from_le_bytes(b.take()),
        test_fraction: b.f64(),
        grouping: Grouping::ALL[usize::from(b.u8() % 2)],
        label_noise: b.f64(),
        ..Config::default()
    };
    config.loss.kind = LossKind::ALL[usize::from(b.u8() % 3)];
    config.loss.label_smoothing = b.f64();
    config.loss.center_coef = b.f64();
    let valid = config.validate().is_ok();
    let data = Dataset::parse_jsonl("fuzz", SMALL.as_bytes()).expect("the small data set parses");
    if let Ok(mut trainer) = Trainer::new(config, data) {
        {
            assert!(valid, "Trainer::new accepted a config validate() refuses");
            for _ in 0..20 {
                if trainer.step().is_err() {
                    break;
                }
                let m = trainer.metrics();
                assert!(
                    !m.loss.is_nan() || trainer.diverged(),
                    "NaN loss without divergence"
                );
            }
        }
    }
});
