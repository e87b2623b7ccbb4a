//! The training session the page drives: settings applied, stepping to a deadline, rewind, the slow step.

use reward_playground::data::{Dataset, Record};
use reward_playground::train::{Applied, Config, Session, Stage, StageMove};

fn session() -> Session {
    Session::new(Config::default(), None).expect("the default run starts")
}

fn step(s: &mut Session, n: u64) {
    let (taken, outcome) = s.step_until(n, || false);
    assert_eq!((taken, outcome), (n, Ok(())));
}

#[test]
fn a_learning_rate_change_keeps_the_run_and_steps_on_with_the_new_rate() {
    let mut s = session();
    step(&mut s, 5);
    let faster = Config {
        lr: 2.0,
        ..Config::default()
    };
    assert_eq!(s.apply(faster.clone(), None), Ok(Applied::LearningRate));
    assert_eq!(s.head().step_count(), 5, "the run goes on from step 5");
    assert_eq!(s.shown().learning_rate(), 2.0);
    assert_eq!(s.config(), &faster);
    assert_eq!(s.apply(faster, None), Ok(Applied::Unchanged));
}

#[test]
fn any_other_change_starts_a_new_run_and_names_what_changed() {
    let mut s = session();
    step(&mut s, 5);
    let next = Config {
        seed: 9,
        lr: 1.0,
        ..Config::default()
    };
    assert_eq!(
        s.apply(next.clone(), None),
        Ok(Applied::NewRun(vec!["lr", "seed"]))
    );
    assert_eq!(s.head().step_count(), 0);
    assert_eq!(s.config(), &next);
}

#[test]
fn refused_settings_leave_the_run_exactly_as_it_was() {
    let mut s = session();
    step(&mut s, 3);
    let before = s.numbers();
    for bad in [
        Config {
            lr: 1e9,
            ..Config::default()
        },
        Config {
            dataset: "no-such-set".into(),
            ..Config::default()
        },
    ] {
        let e = s.apply(bad, None).unwrap_err();
        assert!(e.contains("1e9") || e.contains("no-such-set"), "{e}");
        assert_eq!(s.numbers(), before);
        assert_eq!(s.config(), &Config::default());
    }
}

#[test]
fn stepping_to_a_deadline_stops_when_the_callback_says_so() {
    let mut s = session();
    let mut looks = 0;
    let (taken, outcome) = s.step_until(1000, || {
        looks += 1;
        looks == 3
    });
    assert_eq!(outcome, Ok(()));
    assert_eq!(taken, 12, "the clock is read every 4 steps");
    assert_eq!(s.head().step_count(), 12);
}

#[test]
fn a_large_run_reads_the_clock_after_every_step_so_it_keeps_its_time_box() {
    use reward_playground::train::steps_per_check;
    // The built-in data sets (36 to 180 pairs) look every 4 steps; 20 000 pairs (the page's limit) after each one.
    assert_eq!(steps_per_check(36), 4);
    assert_eq!(steps_per_check(180), 4);
    assert_eq!(steps_per_check(1_000), 4);
    assert_eq!(steps_per_check(2_000), 2);
    assert_eq!(steps_per_check(20_000), 1);
    assert_eq!(steps_per_check(0), 4);
}

#[test]
fn rewinding_shows_an_earlier_step_and_stepping_on_continues_the_same_run_from_there() {
    let mut s = session();
    step(&mut s, 10);
    s.rewind_to(4);
    let shown = s.numbers();
    assert_eq!((shown.step, shown.head_step), (4, 10));
    step(&mut s, 1);
    assert_eq!(s.head().step_count(), 5, "the old future is dropped");
    let mut fresh = session();
    step(&mut fresh, 5);
    assert_eq!(s.numbers().metrics, fresh.numbers().metrics);
    s.rewind_to(99);
    assert_eq!(s.numbers().step, 5, "past the head shows the head");
}

#[test]
fn the_epoch_button_steps_to_the_end_of_the_epoch() {
    let mut s = session();
    let per = s.head().steps_per_epoch();
    assert!(per > 1);
    step(&mut s, 1);
    assert_eq!(s.epoch(), Ok(per - 1));
    assert_eq!(s.head().step_count(), per);
    assert_eq!(
        s.epoch(),
        Ok(per),
        "at an epoch's end, a whole epoch is left"
    );
    s.rewind_to(1);
    assert_eq!(s.epoch(), Ok(per - 1), "from the rewound step");
    assert_eq!(s.head().step_count(), per);
}

#[test]
fn the_slow_step_walks_eight_stages_in_order_then_takes_the_step_it_showed() {
    let mut s = session();
    step(&mut s, 2);
    let mut seen = Vec::new();
    for _ in 0..8 {
        match s.next_stage() {
            Ok(StageMove::Shown(stage)) => seen.push(stage),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            s.head().step_count(),
            2,
            "no step is taken while stages are shown"
        );
    }
    assert_eq!(seen, Stage::ALL.to_vec());
    let planned = s.slow_step().expect("under way").step.clone();
    assert_eq!(planned.step, 3);
    assert_eq!(s.next_stage(), Ok(StageMove::Stepped));
    assert_eq!(s.head().step_count(), 3);
    assert!(s.slow_step().is_none());
    let after = s.numbers().pairs;
    for p in &planned.pairs {
        assert_eq!(p.after.gap, after[p.index].gap, "pair {}", p.index);
    }
}

#[test]
fn any_other_action_ends_the_slow_step() {
    let mut s = session();
    let actions: [fn(&mut Session); 4] = [
        |s| step(s, 1),
        |s| s.rewind_to(0),
        |s| s.normalize(),
        |s| s.restart(None).unwrap(),
    ];
    for act in actions {
        s.next_stage().unwrap();
        assert!(s.slow_step().is_some());
        act(&mut s);
        assert!(s.slow_step().is_none());
    }
}

#[test]
fn stages_are_numbered_one_to_eight_and_the_last_has_no_next() {
    let numbers: Vec<u8> = Stage::ALL.iter().map(|s| s.number()).collect();
    assert_eq!(numbers, (1..=8).collect::<Vec<u8>>());
    assert_eq!(Stage::Score.next(), Some(Stage::Gap));
    assert_eq!(Stage::NewRewards.next(), None);
    assert_eq!(
        Stage::Sigmoid.heading(),
        "3 · Step 1: σ(Δ), the model's probability that the label is right"
    );
}

#[test]
fn a_refused_first_config_starts_the_default_run_and_says_why() {
    let (s, why) = Session::new_or_default(Config {
        lr: -1.0,
        ..Config::default()
    });
    assert_eq!(s.config(), &Config::default());
    assert!(why
        .unwrap()
        .starts_with("Started the default run instead: lr"));
}

#[test]
fn the_readers_own_data_is_used_when_the_config_names_it() {
    let records = ["good answer", "clear answer", "kind answer"]
        .iter()
        .map(|c| Record::Pair {
            prompt: "q".into(),
            chosen: c.to_string(),
            rejected: "rude".into(),
            margin: None,
        })
        .collect();
    let data = Dataset::from_records("mine", "", records).unwrap();
    let config = Config {
        dataset: "mine".into(),
        test_fraction: 0.0,
        ..Config::default()
    };
    let mut s = Session::new(config.clone(), Some(&data)).unwrap();
    assert_eq!(s.numbers().pairs.len(), 3);
    assert!(
        Session::new(config, None).is_err(),
        "no built-in set is called mine"
    );
    step(&mut s, 1);
    s.restart(Some(&data)).unwrap();
    assert_eq!((s.head().step_count(), s.numbers().pairs.len()), (0, 3));
}
