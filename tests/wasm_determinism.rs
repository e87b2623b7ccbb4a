//! The same Config and seed give the same numbers to the bit in the browser's wasm as natively.
//!
//! `scripts/test.sh` runs the native CLI first and hands this test the last `history.csv` row it wrote, in
//! `RP_NATIVE_LAST_ROW`; Rust prints floats in their shortest round-trip form, so equal text means equal bits.
//! The test runs in Node (no browser needed).
#![cfg(target_arch = "wasm32")]

use reward_playground::loss::{LossKind, LossSpec};
use reward_playground::model::ModelKind;
use reward_playground::optim::OptimizerKind;
use reward_playground::train::{Config, Trainer};
use wasm_bindgen_test::wasm_bindgen_test;

/// The run `scripts/test.sh` also trains natively:
/// `train --dataset hidden-quality --model mlp --optimizer adam --lr 0.01 --label-noise 0.1 --loss smooth
///  --label-smoothing 0.05 --center-coef 0.01 --seed 7 --steps 300`.
fn config() -> Config {
    Config {
        dataset: "hidden-quality".into(),
        model: ModelKind::Mlp,
        optimizer: OptimizerKind::Adam,
        lr: 0.01,
        label_noise: 0.1,
        loss: LossSpec {
            kind: LossKind::Smooth,
            label_smoothing: 0.05,
            center_coef: 0.01,
        },
        seed: 7,
        ..Config::default()
    }
}

#[wasm_bindgen_test]
fn a_wasm_run_gives_the_native_numbers_to_the_bit() {
    let Some(native) = option_env!("RP_NATIVE_LAST_ROW") else {
        panic!("RP_NATIVE_LAST_ROW is unset: run this test through scripts/test.sh, which trains natively first");
    };
    let mut t = Trainer::from_config(config()).unwrap();
    t.run(300).unwrap();
    assert_eq!(t.metrics().csv_row(), native.trim());
}
