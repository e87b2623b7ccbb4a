//! The round beyond one labeler: the Label scene's keys, a trained model's agreement with the reference answers,
//! example labelers, and a class's comparisons as training data.

use reward_playground::label::*;
use reward_playground::train::{Config, Trainer};

fn class() -> LabelSet {
    builtin_set("class").unwrap()
}

#[test]
fn each_label_has_a_digit_and_an_arrow_and_undo_has_backspace() {
    assert_eq!(label_key("1"), Some(LabelKey::Give(Label::A)));
    assert_eq!(label_key("ArrowLeft"), Some(LabelKey::Give(Label::A)));
    assert_eq!(label_key("2"), Some(LabelKey::Give(Label::B)));
    assert_eq!(label_key("ArrowRight"), Some(LabelKey::Give(Label::B)));
    assert_eq!(label_key("0"), Some(LabelKey::Give(Label::CantTell)));
    assert_eq!(
        label_key("ArrowDown"),
        Some(LabelKey::Give(Label::CantTell))
    );
    assert_eq!(label_key("Backspace"), Some(LabelKey::Undo));
    assert_eq!(label_key("3"), None);
    assert_eq!(label_key(" "), None);
    assert_eq!(label_key_name(LabelKey::Give(Label::B)), "2 or →");
}

#[test]
fn a_model_trained_on_the_reference_answers_agrees_with_them_and_an_untrained_one_never_does() {
    let set = class();
    // Every pair labeled the reference's way: the labels are the gold rule's.
    let mut s = Session::new(set.clone(), 1);
    while let Some(shown) = s.current() {
        let pair = &set.pairs[shown.pair];
        let label = match pair.reference {
            Some(r) if shown.a == pair.text(r) => Label::A,
            Some(_) => Label::B,
            None => Label::CantTell,
        };
        s.label(label);
    }
    assert_eq!(s.agreement_with_reference().share(), Some(1.0));
    let data = s.to_dataset("my-labels").unwrap();
    let config = Config {
        dataset: "my-labels".into(),
        test_fraction: 0.0,
        ..Config::default()
    };
    let mut t = Trainer::new(config, data).unwrap();
    let fresh = model_agreement(&set, t.model());
    // Every reward is 0 at first: ties pick neither text.
    assert_eq!(fresh.matched, 0);
    assert_eq!(
        fresh.compared,
        set.pairs.iter().filter(|p| p.reference.is_some()).count()
    );
    for _ in 0..60 {
        t.epoch().unwrap();
    }
    let trained = model_agreement(&set, t.model());
    assert!(trained.share().unwrap() > 0.8, "{trained:?}");
}

#[test]
fn example_labelers_are_seeded_complete_and_mostly_follow_gold() {
    let set = class();
    let codes = example_codes(&set, 1, 3);
    assert_eq!(
        codes,
        example_codes(&set, 1, 3),
        "the same round gives the same examples"
    );
    assert_ne!(codes[0].labels, codes[1].labels);
    let text: String = codes.iter().map(|c| format!("{c}\n")).collect();
    let class = ClassLabels::from_text(&set, 1, &text);
    assert!(class.problems.is_empty(), "{:?}", class.problems);
    assert_eq!(class.labelers.len(), 3);
    assert_eq!(class.labelers[0].name.as_deref(), Some("Example 1"));
    for l in &class.labelers {
        let share = l.with_reference.share().unwrap();
        assert!((0.6..1.0).contains(&share), "{share}");
    }
    let a = class.agreement();
    let p = a.mean_pairwise_agreement.unwrap();
    assert!((0.55..0.95).contains(&p), "{p}");
    // Another seed is another round: its codes are refused by this one.
    let other = example_codes(&set, 2, 1)[0].to_string();
    let refused = ClassLabels::from_text(&set, 1, &other);
    assert_eq!(refused.labelers.len(), 0);
    assert!(
        refused.problems[0].message.contains("seed"),
        "{}",
        refused.problems[0]
    );
}

#[test]
fn every_comparison_is_its_own_pair_so_a_split_class_trains_on_both_directions() {
    let set = class();
    let codes = example_codes(&set, 1, 3);
    let text: String = codes.iter().map(|c| format!("{c}\n")).collect();
    let class = ClassLabels::from_text(&set, 1, &text);
    let all = class.comparisons_dataset(&set, "class").unwrap();
    let labeled: usize = class
        .labelers
        .iter()
        .map(|l| l.preferences.iter().flatten().count())
        .sum();
    assert_eq!(all.pairs.len(), labeled);
    let majority = class.majority_dataset(&set, "class").unwrap();
    assert!(majority.pairs.len() < all.pairs.len());
    // A pair the class split on comes in both directions.
    let split = class
        .agreement()
        .disputed
        .iter()
        .find(|d| d.votes[0] > 0 && d.votes[1] > 0)
        .copied()
        .expect("three example labelers disagree somewhere");
    let pair = &set.pairs[split.pair];
    let count = |chosen: &str| {
        all.pairs
            .iter()
            .filter(|p| p.prompt == pair.prompt && p.chosen == chosen)
            .filter(|p| p.rejected == pair.texts[0] || p.rejected == pair.texts[1])
            .count()
    };
    assert_eq!(count(&pair.texts[0]), split.votes[0]);
    assert_eq!(count(&pair.texts[1]), split.votes[1]);
}

#[test]
fn a_class_split_down_the_middle_trains_a_model_with_gaps_near_zero_and_sigma_near_a_half() {
    let set = class();
    // Two labelers who disagree on every pair: each labels the other's choice.
    let mut one = Session::new(set.clone(), 1);
    let mut two = Session::new(set.clone(), 1);
    while let Some(shown) = one.current() {
        let repeat = shown.repeat;
        one.label(Label::A);
        // The same step shows the same sides to both, so B is the other text.
        two.label(if repeat { Label::A } else { Label::B });
    }
    let text = format!("{}\n{}\n", one.code(Some("One")), two.code(Some("Two")));
    let class = ClassLabels::from_text(&set, 1, &text);
    let a = class.agreement();
    assert_eq!(a.mean_pairwise_agreement, Some(0.0));
    let data = class.comparisons_dataset(&set, "class").unwrap();
    let config = Config {
        dataset: "class".into(),
        test_fraction: 0.0,
        ..Config::default()
    };
    let mut t = Trainer::new(config, data).unwrap();
    for _ in 0..30 {
        t.epoch().unwrap();
    }
    for p in t.pair_states().iter() {
        let gap = p.reward_chosen - p.reward_rejected;
        assert!(gap.abs() < 1e-6, "{gap}");
        assert!((reward_playground::loss::sigmoid(gap) - 0.5).abs() < 1e-6);
    }
    // The majority of a split class is a tie everywhere: nothing to train on.
    assert!(class.majority_dataset(&set, "class").is_none());
}
