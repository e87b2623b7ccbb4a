//! What the page needs from each card beyond its check: the control it points at, the play speed while it is open,
//! why it is not done yet, whether it replaces the learner's run, and words that match the page's.

use super::tests::{after_setup, done, view};
use super::*;
use crate::settings::{DEFAULT_SPEED, SPEEDS};
use crate::train::Trainer;

/// The `data-testid`s of the "One pair" scene a card may point at.
const EXPLORER_IDS: [&str; 10] = [
    "r-better-slider",
    "r-worse-slider",
    "r-better-input",
    "shift-c",
    "shift-apply",
    "chart-sigmoid",
    "chart-log",
    "chart-loss",
    "chart-gradient",
    "loss",
];

/// The `data-testid`s of the "Train" scene a card may point at.
const TRAINING_IDS: [&str; 24] = [
    "step",
    "play",
    "epoch",
    "train-reset",
    "explain",
    "normalize",
    "speed",
    "rewind",
    "set-grouping",
    "set-loss",
    "set-dataset",
    "set-lr",
    "step-count",
    "train-loss",
    "train-accuracy",
    "live-sigmoid",
    "live-neglog",
    "live-gaps",
    "live-loss",
    "live-accuracy",
    "live-words",
    "live-rewards",
    "live-weights",
    "pair-select",
];

/// The `data-testid`s of the "Label" scene a card may point at.
const LABEL_IDS: [&str; 6] = [
    "label-a",
    "label-b",
    "label-progress",
    "label-train",
    "class-examples",
    "class-read",
];

/// The `data-testid`s of the "Use the model" scene a card may point at.
const USE_IDS: [&str; 7] = [
    "use-n",
    "use-beta",
    "use-gold-proxy",
    "use-play",
    "use-bon-gold",
    "use-kl-gold",
    "use-prompt",
];

/// `card`'s reason on `now`, checked against its `done` (which must be false).
fn why(card: &Card, open: &Snapshot, now: &Snapshot) -> String {
    assert!(!done(card, open, now), "{}: done", card.title);
    card.why_not(&LessonState {
        open: open.clone(),
        now: now.clone(),
    })
    .unwrap()
}

/// The reason of card `index` right after its setup, and after `change`.
fn why_after(index: usize, change: impl Fn(&mut Snapshot)) -> (String, String) {
    let card = &CARDS[index];
    let (open, _) = after_setup(card);
    let mut now = open.clone();
    change(&mut now);
    (why(card, &open, &open), why(card, &open, &now))
}

#[test]
fn every_card_points_at_a_control_or_chart_of_its_own_scene() {
    for card in &CARDS {
        let ids: &[&str] = match card.panel {
            Panel::Explorer => &EXPLORER_IDS,
            Panel::Training => &TRAINING_IDS,
            Panel::Label => &LABEL_IDS,
            Panel::Use => &USE_IDS,
        };
        assert!(
            ids.contains(&card.target),
            "{}: {}",
            card.title,
            card.target
        );
    }
}

#[test]
fn only_cards_that_watch_training_set_a_pace_and_it_is_one_of_the_page_speeds() {
    for card in &CARDS {
        if let Some(pace) = card.pace {
            assert_eq!(card.panel, Panel::Training, "{}", card.title);
            assert!(
                pace.is_finite() && SPEEDS.contains(&pace),
                "{}: {pace}",
                card.title
            );
        }
    }
    assert!(CARDS[8].pace.is_some() && CARDS[10].pace.is_some());
}

/// Steps from `t` until `reached` holds (at most 1000).
fn steps_until(t: &mut Trainer, reached: impl Fn(&TrainingView) -> bool) -> u64 {
    let start = t.metrics().step;
    while !reached(&view(t)) {
        assert!(t.metrics().step - start < 1000);
        t.step().unwrap();
    }
    t.metrics().step - start
}

#[test]
fn the_gaps_card_plays_slowly_enough_to_watch_every_pair_turn_right() {
    let card = &CARDS[8];
    let pace = card.pace.unwrap();
    // From a fresh run, and from the run the previous card leaves after its one step.
    for before in [0, 1] {
        let (_, mut t) = after_setup(card);
        t.run(before).unwrap();
        let steps = steps_until(&mut t, |v| v.metrics.accuracy >= 1.0);
        // At the default speed it is over in a blink; at the card's pace it takes seconds.
        assert!(steps as f64 / DEFAULT_SPEED < 1.0, "{steps} steps");
        let seconds = steps as f64 / pace;
        assert!((3.0..=30.0).contains(&seconds), "{seconds} s");
    }
}

