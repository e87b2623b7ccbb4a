//! The pair inspector: pick one pair and follow it everywhere, through stepping and rewind.

use leptos::prelude::*;

use super::state::Training;
use crate::format::fixed;

/// Shortens a text for the pair list.
fn clip(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        out.push('…');
    }
    out
}

/// The pair picker and the selected pair's numbers.
#[component]
pub fn PairInspector() -> impl IntoView {
    let t = expect_context::<Training>();
    // The pair list changes only with a new run (new data), not with every step.
    let labels = Memo::new(move |_| {
        t.config.track();
        t.user_data.track();
        t.with_run(|r| {
            r.head()
                .dataset()
                .pairs
                .iter()
                .map(|p| {
                    format!(
                        "{} · {} ≻ {}",
                        clip(&p.prompt, 28),
                        clip(&p.chosen, 24),
                        clip(&p.rejected, 18)
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let texts = move |i: usize| {
        t.with_run(|r| {
            r.head()
                .dataset()
                .pairs
                .get(i)
                .map(|p| (p.prompt.clone(), p.chosen.clone(), p.rejected.clone()))
        })
        .flatten()
    };
    let on_pick = move |ev: leptos::ev::Event| {
        t.selected
            .set(event_target_value(&ev).parse::<usize>().ok());
    };
    let state = move || {
        t.selected
            .get()
            .and_then(|i| t.shown.get().pairs.get(i).copied().map(|p| (i, p)))
    };
    let row = |label: &'static str, testid: &'static str, value: String| {
        view! { <tr><th scope="row">{label}</th><td data-testid=testid>{value}</td></tr> }
    };
    view! {
        <div class="panel inspector">
            <label class="row">
                <span>"Follow a pair"</span>
                <select data-testid="pair-select" on:change=on_pick
                    prop:value=move || t.selected.get().map(|i| i.to_string()).unwrap_or_default()>
                    <option value="">"(none)"</option>
                    {move || labels.get().into_iter().enumerate()
                        .map(|(i, l)| view! { <option value=i.to_string()>{format!("{}. {l}", i + 1)}</option> })
                        .collect_view()}
                </select>
            </label>
            {move || t.selected.get().is_none().then(|| view! {
                <p class="hint" data-testid="inspector-hint">
                    "Click or tap a dot on σ(Δ) or −log σ(Δ), or pick a pair here, to follow it through every "
                    "step and rewind."
                </p>
                <p class="lead">
                    "A tiny model gives each response a reward. Every update lowers −log σ(Δ) on a batch of pairs: "
                    "the gaps Δ grow and the dots climb the σ curve."
                </p>
            })}
            {move || state().map(|(i, p)| {
                let (prompt, chosen, rejected) = texts(i).unwrap_or_default();
                let tag = if p.test { "test" } else { "train" };
                let flipped = if p.flipped { " · label flipped on purpose" } else { "" };
                view! {
                    <div class="pair" data-testid="inspector">
                        <p class="prompt"><b>"Prompt: "</b>{prompt}</p>
                        <p class="chosen"><b>"Better: "</b>{chosen}</p>
                        <p class="rejected"><b>"Worse: "</b>{rejected}</p>
                        <p class="hint">{format!("Pair {} · {tag} split{flipped}", i + 1)}</p>
                        <table class="numbers">
                            <tbody>
                                {row("r_better", "inspector-rc", fixed(p.reward_chosen, 4))}
                                {row("r_worse", "inspector-rr", fixed(p.reward_rejected, 4))}
                                {row("Δ", "inspector-gap", fixed(p.gap, 4))}
                                {row("σ(Δ)", "inspector-sigmoid", fixed(p.sigmoid, 4))}
                                {row("log σ(Δ)", "inspector-log", fixed(p.log_sigmoid, 4))}
                                {row("loss", "inspector-loss", fixed(p.loss, 4))}
                                {row("pull σ(−Δ)", "inspector-weight", fixed(p.gradient_weight, 4))}
                            </tbody>
                        </table>
                    </div>
                }
            })}
        </div>
    }
}
