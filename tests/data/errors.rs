//! Bad input, case by case: each problem names its line, its field and what is wrong.

use crate::{parse, problems, GOOD};
use reward_playground::data::{Dataset, Record};

#[test]
fn a_malformed_json_line_names_its_line_and_column() {
    assert_eq!(
        problems(&format!("{GOOD}\n oops")),
        ["line 2: not valid JSON (expected value at column 2)"]
    );
    let unclosed = problems(&format!("{GOOD}\n{GOOD}\n{{\"prompt\": \"p\""));
    assert_eq!(unclosed.len(), 1);
    assert!(
        unclosed[0].starts_with("line 3: not valid JSON (EOF while parsing an object at column"),
        "{unclosed:?}"
    );
}

#[test]
fn a_line_that_is_not_an_object_says_what_it_is() {
    assert_eq!(
        problems("[1, 2]"),
        ["line 1: must be a JSON object, got an array of 2 entries"]
    );
    assert_eq!(
        problems("\"text\""),
        ["line 1: must be a JSON object, got the string \"text\""]
    );
}

#[test]
fn a_field_of_the_wrong_type_names_the_value_it_got() {
    let text = format!("{GOOD}\n{GOOD}\n{{\"prompt\": \"p\", \"chosen\": 5, \"rejected\": \"b\"}}");
    assert_eq!(
        problems(&text),
        ["line 3, field \"chosen\": must be a string, got the number 5"]
    );
    assert_eq!(
        problems(r#"{"prompt": null, "chosen": "a", "rejected": true}"#),
        [
            "line 1, field \"prompt\": must be a string, got null",
            "line 1, field \"rejected\": must be a string, got the boolean true"
        ]
    );
}

#[test]
fn a_missing_field_is_named() {
    assert_eq!(
        problems(r#"{"chosen": "a", "rejected": "b"}"#),
        ["line 1, field \"prompt\": is missing"]
    );
    assert_eq!(
        problems(r#"{"prompt": "p", "chosen": "a"}"#),
        ["line 1, field \"rejected\": is missing"]
    );
}

#[test]
fn a_text_that_is_empty_or_only_whitespace_is_rejected() {
    assert_eq!(
        problems(r#"{"prompt": "", "chosen": "a", "rejected": "b"}"#),
        ["line 1, field \"prompt\": must not be empty"]
    );
    assert_eq!(
        problems(r#"{"prompt": "p", "chosen": " \t\n", "rejected": "b"}"#),
        ["line 1, field \"chosen\": must not be only whitespace"]
    );
    assert_eq!(
        problems(r#"{"prompt": "p", "ranking": ["a", "  "]}"#),
        ["line 1, field \"ranking\": entry 2 of 2 must not be only whitespace"]
    );
}

#[test]
fn chosen_equal_to_rejected_is_rejected() {
    let text = format!("{GOOD}\n{GOOD}\n{GOOD}\n{GOOD}\n{{\"prompt\": \"p\", \"chosen\": \"same\", \"rejected\": \"same \"}}");
    assert_eq!(
        problems(&text),
        ["line 5: chosen and rejected are the same text"]
    );
}

#[test]
fn a_ranking_with_fewer_than_two_entries_is_rejected() {
    assert_eq!(
        problems(r#"{"prompt": "p", "ranking": ["only"]}"#),
        ["line 1, field \"ranking\": must have at least 2 entries, got 1 entry"]
    );
    assert_eq!(
        problems(r#"{"prompt": "p", "ranking": []}"#),
        ["line 1, field \"ranking\": must have at least 2 entries, got 0 entries"]
    );
}

#[test]
fn a_ranking_with_a_duplicate_names_the_text_that_repeats() {
    let text = format!(
        "{GOOD}\n{GOOD}\n{GOOD}\n{{\"prompt\": \"p\", \"ranking\": [\"foo\", \"bar\", \"foo\"]}}"
    );
    assert_eq!(
        problems(&text),
        ["line 4, field \"ranking\": \"foo\" appears twice"]
    );
}

#[test]
fn a_ranking_that_is_not_a_list_of_strings_is_rejected() {
    assert_eq!(
        problems(r#"{"prompt": "p", "ranking": ["a", 2, "c"]}"#),
        ["line 1, field \"ranking\": entry 2 of 3 must be a string, got the number 2"]
    );
    assert_eq!(
        problems(r#"{"prompt": "p", "ranking": "a > b"}"#),
        ["line 1, field \"ranking\": must be an array of strings, got the string \"a > b\""]
    );
}

#[test]
fn a_line_with_both_shapes_or_neither_is_rejected() {
    let both =
        problems(r#"{"prompt": "p", "chosen": "a", "rejected": "b", "ranking": ["a", "b"]}"#);
    assert_eq!(
        both,
        ["line 1: has both \"ranking\" and \"chosen\"/\"rejected\"; use one shape per line"]
    );
    let neither = problems(r#"{"prompt": "p", "answer": "a"}"#);
    assert_eq!(
        neither,
        ["line 1: needs \"chosen\" and \"rejected\" (a pair) or \"ranking\" (a ranked list)"]
    );
}

#[test]
fn a_margin_must_be_a_finite_number() {
    assert_eq!(
        problems(r#"{"prompt": "p", "chosen": "a", "rejected": "b", "margin": "high"}"#),
        ["line 1, field \"margin\": must be a number, got the string \"high\""]
    );
    let huge = problems(r#"{"prompt": "p", "chosen": "a", "rejected": "b", "margin": 1e999}"#);
    assert!(
        huge[0].starts_with("line 1: not valid JSON (number out of range"),
        "{huge:?}"
    );
    let record = Record::Pair {
        prompt: "p".into(),
        chosen: "a".into(),
        rejected: "b".into(),
        margin: Some(f64::NAN),
    };
    let errors = Dataset::from_records("x", "", vec![record]).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "line 1, field \"margin\": must be a finite number, got NaN"
    );
}

#[test]
fn bytes_that_are_not_utf8_name_the_line_and_column() {
    let mut bytes = Vec::new();
    for _ in 0..6 {
        bytes.extend_from_slice(GOOD.as_bytes());
        bytes.push(b'\n');
    }
    bytes.extend_from_slice(b"{\"prompt\":\xff\"x\"}\n");
    let errors = Dataset::parse_jsonl("t", &bytes).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "line 7: not valid UTF-8 (byte 0xff at column 11)"
    );
}

#[test]
fn a_utf16_file_is_told_to_be_saved_as_utf8() {
    let errors = Dataset::parse_jsonl("t", b"\xff\xfe{\x00").unwrap_err();
    assert_eq!(
        errors.to_string(),
        "the file is UTF-16 encoded; save it as UTF-8"
    );
}

#[test]
fn an_empty_file_is_one_problem_on_line_0() {
    for text in ["", "\n\n  \r\n", "\u{feff}"] {
        let errors = parse(text).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 0);
        assert_eq!(
            errors[0].to_string(),
            "the file is empty: no JSON lines found"
        );
    }
    assert!(Dataset::from_records("x", "", vec![]).is_err());
}

#[test]
fn every_bad_line_is_reported_not_just_the_first() {
    let text = format!(
        "{GOOD}\nnope\n{GOOD}\n[]\n\n{{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"a\"}}"
    );
    let errors = parse(&text).unwrap_err();
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 4, 6]);
}

#[test]
fn a_thousand_bad_lines_are_all_kept_but_only_fifty_shown() {
    let text = "x\n".repeat(1000);
    let errors = Dataset::parse_jsonl("t", text.as_bytes()).unwrap_err();
    assert_eq!(errors.0.len(), 1000);
    let shown = errors.to_string();
    assert_eq!(shown.lines().count(), 51);
    assert_eq!(shown.lines().last(), Some("... and 950 more problems"));
}
