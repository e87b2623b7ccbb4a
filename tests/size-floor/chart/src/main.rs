//! Size floor, step 2: the counter plus one plotters chart on a canvas, redrawn when the number changes.

mod draw;

use draw::draw;
use leptos::html::Canvas;
use leptos::prelude::*;

fn main() {
    mount_to_body(|| {
        let (count, set_count) = signal(0i32);
        let canvas_ref = NodeRef::<Canvas>::new();
        Effect::new(move |_| {
            let at = count.get() as f64;
            if let Some(canvas) = canvas_ref.get() {
                let _ = draw(canvas, at);
            }
        });
        view! {
            <button on:click=move |_| set_count.update(|n| *n += 1)>"+1"</button>
            <p>{move || count.get()}</p>
            <canvas node_ref=canvas_ref width="400" height="300"></canvas>
        }
    })
}