#[test]
fn the_noisy_card_reaches_twenty_epochs_in_seconds_at_its_pace() {
    let card = &CARDS[10];
    let (_, mut t) = after_setup(card);
    let steps = steps_until(&mut t, |v| v.metrics.epoch >= 20.0);
    let seconds = steps as f64 / card.pace.unwrap();
    assert!((3.0..=30.0).contains(&seconds), "{seconds} s");
}

#[test]
fn the_reward_cards_say_which_reward_to_move_and_where_the_gap_must_go() {
    let (open, worse) = why_after(0, |s| s.worse = 0.0);
    assert_eq!(open, "r_better is still 1.50, where the card set it.");
    assert_eq!(
        worse,
        "You moved r_worse; r_better is still 1.50. Move r_better."
    );

    let (open, tie) = why_after(1, |s| s.better = 1.0);
    assert_eq!(
        open,
        "Δ is still −1.50; it must be above 0: r_better over r_worse."
    );
    assert_eq!(
        tie,
        "Δ is 0.00, a tie; it must be above 0: r_better over r_worse."
    );
    let (_, moved) = why_after(1, |s| s.better = 0.5);
    assert_eq!(
        moved,
        "Δ is −0.50; it must be above 0: r_better over r_worse."
    );

    let (open, tie) = why_after(3, |s| s.better = 0.0);
    assert_eq!(
        open,
        "Δ is still 2.00; it must be below 0: r_better under r_worse."
    );
    assert!(
        tie.starts_with("Δ is 0.00, a tie; it must be below 0"),
        "{tie}"
    );
}

#[test]
fn the_curve_cards_quote_the_value_and_the_gap_it_takes() {
    let (open, near) = why_after(2, |s| s.better = 0.5 + 2.197);
    assert_eq!(
        open,
        "σ(Δ) is 0.5000 at Δ = 0.00; it reaches 0.9 once Δ is at least ln 9 ≈ 2.197."
    );
    // σ(2.197) = 0.899980 would read "0.9000", the goal, with four decimals.
    assert!(near.starts_with("σ(Δ) is 0.89998 at Δ = 2.20;"), "{near}");

    let (open, near) = why_after(4, |s| s.better = 2.97);
    assert_eq!(
        open,
        "The loss is 0.6931 at Δ = 0.00; it must be below 0.05, which takes Δ above 2.971."
    );
    // The loss at Δ = 2.97 is 0.050030: "0.0500" would look done.
    assert!(
        near.starts_with("The loss is 0.05003 at Δ = 2.97;"),
        "{near}"
    );

    let (open, _) = why_after(6, |_| {});
    assert_eq!(
        open,
        "The pull σ(−Δ) is 0.8808 at Δ = −2.00; it must be below 0.01, which takes Δ above ln 99 ≈ 4.595."
    );
}

#[test]
fn the_shift_card_says_that_c_zero_moves_nothing_and_that_one_slider_changed_the_gap() {
    let card = &CARDS[5];
    let (open, _) = after_setup(card);
    // "Add c to both" with c = 0: the rewards stay, so nothing is done.
    let nothing = why(card, &open, &open);
    assert_eq!(
        nothing,
        "Nothing moved: r_better is still 1.00 and r_worse −1.00. With c = 0, \"Add c to both\" moves nothing; \
         type another c and press it."
    );
    // A slider moved r_better alone, then c = 2 was added to both: Δ is no longer the card's.
    let mut now = open.clone();
    now.better += 1.0;
    (now.better, now.worse) = (now.better + 2.0, now.worse + 2.0);
    let one = why(card, &open, &now);
    assert!(
        one.starts_with("Δ is 3.00, not 2.00: a slider moved one reward on its own."),
        "{one}"
    );
    now.better -= 1.0;
    assert!(done(card, &open, &now));
}

