//! Card templates: the live numbers and words a card quotes as `{name}`, and how a template is filled from a
//! [`Snapshot`].

use super::Snapshot;
use crate::train::Grouping;

/// A live number (or word) a card quotes, named in templates as `{name}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// `{better}`: the explorer's r_better.
    Better,
    /// `{worse}`: the explorer's r_worse.
    Worse,
    /// `{gap}`: Δ.
    Gap,
    /// `{sigmoid}`: σ(Δ).
    Sigmoid,
    /// `{log_sigmoid}`: log σ(Δ).
    LogSigmoid,
    /// `{loss}`: −log σ(Δ).
    Loss,
    /// `{pull}`: σ(−Δ) = ∂loss/∂r_worse.
    Pull,
    /// `{step}`: the training step.
    Step,
    /// `{epoch}`: epochs so far.
    Epoch,
    /// `{train_loss}`: the training loss.
    TrainLoss,
    /// `{accuracy}`: the training accuracy.
    Accuracy,
    /// `{train_units}`: training batch elements.
    TrainUnits,
    /// `{train_pairs}`: training pairs.
    TrainPairs,
    /// `{steps_per_epoch}`: steps per epoch.
    StepsPerEpoch,
    /// `{unit}`: what one batch element is, in words.
    Unit,
    /// `{gap_reading}`: what the sign of the gap Δ says about the pair, in words.
    GapReading,
    /// `{n}`: best-of-n's n on the "Use the model" scene.
    N,
    /// `{beta}`: π_β's β.
    Beta,
    /// `{bon_proxy}`: best-of-n's learned-reward gain over π_ref.
    BonProxy,
    /// `{bon_gold}`: best-of-n's gold gain over π_ref.
    BonGold,
    /// `{bon_peak_n}`: the n where best-of-n's gold peaks.
    BonPeakN,
    /// `{kl_kl}`: KL(π_β ‖ π_ref).
    KlKl,
    /// `{kl_proxy}`: π_β's learned-reward gain over π_ref.
    KlProxy,
    /// `{kl_gold}`: π_β's gold gain over π_ref.
    KlGold,
    /// `{labels_given}`: labels given on the Label scene.
    LabelsGiven,
    /// `{labels_total}`: steps of the labeling session.
    LabelsTotal,
    /// `{label_consistency}`: the labeler's self-consistency.
    LabelConsistency,
    /// `{class_labelers}`: labelers in the class's codes.
    ClassLabelers,
    /// `{class_agreement}`: the class's mean pairwise agreement.
    ClassAgreement,
}

impl Quantity {
    /// Every quantity, with its template name.
    pub const ALL: [(&'static str, Quantity); 29] = [
        ("better", Quantity::Better),
        ("worse", Quantity::Worse),
        ("gap", Quantity::Gap),
        ("sigmoid", Quantity::Sigmoid),
        ("log_sigmoid", Quantity::LogSigmoid),
        ("loss", Quantity::Loss),
        ("pull", Quantity::Pull),
        ("step", Quantity::Step),
        ("epoch", Quantity::Epoch),
        ("train_loss", Quantity::TrainLoss),
        ("accuracy", Quantity::Accuracy),
        ("train_units", Quantity::TrainUnits),
        ("train_pairs", Quantity::TrainPairs),
        ("steps_per_epoch", Quantity::StepsPerEpoch),
        ("unit", Quantity::Unit),
        ("gap_reading", Quantity::GapReading),
        ("n", Quantity::N),
        ("beta", Quantity::Beta),
        ("bon_proxy", Quantity::BonProxy),
        ("bon_gold", Quantity::BonGold),
        ("bon_peak_n", Quantity::BonPeakN),
        ("kl_kl", Quantity::KlKl),
        ("kl_proxy", Quantity::KlProxy),
        ("kl_gold", Quantity::KlGold),
        ("labels_given", Quantity::LabelsGiven),
        ("labels_total", Quantity::LabelsTotal),
        ("label_consistency", Quantity::LabelConsistency),
        ("class_labelers", Quantity::ClassLabelers),
        ("class_agreement", Quantity::ClassAgreement),
    ];

    /// The template name.
    pub fn name(self) -> &'static str {
        Quantity::ALL
            .iter()
            .find(|(_, q)| *q == self)
            .map(|(n, _)| *n)
            .unwrap_or("")
    }

