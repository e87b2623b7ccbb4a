//! Bring your own data: paste or upload JSONL, add a pair with a form, flip or delete the followed pair. A new data
//! set replaces the run only once it parsed and a run could start on it; otherwise every problem is listed by line
//! and field, and the run goes on as it was.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::state::Training;
use super::user_data::{MAX_PAIRS, MAX_TEXT_BYTES};
use crate::data::{DataError, Dataset, SHOWN_PROBLEMS};

/// What the last data action said: nothing, a list of problems, or one message.
#[derive(Clone, Debug, Default, PartialEq)]
enum Outcome {
    #[default]
    None,
    Problems(Vec<DataError>),
    Refused(String),
    Done(String),
}

/// Reads `bytes` (already checked for size) as JSONL and, if it parses, makes it the run's data.
fn load(t: Training, source: &str, bytes: &[u8]) -> Outcome {
    match Dataset::parse_jsonl(source, bytes) {
        Err(errors) => Outcome::Problems(errors.0),
        Ok(data) => {
            let pairs = data.pairs.len();
            match t.use_data(data, &format!("read {source}.")) {
                Ok(()) => Outcome::Done(format!("Read {pairs} pairs from {source}.")),
                Err(e) => Outcome::Refused(e),
            }
        }
    }
}

/// The size limit, checked before the text is read.
fn too_big(bytes: f64) -> Option<Outcome> {
    (bytes > MAX_TEXT_BYTES as f64).then(|| {
        Outcome::Refused(format!(
            "{:.1} MB is more than the 2 MB this page reads; nothing was changed.",
            bytes / 1e6
        ))
    })
}

