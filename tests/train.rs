//! The trainer learns what the lesson says it learns.

mod common;

use reward_playground::data::{builtin, Dataset, Record};
use reward_playground::loss::{smooth_optimal_gap, LossKind, LossSpec};
use reward_playground::model::ModelKind;
use reward_playground::optim::OptimizerKind;
use reward_playground::train::{Config, Grouping, TrainError, Trainer};

use common::spearman;

fn pairs(list: &[(&str, &str)]) -> Dataset {
    let records = list
        .iter()
        .map(|(c, r)| Record::Pair {
            prompt: "Which is better?".to_string(),
            chosen: c.to_string(),
            rejected: r.to_string(),
            margin: None,
        })
        .collect();
    Dataset::from_records("test", "", records).expect("valid pairs")
}

fn full_batch(lr: f64) -> Config {
    Config {
        dataset: "test".into(),
        lr,
        batch_size: 0,
        test_fraction: 0.0,
        grouping: Grouping::Pairs,
        ..Config::default()
    }
}

#[test]
fn training_on_helpfulness_widens_the_gaps_and_ranks_every_training_pair_right() {
    let mut t = Trainer::from_config(Config::default()).unwrap();
    let start = t.metrics();
    assert_eq!(
        start.margin, 0.0,
        "a fresh linear model gives every response reward 0"
    );
    assert!((start.loss - std::f64::consts::LN_2).abs() < 1e-12);
    t.run(30 * t.steps_per_epoch()).unwrap();
    let end = t.metrics();
    assert!(
        end.margin > start.margin + 1.0,
        "mean gap {} -> {}",
        start.margin,
        end.margin
    );
    assert_eq!(end.accuracy, 1.0);
    assert!(end.loss < 0.1 * start.loss);
}

#[test]
fn a_pair_ranked_right_by_a_wide_margin_barely_moves_the_model() {
    // Two pairs with no words in common, so each pair's gap moves only by its own gradient.
    let data = pairs(&[("clear answer", "rude reply"), ("kind help", "off topic")]);
    let mut t = Trainer::new(full_batch(1.0), data).unwrap();
    // Put the first pair far ahead (+6) and the second behind (−2) by hand.
    let ids = |t: &Trainer, w: &str| t.model().vocab().id(w).unwrap();
    let (clear, kind) = (ids(&t, "clear"), ids(&t, "kind"));
    let mut model = t.model().clone();
    model.params_mut()[clear] = 6.0;
    model.params_mut()[kind] = -2.0;
    t.restart_from(model);
    let t2 = &mut t;
    let before: Vec<f64> = t2.pair_states().iter().map(|p| p.gap).collect();
    assert_eq!(before, vec![6.0, -2.0]);
    t2.step().unwrap();
    let after: Vec<f64> = t2.pair_states().iter().map(|p| p.gap).collect();
    let (moved_right, moved_wrong) = (after[0] - before[0], after[1] - before[1]);
    assert!(moved_right > 0.0 && moved_wrong > 0.0);
    assert!(
        moved_right * 50.0 < moved_wrong,
        "right pair moved {moved_right}, wrong pair moved {moved_wrong}"
    );
}

#[test]
fn learned_rewards_rank_hidden_quality_items_like_the_truth() {
    let config = Config {
        dataset: "hidden-quality".into(),
        ..Config::default()
    };
    let mut t = Trainer::from_config(config).unwrap();
    t.run(40 * t.steps_per_epoch()).unwrap();
    let truth = t.dataset().truth.clone();
    assert!(truth.len() >= 20);
    let learned: Vec<f64> = truth.iter().map(|(text, _)| t.score(text).reward).collect();
    let true_scores: Vec<f64> = truth.iter().map(|(_, s)| *s).collect();
    let rho = spearman(&learned, &true_scores);
    assert!(rho >= 0.9, "Spearman {rho}");
}

