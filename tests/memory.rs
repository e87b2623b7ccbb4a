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
