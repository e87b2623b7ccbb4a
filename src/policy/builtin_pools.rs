//! Candidate pools of the built-in data sets that have a gold rule, each built from the same words and the same
//! rule that generated the data set's labels, with π_ref uniform over each prompt's candidates. A seed picks the
//! candidates; the same seed gives the same pool.

use super::pool::{Candidate, Pool, PromptPool};
use crate::data::{hidden_quality, length_bias, noisy_labels, padding, synthetic};
use crate::rng::Rng;
use std::collections::BTreeSet;
use std::fmt;

/// The built-in data sets with a gold rule, in menu order.
pub const GOLD_DATASETS: &[&str] = &["hidden-quality", "length-bias", "noisy-labels", "padding"];

/// Candidates per prompt in the pools drawn at random (hidden-quality, noisy-labels, padding).
pub const CANDIDATES_PER_PROMPT: usize = 256;

/// Why a built-in data set has no pool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PoolError {
    /// No built-in data set has this name.
    Unknown(String),
    /// The data set exists, but nothing says how good its responses truly are.
    NoGold(String),
}

impl fmt::Display for PoolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PoolError::Unknown(name) => write!(
                f,
                "unknown data set {name:?}; the built-in ones are {}",
                crate::data::builtin_names().join(", ")
            ),
            PoolError::NoGold(name) => write!(
                f,
                "data set {name:?} has no gold rule (its labels were written by hand), so gold cannot be measured; \
                 the data sets with one are {}",
                GOLD_DATASETS.join(", ")
            ),
        }
    }
}

impl std::error::Error for PoolError {}

/// The pool of a built-in data set drawn from `seed`.
pub fn builtin_pool(name: &str, seed: u64) -> Result<Pool, PoolError> {
    let prompts = match name {
        "hidden-quality" => lexicon_pool(
            hidden_quality::PROMPTS,
            hidden_quality::LEXICON,
            "An answer that is",
            seed,
        ),
        "noisy-labels" => lexicon_pool(
            noisy_labels::PROMPTS,
            noisy_labels::LEXICON,
            "A recipe that is",
            seed,
        ),
        "length-bias" => length_bias_pool(),
        "padding" => padding_pool(seed),
        _ if crate::data::builtin_names().contains(&name) => {
            return Err(PoolError::NoGold(name.to_string()))
        }
        _ => return Err(PoolError::Unknown(name.to_string())),
    };
    Ok(Pool {
        name: name.to_string(),
        prompts,
    })
}

/// hidden-quality and noisy-labels: responses `{lead} w1, w2 and w3.` of 3 to 5 distinct lexicon words, gold the
/// sum of their hidden values (the rule the labels were drawn from).
fn lexicon_pool(
    prompts: &[&str],
    lexicon: &[(&str, f64)],
    lead: &str,
    seed: u64,
) -> Vec<PromptPool> {
    let mut rng = Rng::new(seed);
    prompts
        .iter()
        .map(|prompt| {
            let mut seen = BTreeSet::new();
            let mut responses = Vec::new();
            while responses.len() < CANDIDATES_PER_PROMPT {
                let count = 3 + rng.below(3);
                let mut words = padding::pick(&mut rng, count, lexicon.len());
                rng.shuffle(&mut words);
                let text = synthetic::sentence(lead, words.iter().map(|&w| lexicon[w].0));
                let gold: f64 = words.iter().map(|&w| lexicon[w].1).sum();
                if seen.insert(text.clone()) {
                    responses.push((text, gold));
                }
            }
            PromptPool::uniform(prompt, responses)
        })
        .collect()
}

/// What one opening or closing phrase takes off a length-bias answer's gold.
pub const LENGTH_BIAS_PADDING_COST: f64 = 0.25;

/// length-bias: every question's correct and wrong short answer, each bare or with any opening and any closing
/// (2 · 6 · 6 = 72 candidates). Gold: 1 for the correct answer, 0 for the wrong one, minus
/// [`LENGTH_BIAS_PADDING_COST`] per opening or closing: the labelers liked the padding, the rule does not.
fn length_bias_pool() -> Vec<PromptPool> {
    let pads = |list: &[&'static str]| -> Vec<Option<&'static str>> {
        std::iter::once(None)
            .chain(list.iter().copied().map(Some))
            .collect()
    };
    let (openings, closings) = (pads(length_bias::OPENINGS), pads(length_bias::CLOSINGS));
    length_bias::QUESTIONS
        .iter()
        .map(|&(question, correct, wrong)| {
            let mut responses = Vec::new();
            for (core, value) in [(correct, 1.0), (wrong, 0.0)] {
                for opening in &openings {
                    for closing in &closings {
                        let parts: Vec<&str> = [*opening, Some(core), *closing]
                            .into_iter()
                            .flatten()
                            .collect();
                        let cost = (opening.is_some() as u8 + closing.is_some() as u8) as f64;
                        responses.push((parts.join(" "), value - LENGTH_BIAS_PADDING_COST * cost));
                    }
                }
            }
            PromptPool::uniform(question, responses)
        })
        .collect()
}

/// π_ref of the padding pool: the chance that the starting policy writes 0, 1, 2 or 3 padding phrases.
pub const PADDING_PRIOR: [f64; 4] = [0.55, 0.25, 0.13, 0.07];

/// padding: for every question, its facts in a seeded order, and every answer made of the first k facts
/// (k = 0..=4) and any set of at most three padding phrases. π_ref: k uniform, the number of padding phrases by
/// [`PADDING_PRIOR`], the phrases themselves uniform. Gold by [`padding::gold`].
fn padding_pool(seed: u64) -> Vec<PromptPool> {
    let mut rng = Rng::new(seed);
    let sets = subsets_up_to(padding::PADDING.len(), PADDING_PRIOR.len() - 1);
    let count_of = |k: usize| sets.iter().filter(|s| s.len() == k).count() as f64;
    (0..padding::QUESTIONS.len())
        .map(|q| {
            let mut order: Vec<usize> = (0..4).collect();
            rng.shuffle(&mut order);
            let mut candidates = Vec::new();
            for k in 0..=4 {
                let facts = crate::order::sorted_by_key(order[..k].to_vec(), |&f| f as f64);
                for set in &sets {
                    candidates.push(Candidate {
                        response: padding::answer(q, &facts, set),
                        gold: padding::gold(k, set.len()),
                        ref_prob: PADDING_PRIOR[set.len()] / count_of(set.len()) / 5.0,
                    });
                }
            }
            PromptPool {
                prompt: padding::QUESTIONS[q].0.to_string(),
                candidates,
            }
        })
        .collect()
}

/// Every subset of 0..n with at most `max` members, smallest first, each in ascending order.
fn subsets_up_to(n: usize, max: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new()];
    let mut frontier = vec![Vec::new()];
    for _ in 0..max {
        let mut next = Vec::new();
        for set in &frontier {
            let from = set.last().map_or(0, |&l: &usize| l + 1);
            for i in from..n {
                let mut grown = set.clone();
                grown.push(i);
                next.push(grown);
            }
        }
        out.extend(next.iter().cloned());
        frontier = next;
    }
    out
}
