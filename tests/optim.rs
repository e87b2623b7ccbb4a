//! The optimizers as a trainer relies on them: the exact SGD step, momentum, Adam's first step, weight decay,
//! convergence on a simple bowl, and snapshots that continue identically.

use reward_playground::optim::{Optimizer, OptimizerKind};

/// f(p) = Σ_i c_i (p_i − t_i)², a bowl with its lowest point at t; returns ∇f.
fn bowl_gradient(p: &[f64]) -> Vec<f64> {
    const TARGET: [f64; 3] = [1.0, -2.0, 0.5];
    const CURVATURE: [f64; 3] = [1.0, 4.0, 0.25];
    p.iter()
        .zip(TARGET)
        .zip(CURVATURE)
        .map(|((p, t), c)| 2.0 * c * (p - t))
        .collect()
}

#[test]
fn one_plain_sgd_step_is_exactly_p_minus_lr_times_g() {
    let mut opt = Optimizer::new(OptimizerKind::Sgd, 3, 0.0, 0.0);
    let mut p = [0.3, -1.7, 2.0];
    let g = [0.1, -0.25, 3.0];
    opt.step(&mut p, &g, 0.05);
    assert_eq!(p, [0.3 - 0.05 * 0.1, -1.7 - 0.05 * -0.25, 2.0 - 0.05 * 3.0]);
    assert_eq!(opt.steps(), 1);
    assert_eq!(opt.kind(), OptimizerKind::Sgd);
}

#[test]
fn momentum_accumulates_past_gradients() {
    let mut opt = Optimizer::new(OptimizerKind::Sgd, 1, 0.9, 0.0);
    let mut p = [0.0];
    opt.step(&mut p, &[1.0], 0.5); // v = 1
    assert_eq!(p, [-0.5]);
    opt.step(&mut p, &[1.0], 0.5); // v = 0.9 + 1 = 1.9
    assert_eq!(p, [-0.5 - 0.5 * 1.9]);
    opt.step(&mut p, &[0.0], 0.5); // no gradient, still moving: v = 1.71
    assert_eq!(p, [-0.5 - 0.5 * 1.9 - 0.5 * (0.9 * 1.9)]);
}

#[test]
fn adams_first_step_moves_every_parameter_by_about_lr_whatever_its_gradient_scale() {
    let mut opt = Optimizer::new(OptimizerKind::Adam, 4, 0.9, 0.0);
    let mut p = [1.0; 4];
    let g = [1e-3, -50.0, 2.0, 0.0];
    opt.step(&mut p, &g, 0.01);
    for (i, expected) in [1.0 - 0.01, 1.0 + 0.01, 1.0 - 0.01, 1.0]
        .into_iter()
        .enumerate()
    {
        assert!(
            (p[i] - expected).abs() < 1e-7,
            "param {i}: {} vs {expected}",
            p[i]
        );
    }
}

#[test]
fn both_optimizers_find_the_bottom_of_a_bowl() {
    for (kind, momentum, lr, steps) in [
        (OptimizerKind::Sgd, 0.0, 0.1, 300),
        (OptimizerKind::Sgd, 0.9, 0.02, 300),
        (OptimizerKind::Adam, 0.0, 0.05, 2000),
    ] {
        let mut opt = Optimizer::new(kind, 3, momentum, 0.0);
        let mut p = [5.0, 5.0, -5.0];
        for _ in 0..steps {
            let g = bowl_gradient(&p);
            opt.step(&mut p, &g, lr);
        }
        for (got, want) in p.iter().zip([1.0, -2.0, 0.5]) {
            assert!(
                (got - want).abs() < 1e-3,
                "{kind:?} momentum {momentum}: {p:?}"
            );
        }
    }
}

#[test]
fn weight_decay_shrinks_parameters_that_get_no_gradient() {
    for kind in OptimizerKind::ALL {
        let mut opt = Optimizer::new(kind, 2, 0.0, 0.1);
        let mut p = [2.0, -4.0];
        opt.step(&mut p, &[0.0, 0.0], 0.5);
        assert_eq!(
            p,
            [2.0 - 0.5 * 0.1 * 2.0, -4.0 - 0.5 * 0.1 * -4.0],
            "{kind:?}"
        );
        for _ in 0..200 {
            opt.step(&mut p, &[0.0, 0.0], 0.5);
        }
        assert!(p[0].abs() < 1e-3 && p[1].abs() < 1e-3, "{kind:?}: {p:?}");
    }
    let mut without = [2.0];
    Optimizer::new(OptimizerKind::Adam, 1, 0.0, 0.0).step(&mut without, &[0.0], 0.5);
    assert_eq!(without, [2.0]);
}

#[test]
fn a_cloned_optimizer_continues_exactly_like_the_original() {
    for (kind, momentum) in [(OptimizerKind::Sgd, 0.9), (OptimizerKind::Adam, 0.0)] {
        let mut opt = Optimizer::new(kind, 3, momentum, 0.01);
        let mut p = [5.0, 5.0, -5.0];
        for _ in 0..5 {
            let g = bowl_gradient(&p);
            opt.step(&mut p, &g, 0.05);
        }
        let (mut snapshot, mut q) = (opt.clone(), p);
        for _ in 0..5 {
            let g = bowl_gradient(&p);
            opt.step(&mut p, &g, 0.05);
            let g = bowl_gradient(&q);
            snapshot.step(&mut q, &g, 0.05);
        }
        assert_eq!(p.map(f64::to_bits), q.map(f64::to_bits), "{kind:?}");
        assert_eq!(snapshot, opt);
        // and the state mattered: a fresh optimizer from the same point goes elsewhere
        let mut fresh = Optimizer::new(kind, 3, momentum, 0.01);
        let mut r = p;
        let g = bowl_gradient(&r);
        fresh.step(&mut r, &g, 0.05);
        let g = bowl_gradient(&p);
        opt.step(&mut p, &g, 0.05);
        assert_ne!(r, p, "{kind:?}");
    }
}

#[test]
fn optimizer_kinds_have_stable_names() {
    assert_eq!(OptimizerKind::ALL.map(OptimizerKind::name), ["sgd", "adam"]);
    for kind in OptimizerKind::ALL {
        assert_eq!(OptimizerKind::from_name(kind.name()), Some(kind));
    }
    assert_eq!(OptimizerKind::from_name("Adam"), None);
}
