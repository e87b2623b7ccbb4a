//! Agreement statistics against Fleiss' κ computed step by step, as in Fleiss (1971), from a table of counts.

use reward_playground::label::{agreement, Better};
use reward_playground::rng::Rng;

/// The textbook computation for N subjects, n raters each, k categories, `table[i][j]` = n_ij:
/// returns (P̄, P̄_e, κ).
pub fn fleiss_textbook(table: &[Vec<usize>]) -> (f64, f64, f64) {
    let big_n = table.len() as f64;
    let n: usize = table[0].iter().sum();
    let k = table[0].len();
    // Step 1: p_j, the share of all assignments that went to category j.
    let p: Vec<f64> = (0..k)
        .map(|j| table.iter().map(|row| row[j]).sum::<usize>() as f64 / (big_n * n as f64))
        .collect();
    // Step 2: P_i, the share of rater–rater pairs that agree on subject i.
    let p_i: Vec<f64> = table
        .iter()
        .map(|row| {
            let sum_sq: usize = row.iter().map(|&c| c * c).sum();
            (sum_sq as f64 - n as f64) / (n as f64 * (n as f64 - 1.0))
        })
        .collect();
    // Step 3: their means, P̄ and P̄_e = Σ p_j².
    let p_bar = p_i.iter().sum::<f64>() / big_n;
    let p_e: f64 = p.iter().map(|x| x * x).sum();
    // Step 4: κ = (P̄ − P̄_e) / (1 − P̄_e).
    (p_bar, p_e, (p_bar - p_e) / (1.0 - p_e))
}

/// The two-category table of labels that every labeler gave (rows = labelers).
fn table_of(labels: &[Vec<Option<Better>>]) -> Vec<Vec<usize>> {
    (0..labels[0].len())
        .filter(|&i| labels.iter().all(|r| r[i].is_some()))
        .map(|i| {
            let mut row = vec![0, 0];
            for r in labels {
                row[r[i].unwrap().index()] += 1;
            }
            row
        })
        .collect()
}

#[test]
fn the_textbook_computation_gives_fleiss_published_example() {
    // Wikipedia's worked example: 10 subjects, 14 raters, 5 categories; κ ≈ 0.210.
    let table: Vec<Vec<usize>> = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
    .iter()
    .map(|r| r.to_vec())
    .collect();
    let (p_bar, p_e, kappa) = fleiss_textbook(&table);
    assert!((p_bar - 0.378).abs() < 5e-4, "{p_bar}");
    assert!((p_e - 0.213).abs() < 5e-4, "{p_e}");
    assert!((kappa - 0.210).abs() < 5e-4, "{kappa}");
}

fn check_against_textbook(labels: &[Vec<Option<Better>>]) -> f64 {
    let (p_bar, _, kappa) = fleiss_textbook(&table_of(labels));
    let a = agreement(labels);
    assert!((a.mean_pairwise_agreement.unwrap() - p_bar).abs() < 1e-12);
    assert!((a.fleiss_kappa.unwrap() - kappa).abs() < 1e-12);
    kappa
}

use Better::{First as F, Second as S};

#[test]
fn when_everyone_agrees_kappa_is_one() {
    let row = vec![Some(F), Some(S), Some(S), Some(F), Some(F)];
    let labels = vec![row.clone(), row.clone(), row];
    assert_eq!(check_against_textbook(&labels), 1.0);
    let a = agreement(&labels);
    assert_eq!(a.mean_pairwise_agreement, Some(1.0));
    assert!(a
        .per_labeler
        .iter()
        .all(|l| l.agreement_with_majority() == Some(1.0)));
}

#[test]
fn a_balanced_split_on_every_pair_is_below_chance() {
    // 4 labelers, every pair split 2–2: P_i = (2² + 2² − 4) / (4·3) = 1/3, p = 1/2, P̄_e = 1/2, κ = −1/3.
    let labels = vec![
        vec![Some(F), Some(S), Some(F)],
        vec![Some(F), Some(S), Some(S)],
        vec![Some(S), Some(F), Some(F)],
        vec![Some(S), Some(F), Some(S)],
    ];
    let kappa = check_against_textbook(&labels);
    assert!((kappa + 1.0 / 3.0).abs() < 1e-12, "{kappa}");
    let a = agreement(&labels);
    assert!(
        a.majority.iter().all(Option::is_none),
        "every pair is a tie"
    );
    assert!(a.per_labeler.iter().all(|l| l.with_majority.compared == 0));
}

#[test]
fn random_labels_have_kappa_near_zero() {
    let mut rng = Rng::new(11);
    let labels: Vec<Vec<Option<Better>>> = (0..20)
        .map(|_| {
            (0..300)
                .map(|_| Some(if rng.uniform() < 0.5 { F } else { S }))
                .collect()
        })
        .collect();
    let kappa = check_against_textbook(&labels);
    assert!(kappa.abs() < 0.03, "{kappa}");
}

#[test]
fn mixed_labels_with_skips_match_the_textbook_on_the_pairs_everyone_labeled() {
    let mut rng = Rng::new(5);
    let truth: Vec<Better> = (0..40)
        .map(|_| if rng.uniform() < 0.6 { F } else { S })
        .collect();
    let labels: Vec<Vec<Option<Better>>> = (0..6)
        .map(|_| {
            truth
                .iter()
                .map(|&t| match rng.uniform() {
                    u if u < 0.1 => None,
                    u if u < 0.3 => Some(t.other()),
                    _ => Some(t),
                })
                .collect()
        })
        .collect();
    check_against_textbook(&labels);
    let a = agreement(&labels);
    assert_eq!(a.pairs, table_of(&labels).len());
    // Agreement with the majority, counted by hand over the common pairs without a tie.
    for (l, row) in labels.iter().enumerate() {
        let (mut matched, mut compared) = (0, 0);
        for i in 0..truth.len() {
            if labels.iter().any(|r| r[i].is_none()) {
                continue;
            }
            let first = labels.iter().filter(|r| r[i] == Some(F)).count();
            let second = labels.len() - first;
            if first == second {
                continue;
            }
            compared += 1;
            matched += usize::from(row[i] == Some(if first > second { F } else { S }));
        }
        assert_eq!(a.per_labeler[l].with_majority.compared, compared);
        assert_eq!(a.per_labeler[l].with_majority.matched, matched);
    }
    // The most disputed pair agrees least, and the matrix is symmetric with counts over pairs both labeled.
    assert!(a
        .disputed
        .windows(2)
        .all(|w| w[0].agreement <= w[1].agreement));
    for x in 0..6 {
        for y in 0..6 {
            assert_eq!(a.matrix[x][y], a.matrix[y][x]);
            let both =
                (0..truth.len()).filter(|&i| labels[x][i].is_some() && labels[y][i].is_some());
            assert_eq!(a.matrix[x][y].compared, both.count());
        }
    }
}
