//! The "Use the model" scene: the reward model the Train scene is training, used by a policy that picks responses
//! from a pool of candidates. Best-of-n and the KL-regularized optimum π_β, exactly (no sampling), with the true
//! quality (gold) beside what the learned reward promises (proxy), so the class watches over-optimization happen.
//!
//! It follows the run live and through rewind: every number is computed from the shown step's model. The math is
//! the core's (`crate::policy`); this file only lays it out.

mod chart;
mod favoured;
pub mod state;

use leptos::prelude::*;

use crate::format::{fixed, signed_gain, significant};
use crate::lesson::Setup;
use crate::policy::{default_betas, default_ns, kl_bound};
use crate::scene::Scene;
use crate::train::Grouping;
use crate::web::page::SharePage;
use crate::web::training::Training;

use chart::GoldProxyChart;
use favoured::Favoured;
use state::{follow_run, pool_for};

/// The scene.
#[component]
pub fn UseScene() -> impl IntoView {
    let t = expect_context::<Training>();
    let page = expect_context::<SharePage>();
    let pool = pool_for(t);
    // Computed while the scene is on screen, again whenever the shown run changes, a few points per frame.
    let computed = expect_context::<state::UseComputed>().0;
    let on_screen = Signal::derive(move || page.scene.get() == Scene::Use);
    follow_run(t, pool, on_screen, computed);
    let ns = default_ns();
    let betas = default_betas();
    let n_index = move || ns.iter().position(|&n| n == page.n.get()).unwrap_or(4);
    let beta_index = {
        let betas = betas.clone();
        move || {
            let b = page.beta.get();
            betas.iter().position(|&x| x == b).unwrap_or(10)
        }
    };
    let on_n = move |ev: leptos::ev::Event| {
        if let Some(n) = event_target_value(&ev)
            .parse::<usize>()
            .ok()
            .and_then(|i| default_ns().get(i).copied())
        {
            page.n.set(n);
        }
    };
    let on_beta = move |ev: leptos::ev::Event| {
        if let Some(b) = event_target_value(&ev)
            .parse::<usize>()
            .ok()
            .and_then(|i| default_betas().get(i).copied())
        {
            page.beta.set(b);
        }
    };
    let use_padding = move |_| {
        t.apply(Setup::config("padding", Grouping::Prompts));
        t.reset();
    };
    let s = move || t.shown.get();
    let n_idx = n_index.clone();
    let b_idx = beta_index.clone();
    let numbers = move || {
        let Some(Ok(c)) = computed.get() else {
            return None;
        };
        let (n, beta) = (page.n.get(), page.beta.get());
        // n and β are always points of the curves.
        let bon = c.opt.best_of_n.get(n_idx())?.outcome;
        let kl = c.opt.kl_regularized.get(b_idx())?.outcome;
        let r = c.opt.reference;
        let gain = |v: f64, base: f64| signed_gain(v - base);
        Some(view! {
            <table class="numbers use-numbers">
                <thead><tr><th scope="col"></th><th scope="col">"KL"</th><th scope="col">"proxy"</th><th scope="col">"gold"</th></tr></thead>
                <tbody>
                    <tr>
                        <th scope="row">{format!("best-of-{n}")}</th>
                        <td data-testid="use-bon-kl" title=format!("bound log n − (n−1)/n = {}", fixed(kl_bound(n), 3))>
                            {fixed(bon.kl, 3)}" ≤ "{fixed(kl_bound(n), 3)}</td>
                        <td data-testid="use-bon-proxy">{gain(bon.proxy, r.proxy)}</td>
                        <td data-testid="use-bon-gold">{gain(bon.gold, r.gold)}</td>
                    </tr>
                    <tr>
                        <th scope="row">{format!("π_β, β = {}", significant(beta, 3))}</th>
                        <td data-testid="use-kl-kl">{fixed(kl.kl, 3)}</td>
                        <td data-testid="use-kl-proxy">{gain(kl.proxy, r.proxy)}</td>
                        <td data-testid="use-kl-gold">{gain(kl.gold, r.gold)}</td>
                    </tr>
                </tbody>
            </table>
            <p class="use-peak" data-testid="use-bon-peak">{c.opt.best_of_n_sentence(n_idx())}</p>
            <p class="use-peak" data-testid="use-kl-peak">{c.opt.kl_sentence(b_idx())}</p>
        })
    };
    let problem = move || match computed.get() {
        Some(Err(e)) => Some(view! {
            <div class="panel use-problem" role="status" data-testid="use-problem">
                <p>{format!("Nothing to show for {}: {e}.", t.config.get().dataset)}</p>
                <p>"The padding data set is made for this scene: its answers mix facts with filler and flattery, \
                    and its true quality rewards the facts."</p>
                <button type="button" class="primary" data-testid="use-padding" on:click=use_padding>
                    "Train on padding"
                </button>
            </div>
        }),
        _ => None,
    };
    let n_count = default_ns().len();
    let beta_count = betas.len();
    view! {
        <section class="use scene" data-scene="use" aria-labelledby="use-title">
            <h2 id="use-title" class="sr-only">"Use the reward model"</h2>
            <div class="topbar" role="group" aria-label="The run and the two policies">
                <div class="buttons">
                    <button type="button" class="primary" data-testid="use-play" on:click=move |_| t.toggle_play()
                        aria-pressed=move || if t.playing.get() { "true" } else { "false" }>
                        {move || if t.playing.get() { "Pause training" } else { "Play training" }}
                    </button>
                </div>
                <span class="use-run">"Step "<b data-testid="use-step">{move || s().step}</b>
                    " · accuracy "<b>{move || format!("{:.1} %", 100.0 * s().metrics.accuracy)}</b></span>
                <label class="slider">
                    <span>"n"</span>
                    <input type="range" min="0" max=n_count - 1 step="1" data-testid="use-n"
                        prop:value=move || n_index().to_string()
                        aria-valuetext=move || format!("best-of-{}", page.n.get())
                        on:input=on_n/>
                    <output>{move || page.n.get()}</output>
                </label>
                <label class="slider">
                    <span>"β"</span>
                    <input type="range" min="0" max=beta_count - 1 step="1" data-testid="use-beta"
                        prop:value=move || beta_index().to_string()
                        aria-valuetext=move || format!("beta {}", significant(page.beta.get(), 3))
                        on:input=on_beta/>
                    <output>{move || significant(page.beta.get(), 3)}</output>
                </label>
            </div>
            {problem}
            <div class="use-grid">
                <GoldProxyChart computed=computed/>
                <aside class="side use-side" aria-label="The two policies now">
                    <div class="side-panel">
                        {numbers}
                        <Favoured computed=computed pool=pool/>
                        <p class="hint">
                            "π_β ∝ π_ref·exp(r/β) maximizes E[r] − β·KL(π ‖ π_ref), what RLHF's PPO step aims at. "
                            "DPO trains this same π_β directly, with the same −log σ loss on β·log(π/π_ref)."
                        </p>
                    </div>
                </aside>
            </div>
        </section>
    }
}
