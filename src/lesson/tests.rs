//! Each card's check fires on the state it asks for, and not before; templates quote only live quantities.

use super::*;
use crate::train::Trainer;

pub(super) fn view(t: &mut Trainer) -> TrainingView {
    let units = t.train_units().len();
    let pairs = t.train_units().iter().map(Vec::len).sum();
    let config = t.config().clone();
    TrainingView::new(
        &config,
        t.metrics(),
        &t.pair_states(),
        t.steps_per_epoch(),
        units,
        pairs,
    )
}

/// What the "Use the model" scene shows at `n` and `beta` for `t`'s model, computed as the page does: `None` numbers
/// for a data set without a pool or a model that knows none of its words.
pub(super) fn policy_view(t: &Trainer, n: u64, beta: f64) -> PolicyView {
    let numbers = crate::policy::builtin_pool(&t.config().dataset, t.config().seed)
        .ok()
        .and_then(|pool| {
            let ids = pool.encode(t.model());
            (crate::policy::known_in(&ids) > 0).then(|| {
                let rewards = crate::policy::rewards_of(t.model(), &ids);
                let opt = crate::policy::Optimization::new(&pool, &rewards);
                PolicyNumbers::new(&opt, n, beta)
            })?
        });
    PolicyView { n, beta, numbers }
}

/// The page as a card leaves it after its setup, from the explorer's opening rewards and a fresh default run.
pub(super) fn after_setup(card: &Card) -> (Snapshot, Trainer) {
    let (mut better, mut worse) = (1.5, -0.5);
    let mut t = Trainer::from_config(Config::default()).unwrap();
    match card.setup {
        Setup::Rewards(b, w) => (better, worse) = (b, w),
        Setup::Run {
            dataset,
            grouping,
            steps,
        } => {
            t = Trainer::from_config(Setup::config(dataset, grouping)).unwrap();
            t.run(steps).unwrap();
        }
        Setup::Nothing => {}
        Setup::Keep { dataset } => {
            t = Trainer::from_config(Setup::config(dataset, Grouping::Prompts)).unwrap();
            // A learner who comes from the card before brings a trained run.
            if card.panel == Panel::Use {
                t.run(40).unwrap();
            }
        }
    }
    let training = view(&mut t);
    let defaults = PolicyView::default();
    let (n, beta) = card.policy.unwrap_or((defaults.n, defaults.beta));
    let policy = policy_view(&t, n, beta);
    (
        Snapshot {
            better,
            worse,
            training,
            policy,
            label: LabelView::default(),
        },
        t,
    )
}

/// Whether `card` is done, checking that [`Card::why_not`] gives a reason exactly when it is not.
pub(super) fn done(card: &Card, open: &Snapshot, now: &Snapshot) -> bool {
    let state = LessonState {
        open: open.clone(),
        now: now.clone(),
    };
    let done = (card.done)(&state);
    let why = card.why_not(&state);
    assert_eq!(why.is_none(), done, "{}: {why:?}", card.title);
    assert!(why.is_none_or(|w| !w.is_empty()), "{}", card.title);
    done
}

/// Checks that `card` is not done right after its setup, not done after `almost`, and done after `did`.
fn check(index: usize, almost: impl Fn(&mut Snapshot), did: impl Fn(&mut Snapshot)) {
    let card = &CARDS[index];
    let (open, _) = after_setup(card);
    assert!(
        !done(card, &open, &open),
        "{}: done before anything",
        card.title
    );
    let mut near = open.clone();
    almost(&mut near);
    assert!(!done(card, &open, &near), "{}: done too early", card.title);
    let mut now = open.clone();
    did(&mut now);
    assert!(done(card, &open, &now), "{}: not done", card.title);
}

#[test]
fn the_explorer_cards_fire_on_what_they_ask_and_not_before() {
    check(0, |s| s.worse = 1.0, |s| s.better = 2.0);
    check(1, |s| s.better = 0.9, |s| s.better = 1.5);
    check(2, |s| (s.better, s.worse) = (2.6, 0.5), |s| s.better = 2.7);
    check(3, |s| s.worse = 1.9, |s| s.worse = 2.5);
    check(4, |s| s.better = 2.9, |s| s.better = 3.0);
    check(5, |s| s.better += 1.0, |s| (s.better, s.worse) = (2.0, 0.0));
    check(
        6,
        |s| (s.better, s.worse) = (2.5, -2.0),
        |s| (s.better, s.worse) = (3.0, -2.0),
    );
}

