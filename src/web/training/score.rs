//! Score your own response: the shown run's model gives a typed response its reward, word by word for the linear
//! model, and the numbers follow the run as it trains.

use leptos::prelude::*;

use super::state::Training;
use crate::format::fixed;
use crate::model::{Score, TokenScore};

/// How one token is shown: its class (colour), its number as text, and a sentence for screen readers and hover.
fn describe(token: &TokenScore) -> (&'static str, String, String) {
    match (token.known, token.contribution) {
        (false, _) => (
            "tok-unknown",
            "unknown".to_string(),
            format!(
                "{}: unknown word, never seen in the data; adds nothing",
                token.token
            ),
        ),
        (true, Some(w)) => {
            let class = if w > 0.0 {
                "tok-pos"
            } else if w < 0.0 {
                "tok-neg"
            } else {
                "tok-zero"
            };
            let n = format!("{}{}", if w > 0.0 { "+" } else { "" }, fixed(w, 3));
            let sentence = format!("{}: adds {n} to the reward", token.token);
            (class, n, sentence)
        }
        (true, None) => (
            "tok-known",
            "known".to_string(),
            format!(
                "{}: known word (the MLP's words do not add up one by one)",
                token.token
            ),
        ),
    }
}

/// The panel: a prompt, a response, and the current model's reward for the response.
#[component]
pub fn ScorePanel() -> impl IntoView {
    let t = expect_context::<Training>();
    let prompt = RwSignal::new(String::from("How do I boil an egg?"));
    let response = RwSignal::new(String::from(
        "Put the egg in boiling water for nine minutes, then cool it in cold water.",
    ));
    let score = Memo::new(move |_| {
        t.version.track();
        let text = response.get();
        t.with_run(|r| r.shown().score(&text))
    });
    let reward = move || score.get().map(|s: Score| s.reward);
    let tokens = move || {
        score
            .get()
            .map(|s| s.tokens)
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(i, tok)| {
                let (class, number, sentence) = describe(&tok);
                view! {
                    <li class=format!("tok {class}") title=sentence.clone() aria-label=sentence
                        data-testid=format!("score-token-{i}") data-known=tok.known.to_string()>
                        <span class="tok-word">{tok.token.clone()}</span>
                        <span class="tok-num">{number}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let linear = move || {
        t.version.track();
        t.with_run(|r| r.shown().model().word_weights().is_some())
            .unwrap_or(false)
    };
    view! {
        <div class="panel score" data-testid="score-panel">
            <h3>"Score your own response"</h3>
            <label class="score-field">
                <span>"Prompt"</span>
                <textarea data-testid="score-prompt" rows="2" prop:value=move || prompt.get()
                    on:input=move |ev| prompt.set(event_target_value(&ev))></textarea>
            </label>
            <label class="score-field">
                <span>"Response"</span>
                <textarea data-testid="score-response" rows="3" prop:value=move || response.get()
                    on:input=move |ev| response.set(event_target_value(&ev))></textarea>
            </label>
            <p class="hint">"This model reads only the response; the prompt is there so you know what it answers."</p>
            <p class="score-reward">"Reward "
                <b data-testid="score-reward" data-value=move || reward().map(|r| r.to_string()).unwrap_or_default()>
                    {move || reward().map(|r| fixed(r, 4)).unwrap_or_default()}
                </b>
                <span class="hint">" at step "{move || t.shown.get().step}</span>
            </p>
            <p class="hint">{move || if linear() {
                "Each word adds its weight: green raises the reward, orange lowers it; grey words were never seen in the data and add nothing."
            } else {
                "The MLP mixes its words, so no word has a share of its own; grey words were never seen in the data."
            }}</p>
            <ol class="tokens" data-testid="score-tokens" aria-label="Words of the response and what each adds">
                {tokens}
            </ol>
        </div>
    }
}
