//! The Label scene's state: the labeler's session (kept in the link as a label code, so a reload loses nothing), the
//! name they share under, the runs trained on labels, and the class's codes as last read.

use leptos::prelude::*;

use crate::data::Dataset;
use crate::label::{
    builtin_set, model_agreement, ClassLabels, Label, LabelCode, LabelSet, RunOnLabels, Session,
    LINK_KEY,
};
use crate::web::hash;
use crate::web::training::Training;

/// The built-in labeling set a session starts on.
pub const DEFAULT_SET: &str = "class";
/// Epochs a run on labels trains before its numbers are shown.
pub const EPOCHS_ON_LABELS: u64 = 30;

/// A run trained on labels, and which labels it was.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelRun {
    /// What it learned.
    pub run: RunOnLabels,
    /// The labels it was trained on (a labeler's own run), to tell when they changed since.
    pub labels: Vec<Label>,
}

/// The scene's state, shared by its panels through the context.
#[derive(Clone, Copy)]
pub struct Labeling {
    /// The labeler's session.
    pub session: RwSignal<Session>,
    /// The name in the shared code (may be empty).
    pub name: RwSignal<String>,
    /// The last run on the labeler's own labels.
    pub mine: RwSignal<Option<LabelRun>>,
    /// A message about the last action (a refused code in the link, a refused run).
    pub notice: RwSignal<String>,
    /// The class's codes as last read.
    pub class: RwSignal<Option<ClassLabels>>,
    /// The last run on the class's labels, and what it was trained on.
    pub class_run: RwSignal<Option<(RunOnLabels, &'static str)>>,
    /// What the last action on the class's codes did (a file read, a refused run).
    pub class_status: RwSignal<String>,
    /// The side column's open tab; on "class" with codes read, the class's numbers take the pair's place.
    pub tab: RwSignal<&'static str>,
}

/// A session over the built-in set with the run's seed.
fn fresh(seed: u64) -> Session {
    let set = builtin_set(DEFAULT_SET).unwrap_or_else(|| LabelSet {
        id: DEFAULT_SET.into(),
        description: String::new(),
        pairs: Vec::new(),
    });
    Session::new(set, seed)
}

impl Labeling {
    /// The state as the link says: the session of its `labels=` code when it names a set this page has, or a new
    /// session over the built-in set with the run's seed (and a notice saying why the link's labels were not used).
    pub fn from_link(t: Training) -> Labeling {
        let seed = t.config.get_untracked().seed;
        let (session, notice, name) = match hash::read().get(LINK_KEY) {
            None => (fresh(seed), String::new(), String::new()),
            Some(text) => match resume(t, text) {
                Ok((s, name)) => (s, String::new(), name),
                Err(e) => (
                    fresh(seed),
                    format!("The link's labels were not used ({e}); a new session started."),
                    String::new(),
                ),
            },
        };
        let l = Labeling {
            session: RwSignal::new(session),
            name: RwSignal::new(name),
            mine: RwSignal::new(None),
            notice: RwSignal::new(notice),
            class: RwSignal::new(None),
            class_run: RwSignal::new(None),
            class_status: RwSignal::new(String::new()),
            tab: RwSignal::new("mine"),
        };
        // The labels live in the link, so a reload (or a copied link) keeps them.
        Effect::new(move |_| {
            let code = l.code();
            let value = (!code.labels.is_empty()).then(|| code.to_string());
            if hash::read().get(LINK_KEY) != value.as_deref() {
                hash::set(LINK_KEY, value.as_deref());
            }
        });
        l
    }

    /// What the lesson reads of the scene (tracked).
    pub fn lesson_view(&self) -> crate::lesson::LabelView {
        let (given, total, decided, consistency, labels) = self.session.with(|s| {
            (
                s.labels().len(),
                s.total(),
                s.preferences().iter().flatten().count(),
                s.self_consistency().decided.share(),
                s.labels().to_vec(),
            )
        });
        let trained_on_current = self
            .mine
            .with(|m| m.as_ref().is_some_and(|m| m.labels == labels));
        let (class_labelers, class_agreement) = self.class.with(|c| {
            c.as_ref().map_or((0, None), |c| {
                (c.labelers.len(), c.agreement().mean_pairwise_agreement)
            })
        });
        crate::lesson::LabelView {
            given,
            total,
            decided,
            trained_on_current,
            consistency,
            class_labelers,
            class_agreement,
        }
    }

    /// The labeler's code now.
    pub fn code(&self) -> LabelCode {
        let name = LabelCode::clean_name(&self.name.get());
        self.session.with(|s| s.code(name.as_deref()))
    }

    /// Labels the pair shown; false when the session is done.
    pub fn give(&self, label: Label) -> bool {
        let mut given = false;
        self.session.update(|s| given = s.label(label));
        given
    }

    /// Takes back the last label.
    pub fn undo(&self) {
        self.session.update(|s| {
            s.undo();
        });
    }

    /// A new session over `set` (the labels so far are dropped), with the run's seed.
    pub fn start(&self, set: LabelSet, seed: u64) {
        self.session.set(Session::new(set, seed));
        self.mine.set(None);
        self.class.set(None);
        self.class_run.set(None);
        self.notice.set(String::new());
    }

    /// Trains a new run on `data` for [`EPOCHS_ON_LABELS`] epochs and measures it against the session's reference
    /// answers; refused (the run left as it was) when no run can start on the data.
    pub fn train_on(&self, t: Training, data: Dataset, what: &str) -> Result<RunOnLabels, String> {
        let pairs = data.pairs.len();
        t.use_data(data, what)?;
        for _ in 0..EPOCHS_ON_LABELS {
            t.epoch();
        }
        let set = self.session.with_untracked(|s| s.set().clone());
        let with_reference = t
            .with_run(|r| model_agreement(&set, r.shown().model()))
            .unwrap_or_default();
        let shown = t.shown.get_untracked();
        Ok(RunOnLabels {
            pairs,
            test_pairs: pairs - shown.train_pairs,
            epochs: libm::round(shown.metrics.epoch) as u64,
            train_accuracy: shown.metrics.accuracy,
            test_accuracy: shown.metrics.test_accuracy,
            with_reference,
        })
    }
}

/// The session a code names, on a set this page has: a built-in set, or the run's data set.
fn resume(t: Training, text: &str) -> Result<(Session, String), String> {
    let code = LabelCode::parse(text).map_err(|e| e.to_string())?;
    let set = builtin_set(&code.set)
        .or_else(|| {
            t.current_data()
                .and_then(|d| LabelSet::from_dataset(&d))
                .filter(|s| s.id == code.set)
        })
        .ok_or_else(|| {
            format!(
                "they are for the labeling set \"{}\", which this page has not loaded",
                code.set
            )
        })?;
    let name = code.name.clone().unwrap_or_default();
    Session::resume(set, code.seed, &code).map(|s| (s, name))
}