#[test]
fn label_smoothing_settles_the_gap_near_ln_one_minus_eps_over_eps() {
    let eps = 0.1;
    let mut config = full_batch(0.5);
    config.loss = LossSpec {
        kind: LossKind::Smooth,
        label_smoothing: eps,
        center_coef: 0.0,
    };
    let mut t = Trainer::new(config, pairs(&[("good", "bad")])).unwrap();
    t.run(3000).unwrap();
    let gap = t.pair_states()[0].gap;
    assert!(
        (gap - smooth_optimal_gap(eps)).abs() < 1e-3,
        "gap {gap}, expected {}",
        smooth_optimal_gap(eps)
    );
    // Plain BT keeps widening the same gap.
    let mut bt = Trainer::new(full_batch(0.5), pairs(&[("good", "bad")])).unwrap();
    bt.run(3000).unwrap();
    assert!(bt.pair_states()[0].gap > 2.0 * smooth_optimal_gap(eps));
}

/// Bradley–Terry maximum likelihood by Hunter's MM algorithm: π_i ← W_i / Σ_j n_ij / (π_i + π_j).
fn bt_mle(n: usize, wins: &[(usize, usize)]) -> Vec<f64> {
    let mut pi = vec![1.0; n];
    for _ in 0..20_000 {
        let mut next = vec![0.0; n];
        for (i, slot) in next.iter_mut().enumerate() {
            let w = wins.iter().filter(|(a, _)| *a == i).count() as f64;
            let denom: f64 = wins
                .iter()
                .filter(|(a, b)| *a == i || *b == i)
                .map(|(a, b)| 1.0 / (pi[*a] + pi[*b]))
                .sum();
            *slot = w / denom;
        }
        let g = next.iter().map(|p: &f64| p.ln()).sum::<f64>() / n as f64;
        pi = next.iter().map(|p| (p.ln() - g).exp()).collect();
    }
    pi.iter().map(|p| p.ln()).collect()
}

#[test]
fn a_linear_model_on_single_words_converges_to_the_bradley_terry_estimate() {
    let words = ["alpha", "bravo", "charlie", "delta", "echo"];
    // Each item wins some and loses some, so the estimate is finite.
    let wins = [
        (0, 1),
        (0, 1),
        (1, 0),
        (0, 2),
        (2, 0),
        (0, 3),
        (0, 4),
        (4, 0),
        (1, 2),
        (1, 2),
        (2, 1),
        (1, 3),
        (3, 1),
        (2, 3),
        (2, 3),
        (3, 2),
        (3, 4),
        (4, 3),
        (4, 1),
        (1, 4),
        (2, 4),
        (4, 2),
        (3, 0),
    ];
    let list: Vec<(&str, &str)> = wins.iter().map(|&(a, b)| (words[a], words[b])).collect();
    let mut t = Trainer::new(full_batch(2.0), pairs(&list)).unwrap();
    t.run(20_000).unwrap();
    let learned: Vec<f64> = words.iter().map(|w| t.score(w).reward).collect();
    let mean = learned.iter().sum::<f64>() / learned.len() as f64;
    let reference = bt_mle(words.len(), &wins);
    for (i, (l, r)) in learned.iter().zip(&reference).enumerate() {
        assert!(
            (l - mean - r).abs() < 1e-6,
            "{}: learned {} vs MLE {r}",
            words[i],
            l - mean
        );
    }
}

#[test]
fn the_same_run_twice_gives_the_same_history_to_the_bit() {
    for model in [ModelKind::Linear, ModelKind::Mlp] {
        for optimizer in [OptimizerKind::Sgd, OptimizerKind::Adam] {
            let config = Config {
                model,
                optimizer,
                lr: 0.05,
                label_noise: 0.1,
                ..Config::default()
            };
            let run = || {
                let mut t = Trainer::from_config(config.clone()).unwrap();
                t.run(50).unwrap();
                t.history()
                    .iter()
                    .map(|(_, m)| m.csv_row())
                    .collect::<Vec<_>>()
            };
            assert_eq!(run(), run());
        }
    }
}

#[test]
fn rewinding_shows_the_earlier_step_and_stepping_on_repeats_the_same_future() {
    let mut t = Trainer::from_config(Config {
        batch_size: 2,
        ..Config::default()
    })
    .unwrap();
    t.run(300).unwrap();
    let at_300 = t.metrics();
    let mut back = t.rewound(137);
    assert_eq!(back.step_count(), 137);
    let recorded = t
        .history()
        .iter()
        .find(|(s, _)| *s == 137)
        .map(|(_, m)| *m)
        .unwrap();
    assert_eq!(back.metrics(), recorded);
    back.run(163).unwrap();
    assert_eq!(back.metrics(), at_300);
}