#[test]
fn the_training_cards_say_how_far_the_run_still_has_to_go() {
    let (open, _) = why_after(7, |_| {});
    assert_eq!(open, "The run is still at step 0: press Step once.");

    // The gaps card: the count of pairs not yet ranked right, down to the last one.
    let card = &CARDS[8];
    let (start, mut t) = after_setup(card);
    let pairs = start.training.train_pairs;
    assert_eq!(
        why(card, &start, &start),
        format!("{pairs} of {pairs} training pairs are not ranked right yet (accuracy 0.0 % at step 0): keep playing.")
    );
    let mut now = start.clone();
    while now.training.metrics.accuracy * pairs as f64 + 1.5 < pairs as f64 {
        t.step().unwrap();
        now.training = view(&mut t);
    }
    let last = why(card, &start, &now);
    assert!(
        last.starts_with(&format!(
            "1 of {pairs} training pairs is not ranked right yet"
        )),
        "{last}"
    );

    let (open, _) = why_after(9, |_| {});
    assert_eq!(
        open,
        "\"Batch elements\" is still one prompt with all of its pairs: choose \"shuffled pairs\"."
    );

    let card = &CARDS[10];
    let (start, _) = after_setup(card);
    let left = 20 * start.training.steps_per_epoch;
    assert_eq!(
        why(card, &start, &start),
        format!("The run is at epoch 0.00; {left} more steps reach epoch 20: keep playing.")
    );

    let card = &CARDS[11];
    let (start, _) = after_setup(card);
    let mean = why(card, &start, &start);
    assert!(
        mean.starts_with("The better answers' rewards average ") && mean.contains(", not 0"),
        "{mean}"
    );
    let mut t = Trainer::from_config(Setup::config("helpfulness", Grouping::Prompts)).unwrap();
    let now = Snapshot {
        training: view(&mut t),
        ..start.clone()
    };
    assert!(why(card, &start, &now).starts_with("The run is at step 0"));
}

#[test]
fn the_label_cards_say_how_many_labels_or_labelers_are_still_missing() {
    let (open, _) = why_after(12, |_| {});
    assert_eq!(
        open,
        "No pair labeled yet: pick the better answer of the pair shown."
    );
    let (_, some) = why_after(12, |s| s.label.given = 4);
    assert_eq!(some, "4 labeled; 6 more to go.");
    let (open, decided) = why_after(13, |s| s.label.decided = 7);
    assert!(open.starts_with("No pair is labeled A or B yet"), "{open}");
    assert!(
        decided.starts_with("7 pairs are labeled A or B"),
        "{decided}"
    );
    let (open, _) = why_after(14, |_| {});
    assert_eq!(
        open,
        "0 of the 3 labelers read: paste codes and press \"Read codes\", or add the examples."
    );
}

#[test]
fn the_use_cards_say_what_n_or_beta_still_needs() {
    let (open, _) = why_after(15, |_| {});
    assert_eq!(open, "n is 1: raise it to 16.");
    let (open, _) = why_after(16, |_| {});
    assert_eq!(open, "β is 100: lower it to 1 or below.");
    let card = &CARDS[17];
    let (start, _) = after_setup(card);
    let peak = start.policy.numbers.unwrap().best_of_n_peak_n;
    let mut at_peak = start.clone();
    at_peak.policy.n = peak;
    assert_eq!(
        why(card, &start, &at_peak),
        format!("n = {peak} is not past the peak at n = {peak}: raise n.")
    );
    at_peak.policy.numbers = None;
    assert!(why(card, &start, &at_peak).starts_with("The scene has no numbers for this model yet"));
    // Only the Use cards set n and β.
    for card in &CARDS {
        assert_eq!(
            card.policy.is_some(),
            card.panel == Panel::Use,
            "{}",
            card.title
        );
    }
}

#[test]
fn only_run_setups_replace_the_learners_run_and_keeping_it_keeps_the_data_set() {
    let fresh: Vec<usize> = (0..CARDS.len())
        .filter(|&i| CARDS[i].needs_fresh_run())
        .collect();
    assert_eq!(fresh, vec![7, 9, 10, 11, 15]);
    for card in &CARDS {
        let kept = card.setup.kept();
        match card.setup {
            Setup::Run { dataset, .. } => assert_eq!(kept, Setup::Keep { dataset }),
            other => assert_eq!(kept, other),
        }
        assert!(!matches!(kept, Setup::Run { .. }));
        assert_eq!(kept.kept(), kept);
    }
}

#[test]
fn the_cards_call_the_loss_parts_parts_and_the_rewards_r_better_and_r_worse() {
    let titles: Vec<&str> = CARDS[2..5].iter().map(|c| c.title).collect();
    assert_eq!(
        titles,
        [
            "Part 1: the sigmoid",
            "Part 2: the log",
            "Part 3: times −1, the loss"
        ]
    );
    for card in &CARDS {
        for text in [card.title, card.body, card.task] {
            for word in ["Step 1", "Step 2", "Step 3", "r_chosen", "r_rejected"] {
                assert!(!text.contains(word), "{}: {word}", card.title);
            }
        }
    }
    assert!(CARDS[3].body.contains("the Part 2 chart"));
}
