//! "Share": the labeler's labels as a short code and a link (the set, the seed, the name and the labels, a few
//! characters per dozen labels), and as a JSONL file in the data format (what `reward-playground agree` reads).

use leptos::prelude::*;

use super::state::Labeling;
use crate::label::{LINK_KEY, MAX_NAME_CHARS};
use crate::web::download::download_text;
use crate::web::js::copy_to_clipboard;

/// The page's address without its hash, and a link to the Label scene with `code`.
fn link_for(code: &str) -> String {
    let base = web_sys::window()
        .map(|w| {
            let loc = w.location();
            format!(
                "{}{}{}",
                loc.origin().unwrap_or_default(),
                loc.pathname().unwrap_or_default(),
                loc.search().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    format!("{base}#scene=label&{LINK_KEY}={code}")
}

/// The panel.
#[component]
pub fn SharePanel() -> impl IntoView {
    let l = expect_context::<Labeling>();
    let code = move || l.code().to_string();
    let link = move || link_for(&code());
    let copied = RwSignal::new(String::new());
    let copy = move |what: &'static str, text: String| {
        copy_to_clipboard(&text, move |ok| {
            copied.set(if ok {
                format!("The {what} is on the clipboard.")
            } else {
                format!("This browser kept the clipboard to itself: select the {what} and copy it.")
            })
        });
    };
    let download = move |_| {
        let name = l.name.get_untracked();
        let file = if name.trim().is_empty() {
            "labels.jsonl".to_string()
        } else {
            format!(
                "labels-{}.jsonl",
                name.trim().replace(|c: char| !c.is_alphanumeric(), "-")
            )
        };
        let data = l.session.with_untracked(|s| s.to_dataset("my-labels"));
        let result = match data {
            Some(d) => download_text(&file, "application/x-ndjson", &d.to_jsonl()),
            None => Err("label a pair A or B first".to_string()),
        };
        copied.set(match result {
            Ok(()) => format!("Saved {file}."),
            Err(e) => format!("Nothing saved: {e}."),
        });
    };
    view! {
        <div class="panel label-share">
            <label class="field">
                <span>"Your name (optional, goes with the code)"</span>
                <input type="text" data-testid="label-name" maxlength=MAX_NAME_CHARS autocomplete="nickname"
                    prop:value=move || l.name.get() on:input=move |ev| l.name.set(event_target_value(&ev))/>
            </label>
            <label class="field">
                <span>"Your code"</span>
                <input type="text" readonly data-testid="label-code" prop:value=code
                    on:focus=move |ev| select_all(&ev)/>
            </label>
            <button type="button" data-testid="label-copy-code" on:click=move |_| copy("code", code())>
                "Copy code"
            </button>
            <label class="field">
                <span>"Or a link that opens your labels"</span>
                <input type="text" readonly data-testid="label-link" prop:value=link
                    on:focus=move |ev| select_all(&ev)/>
            </label>
            <button type="button" data-testid="label-copy-link" on:click=move |_| copy("link", link())>
                "Copy link"
            </button>
            <button type="button" data-testid="label-download" on:click=download>"Save my labels (JSONL)"</button>
            <Show when=move || !copied.get().is_empty()>
                <p class="notice" role="status" data-testid="label-share-status">{move || copied.get()}</p>
            </Show>
            <p class="hint">"Send the code or the link through whatever your class uses; whoever collects them \
                pastes them all under \"Class\". The file is the data format: chosen and rejected, one pair a line."</p>
        </div>
    }
}

/// Selects a read-only field's text when it gets focus, so one copy takes all of it.
fn select_all(ev: &leptos::ev::FocusEvent) {
    use wasm_bindgen::JsCast;
    if let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.select();
    }
}
