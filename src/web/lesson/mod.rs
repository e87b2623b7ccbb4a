//! The lesson panel: one card at a time beside the scene it talks about, its position in the link (`#lesson=3`),
//! Next and Previous by button or key (PageDown/PageUp, Alt+→/Alt+←), and a mark when the learner has done the
//! card's task, kept in the browser's local storage.
//!
//! Opening a card shows its scene and outlines the control or chart its task is about. Its setup (rewards, a fresh
//! run, a slow pace) applies when the learner moves forward to a card not done yet; going back, or to a card done
//! before, leaves the page as the learner left it. A card that starts a fresh run offers to keep the learner's.

mod live;

use leptos::prelude::*;

use crate::keys::{action_for, Action};
use crate::lesson::{
    card_from_link, done_marks_from_text, done_marks_to_text, fill, LessonState, Piece, Snapshot,
    Value, CARDS,
};
use crate::scene::{TrainView, MAIN_CHOICES};
use crate::train::Session;
use crate::views::RunChart;
use crate::web::hash;
use crate::web::page::SharePage;

use live::{written, Live};

/// The hash key that holds the open card (1-based); absent while the lesson is closed.
const KEY: &str = "lesson";

/// The local-storage key of the cards done (`1.2.5`).
const MARKS: &str = "reward-playground.lesson-done";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The cards marked done in this browser.
fn load_marks() -> Vec<bool> {
    let text = storage()
        .and_then(|s| s.get_item(MARKS).ok().flatten())
        .unwrap_or_default();
    done_marks_from_text(&text)
}

fn save_marks(marks: &[bool]) {
    if let Some(s) = storage() {
        // A browser that refuses storage (private mode, full) only loses the marks at the next visit.
        let _ = s.set_item(MARKS, &done_marks_to_text(marks));
    }
}

/// Brings the Train scene's chart with test id `target` on screen: a chart with a dot per pair becomes the large
/// one, a chart the stage does not show opens the view of every chart; the others are always on the stage.
fn show_chart(page: SharePage, target: &str) {
    let Some(chart) = RunChart::ALL.iter().copied().find(|c| c.id() == target) else {
        return;
    };
    if MAIN_CHOICES.contains(&chart) {
        page.view.set(TrainView::Stage(chart));
    } else if !matches!(chart, RunChart::Loss | RunChart::Accuracy | RunChart::Words) {
        page.view.set(TrainView::All);
    }
}

/// Outlines the element whose test id is `target` (and no other), opening the side-column tab it sits in and
/// scrolling it into view only if it is not; `None` removes the outline.
fn point_at(target: Option<&'static str>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    while let Some(old) = doc.query_selector(".lesson-target").ok().flatten() {
        let _ = old.class_list().remove_1("lesson-target");
    }
    let Some(el) = target.and_then(|t| {
        doc.query_selector(&format!("[data-testid=\"{t}\"]"))
            .ok()
            .flatten()
    }) else {
        return;
    };
    if let Some(panel) = el.closest(".side-panel[hidden]").ok().flatten() {
        let tab = panel.id().replacen("side-", "tab-", 1);
        if let Some(button) = doc.get_element_by_id(&tab) {
            if let Ok(b) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(button) {
                b.click();
            }
        }
    }
    let _ = el.class_list().add_1("lesson-target");
    // Once the tab it sits in is shown.
    request_animation_frame(move || {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    });
}

/// Which card is open (`None`: free play), shared by the Lesson button and the panel.
#[derive(Clone, Copy)]
pub struct Lesson {
    /// The open card's index.
    pub card: RwSignal<Option<usize>>,
    /// The card to reopen at.
    last: RwSignal<usize>,
    /// Which cards the learner has done (kept in local storage).
    pub marks: RwSignal<Vec<bool>>,
}

impl Lesson {
    /// The lesson as the link says: open at its card if the hash has `lesson=N`.
    pub fn from_link() -> Lesson {
        let card = hash::read().get(KEY).and_then(card_from_link);
        Lesson {
            card: RwSignal::new(card),
            last: RwSignal::new(card.unwrap_or(0)),
            marks: RwSignal::new(load_marks()),
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
            "Lesson"
        </button>
    }
}

/// The open card, docked beside the scene (a bottom sheet on narrow screens).
#[component]
pub fn LessonPanel() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let live = Live::from_context();
    let (training, page) = (live.training, live.page);
    let now = Memo::new(move |_| live.snapshot());
    // The snapshot right after the open card's setup, tagged with the card's index.
    let open = RwSignal::new(None::<(usize, Snapshot)>);
    let done = RwSignal::new(None::<usize>);
    // The card shown before, to tell moving forward from going back.
    let seen = StoredValue::new(None::<usize>);
    // The learner's run, kept while a card that started a fresh one offers to put it back.
    let stash = StoredValue::new_local(None::<Session>);
    let offer = RwSignal::new(false);

