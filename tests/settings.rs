//! One table of settings: the README, the CLI, `Config::default`, `Config::validate` and the link reader all say
//! what `reward_playground::settings` says.
#![cfg(not(target_arch = "wasm32"))]

use clap::CommandFactory;
use reward_playground::cli::Cli;
use reward_playground::data::{builtin, builtin_names};
use reward_playground::hash::HashPairs;
use reward_playground::loss::LossKind;
use reward_playground::model::ModelKind;
use reward_playground::optim::OptimizerKind;
use reward_playground::settings::{self, Range, Setting, Step, Value};
use reward_playground::share::{SharedState, DEFAULT_SPEED, HIDEABLE, KEYS, SPEEDS};
use reward_playground::train::{Config, Grouping};

fn read(hash: &str) -> (SharedState, Vec<String>) {
    SharedState::from_hash(&HashPairs::parse(hash))
}

/// A setting's value in a config, as the link writes it.
fn value_in(c: &Config, s: &Setting) -> String {
    match s.name {
        "dataset" => c.dataset.clone(),
        "model" => c.model.name().to_string(),
        "optimizer" => c.optimizer.name().to_string(),
        "lr" => c.lr.to_string(),
        "momentum" => c.momentum.to_string(),
        "batch-size" => c.batch_size.to_string(),
        "weight-decay" => c.weight_decay.to_string(),
        "seed" => c.seed.to_string(),
        "test-fraction" => c.test_fraction.to_string(),
        "loss" => c.loss.kind.name().to_string(),
        "label-smoothing" => c.loss.label_smoothing.to_string(),
        "center-coef" => c.loss.center_coef.to_string(),
        "grouping" => c.grouping.name().to_string(),
        "label-noise" => c.label_noise.to_string(),
        other => panic!("{other} is not a field of Config"),
    }
}

/// `c` with the number setting `s` set to `v`.
fn with_number(mut c: Config, s: &Setting, v: f64) -> Config {
    match s.name {
        "lr" => c.lr = v,
        "momentum" => c.momentum = v,
        "weight-decay" => c.weight_decay = v,
        "test-fraction" => c.test_fraction = v,
        "label-smoothing" => c.loss.label_smoothing = v,
        "center-coef" => c.loss.center_coef = v,
        "label-noise" => c.label_noise = v,
        other => panic!("{other} is not a number of Config"),
    }
    c
}

/// The rows of the README's table that starts with `header`, each split into its cells (backticks removed).
fn readme_table(header: &str) -> Vec<Vec<String>> {
    let readme = include_str!("../README.md");
    let start = readme
        .find(header)
        .unwrap_or_else(|| panic!("no {header:?}"));
    readme[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .replace("\\|", "/")
                .split('|')
                .map(|c| c.trim().replace('`', ""))
                .collect()
        })
        .collect()
}

#[test]
fn the_tables_defaults_are_the_default_config_and_page() {
    let c = Config::default();
    for s in &settings::RUN {
        assert_eq!(value_in(&c, s), s.default.to_string(), "{}", s.name);
    }
    let page = SharedState::default();
    assert_eq!(settings::SPEED.default.name(), "10");
    assert_eq!(page.speed, DEFAULT_SPEED);
    assert_eq!(settings::PAIR.default, Value::Absent);
    assert_eq!(page.pair, None);
    assert_eq!(settings::PRESENTATION.default.name(), "0");
    assert!(!page.present);
    assert_eq!(settings::HIDDEN.default, Value::Absent);
    assert!(page.hidden.is_empty());
}

#[test]
fn names_keys_and_flags_are_each_used_once_and_the_link_reads_every_key() {
    let all: Vec<&Setting> = settings::all().collect();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(a.name, b.name);
            assert_ne!(a.key, b.key);
            assert!(a.flag.is_none() || a.flag != b.flag, "{}", a.name);
        }
        assert_eq!(a.flag.is_some(), settings::RUN.contains(a), "{}", a.name);
        assert_eq!(a.flag_name(), a.flag.map(|f| &f[2..]));
    }
    let mut keys: Vec<&str> = all.iter().map(|s| s.key).collect();
    let mut link = KEYS.to_vec();
    keys.sort_unstable();
    link.sort_unstable();
    assert_eq!(keys, link);
}

