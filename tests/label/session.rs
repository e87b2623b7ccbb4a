//! A labeling session: the seeded order and sides, the repeats, undo, and what the labels add up to.

use reward_playground::label::{builtin_set, Label, Session};

fn class() -> Session {
    Session::new(builtin_set("class").unwrap(), 7)
}

/// The label that picks the text with the higher gold score for the step shown now.
fn gold_label(s: &Session) -> Label {
    let shown = s.current().unwrap();
    let pair = &s.set().pairs[shown.pair];
    let better = pair.text(pair.reference.unwrap());
    if shown.a == better {
        Label::A
    } else {
        Label::B
    }
}

#[test]
fn the_same_seed_gives_the_same_order_and_sides_and_another_seed_does_not() {
    let shown = |seed| {
        let s = Session::new(builtin_set("class").unwrap(), seed);
        (0..s.total())
            .map(|i| {
                let x = s.shown(i).unwrap();
                (x.pair, x.a.to_string())
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(shown(7), shown(7));
    assert_ne!(shown(7), shown(8));
}

#[test]
fn every_pair_is_shown_and_five_come_back_later_with_the_sides_swapped() {
    let s = class();
    assert_eq!(s.total(), 35);
    let steps: Vec<_> = (0..s.total()).map(|i| s.shown(i).unwrap()).collect();
    let mut firsts: Vec<usize> = steps.iter().filter(|x| !x.repeat).map(|x| x.pair).collect();
    firsts.sort();
    assert_eq!(firsts, (0..30).collect::<Vec<_>>());
    let repeats: Vec<_> = steps.iter().filter(|x| x.repeat).collect();
    assert_eq!(repeats.len(), 5);
    for again in repeats {
        let first = steps
            .iter()
            .find(|x| x.pair == again.pair && !x.repeat)
            .unwrap();
        assert!(
            again.position >= first.position + 10,
            "a repeat comes well after"
        );
        assert_eq!((again.a, again.b), (first.b, first.a), "sides swapped");
    }
    let on_a_first = steps.iter().filter(|x| !x.repeat && x.a < x.b).count();
    assert!(
        (5..=25).contains(&on_a_first),
        "sides are random: {on_a_first}"
    );
}

#[test]
fn labels_count_progress_and_undo_takes_back_the_last() {
    let mut s = class();
    assert_eq!(s.progress(), (0, 35));
    let first = s.current().unwrap().pair;
    assert!(s.label(Label::A));
    assert!(s.label(Label::CantTell));
    assert_eq!(s.progress(), (2, 35));
    assert_eq!(s.undo(), Some(Label::CantTell));
    assert_eq!(s.progress(), (1, 35));
    assert_eq!(s.undo(), Some(Label::A));
    assert_eq!(s.undo(), None);
    assert_eq!(s.current().unwrap().pair, first);
    while !s.is_done() {
        s.label(Label::B);
    }
    assert!(!s.label(Label::A), "nothing to label after the last step");
    assert!(s.current().is_none());
}

#[test]
fn a_labeler_who_follows_gold_agrees_with_it_everywhere_and_with_themself() {
    let mut s = class();
    while !s.is_done() {
        let l = gold_label(&s);
        s.label(l);
    }
    let r = s.agreement_with_reference();
    assert_eq!((r.matched, r.compared), (30, 30));
    let c = s.self_consistency();
    assert_eq!((c.decided.matched, c.decided.compared, c.unsure), (5, 5, 0));
}

#[test]
fn a_labeler_who_always_says_a_contradicts_themself_on_every_repeat() {
    let mut s = class();
    while s.label(Label::A) {}
    let c = s.self_consistency();
    assert_eq!((c.decided.matched, c.decided.compared), (0, 5));
}

#[test]
fn the_labels_become_training_pairs_with_the_picked_text_as_chosen_and_skips_left_out() {
    let mut s = class();
    assert!(s.to_dataset("mine").is_none(), "no labels, no data");
    let mut picked = Vec::new();
    for i in 0..s.total() {
        let shown = s.current().unwrap();
        let label = if i % 4 == 3 {
            Label::CantTell
        } else if i % 2 == 0 {
            Label::A
        } else {
            Label::B
        };
        if !shown.repeat {
            match label {
                Label::A => picked.push((shown.a.to_string(), shown.b.to_string())),
                Label::B => picked.push((shown.b.to_string(), shown.a.to_string())),
                Label::CantTell => {}
            }
        }
        s.label(label);
    }
    let d = s.to_dataset("mine").unwrap();
    let got: Vec<(String, String)> = d
        .pairs
        .iter()
        .map(|p| (p.chosen.clone(), p.rejected.clone()))
        .collect();
    assert_eq!(
        got, picked,
        "one pair per first showing labeled A or B, in order"
    );
    assert_eq!(d.name, "mine");
}
