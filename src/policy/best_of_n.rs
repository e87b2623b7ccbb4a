//! Best-of-n on a finite pool, exactly: draw n responses from π_ref, keep the one with the highest learned reward.
//!
//! Sort the distinct rewards v_1 < … < v_k and let F(v) be the π_ref mass at or below v. The kept response has
//! reward v_j with probability F(v_j)^n − F(v_{j−1})^n: all n draws at or below v_j, not all below it. Candidates
//! tied at v_j share that probability in proportion to their π_ref mass, so within a tie the ratio π/π_ref is one
//! number, and the tie behaves like a single response.

use crate::order::ascending;

/// The bound KL(best-of-n ‖ π_ref) ≤ log n − (n − 1)/n (0 for n = 1; it holds on any pool).
pub fn kl_bound(n: u64) -> f64 {
    let n = n.max(1) as f64;
    libm::log(n) - (n - 1.0) / n
}

/// The best-of-n policy on one prompt's pool: `p[i]` = probability that candidate i is kept, for rewards `r` and
/// reference probabilities `ref_p` (positive, summing to 1). For every distinct reward v shared by the tie T:
///
/// P(T) = F(v)^n − F(v⁻)^n = F(v)^n · (1 − (1 − m_T/F(v))^n),   p[i] = P(T) · ref_p[i] / m_T (i in T),
///
/// with m_T the π_ref mass of T. The second form (through log1p and expm1) keeps the small probabilities of the
/// top candidates exact to the last digits, where a plain difference of two powers would cancel. n = 1 (and 0)
/// gives `ref_p` itself.
pub fn best_of_n_probs(r: &[f64], ref_p: &[f64], n: u64) -> Vec<f64> {
    if n <= 1 {
        // One draw is π_ref itself, to the bit.
        return ref_p[..r.len().min(ref_p.len())].to_vec();
    }
    let n = n as f64;
    let len = r.len().min(ref_p.len());
    let order = ascending(&r[..len]);
    let total: f64 = order.iter().map(|&i| ref_p[i]).sum();
    let mut p = vec![0.0; r.len()];
    let mut below = 0.0; // F(v⁻): the mass strictly below the current tie
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && r[order[end]] == r[order[start]] {
            end += 1;
        }
        let tie = &order[start..end];
        let mass: f64 = tie.iter().map(|&i| ref_p[i]).sum();
        let at_or_below = below + mass;
        // ln F(v): through log1p of the mass above v when that is the smaller number.
        let above = (total - at_or_below).max(0.0) / total;
        let ln_f = if above < 0.5 {
            libm::log1p(-above)
        } else {
            libm::log(at_or_below / total)
        };
        // F(v)^n · (1 − (1 − m_T/F(v))^n)
        let share = mass / at_or_below;
        let keep = libm::exp(n * ln_f) * -libm::expm1(n * libm::log1p(-share.min(1.0)));
        for &i in tie {
            p[i] = if mass > 0.0 {
                keep * ref_p[i] / mass
            } else {
                0.0
            };
        }
        below = at_or_below;
        start = end;
    }
    p
}
