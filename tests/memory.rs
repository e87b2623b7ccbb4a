//! Large data: a run over thousands of words keeps its rewind exact with few snapshots, and its charts stay small.

use reward_playground::charts::{self, Layer, Theme, MAX_MARKS};
use reward_playground::data::{Dataset, Record};
use reward_playground::model::ModelKind;
use reward_playground::optim::OptimizerKind;
use reward_playground::rng::Rng;
use reward_playground::train::{Config, Trainer, SNAPSHOTS};
use reward_playground::views::{Focus, RunChart};

/// `n` pairs, four per prompt, over a vocabulary of `words` words (each appears at least once), seeded.
fn big(n: usize, words: usize, seed: u64) -> Dataset {
    let word = |i: usize| format!("w{i}");
    let mut rng = Rng::for_stream(seed, 0);
    let mut next_new = 0;
    let mut response = |rng: &mut Rng, good: bool| {
        let mut text = vec![];
        if next_new < words {
            text.push(word(next_new));
            next_new += 1;
        }
        for _ in 0..8 {
            // Words below a tenth of the vocabulary are "good": chosen responses use more of them.
            let pool = if good && rng.next_u64().is_multiple_of(3) {
                words / 10
            } else {
                words
            };
            text.push(word((rng.next_u64() % pool as u64) as usize));
        }
        text.join(" ")
    };
    let records = (0..n)
        .map(|i| Record::Pair {
            prompt: format!("prompt {}", i / 4),
            chosen: response(&mut rng, true),
            rejected: format!("{} x", response(&mut rng, false)),
            margin: None,
        })
        .collect();
    Dataset::from_records("big", "", records).expect("valid pairs")
}

fn config(model: ModelKind, optimizer: OptimizerKind) -> Config {
    Config {
        dataset: "big".into(),
        model,
        optimizer,
        lr: 0.05,
        ..Config::default()
    }
}

#[test]
fn rewinding_a_run_over_a_large_vocabulary_shows_every_step_exactly() {
    let data = big(2000, 5000, 7);
    for (model, optimizer) in [
        (ModelKind::Mlp, OptimizerKind::Adam),
        (ModelKind::Mlp, OptimizerKind::Sgd),
        (ModelKind::Linear, OptimizerKind::Adam),
    ] {
        let config = config(model, optimizer);
        let mut head = Trainer::new(config.clone(), data.clone()).unwrap();
        assert!(head.model().vocab().len() > 3000, "a large vocabulary");
        head.run(150).unwrap();
        if (model, optimizer) == (ModelKind::Mlp, OptimizerKind::Adam) {
            // 8·V weights and Adam's two moments fill the snapshot budget long before 128 snapshots.
            assert!(
                head.snapshots_kept() < SNAPSHOTS / 4,
                "{model:?} {optimizer:?}"
            );
        }
        for target in [0, 1, 37, 99, 149, 150] {
            let mut back = head.rewound(target);
            let mut straight = Trainer::new(config.clone(), data.clone()).unwrap();
            straight.run(target).unwrap();
            let what = format!("{model:?} {optimizer:?} at step {target}");
            assert_eq!(back.step_count(), target, "{what}");
            assert_eq!(back.model().params(), straight.model().params(), "{what}");
            assert_eq!(back.metrics(), straight.metrics(), "{what}");
            assert_eq!(back.pair_states(), straight.pair_states(), "{what}");
            assert_eq!(back.history(), straight.history(), "{what}");
            // And the same future from there.
            back.run(3).unwrap();
            straight.run(3).unwrap();
            assert_eq!(
                back.model().params(),
                straight.model().params(),
                "{what}, +3"
            );
        }
    }
}

#[test]
fn a_run_of_many_pairs_records_its_history_every_kth_step_and_the_csv_still_ends_at_the_current_step(
) {
    use reward_playground::train::{history_csv, record_every};
    // Each recorded step reads every pair: a small run records every step, a large one every k-th.
    assert_eq!(
        [36, 180, 2_000, 2_001, 20_000, 100_000].map(record_every),
        [1, 1, 1, 2, 16, 64]
    );
    let mut t = Trainer::new(
        config(ModelKind::Linear, OptimizerKind::Sgd),
        big(20_000, 500, 3),
    )
    .unwrap();
    t.run(100).unwrap();
    let steps: Vec<u64> = t.history().iter().map(|(s, _)| *s).collect();
    assert_eq!(steps, [0, 16, 32, 48, 64, 80, 96]);
    let gap_steps: Vec<u64> = t.gap_history().iter().map(|(s, _)| *s).collect();
    assert_eq!(gap_steps, steps);
    // The metrics of a step are those of the same step recorded every step.
    let at_48 = t.history()[3].1;
    let mut straight = Trainer::new(
        config(ModelKind::Linear, OptimizerKind::Sgd),
        big(20_000, 500, 3),
    )
    .unwrap();
    straight.run(48).unwrap();
    assert_eq!(straight.metrics(), at_48);
    let csv = history_csv(&mut t);
    assert_eq!(
        csv.lines().count(),
        1 + 7 + 1,
        "header, 7 kept steps, the current one"
    );
    assert!(csv.lines().last().unwrap().starts_with("100,"));
    // The built-in data sets record every step.
    let mut small = Trainer::from_config(Config::default()).unwrap();
    small.run(5).unwrap();
    assert_eq!(small.history().len(), 6);
}

