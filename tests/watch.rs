//! What the "Use the model" scene shows: both curves, the gold peak and how far past it a setting is, and the
//! responses each policy favours, for a model trained on the padding lesson's data set.

use reward_playground::policy::*;
use reward_playground::train::{Config, Trainer};

/// The padding pool and a linear model trained on its data set for the CLI's default 20 epochs.
fn trained() -> (Pool, Vec<Vec<f64>>) {
    let config = Config {
        dataset: "padding".into(),
        ..Config::default()
    };
    let mut run = Trainer::from_config(config.clone()).unwrap();
    for _ in 0..20 {
        run.epoch().unwrap();
    }
    let pool = builtin_pool("padding", config.seed).unwrap();
    let rewards = pool.rewards(run.model());
    (pool, rewards)
}

#[test]
fn the_scene_shows_the_same_curves_as_the_cli_writes() {
    let (pool, rewards) = trained();
    let o = Optimization::new(&pool, &rewards);
    assert_eq!(o.best_of_n, best_of_n_curve(&pool, &rewards, &default_ns()));
    assert_eq!(
        o.kl_regularized,
        kl_regularized_curve(&pool, &rewards, &default_betas())
    );
    assert_eq!(o.reference, best_of_n(&pool, &rewards, 1));
    // Chart points are gains over π_ref against √KL; best-of-1 is π_ref itself.
    let first = o.best_of_n_points[0];
    assert_eq!((first.sqrt_kl, first.proxy, first.gold), (0.0, 0.0, 0.0));
    for (p, r) in o.best_of_n_points.iter().zip(&o.best_of_n) {
        assert!((p.sqrt_kl * p.sqrt_kl - r.outcome.kl).abs() < 1e-9);
        assert!((p.gold - (r.outcome.gold - o.reference.gold)).abs() < 1e-12);
    }
}

#[test]
fn the_sentences_name_the_peak_and_how_far_past_it_a_setting_is() {
    let (pool, rewards) = trained();
    let o = Optimization::new(&pool, &rewards);
    let peak = o.best_of_n[o.best_of_n_peak].n;
    assert!(
        peak > 1 && peak < 1024,
        "gold peaks inside the range (n = {peak})"
    );
    let last = o.best_of_n.len() - 1;
    let past = o.best_of_n_sentence(last);
    let doublings = last - o.best_of_n_peak;
    assert!(
        past.starts_with(&format!("Gold peaks at n = {peak} (")),
        "{past}"
    );
    let unit = if doublings == 1 {
        "doubling"
    } else {
        "doublings"
    };
    assert!(
        past.contains(&format!("n = 1024 is {doublings} {unit} past it")),
        "{past}"
    );
    assert!(o
        .best_of_n_sentence(o.best_of_n_peak)
        .ends_with("n is at the peak."));
    assert!(
        o.best_of_n_sentence(0).contains("short of it"),
        "{}",
        o.best_of_n_sentence(0)
    );
    // β: the peak, then a smaller β pushes harder.
    let kl_last = o.kl_regularized.len() - 1;
    assert!(
        o.kl_sentence(kl_last).contains("pushes harder than that"),
        "{}",
        o.kl_sentence(kl_last)
    );
    assert!(o.kl_sentence(o.kl_peak).ends_with("β is at the peak."));
    assert_eq!(
        o.best_of_n_sentence(99),
        "",
        "no sentence for a setting not on the curve"
    );
}

