//! The slow-motion step: one update in eight numbered stages that the teacher advances with N.

use leptos::prelude::*;

use super::Training;
use crate::format::fixed;
use crate::train::StepExplanation;

/// What each stage shows, in order.
pub const STAGES: [&str; 8] = [
    "1 · Score both responses of each pair in the batch",
    "2 · The gap Δ = r_chosen − r_rejected",
    "3 · Step 1: σ(Δ), the model's probability that the label is right",
    "4 · Step 2: log σ(Δ), at most 0",
    "5 · Step 3: ×(−1), the loss −log σ(Δ)",
    "6 · The pull of each pair: σ(−Δ), the size of ∂loss/∂Δ",
    "7 · The update: the weights that moved",
    "8 · The new rewards (press N once more to take the step)",
];

fn n4(v: f64) -> String {
    fixed(v, 4)
}

/// A table of the batch, with the columns of the stages reached so far.
fn batch_table(stage: u8, e: &StepExplanation) -> impl IntoView {
    let col = |k: u8| stage >= k;
    let rows = e
        .pairs
        .iter()
        .map(|p| {
            let b = p.before;
            view! {
                <tr>
                    <td>{p.index + 1}</td>
                    <td>{n4(b.reward_chosen)}</td>
                    <td>{n4(b.reward_rejected)}</td>
                    <td>{col(2).then(|| n4(b.gap))}</td>
                    <td>{col(3).then(|| n4(b.sigmoid))}</td>
                    <td>{col(4).then(|| n4(b.log_sigmoid))}</td>
                    <td>{col(5).then(|| n4(b.loss))}</td>
                    <td>{col(6).then(|| n4(b.gradient_weight))}</td>
                    <td>{col(8).then(|| format!("{} / {}", n4(p.after.reward_chosen), n4(p.after.reward_rejected)))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll"><table class="numbers batch" data-testid="explain-table">
            <thead>
                <tr>
                    <th scope="col">"pair"</th><th scope="col">"r_chosen"</th><th scope="col">"r_rejected"</th>
                    <th scope="col">"Δ"</th><th scope="col">"σ(Δ)"</th><th scope="col">"log σ"</th>
                    <th scope="col">"loss"</th><th scope="col">"σ(−Δ)"</th><th scope="col">"new rewards"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
}

/// The slow-motion panel (shown while a slow step is under way).
#[component]
pub fn SlowMotion() -> impl IntoView {
    let t = expect_context::<Training>();
    view! {
        {move || t.explain.get().map(|(stage, e)| {
            let moved = (stage >= 7).then(|| {
                let items = e.changes.iter().take(8).map(|c| {
                    view! { <li>{format!("{}: {} → {} ({:+.4})", c.name, n4(c.before), n4(c.after), c.delta())}</li> }
                }).collect_view();
                view! {
                    <p>{format!("learning rate {} × gradient (‖g‖ = {}): the largest changes", e.learning_rate, n4(e.grad_norm))}</p>
                    <ul class="moved" data-testid="explain-moved">{items}</ul>
                }
            });
            view! {
                <div class="panel slow" data-testid="slow-motion" aria-live="polite">
                    <h3>{format!("Slow step {} · ", e.step)}<span data-testid="explain-stage">{STAGES[usize::from(stage - 1)]}</span></h3>
                    <ol class="stages">
                        {STAGES.iter().enumerate().map(|(k, s)| {
                            let class = if k + 1 == usize::from(stage) { "now" } else if k + 1 < usize::from(stage) { "done" } else { "" };
                            view! { <li class=class>{s.split(" · ").nth(1).unwrap_or(s).to_string()}</li> }
                        }).collect_view()}
                    </ol>
                    <p>{format!("Batch loss before the update: {}", n4(e.batch_loss))}</p>
                    {batch_table(stage, &e)}
                    {moved}
                    <button type="button" data-testid="explain-next" on:click=move |_| t.next_stage()>
                        {if stage == 8 { "Take the step (N)" } else { "Next stage (N)" }}
                    </button>
                </div>
            }
        })}
    }
}
