//! The reward-model loss, −log σ(r_better − r_worse), its variants, and every derivative.
//!
//! Everything here is exact and finite for any finite input: a gap of −2000 gives a loss of 2000, a gap of +800 a
//! loss of 0, never `inf` or `NaN`. The math goes through `libm`, so native and wasm32 builds agree to the bit.

use serde::{Deserialize, Serialize};

mod readout;

pub use readout::{pair_readout, PairReadout};

/// σ(x) = 1 / (1 + e^(−x)), the logistic sigmoid, in (0, 1) (it rounds to 0 or 1 far out).
///
/// Step 1 of the loss: σ(Δ) is the model's probability that a labeler prefers the better response
/// (the Bradley–Terry model).
pub fn sigmoid(x: f64) -> f64 {
    // Never exponentiate a large positive number: e^(−x) for x ≥ 0 and e^x for x < 0 are both ≤ 1.
    if x >= 0.0 {
        1.0 / (1.0 + libm::exp(-x))
    } else {
        let e = libm::exp(x);
        e / (1.0 + e)
    }
}

/// dσ/dx = σ(x) · σ(−x).
pub fn sigmoid_derivative(x: f64) -> f64 {
    sigmoid(x) * sigmoid(-x)
}

/// softplus(x) = log(1 + e^x), a smooth max(0, x); always ≥ 0.
pub fn softplus(x: f64) -> f64 {
    // For x > 0: log(1 + e^x) = x + log(1 + e^(−x)), which never overflows.
    if x > 0.0 {
        x + libm::log1p(libm::exp(-x))
    } else {
        libm::log1p(libm::exp(x))
    }
}

/// d softplus(x)/dx = σ(x).
pub fn softplus_derivative(x: f64) -> f64 {
    sigmoid(x)
}

/// log σ(x) = −softplus(−x), always ≤ 0; it approaches its highest value, 0, as σ(x) → 1.
///
/// Step 2 of the loss. Computed without forming σ(x) first, so log σ(−2000) is −2000, not −inf.
pub fn log_sigmoid(x: f64) -> f64 {
    -softplus(-x)
}

/// d log σ(x)/dx = σ(−x) = 1 − σ(x).
pub fn log_sigmoid_derivative(x: f64) -> f64 {
    sigmoid(-x)
}

/// The Bradley–Terry pair loss −log σ(Δ) = softplus(−Δ) (Step 3: times −1, so an optimizer can minimize it).
pub fn bt_loss(gap: f64) -> f64 {
    softplus(-gap)
}

/// dloss/dΔ = −σ(−Δ). A pair ranked right by a wide margin (Δ ≫ 0) barely pulls; a pair ranked wrong pulls with
/// a weight near 1.
pub fn bt_loss_derivative(gap: f64) -> f64 {
    -sigmoid(-gap)
}

/// The weight σ(−Δ) with which one pair pulls on the model: the size of dloss/dΔ.
pub fn gradient_weight(gap: f64) -> f64 {
    sigmoid(-gap)
}

/// Which pair loss a run minimizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LossKind {
    /// Plain Bradley–Terry: −log σ(Δ) (InstructGPT).
    #[default]
    Bt,
    /// Llama 2's margin loss: −log σ(Δ − m), with m from the pair's `margin` (0 where it has none).
    Margin,
    /// Label smoothing: −(1−ε) log σ(Δ) − ε log σ(−Δ).
    Smooth,
}

impl LossKind {
    /// All kinds, in the order the page and the CLI list them.
    pub const ALL: [LossKind; 3] = [LossKind::Bt, LossKind::Margin, LossKind::Smooth];

    /// The name used by the CLI, the URL and the data files.
    pub fn name(self) -> &'static str {
        match self {
            LossKind::Bt => "bt",
            LossKind::Margin => "margin",
            LossKind::Smooth => "smooth",
        }
    }

    /// Parses a name as written by [`LossKind::name`].
    pub fn from_name(name: &str) -> Option<LossKind> {
        LossKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// Everything that defines the loss of one pair: the kind, ε for label smoothing, and TRL's centering coefficient.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LossSpec {
    /// Which pair loss.
    pub kind: LossKind,
    /// ε of label smoothing, in [0, 0.5); used only by [`LossKind::Smooth`].
    pub label_smoothing: f64,
    /// c of TRL's centering term c · (r_chosen + r_rejected)²; 0 turns it off. Any kind can add it.
    pub center_coef: f64,
}

impl Default for LossSpec {
    fn default() -> Self {
        LossSpec {
            kind: LossKind::Bt,
            label_smoothing: 0.1,
            center_coef: 0.0,
        }
    }
}

/// The loss of one pair and its derivatives with respect to both rewards.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PairTerms {
    /// The pair's loss, ≥ 0.
    pub loss: f64,
    /// dloss/dr_chosen.
    pub dloss_dchosen: f64,
    /// dloss/dr_rejected.
    pub dloss_drejected: f64,
}

/// Llama 2's margin loss −log σ(Δ − m) and its derivative with respect to Δ: the plain loss, moved by m.
pub fn margin_loss(gap: f64, margin: f64) -> (f64, f64) {
    (bt_loss(gap - margin), bt_loss_derivative(gap - margin))
}

