//! The lesson panel: one card at a time beside the live page, its position in the link (`#lesson=3`), Next and
//! Previous by button or key (PageDown/PageUp, Alt+→/Alt+←), and a mark when the learner has done the card's task.

mod live;

use leptos::prelude::*;

use crate::keys::{action_for, Action};
use crate::lesson::{card_from_link, fill, LessonState, Panel, Piece, Snapshot, Value, CARDS};
use crate::web::explorer::state::Explorer;
use crate::web::hash;
use crate::web::training::state::Training;

use live::{apply_setup, scroll_to, snapshot, written};

/// The hash key that holds the open card (1-based); absent while the lesson is closed.
const KEY: &str = "lesson";

/// Which card is open (`None`: free play), shared by the Lesson button and the panel.
#[derive(Clone, Copy)]
pub struct Lesson {
    /// The open card's index.
    pub card: RwSignal<Option<usize>>,
    /// The card to reopen at.
    last: RwSignal<usize>,
}

impl Lesson {
    /// The lesson as the link says: open at its card if the hash has `lesson=N`.
    pub fn from_link() -> Lesson {
        let card = hash::read().get(KEY).and_then(card_from_link);
        Lesson {
            card: RwSignal::new(card),
            last: RwSignal::new(card.unwrap_or(0)),
        }
    }

    /// Opens the lesson at the last card seen, or closes it.
    pub fn toggle(&self) {
        match self.card.get_untracked() {
            Some(i) => {
                self.last.set(i);
                self.card.set(None);
            }
            None => self.card.set(Some(self.last.get_untracked())),
        }
    }

    /// Moves by `by` cards (staying inside the lesson).
    fn go(&self, by: isize) {
        if let Some(i) = self.card.get_untracked() {
            let next = i.saturating_add_signed(by).min(CARDS.len() - 1);
            if next != i {
                self.card.set(Some(next));
            }
        }
    }
}

/// The button near the top that opens the lesson and closes it back to free play.
#[component]
pub fn LessonToggle() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    view! {
        <button type="button" class="lesson-toggle" data-testid="lesson-toggle"
            aria-pressed=move || if lesson.card.get().is_some() { "true" } else { "false" }
            on:click=move |_| lesson.toggle()>
            {move || if lesson.card.get().is_some() { "Back to free play" } else { "Lesson" }}
        </button>
    }
}

/// The open card, docked beside the page (a bottom sheet on narrow screens).
#[component]
pub fn LessonPanel() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let explorer = expect_context::<Explorer>();
    let training = expect_context::<Training>();
    let now = Memo::new(move |_| snapshot(explorer, training));
    // The snapshot right after the open card's setup, tagged with the card's index.
    let open = RwSignal::new(None::<(usize, Snapshot)>);
    let done = RwSignal::new(None::<usize>);
    let shown_panel = StoredValue::new(None::<Panel>);

    // Opening a card: set up what it talks about, remember the page as it then is, keep the position in the link.
    Effect::new(move |_| {
        let card = lesson.card.get();
        untrack(|| {
            done.set(None);
            match card {
                Some(i) => {
                    let c = &CARDS[i];
                    apply_setup(c.setup, explorer, training);
                    open.set(Some((i, snapshot(explorer, training))));
                    if shown_panel.get_value() != Some(c.panel) {
                        shown_panel.set_value(Some(c.panel));
                        scroll_to(c.panel);
                    }
                    hash::set(KEY, Some(&(i + 1).to_string()));
                }
                None => {
                    open.set(None);
                    shown_panel.set_value(None);
                    hash::set(KEY, None);
                }
            }
        });
    });
    // Done once the card's check holds on the live page.
    Effect::new(move |_| {
        let (Some(i), Some((at, start))) = (lesson.card.get(), open.get()) else {
            return;
        };
        let now = now.get();
        if at == i && done.get_untracked() != Some(i) {
            let state = LessonState { open: start, now };
            if (CARDS[i].done)(&state) {
                done.set(Some(i));
            }
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if lesson.card.get_untracked().is_none()
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.default_prevented()
        {
            return;
        }
        // PageDown/PageUp, Alt+→/Alt+← (the core's keyboard map).
        let Some(by) =
            action_for(&ev.key(), ev.shift_key(), ev.alt_key()).and_then(Action::card_step)
        else {
            return;
        };
        // The same rule as the training shortcuts: never while typing or moving a slider.
        if crate::web::training::shortcuts::belongs_to_target(ev.target(), &ev.key()) {
            return;
        }
        ev.prevent_default();
        lesson.go(by);
    });
    on_cleanup(move || keys.remove());
    // The link may also be edited by hand.
    let link = window_event_listener(leptos::ev::hashchange, move |_| {
        let card = hash::read().get(KEY).and_then(card_from_link);
        if card != lesson.card.get_untracked() {
            lesson.card.set(card);
        }
    });
    on_cleanup(move || link.remove());

    let pieces = move |template: &'static str| {
        fill(template, &now.get())
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => view! { <span>{t}</span> }.into_any(),
                Piece::Live(q, v) => view! {
                    <b class=if matches!(v, Value::Word(_)) { "live word" } else { "live" }
                        data-testid=format!("lesson-q-{}", q.name())>{written(v)}</b>
                }
                .into_any(),
            })
            .collect_view()
    };
    let total = CARDS.len();
    view! {
        {move || lesson.card.get().map(|i| {
            let c = &CARDS[i];
            let is_done = move || done.get() == Some(i);
            let last = i + 1 == total;
            view! {
                <aside class="lesson" aria-labelledby="lesson-title" data-testid="lesson">
                    <div class="lesson-head">
                        <span data-testid="lesson-progress">{format!("Card {} of {total}", i + 1)}</span>
                        <progress max=total value=i + 1 aria-label="Lesson progress"></progress>
                    </div>
                    <h2 id="lesson-title" data-testid="lesson-title">{c.title}</h2>
                    <p class="lesson-body" data-testid="lesson-body">{move || pieces(c.body)}</p>
                    <p class="lesson-task" data-testid="lesson-task">
                        <b>"Your turn: "</b>{move || pieces(c.task)}
                    </p>
                    <p class="lesson-status" role="status" data-testid="lesson-status"
                        data-done=move || if is_done() { "true" } else { "false" }>
                        {move || if is_done() { "✓ Done." } else { "Not done yet." }}
                    </p>
                    <div class="lesson-nav">
                        <button type="button" data-testid="lesson-prev" disabled=i == 0
                            title="Previous card (PageUp or Alt+←)" on:click=move |_| lesson.go(-1)>
                            "← Previous"
                        </button>
                        <button type="button" data-testid="lesson-close" on:click=move |_| lesson.toggle()>
                            "Free play"
                        </button>
                        <button type="button" class="primary" data-testid="lesson-next" disabled=last
                            title="Next card (PageDown or Alt+→)" on:click=move |_| lesson.go(1)>
                            "Next →"
                        </button>
                    </div>
                </aside>
            }
        })}
    }
}
