//! `optimize`: its files follow from the pool by the formulas, and the padding lesson shows overoptimization.

use reward_playground::data::padding;
use reward_playground::policy::*;
use reward_playground::train::{Config, Trainer};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reward-playground"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rp-optimize-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fails_with(o: &Output, needles: &[&str]) {
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "stderr: {e}");
    for n in needles {
        assert!(e.contains(n), "stderr {e:?} should mention {n:?}");
    }
}

/// Trains on `padding` with every default of `train`, and returns the model file.
fn trained_model(dir: &Path) -> PathBuf {
    let out = dir.join("train");
    let o = cli(&[
        "train",
        "--dataset",
        "padding",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out.join("model.json")
}

fn csv(path: &Path) -> (String, Vec<Vec<f64>>) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap().to_string();
    let rows = lines
        .map(|l| l.split(',').map(|v| v.parse().unwrap()).collect())
        .collect();
    (header, rows)
}

/// (reward, gold, ref_prob) of one candidate.
type Line = (f64, f64, f64);

/// (reward, gold, ref_prob) of each candidate, prompt by prompt, read from pool.jsonl.
fn read_pool_file(path: &Path) -> Vec<Vec<Line>> {
    let mut prompts: Vec<(String, Vec<Line>)> = Vec::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let prompt = v["prompt"].as_str().unwrap().to_string();
        assert!(v["response"].is_string());
        let c = ["reward", "gold", "ref_prob"].map(|k| v[k].as_f64().unwrap());
        match prompts.iter_mut().find(|(p, _)| *p == prompt) {
            Some((_, cs)) => cs.push((c[0], c[1], c[2])),
            None => prompts.push((prompt, vec![(c[0], c[1], c[2])])),
        }
    }
    prompts.into_iter().map(|(_, c)| c).collect()
}

/// Best-of-n by the plain formula P(v) = F(v)^n − F(v⁻)^n, shared among ties by π_ref; (kl, proxy, gold).
fn best_of_n_by_formula(pool: &[Vec<(f64, f64, f64)>], n: f64) -> [f64; 3] {
    let mut sum = [0.0; 3];
    for cs in pool {
        for &(r, g, q) in cs {
            let at_or_below: f64 = cs.iter().filter(|c| c.0 <= r).map(|c| c.2).sum();
            let below: f64 = cs.iter().filter(|c| c.0 < r).map(|c| c.2).sum();
            let tie: f64 = cs.iter().filter(|c| c.0 == r).map(|c| c.2).sum();
            let p = (at_or_below.powf(n) - below.powf(n)) * q / tie;
            if p > 0.0 {
                sum[0] += p * (p / q).ln();
            }
            sum[1] += p * r;
            sum[2] += p * g;
        }
    }
    sum.map(|s| s / pool.len() as f64)
}

/// π_β(y) = π_ref(y)·exp(r(y)/β)/Z by the plain formula (the largest r/β taken out); (kl, proxy, gold).
fn tilted_by_formula(pool: &[Vec<(f64, f64, f64)>], beta: f64) -> [f64; 3] {
    let mut sum = [0.0; 3];
    for cs in pool {
        let top = cs.iter().map(|c| c.0).fold(f64::NEG_INFINITY, f64::max);
        let w: Vec<f64> = cs
            .iter()
            .map(|c| c.2 * ((c.0 - top) / beta).exp())
            .collect();
        let z: f64 = w.iter().sum();
        for (c, w) in cs.iter().zip(&w) {
            let p = w / z;
            if p > 0.0 {
                sum[0] += p * (p / c.2).ln();
            }
            sum[1] += p * c.0;
            sum[2] += p * c.1;
        }
    }
    sum.map(|s| s / pool.len() as f64)
}

fn near(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= 1e-9 * (1.0 + b.abs()),
        "{what}: {a} vs {b}"
    );
}

