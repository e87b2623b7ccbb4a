//! Best-of-n and the KL-regularized optimum on finite pools, checked against brute force and their limits.

use proptest::prelude::*;
use reward_playground::policy::*;

/// Best-of-n by enumerating all K^n tuples of draws: the kept response is the first draw with the highest reward.
fn brute_force(r: &[f64], q: &[f64], n: u32) -> Vec<f64> {
    let k = r.len();
    let mut p = vec![0.0; k];
    for code in 0..k.pow(n) {
        let draws: Vec<usize> = (0..n).map(|j| (code / k.pow(j)) % k).collect();
        let weight: f64 = draws.iter().map(|&i| q[i]).product();
        let best = draws
            .iter()
            .copied()
            .fold(draws[0], |b, i| if r[i] > r[b] { i } else { b });
        p[best] += weight;
    }
    p
}

fn close(a: &[f64], b: &[f64], tol: f64) {
    for (x, y) in a.iter().zip(b) {
        assert!((x - y).abs() <= tol, "{a:?} vs {b:?}");
    }
}

fn one_prompt(r: &[f64], q: &[f64], gold: &[f64]) -> Pool {
    Pool {
        name: "tiny".into(),
        prompts: vec![PromptPool {
            prompt: "p".into(),
            candidates: gold
                .iter()
                .zip(q)
                .map(|(&gold, &ref_prob)| Candidate {
                    response: format!("r{gold}"),
                    gold,
                    ref_prob,
                })
                .collect(),
        }],
    }
    .tap(|_| assert_eq!(r.len(), q.len()))
}

trait Tap: Sized {
    fn tap(self, f: impl FnOnce(&Self)) -> Self {
        f(&self);
        self
    }
}
impl<T> Tap for T {}

#[test]
fn best_of_n_matches_enumerating_every_tuple_of_draws_ties_included() {
    let r = [0.5, -1.0, 0.5, 2.0, -1.0];
    let q = [0.3, 0.1, 0.2, 0.15, 0.25];
    for n in 1..=5 {
        close(
            &best_of_n_probs(&r, &q, n as u64),
            &brute_force(&r, &q, n),
            1e-13,
        );
    }
}

#[test]
fn best_of_one_is_the_reference_policy_exactly() {
    let r = [3.0, 1.0, 1.0, -2.0];
    let q = [0.1, 0.2, 0.3, 0.4];
    assert_eq!(best_of_n_probs(&r, &q, 1), q.to_vec());
    let pool = one_prompt(&r, &q, &[1.0, 2.0, 3.0, 4.0]);
    let o = best_of_n(&pool, &[r.to_vec()], 1);
    assert_eq!(o.kl, 0.0);
    assert!((o.gold - 3.0).abs() < 1e-15);
}

#[test]
fn best_of_n_agrees_with_monte_carlo_on_a_larger_pool() {
    let mut rng = reward_playground::rng::Rng::new(7);
    let r: Vec<f64> = (0..12).map(|i| (i % 5) as f64).collect();
    let q = vec![1.0 / 12.0; 12];
    let n = 6;
    let trials = 200_000;
    let mut counts = vec![0.0; 12];
    for _ in 0..trials {
        let draws: Vec<usize> = (0..n).map(|_| rng.below(12)).collect();
        let best = draws
            .iter()
            .copied()
            .fold(draws[0], |b, i| if r[i] > r[b] { i } else { b });
        counts[best] += 1.0 / trials as f64;
    }
    close(&best_of_n_probs(&r, &q, n as u64), &counts, 0.005);
}

#[test]
fn the_bound_is_log_n_minus_n_minus_one_over_n() {
    assert_eq!(kl_bound(1), 0.0);
    assert!((kl_bound(2) - (2f64.ln() - 0.5)).abs() < 1e-15);
    assert!((kl_bound(1024) - (1024f64.ln() - 1023.0 / 1024.0)).abs() < 1e-12);
}

#[test]
fn large_beta_gives_the_reference_policy_and_small_beta_the_argmax() {
    let r = [1.0, 3.0, 3.0, -2.0];
    let q = [0.4, 0.1, 0.3, 0.2];
    close(&tilted_probs(&r, &q, 1e9), &q, 1e-8);
    assert!(tilted_kl(&r, &q, 1e9) < 1e-12);
    // Tied at the top: the mass is shared in proportion to π_ref.
    close(&tilted_probs(&r, &q, 1e-3), &[0.0, 0.25, 0.75, 0.0], 1e-12);
    assert!((tilted_kl(&r, &q, 1e-3) - -(0.4f64.ln())).abs() < 1e-12);
}

#[test]
fn the_kl_regularized_optimum_is_exact_and_finite_from_beta_1e_minus_3_to_1e3() {
    let r = [250.0, -300.0, 0.0, 249.99];
    let q = [0.25; 4];
    for k in -3..=3 {
        let beta = 10f64.powi(k);
        let p = tilted_probs(&r, &q, beta);
        assert!(
            p.iter().all(|v| v.is_finite() && *v >= 0.0),
            "{beta}: {p:?}"
        );
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12, "{beta} {p:?}");
        let kl = tilted_kl(&r, &q, beta);
        assert!((kl - kl_divergence(&p, &q)).abs() < 1e-9, "{beta}");
    }
}

#[test]
fn expectations_average_over_prompts_with_equal_weight() {
    let a = PromptPool::uniform("a", vec![("x".into(), 1.0), ("y".into(), 3.0)]);
    let b = PromptPool::uniform("b", (0..4).map(|i| (format!("z{i}"), 10.0)).collect());
    let pool = Pool {
        name: "two".into(),
        prompts: vec![a, b],
    };
    let o = best_of_n(&pool, &[vec![0.0, 1.0], vec![0.0; 4]], 1);
    assert_eq!(o.gold, (2.0 + 10.0) / 2.0);
}

#[test]
fn the_default_grids_are_powers_of_two_and_twenty_log_steps_of_beta() {
    assert_eq!(default_ns(), [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);
    let betas = default_betas();
    assert_eq!(betas.len(), 21);
    assert_eq!(
        (betas[0], betas[5], betas[10], betas[20]),
        (100.0, 10.0, 1.0, 0.01)
    );
}

#[test]
fn every_gold_data_set_has_a_seeded_pool_and_helpfulness_has_none() {
    for name in GOLD_DATASETS {
        let pool = builtin_pool(name, 3).unwrap();
        assert_eq!(pool, builtin_pool(name, 3).unwrap(), "{name}");
        for p in &pool.prompts {
            let sum: f64 = p.candidates.iter().map(|c| c.ref_prob).sum();
            assert!((sum - 1.0).abs() < 1e-12, "{name}");
        }
    }
    let e = builtin_pool("helpfulness", 1).unwrap_err().to_string();
    assert!(e.contains("no gold rule") && e.contains("padding"), "{e}");
    assert!(builtin_pool("nope", 1)
        .unwrap_err()
        .to_string()
        .contains("unknown data set"));
}

proptest! {
    #[test]
    fn best_of_n_never_exceeds_the_kl_bound(
        r in prop::collection::vec(-3i8..3, 1..9),
        w in prop::collection::vec(0.01f64..1.0, 9),
        n in 1u64..2000,
    ) {
        let r: Vec<f64> = r.into_iter().map(f64::from).collect();
        let q: Vec<f64> = w[..r.len()].iter().map(|x| x / w[..r.len()].iter().sum::<f64>()).collect();
        let p = best_of_n_probs(&r, &q, n);
        prop_assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        prop_assert!(kl_divergence(&p, &q) <= kl_bound(n) + 1e-9);
    }
}
