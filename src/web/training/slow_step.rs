//! The slow step: one update in eight numbered stages that the teacher advances with N.

use leptos::prelude::*;

use super::state::Training;
use crate::format::fixed;
use crate::train::{Stage, StepExplanation};

fn n4(v: f64) -> String {
    fixed(v, 4)
}

/// A table of the batch, with the columns of the stages reached so far.
fn batch_table(stage: Stage, e: &StepExplanation) -> impl IntoView {
    let col = |k: Stage| stage >= k;
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
                    <td>{col(Stage::Gap).then(|| n4(b.gap))}</td>
                    <td>{col(Stage::Sigmoid).then(|| n4(b.sigmoid))}</td>
                    <td>{col(Stage::Log).then(|| n4(b.log_sigmoid))}</td>
                    <td>{col(Stage::Loss).then(|| n4(b.loss))}</td>
                    <td>{col(Stage::Pull).then(|| n4(b.gradient_weight))}</td>
                    <td>{col(Stage::NewRewards).then(|| format!("{} / {}", n4(p.after.reward_chosen), n4(p.after.reward_rejected)))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll"><table class="numbers batch" data-testid="explain-table">
            <thead>
                <tr>
                    <th scope="col">"pair"</th><th scope="col">"r_better"</th><th scope="col">"r_worse"</th>
                    <th scope="col">"Δ"</th><th scope="col">"σ(Δ)"</th><th scope="col">"log σ"</th>
                    <th scope="col">"loss"</th><th scope="col">"σ(−Δ)"</th><th scope="col">"new rewards"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
}

/// The slow step's panel (shown while a slow step is under way).
#[component]
pub fn SlowStepPanel() -> impl IntoView {
    let t = expect_context::<Training>();
    view! {
        {move || t.explain.get().map(|slow| {
            let (stage, e) = (slow.stage, slow.step);
            let moved = (stage >= Stage::Update).then(|| {
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
                    <h3>{format!("Slow step {} · ", e.step)}<span data-testid="explain-stage">{stage.heading()}</span></h3>
                    <ol class="stages">
                        {Stage::ALL.iter().map(|&k| {
                            let class = if k == stage { "now" } else if k < stage { "done" } else { "" };
                            view! { <li class=class>{k.title()}</li> }
                        }).collect_view()}
                    </ol>
                    <p>{format!("Batch loss before the update: {}", n4(e.batch_loss))}</p>
                    {batch_table(stage, &e)}
                    {moved}
                    <button type="button" data-testid="explain-next" on:click=move |_| t.next_stage()>
                        {if stage == Stage::NewRewards { "Take the step (N)" } else { "Next stage (N)" }}
                    </button>
                </div>
            }
        })}
    }
}
