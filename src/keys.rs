//! The keyboard map: one table of every key the page answers (the training shortcuts and the lesson's card keys),
//! from which both the key → action lookup and the "Keyboard shortcuts" list are derived.
//!
//! Pure: the listeners, and the rule that a key typed into a field or moving a slider belongs to that element, live
//! in the page (`web::training::keys`, `web::lesson`).

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Space: play or pause.
    PlayPause,
    /// →: one step.
    Step,
    /// Shift+→: to the end of the epoch.
    Epoch,
    /// ←: rewind one step.
    Back,
    /// R: a new run from step 0.
    Reset,
    /// N: the slow step's next stage.
    NextStage,
    /// P: presentation mode on or off.
    Present,
    /// ?: show or hide the list of shortcuts.
    Help,
    /// PageDown or Alt+→ (while the lesson is open): the next card.
    NextCard,
    /// PageUp or Alt+← (while the lesson is open): the previous card.
    PreviousCard,
    /// ]: the next scene (One pair → Train → …).
    NextScene,
    /// [: the scene before.
    PreviousScene,
}

impl Action {
    /// How many cards the action moves the lesson by (`None` for the training shortcuts).
    pub fn card_step(self) -> Option<isize> {
        match self {
            Action::NextCard => Some(1),
            Action::PreviousCard => Some(-1),
            _ => None,
        }
    }

    /// How many scenes the action moves the page by (`None` for the others).
    pub fn scene_step(self) -> Option<isize> {
        match self {
            Action::NextScene => Some(1),
            Action::PreviousScene => Some(-1),
            _ => None,
        }
    }
}

/// The modifier a shortcut needs. Ctrl and ⌘ are never shortcuts: those keys stay the browser's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modifier {
    /// Neither Alt nor Shift needed. Shift is ignored (so `?` and `R` work however they are typed) unless the same
    /// key has a Shift row of its own.
    Plain,
    /// Shift held.
    Shift,
    /// Alt held (Shift ignored).
    Alt,
}

/// One row of the keyboard map.
#[derive(Clone, Copy, Debug)]
pub struct Shortcut {
    /// The keys, as `KeyboardEvent.key` spells them.
    pub keys: &'static [&'static str],
    /// The modifier the keys need.
    pub modifier: Modifier,
    /// What the keys do.
    pub action: Action,
    /// The keys as the shortcut list shows them.
    pub label: &'static str,
    /// What they do, as the shortcut list says it.
    pub does: &'static str,
}

const fn row(
    keys: &'static [&'static str],
    modifier: Modifier,
    action: Action,
    label: &'static str,
    does: &'static str,
) -> Shortcut {
    Shortcut {
        keys,
        modifier,
        action,
        label,
        does,
    }
}

/// Every key the page answers, in the order the shortcut list shows them.
pub const SHORTCUTS: &[Shortcut] = &[
    row(
        &[" "],
        Modifier::Plain,
        Action::PlayPause,
        "Space",
        "play / pause",
    ),
    row(
        &["ArrowRight"],
        Modifier::Plain,
        Action::Step,
        "→",
        "one step",
    ),
    row(
        &["ArrowRight"],
        Modifier::Shift,
        Action::Epoch,
        "Shift + →",
        "to the end of the epoch",
    ),
    row(
        &["ArrowLeft"],
        Modifier::Plain,
        Action::Back,
        "←",
        "back one step",
    ),
    row(
        &["r", "R"],
        Modifier::Plain,
        Action::Reset,
        "R",
        "reset: a new run from step 0",
    ),
    row(
        &["n", "N"],
        Modifier::Plain,
        Action::NextStage,
        "N",
        "slow step: the next stage",
    ),
    row(
        &["p", "P"],
        Modifier::Plain,
        Action::Present,
        "P",
        "presentation mode on / off",
    ),
    row(
        &["]"],
        Modifier::Plain,
        Action::NextScene,
        "]",
        "the next scene",
    ),
    row(
        &["["],
        Modifier::Plain,
        Action::PreviousScene,
        "[",
        "the scene before",
    ),
    row(
        &["?"],
        Modifier::Plain,
        Action::Help,
        "?",
        "show or hide this list",
    ),
    row(
        &["PageDown"],
        Modifier::Plain,
        Action::NextCard,
        "PageDown",
        "lesson: the next card",
    ),
    row(
        &["ArrowRight"],
        Modifier::Alt,
        Action::NextCard,
        "Alt + →",
        "lesson: the next card",
    ),
    row(
        &["PageUp"],
        Modifier::Plain,
        Action::PreviousCard,
        "PageUp",
        "lesson: the previous card",
    ),
    row(
        &["ArrowLeft"],
        Modifier::Alt,
        Action::PreviousCard,
        "Alt + ←",
        "lesson: the previous card",
    ),
];

/// The action of a key (`KeyboardEvent.key`) with Shift and Alt held or not, if it has one. (Ctrl and ⌘ are the
/// listeners' to rule out.)
pub fn action_for(key: &str, shift: bool, alt: bool) -> Option<Action> {
    let find = |modifier: Modifier| {
        SHORTCUTS
            .iter()
            .find(|s| s.modifier == modifier && s.keys.contains(&key))
            .map(|s| s.action)
    };
    if alt {
        find(Modifier::Alt)
    } else if shift {
        find(Modifier::Shift).or_else(|| find(Modifier::Plain))
    } else {
        find(Modifier::Plain)
    }
}

