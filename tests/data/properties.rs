//! Properties over random input: the parser never panics, and export then import changes nothing.

use proptest::prelude::*;
use reward_playground::data::{Dataset, Record};

/// A non-blank text of printable characters, quotes, backslashes, newlines and non-ASCII letters.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 \"\\\\\n\t{}éß中😀]{0,12}".prop_filter("not blank", |s| !s.trim().is_empty())
}

fn record() -> impl Strategy<Value = Record> {
    let margin = prop::option::of(-1e6f64..1e6);
    let pair = (text(), text(), text(), margin)
        .prop_filter("two different texts", |(_, c, r, _)| c.trim() != r.trim())
        .prop_map(|(prompt, chosen, rejected, margin)| Record::Pair {
            prompt,
            chosen,
            rejected,
            margin,
        });
    let ranking = (text(), prop::collection::vec(text(), 2..6))
        .prop_filter("distinct entries", |(_, r)| {
            let mut keys: Vec<&str> = r.iter().map(|t| t.trim()).collect();
            keys.sort_unstable();
            keys.windows(2).all(|w| w[0] != w[1])
        })
        .prop_map(|(prompt, ranking)| Record::Ranking { prompt, ranking });
    prop_oneof![pair, ranking]
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn parsing_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = Dataset::parse_jsonl("fuzz", &bytes);
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let _ = Dataset::parse_jsonl("fuzz", text.as_bytes());
    }

    #[test]
    fn parsing_json_like_text_never_panics_and_every_problem_names_a_real_line(
        text in "[{}\\[\\]\":, \n\r0-9a-z.eE+-]{0,300}"
    ) {
        if let Err(errors) = Dataset::parse_jsonl("fuzz", text.as_bytes()) {
            let lines = text.split('\n').count();
            prop_assert!(!errors.0.is_empty());
            prop_assert!(errors.0.iter().all(|e| e.line <= lines));
        }
    }

    #[test]
    fn export_then_import_gives_back_the_same_records(records in prop::collection::vec(record(), 1..8)) {
        let d = Dataset::from_records("random", "", records).unwrap();
        let again = Dataset::parse_jsonl("random", d.to_jsonl().as_bytes()).unwrap();
        prop_assert_eq!(&again.records, &d.records);
        prop_assert_eq!(&again.pairs, &d.pairs);
        prop_assert_eq!(&again.groups, &d.groups);
    }
}

/// A case proptest once shrank to (it was kept in a regression file that nothing read): a non-ASCII prompt, two
/// responses that differ only in case, and a large negative margin survive export then import unchanged.
#[test]
fn export_then_import_keeps_a_case_only_difference_and_a_large_negative_margin() {
    let records = vec![Record::Pair {
        prompt: "中".to_string(),
        chosen: "a".to_string(),
        rejected: "A".to_string(),
        margin: Some(-414149.90680639667),
    }];
    let d = Dataset::from_records("random", "", records).unwrap();
    let again = Dataset::parse_jsonl("random", d.to_jsonl().as_bytes()).unwrap();
    assert_eq!(again.records, d.records);
    assert_eq!(again.pairs, d.pairs);
    assert_eq!(again.groups, d.groups);
}
