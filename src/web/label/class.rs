//! "Class": many labelers' codes pasted at once (or a file of them), read for this round's set and seed; how much the
//! class agrees (mean pairwise agreement, Fleiss' κ, each labeler against the majority, a labeler × labeler map),
//! the pairs it split on, and a run on the class's labels beside InstructGPT's 73 %.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::state::Labeling;
use crate::label::{
    class_sentence, example_codes, percent, run_sentence, Agreement, ClassLabels, Labeler,
};
use crate::web::training::Training;

/// The largest file of codes read, in bytes (a code is well under 100 bytes; this is thousands of labelers).
const MAX_CODES_BYTES: f64 = 1_000_000.0;

/// A labeler's name as the tables show it: their name, or the line they came from.
fn who(l: &Labeler) -> String {
    l.name.clone().unwrap_or_else(|| format!("line {}", l.line))
}

/// "1 vote", "2 votes".
fn votes(n: usize) -> String {
    if n == 1 {
        "1 vote".to_string()
    } else {
        format!("{n} votes")
    }
}

/// The background of a heat-map cell: the page's blue, stronger for more agreement.
fn heat(share: Option<f64>) -> String {
    match share {
        Some(s) => format!("background: rgb(0 114 178 / {:.2})", 0.08 + 0.72 * s),
        None => String::new(),
    }
}

/// Adds `lines` to the pasted text, on a line of their own.
fn append(pasted: RwSignal<String>, lines: &str) {
    pasted.update(|p| {
        if !p.is_empty() && !p.ends_with('\n') {
            p.push('\n');
        }
        p.push_str(lines);
    });
}

/// The panel.
#[component]
pub fn ClassPanel() -> impl IntoView {
    let l = expect_context::<Labeling>();
    let pasted = RwSignal::new(String::new());
    let status = l.class_status;
    let read = move || {
        let (set, seed) = l.session.with_untracked(|s| (s.set().clone(), s.seed()));
        let class = ClassLabels::from_text(&set, seed, &pasted.get_untracked());
        l.class_run.set(None);
        l.class.set(Some(class));
    };
    let examples = move |_| {
        let (set, seed) = l.session.with_untracked(|s| (s.set().clone(), s.seed()));
        let codes: String = example_codes(&set, seed, 3)
            .iter()
            .map(|c| format!("{c}\n"))
            .collect();
        append(pasted, &codes);
        read();
    };
    let mine = move |_| {
        let mut code = l.code();
        code.name.get_or_insert_with(|| "Me".to_string());
        if code.labels.is_empty() {
            status.set("You have no labels yet to add.".into());
            return;
        }
        append(pasted, &format!("{code}\n"));
        read();
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = crate::web::download::take_picked_file(&ev) else {
            return;
        };
        let name = file.name();
        if file.size() > MAX_CODES_BYTES {
            status.set(format!(
                "{name} is larger than 1 MB, too large for a file of codes; nothing was read."
            ));
            return;
        }
        leptos::task::spawn_local(async move {
            match JsFuture::from(file.text()).await {
                Ok(text) => {
                    pasted.set(text.as_string().unwrap_or_default());
                    status.set(format!("Read {name}."));
                    read();
                }
                Err(_) => status.set(format!("{name} could not be read; nothing changed.")),
            }
        });
    };
    view! {
        <div class="panel label-class">
            <label class="field">
                <span>"Paste codes or links, one per line"</span>
                <textarea data-testid="class-paste" rows="4" spellcheck="false"
                    prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            </label>
            <div class="buttons">
                <button type="button" class="primary" data-testid="class-read" on:click=move |_| read()>"Read codes"</button>
                <button type="button" data-testid="class-mine" on:click=mine>"Add mine"</button>
                <button type="button" data-testid="class-examples" on:click=examples>"Add 3 example labelers"</button>
            </div>
            <label class="field">
                <span>"Or a file of codes"</span>
                <input type="file" accept=".txt,text/plain" data-testid="class-file" on:change=on_file/>
            </label>
            <Show when=move || !status.get().is_empty()>
                <p class="notice" role="status" data-testid="class-status">{move || status.get()}</p>
            </Show>
            {move || l.class.with(|c| c.as_ref().filter(|c| !c.problems.is_empty()).map(|c| view! {
                <ul class="class-problems" data-testid="class-problems">
                    {c.problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}
                </ul>
            }))}
            <Show when=move || l.class.with(Option::is_some)>
                <p class="hint" data-testid="class-see">"The class's numbers are shown large beside this column."</p>
            </Show>
        </div>
    }
}

/// Trains a new run on the class's labels: the majority per pair, or every comparison as its own pair.
fn train_class(l: Labeling, t: Training, majority: bool) {
    let Some(class) = l.class.get_untracked() else {
        return;
    };
    let set = l.session.with_untracked(|s| s.set().clone());
    let (data, what) = if majority {
        (
            class.majority_dataset(&set, "class"),
            "the class's majority label per pair",
        )
    } else {
        (
            class.comparisons_dataset(&set, "class"),
            "every labeler's comparison as its own pair",
        )
    };
    let Some(data) = data else {
        l.class_status
            .set("The class has no pair labeled A or B (with a majority) to train on.".into());
        return;
    };
    match l.train_on(t, data, what) {
        Ok(run) => l.class_run.set(Some((run, what))),
        Err(e) => l.class_status.set(e),
    }
}