/// The data panel.
#[component]
pub fn DataPanel() -> impl IntoView {
    let t = expect_context::<Training>();
    let outcome = RwSignal::new(Outcome::None);
    let pasted = RwSignal::new(String::new());
    let (prompt, better, worse) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let first_better = RwSignal::new(true);

    let use_pasted = move |_| {
        let text = pasted.get_untracked();
        let result = too_big(text.len() as f64)
            .unwrap_or_else(|| load(t, "the pasted text", text.as_bytes()));
        outcome.set(result);
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = crate::web::download::take_picked_file(&ev) else {
            return;
        };
        if let Some(refused) = too_big(file.size()) {
            outcome.set(refused);
            return;
        }
        let name = file.name();
        leptos::task::spawn_local(async move {
            let result = match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    load(t, &name, &bytes)
                }
                Err(_) => {
                    Outcome::Refused(format!("{name} could not be read; nothing was changed."))
                }
            };
            outcome.set(result);
        });
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (b, w) = (better.get_untracked(), worse.get_untracked());
        let (b, w) = if first_better.get_untracked() {
            (b, w)
        } else {
            (w, b)
        };
        match t.add_pair(&prompt.get_untracked(), &b, &w) {
            Ok(()) => {
                outcome.set(Outcome::Done("Added the pair.".into()));
                for s in [prompt, better, worse] {
                    s.set(String::new());
                }
            }
            Err(e) => outcome.set(Outcome::Refused(format!("Pair not added: {e}."))),
        }
    };
    let on_followed = move |f: fn(&Training, usize) -> Result<(), String>| {
        move |_| match t.selected.get_untracked() {
            Some(i) => outcome.set(match f(&t, i) {
                Ok(()) => Outcome::Done(t.notice.get_untracked()),
                Err(e) => Outcome::Refused(format!("Not changed: {e}.")),
            }),
            None => outcome.set(Outcome::Refused(
                "Pick a pair under “Follow a pair” first.".into(),
            )),
        }
    };
    let followed = move || t.selected.get().map(|i| format!("pair {}", i + 1));

    view! {
        <section class="panel data-panel" aria-labelledby="data-title">
            <h3 id="data-title">"Your data"</h3>
            <p class="hint">
                "JSONL, one object per line: "<code>"{\"prompt\", \"chosen\", \"rejected\"}"</code>", in TRL's words: "
                "chosen is the better response, rejected the worse (optional "
                <code>"\"margin\""</code>") or "<code>"{\"prompt\", \"ranking\": [best, …, worst]}"</code>". "
                "At most 2 MB of text and "{MAX_PAIRS.to_string()}" pairs. The run changes only if the whole file reads."
            </p>
            <label class="stack">
                <span>"Paste JSONL"</span>
                <textarea data-testid="data-text" rows="4" spellcheck="false"
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            </label>
            <div class="data-actions">
                <button type="button" data-testid="data-use" on:click=use_pasted>"Train on this text"</button>
                <label class="file-button">
                    "Upload .jsonl"
                    <input type="file" accept=".jsonl,.json,.txt,application/jsonl,text/plain"
                        data-testid="data-file" on:change=on_file/>
                </label>
            </div>
            <div role="status" aria-live="polite">
                {move || match outcome.get() {
                    Outcome::None => ().into_any(),
                    Outcome::Done(msg) => view! { <p class="ok" data-testid="data-status">{msg}</p> }.into_any(),
                    Outcome::Refused(msg) => view! { <p class="bad" data-testid="data-status">{msg}</p> }.into_any(),
                    Outcome::Problems(list) => view! {
                        <div class="bad">
                            <p data-testid="data-status">
                                {format!("Not read: {} problem{}. The run goes on as it was.", list.len(),
                                    if list.len() == 1 { "" } else { "s" })}
                            </p>
                            <ul data-testid="data-errors">
                                // The first SHOWN_PROBLEMS only: a file of bad lines could put a million on the page.
                                {list.iter().take(SHOWN_PROBLEMS).map(|e| view! { <li>{e.to_string()}</li> }).collect_view()}
                                {(list.len() > SHOWN_PROBLEMS).then(|| view! {
                                    <li data-testid="data-errors-more">
                                        {format!("…and {} more. Fix these first, then read the file again.",
                                            list.len() - SHOWN_PROBLEMS)}
                                    </li>
                                })}
                            </ul>
                        </div>
                    }.into_any(),
                }}
            </div>
            <form class="add-pair" on:submit=add aria-labelledby="add-pair-title">
                <h4 id="add-pair-title">"Add a pair"</h4>
                <label class="stack"><span>"Prompt"</span>
                    <input type="text" data-testid="data-prompt" prop:value=move || prompt.get()
                        on:input=move |ev| prompt.set(event_target_value(&ev))/></label>
                <label class="stack"><span>"Response A"</span>
                    <input type="text" data-testid="data-a" prop:value=move || better.get()
                        on:input=move |ev| better.set(event_target_value(&ev))/></label>
                <label class="stack"><span>"Response B"</span>
                    <input type="text" data-testid="data-b" prop:value=move || worse.get()
                        on:input=move |ev| worse.set(event_target_value(&ev))/></label>
                <label class="stack"><span>"Which is better?"</span>
                    <select data-testid="data-better"
                        on:change=move |ev| first_better.set(event_target_value(&ev) == "a")
                        prop:value=move || if first_better.get() { "a" } else { "b" }>
                        <option value="a">"A is better"</option>
                        <option value="b">"B is better"</option>
                    </select></label>
                <button type="submit" data-testid="data-add">"Add pair and start a new run"</button>
            </form>
            <div class="data-actions">
                <button type="button" data-testid="data-flip" on:click=on_followed(Training::flip_pair)
                    prop:disabled=move || followed().is_none()>
                    {move || format!("Flip {}", followed().unwrap_or("the followed pair".into()))}
                </button>
                <button type="button" data-testid="data-delete" on:click=on_followed(Training::delete_pair)
                    prop:disabled=move || followed().is_none()>
                    {move || format!("Delete {}", followed().unwrap_or("the followed pair".into()))}
                </button>
            </div>
        </section>
    }
}
