//! The word weights as a strip of words under the Train scene's charts: the linear model's strongest words of each
//! sign, coloured by sign and shaded by size, written large enough to read from the back of a room.

use leptos::prelude::*;

use super::state::Training;
use crate::charts::top_words;
use crate::format::fixed;

/// Words of each sign in the strip.
const PER_SIGN: usize = 6;

/// The strip: the largest positive weights, then the most negative, each word with its weight.
#[component]
pub fn WordStrip() -> impl IntoView {
    let t = expect_context::<Training>();
    let words = Memo::new(move |_| {
        t.version.track();
        t.with_run(|r| {
            r.shown()
                .model()
                .word_weights()
                .map(|w| top_words(&w, PER_SIGN))
        })
        .flatten()
        .unwrap_or_default()
    });
    let largest = move || words.with(|w| w.iter().map(|(_, w)| w.abs()).fold(0.0, f64::max));
    // One row per sign: the strongest first, so what does not fit is the weakest.
    let chips = move |positive: bool| {
        let largest = largest();
        let mut row: Vec<(String, f64)> = words
            .get()
            .into_iter()
            .filter(|(_, w)| (*w > 0.0) == positive)
            .collect();
        // top_words lists the negative weights from the weakest to the strongest.
        if !positive {
            row.reverse();
        }
        row.into_iter()
            .map(|(word, w)| {
                let sign = if w > 0.0 { "pos" } else { "neg" };
                // 15 % to 55 % of the colour, by the weight's share of the largest.
                let share = if largest > 0.0 {
                    w.abs() / largest
                } else {
                    0.0
                };
                let style = format!("--share: {:.0}%", 15.0 + 40.0 * share);
                view! {
                    <li class=format!("word-chip {sign}") style=style>
                        <span class="word">{word}</span>
                        <span class="weight">{fixed(w, 2)}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="word-strip" data-testid="word-strip">
            {move || words.with(Vec::is_empty).then(|| view! {
                <p class="word-none">"Every word weight is 0: take a step."</p>
            })}
            <ol aria-label="Words that raise the reward most, strongest first">{move || chips(true)}</ol>
            <ol aria-label="Words that lower the reward most, strongest first">
                {move || chips(false)}
            </ol>
        </div>
    }
}
