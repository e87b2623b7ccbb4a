//! `reward-playground agree`: labelers' files in, their agreement out, checked against Fleiss' κ step by step.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reward-playground"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rp-agree-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const PROMPT: &str = "Which is better?";

/// Texts of pair i: `a{i}` and `b{i}`; a labeler's label `true` means `a{i}` is better.
fn write_labeler(dir: &Path, name: &str, labels: &[Option<bool>]) -> String {
    let mut text = String::new();
    for (i, l) in labels.iter().enumerate() {
        let Some(a_better) = l else { continue };
        let (c, r) = if *a_better {
            (format!("a{i}"), format!("b{i}"))
        } else {
            (format!("b{i}"), format!("a{i}"))
        };
        let line = serde_json::json!({"prompt": PROMPT, "chosen": c, "rejected": r});
        text.push_str(&format!("{line}\n"));
    }
    let path = dir.join(format!("{name}.jsonl"));
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Fleiss (1971) step by step for a table of counts n_ij: N subjects, n raters, k categories. Returns (P̄, κ).
fn fleiss_textbook(table: &[[usize; 2]]) -> (f64, f64) {
    let big_n = table.len() as f64;
    let n = (table[0][0] + table[0][1]) as f64;
    let p: Vec<f64> = (0..2)
        .map(|j| table.iter().map(|row| row[j]).sum::<usize>() as f64 / (big_n * n))
        .collect();
    let p_i: Vec<f64> = table
        .iter()
        .map(|row| ((row[0] * row[0] + row[1] * row[1]) as f64 - n) / (n * (n - 1.0)))
        .collect();
    let p_bar = p_i.iter().sum::<f64>() / big_n;
    let p_e = p[0] * p[0] + p[1] * p[1];
    (p_bar, (p_bar - p_e) / (1.0 - p_e))
}

#[test]
fn agree_prints_the_class_numbers_and_writes_the_majority() {
    let dir = temp_dir("numbers");
    let (t, f) = (Some(true), Some(false));
    // Pair 4 is labeled by three of the four; pair 5 only by the last.
    let labels = [
        vec![t, t, f, t, t, None],
        vec![t, f, f, t, None, None],
        vec![t, t, t, f, t, None],
        vec![f, t, f, t, t, f],
    ];
    let files: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(k, l)| write_labeler(&dir, &format!("labeler{k}"), l))
        .collect();
    let out = dir.join("majority.jsonl");
    let mut args = vec!["agree"];
    args.extend(files.iter().map(String::as_str));
    let out_text = out.display().to_string();
    args.extend(["--out", &out_text]);
    let o = cli(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();

    // The textbook table over pairs 0–3 (labeled by all), categories in sorted order: "a{i}" < "b{i}".
    let table: Vec<[usize; 2]> = (0..4)
        .map(|i| {
            let a = labels.iter().filter(|l| l[i] == t).count();
            [a, 4 - a]
        })
        .collect();
    let (p_bar, kappa) = fleiss_textbook(&table);
    assert_eq!(v["labelers"], 4);
    assert_eq!(v["pairs"], 4);
    assert!((v["mean_pairwise_agreement"].as_f64().unwrap() - p_bar).abs() < 1e-12);
    assert!((v["fleiss_kappa"].as_f64().unwrap() - kappa).abs() < 1e-12);
    // Majorities over pairs 0–3: a, a, b, a (pair 1 is 3–1, pair 2 is 3–1); no ties there.
    let majority = [t, t, f, t];
    let per = v["per_labeler"].as_array().unwrap();
    assert_eq!(per.len(), 4);
    for (k, entry) in per.iter().enumerate() {
        assert_eq!(entry["file"], files[k].as_str());
        let labeled = labels[k].iter().filter(|l| l.is_some()).count();
        assert_eq!(entry["labeled"], labeled);
        let matched = (0..4).filter(|&i| labels[k][i] == majority[i]).count();
        let share = entry["agreement_with_majority"].as_f64().unwrap();
        assert!((share - matched as f64 / 4.0).abs() < 1e-12, "labeler {k}");
    }

    // Majority labels: pairs 0–3 as above, pair 4 is a (3–0), pair 5 is b (its only label).
    let written = std::fs::read_to_string(&out).unwrap();
    let chosen: Vec<String> = written
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["chosen"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(chosen, ["a0", "a1", "b2", "a3", "a4", "b5"]);
}

#[test]
fn a_tie_is_left_out_of_the_majority_file_and_of_agreement_with_the_majority() {
    let dir = temp_dir("tie");
    let (t, f) = (Some(true), Some(false));
    let one = write_labeler(&dir, "one", &[t, t]);
    let two = write_labeler(&dir, "two", &[f, t]);
    let out = dir.join("m.jsonl");
    let o = cli(&["agree", &one, &two, "--out", &out.display().to_string()]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["mean_pairwise_agreement"].as_f64(), Some(0.5));
    assert_eq!(
        v["per_labeler"][1]["agreement_with_majority"].as_f64(),
        Some(1.0)
    );
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().count(), 1, "{written}");
}

#[test]
fn bad_files_name_the_file_the_line_and_the_field() {
    let dir = temp_dir("bad");
    let good = write_labeler(&dir, "good", &[Some(true)]);
    let bad = dir.join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"prompt\":\"p\",\"chosen\":\"x\",\"rejected\":\"y\"}\n\n{\"prompt\":\"p\",\"chosen\":5,\"rejected\":\"y\"}\n",
    )
    .unwrap();
    let o = cli(&["agree", &good, &bad.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains(&format!("{}: line 3, field \"chosen\"", bad.display())),
        "{e}"
    );

    let twice = dir.join("twice.jsonl");
    std::fs::write(
        &twice,
        "{\"prompt\":\"p\",\"chosen\":\"x\",\"rejected\":\"y\"}\n{\"prompt\":\"p\",\"chosen\":\"y\",\"rejected\":\"x\"}\n",
    )
    .unwrap();
    let o = cli(&["agree", &twice.display().to_string()]);
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("line 2, field \"chosen\": the same pair as line 1"),
        "{e}"
    );

    let o = cli(&["agree", &dir.join("missing.jsonl").display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.jsonl: cannot read"));
}
