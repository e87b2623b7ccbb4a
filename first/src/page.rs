//! The first view's controls brought to life: the same behaviour as the app's explorer (`web::explorer`), on the
//! elements the build wrote, with every text and chart made by the core's functions.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget, HtmlInputElement, KeyboardEvent};

use reward_playground::format::{box_reward, input_value, reward, typed_reward};
use reward_playground::keys::action_for;
use reward_playground::lesson::START;
use reward_playground::loss::explain;
use reward_playground::views::first_view::{poster, table_rows, LOADING, SIZES};
use reward_playground::views::{number_rows, shift, ExplorerChart as Step};

/// The page's memory allocator, as in the app: smaller in the module than Rust's default.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen]
extern "C" {
    /// The page's loader: starts loading the rest of the page now, if it has not started yet.
    #[wasm_bindgen(catch, js_namespace = window, js_name = loadRest)]
    fn load_rest() -> Result<(), JsValue>;
}

/// One reward's number box and slider.
struct RewardBox {
    number: HtmlInputElement,
    slider: HtmlInputElement,
}

/// The first view's live elements and the rewards they show.
struct Explorer {
    rewards: Cell<(f64, f64)>,
    better: RewardBox,
    worse: RewardBox,
    shift_c: HtmlInputElement,
    status: Element,
    numbers: Vec<Element>,
    /// Each chart's sentence, plot box and data table, in `Step::ALL`'s order.
    charts: Vec<(Element, Element, Element)>,
}

/// Finds the first view and makes its explorer answer input; nothing happens on a page without one.
pub fn start() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = doc.get_element_by_id("first-view") else {
        return;
    };
    if let Some(explorer) = Explorer::find(&doc, &root) {
        explorer.listen();
        // For the load benchmark (tests/e2e/bench/load.mjs): from here the explorer answers input.
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("explorer-answers");
        }
    }
    ask_for_the_rest(&doc, &root);
}

impl Explorer {
    /// The explorer's elements in the first view, or `None` if any is missing.
    fn find(doc: &Document, root: &Element) -> Option<Rc<Explorer>> {
        let input = |id: &str| {
            doc.get_element_by_id(id)?
                .dyn_into::<HtmlInputElement>()
                .ok()
        };
        let reward_box = |id: &str| {
            let number = input(id)?;
            let slider = number.next_element_sibling()?.dyn_into().ok()?;
            Some(RewardBox { number, slider })
        };
        let all = |selector: &str| -> Vec<Element> {
            let Ok(list) = root.query_selector_all(selector) else {
                return Vec::new();
            };
            (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into().ok())
                .collect()
        };
        let (alts, plots, tables) = (all(".chart-alt"), all(".plot"), all(".chart-table tbody"));
        let charts: Vec<_> = (0..Step::ALL.len())
            .filter_map(|i| {
                Some((
                    alts.get(i)?.clone(),
                    plots.get(i)?.clone(),
                    tables.get(i)?.clone(),
                ))
            })
            .collect();
        let numbers = all("table.numbers td");
        let (better, worse) = (reward_box("r-better")?, reward_box("r-worse")?);
        let rewards = (
            box_reward(&better.number.value()).unwrap_or(START.0),
            box_reward(&worse.number.value()).unwrap_or(START.1),
        );
        if charts.len() != Step::ALL.len() || numbers.len() != 6 {
            return None;
        }
        Some(Rc::new(Explorer {
            rewards: Cell::new(rewards),
            better,
            worse,
            shift_c: input("shift-c")?,
            status: root.query_selector(".shift + .status").ok()??,
            numbers,
            charts,
        }))
    }

    /// Listens to the number boxes, the sliders, the shift and reset.
    fn listen(self: Rc<Self>) {
        for which in [Which::Better, Which::Worse] {
            let reward_box = self.reward_box(which);
            let me = self.clone();
            on(&reward_box.number, "input", move |_| {
                let input = me.reward_box(which).number.clone();
                let typed = typed_reward(&input.value());
                let invalid = if typed.is_some() { "false" } else { "true" };
                let _ = input.set_attribute("aria-invalid", invalid);
                if let Some(v) = typed {
                    me.set_one(which, v);
                }
            });
            let me = self.clone();
            on(&reward_box.number, "change", move |_| {
                let input = me.reward_box(which).number.clone();
                if let Some(v) = box_reward(&input.value()) {
                    me.set_one(which, v);
                }
                let _ = input.set_attribute("aria-invalid", "false");
                input.set_value(&input_value(me.get(which)));
            });
            let me = self.clone();
            on(&reward_box.slider, "input", move |_| {
                if let Some(v) = box_reward(&me.reward_box(which).slider.value()) {
                    me.set_one(which, v);
                }
            });
        }
        let buttons = self
            .shift_c
            .parent_element()
            .and_then(|shift| shift.query_selector_all("button").ok());
        let button = |i| buttons.as_ref().and_then(|b| b.item(i));
        if let Some(add) = button(0) {
            let me = self.clone();
            on(&add, "click", move |_| me.shift());
        }
        if let Some(reset) = button(1) {
            let me = self.clone();
            on(&reset, "click", move |_| {
                me.set(START);
                me.status.set_text_content(Some(""));
            });
        }
    }

