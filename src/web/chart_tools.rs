//! Each chart's menu (⋯ beside its title): its text alternative (what the chart shows now, always there for screen
//! readers, shown on demand), its data as a table, and buttons that save it as PNG (the canvas as drawn) or SVG
//! (drawn again by the same chart function through plotters' SVG backend).

use leptos::html::Canvas;
use leptos::prelude::*;

use super::download::{download_png, download_text};

pub use crate::views::Table;

/// Rows shown at most in a table; longer tables show evenly spaced rows and say so.
pub const MAX_ROWS: usize = 400;

/// The size an SVG is drawn at: the canvas' CSS size, or 640 × 360 while it has no layout.
pub fn svg_size(canvas: NodeRef<Canvas>) -> (u32, u32) {
    canvas
        .get_untracked()
        .map(|c| (c.client_width(), c.client_height()))
        .filter(|(w, h)| *w > 0 && *h > 0)
        .map(|(w, h)| (w as u32, h as u32))
        .unwrap_or((640, 360))
}

/// The text alternative and the menu of one chart. `id` prefixes the data-testids (`{id}-alt`, `{id}-menu`,
/// `{id}-describe`, `{id}-table`, `{id}-png`, `{id}-svg`) and names the files.
#[component]
pub fn ChartTools(
    id: &'static str,
    canvas: NodeRef<Canvas>,
    summary: Signal<String>,
    table: Callback<(), Table>,
    svg: Callback<(), Result<String, String>>,
    /// Redraws the table while it is open when this changes.
    #[prop(into)]
    changed: Signal<u64>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let png = move |_| {
        let r = match canvas.get_untracked() {
            Some(c) => download_png(&c, &format!("{id}.png")),
            None => Err("the chart is not on the page".into()),
        };
        status.set(
            r.err()
                .map(|e| format!("Not saved: {e}."))
                .unwrap_or_default(),
        );
    };
    let save_svg = move |_| {
        let r = svg
            .run(())
            .and_then(|text| download_text(&format!("{id}.svg"), "image/svg+xml", &text));
        status.set(
            r.err()
                .map(|e| format!("Not saved: {e}."))
                .unwrap_or_default(),
        );
    };
    let rows = move || {
        changed.track();
        let t = table.run(());
        let n = t.rows.len();
        let shown: Vec<&Vec<String>> = if n > MAX_ROWS {
            (0..MAX_ROWS)
                .map(|k| &t.rows[k * (n - 1) / (MAX_ROWS - 1)])
                .collect()
        } else {
            t.rows.iter().collect()
        };
        let note = (n > MAX_ROWS).then(|| format!("{MAX_ROWS} of {n} rows, evenly spaced."));
        view! {
            {note.map(|n| view! { <p class="hint">{n}</p> })}
            <table class="chart-table">
                <thead><tr>{t.head.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {shown.into_iter().map(|r| view! {
                        <tr>{r.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    let described = RwSignal::new(false);
    view! {
        // The sentence is always there for screen readers; "Describe" shows it over the chart's foot.
        <p class="chart-alt" class:shown=move || described.get() id=format!("{id}-alt")
            data-testid=format!("{id}-alt")>{move || summary.get()}</p>
        <details class="chart-menu" data-testid=format!("{id}-menu")>
            <summary aria-label="Chart menu: describe, data as a table, save as PNG or SVG" title="Describe, table, save">
                "⋯"
            </summary>
            <div class="menu-body">
                <button type="button" class="small" data-testid=format!("{id}-describe")
                    aria-pressed=move || described.get().to_string()
                    on:click=move |_| described.update(|d| *d = !*d)>"Describe"</button>
                <button type="button" class="small" data-testid=format!("{id}-png") on:click=png
                    aria-label="Save this chart as PNG">"PNG"</button>
                <button type="button" class="small" data-testid=format!("{id}-svg") on:click=save_svg
                    aria-label="Save this chart as SVG">"SVG"</button>
                <details data-testid=format!("{id}-table")
                    on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                    <summary>"Data as a table"</summary>
                    {move || open.get().then(rows)}
                </details>
                <span role="status" class="bad">{move || status.get()}</span>
            </div>
        </details>
    }
}