    // Opening a card: show its scene, set up what it talks about (moving forward to a card not done yet), remember
    // the page as it then is, keep the position in the link, outline the card's target.
    Effect::new(move |_| {
        let card = lesson.card.get();
        untrack(|| {
            done.set(None);
            offer.set(false);
            stash.set_value(None);
            match card {
                Some(i) => {
                    let c = &CARDS[i];
                    if let Some(page) = page {
                        page.scene.set(c.panel.scene());
                    }
                    let back = seen.get_value().is_some_and(|before| i < before);
                    let marked = lesson.marks.with(|m| m.get(i).copied().unwrap_or(false));
                    if !back && !marked {
                        if c.needs_fresh_run() && training.shown.with(|s| s.step > 0) {
                            stash.set_value(training.keep());
                            offer.set(true);
                        }
                        live.apply(c.setup, c.policy);
                        if let Some(pace) = c.pace {
                            training.speed.set(pace);
                        }
                    }
                    open.set(Some((i, live.snapshot())));
                    seen.set_value(Some(i));
                    hash::set(KEY, Some(&(i + 1).to_string()));
                    let target = c.target;
                    if let Some(page) = page {
                        show_chart(page, target);
                    }
                    // After the scene switch is laid out.
                    request_animation_frame(move || point_at(Some(target)));
                }
                None => {
                    open.set(None);
                    seen.set_value(None);
                    hash::set(KEY, None);
                    point_at(None);
                }
            }
        });
    });
    // Done once the card's check holds on the live page; the mark is kept.
    Effect::new(move |_| {
        let (Some(i), Some((at, start))) = (lesson.card.get(), open.get()) else {
            return;
        };
        let now = now.get();
        if at == i && done.get_untracked() != Some(i) {
            let state = LessonState { open: start, now };
            if (CARDS[i].done)(&state) {
                done.set(Some(i));
                lesson.marks.update(|m| {
                    if let Some(slot) = m.get_mut(i) {
                        *slot = true;
                    }
                });
                save_marks(&lesson.marks.get_untracked());
            }
        }
    });
    let keep_run = move |i: usize| {
        if let Some(run) = stash.try_update_value(Option::take).flatten() {
            training.restore(run);
            live.apply(CARDS[i].setup.kept(), None);
            open.set(Some((i, live.snapshot())));
        }
        offer.set(false);
    };
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
            let is_done = move || {
                done.get() == Some(i) || lesson.marks.with(|m| m.get(i).copied().unwrap_or(false))
            };
            let why = move || {
                if is_done() {
                    return None;
                }
                let start = open.with(|o| o.as_ref().filter(|(at, _)| *at == i).map(|(_, s)| s.clone()))?;
                c.why_not(&LessonState { open: start, now: now.get() })
            };
            let last = i + 1 == total;
            view! {
                <aside class="lesson" aria-labelledby="lesson-title" data-testid="lesson">
                    <div class="lesson-head">
                        <span data-testid="lesson-progress">{format!("Card {} of {total}", i + 1)}</span>
                        <progress max=total value=i + 1 aria-label="Lesson progress"></progress>
                    </div>
                    <h2 id="lesson-title" data-testid="lesson-title">{c.title}</h2>
                    // The words scroll when a long card meets a short window; title and buttons stay.
                    <div class="lesson-scroll">
                        <p class="lesson-body" data-testid="lesson-body">{move || pieces(c.body)}</p>
                        <p class="lesson-task" data-testid="lesson-task">
                            <b>"Your turn: "</b>{move || pieces(c.task)}
                        </p>
                        <p class="lesson-status" role="status" data-testid="lesson-status"
                            data-done=move || if is_done() { "true" } else { "false" }>
                            {move || if is_done() { "✓ Done." } else { "Not done yet." }}
                        </p>
                        {move || why().map(|w| view! { <p class="lesson-why" data-testid="lesson-why">{w}</p> })}
                        <Show when=move || offer.get()>
                            <p class="lesson-offer" data-testid="lesson-fresh-run">
                                "This card started a fresh run. "
                                <button type="button" data-testid="lesson-keep-run" on:click=move |_| keep_run(i)>
                                    "Keep my run instead"
                                </button>
                            </p>
                        </Show>
                    </div>
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
