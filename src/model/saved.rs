//! Saving and loading a reward model as one JSON object, checked field by field on the way in.
//!
//! ```text
//! {"format":"reward-playground-model","version":1,"kind":"linear","vocab":["the",...],"params":[0.1,...]}
//! ```
//!
//! An MLP file also carries `"embed":8,"hidden":16`. Numbers are written in their shortest exact form and read
//! back to the same bits, so a loaded model gives the very same rewards.

use super::{mlp, ModelKind, RewardModel, Vocab};
use serde::Serialize;
use serde_json::{Map, Value};

/// The value of the `format` field of every model file.
pub const MODEL_FORMAT: &str = "reward-playground-model";
/// The version of the model file this build writes and reads.
pub const MODEL_VERSION: u64 = 1;

#[derive(Serialize)]
struct SavedModel<'a> {
    format: &'static str,
    version: u64,
    kind: ModelKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    embed: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hidden: Option<usize>,
    vocab: &'a [String],
    params: &'a [f64],
}

impl RewardModel {
    /// The model as one line of JSON: `format`, `version`, `kind`, (`embed`, `hidden` for the MLP), `vocab`, `params`.
    pub fn to_json(&self) -> String {
        let mlp = self.kind == ModelKind::Mlp;
        let saved = SavedModel {
            format: MODEL_FORMAT,
            version: MODEL_VERSION,
            kind: self.kind,
            embed: mlp.then_some(mlp::EMBED),
            hidden: mlp.then_some(mlp::HIDDEN),
            vocab: self.vocab.tokens(),
            params: &self.params,
        };
        // Serializing plain strings and finite numbers cannot fail; the fallback keeps this total anyway.
        serde_json::to_string(&saved).unwrap_or_default()
    }

    /// Reads a model written by [`RewardModel::to_json`]. Every field is checked: the format tag, the version, the
    /// kind, the vocabulary (distinct single words), the MLP sizes, and that `params` holds exactly the right count
    /// of finite numbers. The error names the field and what is wrong with it.
    pub fn from_json(text: &str) -> Result<RewardModel, String> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| format!("model file is not valid JSON: {e}"))?;
        let Value::Object(obj) = value else {
            return Err(format!(
                "model file must be a JSON object, got {}",
                describe(&value)
            ));
        };
        let format = string_field(&obj, "format")?;
        if format != MODEL_FORMAT {
            return Err(format!(
                "field \"format\": expected {MODEL_FORMAT:?}, got {format:?}"
            ));
        }
        let version = field(&obj, "version")?;
        if version.as_u64() != Some(MODEL_VERSION) {
            return Err(format!(
                "field \"version\": this build reads version {MODEL_VERSION}, got {}",
                describe(version)
            ));
        }
        let kind_name = string_field(&obj, "kind")?;
        let kind = ModelKind::from_name(kind_name).ok_or_else(|| {
            format!(
                "field \"kind\": unknown model kind {kind_name:?} (expected \"linear\" or \"mlp\")"
            )
        })?;
        if kind == ModelKind::Mlp {
            size_field(&obj, "embed", mlp::EMBED)?;
            size_field(&obj, "hidden", mlp::HIDDEN)?;
        }
        let vocab = vocab_field(&obj)?;
        let params = params_field(&obj)?;
        RewardModel::from_parts(kind, vocab, params)
    }
}

fn describe(value: &Value) -> String {
    let shown = value.to_string();
    let shown = if shown.chars().count() > 40 {
        format!("{}...", shown.chars().take(40).collect::<String>())
    } else {
        shown
    };
    match value {
        Value::Null => "null".into(),
        Value::Bool(_) => format!("the boolean {shown}"),
        Value::Number(_) => format!("the number {shown}"),
        Value::String(_) => format!("the string {shown}"),
        Value::Array(a) => format!("an array of {} items", a.len()),
        Value::Object(_) => "an object".into(),
    }
}

fn field<'a>(obj: &'a Map<String, Value>, name: &str) -> Result<&'a Value, String> {
    obj.get(name)
        .ok_or_else(|| format!("field {name:?} is missing"))
}

fn string_field<'a>(obj: &'a Map<String, Value>, name: &str) -> Result<&'a str, String> {
    let value = field(obj, name)?;
    value
        .as_str()
        .ok_or_else(|| format!("field {name:?}: must be a string, got {}", describe(value)))
}

fn size_field(obj: &Map<String, Value>, name: &str, expected: usize) -> Result<(), String> {
    let value = field(obj, name)?;
    if value.as_u64() != Some(expected as u64) {
        return Err(format!(
            "field {name:?}: this build's MLP has {name} {expected}, got {}",
            describe(value)
        ));
    }
    Ok(())
}

fn vocab_field(obj: &Map<String, Value>) -> Result<Vocab, String> {
    let value = field(obj, "vocab")?;
    let items = value.as_array().ok_or_else(|| {
        format!(
            "field \"vocab\": must be an array of words, got {}",
            describe(value)
        )
    })?;
    let mut tokens = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item.as_str() {
            Some(token) => tokens.push(token.to_string()),
            None => {
                return Err(format!(
                    "field \"vocab\": item {i} must be a string, got {}",
                    describe(item)
                ))
            }
        }
    }
    Vocab::from_tokens(tokens).map_err(|e| format!("field \"vocab\": {e}"))
}

fn params_field(obj: &Map<String, Value>) -> Result<Vec<f64>, String> {
    let value = field(obj, "params")?;
    let items = value.as_array().ok_or_else(|| {
        format!(
            "field \"params\": must be an array of numbers, got {}",
            describe(value)
        )
    })?;
    let mut params = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item.as_f64() {
            Some(x) if x.is_finite() => params.push(x),
            _ => {
                return Err(format!(
                    "field \"params\": item {i} must be a finite number, got {}",
                    describe(item)
                ))
            }
        }
    }
    Ok(params)
}
