//! A reward control: a number box for typed entry and a slider for dragging, both on one signal.

use leptos::prelude::*;

use crate::format::{
    box_reward, input_value, reward, typed_reward, REWARD_MAX, REWARD_MIN, REWARD_STEP,
};

/// A labelled reward in −8..8: type it, step it with the arrow keys, or drag the slider (mouse, touch or keyboard).
///
/// Typed text that is not a number, or lies outside the range, is marked invalid and ignored while typing; on Enter
/// or leaving the box, a number is clamped into the range and anything else is replaced by the current value.
#[component]
pub fn RewardInput(
    /// Element id of the number box (its `<label>` points at it).
    id: &'static str,
    /// Visible name, e.g. "r_better".
    name: &'static str,
    /// What the reward is, for screen readers and as a hint.
    meaning: &'static str,
    /// CSS class of the colour swatch.
    swatch: &'static str,
    /// Prefix of the `data-testid`s: `{testid}-input`, `{testid}-slider`.
    testid: &'static str,
    /// The reward.
    value: RwSignal<f64>,
) -> impl IntoView {
    let number = NodeRef::<leptos::html::Input>::new();
    let invalid = RwSignal::new(false);

    // Follow changes from the slider or the shift, but never rewrite what the reader is typing when it already
    // means the current value ("1." while typing 1.5).
    Effect::new(move |_| {
        let v = value.get();
        if let Some(input) = number.get_untracked() {
            if box_reward(&input.value()) != Some(v) {
                input.set_value(&input_value(v));
            }
        }
    });

    let on_type = move |ev: leptos::ev::Event| match typed_reward(&event_target_value(&ev)) {
        Some(v) => {
            invalid.set(false);
            value.set(v);
        }
        None => invalid.set(true),
    };
    let on_commit = move |ev: leptos::ev::Event| {
        if let Some(v) = box_reward(&event_target_value(&ev)) {
            value.set(v);
        }
        invalid.set(false);
        if let Some(input) = number.get_untracked() {
            input.set_value(&input_value(value.get_untracked()));
        }
    };
    let on_slide = move |ev: leptos::ev::Event| {
        if let Some(v) = box_reward(&event_target_value(&ev)) {
            value.set(v);
        }
    };
    let hint_id = format!("{id}-hint");

    view! {
        <div class="reward">
            <label for=id>
                <span class=format!("swatch {swatch}") aria-hidden="true"></span>
                {name}
                <span class="sr-only">", " {meaning}</span>
            </label>
            <input
                type="number"
                id=id
                node_ref=number
                min=REWARD_MIN
                max=REWARD_MAX
                step=REWARD_STEP
                inputmode="decimal"
                value=input_value(value.get_untracked())
                aria-describedby=hint_id.clone()
                aria-invalid=move || if invalid.get() { "true" } else { "false" }
                data-testid=format!("{testid}-input")
                on:input=on_type
                on:change=on_commit
            />
            <input
                type="range"
                min=REWARD_MIN
                max=REWARD_MAX
                step=REWARD_STEP
                aria-label=format!("{name}, {meaning}, slider")
                aria-valuetext=move || reward(value.get())
                prop:value=move || input_value(value.get())
                data-testid=format!("{testid}-slider")
                on:input=on_slide
            />
            <span id=hint_id class="sr-only">"a number from −8 to 8"</span>
        </div>
    }
}
