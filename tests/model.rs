//! The reward model as a user relies on it: gradients that are right, rewards that read words, and model files.

#[path = "model/saved.rs"]
mod saved;

use proptest::prelude::*;
use reward_playground::model::{tokenize, ModelKind, RewardModel, Vocab};
use reward_playground::rng::Rng;

const TEXTS: [&str; 3] = [
    "the answer is clear and helpful",
    "a short reply",
    "the helpful answer, clear and short",
];

/// A model with every parameter random (biases too), so every term of the backward pass is exercised.
fn random_model(kind: ModelKind, seed: u64) -> RewardModel {
    let mut model = RewardModel::new(kind, Vocab::build(TEXTS), seed);
    let mut rng = Rng::new(seed);
    for p in model.params_mut() {
        *p = rng.normal();
    }
    model
}

fn id_lists(n_vocab: usize) -> Vec<Vec<usize>> {
    let mut rng = Rng::new(99);
    let mut lists = vec![
        vec![],
        vec![0],
        vec![3, 3, 3],
        vec![1, 4, 1, 0, n_vocab - 1],
    ];
    for len in [2, 7] {
        lists.push((0..len).map(|_| rng.below(n_vocab)).collect());
    }
    lists
}

#[test]
fn every_gradient_matches_central_finite_differences() {
    let dloss_dreward = -0.7;
    for kind in ModelKind::ALL {
        for seed in [1, 2] {
            let model = random_model(kind, seed);
            for ids in id_lists(model.vocab().len()) {
                let mut grad = vec![0.0; model.n_params()];
                model.backward(&ids, dloss_dreward, &mut grad);
                for (i, &analytic) in grad.iter().enumerate() {
                    let h = 1e-6;
                    let (mut plus, mut minus) = (model.clone(), model.clone());
                    plus.params_mut()[i] += h;
                    minus.params_mut()[i] -= h;
                    let numeric =
                        dloss_dreward * (plus.reward(&ids) - minus.reward(&ids)) / (2.0 * h);
                    assert!(
                        (analytic - numeric).abs() < 1e-7 * (1.0 + numeric.abs()),
                        "{kind:?} seed {seed} ids {ids:?} param {i}: backward {analytic} vs finite difference {numeric}"
                    );
                }
            }
        }
    }
}

#[test]
fn backward_adds_to_the_gradient_it_is_given() {
    for kind in ModelKind::ALL {
        let model = random_model(kind, 3);
        let ids = [0, 2, 2];
        let mut once = vec![0.0; model.n_params()];
        model.backward(&ids, 0.5, &mut once);
        let mut twice = vec![0.0; model.n_params()];
        model.backward(&ids, 0.25, &mut twice);
        model.backward(&ids, 0.25, &mut twice);
        for (a, b) in once.iter().zip(&twice) {
            assert!((a - b).abs() < 1e-15, "{kind:?}: {a} vs {b}");
        }
        assert!(once.iter().any(|g| *g != 0.0));
    }
}

#[test]
fn a_fresh_linear_model_gives_every_text_reward_zero_so_every_pair_starts_at_ln_2() {
    let model = RewardModel::new(ModelKind::Linear, Vocab::build(TEXTS), 5);
    assert_eq!(model.n_params(), model.vocab().len() + 1);
    assert!(model.params().iter().all(|p| *p == 0.0));
    for text in TEXTS {
        let r = model.score(text).reward;
        assert_eq!(r, 0.0);
        let loss = reward_playground::loss::bt_loss(r - model.score("a reply").reward);
        assert!((loss - std::f64::consts::LN_2).abs() < 1e-15);
    }
}

#[test]
fn a_fresh_mlp_is_small_random_and_the_same_for_the_same_seed() {
    let vocab = Vocab::build(TEXTS);
    let a = RewardModel::new(ModelKind::Mlp, vocab.clone(), 7);
    assert_eq!(a.n_params(), 8 * vocab.len() + 16 * 8 + 16 + 16 + 1);
    assert_eq!(a, RewardModel::new(ModelKind::Mlp, vocab.clone(), 7));
    assert_ne!(
        a.params(),
        RewardModel::new(ModelKind::Mlp, vocab, 8).params()
    );
    assert_eq!(a.bias(), 0.0);
    for text in TEXTS {
        let r = a.score(text).reward;
        assert!(r != 0.0 && r.abs() < 1.0, "{text}: {r}");
    }
}