/// The class's numbers, large, in the pair's place: what the codes add up to, and a run on the class's labels.
#[component]
pub fn ClassResults() -> impl IntoView {
    let t = expect_context::<Training>();
    let l = expect_context::<Labeling>();
    let agreement = Memo::new(move |_| l.class.with(|c| c.as_ref().map(ClassLabels::agreement)));
    move || {
        agreement
            .get()
            .map(|a| results(l, a, move |majority| train_class(l, t, majority)))
    }
}

/// What a class's codes add up to.
fn results(l: Labeling, a: Agreement, train: impl Fn(bool) + Copy + 'static) -> impl IntoView {
    let labelers = l
        .class
        .with_untracked(|c| c.as_ref().map(|c| c.labelers.clone()).unwrap_or_default());
    let names: Vec<String> = labelers.iter().map(who).collect();
    let rows = labelers
        .iter()
        .zip(&a.per_labeler)
        .enumerate()
        .map(|(i, (lab, per))| {
            view! {
                <tr data-testid=format!("class-labeler-{i}")>
                    <th scope="row">{who(lab)}</th>
                    <td>{per.labeled}</td>
                    <td>{per.agreement_with_majority().map_or("–".to_string(), percent)}</td>
                </tr>
            }
        })
        .collect_view();
    let heat_rows = a
        .matrix
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let cells = row
                .iter()
                .enumerate()
                .map(|(j, m)| {
                    let share = if i == j { None } else { m.share() };
                    view! { <td style=heat(share)>{share.map_or("".to_string(), |s| format!("{:.0}", 100.0 * s))}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{format!("{} · {}", i + 1, names[i])}</th>{cells}</tr> }
        })
        .collect_view();
    let set = l.session.with_untracked(|s| s.set().clone());
    let disputed = a
        .disputed
        .iter()
        .filter(|d| d.votes[0] > 0 && d.votes[1] > 0)
        .take(2)
        .map(|d| {
            let p = &set.pairs[d.pair];
            view! {
                <li>
                    <b>{p.prompt.clone()}</b>" "
                    {format!("\"{}\" ({}) against \"{}\" ({})", p.texts[0], votes(d.votes[0]), p.texts[1], votes(d.votes[1]))}
                </li>
            }
        })
        .collect_view();
    let agreed = a.mean_pairwise_agreement;
    // Columns by number (the rows name them), so the map stays narrow however long the names are.
    let head = names
        .iter()
        .enumerate()
        .map(|(i, n)| view! { <th scope="col" title=n.clone()>{i + 1}</th> })
        .collect_view();
    view! {
        <h3 class="class-title">"How much the class agrees"</h3>
        <p class="class-summary" data-testid="class-summary">{class_sentence(&a)}</p>
        <div class="class-row">
            <dl class="class-numbers">
                <dt>"Labelers"</dt><dd data-testid="class-labelers">{a.labelers}</dd>
                <dt>"Pairs all labeled"</dt><dd data-testid="class-pairs">{a.pairs}</dd>
                <dt>"Mean pairwise agreement"</dt>
                <dd data-testid="class-agreement">{agreed.map_or("–".to_string(), percent)}</dd>
                <dt>"Fleiss' κ"</dt>
                <dd data-testid="class-kappa">{a.fleiss_kappa.map_or("–".to_string(), |k| crate::format::fixed(k, 3))}</dd>
            </dl>
            <div class="heat-wrap">
                <table class="class-heat" data-testid="class-heatmap">
                    <caption>"How often two labelers picked the same answer (%)"</caption>
                    <thead><tr><th></th>{head}</tr></thead>
                    <tbody>{heat_rows}</tbody>
                </table>
            </div>
        </div>
        <div class="class-row">
            <table class="class-table" data-testid="class-per-labeler">
                <caption>"Each labeler against the majority"</caption>
                <thead><tr><th scope="col">"Labeler"</th><th scope="col">"Labeled"</th><th scope="col">"With majority"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <div data-testid="class-disputed">
                <p>"Where the class split most:"</p>
                <ul>{disputed}</ul>
            </div>
        </div>
        <div class="buttons">
            <button type="button" data-testid="class-train-majority" on:click=move |_| train(true)>"Train on the majority"</button>
            <button type="button" data-testid="class-train-all" on:click=move |_| train(false)>"Train on every comparison"</button>
        </div>
        {move || l.class_run.get().map(|(run, what)| view! {
            <p class="label-run" role="status" data-testid="class-run">
                {format!("Trained on {what}. ")}{run_sentence(&run, agreed, "the class agrees with itself")}
            </p>
        })}
    }
}