#[test]
fn the_tables_choices_are_the_names_the_code_knows() {
    let names = |s: &Setting| s.page.choices().to_vec();
    let models: Vec<&str> = ModelKind::ALL.iter().map(|k| k.name()).collect();
    let optimizers: Vec<&str> = OptimizerKind::ALL.iter().map(|k| k.name()).collect();
    let losses: Vec<&str> = LossKind::ALL.iter().map(|k| k.name()).collect();
    let groupings: Vec<&str> = Grouping::ALL.iter().map(|k| k.name()).collect();
    let speeds: Vec<String> = SPEEDS
        .iter()
        .map(|v| {
            if v.is_finite() {
                v.to_string()
            } else {
                "max".into()
            }
        })
        .collect();
    assert_eq!(names(&settings::MODEL), models);
    assert_eq!(names(&settings::OPTIMIZER), optimizers);
    assert_eq!(names(&settings::LOSS), losses);
    assert_eq!(names(&settings::GROUPING), groupings);
    assert_eq!(names(&settings::DATASET), builtin_names());
    assert_eq!(names(&settings::SPEED), speeds);
    assert_eq!(settings::HIDDEN.page, Range::Parts(&HIDEABLE));
    // A run and a link take the same names (the data set aside: a run also takes data brought by the user).
    for s in settings::all() {
        if let Range::Choice(_) = s.page {
            assert_eq!(s.range, s.page, "{}", s.name);
        }
    }
    assert_eq!(settings::DATASET.range, Range::Label);
}

#[test]
fn changing_one_field_names_exactly_that_setting_in_the_tables_order() {
    let a = Config::default();
    let b = Config {
        dataset: "length-bias".into(),
        model: ModelKind::Mlp,
        optimizer: OptimizerKind::Adam,
        lr: 0.1,
        momentum: 0.5,
        batch_size: 0,
        weight_decay: 0.01,
        seed: 2,
        test_fraction: 0.5,
        loss: reward_playground::loss::LossSpec {
            kind: LossKind::Smooth,
            label_smoothing: 0.2,
            center_coef: 0.01,
        },
        grouping: Grouping::Pairs,
        label_noise: 0.1,
    };
    let names: Vec<&str> = settings::RUN.iter().map(|s| s.name).collect();
    assert_eq!(a.changed_fields(&b), names);
    for s in &settings::RUN {
        assert_ne!(value_in(&a, s), value_in(&b, s), "{}", s.name);
    }
}

#[test]
fn every_train_flag_in_the_readme_has_the_tables_default() {
    let io_flags = ["--data", "--epochs", "--steps", "--out"];
    let mut seen = Vec::new();
    for row in readme_table("| flag | meaning | default |") {
        let groups: Vec<&str> = row[0].split(", ").collect();
        let defaults: Vec<&str> = row[2].split(", ").collect();
        assert_eq!(groups.len(), defaults.len(), "{row:?}");
        for (group, default) in groups.iter().zip(defaults) {
            for alternative in group.split(" or ") {
                let flag = alternative.split(' ').next().unwrap();
                match settings::RUN.iter().find(|s| s.flag == Some(flag)) {
                    Some(s) => {
                        assert_eq!(default, s.default.to_string(), "{flag}");
                        seen.push(s.name);
                    }
                    None => assert!(io_flags.contains(&flag), "{flag} is not in the table"),
                }
            }
        }
    }
    for s in &settings::RUN {
        assert!(seen.contains(&s.name), "{:?} is missing", s.flag);
    }
}

#[test]
fn every_link_key_in_the_readme_has_the_tables_range_and_default() {
    let rows = readme_table("| key | setting | allowed | default |");
    assert_eq!(rows.len(), KEYS.len());
    for (row, key) in rows.iter().zip(KEYS) {
        assert_eq!(
            row[0], key,
            "the README lists the keys in the order a link writes them"
        );
        let s = settings::all().find(|s| s.key == key).unwrap();
        assert!(!row[1].is_empty());
        assert!(row[2].starts_with(&s.page.to_string()), "{key}: {}", row[2]);
        assert_eq!(row[3], s.default.to_string(), "{key}");
    }
}

#[test]
fn the_clis_defaults_are_the_tables() {
    let cli = Cli::command();
    let train = cli.find_subcommand("train").unwrap();
    for s in &settings::RUN[1..] {
        let arg = train
            .get_arguments()
            .find(|a| a.get_long() == s.flag_name())
            .unwrap_or_else(|| panic!("no {:?}", s.flag));
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        assert_eq!(defaults, [s.default.to_string()], "{}", s.name);
    }
    assert!(train
        .get_arguments()
        .any(|a| a.get_long() == settings::DATASET.flag_name()));
}

/// The values at and just beyond each end of a range of numbers, each with whether the range holds it.
fn probes(range: Range) -> Vec<(f64, bool)> {
    let Range::Number(lo, hi) = range else {
        return Vec::new();
    };
    vec![
        (lo.at, lo.closed),
        (lo.at.next_down(), false),
        (lo.at.next_up(), true),
        (hi.at, hi.closed),
        (hi.at.next_up(), false),
        (hi.at.next_down(), true),
    ]
}

