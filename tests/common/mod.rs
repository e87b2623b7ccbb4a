//! Helpers shared by several integration tests (each test crate includes this with `mod common;`).

/// Spearman's rank correlation of `a` and `b`: the Pearson correlation of their ranks, tied values sharing their
/// mean rank. 1 when both order the items the same way, −1 when reversed.
pub fn spearman(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len(), "two lists of the same items");
    let (ra, rb) = (ranks(a), ranks(b));
    // Mean ranks keep the mean rank at (n − 1)/2, ties or not.
    let mean = (ra.len() as f64 - 1.0) / 2.0;
    let cov: f64 = ra
        .iter()
        .zip(&rb)
        .map(|(x, y)| (x - mean) * (y - mean))
        .sum();
    let var = |r: &[f64]| r.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>();
    cov / (var(&ra) * var(&rb)).sqrt()
}

/// The 0-based rank of each value; tied values share the mean of the ranks they span.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        for &k in &order[i..=j] {
            ranks[k] = (i + j) as f64 / 2.0; // ties share their mean rank
        }
        i = j + 1;
    }
    ranks
}

#[test]
fn spearman_is_one_for_the_same_order_minus_one_reversed_and_shares_ranks_on_ties() {
    assert_eq!(spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]), 1.0);
    assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), -1.0);
    assert_eq!(ranks(&[5.0, 1.0, 5.0, 0.0]), vec![2.5, 1.0, 2.5, 0.0]);
    // Ties on one side: below 1, though no pair is ordered the wrong way.
    let rho = spearman(&[1.0, 1.0, 2.0, 3.0], &[1.0, 2.0, 3.0, 4.0]);
    assert!(rho > 0.9 && rho < 1.0, "{rho}");
}
