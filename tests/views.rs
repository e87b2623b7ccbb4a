//! The run charts' registry: what each chart says in words and shows as a table, checked against the run.

use reward_playground::charts::{Layer, Theme};
use reward_playground::train::{Config, Trainer};
use reward_playground::views::{Focus, RunChart};

fn run(config: Config, steps: u64) -> Trainer {
    let mut t = Trainer::from_config(config).expect("a valid run");
    t.run(steps).expect("trains");
    t
}

fn sentence(chart: RunChart, t: &mut Trainer) -> String {
    let pairs = t.pair_states();
    chart.sentence(t, &pairs)
}

/// A number with 3 decimals and the true minus sign, written here as the reference.
fn three(v: f64) -> String {
    let s = format!("{v:.3}");
    let s = if s == "-0.000" {
        "0.000".to_string()
    } else {
        s
    };
    s.replace('-', "\u{2212}")
}

#[test]
fn at_step_zero_the_charts_over_steps_say_where_the_run_starts() {
    let mut t = run(Config::default(), 0);
    // Every reward is 0, so every pair's loss is ln 2 and no chosen response is ahead.
    assert_eq!(
        sentence(RunChart::Loss, &mut t),
        "Training loss is 0.693 at step 0, before any update."
    );
    assert_eq!(
        sentence(RunChart::Accuracy, &mut t),
        "Training accuracy is 0 % at step 0, before any update."
    );
    assert_eq!(
        sentence(RunChart::Gaps, &mut t),
        "The mean gap Δ of the training pairs is 0.000 at step 0, before any update."
    );
    assert_eq!(
        sentence(RunChart::Words, &mut t),
        "Every word weight is 0 at this step."
    );
}

#[test]
fn after_training_the_loss_sentence_says_how_far_it_fell_and_the_test_loss() {
    let mut t = run(Config::default(), 12);
    let m = t.metrics();
    let expected = format!(
        "Training loss fell from 0.693 to {} over 12 steps; test loss {}.",
        three(m.loss),
        three(m.test_loss.unwrap())
    );
    assert_eq!(sentence(RunChart::Loss, &mut t), expected);
    let mut one = run(Config::default(), 1);
    assert!(sentence(RunChart::Loss, &mut one).contains("over 1 step;"));
}

#[test]
fn after_training_the_accuracy_sentence_and_table_give_the_shares_in_whole_percent() {
    let mut t = run(Config::default(), 12);
    let m = t.metrics();
    let whole = |v: f64| format!("{:.0} %", 100.0 * v);
    let verb = if whole(m.accuracy) == "0 %" {
        "stayed at 0 %".to_string()
    } else {
        format!("rose from 0 % to {}", whole(m.accuracy))
    };
    assert_eq!(
        sentence(RunChart::Accuracy, &mut t),
        format!(
            "Training accuracy {verb} over 12 steps; test accuracy {}.",
            whole(m.test_accuracy.unwrap())
        )
    );
    let pairs = t.pair_states();
    let table = RunChart::Accuracy.table(&mut t, &pairs);
    assert_eq!(table.head, ["step", "training accuracy", "test accuracy"]);
    assert_eq!(table.rows.len(), t.history().len());
    assert_eq!(
        table.rows.last().unwrap(),
        &[
            "12".to_string(),
            whole(m.accuracy),
            whole(m.test_accuracy.unwrap())
        ]
    );
    // Without test prompts the test column says so, and the sentence leaves the test value out.
    let mut no_test = run(
        Config {
            test_fraction: 0.0,
            ..Config::default()
        },
        3,
    );
    let pairs = no_test.pair_states();
    let table = RunChart::Accuracy.table(&mut no_test, &pairs);
    assert!(table.rows.iter().all(|r| r[2] == "none"));
    assert!(!sentence(RunChart::Accuracy, &mut no_test).contains("test"));
}

#[test]
fn the_pair_charts_count_the_pairs_ranked_right() {
    let mut t = run(Config::default(), 6);
    let pairs = t.pair_states();
    let right = pairs.iter().filter(|p| p.gap > 0.0).count();
    let lo = pairs
        .iter()
        .map(|p| p.sigmoid)
        .fold(f64::INFINITY, f64::min);
    let hi = pairs
        .iter()
        .map(|p| p.sigmoid)
        .fold(f64::NEG_INFINITY, f64::max);
    assert_eq!(
        sentence(RunChart::Sigmoid, &mut t),
        format!(
            "{right} of {} pairs have σ(Δ) above ½; σ(Δ) ranges from {} to {}.",
            pairs.len(),
            three(lo),
            three(hi)
        )
    );
    let ahead = sentence(RunChart::Rewards, &mut t);
    assert!(ahead.starts_with(&format!(
        "The better response is ahead in {right} of {} pairs",
        pairs.len()
    )));
    let wrong = pairs.iter().filter(|p| p.gradient_weight > 0.5).count();
    assert!(sentence(RunChart::Pull, &mut t)
        .starts_with(&format!("{wrong} of {} pairs pull", pairs.len())));
}

