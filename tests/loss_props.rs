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
