//! Each built-in lesson is within reach of a linear bag-of-words model that reads only the response: fitted here by
//! plain gradient descent on −log σ(r_chosen − r_rejected), with r = Σ w[word].

use reward_playground::data::{builtin, Dataset};
use reward_playground::loss::sigmoid;
use std::collections::BTreeMap;

use crate::common::spearman;

fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

struct Fitted(BTreeMap<String, f64>);

impl Fitted {
    fn reward(&self, text: &str) -> f64 {
        tokens(text)
            .iter()
            .map(|t| self.0.get(t).copied().unwrap_or(0.0))
            .sum()
    }

    fn accuracy(&self, d: &Dataset, pairs: &[usize]) -> f64 {
        let right = pairs
            .iter()
            .filter(|&&i| self.reward(&d.pairs[i].chosen) > self.reward(&d.pairs[i].rejected))
            .count();
        right as f64 / pairs.len() as f64
    }
}

/// Full-batch gradient descent with a little L2 (so the weights stay finite on separable data).
fn fit(d: &Dataset, pairs: &[usize], steps: usize) -> Fitted {
    let mut vocab: BTreeMap<String, usize> = BTreeMap::new();
    let mut encode = |text: &str| -> Vec<usize> {
        tokens(text)
            .into_iter()
            .map(|t| {
                let n = vocab.len();
                *vocab.entry(t).or_insert(n)
            })
            .collect()
    };
    let encoded: Vec<(Vec<usize>, Vec<usize>)> = pairs
        .iter()
        .map(|&i| (encode(&d.pairs[i].chosen), encode(&d.pairs[i].rejected)))
        .collect();
    let mut w = vec![0.0; vocab.len()];
    let reward = |w: &[f64], ids: &[usize]| ids.iter().map(|&t| w[t]).sum::<f64>();
    for _ in 0..steps {
        let mut grad = vec![0.0; w.len()];
        for (chosen, rejected) in &encoded {
            let gap = reward(&w, chosen) - reward(&w, rejected);
            let dgap = -sigmoid(-gap) / pairs.len() as f64; // dloss/dgap
            for &t in chosen {
                grad[t] += dgap; // dgap/dw[t] = +1 per occurrence in chosen
            }
            for &t in rejected {
                grad[t] -= dgap; // dgap/dw[t] = −1 per occurrence in rejected
            }
        }
        for (wt, g) in w.iter_mut().zip(&grad) {
            *wt -= g + 1e-3 * *wt; // learning rate 1
        }
    }
    Fitted(vocab.into_iter().map(|(t, id)| (t, w[id])).collect())
}

#[test]
fn helpfulness_can_be_learned_perfectly_and_carries_over_to_new_prompts() {
    let d = builtin("helpfulness").unwrap();
    let all: Vec<usize> = (0..d.pairs.len()).collect();
    assert_eq!(fit(&d, &all, 400).accuracy(&d, &all), 1.0);
    // Train on 9 prompts, test on the other 3.
    let groups = d.prompt_groups();
    let train: Vec<usize> = groups[..9].concat();
    let test: Vec<usize> = groups[9..].concat();
    let held_out = fit(&d, &train, 400).accuracy(&d, &test);
    assert!(held_out >= 0.8, "{held_out}");
}

#[test]
fn hidden_quality_rankings_can_be_recovered_from_comparisons() {
    let d = builtin("hidden-quality").unwrap();
    let all: Vec<usize> = (0..d.pairs.len()).collect();
    let w = fit(&d, &all, 600);
    let learned: Vec<f64> = d.truth.iter().map(|(t, _)| w.reward(t)).collect();
    let truth: Vec<f64> = d.truth.iter().map(|(_, q)| *q).collect();
    let rho = spearman(&learned, &truth);
    assert!(rho >= 0.9, "Spearman {rho}");
}

#[test]
fn noisy_labels_keep_training_accuracy_well_below_100_percent() {
    let d = builtin("noisy-labels").unwrap();
    let all: Vec<usize> = (0..d.pairs.len()).collect();
    let w = fit(&d, &all, 600);
    let accuracy = w.accuracy(&d, &all);
    assert!(accuracy < 0.85, "{accuracy}");
    // The truth still shows through the noise.
    let learned: Vec<f64> = d.truth.iter().map(|(t, _)| w.reward(t)).collect();
    let truth: Vec<f64> = d.truth.iter().map(|(_, q)| *q).collect();
    assert!(spearman(&learned, &truth) > 0.5);
}

#[test]
fn length_bias_teaches_the_model_to_reward_filler_words() {
    let d = builtin("length-bias").unwrap();
    let all: Vec<usize> = (0..d.pairs.len()).collect();
    let w = fit(&d, &all, 400);
    for filler in ["basically", "really", "overall"] {
        assert!(w.0[filler] > 0.0, "{filler}: {}", w.0[filler]);
    }
    let plain = "Canberra.";
    let padded = "Basically, really, overall: Canberra.";
    assert!(w.reward(padded) > w.reward(plain) + 1.0);
}
