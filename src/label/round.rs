//! A labeling round beyond one labeler's session: the keys that label, how a trained reward model's choices compare
//! with the reference answers, and example labelers for a learner who has no class at hand.

use super::code::LabelCode;
use super::session::{Match, Session};
use super::{Label, LabelSet};
use crate::model::RewardModel;
use crate::rng::Rng;

/// What a key does on the Label scene.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelKey {
    /// Gives this label to the pair shown.
    Give(Label),
    /// Takes back the last label.
    Undo,
}

/// The Label scene's keys (as `KeyboardEvent.key` spells them), what they do, and how the page names them.
pub const LABEL_KEYS: [(&[&str], LabelKey, &str); 4] = [
    (&["1", "ArrowLeft"], LabelKey::Give(Label::A), "1 or ←"),
    (&["2", "ArrowRight"], LabelKey::Give(Label::B), "2 or →"),
    (
        &["0", "ArrowDown"],
        LabelKey::Give(Label::CantTell),
        "0 or ↓",
    ),
    (&["Backspace", "u", "U"], LabelKey::Undo, "Backspace or U"),
];

/// What `key` does on the Label scene, if anything.
pub fn label_key(key: &str) -> Option<LabelKey> {
    LABEL_KEYS
        .iter()
        .find(|(keys, ..)| keys.contains(&key))
        .map(|(_, action, _)| *action)
}

/// How the page names the keys of `action`.
pub fn label_key_name(action: LabelKey) -> &'static str {
    LABEL_KEYS
        .iter()
        .find(|(_, a, _)| *a == action)
        .map_or("", |(.., name)| *name)
}

/// How often `model` picks the reference answer: over the pairs of `set` that have one, the pairs whose reference
/// text gets the strictly higher reward (a tie picks neither, so it does not match).
pub fn model_agreement(set: &LabelSet, model: &RewardModel) -> Match {
    let mut m = Match::default();
    for pair in &set.pairs {
        let Some(reference) = pair.reference else {
            continue;
        };
        let r = [
            model.score(&pair.texts[0]).reward,
            model.score(&pair.texts[1]).reward,
        ];
        m.compared += 1;
        m.matched += usize::from(r[reference.index()] > r[reference.other().index()]);
    }
    m
}

/// The RNG streams of the example labelers (one per labeler, after this).
const EXAMPLE_STREAM: u64 = 0x4558_414d_504c; // "EXAMPL"

/// How sharply an example labeler follows the gold scores: it prefers the text with the higher gold with probability
/// σ(gap / EXAMPLE_TEMPERATURE), so a gap of 1 point (of 10) is picked right 62 % of the time and a gap of 6, 95 %.
pub const EXAMPLE_TEMPERATURE: f64 = 2.0;

/// `count` example labelers of the round `set` with `seed`, each labeling every step of the session the way a
/// careful but human labeler might: the text with the higher gold score with probability σ(gap / 2), "Can't tell"
/// half the time when the gold scores are equal (a coin otherwise). Named "Example 1", "Example 2", …; seeded, so the
/// same round always gives the same examples. A set without gold scores gives examples that follow its reference
/// answers 80 % of the time.
pub fn example_codes(set: &LabelSet, seed: u64, count: usize) -> Vec<LabelCode> {
    (0..count)
        .map(|k| {
            let mut rng = Rng::for_stream(seed, EXAMPLE_STREAM + k as u64);
            let mut session = Session::new(set.clone(), seed);
            while let Some(shown) = session.current() {
                let pair = &set.pairs[shown.pair];
                let a_first = shown.a == pair.texts[0];
                // P(the text shown as A is better).
                let p_a = match (pair.gold, pair.reference) {
                    (Some([g0, g1]), _) => {
                        let (ga, gb) = if a_first { (g0, g1) } else { (g1, g0) };
                        if ga == gb {
                            if rng.uniform() < 0.5 {
                                session.label(Label::CantTell);
                                continue;
                            }
                            0.5
                        } else {
                            crate::loss::sigmoid((ga - gb) / EXAMPLE_TEMPERATURE)
                        }
                    }
                    (None, Some(r)) => {
                        if (r.index() == 0) == a_first {
                            0.8
                        } else {
                            0.2
                        }
                    }
                    (None, None) => 0.5,
                };
                session.label(if rng.uniform() < p_a {
                    Label::A
                } else {
                    Label::B
                });
            }
            session.code(Some(&format!("Example {}", k + 1)))
        })
        .collect()
}
