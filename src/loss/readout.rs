//! Every number a chart reads of one pair, from as few `exp` and `log1p` calls as the formulas allow.

use super::{pair_loss, LossKind, LossSpec};

/// What a chart reads of one pair: σ(Δ), log σ(Δ), σ(−Δ) and the pair's loss under its spec.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PairReadout {
    /// σ(Δ), as [`super::sigmoid`].
    pub sigmoid: f64,
    /// log σ(Δ), as [`super::log_sigmoid`].
    pub log_sigmoid: f64,
    /// σ(−Δ), as [`super::gradient_weight`].
    pub gradient_weight: f64,
    /// The loss, as [`pair_loss`].
    pub loss: f64,
}

/// [`super::sigmoid`], [`super::log_sigmoid`], [`super::gradient_weight`] and [`pair_loss`] of one pair, bit for
/// bit the same numbers, from one `exp` and one `log1p` (the four separately take four `exp` and two `log1p`): the
/// page reads every pair each frame it trains.
pub fn pair_readout(
    spec: &LossSpec,
    r_chosen: f64,
    r_rejected: f64,
    margin: Option<f64>,
) -> PairReadout {
    let gap = r_chosen - r_rejected;
    // Both branches of σ exponentiate −|Δ|, so one exp serves σ(Δ) and σ(−Δ).
    let t = libm::exp(-gap.abs());
    let (sigmoid, gradient_weight) = if gap >= 0.0 {
        (1.0 / (1.0 + t), t / (1.0 + t))
    } else {
        (t / (1.0 + t), 1.0 / (1.0 + t))
    };
    // log σ(Δ) = −softplus(−Δ), and softplus(−Δ) = max(−Δ, 0) + log1p(e^(−|Δ|)).
    let l = libm::log1p(t);
    let softplus = if -gap > 0.0 { -gap + l } else { l };
    let loss = if spec.kind == LossKind::Bt && spec.center_coef == 0.0 {
        softplus
    } else {
        pair_loss(spec, r_chosen, r_rejected, margin)
    };
    PairReadout {
        sigmoid,
        log_sigmoid: -softplus,
        gradient_weight,
        loss,
    }
}
