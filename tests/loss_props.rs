//! Properties of the loss that hold for every input: shift invariance, finiteness, the gradient's sign.

use proptest::prelude::*;
use reward_playground::loss::{explain, pair_terms, LossKind, LossSpec};
use reward_playground::train::set_stats;

fn spec(kind: LossKind, eps: f64, center_coef: f64) -> LossSpec {
    LossSpec {
        kind,
        label_smoothing: eps,
        center_coef,
    }
}

fn kind() -> impl Strategy<Value = LossKind> {
    prop_oneof![
        Just(LossKind::Bt),
        Just(LossKind::Margin),
        Just(LossKind::Smooth)
    ]
}

proptest! {
    #[test]
    fn shifting_every_reward_leaves_the_loss_and_its_gradient_unchanged(
        kind in kind(), eps in 0.01f64..0.49, c in -50.0f64..50.0, r in -50.0f64..50.0,
        shift in -100.0f64..100.0, margin in 0.0f64..2.0,
    ) {
        let s = spec(kind, eps, 0.0);
        let a = pair_terms(&s, c, r, Some(margin));
        let b = pair_terms(&s, c + shift, r + shift, Some(margin));
        // The shift changes the gap only by rounding: compare at the gap's own precision.
        let tol = 1e-12 * (1.0 + c.abs() + r.abs() + shift.abs());
        prop_assert!((a.loss - b.loss).abs() <= tol * 10.0, "{a:?} vs {b:?}");
        prop_assert!((a.dloss_dchosen - b.dloss_dchosen).abs() <= tol * 10.0);
        prop_assert!((a.dloss_drejected - b.dloss_drejected).abs() <= tol * 10.0);
    }

    #[test]
    fn shifting_every_reward_leaves_accuracy_unchanged(
        kind in kind(),
        rewards in prop::collection::vec((-20i32..20, -20i32..20), 1..30),
        shift in -1000i32..1000,
    ) {
        // Integer-valued rewards shift exactly, so ties stay ties.
        let s = spec(kind, 0.1, 0.0);
        let r: Vec<(f64, f64)> = rewards.iter().map(|&(a, b)| (a as f64, b as f64)).collect();
        let shifted: Vec<(f64, f64)> = r.iter().map(|&(a, b)| (a + shift as f64, b + shift as f64)).collect();
        let units: Vec<Vec<usize>> = (0..r.len()).map(|i| vec![i]).collect();
        let margins = vec![None; r.len()];
        let x = set_stats(&units, &r, &margins, &s).unwrap();
        let y = set_stats(&units, &shifted, &margins, &s).unwrap();
        prop_assert_eq!(x.accuracy, y.accuracy);
        prop_assert_eq!(x.margin, y.margin);
        prop_assert!((x.loss - y.loss).abs() < 1e-12);
    }

    #[test]
    fn the_centering_term_is_the_one_that_is_not_shift_invariant(
        c in -5.0f64..5.0, r in -5.0f64..5.0, shift in 1.0f64..10.0,
    ) {
        let s = spec(LossKind::Bt, 0.1, 0.01);
        let a = pair_terms(&s, c, r, None);
        let b = pair_terms(&s, c + shift, r + shift, None);
        // Unless the shift moves the rewards' sum to its mirror image, the loss changes.
        prop_assume!(((c + r) + (c + r + 2.0 * shift)).abs() > 1e-3);
        prop_assert!((a.loss - b.loss).abs() > 1e-9);
    }

    #[test]
    fn the_loss_is_finite_non_negative_and_pulls_the_gap_up(better in -1e6f64..1e6, worse in -1e6f64..1e6) {
        let e = explain(better, worse);
        prop_assert!(e.loss.is_finite() && e.loss >= 0.0);
        prop_assert!(e.log_sigmoid <= 0.0);
        prop_assert!((0.0..=1.0).contains(&e.sigmoid));
        // dloss/dΔ = −σ(−Δ) ∈ [−1, 0]: raising the gap never raises the loss.
        prop_assert!(e.dloss_dgap <= 0.0 && e.dloss_dgap >= -1.0);
    }
}

/// The bits of a number, with every NaN the same (a NaN's payload is not a number the page shows).
fn bits(x: f64) -> u64 {
    if x.is_nan() {
        f64::NAN.to_bits()
    } else {
        x.to_bits()
    }
}

/// `pair_readout` (one exp, one log1p) against the four functions it stands for: the same numbers, bit for bit.
fn assert_readout_is_exact(s: &LossSpec, c: f64, r: f64, margin: Option<f64>) {
    use reward_playground::loss::{gradient_weight, log_sigmoid, pair_loss, pair_readout, sigmoid};
    let read = pair_readout(s, c, r, margin);
    let gap = c - r;
    let at = format!("{s:?} c {c} r {r} margin {margin:?}");
    assert_eq!(bits(read.sigmoid), bits(sigmoid(gap)), "σ: {at}");
    assert_eq!(
        bits(read.log_sigmoid),
        bits(log_sigmoid(gap)),
        "log σ: {at}"
    );
    assert_eq!(
        bits(read.gradient_weight),
        bits(gradient_weight(gap)),
        "σ(−Δ): {at}"
    );
    assert_eq!(
        bits(read.loss),
        bits(pair_loss(s, c, r, margin)),
        "loss: {at}"
    );
}

#[test]
fn a_pairs_readout_is_bit_for_bit_the_four_functions_at_the_edges() {
    let edges = [
        0.0, -0.0, 1e-300, -1e-300, 36.0, -36.0, 745.0, -745.0, 1e308, -1e308,
    ];
    let odd = [f64::INFINITY, f64::NEG_INFINITY, f64::NAN];
    for kind in [LossKind::Bt, LossKind::Margin, LossKind::Smooth] {
        for center in [0.0, 0.01] {
            let s = spec(kind, 0.1, center);
            for c in edges.iter().chain(&odd) {
                for r in edges.iter().chain(&odd) {
                    assert_readout_is_exact(&s, *c, *r, Some(0.5));
                    assert_readout_is_exact(&s, *c, *r, None);
                }
            }
        }
    }
}

proptest! {
    #[test]
    fn a_pairs_readout_is_bit_for_bit_the_four_functions(
        kind in kind(), eps in 0.01f64..0.49, center in prop_oneof![Just(0.0), 0.0f64..0.1],
        c in -60.0f64..60.0, r in -60.0f64..60.0, margin in prop::option::of(0.0f64..2.0),
    ) {
        assert_readout_is_exact(&spec(kind, eps, center), c, r, margin);
    }
}
