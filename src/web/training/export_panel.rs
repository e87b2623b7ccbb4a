//! Export and import: the run's history as CSV (the CLI's history.csv), the data set as JSONL, the model as JSON
//! (what the CLI's `score` reads), and a model file loaded back into the run.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::state::Training;
use crate::train::history_csv;
use crate::web::download::download_text;

/// The export panel.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let t = expect_context::<Training>();
    let status = RwSignal::new((true, String::new()));
    let report = move |r: Result<String, String>| {
        status.set(match r {
            Ok(m) => (true, m),
            Err(m) => (false, m),
        })
    };
    let name = move |ext: &str| {
        let step = t.shown.get_untracked().step;
        format!("{}-step{step}.{ext}", t.config.get_untracked().dataset)
    };
    let csv = move |_| {
        let text = t.with_run(|r| history_csv(r.shown())).unwrap_or_default();
        let file = format!("history-{}", name("csv"));
        report(download_text(&file, "text/csv", &text).map(|()| format!("Saved {file}.")));
    };
    let jsonl = move |_| {
        let r = match t.current_data() {
            Some(d) => {
                let file = format!("{}.jsonl", d.name);
                download_text(&file, "application/jsonl", &d.to_jsonl())
                    .map(|()| format!("Saved {file}."))
            }
            None => Err("There is no data set to save.".into()),
        };
        report(r);
    };
    let model = move |_| {
        let text = t
            .with_run(|r| r.shown().model().to_json())
            .unwrap_or_default();
        let file = format!("model-{}", name("json"));
        report(download_text(&file, "application/json", &text).map(|()| format!("Saved {file}.")));
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(file) = crate::web::download::take_picked_file(&ev) else {
            return;
        };
        if file.size() > 20e6 {
            report(Err(
                "Model not loaded: the file is larger than 20 MB.".into()
            ));
            return;
        }
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            let r = match JsFuture::from(file.text()).await {
                Ok(text) => t.import_model(&text.as_string().unwrap_or_default()),
                Err(_) => Err(format!("Model not loaded: {file_name} could not be read.")),
            };
            report(r);
        });
    };
    view! {
        <section class="panel export-panel" aria-labelledby="export-title">
            <h3 id="export-title">"Save and load"</h3>
            <p class="hint">
                "The history has the columns of the command line's history.csv; the model file is what "
                <code>"reward-playground score --model"</code>" reads. Each chart has its own PNG and SVG buttons."
            </p>
            <div class="data-actions">
                <button type="button" data-testid="export-csv" on:click=csv>"History (CSV)"</button>
                <button type="button" data-testid="export-jsonl" on:click=jsonl>"Data set (JSONL)"</button>
                <button type="button" data-testid="export-model" on:click=model>"Model (JSON)"</button>
                <label class="file-button">
                    "Load a model…"
                    <input type="file" accept=".json,application/json" data-testid="import-model" on:change=import/>
                </label>
            </div>
            <p role="status" data-testid="export-status" class=move || if status.get().0 { "ok" } else { "bad" }>
                {move || status.get().1}
            </p>
        </section>
    }
}