/// Label smoothing −(1−ε) log σ(Δ) − ε log σ(−Δ) and its derivative with respect to Δ.
///
/// Its minimum is at the finite gap Δ* = ln((1−ε)/ε): a smoothed model stops widening gaps there.
pub fn smooth_loss(gap: f64, epsilon: f64) -> (f64, f64) {
    (
        smooth_loss_value(gap, epsilon),
        smooth_loss_derivative(gap, epsilon),
    )
}

fn smooth_loss_value(gap: f64, epsilon: f64) -> f64 {
    (1.0 - epsilon) * softplus(-gap) + epsilon * softplus(gap)
}

/// d/dΔ of label smoothing: −(1−ε) σ(−Δ) + ε σ(Δ).
fn smooth_loss_derivative(gap: f64, epsilon: f64) -> f64 {
    -(1.0 - epsilon) * sigmoid(-gap) + epsilon * sigmoid(gap)
}

/// The gap at which label smoothing ε has its minimum: ln((1−ε)/ε).
pub fn smooth_optimal_gap(epsilon: f64) -> f64 {
    libm::log((1.0 - epsilon) / epsilon)
}

/// TRL's centering term c · (r_chosen + r_rejected)² for one pair, and its derivative with respect to either reward.
///
/// Unlike the pair losses it is not shift-invariant, on purpose: it pulls rewards toward a mean of 0.
pub fn centering_term(coef: f64, r_chosen: f64, r_rejected: f64) -> (f64, f64) {
    let s = r_chosen + r_rejected;
    // d/dr_chosen = d/dr_rejected = 2c (r_chosen + r_rejected)
    (coef * s * s, 2.0 * coef * s)
}

/// The loss of one pair under `spec`, with dloss/dr_chosen and dloss/dr_rejected.
///
/// `margin` is the pair's labeled preference strength, used only by [`LossKind::Margin`].
pub fn pair_terms(
    spec: &LossSpec,
    r_chosen: f64,
    r_rejected: f64,
    margin: Option<f64>,
) -> PairTerms {
    let (dloss_dchosen, dloss_drejected) = pair_gradient(spec, r_chosen, r_rejected, margin);
    PairTerms {
        loss: pair_loss(spec, r_chosen, r_rejected, margin),
        dloss_dchosen,
        dloss_drejected,
    }
}

/// The loss of one pair under `spec`, without its derivatives: what the metrics need.
pub fn pair_loss(spec: &LossSpec, r_chosen: f64, r_rejected: f64, margin: Option<f64>) -> f64 {
    let gap = r_chosen - r_rejected;
    let loss = match spec.kind {
        LossKind::Bt => bt_loss(gap),
        LossKind::Margin => bt_loss(gap - margin.unwrap_or(0.0)),
        LossKind::Smooth => smooth_loss_value(gap, spec.label_smoothing),
    };
    if spec.center_coef != 0.0 {
        loss + centering_term(spec.center_coef, r_chosen, r_rejected).0
    } else {
        loss
    }
}

/// dloss/dr_chosen and dloss/dr_rejected of one pair under `spec`, without the loss itself: what a training step
/// needs. Skipping the loss saves a `log1p` and an `exp` per pair.
pub fn pair_gradient(
    spec: &LossSpec,
    r_chosen: f64,
    r_rejected: f64,
    margin: Option<f64>,
) -> (f64, f64) {
    let gap = r_chosen - r_rejected;
    let dgap = match spec.kind {
        LossKind::Bt => bt_loss_derivative(gap),
        LossKind::Margin => bt_loss_derivative(gap - margin.unwrap_or(0.0)),
        LossKind::Smooth => smooth_loss_derivative(gap, spec.label_smoothing),
    };
    // Δ = r_chosen − r_rejected, so dΔ/dr_chosen = 1 and dΔ/dr_rejected = −1.
    if spec.center_coef != 0.0 {
        let dc = centering_term(spec.center_coef, r_chosen, r_rejected).1;
        (dgap + dc, -dgap + dc)
    } else {
        (dgap, -dgap)
    }
}

/// What the loss explorer and `reward-playground loss` show for one pair of rewards.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Explained {
    /// Δ = r_better − r_worse.
    pub gap: f64,
    /// Step 1: σ(Δ).
    pub sigmoid: f64,
    /// Step 2: log σ(Δ).
    pub log_sigmoid: f64,
    /// Step 3: −log σ(Δ).
    pub loss: f64,
    /// dloss/dΔ = −σ(−Δ) (so dloss/dr_better = dloss/dΔ and dloss/dr_worse = −dloss/dΔ).
    pub dloss_dgap: f64,
}

