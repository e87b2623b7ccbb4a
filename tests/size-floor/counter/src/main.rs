//! Size floor, step 1: a button and a number. What Leptos alone costs a page.

use leptos::prelude::*;

fn main() {
    mount_to_body(|| {
        let (count, set_count) = signal(0i32);
        view! {
            <button on:click=move |_| set_count.update(|n| *n += 1)>"+1"</button>
            <p>{move || count.get()}</p>
        }
    })
}