#[test]
fn a_changed_learning_rate_and_a_normalization_are_replayed_by_rewind() {
    let mut t = Trainer::from_config(Config::default()).unwrap();
    t.run(20).unwrap();
    t.set_learning_rate(0.05).unwrap();
    t.run(10).unwrap();
    t.normalize_rewards();
    let now = t.metrics();
    let pairs_now = t.pair_states();
    t.run(5).unwrap();
    let mut back = t.rewound(30);
    assert_eq!(back.learning_rate(), 0.05);
    assert_eq!(back.metrics().loss, now.loss);
    assert_eq!(back.pair_states(), pairs_now);
}

#[test]
fn normalizing_moves_the_rewards_but_not_the_loss_or_accuracy() {
    let mut t = Trainer::from_config(Config::default()).unwrap();
    t.run(25).unwrap();
    let before = t.metrics();
    t.normalize_rewards();
    let after = t.metrics();
    assert!((after.loss - before.loss).abs() < 1e-12);
    assert_eq!(after.accuracy, before.accuracy);
    assert!((after.margin - before.margin).abs() < 1e-12);
    assert!(
        (after.mean_reward - before.mean_reward).abs() > 1e-6,
        "rewards should move"
    );
    let chosen_mean = {
        let rewards = t.rewards().to_vec();
        let train: Vec<f64> = (0..rewards.len())
            .filter(|&i| !t.is_test(i))
            .map(|i| rewards[i].0)
            .collect();
        train.iter().sum::<f64>() / train.len() as f64
    };
    assert!(
        chosen_mean.abs() < 1e-12,
        "chosen training responses average {chosen_mean}"
    );
}

#[test]
fn a_prompt_with_k_answers_is_one_batch_element_in_instructgpt_grouping() {
    let mut t = Trainer::from_config(Config {
        batch_size: 1,
        ..Config::default()
    })
    .unwrap();
    assert_eq!(t.train_units().len(), 9, "12 prompts, a quarter held out");
    t.step().unwrap();
    assert_eq!(t.last_batch().len(), 6, "one prompt's C(4,2) = 6 pairs");
    let pairs = Trainer::from_config(Config {
        batch_size: 1,
        grouping: Grouping::Pairs,
        ..Config::default()
    });
    let mut pairs = pairs.unwrap();
    assert_eq!(pairs.train_units().len(), 54);
    pairs.step().unwrap();
    assert_eq!(pairs.last_batch().len(), 1);
    assert_eq!(pairs.steps_per_epoch(), 54);
}

#[test]
fn test_prompts_are_never_seen_in_training() {
    let t = Trainer::from_config(Config::default()).unwrap();
    let data = t.dataset();
    for (i, p) in data.pairs.iter().enumerate() {
        let same_prompt_other_split = data
            .pairs
            .iter()
            .enumerate()
            .any(|(j, q)| q.prompt == p.prompt && t.is_test(j) != t.is_test(i));
        assert!(!same_prompt_other_split);
    }
    assert!((0..data.pairs.len()).any(|i| t.is_test(i)));
}

#[test]
fn a_learning_rate_that_blows_up_stops_the_run_at_its_last_good_step() {
    let config = Config {
        optimizer: OptimizerKind::Sgd,
        lr: 1000.0,
        model: ModelKind::Mlp,
        ..Config::default()
    };
    let mut t = Trainer::from_config(config).unwrap();
    let mut outcome = Ok(());
    for _ in 0..2000 {
        outcome = t.step();
        if outcome.is_err() {
            break;
        }
    }
    let m = t.metrics();
    assert!(m.loss.is_finite() && m.grad_norm.is_finite());
    if outcome.is_err() {
        assert_eq!(outcome, Err(TrainError::Diverged));
        assert_eq!(t.step(), Err(TrainError::Diverged));
        assert_eq!(t.metrics(), m, "nothing moved");
    }
}

#[test]
fn bad_settings_are_refused_with_the_field_named() {
    let e = Trainer::from_config(Config {
        lr: 1e9,
        ..Config::default()
    })
    .unwrap_err();
    assert!(e.contains("lr") && e.contains("1e9"), "{e}");
    let e = Trainer::from_config(Config {
        dataset: "nope".into(),
        ..Config::default()
    })
    .unwrap_err();
    assert!(e.contains("nope"), "{e}");
    assert!(builtin("helpfulness").is_some());
}
