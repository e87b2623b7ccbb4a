//! Label codes: exact round trips, refusals that say why, and a class's codes pasted at once.

use proptest::prelude::*;
use reward_playground::hash::HashPairs;
use reward_playground::label::{builtin_set, ClassLabels, Label, LabelCode, Session, LINK_KEY};

fn label() -> impl Strategy<Value = Label> {
    prop_oneof![Just(Label::A), Just(Label::B), Just(Label::CantTell)]
}

proptest! {
    #[test]
    fn labels_round_trip_exactly(
        labels in proptest::collection::vec(label(), 0..300),
        seed in any::<u64>(),
        name in proptest::option::of(".{0,50}"),
    ) {
        let code = LabelCode { set: "class".into(), seed, name: name.as_deref().and_then(LabelCode::clean_name), labels };
        let text = code.to_string();
        prop_assert_eq!(LabelCode::parse(&text), Ok(code.clone()));
        // And through a link, as the page writes it.
        let mut link = HashPairs::default();
        link.set(LINK_KEY, &text);
        let back = HashPairs::parse(&link.to_hash()).get(LINK_KEY).unwrap().to_string();
        prop_assert_eq!(LabelCode::parse(&back), Ok(code));
    }

    #[test]
    fn any_text_decodes_to_a_code_or_a_named_error(text in ".{0,60}", tail in "[A-Za-z0-9_.%-]{0,12}") {
        for t in [text.clone(), format!("l1.class.3.{tail}")] {
            if let Err(e) = LabelCode::parse(&t) {
                prop_assert!(["code", "version", "set", "seed", "count", "labels", "name"].contains(&e.part));
            }
        }
    }
}

#[test]
fn twelve_labels_make_a_code_of_eighteen_characters() {
    let labels = vec![
        Label::A,
        Label::B,
        Label::B,
        Label::CantTell,
        Label::A,
        Label::A,
        Label::B,
        Label::A,
        Label::B,
        Label::B,
        Label::A,
        Label::CantTell,
    ];
    let code = LabelCode {
        set: "class".into(),
        seed: 7,
        name: None,
        labels,
    };
    assert_eq!(code.to_string(), "l1.class.7.12.JJSw");
    assert_eq!(code.to_string().len(), 18);
}

#[test]
fn a_session_resumes_from_its_code_and_refuses_another_rounds() {
    let set = builtin_set("class").unwrap();
    let mut s = Session::new(set.clone(), 3);
    for l in [Label::A, Label::B, Label::CantTell, Label::B] {
        s.label(l);
    }
    let text = s.code(Some("  Ana ")).to_string();
    assert!(text.ends_with(".Ana"), "{text}");
    let code = LabelCode::parse(&text).unwrap();
    assert_eq!(Session::resume(set.clone(), 3, &code).unwrap(), s);
    let e = Session::resume(set, 4, &code).unwrap_err();
    assert_eq!(
        e,
        "this code is for seed 3 of \"class\"; this round uses seed 4"
    );
}

#[test]
fn a_class_pastes_codes_and_links_and_each_bad_line_is_named() {
    let set = builtin_set("class").unwrap();
    let code = |seed: u64, name: &str, l: Label| {
        let mut s = Session::new(set.clone(), seed);
        while s.label(l) {}
        s.code(Some(name)).to_string()
    };
    let ana = code(1, "Ana", Label::A);
    let ben = code(1, "Ben", Label::B);
    let text = format!(
        "{ana}\n\nhttps://example.org/rp/#data=helpfulness&labels={ben}\nnot a code\n{}\n{ana}\nhttps://example.org/#lesson=2\n",
        code(2, "Cy", Label::A)
    );
    let class = ClassLabels::from_text(&set, 1, &text);
    let names: Vec<_> = class
        .labelers
        .iter()
        .map(|l| (l.line, l.name.clone().unwrap()))
        .collect();
    assert_eq!(names, [(1, "Ana".to_string()), (3, "Ben".to_string())]);
    let problems: Vec<String> = class.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert!(
        problems[0].starts_with("line 4: not a label code (code: "),
        "{}",
        problems[0]
    );
    assert!(
        problems[1].starts_with("line 5: this code is for seed 2"),
        "{}",
        problems[1]
    );
    assert!(
        problems[2].starts_with("line 6: the same labels as line 1"),
        "{}",
        problems[2]
    );
    assert!(
        problems[3].starts_with("line 7: a link without labels="),
        "{}",
        problems[3]
    );
    let a = class.agreement();
    assert_eq!(a.labelers, 2);
    assert_eq!(a.pairs, 30);
    // Always-A and always-B pick the same text exactly where the sides of the first showing coincide: never.
    assert_eq!(a.mean_pairwise_agreement, Some(0.0));
}

#[test]
fn the_readme_example_code_reads_and_fits_a_class_round() {
    let code = LabelCode::parse("l1.class.7.35.JJSwAAAAAA.Ana").unwrap();
    assert_eq!((code.labels.len(), code.name.as_deref()), (35, Some("Ana")));
    let set = builtin_set("class").unwrap();
    assert!(Session::resume(set, 7, &code).is_ok());
}

#[test]
fn the_class_majority_becomes_training_data_without_ties() {
    let set = builtin_set("class").unwrap();
    let mut lines = Vec::new();
    for (name, l) in [
        ("a", Label::A),
        ("b", Label::A),
        ("c", Label::B),
        ("d", Label::CantTell),
    ] {
        let mut s = Session::new(set.clone(), 1);
        while s.label(l) {}
        lines.push(s.code(Some(name)).to_string());
    }
    let class = ClassLabels::from_text(&set, 1, &lines.join("\n"));
    let d = class.majority_dataset(&set, "class-majority").unwrap();
    assert_eq!(
        d.pairs.len(),
        30,
        "two A against one B on every pair; d couldn't tell"
    );
    let first = Session::new(set.clone(), 1);
    let step = first.shown(0).unwrap();
    let pair = d
        .pairs
        .iter()
        .find(|p| p.prompt == step.prompt && (p.chosen == step.a || p.rejected == step.a))
        .unwrap();
    assert_eq!(pair.chosen, step.a, "A was the majority on every step");
    assert_eq!(
        class.agreement().pairs,
        0,
        "d labeled nothing, so no pair has every labeler"
    );
}

#[test]
fn a_link_with_labels_gives_no_notice_about_them() {
    use reward_playground::share::SharedState;
    let map = HashPairs::parse("#labels=l1.class.7.0.&seed=7&other=1");
    let (_, notices) = SharedState::from_hash(&map);
    assert_eq!(notices, ["\"other\": not a setting of this page; ignored"]);
}
