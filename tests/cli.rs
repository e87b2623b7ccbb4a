//! The command-line tool keeps its contracts: JSON keys, data set names, output files, and clear errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reward-playground"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rp-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A failing run exits 1 (not 101, a panic) and says what was wrong.
fn fails_with(o: &Output, needles: &[&str]) {
    assert_eq!(o.status.code(), Some(1), "stderr: {}", stderr(o));
    let e = stderr(o);
    for n in needles {
        assert!(e.contains(n), "stderr {e:?} should mention {n:?}");
    }
}

#[test]
fn loss_prints_the_three_steps_as_json() {
    let o = cli(&["loss", "--better", "1.5", "--worse", "-0.5"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let gap = v["gap"].as_f64().unwrap();
    let sigmoid = v["sigmoid"].as_f64().unwrap();
    assert_eq!(gap, 2.0);
    assert!((sigmoid - 1.0 / (1.0 + (-2.0f64).exp())).abs() < 1e-15);
    assert!((v["log_sigmoid"].as_f64().unwrap() - sigmoid.ln()).abs() < 1e-15);
    assert!((v["loss"].as_f64().unwrap() + sigmoid.ln()).abs() < 1e-15);
    assert!((v["dloss_dgap"].as_f64().unwrap() + (1.0 - sigmoid)).abs() < 1e-15);
}

#[test]
fn loss_is_exact_far_out() {
    let o = cli(&["loss", "--better", "-2000", "--worse", "0"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["loss"].as_f64(), Some(2000.0));
    let o = cli(&["loss", "--better=800", "--worse=0"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["loss"].as_f64(), Some(0.0));
    fails_with(
        &cli(&["loss", "--better", "1e308", "--worse", "-1e308"]),
        &["overflows"],
    );
    fails_with(
        &cli(&["loss", "--better", "nan", "--worse", "0"]),
        &["--better", "NaN"],
    );
}

#[test]
fn an_overflowing_gap_names_both_rewards_in_exponent_form() {
    let o = cli(&["loss", "--better", "1e308", "--worse", "-1e308"]);
    fails_with(&o, &["the gap 1e308 − (-1e308) overflows a 64-bit float"]);
    assert!(
        !stderr(&o).contains("00000"),
        "no 309-digit decimals: {}",
        stderr(&o)
    );
}

#[test]
fn datasets_lists_the_four_lessons_by_name() {
    let o = cli(&["datasets"]);
    assert!(o.status.success());
    let names: Vec<String> = stdout(&o)
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    for name in [
        "helpfulness",
        "hidden-quality",
        "length-bias",
        "noisy-labels",
    ] {
        assert!(
            names.iter().any(|n| n == name),
            "{name} missing from {names:?}"
        );
    }
    assert!(stdout(&o)
        .lines()
        .all(|l| l.split('\t').nth(1).is_some_and(|d| !d.is_empty())));
}

fn train_into(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["train", "--out", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    cli(&args)
}

#[test]
fn train_writes_history_pairs_model_and_charts() {
    let dir = temp_dir("train");
    let o = train_into(&dir, &["--dataset", "helpfulness", "--epochs", "10"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1, "a one-line summary");
    let csv = std::fs::read_to_string(dir.join("history.csv")).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("step,epoch,loss,accuracy,margin,min_reward,mean_reward,max_reward,grad_norm,learning_rate,test_loss,test_accuracy")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 12));
    assert_eq!(rows.first().unwrap()[0], "0");
    let pairs = std::fs::read_to_string(dir.join("pairs.jsonl")).unwrap();
    assert_eq!(pairs.lines().count(), 72, "12 prompts × C(4,2) pairs");
    for line in pairs.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let gap = v["reward_chosen"].as_f64().unwrap() - v["reward_rejected"].as_f64().unwrap();
        assert!((v["gap"].as_f64().unwrap() - gap).abs() < 1e-12);
        assert!(v["prompt"].is_string() && v["chosen"].is_string() && v["rejected"].is_string());
    }
    assert!(dir.join("model.json").is_file());
    let svgs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "svg"))
        .collect();
    assert!(svgs.len() >= 4, "{} SVG charts", svgs.len());
    for svg in svgs {
        assert!(std::fs::read_to_string(svg.path())
            .unwrap()
            .contains("<svg"));
    }
}

#[test]
fn score_reads_the_saved_model_and_gives_the_reward_the_run_gave() {
    let dir = temp_dir("score");
    assert!(train_into(&dir, &["--epochs", "5"]).status.success());
    let pairs = std::fs::read_to_string(dir.join("pairs.jsonl")).unwrap();
    let first: serde_json::Value = serde_json::from_str(pairs.lines().next().unwrap()).unwrap();
    let text = first["chosen"].as_str().unwrap();
    let o = cli(&[
        "score",
        "--model",
        dir.join("model.json").to_str().unwrap(),
        text,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["reward"].as_f64(), first["reward_chosen"].as_f64());
    assert!(v["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["contribution"].is_number()));
    let o = cli(&[
        "score",
        "--model",
        dir.join("model.json").to_str().unwrap(),
        "zzyzx qwerty",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["unknown"].as_array().unwrap().len(), 2);
}

#[test]
fn bad_data_files_name_the_file_the_line_and_the_field() {
    let dir = temp_dir("bad");
    let cases: &[(&str, &[u8], &[&str])] = &[
        ("empty.jsonl", b"", &["empty.jsonl", "empty"]),
        ("json.jsonl", b"{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\"}\n{oops\n", &["json.jsonl", "line 2"]),
        ("field.jsonl", b"{\"prompt\": \"p\", \"chosen\": 5, \"rejected\": \"b\"}\n", &["line 1", "chosen"]),
        ("missing.jsonl", b"{\"prompt\": \"p\", \"chosen\": \"a\"}\n", &["line 1", "rejected"]),
        ("same.jsonl", b"{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"a\"}\n", &["line 1"]),
        ("rank.jsonl", b"{\"prompt\": \"p\", \"ranking\": [\"a\"]}\n", &["line 1", "ranking"]),
        ("dup.jsonl", b"{\"prompt\": \"p\", \"ranking\": [\"a\", \"b\", \"a\"]}\n", &["line 1", "ranking"]),
        ("utf8.jsonl", b"{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\"}\n{\"prompt\": \"\xff\"}\n", &["line 2", "UTF-8"]),
        ("blank.jsonl", b"{\"prompt\": \" \", \"chosen\": \"a\", \"rejected\": \"b\"}\n", &["line 1", "prompt"]),
    ];
    for (name, bytes, needles) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        fails_with(
            &train_into(&dir.join("out"), &["--data", path.to_str().unwrap()]),
            needles,
        );
    }
    fails_with(
        &train_into(&dir, &["--data", "/no/such/file.jsonl"]),
        &["/no/such/file.jsonl", "cannot read"],
    );
}

#[test]
fn bad_settings_and_models_fail_with_a_message() {
    let dir = temp_dir("settings");
    fails_with(&train_into(&dir, &["--lr", "1e9"]), &["lr", "1e9"]);
    fails_with(
        &train_into(&dir, &["--test-fraction", "2"]),
        &["test-fraction"],
    );
    fails_with(
        &train_into(&dir, &["--dataset", "nope"]),
        &["nope", "helpfulness"],
    );
    let model = dir.join("model.json");
    std::fs::write(&model, "{\"format\": 1}").unwrap();
    fails_with(
        &cli(&["score", "--model", model.to_str().unwrap(), "hi"]),
        &["model.json"],
    );
    // clap's own usage errors exit 2, also without a panic.
    assert_eq!(
        cli(&["train", "--model", "transformer"]).status.code(),
        Some(2)
    );
}

#[test]
fn a_user_data_file_trains_like_a_built_in_one() {
    let dir = temp_dir("user");
    let data = dir.join("mine.jsonl");
    std::fs::write(
        &data,
        "{\"prompt\": \"Greet me\", \"chosen\": \"Hello, nice to meet you\", \"rejected\": \"Go away\", \"margin\": 1}\n\
         {\"prompt\": \"Help\", \"ranking\": [\"Sure, here is how\", \"Maybe later\", \"No\"]}\n",
    )
    .unwrap();
    let o = train_into(
        &dir.join("out"),
        &[
            "--data",
            data.to_str().unwrap(),
            "--test-fraction",
            "0",
            "--loss",
            "margin",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let pairs = std::fs::read_to_string(dir.join("out/pairs.jsonl")).unwrap();
    assert_eq!(
        pairs.lines().count(),
        4,
        "one pair + C(3,2) from the ranking"
    );
    assert!(pairs.lines().next().unwrap().contains("\"margin\":1"));
}
