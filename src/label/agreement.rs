//! How much a class agrees: labelers × pairs, each cell the better text ([`Better`]) or nothing (not labeled, or
//! "Can't tell").
//!
//! With N the pairs every labeler labeled, n the labelers and n_ij the labelers who put pair i in category j
//! (j = which of the two texts, in sorted order, is better):
//! - agreement on pair i: P_i = (Σ_j n_ij² − n) / (n(n − 1)), the share of labeler pairs that agree on it;
//! - mean pairwise agreement: P̄ = (1/N) Σ_i P_i;
//! - chance agreement: p_j = Σ_i n_ij / (N n), P̄_e = Σ_j p_j²;
//! - Fleiss' κ = (P̄ − P̄_e) / (1 − P̄_e): 1 when all agree, about 0 when labels are as random as their overall
//!   shares, negative below chance (Fleiss 1971).

use super::session::Match;
use super::Better;
use crate::order::sorted_by_key;

/// One labeler's numbers.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct LabelerAgreement {
    /// Pairs the labeler labeled (A or B), out of all pairs.
    pub labeled: usize,
    /// Over the pairs every labeler labeled whose majority is not a tie: how many matched the majority (the
    /// labeler's own label counts in the majority).
    pub with_majority: Match,
}

impl LabelerAgreement {
    /// The share of pairs where the labeler matched the majority, `None` when there were none to compare.
    pub fn agreement_with_majority(&self) -> Option<f64> {
        self.with_majority.share()
    }
}

/// A pair the class disagreed on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Disputed {
    /// The pair's index.
    pub pair: usize,
    /// Labelers who picked the first and the second text.
    pub votes: [usize; 2],
    /// P_i over the labelers who labeled it: 1 = all agreed, 0 = an even split of two.
    pub agreement: f64,
}

/// Every agreement statistic of one class.
#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    /// Labelers (rows).
    pub labelers: usize,
    /// Pairs labeled A or B by every labeler: N.
    pub pairs: usize,
    /// P̄ over those pairs; `None` with fewer than 2 labelers or no such pair.
    pub mean_pairwise_agreement: Option<f64>,
    /// Fleiss' κ over those pairs; `None` where P̄ is, or when P̄_e = 1 (every label in one category).
    pub fleiss_kappa: Option<f64>,
    /// One entry per labeler, in row order.
    pub per_labeler: Vec<LabelerAgreement>,
    /// `matrix[a][b]`: over the pairs both labeled, how often labelers a and b picked the same text.
    pub matrix: Vec<Vec<Match>>,
    /// Each pair's majority among the labelers who labeled it; `None` on a tie or with no label.
    pub majority: Vec<Option<Better>>,
    /// The pairs labeled by at least 2 labelers, least agreement first (then by pair index).
    pub disputed: Vec<Disputed>,
}

/// Votes for each text of pair `i`.
fn votes(labels: &[Vec<Option<Better>>], i: usize) -> [usize; 2] {
    let mut v = [0, 0];
    for row in labels {
        if let Some(Some(b)) = row.get(i) {
            v[b.index()] += 1;
        }
    }
    v
}

/// P_i = (Σ_j n_ij² − n) / (n(n − 1)) for the votes of one pair, n = the votes in all (n ≥ 2).
fn pair_agreement(v: [usize; 2]) -> f64 {
    let n = (v[0] + v[1]) as f64;
    let squares = (v[0] * v[0] + v[1] * v[1]) as f64;
    (squares - n) / (n * (n - 1.0))
}