#[test]
fn past_a_few_thousand_pairs_the_per_pair_charts_say_they_draw_a_sample() {
    let mut t = Trainer::new(
        config(ModelKind::Linear, OptimizerKind::Sgd),
        big(5000, 500, 1),
    )
    .unwrap();
    t.run(3).unwrap();
    let pairs = t.pair_states();
    let note =
        "It draws a sample: every 3rd pair (1667 of 5000) and any pair followed or in the batch.";
    for chart in [
        RunChart::Sigmoid,
        RunChart::NegLog,
        RunChart::Rewards,
        RunChart::Pull,
    ] {
        let s = chart.sentence(&mut t, &pairs);
        assert!(s.ends_with(note), "{chart:?}: {s}");
    }
    // Below the threshold nothing is left out, and the sentence says nothing of a sample.
    let mut small = Trainer::new(
        config(ModelKind::Linear, OptimizerKind::Sgd),
        big(MAX_MARKS, 500, 1),
    )
    .unwrap();
    let pairs = small.pair_states();
    assert!(!RunChart::Rewards
        .sentence(&mut small, &pairs)
        .contains("sample"));
}

#[test]
fn the_charts_of_twenty_thousand_pairs_stay_small() {
    let mut t = Trainer::new(
        config(ModelKind::Linear, OptimizerKind::Sgd),
        big(20_000, 20_000, 3),
    )
    .unwrap();
    t.run(5).unwrap();
    let theme = Theme::light();
    for &chart in RunChart::ALL {
        if !chart.applies(&t) {
            continue;
        }
        let svg = charts::to_svg(640, 360, |a| {
            chart.draw(a, &mut t, &Focus::FILE, &theme, Layer::All)
        })
        .unwrap();
        assert!(svg.len() < 1 << 20, "{chart:?}: {} bytes", svg.len());
    }
    // The sample keeps the followed pair, wherever it is.
    let dots = charts::sample_every(20_000);
    assert_eq!(dots, 10);
    let focus = Focus::page(Some(12_345), &[]);
    let marked = charts::to_svg(640, 360, |a| {
        RunChart::Rewards.draw(a, &mut t, &focus, &theme, Layer::All)
    })
    .unwrap();
    let plain = charts::to_svg(640, 360, |a| {
        RunChart::Rewards.draw(a, &mut t, &Focus::FILE, &theme, Layer::All)
    })
    .unwrap();
    assert!(marked.len() > plain.len(), "the followed pair is drawn too");
}

#[test]
fn every_step_writes_its_pair_states_into_a_block_no_reader_holds_and_never_into_one_that_is_read()
{
    let mut t = Trainer::new(
        config(ModelKind::Linear, OptimizerKind::Sgd),
        big(3000, 500, 5),
    )
    .unwrap();
    let first = t.pair_states();
    let block = std::sync::Arc::as_ptr(&first);
    // A reader holds step 0's states: step 1 must not overwrite them.
    t.step().unwrap();
    let second = t.pair_states();
    assert_ne!(std::sync::Arc::as_ptr(&second), block);
    let mut straight = Trainer::new(
        config(ModelKind::Linear, OptimizerKind::Sgd),
        big(3000, 500, 5),
    )
    .unwrap();
    assert_eq!(first, straight.pair_states(), "step 0 as it was");
    straight.step().unwrap();
    assert_eq!(second, straight.pair_states());
    // Once no one reads step 0's block, step 2 is written into it, with step 2's numbers.
    drop(first);
    t.step().unwrap();
    let third = t.pair_states();
    assert_eq!(std::sync::Arc::as_ptr(&third), block);
    straight.step().unwrap();
    assert_eq!(third, straight.pair_states());
    // Asked twice in one step, the states are the same block.
    assert!(std::sync::Arc::ptr_eq(&third, &t.pair_states()));
}