/// The three steps of the loss for rewards `better` and `worse`.
pub fn explain(better: f64, worse: f64) -> Explained {
    let gap = better - worse;
    Explained {
        gap,
        sigmoid: sigmoid(gap),
        log_sigmoid: log_sigmoid(gap),
        loss: bt_loss(gap),
        dloss_dgap: bt_loss_derivative(gap),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn central_difference(f: impl Fn(f64) -> f64, x: f64) -> f64 {
        let h = 1e-5;
        (f(x + h) - f(x - h)) / (2.0 * h)
    }

    #[test]
    fn the_loss_is_exact_and_finite_far_out() {
        assert_eq!(bt_loss(-2000.0), 2000.0);
        assert_eq!(bt_loss(800.0), 0.0);
        assert_eq!(log_sigmoid(-2000.0), -2000.0);
        assert_eq!(sigmoid(-2000.0), 0.0);
        assert_eq!(sigmoid(2000.0), 1.0);
        assert_eq!(bt_loss_derivative(-2000.0), -1.0);
        assert_eq!(bt_loss_derivative(800.0), 0.0);
        for x in [-1e308, -710.0, -40.0, 0.0, 40.0, 710.0, 1e308] {
            assert!(
                bt_loss(x).is_finite() && sigmoid(x).is_finite() && softplus(x).is_finite(),
                "x = {x}"
            );
        }
    }

    #[test]
    fn at_a_gap_of_zero_the_loss_is_ln_2() {
        assert!((bt_loss(0.0) - std::f64::consts::LN_2).abs() < 1e-15);
        assert_eq!(sigmoid(0.0), 0.5);
        assert_eq!(bt_loss_derivative(0.0), -0.5);
    }

    #[test]
    fn derivatives_match_finite_differences() {
        for x in [-6.0, -1.3, -0.2, 0.0, 0.4, 2.5, 7.0] {
            assert!((sigmoid_derivative(x) - central_difference(sigmoid, x)).abs() < 1e-8);
            assert!((softplus_derivative(x) - central_difference(softplus, x)).abs() < 1e-8);
            assert!((log_sigmoid_derivative(x) - central_difference(log_sigmoid, x)).abs() < 1e-8);
            assert!((bt_loss_derivative(x) - central_difference(bt_loss, x)).abs() < 1e-8);
            let (_, dm) = margin_loss(x, 0.7);
            assert!((dm - central_difference(|g| margin_loss(g, 0.7).0, x)).abs() < 1e-8);
            let (_, ds) = smooth_loss(x, 0.1);
            assert!((ds - central_difference(|g| smooth_loss(g, 0.1).0, x)).abs() < 1e-8);
        }
    }

    #[test]
    fn pair_terms_and_the_step_gradient_match_finite_differences_for_every_variant() {
        // (ε, centering coefficient, margin): with and without the centering term and a margin.
        let settings = [
            (0.2, 0.0, Some(0.5)),
            (0.2, 0.01, Some(0.5)),
            (0.15, 0.0, None),
            (0.15, 0.02, Some(1.5)),
        ];
        for kind in LossKind::ALL {
            for (label_smoothing, center_coef, margin) in settings {
                let spec = LossSpec {
                    kind,
                    label_smoothing,
                    center_coef,
                };
                for (c, r) in [(0.3, -1.2), (-2.0, 1.5), (4.0, 3.9)] {
                    let dc = central_difference(|x| pair_terms(&spec, x, r, margin).loss, c);
                    let dr = central_difference(|x| pair_terms(&spec, c, x, margin).loss, r);
                    let t = pair_terms(&spec, c, r, margin);
                    let (gc, gr) = pair_gradient(&spec, c, r, margin);
                    let at =
                        format!("{kind:?} ε {label_smoothing} c {center_coef} margin {margin:?}");
                    assert!((t.dloss_dchosen - dc).abs() < 1e-7, "{at}");
                    assert!((t.dloss_drejected - dr).abs() < 1e-7, "{at}");
                    assert!((gc - dc).abs() < 1e-7, "{at}: {gc} vs {dc}");
                    assert!((gr - dr).abs() < 1e-7, "{at}: {gr} vs {dr}");
                }
            }
        }
    }

    #[test]
    fn label_smoothing_is_lowest_at_ln_one_minus_eps_over_eps() {
        let eps = 0.1;
        let best = smooth_optimal_gap(eps);
        assert!((best - 9f64.ln()).abs() < 1e-12);
        assert!(smooth_loss(best, eps).1.abs() < 1e-12);
        assert!(smooth_loss(best + 0.1, eps).0 > smooth_loss(best, eps).0);
        assert!(smooth_loss(best - 0.1, eps).0 > smooth_loss(best, eps).0);
    }

    #[test]
    fn explain_follows_the_three_steps() {
        let e = explain(1.5, -0.5);
        assert_eq!(e.gap, 2.0);
        assert!((e.sigmoid - 1.0 / (1.0 + (-2.0f64).exp())).abs() < 1e-15);
        assert!((e.log_sigmoid - e.sigmoid.ln()).abs() < 1e-15);
        assert_eq!(e.loss, -e.log_sigmoid);
        assert!((e.dloss_dgap + (1.0 - e.sigmoid)).abs() < 1e-15);
    }

    #[test]
    fn loss_kinds_round_trip_their_names() {
        for k in LossKind::ALL {
            assert_eq!(LossKind::from_name(k.name()), Some(k));
        }
        assert_eq!(LossKind::from_name("hinge"), None);
    }
}