/// The agreement statistics of `labels`, one row per labeler, one column per pair (short rows count as unlabeled).
pub fn agreement(labels: &[Vec<Option<Better>>]) -> Agreement {
    let n = labels.len();
    let pairs = labels.iter().map(Vec::len).max().unwrap_or(0);
    let at = |row: &Vec<Option<Better>>, i: usize| row.get(i).copied().flatten();
    let all_votes: Vec<[usize; 2]> = (0..pairs).map(|i| votes(labels, i)).collect();
    let common: Vec<usize> = (0..pairs)
        .filter(|&i| all_votes[i][0] + all_votes[i][1] == n && n > 0)
        .collect();
    let majority: Vec<Option<Better>> = all_votes
        .iter()
        .map(|v| match v[0].cmp(&v[1]) {
            std::cmp::Ordering::Greater => Some(Better::First),
            std::cmp::Ordering::Less => Some(Better::Second),
            std::cmp::Ordering::Equal => None,
        })
        .collect();

    let (mut mean, mut kappa) = (None, None);
    if n >= 2 && !common.is_empty() {
        let big_n = common.len() as f64;
        let p_bar = common
            .iter()
            .map(|&i| pair_agreement(all_votes[i]))
            .sum::<f64>()
            / big_n;
        let first: usize = common.iter().map(|&i| all_votes[i][0]).sum();
        let p1 = first as f64 / (big_n * n as f64);
        let p_e = p1 * p1 + (1.0 - p1) * (1.0 - p1);
        mean = Some(p_bar);
        if p_e < 1.0 {
            kappa = Some((p_bar - p_e) / (1.0 - p_e));
        }
    }

    let per_labeler = labels
        .iter()
        .map(|row| {
            let mut with_majority = Match::default();
            for &i in &common {
                if let (Some(m), Some(b)) = (majority[i], at(row, i)) {
                    with_majority.compared += 1;
                    with_majority.matched += usize::from(m == b);
                }
            }
            LabelerAgreement {
                labeled: (0..pairs).filter(|&i| at(row, i).is_some()).count(),
                with_majority,
            }
        })
        .collect();

    let matrix = labels
        .iter()
        .map(|a| {
            labels
                .iter()
                .map(|b| {
                    let mut m = Match::default();
                    for i in 0..pairs {
                        if let (Some(x), Some(y)) = (at(a, i), at(b, i)) {
                            m.compared += 1;
                            m.matched += usize::from(x == y);
                        }
                    }
                    m
                })
                .collect()
        })
        .collect();

    let disputed: Vec<Disputed> = (0..pairs)
        .filter(|&i| all_votes[i][0] + all_votes[i][1] >= 2)
        .map(|i| Disputed {
            pair: i,
            votes: all_votes[i],
            agreement: pair_agreement(all_votes[i]),
        })
        .collect();
    let disputed = sorted_by_key(disputed, |d| d.agreement);

    Agreement {
        labelers: n,
        pairs: common.len(),
        mean_pairwise_agreement: mean,
        fleiss_kappa: kappa,
        per_labeler,
        matrix,
        majority,
        disputed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Better::{First as F, Second as S};

    #[test]
    fn one_pair_split_two_to_one_agrees_a_third_of_the_time() {
        // Labeler pairs: (1,2) agree, (1,3) and (2,3) do not: P = 1/3.
        let a = agreement(&[vec![Some(F)], vec![Some(F)], vec![Some(S)]]);
        assert_eq!(a.pairs, 1);
        assert!((a.mean_pairwise_agreement.unwrap() - 1.0 / 3.0).abs() < 1e-15);
        assert_eq!(a.majority, [Some(F)]);
        assert_eq!(
            a.per_labeler[2].with_majority,
            Match {
                matched: 0,
                compared: 1
            }
        );
        assert_eq!(
            a.matrix[0][1],
            Match {
                matched: 1,
                compared: 1
            }
        );
    }

    #[test]
    fn a_pair_someone_skipped_is_left_out_of_kappa_but_not_of_the_majority() {
        let a = agreement(&[vec![Some(F), Some(S)], vec![Some(F), None]]);
        assert_eq!(a.pairs, 1);
        assert_eq!(a.majority, [Some(F), Some(S)]);
        assert_eq!(a.per_labeler[0].labeled, 2);
        assert_eq!(
            a.fleiss_kappa, None,
            "every label of the common pair is First: P_e = 1"
        );
        assert_eq!(a.disputed.len(), 1);
    }

    #[test]
    fn no_labelers_and_one_labeler_give_no_agreement_numbers() {
        assert_eq!(agreement(&[]).mean_pairwise_agreement, None);
        let one = agreement(&[vec![Some(F), Some(S)]]);
        assert_eq!(one.pairs, 2);
        assert_eq!(
            (one.mean_pairwise_agreement, one.fleiss_kappa),
            (None, None)
        );
        assert_eq!(one.per_labeler[0].agreement_with_majority(), Some(1.0));
    }
}
