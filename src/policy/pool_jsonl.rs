//! The files of `optimize`: a pool as JSONL (one candidate per line: `prompt`, `response`, `reward`, `gold`,
//! `ref_prob`), read back with every problem named by line and field, and the two curves as CSV.

use super::outcome::{BestOfNRow, KlRegularizedRow};
use super::pool::{Candidate, Pool, PromptPool};
use serde_json::{Map, Value};

/// The pool as JSONL, one line per candidate, prompt by prompt; `rewards[k][i]` is candidate i of prompt k's
/// learned reward. Numbers are written in their shortest exact form.
pub fn pool_jsonl(pool: &Pool, rewards: &[Vec<f64>]) -> String {
    let mut out = String::new();
    for (prompt, r) in pool.prompts.iter().zip(rewards) {
        for (c, reward) in prompt.candidates.iter().zip(r) {
            let line = serde_json::json!({
                "prompt": prompt.prompt,
                "response": c.response,
                "reward": reward,
                "gold": c.gold,
                "ref_prob": c.ref_prob,
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
    }
    out
}

/// `best_of_n.csv`: the header `n,kl,kl_bound,proxy,gold`, then one row per n.
pub fn best_of_n_csv(rows: &[BestOfNRow]) -> String {
    let mut out = String::from("n,kl,kl_bound,proxy,gold\n");
    for r in rows {
        let o = r.outcome;
        out.push_str(&format!(
            "{},{},{},{},{}\n",
            r.n, o.kl, r.kl_bound, o.proxy, o.gold
        ));
    }
    out
}

/// `kl_regularized.csv`: the header `beta,kl,proxy,gold`, then one row per β.
pub fn kl_regularized_csv(rows: &[KlRegularizedRow]) -> String {
    let mut out = String::from("beta,kl,proxy,gold\n");
    for r in rows {
        let o = r.outcome;
        out.push_str(&format!("{},{},{},{}\n", r.beta, o.kl, o.proxy, o.gold));
    }
    out
}

/// A candidate's line number and the `ref_prob` it gave, if any.
type LineProb = (usize, Option<f64>);

/// Reads a pool: one JSON object per line with `prompt` and `response` (non-empty text), `gold` (a finite number)
/// and optionally `ref_prob` (a positive finite number; other fields, such as `reward`, are ignored). Blank lines
/// are skipped. A prompt's candidates either all give `ref_prob`, which is then divided by their sum, or none
/// does, and π_ref is uniform. Every problem is reported as `line N, field "F": …`.
pub fn read_pool(name: &str, bytes: &[u8]) -> Result<Pool, Vec<String>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![format!(
            "not UTF-8 text (first bad byte at offset {})",
            e.valid_up_to()
        )]
    })?;
    let mut errors = Vec::new();
    let mut prompts: Vec<(PromptPool, Vec<LineProb>)> = Vec::new();
    for (i, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        match read_line(line) {
            Ok((prompt, response, gold, ref_prob)) => {
                let k = match prompts.iter().position(|(p, _)| p.prompt == prompt) {
                    Some(k) => k,
                    None => {
                        prompts.push((
                            PromptPool {
                                prompt,
                                candidates: Vec::new(),
                            },
                            Vec::new(),
                        ));
                        prompts.len() - 1
                    }
                };
                let (pool, lines) = &mut prompts[k];
                if pool.candidates.iter().any(|c| c.response == response) {
                    errors.push(format!(
                        "line {line_no}, field \"response\": the same response to this prompt appears twice"
                    ));
                }
                pool.candidates.push(Candidate {
                    response,
                    gold,
                    ref_prob: 0.0,
                });
                lines.push((line_no, ref_prob));
            }
            Err(e) => errors.push(format!("line {line_no}{e}")),
        }
    }
    if prompts.is_empty() && errors.is_empty() {
        errors.push("the file has no candidates".to_string());
    }
    let mut out = Vec::new();
    for (mut pool, lines) in prompts {
        let given = lines.iter().filter(|(_, p)| p.is_some()).count();
        if given != 0 && given != lines.len() {
            let missing = lines
                .iter()
                .find(|(_, p)| p.is_none())
                .map_or(0, |(l, _)| *l);
            errors.push(format!(
                "line {missing}, field \"ref_prob\": missing, but other candidates of the prompt {:?} give one \
                 (give it on every line of a prompt or on none)",
                pool.prompt
            ));
            continue;
        }
        let sum: f64 = lines.iter().map(|(_, p)| p.unwrap_or(1.0)).sum();
        for (c, (_, p)) in pool.candidates.iter_mut().zip(&lines) {
            c.ref_prob = p.unwrap_or(1.0) / sum;
        }
        out.push(pool);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Pool {
        name: name.to_string(),
        prompts: out,
    })
}

/// One line's (prompt, response, gold, ref_prob), or what is wrong, starting with the field (`, field "x": …`).
fn read_line(line: &str) -> Result<(String, String, f64, Option<f64>), String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!(": not valid JSON: {e}"))?;
    let Value::Object(obj) = value else {
        return Err(": must be a JSON object with prompt, response and gold".to_string());
    };
    if obj.contains_key("chosen") || obj.contains_key("ranking") {
        return Err(
            ": a preference record, not a candidate; a pool has one candidate per line with \
                    prompt, response and gold (as optimize writes to pool.jsonl)"
                .to_string(),
        );
    }
    let text = |key: &str| -> Result<String, String> {
        match obj.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
            Some(Value::String(_)) => Err(format!(", field \"{key}\": must not be empty")),
            Some(v) => Err(format!(", field \"{key}\": must be text, got {v}")),
            None => Err(format!(", field \"{key}\": missing")),
        }
    };
    let prompt = text("prompt")?;
    let response = text("response")?;
    let gold = number(&obj, "gold")?.ok_or_else(|| ", field \"gold\": missing".to_string())?;
    let ref_prob = number(&obj, "ref_prob")?;
    if let Some(p) = ref_prob.filter(|&p| p <= 0.0) {
        return Err(format!(", field \"ref_prob\": must be above 0, got {p}"));
    }
    Ok((prompt, response, gold, ref_prob))
}

/// A finite number field, `None` when absent.
fn number(obj: &Map<String, Value>, key: &str) -> Result<Option<f64>, String> {
    match obj.get(key) {
        None => Ok(None),
        Some(Value::Number(n)) => match n.as_f64().filter(|v| v.is_finite()) {
            Some(v) => Ok(Some(v)),
            None => Err(format!(
                ", field \"{key}\": must be a finite number, got {n}"
            )),
        },
        Some(v) => Err(format!(", field \"{key}\": must be a number, got {v}")),
    }
}
