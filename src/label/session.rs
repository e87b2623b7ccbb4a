//! One labeler's session: the pairs of a [`LabelSet`] in a seeded order with seeded sides, a few of them shown again
//! later with the sides swapped, the labels given so far (with undo), and what they add up to.
//!
//! The order, the sides and the repeats are a pure function of the set and the seed, so a label code needs to carry
//! only the set's id, the seed and the labels.

use super::code::LabelCode;
use super::{Better, Label, LabelSet};
use crate::data::{Dataset, Record};
use crate::rng::Rng;

/// The RNG stream of a session's plan (order, sides, repeats), apart from the training streams.
const PLAN_STREAM: u64 = 0x4c41_4245_4c53; // "LABELS"

/// How many pairs a set of n pairs shows twice: ⌊n / 6⌋, at most 5 (30 pairs → 5 repeats, 35 labels).
pub fn repeats_for(n: usize) -> usize {
    (n / 6).min(5)
}

/// One step of the plan: which pair, and whether side A shows `texts[1]` (swapped) instead of `texts[0]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Step {
    pair: usize,
    swapped: bool,
    repeat: bool,
}

/// What the page shows for the current step.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown<'a> {
    /// 0-based position in the session (the progress count is `position + 1` of `total`).
    pub position: usize,
    /// Index of the pair in the set.
    pub pair: usize,
    /// The prompt.
    pub prompt: &'a str,
    /// The response shown as A.
    pub a: &'a str,
    /// The response shown as B.
    pub b: &'a str,
    /// This is the second showing of a pair (sides swapped); the page need not say so.
    pub repeat: bool,
}

/// A count of pairs that matched out of pairs compared; `share` = matched / compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Match {
    /// Pairs where the two answers were the same.
    pub matched: usize,
    /// Pairs compared.
    pub compared: usize,
}

impl Match {
    /// matched / compared, `None` when nothing was compared.
    pub fn share(self) -> Option<f64> {
        (self.compared > 0).then(|| self.matched as f64 / self.compared as f64)
    }
}

/// Self-consistency over the repeated pairs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Consistency {
    /// Repeated pairs labeled A or B both times, and how many picked the same text both times.
    pub decided: Match,
    /// Repeated pairs labeled both times where at least one label was "Can't tell".
    pub unsure: usize,
}

/// A labeling session: the plan and the labels given so far, in plan order.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    set: LabelSet,
    seed: u64,
    plan: Vec<Step>,
    labels: Vec<Label>,
}

impl Session {
    /// A new session over `set`. The plan: the pairs shuffled with the seed, each shown with a random side as A;
    /// then [`repeats_for`]`(n)` of the first sixth are shown again with the sides swapped, each at a random place
    /// in the second half, so a repeat never comes soon after its first showing.
    pub fn new(set: LabelSet, seed: u64) -> Session {
        let n = set.pairs.len();
        let mut rng = Rng::for_stream(seed, PLAN_STREAM);
        let mut order: Vec<usize> = (0..n).collect();
        rng.shuffle(&mut order);
        let mut plan: Vec<Step> = order
            .iter()
            .map(|&pair| Step {
                pair,
                swapped: rng.next_u64() & 1 == 1,
                repeat: false,
            })
            .collect();
        for k in 0..repeats_for(n) {
            let first = plan[k];
            let at = n / 2 + 1 + rng.below(plan.len() - n / 2);
            let again = Step {
                pair: first.pair,
                swapped: !first.swapped,
                repeat: true,
            };
            plan.insert(at, again);
        }
        Session {
            set,
            seed,
            plan,
            labels: Vec::new(),
        }
    }

    /// A session from a label code for this set and seed; refused, with the reason, if the code is for another set or
    /// seed or holds more labels than the session has steps.
    pub fn resume(set: LabelSet, seed: u64, code: &LabelCode) -> Result<Session, String> {
        let mut session = Session::new(set, seed);
        code.check_for(&session.set.id, seed, session.total())?;
        session.labels = code.labels.clone();
        Ok(session)
    }

    /// This session's labels as a code, with an optional name (see [`LabelCode`]).
    pub fn code(&self, name: Option<&str>) -> LabelCode {
        LabelCode {
            set: self.set.id.clone(),
            seed: self.seed,
            name: name.map(str::to_string).filter(|n| !n.is_empty()),
            labels: self.labels.clone(),
        }
    }

