//! What each live chart shows, in words (its text alternative) and as a table.

use super::live_charts::Kind;
use crate::charts::{accuracy_by_margin, top_words};
use crate::format::fixed;
use crate::train::{PairState, Trainer};
use crate::web::chart_tools::Table;

/// A number with 3 decimals.
fn n3(v: f64) -> String {
    fixed(v, 3).replace('-', "−")
}

/// A share as a whole percentage.
fn pct(v: f64) -> String {
    format!("{:.0} %", 100.0 * v)
}

/// "fell from a to b", "rose from a to b" or "stayed at a".
fn went(from: f64, to: f64, show: fn(f64) -> String) -> String {
    let (a, b) = (show(from), show(to));
    if a == b {
        format!("stayed at {a}")
    } else if to < from {
        format!("fell from {a} to {b}")
    } else {
        format!("rose from {a} to {b}")
    }
}

/// The lowest and highest of `values` (0, 0 when empty).
fn range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if lo <= hi {
        (lo, hi)
    } else {
        (0.0, 0.0)
    }
}

/// One short sentence on what `kind` shows now.
pub fn summary(kind: Kind, t: &mut Trainer, pairs: &[PairState]) -> String {
    let now = t.metrics();
    let first = t.history().first().map(|(_, m)| *m).unwrap_or(now);
    let over = format!(
        "over {} step{}",
        now.step,
        if now.step == 1 { "" } else { "s" }
    );
    let n = pairs.len();
    if now.step == 0 && matches!(kind, Kind::Loss | Kind::Accuracy | Kind::Gaps) {
        let (what, value) = match kind {
            Kind::Loss => ("Training loss", n3(now.loss)),
            Kind::Accuracy => ("Training accuracy", pct(now.accuracy)),
            _ => ("The mean gap Δ of the training pairs", n3(now.margin)),
        };
        return format!("{what} is {value} at step 0, before any update.");
    }
    match kind {
        Kind::Loss => {
            let test = now
                .test_loss
                .map(|l| format!("; test loss {}", n3(l)))
                .unwrap_or_default();
            format!(
                "Training loss {} {over}{test}.",
                went(first.loss, now.loss, n3)
            )
        }
        Kind::Accuracy => {
            let test = now
                .test_accuracy
                .map(|a| format!("; test accuracy {}", pct(a)))
                .unwrap_or_default();
            format!(
                "Training accuracy {} {over}{test}.",
                went(first.accuracy, now.accuracy, pct)
            )
        }
        Kind::Gaps => format!(
            "The mean gap Δ of the training pairs {} {over}.",
            went(first.margin, now.margin, n3)
        ),
        Kind::Sigmoid => {
            let right = pairs.iter().filter(|p| p.gap > 0.0).count();
            let (lo, hi) = range(pairs.iter().map(|p| p.sigmoid));
            format!(
                "{right} of {n} pairs have σ(Δ) above ½; σ(Δ) ranges from {} to {}.",
                n3(lo),
                n3(hi)
            )
        }
        Kind::NegLog => {
            let (lo, hi) = range(pairs.iter().map(|p| p.loss));
            format!(
                "Pair losses range from {} to {}; the training loss is {}.",
                n3(lo),
                n3(hi),
                n3(now.loss)
            )
        }
        Kind::Rewards => {
            let ahead = pairs.iter().filter(|p| p.gap > 0.0).count();
            format!(
                "The chosen response is ahead in {ahead} of {n} pairs; rewards range from {} to {}.",
                n3(now.min_reward),
                n3(now.max_reward)
            )
        }
        Kind::Weights => {
            let hard = pairs.iter().filter(|p| p.gradient_weight > 0.5).count();
            let (_, hi) = range(pairs.iter().map(|p| p.gradient_weight));
            format!("{hard} of {n} pairs pull with σ(−Δ) above ½ (ranked wrong or tied); the strongest pull is {}.", n3(hi))
        }
        Kind::Truth => {
            let points = t.learned_vs_true();
            format!(
                "{} responses; learned reward and true quality correlate with r = {}.",
                points.len(),
                n3(correlation(&points))
            )
        }
        Kind::Margin => {
            let bars = margin_bars(t, pairs);
            let parts: Vec<String> = bars
                .iter()
                .map(|b| {
                    format!(
                        "m = {}: {} of {} pairs right",
                        n3(b.margin),
                        pct(b.accuracy),
                        b.pairs
                    )
                })
                .collect();
            format!("Accuracy by labeled margin: {}.", parts.join("; "))
        }
        Kind::Words => {
            let top = top_words(&t.model().word_weights().unwrap_or_default(), 3);
            if top.is_empty() {
                return "Every word weight is 0 at this step.".to_string();
            }
            let parts: Vec<String> = top.iter().map(|(w, v)| format!("{w} {}", n3(*v))).collect();
            format!(
                "Largest word weights, highest to lowest: {}.",
                parts.join(", ")
            )
        }
    }
}