#[test]
fn a_step_marks_the_first_training_card_done() {
    let card = &CARDS[7];
    let (open, mut t) = after_setup(card);
    assert_eq!(open.training.step, 0);
    assert!(!done(card, &open, &open));
    t.step().unwrap();
    let now = Snapshot {
        training: view(&mut t),
        ..open.clone()
    };
    assert!(done(card, &open, &now));
}

#[test]
fn the_gaps_card_is_done_only_once_every_training_pair_is_ranked_right() {
    let card = &CARDS[8];
    let (open, mut t) = after_setup(card);
    let mut now = open.clone();
    let mut fired_at = None;
    for _ in 0..200 {
        let accuracy = now.training.metrics.accuracy;
        assert_eq!(done(card, &open, &now), accuracy >= 1.0);
        if accuracy >= 1.0 {
            fired_at = Some(now.training.step);
            break;
        }
        t.step().unwrap();
        now.training = view(&mut t);
    }
    assert!(fired_at.is_some_and(|s| s > 0), "{fired_at:?}");
}

#[test]
fn switching_to_shuffled_pairs_marks_the_rankings_card_done() {
    let card = &CARDS[9];
    let (open, _) = after_setup(card);
    assert!(!done(card, &open, &open));
    let mut t = Trainer::from_config(Setup::config("helpfulness", Grouping::Pairs)).unwrap();
    let now = Snapshot {
        training: view(&mut t),
        ..open.clone()
    };
    assert!(now.training.steps_per_epoch > open.training.steps_per_epoch);
    assert!(done(card, &open, &now));
}

#[test]
fn the_noisy_card_waits_for_twenty_epochs_and_accuracy_stays_far_below_100() {
    let card = &CARDS[10];
    let (open, mut t) = after_setup(card);
    let per_epoch = open.training.steps_per_epoch;
    t.run(20 * per_epoch - 1).unwrap();
    let mut now = Snapshot {
        training: view(&mut t),
        ..open.clone()
    };
    assert!(!done(card, &open, &now));
    t.step().unwrap();
    now.training = view(&mut t);
    assert!(done(card, &open, &now));
    assert!(
        now.training.metrics.accuracy < 0.8,
        "{}",
        now.training.metrics.accuracy
    );
}

#[test]
fn normalizing_marks_the_last_card_done_and_keeps_the_loss() {
    let card = &CARDS[11];
    let (open, mut t) = after_setup(card);
    assert_eq!(open.training.step, 10);
    assert!(open.training.chosen_mean.abs() > 1e-3);
    assert!(!done(card, &open, &open));
    t.normalize_rewards();
    let now = Snapshot {
        training: view(&mut t),
        ..open.clone()
    };
    assert!(done(card, &open, &now));
    assert!((now.training.metrics.loss - open.training.metrics.loss).abs() < 1e-12);
}

#[test]
fn every_placeholder_names_a_live_quantity() {
    let (snapshot, _) = after_setup(&CARDS[0]);
    for card in &CARDS {
        for template in [card.body, card.task] {
            for piece in fill(template, &snapshot) {
                if let Piece::Text(t) = piece {
                    assert!(!t.contains('{') && !t.contains('}'), "{}: {t}", card.title);
                }
            }
        }
    }
}

#[test]
fn fill_quotes_the_live_numbers() {
    let (mut s, _) = after_setup(&CARDS[4]);
    s.better = 3.0;
    let pieces = fill("loss {loss} at {gap}, {nope} {", &s);
    assert_eq!(
        pieces,
        vec![
            Piece::Text("loss ".into()),
            Piece::Live(Quantity::Loss, Value::Four(crate::loss::bt_loss(3.0))),
            Piece::Text(" at ".into()),
            Piece::Live(Quantity::Gap, Value::Reward(3.0)),
            Piece::Text(", {nope} {".into()),
        ]
    );
    for (name, q) in Quantity::ALL {
        assert_eq!(q.name(), name);
    }
}

#[test]
fn the_link_names_a_card_from_one() {
    assert_eq!(card_from_link("1"), Some(0));
    assert_eq!(card_from_link(" 3 "), Some(2));
    assert_eq!(card_from_link("0"), Some(0));
    assert_eq!(card_from_link("999"), Some(CARDS.len() - 1));
    assert_eq!(card_from_link("two"), None);
    assert_eq!(card_from_link("-1"), None);
}