    /// The labeling set.
    pub fn set(&self) -> &LabelSet {
        &self.set
    }

    /// The seed of the plan.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Every label given, in plan order.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// Steps in the session: the pairs plus the repeats.
    pub fn total(&self) -> usize {
        self.plan.len()
    }

    /// (labels given, steps in all): the progress count, e.g. 12 of 35.
    pub fn progress(&self) -> (usize, usize) {
        (self.labels.len(), self.plan.len())
    }

    /// Every step has a label.
    pub fn is_done(&self) -> bool {
        self.labels.len() == self.plan.len()
    }

    /// The step to label now, `None` when done.
    pub fn current(&self) -> Option<Shown<'_>> {
        self.shown(self.labels.len())
    }

    /// Step `position` of the plan as shown.
    pub fn shown(&self, position: usize) -> Option<Shown<'_>> {
        let step = *self.plan.get(position)?;
        let pair = &self.set.pairs[step.pair];
        let (a, b) = if step.swapped { (1, 0) } else { (0, 1) };
        Some(Shown {
            position,
            pair: step.pair,
            prompt: &pair.prompt,
            a: &pair.texts[a],
            b: &pair.texts[b],
            repeat: step.repeat,
        })
    }

    /// Labels the current step; false (and nothing changes) when the session is done.
    pub fn label(&mut self, label: Label) -> bool {
        if self.is_done() {
            return false;
        }
        self.labels.push(label);
        true
    }

    /// Takes back the last label, which it returns; the page shows that step again.
    pub fn undo(&mut self) -> Option<Label> {
        self.labels.pop()
    }

    /// What a label at plan step `position` says about the pair's sorted texts: A means the text shown as A.
    fn better_at(&self, position: usize) -> Option<Better> {
        let step = self.plan[position];
        let a = if step.swapped {
            Better::Second
        } else {
            Better::First
        };
        match self.labels.get(position)? {
            Label::A => Some(a),
            Label::B => Some(a.other()),
            Label::CantTell => None,
        }
    }

    /// Each pair's label as a preference, by pair index of the set: the label of its first showing (the repeat only
    /// measures self-consistency); `None` for "Can't tell" and for pairs not labeled yet.
    pub fn preferences(&self) -> Vec<Option<Better>> {
        let mut out = vec![None; self.set.pairs.len()];
        for (position, step) in self.plan.iter().enumerate() {
            if !step.repeat {
                out[step.pair] = self.better_at(position);
            }
        }
        out
    }

    /// The labels as training data: one `{prompt, chosen, rejected}` record per pair labeled A or B (the text picked
    /// is `chosen`), in plan order; skipped pairs are left out. `None` while no pair is labeled A or B.
    pub fn to_dataset(&self, name: &str) -> Option<Dataset> {
        let preferences = self.preferences();
        let records: Vec<Record> = self
            .plan
            .iter()
            .filter(|s| !s.repeat)
            .filter_map(|s| Some(self.set.pairs[s.pair].record(preferences[s.pair]?)))
            .collect();
        let description = format!("{} pairs labeled by hand", records.len());
        // The set's texts are non-empty and distinct; a set that breaks that gives no data set rather than a panic.
        Dataset::from_records(name, &description, records).ok()
    }

    /// Agreement with the reference answer (gold, or a loaded data set's `chosen`): over pairs labeled A or B that
    /// have a reference, how many picked the reference's text.
    pub fn agreement_with_reference(&self) -> Match {
        let mut m = Match::default();
        for (pair, better) in self.set.pairs.iter().zip(self.preferences()) {
            if let (Some(reference), Some(better)) = (pair.reference, better) {
                m.compared += 1;
                m.matched += usize::from(reference == better);
            }
        }
        m
    }

    /// Self-consistency: each repeated pair's two labels compared, once both are given.
    pub fn self_consistency(&self) -> Consistency {
        let mut c = Consistency::default();
        for (again, step) in self.plan.iter().enumerate().filter(|(_, s)| s.repeat) {
            if again >= self.labels.len() {
                continue;
            }
            let Some(first) = self
                .plan
                .iter()
                .position(|s| s.pair == step.pair && !s.repeat)
            else {
                continue;
            };
            match (self.better_at(first), self.better_at(again)) {
                (Some(x), Some(y)) => {
                    c.decided.compared += 1;
                    c.decided.matched += usize::from(x == y);
                }
                _ => c.unsure += 1,
            }
        }
        c
    }
}