#[test]
fn a_linear_model_adds_one_weight_per_word_so_repeating_a_word_counts_it_again() {
    let mut model = RewardModel::new(ModelKind::Linear, Vocab::build(["good answer", "bad"]), 0);
    model
        .params_mut()
        .copy_from_slice(&[0.5, 0.25, -1.0, 0.125]); // good, answer, bad, b
    assert_eq!(model.score("good").reward, 0.625);
    assert_eq!(
        model.score("good good answer").reward,
        0.125 + 0.5 + 0.5 + 0.25
    );
    let weights = model.word_weights().unwrap();
    assert_eq!(
        weights,
        [
            ("good".to_string(), 0.5),
            ("answer".to_string(), 0.25),
            ("bad".to_string(), -1.0)
        ]
    );
    assert_eq!(
        RewardModel::new(ModelKind::Mlp, Vocab::build(["good"]), 0).word_weights(),
        None
    );
}

#[test]
fn the_mlp_averages_word_embeddings_so_repeating_every_word_changes_nothing() {
    let model = random_model(ModelKind::Mlp, 4);
    let once = model.score("clear helpful answer").reward;
    let twice = model
        .score("clear helpful answer clear helpful answer")
        .reward;
    assert!((once - twice).abs() < 1e-12, "{once} vs {twice}");
    assert_ne!(once, model.score("clear").reward);
}

#[test]
fn unknown_words_contribute_nothing_and_are_reported() {
    for kind in ModelKind::ALL {
        let model = random_model(kind, 6);
        let encoded = model.encode("The zebra answer");
        assert_eq!(encoded.tokens, ["the", "zebra", "answer"]);
        assert_eq!(encoded.known, [true, false, true]);
        assert_eq!(
            encoded.ids,
            [
                model.vocab().id("the").unwrap(),
                model.vocab().id("answer").unwrap()
            ]
        );
        let with = model.score("the zebra answer");
        assert_eq!(with.reward, model.score("the answer").reward);
        assert!(!with.tokens[1].known && with.tokens[1].contribution.is_none());
        assert_eq!(
            model.score("zebra giraffe").reward,
            model.reward(&[]),
            "{kind:?}"
        );
        let p = model.params();
        let v = model.vocab().len();
        let no_known_word = match kind {
            ModelKind::Linear => p[v],
            // h0 = 0, so r = w2·tanh(b1) + b2 (b1 at 8V+128.., w2 at 8V+144.., b2 at 8V+160)
            ModelKind::Mlp => (0..16).fold(p[8 * v + 160], |r, j| {
                r + p[8 * v + 144 + j] * libm::tanh(p[8 * v + 128 + j])
            }),
        };
        assert_eq!(model.reward(&[]), no_known_word, "{kind:?}");
        assert_eq!(model.bias(), p[model.n_params() - 1]);
        let contribution = with.tokens[0].contribution;
        match kind {
            ModelKind::Linear => assert_eq!(
                contribution,
                Some(model.params()[model.vocab().id("the").unwrap()])
            ),
            ModelKind::Mlp => assert_eq!(contribution, None),
        }
    }
}

#[test]
fn add_bias_shifts_every_reward_by_delta_and_leaves_every_gap_alone() {
    for kind in ModelKind::ALL {
        let before = random_model(kind, 8);
        let mut after = before.clone();
        after.add_bias(2.5);
        for a in TEXTS {
            let shift = after.score(a).reward - before.score(a).reward;
            assert!((shift - 2.5).abs() < 1e-12, "{kind:?} {a}: {shift}");
            for b in TEXTS {
                let gap_before = before.score(a).reward - before.score(b).reward;
                let gap_after = after.score(a).reward - after.score(b).reward;
                assert!((gap_before - gap_after).abs() < 1e-12);
            }
        }
    }
    // With numbers that add exactly, the shift is exactly delta.
    let mut model = RewardModel::new(ModelKind::Linear, Vocab::build(["good"]), 0);
    model.params_mut().copy_from_slice(&[0.75, -0.5]);
    model.add_bias(0.125);
    assert_eq!(model.score("good good").reward, 1.5 - 0.5 + 0.125);
}

#[test]
fn model_kinds_have_stable_names() {
    assert_eq!(ModelKind::ALL.map(ModelKind::name), ["linear", "mlp"]);
    for kind in ModelKind::ALL {
        assert_eq!(ModelKind::from_name(kind.name()), Some(kind));
    }
    assert_eq!(ModelKind::from_name("transformer"), None);
}

proptest! {
    #[test]
    fn every_token_is_one_lowercase_word_that_a_saved_vocabulary_accepts(text in "\\PC{0,40}") {
        let tokens = tokenize(&text);
        for token in &tokens {
            prop_assert_eq!(tokenize(token), vec![token.clone()]);
        }
        let vocab = Vocab::build([text.as_str()]);
        prop_assert_eq!(Vocab::from_tokens(vocab.tokens().to_vec()), Ok(vocab));
    }

    #[test]
    fn scoring_any_text_gives_a_finite_reward(text in "\\PC{0,60}", seed in 0u64..4) {
        for kind in ModelKind::ALL {
            let model = random_model(kind, seed);
            prop_assert!(model.score(&text).reward.is_finite());
        }
    }
}
