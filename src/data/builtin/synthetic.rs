//! Synthetic responses with a known true score: each is a few words from a lexicon of hidden word values, and its
//! true quality is the sum of its words' values, so a linear bag-of-words model can in principle recover it.

use crate::data::Record;
use crate::loss::sigmoid;
use crate::rng::Rng;

/// How the simulated labeler picks the better of two responses i, j with true scores s_i, s_j.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Labeler {
    /// Bradley–Terry: i is preferred with probability σ(s_i − s_j).
    BradleyTerry,
    /// Always the truly better one (pairs with equal scores are never asked).
    Truthful,
}

/// Everything that defines one synthetic data set.
pub struct Spec<'a> {
    /// The seed of every draw.
    pub seed: u64,
    /// (word, hidden value) pairs.
    pub lexicon: &'a [(&'a str, f64)],
    /// A response reads `{lead} {w1}, {w2} and {w3}.`; the lead words are shared by all responses.
    pub lead: &'a str,
    /// The prompts; each gets its own responses.
    pub prompts: &'a [&'a str],
    /// Responses per prompt.
    pub responses_per_prompt: usize,
    /// Comparisons drawn per prompt.
    pub comparisons_per_prompt: usize,
    /// How preferences are decided.
    pub labeler: Labeler,
}

/// The comparisons as pair records, and the true score of every response text.
pub struct Generated {
    /// One pair record per comparison, prompt by prompt.
    pub records: Vec<Record>,
    /// (response text, true score), one entry per distinct response.
    pub truth: Vec<(String, f64)>,
}

/// Draws the responses, then the comparisons, all from `spec.seed`.
pub fn generate(spec: &Spec) -> Generated {
    let mut rng = Rng::new(spec.seed);
    let mut truth: Vec<(String, f64)> = Vec::new();
    let mut used: Vec<Vec<usize>> = Vec::new(); // sorted word sets already taken, so every response is distinct
    let mut records = Vec::new();
    for prompt in spec.prompts {
        let mut texts: Vec<(String, f64)> = Vec::new();
        while texts.len() < spec.responses_per_prompt {
            let mut order: Vec<usize> = (0..spec.lexicon.len()).collect();
            rng.shuffle(&mut order);
            let count = 3 + rng.below(3); // 3 to 5 words
            let words = &order[..count.min(order.len())];
            let key = crate::order::sorted_by_key(words.to_vec(), |&w| w as f64);
            if used.contains(&key) {
                continue;
            }
            used.push(key);
            let score: f64 = words.iter().map(|&w| spec.lexicon[w].1).sum();
            texts.push((
                sentence(spec.lead, words.iter().map(|&w| spec.lexicon[w].0)),
                score,
            ));
        }
        truth.extend(texts.iter().cloned());
        let candidates: Vec<(usize, usize)> = (0..texts.len())
            .flat_map(|i| (0..texts.len()).map(move |j| (i, j)))
            .filter(|&(i, j)| {
                i < j && (spec.labeler == Labeler::BradleyTerry || texts[i].1 != texts[j].1)
            })
            .collect();
        if candidates.is_empty() {
            continue;
        }
        for _ in 0..spec.comparisons_per_prompt {
            let (a, b) = candidates[rng.below(candidates.len())];
            let (i, j) = if rng.below(2) == 0 { (a, b) } else { (b, a) };
            let i_wins = match spec.labeler {
                Labeler::BradleyTerry => rng.uniform() < sigmoid(texts[i].1 - texts[j].1),
                Labeler::Truthful => texts[i].1 > texts[j].1,
            };
            let (better, worse) = if i_wins { (i, j) } else { (j, i) };
            records.push(Record::Pair {
                prompt: prompt.to_string(),
                chosen: texts[better].0.clone(),
                rejected: texts[worse].0.clone(),
                margin: None,
            });
        }
    }
    Generated { records, truth }
}

/// `{lead} a, b and c.`
pub(crate) fn sentence<'a>(lead: &str, words: impl Iterator<Item = &'a str>) -> String {
    let words: Vec<&str> = words.collect();
    match words.split_last() {
        Some((last, [])) => format!("{lead} {last}."),
        Some((last, rest)) => format!("{lead} {} and {last}.", rest.join(", ")),
        None => format!("{lead}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_response_lists_its_words_after_the_shared_lead() {
        assert_eq!(
            sentence("An answer that is", ["clear", "wrong", "brief"].into_iter()),
            "An answer that is clear, wrong and brief."
        );
    }

    #[test]
    fn a_truthful_labeler_always_prefers_the_higher_true_score() {
        let spec = Spec {
            seed: 3,
            lexicon: &[
                ("good", 1.0),
                ("bad", -1.0),
                ("fine", 0.5),
                ("poor", -0.5),
                ("plain", 0.0),
            ],
            lead: "It is",
            prompts: &["q1", "q2"],
            responses_per_prompt: 3,
            comparisons_per_prompt: 10,
            labeler: Labeler::Truthful,
        };
        let g = generate(&spec);
        assert_eq!(g.records.len(), 20);
        let score = |t: &str| g.truth.iter().find(|(x, _)| x == t).map(|(_, s)| *s);
        for r in &g.records {
            let Record::Pair {
                chosen, rejected, ..
            } = r
            else {
                panic!("pairs only")
            };
            assert!(score(chosen) > score(rejected));
        }
    }
}