fn margin_bars(t: &Trainer, pairs: &[PairState]) -> Vec<crate::charts::MarginBar> {
    let margins: Vec<Option<f64>> = t.dataset().pairs.iter().map(|p| p.margin).collect();
    let correct: Vec<bool> = pairs.iter().map(|p| p.gap > 0.0).collect();
    accuracy_by_margin(&margins, &correct)
}

/// Pearson's r of (x, y) points (0 when undefined).
fn correlation(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    if points.len() < 2 {
        return 0.0;
    }
    let (mx, my) = points
        .iter()
        .fold((0.0, 0.0), |(a, b), (x, y)| (a + x / n, b + y / n));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in points {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    let d = libm::sqrt(sxx * syy);
    if d > 0.0 {
        sxy / d
    } else {
        0.0
    }
}

/// The data `kind` draws, as a table.
pub fn table(kind: Kind, t: &mut Trainer, pairs: &[PairState]) -> Table {
    let per_pair = |head: &[&str], cols: fn(&PairState) -> Vec<f64>| {
        let rows = pairs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut row = vec![
                    (i + 1).to_string(),
                    if p.test { "test" } else { "train" }.to_string(),
                ];
                row.extend(cols(p).into_iter().map(n3));
                row
            })
            .collect();
        Table::new(head, rows)
    };
    match kind {
        Kind::Gaps => {
            let rows = t
                .history()
                .iter()
                .map(|(s, m)| vec![s.to_string(), n3(m.margin)])
                .collect();
            Table::new(&["step", "mean gap Δ (training pairs)"], rows)
        }
        Kind::Loss | Kind::Accuracy => {
            let loss = kind == Kind::Loss;
            let rows = t
                .history()
                .iter()
                .map(|(s, m)| {
                    let (train, test) = if loss {
                        (n3(m.loss), m.test_loss.map(n3))
                    } else {
                        (pct(m.accuracy), m.test_accuracy.map(pct))
                    };
                    vec![s.to_string(), train, test.unwrap_or_else(|| "none".into())]
                })
                .collect();
            let head: &[&str] = if loss {
                &["step", "training loss", "test loss"]
            } else {
                &["step", "training accuracy", "test accuracy"]
            };
            Table::new(head, rows)
        }
        Kind::Sigmoid => per_pair(&["pair", "split", "Δ", "σ(Δ)"], |p| {
            vec![p.gap, p.sigmoid]
        }),
        Kind::NegLog => per_pair(&["pair", "split", "Δ", "loss −log σ(Δ)"], |p| {
            vec![p.gap, p.loss]
        }),
        Kind::Rewards => per_pair(&["pair", "split", "r_chosen", "r_rejected"], |p| {
            vec![p.reward_chosen, p.reward_rejected]
        }),
        Kind::Weights => per_pair(&["pair", "split", "Δ", "pull σ(−Δ)"], |p| {
            vec![p.gap, p.gradient_weight]
        }),
        Kind::Truth => {
            let rows = t
                .dataset()
                .truth
                .iter()
                .map(|(text, q)| vec![text.clone(), n3(*q), n3(t.score(text).reward)])
                .collect();
            Table::new(&["response", "true quality", "learned reward"], rows)
        }
        Kind::Margin => {
            let rows = margin_bars(t, pairs)
                .iter()
                .map(|b| vec![n3(b.margin), pct(b.accuracy), b.pairs.to_string()])
                .collect();
            Table::new(&["labeled margin m", "accuracy", "pairs"], rows)
        }
        Kind::Words => {
            let rows = top_words(&t.model().word_weights().unwrap_or_default(), 8)
                .into_iter()
                .map(|(w, v)| vec![w, n3(v)])
                .collect();
            Table::new(&["word", "weight"], rows)
        }
    }
}
