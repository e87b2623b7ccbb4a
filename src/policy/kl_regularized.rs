//! The KL-regularized optimum: the policy π that maximizes E_π[r] − β·KL(π ‖ π_ref) on a finite pool is
//! π_β(y) = π_ref(y)·exp(r(y)/β) / Z, Z = Σ_y π_ref(y)·exp(r(y)/β).
//!
//! Large β keeps π_β close to π_ref; small β puts almost all mass on the highest reward. Everything is computed
//! in logs with the largest exponent taken out first (log-sum-exp), so β from 1e-3 to 1e3 and rewards in the
//! hundreds neither overflow nor lose the small probabilities.

/// π_β on one prompt's pool: `p[i] = ref_p[i]·exp(r[i]/β) / Z`, for rewards `r`, reference probabilities `ref_p`
/// (positive) and β > 0. Candidates tied at the highest reward share the mass in proportion to π_ref as β → 0.
pub fn tilted_probs(r: &[f64], ref_p: &[f64], beta: f64) -> Vec<f64> {
    log_tilted(r, ref_p, beta)
        .into_iter()
        .map(libm::exp)
        .collect()
}

/// ln π_β(y) = ln π_ref(y) + r(y)/β − ln Z. The highest reward r* is taken off before dividing by β (the
/// exponents ln π_ref + (r − r*)/β stay small, so no digits are lost when β is tiny), then
/// ln Z' = M + ln Σ exp(exponent − M) with M the largest exponent.
pub fn log_tilted(r: &[f64], ref_p: &[f64], beta: f64) -> Vec<f64> {
    let top = r.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let logits: Vec<f64> = r
        .iter()
        .zip(ref_p)
        .map(|(&r, &q)| libm::log(q) + (r - top) / beta)
        .collect();
    let max = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !max.is_finite() {
        return vec![f64::NEG_INFINITY; logits.len()];
    }
    let sum: f64 = logits.iter().map(|&l| libm::exp(l - max)).sum();
    let log_z = max + libm::log(sum);
    logits.into_iter().map(|l| l - log_z).collect()
}

/// KL(π_β ‖ π_ref) = Σ π_β(y)·(ln π_β(y) − ln π_ref(y)), from the logs of [`log_tilted`] (no difference of two
/// large numbers, so it stays exact as β → 0, where it tends to −ln π_ref of the argmax).
pub fn tilted_kl(r: &[f64], ref_p: &[f64], beta: f64) -> f64 {
    log_tilted(r, ref_p, beta)
        .into_iter()
        .zip(ref_p)
        .map(|(lp, &q)| {
            let p = libm::exp(lp);
            if p > 0.0 {
                p * (lp - libm::log(q))
            } else {
                0.0
            }
        })
        .sum::<f64>()
        .max(0.0)
}