#[test]
fn per_pair_tables_have_one_row_per_pair_with_its_split_and_values() {
    let mut t = run(Config::default(), 4);
    let pairs = t.pair_states();
    let table = RunChart::Sigmoid.table(&mut t, &pairs);
    assert_eq!(table.head, ["pair", "split", "Δ", "σ(Δ)"]);
    assert_eq!(table.rows.len(), pairs.len());
    for (i, (row, p)) in table.rows.iter().zip(pairs.iter()).enumerate() {
        let split = if p.test { "test" } else { "train" };
        assert_eq!(
            row,
            &[
                (i + 1).to_string(),
                split.to_string(),
                three(p.gap),
                three(p.sigmoid)
            ]
        );
    }
    let loss = RunChart::Loss.table(&mut t, &pairs);
    assert_eq!(loss.head, ["step", "training loss", "test loss"]);
    assert_eq!(loss.rows.len(), t.history().len());
    assert_eq!(loss.rows[0][..2], ["0".to_string(), "0.693".to_string()]);
}

#[test]
fn the_truth_chart_reports_how_well_learned_reward_tracks_true_quality() {
    let config = Config {
        dataset: "hidden-quality".into(),
        ..Config::default()
    };
    let mut t = run(config, 200);
    let s = sentence(RunChart::Truth, &mut t);
    let r: f64 = s
        .rsplit("r = ")
        .next()
        .unwrap()
        .trim_end_matches('.')
        .replace('\u{2212}', "-")
        .parse()
        .unwrap();
    assert!(r > 0.5, "{s}");
    let pairs = t.pair_states();
    let table = RunChart::Truth.table(&mut t, &pairs);
    assert_eq!(table.rows.len(), t.dataset().truth.len());
}

#[test]
fn each_chart_applies_only_to_runs_it_means_something_for() {
    let linear = run(Config::default(), 0);
    let mlp = run(
        Config {
            model: reward_playground::model::ModelKind::Mlp,
            dataset: "hidden-quality".into(),
            ..Config::default()
        },
        0,
    );
    let applies = |t: &Trainer| -> Vec<RunChart> {
        RunChart::ALL
            .iter()
            .copied()
            .filter(|c| c.applies(t))
            .collect()
    };
    assert!(applies(&linear).contains(&RunChart::Words));
    assert!(!applies(&linear).contains(&RunChart::Truth));
    assert!(!applies(&mlp).contains(&RunChart::Words));
    assert!(applies(&mlp).contains(&RunChart::Truth));
    assert!(
        !applies(&mlp).contains(&RunChart::Margin),
        "no built-in set has margins"
    );
}

#[test]
fn every_chart_has_its_own_id_file_and_words_and_draws_to_svg() {
    let mut ids: Vec<&str> = RunChart::ALL.iter().map(|c| c.id()).collect();
    let mut files: Vec<&str> = RunChart::ALL.iter().map(|c| c.file()).collect();
    ids.sort();
    ids.dedup();
    files.sort();
    files.dedup();
    assert_eq!(
        (ids.len(), files.len()),
        (RunChart::ALL.len(), RunChart::ALL.len())
    );
    let mut t = run(Config::default(), 3);
    for &chart in RunChart::ALL {
        assert!(chart.file().ends_with(".svg"));
        assert!(!chart.title().is_empty() && chart.caption().ends_with('.'));
        let svg = reward_playground::charts::to_svg(320, 200, |a| {
            chart.draw(a, &mut t, &Focus::FILE, &Theme::light(), Layer::All)
        })
        .unwrap();
        assert!(svg.starts_with("<svg"), "{}", chart.id());
    }
}

#[test]
fn the_page_marks_the_followed_pair_and_the_file_marks_nothing() {
    let mut t = run(Config::default(), 3);
    let draw = |t: &mut Trainer, focus: &Focus| {
        reward_playground::charts::to_svg(320, 200, |a| {
            RunChart::Sigmoid.draw(a, t, focus, &Theme::light(), Layer::All)
        })
        .unwrap()
    };
    let file = draw(&mut t, &Focus::FILE);
    let followed = draw(&mut t, &Focus::page(Some(0), &[]));
    assert_ne!(file, followed);
    assert_eq!(
        file,
        draw(&mut t, &Focus::page(None, &[])),
        "only the words differ between page and file"
    );
}

