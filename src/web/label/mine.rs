//! "My labels": how the labeler's choices compare with the reference answers and with themselves, and a run trained
//! on them, set beside the labeler's own consistency.

use leptos::prelude::*;

use super::state::{LabelRun, Labeling};
use crate::label::{consistency_sentence, run_sentence, with_reference_sentence};
use crate::scene::Scene;
use crate::web::page::SharePage;
use crate::web::training::Training;

/// The name of a set's reference answers: gold scores for a built-in set, the `chosen` texts of a loaded one.
fn reference_name(l: Labeling) -> &'static str {
    if l.session
        .with(|s| s.set().pairs.iter().any(|p| p.gold.is_some()))
    {
        "the gold answer"
    } else {
        "the data set's chosen answer"
    }
}

/// The panel.
#[component]
pub fn MinePanel() -> impl IntoView {
    let t = expect_context::<Training>();
    let page = expect_context::<SharePage>();
    let l = expect_context::<Labeling>();
    let vs_reference = move || {
        with_reference_sentence(
            l.session.with(|s| s.agreement_with_reference()),
            reference_name(l),
        )
    };
    let consistency = move || consistency_sentence(l.session.with(|s| s.self_consistency()));
    let changed = move || {
        l.mine.with(|m| {
            m.as_ref()
                .is_some_and(|m| l.session.with(|s| s.labels() != m.labels.as_slice()))
        })
    };
    let outcome = RwSignal::new(String::new());
    let train = move |_| {
        let session = l.session.get_untracked();
        let Some(data) = session.to_dataset("my-labels") else {
            outcome.set(
                "Label at least one pair A or B first: \"Can't tell\" gives nothing to learn from."
                    .into(),
            );
            return;
        };
        let labels = session.labels().to_vec();
        let again = l.mine.with_untracked(Option::is_some);
        let what = format!("your {} labels", data.pairs.len());
        match l.train_on(t, data, &what) {
            Ok(run) => {
                l.mine.set(Some(LabelRun { run, labels }));
                outcome.set(if again {
                    "A new run on your labels as they are now.".into()
                } else {
                    String::new()
                });
            }
            Err(e) => outcome.set(e),
        }
    };
    let result = move || {
        l.mine.get().map(|m| {
            let own = l.session.with(|s| s.self_consistency().decided.share());
            run_sentence(&m.run, own, "your own consistency")
        })
    };
    view! {
        <div class="panel label-mine">
            <p data-testid="label-vs-reference">{vs_reference}</p>
            <p data-testid="label-consistency">{consistency}</p>
            <button type="button" class="primary" data-testid="label-train" on:click=train>
                {move || if l.mine.with(Option::is_some) { "Train again on my labels" } else { "Train on my labels" }}
            </button>
            <p class="hint">"A new run of the Train scene's model on the pairs you labeled A or B, the answer you \
                picked as the better one; pairs you could not tell are left out."</p>
            <Show when=move || !outcome.get().is_empty()>
                <p class="notice" role="status" data-testid="label-train-notice">{move || outcome.get()}</p>
            </Show>
            <Show when=changed>
                <p class="notice" role="status" data-testid="label-changed">
                    "Your labels changed since this run: training again starts a new run on them."
                </p>
            </Show>
            {move || result().map(|r| view! {
                <p class="label-run" role="status" data-testid="label-run">{r}</p>
                <button type="button" data-testid="label-see-run" on:click=move |_| page.scene.set(Scene::Train)>
                    "Watch the run on the Train scene"
                </button>
            })}
        </div>
    }
}
