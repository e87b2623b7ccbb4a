//! Preference data as a user feeds it in: JSONL lines, the problems they are told about, and the pairs they get.

mod common;
mod data {
    pub mod builtins;
    pub mod errors;
    pub mod learnable;
    pub mod noise;
    pub mod properties;
}

use reward_playground::data::{DataError, Dataset, Record};

pub fn parse(text: &str) -> Result<Dataset, Vec<DataError>> {
    Dataset::parse_jsonl("test", text.as_bytes()).map_err(|e| e.0)
}

pub fn problems(text: &str) -> Vec<String> {
    match parse(text) {
        Ok(_) => panic!("expected problems in {text:?}"),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

pub const GOOD: &str = r#"{"prompt": "p", "chosen": "a", "rejected": "b"}"#;

#[test]
fn a_ranking_of_four_expands_to_six_pairs_better_before_worse() {
    let d = parse(r#"{"prompt": "q", "ranking": ["a", "b", "c", "d"]}"#).unwrap();
    let pairs: Vec<(&str, &str)> = d
        .pairs
        .iter()
        .map(|p| (p.chosen.as_str(), p.rejected.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("a", "b"),
            ("a", "c"),
            ("a", "d"),
            ("b", "c"),
            ("b", "d"),
            ("c", "d")
        ]
    );
    assert!(d
        .pairs
        .iter()
        .all(|p| p.group == 0 && p.record == 0 && p.margin.is_none()));
    assert_eq!(d.flipped, vec![false; 6]);
}

#[test]
fn pairs_of_the_same_prompt_share_a_group_in_first_appearance_order() {
    let text = [
        r#"{"prompt": "second?", "chosen": "a", "rejected": "b"}"#,
        r#"{"prompt": "first?", "ranking": ["x", "y", "z"]}"#,
        r#"{"prompt": "second?", "chosen": "c", "rejected": "d", "margin": 0.5}"#,
    ]
    .join("\n");
    let d = parse(&text).unwrap();
    assert_eq!(d.groups, ["second?", "first?"]);
    let groups: Vec<usize> = d.pairs.iter().map(|p| p.group).collect();
    let records: Vec<usize> = d.pairs.iter().map(|p| p.record).collect();
    assert_eq!(groups, [0, 1, 1, 1, 0]);
    assert_eq!(records, [0, 1, 1, 1, 2]);
    assert_eq!(d.prompt_groups(), vec![vec![0, 4], vec![1, 2, 3]]);
    assert_eq!(d.pairs[4].margin, Some(0.5));
}

#[test]
fn blank_lines_a_bom_and_windows_line_ends_are_tolerated() {
    let text = format!("\u{feff}{GOOD}\r\n\r\n   \n{GOOD}\r\n");
    let d = parse(&text).unwrap();
    assert_eq!(d.records.len(), 2);
    assert_eq!(d.pairs[0].prompt, "p");
    assert_eq!(d.pairs[1].rejected, "b");
}

#[test]
fn texts_are_kept_as_given_and_unknown_fields_are_ignored() {
    let d = parse(
        r#"{"prompt": " Hi ", "chosen": "Yes!\n", "rejected": "no", "source": {"x": 1}, "id": 7}"#,
    )
    .unwrap();
    assert_eq!(
        d.records[0],
        Record::Pair {
            prompt: " Hi ".into(),
            chosen: "Yes!\n".into(),
            rejected: "no".into(),
            margin: None
        }
    );
}

#[test]
fn a_null_margin_means_no_margin() {
    let d = parse(r#"{"prompt": "p", "chosen": "a", "rejected": "b", "margin": null}"#).unwrap();
    assert_eq!(d.pairs[0].margin, None);
}

#[test]
fn export_writes_each_record_in_its_own_shape() {
    let text = [
        r#"{"prompt":"p","chosen":"a","rejected":"b"}"#,
        r#"{"prompt":"p","chosen":"a","rejected":"b","margin":0.25}"#,
        r#"{"prompt":"q","ranking":["x","y","z"]}"#,
    ]
    .join("\n");
    let d = parse(&text).unwrap();
    assert_eq!(d.to_jsonl(), text + "\n");
}

#[test]
fn import_of_an_export_gives_back_the_same_records_and_pairs() {
    let text = r#"{"prompt": "ünïcode \"quoted\"", "chosen": "tab\there", "rejected": "b", "margin": 0.1}
{"prompt": "q", "ranking": ["1", "2", "3", "4", "5"]}"#;
    let d = parse(text).unwrap();
    let again = Dataset::parse_jsonl("test", d.to_jsonl().as_bytes()).unwrap();
    assert_eq!(again, d);
}
