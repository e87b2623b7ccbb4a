//! Size floor, step 3: the chart plus reading JSONL pairs with serde_json and printing a float.

#[path = "../../chart/src/draw.rs"]
mod draw;

use draw::{draw, sigmoid};
use leptos::html::Canvas;
use leptos::prelude::*;

#[derive(serde::Deserialize, Debug)]
struct Pair {
    prompt: String,
    chosen: String,
    rejected: String,
}

fn parse_jsonl(text: &str) -> Result<Vec<Pair>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let p: Pair = serde_json::from_str(line).map_err(|e| format!("line {}: {}", i + 1, e))?;
        if p.prompt.is_empty() || p.chosen.is_empty() || p.rejected.is_empty() {
            return Err(format!("line {}: empty field", i + 1));
        }
        out.push(p);
    }
    if out.is_empty() {
        return Err("no pairs found".to_string());
    }
    Ok(out)
}

const DATA: &str = r#"{"prompt":"2+2?","chosen":"4","rejected":"5"}
{"prompt":"capital of France?","chosen":"Paris","rejected":"Lyon"}
"#;

fn main() {
    mount_to_body(|| {
        let (count, set_count) = signal(0i32);
        let canvas_ref = NodeRef::<Canvas>::new();
        Effect::new(move |_| {
            let at = count.get() as f64;
            if let Some(canvas) = canvas_ref.get() {
                let _ = draw(canvas, at);
            }
        });
        let data = std::hint::black_box(DATA);
        let summary = move || match parse_jsonl(data) {
            Ok(pairs) => {
                let x = sigmoid(count.get() as f64) * pairs.len() as f64;
                format!("{} pairs, score {:.3}", pairs.len(), x)
            }
            Err(e) => format!("error: {e}"),
        };
        view! {
            <p>{summary}</p>
            <button on:click=move |_| set_count.update(|n| *n += 1)>"+1"</button>
            <p>{move || count.get()}</p>
            <canvas node_ref=canvas_ref width="400" height="300"></canvas>
        }
    })
}
