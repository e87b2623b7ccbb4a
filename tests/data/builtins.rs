//! The built-in data sets: their names, sizes, and the lesson each one is built to teach.

use reward_playground::data::{builtin, builtin_description, builtin_names, Dataset, Record};

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[test]
fn the_four_built_in_names_are_fixed_and_each_has_a_one_line_description() {
    assert_eq!(
        builtin_names()[..4],
        [
            "helpfulness",
            "hidden-quality",
            "length-bias",
            "noisy-labels"
        ]
    );
    for name in builtin_names() {
        let description = builtin_description(name).unwrap();
        assert!(
            !description.is_empty() && !description.contains('\n'),
            "{name}"
        );
        let d = builtin(name).unwrap();
        assert_eq!(d.name, *name);
        assert_eq!(d.description, description);
    }
    assert!(builtin("no-such-set").is_none());
    assert!(builtin_description("no-such-set").is_none());
}

#[test]
fn every_built_in_reads_back_from_its_own_export() {
    for name in builtin_names() {
        let d = builtin(name).unwrap();
        let again = Dataset::parse_jsonl(name, d.to_jsonl().as_bytes()).unwrap();
        assert_eq!(again.records, d.records, "{name}");
        assert_eq!(again.pairs, d.pairs, "{name}");
        assert_eq!(d.flipped.len(), d.pairs.len(), "{name}");
    }
}

#[test]
fn every_built_in_is_the_same_each_time_it_is_built() {
    for name in builtin_names() {
        assert_eq!(builtin(name), builtin(name), "{name}");
    }
}

#[test]
fn helpfulness_ranks_four_answers_for_each_of_twelve_prompts() {
    let d = builtin("helpfulness").unwrap();
    assert!(d.groups.len() >= 12);
    assert!(d
        .records
        .iter()
        .all(|r| matches!(r, Record::Ranking { ranking, .. } if ranking.len() == 4)));
    assert_eq!(d.pairs.len(), 6 * d.groups.len());
    assert_eq!(d.pairs.len(), 72);
    assert!(d.prompt_groups().iter().all(|g| g.len() == 6));
    assert!(d.truth.is_empty() && d.flipped.iter().all(|&f| !f));
}

#[test]
fn hidden_quality_knows_the_true_score_of_every_response() {
    let d = builtin("hidden-quality").unwrap();
    assert_eq!(d.truth.len(), 40);
    assert_eq!(d.pairs.len(), 240);
    assert_eq!(d.groups.len(), 8);
    let mut texts: Vec<&str> = d.truth.iter().map(|(t, _)| t.as_str()).collect();
    texts.sort_unstable();
    texts.dedup();
    assert_eq!(texts.len(), 40, "one entry per distinct response");
    for p in &d.pairs {
        assert!(d.true_quality(&p.chosen).is_some() && d.true_quality(&p.rejected).is_some());
    }
    // Bradley–Terry labels mostly, but not always, agree with the truth.
    let agree = d
        .pairs
        .iter()
        .filter(|p| d.true_quality(&p.chosen) > d.true_quality(&p.rejected))
        .count();
    assert!((0.7..0.98).contains(&(agree as f64 / 240.0)), "{agree}");
    assert_eq!(d.true_quality("not a response"), None);
}

#[test]
fn noisy_labels_flips_about_27_percent_on_purpose() {
    let d = builtin("noisy-labels").unwrap();
    assert_eq!(d.pairs.len(), 240);
    assert_eq!(d.truth.len(), 40);
    let share = d.flipped_share();
    assert!((0.25..=0.30).contains(&share), "{share}");
    // The unflipped labels follow the truth; the flipped ones go against it.
    for (p, &flipped) in d.pairs.iter().zip(&d.flipped) {
        let right = d.true_quality(&p.chosen) > d.true_quality(&p.rejected);
        assert_eq!(right, !flipped, "{p:?}");
    }
}

#[test]
fn length_bias_mostly_prefers_the_longer_answer_but_not_always() {
    let d = builtin("length-bias").unwrap();
    assert!(d.pairs.len() >= 40);
    assert!((10..=15).contains(&d.groups.len()));
    let longer = d
        .pairs
        .iter()
        .filter(|p| words(&p.chosen) > words(&p.rejected))
        .count();
    let share = longer as f64 / d.pairs.len() as f64;
    assert!((0.80..0.90).contains(&share), "{share}");
    let shorter = d
        .pairs
        .iter()
        .filter(|p| words(&p.chosen) < words(&p.rejected))
        .count();
    assert!(shorter >= 3, "a few short correct answers win");
}