#[test]
fn both_csv_files_follow_from_pool_jsonl_by_the_formulas() {
    let dir = temp_dir("formulas");
    let model = trained_model(&dir);
    let out = dir.join("optimize");
    let o = cli(&[
        "optimize",
        "--model",
        model.to_str().unwrap(),
        "--dataset",
        "padding",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let summary = String::from_utf8_lossy(&o.stdout);
    assert!(
        summary.contains("gold peaks at n = ") && summary.contains("gold peaks at beta = "),
        "{summary}"
    );
    assert!(std::fs::read_to_string(out.join("gold_proxy.svg"))
        .unwrap()
        .starts_with("<svg"));

    let pool = read_pool_file(&out.join("pool.jsonl"));
    let (header, rows) = csv(&out.join("best_of_n.csv"));
    assert_eq!(header, "n,kl,kl_bound,proxy,gold");
    assert_eq!(
        rows.iter().map(|r| r[0] as u64).collect::<Vec<_>>(),
        default_ns()
    );
    for row in &rows {
        let [kl, proxy, gold] = best_of_n_by_formula(&pool, row[0]);
        near(row[1], kl, "kl");
        near(row[2], row[0].ln() - (row[0] - 1.0) / row[0], "kl_bound");
        near(row[3], proxy, "proxy");
        near(row[4], gold, "gold");
        assert!(row[1] <= row[2] + 1e-12);
    }
    let (header, rows) = csv(&out.join("kl_regularized.csv"));
    assert_eq!(header, "beta,kl,proxy,gold");
    assert_eq!(rows.len(), 21);
    for row in &rows {
        let [kl, proxy, gold] = tilted_by_formula(&pool, row[0]);
        near(row[1], kl, "kl");
        near(row[2], proxy, "proxy");
        near(row[3], gold, "gold");
    }
}

/// Trains with `train`'s defaults on `padding` drawn from `seed` with `pairs` labels; the gold of each n and β.
fn curves(seed: u64, pairs: usize, pool_seed: u64) -> (Vec<f64>, Vec<f64>) {
    let config = Config {
        dataset: "padding".into(),
        ..Config::default()
    };
    let mut t = Trainer::new(config, padding::build_with(seed, pairs)).unwrap();
    t.run(20 * t.steps_per_epoch()).unwrap();
    let pool = builtin_pool("padding", pool_seed).unwrap();
    let r = pool.rewards(t.model());
    let bon = best_of_n_curve(&pool, &r, &default_ns());
    let kl = kl_regularized_curve(&pool, &r, &default_betas());
    (
        bon.iter().map(|x| x.outcome.gold).collect(),
        kl.iter().map(|x| x.outcome.gold).collect(),
    )
}

fn peak(gold: &[f64]) -> (usize, f64) {
    let i = gold_peak(gold.iter().map(|&gold| Outcome {
        kl: 0.0,
        proxy: 0.0,
        gold,
    }))
    .unwrap();
    (i, gold[i] - gold[gold.len() - 1])
}

/// Seeds checked: the built-in labels (2210) and 1 to 5, each with its own pool seed.
const SEEDS: [(u64, u64); 6] = [(2210, 1), (1, 2), (2, 3), (3, 1), (4, 5), (5, 6)];

#[test]
fn with_the_default_labels_gold_peaks_inside_and_falls_by_n_1024() {
    for (seed, pool_seed) in SEEDS {
        let (bon, kl) = curves(seed, padding::DEFAULT_PAIRS, pool_seed);
        for (name, gold) in [("best-of-n", &bon), ("π_β", &kl)] {
            let (i, drop) = peak(gold);
            assert!(
                i > 0 && i + 1 < gold.len(),
                "seed {seed} {name}: peak at {i} of {gold:?}"
            );
            assert!(drop > 0.05, "seed {seed} {name}: drop {drop} in {gold:?}");
        }
    }
}

#[test]
fn with_twelve_times_the_labels_the_peak_moves_right_or_the_drop_shrinks() {
    for (seed, pool_seed) in SEEDS {
        let (few_bon, few_kl) = curves(seed, padding::DEFAULT_PAIRS, pool_seed);
        let (many_bon, many_kl) = curves(seed, 12 * padding::DEFAULT_PAIRS, pool_seed);
        for (few, many) in [(few_bon, many_bon), (few_kl, many_kl)] {
            let ((i, drop), (j, drop_many)) = (peak(&few), peak(&many));
            assert!(
                j > i || drop_many < drop,
                "seed {seed}: peak {i} → {j}, drop {drop} → {drop_many}"
            );
            assert!(many[j] > few[i], "seed {seed}: more labels, a higher peak");
        }
    }
}

#[test]
fn bad_input_is_named() {
    let dir = temp_dir("errors");
    let model = trained_model(&dir);
    let m = model.to_str().unwrap();
    let out = dir.join("o");
    let out = out.to_str().unwrap();
    fails_with(
        &cli(&["optimize", "--model", m, "--dataset", "nope", "--out", out]),
        &["unknown data set \"nope\"", "padding"],
    );
    fails_with(
        &cli(&[
            "optimize",
            "--model",
            m,
            "--dataset",
            "helpfulness",
            "--out",
            out,
        ]),
        &[
            "no gold rule",
            "hidden-quality, length-bias, noisy-labels, padding",
        ],
    );
    fails_with(
        &cli(&[
            "optimize",
            "--model",
            m,
            "--dataset",
            "padding",
            "--n",
            "1,0",
            "--out",
            out,
        ]),
        &["--n", "at least 1"],
    );
    fails_with(
        &cli(&[
            "optimize",
            "--model",
            m,
            "--dataset",
            "padding",
            "--n",
            "2,x",
            "--out",
            out,
        ]),
        &["--n", "\"x\""],
    );
    fails_with(
        &cli(&[
            "optimize",
            "--model",
            m,
            "--dataset",
            "padding",
            "--beta",
            "0",
            "--out",
            out,
        ]),
        &["--beta", "above 0"],
    );
    fails_with(
        &cli(&[
            "optimize",
            "--model",
            m,
            "--dataset",
            "padding",
            "--beta",
            "inf",
            "--out",
            out,
        ]),
        &["--beta", "finite"],
    );
    fails_with(
        &cli(&[
            "optimize",
            "--model",
            m,
            "--dataset",
            "padding",
            "--beta",
            "1;2",
            "--out",
            out,
        ]),
        &["--beta", "not a number"],
    );

    let stranger = dir.join("stranger.json");
    std::fs::write(&stranger, r#"{"format":"reward-playground-model","version":1,"kind":"linear","vocab":["zebra"],"params":[1.0,0.0]}"#).unwrap();
    fails_with(
        &cli(&[
            "optimize",
            "--model",
            stranger.to_str().unwrap(),
            "--dataset",
            "padding",
            "--out",
            out,
        ]),
        &["stranger.json", "knows none of the words"],
    );

    let prefs = dir.join("prefs.jsonl");
    std::fs::write(
        &prefs,
        "{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n",
    )
    .unwrap();
    fails_with(
        &cli(&[
            "optimize",
            "--model",
            m,
            "--data",
            prefs.to_str().unwrap(),
            "--out",
            out,
        ]),
        &["prefs.jsonl: line 1", "preference record"],
    );
    let bad = dir.join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"prompt\":\"p\",\"response\":\"Great question!\",\"gold\":\"high\"}\n",
    )
    .unwrap();
    fails_with(
        &cli(&[
            "optimize",
            "--model",
            m,
            "--data",
            bad.to_str().unwrap(),
            "--out",
            out,
        ]),
        &["bad.jsonl: line 1, field \"gold\""],
    );
}

#[test]
fn a_pool_file_written_by_optimize_reads_back_as_the_same_pool() {
    let pool = builtin_pool("length-bias", 1).unwrap();
    let rewards: Vec<Vec<f64>> = pool
        .prompts
        .iter()
        .map(|p| vec![0.5; p.candidates.len()])
        .collect();
    let again = read_pool("length-bias", pool_jsonl(&pool, &rewards).as_bytes()).unwrap();
    assert_eq!(again.prompts.len(), pool.prompts.len());
    for (a, b) in again.prompts.iter().zip(&pool.prompts) {
        assert_eq!(a.prompt, b.prompt);
        for (x, y) in a.candidates.iter().zip(&b.candidates) {
            assert_eq!((&x.response, x.gold), (&y.response, y.gold));
            assert!((x.ref_prob - y.ref_prob).abs() < 1e-15);
        }
    }
}