#[test]
fn the_gap_card_says_what_the_sign_of_the_gap_means_now() {
    let (mut s, _) = after_setup(&CARDS[1]);
    let reading = |s: &Snapshot| match Quantity::GapReading.value(s) {
        Value::Word(w) => w,
        other => panic!("{other:?}"),
    };
    assert!(
        reading(&s).starts_with("negative"),
        "the card opens on Δ < 0"
    );
    s.better = 2.0;
    assert!(
        reading(&s).starts_with("positive, so the model now ranks this pair the right way round")
    );
    s.better = s.worse;
    assert!(reading(&s).starts_with("0, a tie"));
}

#[test]
fn the_use_cards_fire_on_n_raised_and_beta_lowered() {
    let with =
        |s: &mut Snapshot, t: &Trainer, n: u64, beta: f64| s.policy = policy_view(t, n, beta);
    let (open, t) = after_setup(&CARDS[15]);
    assert_eq!((open.policy.n, open.policy.beta), (1, 100.0));
    let n_raised = &CARDS[15];
    let mut now = open.clone();
    with(&mut now, &t, 8, 100.0);
    assert!(!done(n_raised, &open, &now));
    with(&mut now, &t, 16, 100.0);
    assert!(done(n_raised, &open, &now));

    let (open, t) = after_setup(&CARDS[16]);
    let beta_lowered = &CARDS[16];
    let mut now = open.clone();
    with(&mut now, &t, 16, 1.58);
    assert!(!done(beta_lowered, &open, &now));
    with(&mut now, &t, 16, 1.0);
    assert!(done(beta_lowered, &open, &now));
}

#[test]
fn the_over_optimization_card_fires_once_n_is_past_the_gold_peak_and_gold_fell() {
    let card = &CARDS[17];
    let (open, t) = after_setup(card);
    let peak = open.policy.numbers.unwrap().best_of_n_peak_n;
    // The lesson's run peaks inside the range of n, so the task can be done.
    assert!(peak > 1 && peak < 1024, "gold peaks at n = {peak}");
    let mut now = open.clone();
    now.policy = policy_view(&t, peak, 1.0);
    assert!(!done(card, &open, &now));
    now.policy = policy_view(&t, peak * 2, 1.0);
    let p = now.policy.numbers.unwrap();
    assert!(p.best_of_n.gold < p.best_of_n_peak.gold);
    assert!(p.best_of_n.proxy > p.best_of_n_peak.proxy);
    assert!(done(card, &open, &now));
    // Without numbers (a model that knows none of the pool's words) the card is not done, and says what to do.
    now.policy.numbers = None;
    assert!(!done(card, &open, &now));
    // A fresh model scores every answer alike: rounding noise in gold is no peak, at any n.
    let fresh = Trainer::from_config(Setup::config("padding", Grouping::Prompts)).unwrap();
    for n in [16, 1024] {
        now.policy = policy_view(&fresh, n, 1.0);
        assert!(now.policy.numbers.unwrap().flat);
        assert!(!done(card, &open, &now), "n = {n}");
    }
}

#[test]
fn the_use_cards_quote_the_scenes_numbers_as_its_table_writes_them() {
    let (s, _) = after_setup(&CARDS[15]);
    let p = s.policy.numbers.unwrap();
    // n = 1 is π_ref: no gain at all.
    assert_eq!(p.best_of_n, Gains::default());
    assert_eq!(Quantity::N.value(&s), Value::Count(1));
    assert_eq!(Quantity::BonGold.value(&s), Value::Gain(0.0));
    assert_eq!(Quantity::Beta.value(&s), Value::Beta(100.0));
    let mut pending = s.clone();
    pending.policy.numbers = None;
    assert_eq!(Quantity::BonPeakN.value(&pending), Value::Pending);
    assert_eq!(Quantity::N.value(&pending), Value::Count(1));
}

#[test]
fn the_label_cards_fire_on_ten_labels_a_run_on_them_and_three_labelers() {
    let (open, _) = after_setup(&CARDS[12]);
    let card = &CARDS[12];
    let mut now = open.clone();
    now.label.given = 9;
    assert!(!done(card, &open, &now));
    now.label.given = 10;
    assert!(done(card, &open, &now));

    let card = &CARDS[13];
    now.label.decided = 8;
    assert!(!done(card, &open, &now));
    now.label.trained_on_current = true;
    assert!(done(card, &open, &now));

    let card = &CARDS[14];
    now.label.class_labelers = 2;
    now.label.class_agreement = Some(0.8);
    assert!(!done(card, &open, &now));
    now.label.class_labelers = 3;
    now.label.class_agreement = None;
    assert!(!done(card, &open, &now), "no common pair: no agreement yet");
    now.label.class_agreement = Some(0.7);
    assert!(done(card, &open, &now));
}
