//! The reader's own data and models: a pasted, uploaded or edited data set replaces the run only once a run could be
//! built from it; an imported model restarts the run from its weights. Anything refused leaves the run as it was.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use super::state::Training;
use crate::data::{builtin, Dataset, Record};
use crate::model::{tokenize, RewardModel};
use crate::train::Config;
use crate::train::Session;

/// The name the reader's data set goes by in the settings (`Config::dataset`).
pub const USER_DATA: &str = "my-data";
/// The most text a pasted or uploaded data set may have, checked before it is read.
pub const MAX_TEXT_BYTES: usize = 2_000_000;
/// The most pairs a data set may expand to, checked after it is read.
pub const MAX_PAIRS: usize = 20_000;

impl Training {
    /// A run of `config`, on the reader's data when `config.dataset` names it.
    pub(super) fn build(&self, config: Config) -> Result<Session, String> {
        let user = self.user_data.get_untracked();
        Session::new(config, user.as_deref())
    }

    /// The data set the current run was built from, before any label noise: what edits start from.
    pub fn current_data(&self) -> Option<Dataset> {
        let name = self.config.get_untracked().dataset;
        match self.user_data.get_untracked() {
            Some(d) if d.name == name => Some((*d).clone()),
            _ => builtin(&name),
        }
    }

    /// Makes `data` the reader's data set and starts a new run on it with the other settings kept; `what` says
    /// what happened, for the notice. Refused (with the reason) when it is too large or no run can be built from
    /// it; then the run, its step and its data stay exactly as they were.
    pub fn use_data(&self, mut data: Dataset, what: &str) -> Result<(), String> {
        if data.pairs.len() > MAX_PAIRS {
            return Err(format!(
                "{} pairs is more than the {MAX_PAIRS} this page trains on; nothing was changed.",
                data.pairs.len()
            ));
        }
        data.name = USER_DATA.to_string();
        let mut next = self.config.get_untracked();
        next.dataset = USER_DATA.to_string();
        let run = Session::new(next, Some(&data))
            .map_err(|e| format!("No run could start on this data ({e}); nothing was changed."))?;
        let pairs = data.pairs.len();
        self.user_data.set(Some(Arc::new(data)));
        self.replace(run);
        self.notice.set(format!(
            "New run from step 0 on {USER_DATA} ({pairs} pairs): {what}"
        ));
        self.publish();
        Ok(())
    }

    /// Applies an edit to the current data set and starts a new run on the result.
    pub fn edit_data(
        &self,
        edit: impl FnOnce(&Dataset) -> Result<Dataset, String>,
        what: &str,
    ) -> Result<(), String> {
        let data = self
            .current_data()
            .ok_or("there is no data set to edit".to_string())?;
        let edited = edit(&data)?;
        self.use_data(edited, what)
    }

    /// A pair added to the current data set.
    pub fn add_pair(&self, prompt: &str, better: &str, worse: &str) -> Result<(), String> {
        let record = Record::Pair {
            prompt: prompt.trim().to_string(),
            chosen: better.trim().to_string(),
            rejected: worse.trim().to_string(),
            margin: None,
        };
        self.edit_data(
            |d| {
                if d.pairs.len() >= MAX_PAIRS {
                    return Err(format!(
                        "the data set already has {MAX_PAIRS} pairs, the most this page trains on"
                    ));
                }
                d.with_pair(record).map_err(|errors| {
                    let fields: Vec<String> = errors
                        .0
                        .iter()
                        .map(|e| match &e.field {
                            Some(f) => format!("{}: {}", form_field(f), e.message),
                            None => e.message.clone(),
                        })
                        .collect();
                    fields.join("; ")
                })
            },
            "added a pair at the end.",
        )
    }

    /// The followed pair's preference flipped.
    pub fn flip_pair(&self, index: usize) -> Result<(), String> {
        self.edit_data(
            |d| {
                d.with_pair_flipped(index)
                    .ok_or(format!("there is no pair {}", index + 1))
            },
            &format!("flipped which response of pair {} is better.", index + 1),
        )
    }

    /// The followed pair deleted.
    pub fn delete_pair(&self, index: usize) -> Result<(), String> {
        self.edit_data(
            |d| {
                d.without_pair(index).ok_or(if d.pairs.len() <= 1 {
                    "a data set needs at least one pair".to_string()
                } else {
                    format!("there is no pair {}", index + 1)
                })
            },
            &format!("deleted pair {}.", index + 1),
        )?;
        self.selected.set(None);
        Ok(())
    }

    /// Loads a model file (as the CLI writes it) and starts the run again from its weights at step 0, with the
    /// model kind of the file. Refused when the file is not a model or knows none of the data's words.
    pub fn import_model(&self, text: &str) -> Result<String, String> {
        let model = RewardModel::from_json(text).map_err(|e| format!("Model not loaded: {e}."))?;
        let words: BTreeSet<String> = self
            .with_run(|r| {
                let t = r.head();
                t.dataset()
                    .pairs
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !t.is_test(*i))
                    .flat_map(|(_, p)| tokenize(&p.chosen).into_iter().chain(tokenize(&p.rejected)))
                    .collect()
            })
            .unwrap_or_default();
        let known = words
            .iter()
            .filter(|w| model.vocab().id(w).is_some())
            .count();
        if known == 0 {
            return Err(format!(
                "Model not loaded: none of its {} words occur in this data set's training responses, so it would \
                 give every response the same reward. Load it with the data it was trained on.",
                model.vocab().len()
            ));
        }
        let mut next = self.config.get_untracked();
        next.model = model.kind();
        let kind = model.kind().name();
        let size = model.vocab().len();
        let mut run = self
            .build(next.clone())
            .map_err(|e| format!("Model not loaded: {e}."))?;
        run.restart_from(model);
        self.replace(run);
        let unknown = words.len() - known;
        let note = if unknown > 0 {
            format!(
                " {unknown} of the data's {} words are unknown to it and add nothing.",
                words.len()
            )
        } else {
            String::new()
        };
        let message = format!("Loaded a {kind} model of {size} words; the run starts from its weights at step 0.{note}");
        self.notice.set(message.clone());
        self.publish();
        Ok(message)
    }
}

/// The form's name for a data field.
fn form_field(field: &str) -> &str {
    match field {
        "chosen" => "the better response",
        "rejected" => "the worse response",
        other => other,
    }
}