    fn reward_box(&self, which: Which) -> &RewardBox {
        match which {
            Which::Better => &self.better,
            Which::Worse => &self.worse,
        }
    }

    fn get(&self, which: Which) -> f64 {
        let (b, w) = self.rewards.get();
        match which {
            Which::Better => b,
            Which::Worse => w,
        }
    }

    fn set_one(&self, which: Which, v: f64) {
        let (b, w) = self.rewards.get();
        self.set(match which {
            Which::Better => (v, w),
            Which::Worse => (b, v),
        });
    }

    /// Adds c to both rewards, as far as the range allows, and says what happened.
    fn shift(&self) {
        let said = match shift(self.rewards.get(), &self.shift_c.value()) {
            Ok((rewards, sentence)) => {
                self.set(rewards);
                sentence
            }
            Err(message) => message,
        };
        self.status.set_text_content(Some(&said));
    }

    /// Shows `rewards`: the boxes (unless what is typed already means the value), the sliders, the numbers, each
    /// chart's sentence, table and picture.
    fn set(&self, rewards: (f64, f64)) {
        self.rewards.set(rewards);
        for (reward_box, v) in [(&self.better, rewards.0), (&self.worse, rewards.1)] {
            if box_reward(&reward_box.number.value()) != Some(v) {
                reward_box.number.set_value(&input_value(v));
            }
            reward_box.slider.set_value(&input_value(v));
            let _ = reward_box
                .slider
                .set_attribute("aria-valuetext", &reward(v));
        }
        let e = explain(rewards.0, rewards.1);
        for (cell, row) in self.numbers.iter().zip(number_rows(&e)) {
            cell.set_text_content(Some(&row.3));
        }
        for (i, (step, (alt, plot, table))) in Step::ALL.into_iter().zip(&self.charts).enumerate() {
            alt.set_text_content(Some(&step.sentence(&e)));
            table.set_inner_html(&table_rows(step, &e));
            let size = match (plot.client_width(), plot.client_height()) {
                (w, h) if w > 0 && h > 0 => (w as u32, h as u32),
                _ => SIZES[i],
            };
            if let Ok(svg) = poster(step, &e, size) {
                plot.set_inner_html(&svg);
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Which {
    Better,
    Worse,
}

/// The scene bar's buttons and the page's shortcuts (outside a field) ask for the rest of the page, which the page's
/// loader has fetched and compiled by then, or fetches now. A pressed button shows that it is loading; the app
/// presses it, or the key, again when it has taken over (`data-pending`, `data-pending-key`).
fn ask_for_the_rest(doc: &Document, root: &Element) {
    let Ok(buttons) = root.query_selector_all(".scene-bar button[data-control]") else {
        return;
    };
    for i in 0..buttons.length() {
        let Some(button) = buttons.item(i).and_then(|b| b.dyn_into::<Element>().ok()) else {
            continue;
        };
        let (pressed, root) = (button.clone(), root.clone());
        on(&button, "click", move |_| {
            if let Ok(Some(before)) = root.query_selector("[data-pending]") {
                let _ = before.remove_attribute("data-pending");
                let _ = before.remove_attribute("aria-busy");
            }
            let _ = pressed.set_attribute("data-pending", "");
            let _ = pressed.set_attribute("aria-busy", "true");
            show_loading(&root);
            let _ = load_rest();
        });
    }
    let root = root.clone();
    on(doc, "keydown", move |ev| {
        let Some(k) = ev.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        let in_field = k
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        let (shift, alt) = (k.shift_key(), k.alt_key());
        if in_field || k.ctrl_key() || k.meta_key() || action_for(&k.key(), shift, alt).is_none() {
            return;
        }
        // The app presses it again when it has taken over (web::first_view::PendingKey).
        let _ = root.set_attribute("data-pending-key", &k.key());
        let _ = root.set_attribute("data-pending-shift", if shift { "true" } else { "false" });
        let _ = root.set_attribute("data-pending-alt", if alt { "true" } else { "false" });
        show_loading(&root);
        let _ = load_rest();
    });
}

/// A note at the foot of the window (over the page, so nothing moves) while the rest of the page loads.
fn show_loading(root: &Element) {
    if root
        .query_selector(".part-loading")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let Some(doc) = root.owner_document() else {
        return;
    };
    if let Ok(note) = doc.create_element("p") {
        note.set_class_name("part-loading");
        let _ = note.set_attribute("role", "status");
        note.set_text_content(Some(LOADING));
        let _ = root.append_child(&note);
    }
}

/// Calls `f` on each `kind` event at `target`, for the life of the page.
fn on(target: &EventTarget, kind: &str, f: impl FnMut(Event) + 'static) {
    let listener = Closure::<dyn FnMut(Event)>::new(f);
    let _ = target.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
    listener.forget();
}
