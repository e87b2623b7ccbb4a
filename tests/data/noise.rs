//! Label noise on purpose: which pairs flip, how many, and that the same seed flips the same ones.

use reward_playground::data::{builtin, Dataset};

fn pairs(n: usize) -> Dataset {
    let text: String = (0..n)
        .map(|i| {
            format!(
                "{{\"prompt\": \"p{}\", \"chosen\": \"good {i}\", \"rejected\": \"bad {i}\"}}\n",
                i % 3
            )
        })
        .collect();
    Dataset::parse_jsonl("pairs", text.as_bytes()).unwrap()
}

#[test]
fn noise_flips_the_rounded_share_of_pairs_and_marks_them() {
    let clean = pairs(40);
    let noisy = clean.with_label_noise(0.25, 1);
    assert_eq!(noisy.flipped.iter().filter(|&&f| f).count(), 10);
    for ((before, after), &flipped) in clean.pairs.iter().zip(&noisy.pairs).zip(&noisy.flipped) {
        if flipped {
            assert_eq!(
                (&after.chosen, &after.rejected),
                (&before.rejected, &before.chosen)
            );
        } else {
            assert_eq!(after, before);
        }
    }
    assert_eq!(clean.with_label_noise(0.26, 1).flipped_share(), 0.25); // round(10.4) = 10
    assert_eq!(
        clean.with_label_noise(0.2625, 1).flipped_share(),
        11.0 / 40.0
    ); // round(10.5) = 11
}

#[test]
fn the_same_seed_flips_the_same_pairs_and_another_seed_others() {
    let clean = pairs(40);
    assert_eq!(
        clean.with_label_noise(0.3, 9),
        clean.with_label_noise(0.3, 9)
    );
    assert_ne!(
        clean.with_label_noise(0.3, 9).flipped,
        clean.with_label_noise(0.3, 10).flipped
    );
}

#[test]
fn flipping_the_same_pairs_twice_restores_the_labels() {
    let clean = pairs(25);
    assert_eq!(
        clean.with_label_noise(0.5, 4).with_label_noise(0.5, 4),
        clean
    );
}

#[test]
fn the_share_is_clamped_and_nan_flips_nothing() {
    let clean = pairs(12);
    assert_eq!(clean.with_label_noise(f64::NAN, 1), clean);
    assert_eq!(clean.with_label_noise(-3.0, 1), clean);
    assert!(clean.with_label_noise(7.0, 1).flipped.iter().all(|&f| f));
}

#[test]
fn flipped_pair_records_are_exported_with_the_noisy_label() {
    let noisy = pairs(10).with_label_noise(0.5, 2);
    let again = Dataset::parse_jsonl("pairs", noisy.to_jsonl().as_bytes()).unwrap();
    assert_eq!(again.pairs, noisy.pairs);
}

#[test]
fn a_flipped_ranking_pair_keeps_its_ranking_record_as_given() {
    let ranked = builtin("helpfulness").unwrap();
    let noisy = ranked.with_label_noise(0.5, 3);
    assert_eq!(noisy.records, ranked.records);
    assert_eq!(noisy.flipped.iter().filter(|&&f| f).count(), 36);
}