/// The shortcut list as the page shows it: one line per action, its keys joined by " or ", and what they do.
pub fn shortcut_list() -> Vec<(String, &'static str)> {
    let mut lines: Vec<(Action, String, &'static str)> = Vec::new();
    for s in SHORTCUTS {
        match lines.iter_mut().find(|(a, ..)| *a == s.action) {
            Some((_, label, _)) => {
                label.push_str(" or ");
                label.push_str(s.label);
            }
            None => lines.push((s.action, s.label.to_string(), s.does)),
        }
    }
    lines.into_iter().map(|(_, l, d)| (l, d)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_maps_back_to_its_action() {
        for s in SHORTCUTS {
            let (shift, alt) = match s.modifier {
                Modifier::Plain => (false, false),
                Modifier::Shift => (true, false),
                Modifier::Alt => (false, true),
            };
            for key in s.keys {
                assert_eq!(action_for(key, shift, alt), Some(s.action), "{key:?}");
            }
        }
    }

    #[test]
    fn shift_right_is_the_epoch_and_right_alone_one_step() {
        assert_eq!(action_for("ArrowRight", true, false), Some(Action::Epoch));
        assert_eq!(action_for("ArrowRight", false, false), Some(Action::Step));
    }

    #[test]
    fn shift_is_ignored_where_a_key_has_no_shift_row() {
        // `?` and capitals are typed with Shift.
        assert_eq!(action_for("?", true, false), Some(Action::Help));
        assert_eq!(action_for("R", true, false), Some(Action::Reset));
        assert_eq!(action_for(" ", true, false), Some(Action::PlayPause));
        assert_eq!(action_for("ArrowLeft", true, false), Some(Action::Back));
        assert_eq!(action_for("PageDown", true, false), Some(Action::NextCard));
    }

    #[test]
    fn alt_turns_the_lesson_cards_and_nothing_else() {
        assert_eq!(
            action_for("ArrowRight", false, true),
            Some(Action::NextCard)
        );
        assert_eq!(action_for("ArrowRight", true, true), Some(Action::NextCard));
        assert_eq!(
            action_for("ArrowLeft", false, true),
            Some(Action::PreviousCard)
        );
        for key in [" ", "r", "n", "p", "?", "PageDown", "PageUp"] {
            assert_eq!(action_for(key, false, true), None, "Alt + {key:?}");
        }
        assert_eq!(
            action_for("PageUp", false, false),
            Some(Action::PreviousCard)
        );
    }

    #[test]
    fn only_the_card_keys_move_the_lesson() {
        for s in SHORTCUTS {
            let is_card = matches!(s.action, Action::NextCard | Action::PreviousCard);
            assert_eq!(s.action.card_step().is_some(), is_card, "{:?}", s.action);
        }
        assert_eq!(Action::NextCard.card_step(), Some(1));
        assert_eq!(Action::PreviousCard.card_step(), Some(-1));
    }

    #[test]
    fn brackets_move_between_scenes_and_nothing_else_does() {
        assert_eq!(action_for("]", false, false), Some(Action::NextScene));
        assert_eq!(action_for("[", false, false), Some(Action::PreviousScene));
        assert_eq!(Action::NextScene.scene_step(), Some(1));
        assert_eq!(Action::PreviousScene.scene_step(), Some(-1));
        for s in SHORTCUTS {
            let is_scene = matches!(s.action, Action::NextScene | Action::PreviousScene);
            assert_eq!(s.action.scene_step().is_some(), is_scene, "{:?}", s.action);
        }
    }

    #[test]
    fn other_keys_do_nothing() {
        for key in ["x", "Enter", "Tab", "Escape", "ArrowUp", "Home", "End", ""] {
            assert_eq!(action_for(key, false, false), None, "{key:?}");
        }
    }

    #[test]
    fn the_list_has_one_line_per_action_in_the_tables_order() {
        let list = shortcut_list();
        let mut actions: Vec<Action> = Vec::new();
        for s in SHORTCUTS {
            if !actions.contains(&s.action) {
                actions.push(s.action);
            }
        }
        assert_eq!(list.len(), actions.len());
        assert_eq!(list.len(), 12);
        assert_eq!(list[0], ("Space".to_string(), "play / pause"));
        assert_eq!(
            list[2],
            ("Shift + →".to_string(), "to the end of the epoch")
        );
        assert!(list.contains(&("PageDown or Alt + →".to_string(), "lesson: the next card")));
        assert!(list.contains(&("PageUp or Alt + ←".to_string(), "lesson: the previous card")));
    }

    #[test]
    fn rows_of_one_action_say_the_same_thing() {
        for a in SHORTCUTS {
            for b in SHORTCUTS.iter().filter(|b| b.action == a.action) {
                assert_eq!(a.does, b.does, "{:?}", a.action);
            }
        }
    }

    #[test]
    fn no_two_rows_claim_the_same_key_and_modifier() {
        for (i, a) in SHORTCUTS.iter().enumerate() {
            for b in &SHORTCUTS[i + 1..] {
                let shared = a.keys.iter().any(|k| b.keys.contains(k));
                assert!(
                    !(shared && a.modifier == b.modifier),
                    "{:?} and {:?}",
                    a.action,
                    b.action
                );
            }
        }
    }

    #[test]
    fn letters_map_to_actions_here_a_field_keeps_them_on_the_page() {
        // The table does not know where a key was pressed: that "r" typed into a text box is the box's, and an arrow
        // on a slider the slider's, is decided by the page's listener (`belongs_to_target`), not here.
        assert_eq!(action_for("r", false, false), Some(Action::Reset));
        assert_eq!(action_for("ArrowLeft", false, false), Some(Action::Back));
    }
}
