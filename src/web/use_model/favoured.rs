//! The responses the two policies favour now for one prompt, each word coloured by what it adds to the learned
//! reward (linear model), so a shortcut the model learned (padding, flattery) shows in the words it rewards.

use std::sync::Arc;

use leptos::prelude::*;

use super::state::Computed;
use crate::format::{fixed, significant};
use crate::policy::{favoured_by_best_of_n, favoured_by_kl, Pool};
use crate::web::page::SharePage;
use crate::web::training::Training;

/// One favoured response: who favours it, how often, its learned reward and gold, and its words.
fn response(
    t: Training,
    who: String,
    testid: &'static str,
    text: String,
    prob: f64,
    reward: f64,
    gold: f64,
) -> impl IntoView {
    let score = t.with_run(|r| r.shown().model().score(&text));
    let words = score
        .map(|s| {
            s.tokens
                .into_iter()
                .map(|tok| {
                    let class = match tok.contribution {
                        Some(c) if c > 0.0 => "tok-pos",
                        Some(c) if c < 0.0 => "tok-neg",
                        _ => "",
                    };
                    let title = tok
                        .contribution
                        .map(|c| format!("adds {}", fixed(c, 3)))
                        .unwrap_or_default();
                    view! { <span class=format!("fav-word {class}") title=title>{tok.token}</span>" " }
                })
                .collect_view()
        })
        .unwrap_or_default();
    view! {
        <div class="favoured" data-testid=testid>
            <p class="fav-who"><b>{who}</b>{format!(" picks it {:.0} % of the time · reward {} · gold {}",
                100.0 * prob, fixed(reward, 2), fixed(gold, 2))}</p>
            <p class="fav-text">{words}</p>
        </div>
    }
}

/// The prompt picker and the two favoured responses.
#[component]
pub fn Favoured(
    computed: RwSignal<Option<Result<Computed, String>>>,
    pool: Memo<Result<Arc<Pool>, String>>,
) -> impl IntoView {
    let t = expect_context::<Training>();
    let page = expect_context::<SharePage>();
    let prompt = RwSignal::new(0usize);
    let prompts = move || {
        pool.get()
            .map(|p| {
                p.prompts
                    .iter()
                    .map(|q| q.prompt.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let shown = move || {
        let Some(Ok(c)) = computed.get() else {
            return None;
        };
        let pool = pool.get().ok()?;
        let p = prompt.get().min(pool.prompts.len().saturating_sub(1));
        let (n, beta) = (page.n.get(), page.beta.get());
        let candidates = &pool.prompts.get(p)?.candidates;
        let rewards = c.rewards.get(p)?;
        let pick = |(i, prob): (usize, f64), who: String, testid: &'static str| {
            let cand = candidates.get(i)?;
            Some(response(
                t,
                who,
                testid,
                cand.response.clone(),
                prob,
                rewards[i],
                cand.gold,
            ))
        };
        let bon = favoured_by_best_of_n(&pool, &c.rewards, p, n)
            .and_then(|x| pick(x, format!("Best-of-{n}"), "use-fav-bon"));
        let kl = favoured_by_kl(&pool, &c.rewards, p, beta).and_then(|x| {
            pick(
                x,
                format!("π_β (β = {})", significant(beta, 3)),
                "use-fav-kl",
            )
        });
        Some(view! { {bon} {kl} })
    };
    view! {
        <label class="row use-prompt">
            <span>"Prompt"</span>
            <select data-testid="use-prompt" on:change=move |ev| {
                prompt.set(event_target_value(&ev).parse().unwrap_or(0));
            }>
                {move || prompts().into_iter().enumerate().map(|(i, q)| view! {
                    <option value=i.to_string() selected=move || prompt.get() == i>{q}</option>
                }).collect_view()}
            </select>
        </label>
        {shown}
    }
}