#[test]
fn best_of_one_favours_what_pi_ref_favours_and_more_samples_favour_higher_rewards() {
    let (pool, rewards) = trained();
    for p in 0..pool.prompts.len() {
        let best = rewards[p].iter().copied().fold(f64::NEG_INFINITY, f64::max);
        // n = 1 is π_ref: the favoured response has π_ref's largest probability.
        let (one, p1) = favoured_by_best_of_n(&pool, &rewards, p, 1).unwrap();
        let ref_max = pool.prompts[p]
            .ref_probs()
            .iter()
            .copied()
            .fold(0.0, f64::max);
        assert!((p1 - ref_max).abs() < 1e-12, "prompt {p}: {one}");
        // More draws keep a response with at least as high a learned reward.
        let (many, pm) = favoured_by_best_of_n(&pool, &rewards, p, 1024).unwrap();
        assert!(rewards[p][many] >= rewards[p][one], "prompt {p}");
        assert!(pm > 0.0 && pm <= 1.0);
        // A tiny β puts nearly all mass on the top learned reward, whatever π_ref says.
        let (k, pk) = favoured_by_kl(&pool, &rewards, p, 1e-3).unwrap();
        assert_eq!(rewards[p][k], best);
        assert!(pk > 0.5, "prompt {p}: {pk}");
    }
    assert_eq!(
        favoured_by_kl(&pool, &rewards, pool.prompts.len(), 1.0),
        None
    );
}

#[test]
fn curves_computed_a_point_at_a_time_equal_the_whole_computation() {
    let (pool, rewards) = trained();
    let mut curves = Curves::new(rewards.clone());
    let mut steps = 0;
    let done = loop {
        steps += 1;
        if let Some(o) = curves.advance(&pool) {
            break o;
        }
        assert!(steps < 100, "the curves finish");
    };
    assert_eq!(
        steps,
        default_ns().len() + default_betas().len(),
        "one point per call"
    );
    assert_eq!(done, Optimization::new(&pool, &rewards));
    assert_eq!(curves.rewards(), &rewards[..]);
}

#[test]
fn a_pool_encoded_once_gives_the_same_rewards_and_known_words() {
    let config = Config {
        dataset: "padding".into(),
        ..Config::default()
    };
    let mut run = Trainer::from_config(config).unwrap();
    run.epoch().unwrap();
    let pool = builtin_pool("padding", 1).unwrap();
    let ids = pool.encode(run.model());
    assert_eq!(rewards_of(run.model(), &ids), pool.rewards(run.model()));
    assert_eq!(known_in(&ids), pool.known_words(run.model()));
    assert!(known_in(&ids) > 0);
}

#[test]
fn a_fresh_model_is_flat_and_the_sentences_say_to_train_it_first() {
    let config = Config {
        dataset: "padding".into(),
        ..Config::default()
    };
    let run = Trainer::from_config(config.clone()).unwrap();
    let pool = builtin_pool("padding", config.seed).unwrap();
    let o = Optimization::new(&pool, &pool.rewards(run.model()));
    assert!(o.is_flat());
    assert!(
        o.best_of_n_sentence(4).contains("train it first"),
        "{}",
        o.best_of_n_sentence(4)
    );
    assert_eq!(o.kl_sentence(10), "");
    // One epoch later the policies move, and the sentences name the peak.
    let (pool, rewards) = trained();
    let o = Optimization::new(&pool, &rewards);
    assert!(!o.is_flat());
    assert!(o.best_of_n_sentence(4).starts_with("Gold peaks at n ="));
}

#[test]
fn the_charts_table_has_a_row_per_n_and_per_beta_with_the_gains_the_chart_draws() {
    let (pool, rewards) = trained();
    let o = Optimization::new(&pool, &rewards);
    let t = o.table();
    assert_eq!(t.head, ["policy", "KL", "proxy gain", "gold gain"]);
    assert_eq!(t.rows.len(), default_ns().len() + default_betas().len());
    assert_eq!(t.rows[0], ["best-of-1", "0.0000", "0.0000", "0.0000"]);
    let peak = &o.best_of_n[o.best_of_n_peak];
    let row = &t.rows[o.best_of_n_peak];
    assert_eq!(row[0], format!("best-of-{}", peak.n));
    let gold: f64 = row[3].parse().unwrap();
    assert!((gold - (peak.outcome.gold - o.reference.gold)).abs() < 5e-5);
    assert_eq!(t.rows[default_ns().len()][0], "π_β, β = 100");
}