/// Whether the link reader takes `value` for `key` (with `also` in the link too): no notice, and it lands.
fn link_takes(key: &str, value: &str, also: &str) -> bool {
    let (_, notices) = read(&format!("#{also}{key}={value}"));
    match notices.as_slice() {
        [] => true,
        [one] if one.starts_with(&format!("{key}: ")) => false,
        other => panic!("{key}={value}: {other:?}"),
    }
}

#[test]
fn every_range_is_accepted_at_its_ends_and_refused_just_outside() {
    let smooth = (settings::SMOOTH_LABEL_SMOOTHING, "loss=smooth&");
    let entries = settings::all().map(|s| (*s, "")).chain([smooth]);
    for (s, also) in entries {
        let takes = |v: &str| link_takes(s.key, v, also);
        match s.page {
            Range::Number(..) => {
                for (v, inside) in probes(s.page) {
                    assert_eq!(takes(&v.to_string()), inside, "{}={v}", s.key);
                }
            }
            Range::Whole(lo, hi) => {
                assert!(
                    takes(&lo.to_string()) && takes(&hi.to_string()),
                    "{}",
                    s.key
                );
                assert!(!takes(&(hi + 1).to_string()), "{}", s.key);
                assert!(!takes(&format!("-{}", lo + 1)), "{}", s.key);
                assert!(!takes("1.5"), "{}", s.key);
            }
            Range::Choice(_) | Range::Dataset => {
                for name in s.page.choices() {
                    assert!(takes(name), "{}={name}", s.key);
                }
                assert!(!takes("nope"), "{}", s.key);
            }
            Range::Pair => {
                let n = builtin(settings::DATASET.default.name())
                    .unwrap()
                    .pairs
                    .len();
                assert!(takes("0") && takes(&(n - 1).to_string()));
                assert!(!takes(&n.to_string()));
            }
            Range::Parts(parts) => {
                for (name, _) in parts {
                    assert!(takes(name), "{}={name}", s.key);
                }
                assert!(!takes("nope"));
            }
            Range::Label => panic!("{}: a link cannot carry just any name", s.key),
        }
    }
}

#[test]
fn validate_and_the_link_reader_agree_on_the_page_range() {
    let smooth = Config {
        loss: reward_playground::loss::LossSpec {
            kind: LossKind::Smooth,
            ..Default::default()
        },
        ..Config::default()
    };
    let entries = settings::RUN
        .iter()
        .map(|s| (*s, Config::default(), ""))
        .chain([(settings::SMOOTH_LABEL_SMOOTHING, smooth, "loss=smooth&")]);
    for (s, base, also) in entries {
        for (v, inside) in probes(s.page) {
            let (state, notices) = read(&format!("#{also}{}={v}", s.key));
            let valid = with_number(base.clone(), &s, v).validate().is_ok();
            if inside {
                assert!(notices.is_empty() && valid, "{}={v}: {notices:?}", s.key);
                assert_eq!(value_in(&state.config, &s), v.to_string(), "{}", s.key);
                assert!(
                    s.range.contains(v),
                    "{}={v}: the page range is inside the run's",
                    s.key
                );
            } else {
                assert_eq!(notices.len(), 1, "{}={v}", s.key);
                // Where the two ranges are the same, validate refuses what the link refuses.
                assert!(s.range != s.page || !valid, "{}={v}", s.key);
            }
        }
    }
}

#[test]
fn the_page_controls_stay_inside_the_page_range() {
    for s in settings::all() {
        match s.step {
            Step::None => {}
            Step::By(by) => {
                assert!(by > 0.0);
                assert!(s.page.contains(s.control_min()), "{}", s.name);
                assert!(s.page.contains(s.control_max()), "{}", s.name);
                assert!(s.control_min() < s.control_max(), "{}", s.name);
            }
            Step::Log10 { from, to, .. } => {
                assert!(s.page.contains(libm::pow(10.0, from)), "{}", s.name);
                let Range::Number(_, hi) = s.page else {
                    panic!("{}: a log slider needs a range of numbers", s.name)
                };
                assert_eq!(libm::pow(10.0, to), hi.at, "{}", s.name);
            }
        }
    }
    let smooth = settings::SMOOTH_LABEL_SMOOTHING;
    assert_eq!((smooth.control_min(), smooth.control_max()), (0.01, 0.49));
    // The seed field ends where a link does: 2^53, the last integer an f64 (a browser's number) holds exactly.
    assert_eq!(settings::SEED.control_max(), 9_007_199_254_740_992.0);
    assert_eq!(settings::SEED.page, Range::Whole(0, 1 << 53));
}