    /// The quantity's value in `s`, tagged with how the page writes it.
    pub fn value(self, s: &Snapshot) -> Value {
        let e = s.explained();
        let t = &s.training;
        let numbers = s.policy.numbers;
        let policy =
            |f: fn(&super::PolicyNumbers) -> Value| numbers.as_ref().map_or(Value::Pending, f);
        match self {
            Quantity::Better => Value::Reward(s.better),
            Quantity::Worse => Value::Reward(s.worse),
            Quantity::Gap => Value::Reward(e.gap),
            Quantity::Sigmoid => Value::Four(e.sigmoid),
            Quantity::LogSigmoid => Value::Four(e.log_sigmoid),
            Quantity::Loss => Value::Four(e.loss),
            Quantity::Pull => Value::Four(-e.dloss_dgap),
            Quantity::Step => Value::Count(t.step),
            Quantity::Epoch => Value::Two(t.metrics.epoch),
            Quantity::TrainLoss => Value::Four(t.metrics.loss),
            Quantity::Accuracy => Value::Percent(t.metrics.accuracy),
            Quantity::TrainUnits => Value::Count(t.train_units as u64),
            Quantity::TrainPairs => Value::Count(t.train_pairs as u64),
            Quantity::StepsPerEpoch => Value::Count(t.steps_per_epoch),
            Quantity::GapReading => Value::Word(if e.gap > 0.0 {
                "positive, so the model now ranks this pair the right way round"
            } else if e.gap < 0.0 {
                "negative, so the model ranks this pair the wrong way round"
            } else {
                "0, a tie: the model cannot tell the two answers apart"
            }),
            Quantity::Unit => Value::Word(match t.grouping {
                Grouping::Prompts => "one prompt with all of its pairs",
                Grouping::Pairs => "one pair on its own",
            }),
            Quantity::N => Value::Count(s.policy.n),
            Quantity::Beta => Value::Beta(s.policy.beta),
            Quantity::BonProxy => policy(|p| Value::Gain(p.best_of_n.proxy)),
            Quantity::BonGold => policy(|p| Value::Gain(p.best_of_n.gold)),
            Quantity::BonPeakN => policy(|p| Value::Count(p.best_of_n_peak_n)),
            Quantity::KlKl => policy(|p| Value::Three(p.kl_regularized.kl)),
            Quantity::KlProxy => policy(|p| Value::Gain(p.kl_regularized.proxy)),
            Quantity::KlGold => policy(|p| Value::Gain(p.kl_regularized.gold)),
            Quantity::LabelsGiven => Value::Count(s.label.given as u64),
            Quantity::LabelsTotal => Value::Count(s.label.total as u64),
            Quantity::LabelConsistency => {
                s.label.consistency.map_or(Value::Pending, Value::Percent)
            }
            Quantity::ClassLabelers => Value::Count(s.label.class_labelers as u64),
            Quantity::ClassAgreement => s
                .label
                .class_agreement
                .map_or(Value::Pending, Value::Percent),
        }
    }
}

/// A quoted value and the way the page writes it (the page formats it with its own number formatting).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// A reward or gap: two decimals.
    Reward(f64),
    /// Four decimals.
    Four(f64),
    /// Two decimals.
    Two(f64),
    /// A share, written as a percentage with one decimal.
    Percent(f64),
    /// A whole number.
    Count(u64),
    /// Words.
    Word(&'static str),
    /// A gain over π_ref: signed, three decimals (as the "Use the model" table writes it).
    Gain(f64),
    /// Three decimals (a KL in nats).
    Three(f64),
    /// A β: three significant digits.
    Beta(f64),
    /// A number the page has not computed yet for the shown model.
    Pending,
}

/// A piece of a filled template.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Plain text.
    Text(String),
    /// A live value.
    Live(Quantity, Value),
}

/// Fills `template`'s `{name}` placeholders with the values in `s`. Text in braces that names no quantity stays as
/// it is.
pub fn fill(template: &str, s: &Snapshot) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let quantity = after.find('}').and_then(|close| {
            let name = &after[..close];
            Quantity::ALL
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, q)| (*q, close))
        });
        match quantity {
            Some((q, close)) => {
                if !text.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut text)));
                }
                out.push(Piece::Live(q, q.value(s)));
                rest = &after[close + 1..];
            }
            None => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    out
}
