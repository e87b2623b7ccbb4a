//! The share bar: copy the link and "Hide controls…" (presentation mode and what a link ignored are the page's).

use leptos::prelude::*;

use super::state::Training;
use crate::share::HIDEABLE;
use crate::web::js::copy_to_clipboard;
use crate::web::link::link;
use crate::web::page::SharePage;

/// Copy link and "Hide controls…".
#[component]
pub fn ShareBar() -> impl IntoView {
    let t = expect_context::<Training>();
    let page = expect_context::<SharePage>();
    let status = RwSignal::new(String::new());
    let shown_link = RwSignal::new(String::new());
    let dialog = RwSignal::new(false);
    let field = NodeRef::<leptos::html::Input>::new();
    let copy = move |_| {
        let url = link(&t, &page);
        shown_link.set(url.clone());
        copy_to_clipboard(&url, move |ok| {
            if ok {
                status.set("Link copied".into());
                return;
            }
            // No clipboard here: select the link so Ctrl+C (or a long press) copies it.
            if let Some(input) = field.get_untracked() {
                let _ = input.focus();
                input.select();
            }
            status.set("The link is selected above: copy it with Ctrl+C (⌘C on a Mac).".into());
        });
    };
    let toggle_hidden = move |name: &'static str| {
        page.hidden.update(|h| {
            if let Some(i) = h.iter().position(|x| x == name) {
                h.remove(i);
            } else {
                // Kept in HIDEABLE's order.
                *h = HIDEABLE
                    .iter()
                    .filter(|(n, _)| *n == name || h.iter().any(|x| x == n))
                    .map(|(n, _)| n.to_string())
                    .collect();
            }
        });
    };
    let choices = move || {
        HIDEABLE
            .iter()
            .map(|&(name, label)| {
                view! {
                    <label class="share-choice">
                        <input type="checkbox" data-testid=format!("share-hide-{name}")
                            prop:checked=move || page.hidden.get().iter().any(|h| h == name)
                            on:change=move |_| toggle_hidden(name)/>
                        <span>{label}</span>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <div class="share-bar" role="group" aria-label="Share and present">
            <button type="button" data-testid="share-copy" on:click=copy>"Copy link"</button>
            <button type="button" data-testid="share-hide" aria-expanded=move || dialog.get().to_string()
                on:click=move |_| dialog.update(|d| *d = !*d)>"Hide controls…"</button>
            <Show when=move || !shown_link.get().is_empty()>
                <label class="share-link">
                    <span>"Link"</span>
                    <input type="text" readonly node_ref=field data-testid="share-link"
                        prop:value=move || shown_link.get()/>
                </label>
            </Show>
            <p class="share-status" role="status" data-testid="share-status">{move || status.get()}</p>
        </div>
        <Show when=move || dialog.get()>
            <div class="panel share-dialog" role="dialog" aria-label="Hide controls" data-testid="share-dialog">
                <p>"Hidden parts stay hidden for everyone who opens the link; this dialog shows them again."</p>
                {choices()}
                <button type="button" data-testid="share-hide-done" on:click=move |_| dialog.set(false)>"Done"</button>
            </div>
        </Show>
    }
}