#[test]
fn the_explorer_charts_say_where_the_gap_is_marked() {
    use reward_playground::loss::explain;
    use reward_playground::views::ExplorerChart;
    let e = explain(1.5, -0.5);
    assert_eq!(
        ExplorerChart::Sigmoid.sentence(&e),
        format!(
            "The curve σ(Δ) rises from 0 to 1; marked at Δ = 2.0000, where σ = {:.4}.",
            1.0 / (1.0 + (-2.0f64).exp())
        )
    );
    assert!(ExplorerChart::Gradient.sentence(&e).ends_with(&format!(
        "where it is \u{2212}{:.4}.",
        1.0 / (1.0 + 2.0f64.exp())
    )));
    let table = ExplorerChart::Loss.table(&e);
    assert_eq!(table.head, ["Δ", "−log σ(Δ)"]);
    assert_eq!(
        table.rows.len(),
        10,
        "nine points across the axis, then the marked one"
    );
    assert_eq!(table.rows[0][0], "\u{2212}8.0000");
    assert_eq!(table.rows[9][0], "2.0000 (marked)");
    // A gap beyond ±8 widens the axis to ±16.
    // σ(−16) is too small for four decimals, so it shows in exponent form rather than as 0.
    assert_eq!(
        ExplorerChart::Log.table(&explain(8.0, -4.0)).rows[0][0],
        "1.125e-7"
    );
    assert_eq!(reward_playground::views::gap_range(12.0), (-16.0, 16.0));
}

#[test]
fn shifting_both_rewards_reports_that_the_gap_and_the_loss_stayed() {
    let s = reward_playground::views::shift_sentence((1.5, -0.5), (2.5, 0.5), 1.0, 1.0);
    assert_eq!(
        s,
        "Added 1.00: r_better 1.50 → 2.50, r_worse \u{2212}0.50 → 0.50. Δ 2.00 → 2.00, loss 0.1269 → 0.1269."
    );
    let limited = reward_playground::views::shift_sentence((7.0, 1.0), (8.0, 2.0), 5.0, 1.0);
    assert!(
        limited.starts_with("Added 1.00 (c limited to 1.00 so both stay in −8..8):"),
        "{limited}"
    );
}

#[test]
fn add_c_to_both_moves_both_rewards_within_range_or_says_what_is_wrong_with_c() {
    use reward_playground::views::shift;
    let (after, said) = shift((1.5, -0.5), " 1 ").unwrap();
    assert_eq!(after, (2.5, 0.5));
    assert!(
        said.starts_with("Added 1.00: r_better 1.50 → 2.50"),
        "{said}"
    );
    // Limited so the larger stays at 8, and each on the 0.01 grid.
    let (after, said) = shift((7.0, 1.0), "5").unwrap();
    assert_eq!(after, (8.0, 2.0));
    assert!(said.contains("(c limited to 1.00"), "{said}");
    assert_eq!(shift((0.1, -0.2), "0.333").unwrap().0, (0.43, 0.13));
    assert_eq!(
        shift((1.0, 0.0), "two"),
        Err("c must be a number, got \"two\"".to_string())
    );
}

#[test]
fn the_step_sentence_counts_in_the_right_number_and_names_pairs_once() {
    use reward_playground::views::{count, step_means};
    assert_eq!(count(1u64, "step", "steps"), "1 step");
    assert_eq!(count(0u64, "step", "steps"), "0 steps");
    assert_eq!(
        step_means(1, 1, 1, 1, true),
        "1 step = one update of the weights on a batch of 1 prompt. 1 epoch = 1 step = all 1 training prompt (1 pair) once."
    );
    assert_eq!(
        step_means(4, 14, 54, 54, false),
        "1 step = one update of the weights on a batch of 4 pairs. 1 epoch = 14 steps = all 54 training pairs once."
    );
}

#[test]
fn an_accuracy_of_zero_from_ties_says_so_and_a_trained_run_does_not() {
    use reward_playground::views::tie_note;
    let mut fresh = run(Config::default(), 0);
    let pairs = fresh.pair_states();
    assert_eq!(fresh.metrics().accuracy, 0.0);
    assert_eq!(tie_note(&pairs), Some("every pair tied"));
    let mut trained = run(Config::default(), 3);
    assert_eq!(tie_note(&trained.pair_states()), None);
    assert_eq!(tie_note(&[]), None);
}
