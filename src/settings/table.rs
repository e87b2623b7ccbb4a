//! The entries: one per field of `Config`, in its order, then the page's own settings, in the link's order.

use super::{closed, open, Range, Setting, Step, Value};

/// The largest learning rate a run accepts; far beyond what any data set here trains well with.
pub const MAX_LR: f64 = 1000.0;
/// The largest learning rate a link may carry (the page's slider ends there too).
pub const MAX_LINK_LR: f64 = 10.0;
/// The largest batch size a link may carry (the page's field ends there too).
pub const MAX_BATCH: usize = 10_000;
/// The largest seed a link may carry and the page's field takes: 2^53, the last integer a browser's number field
/// holds exactly.
pub const MAX_SEED: u64 = 1 << 53;

/// Speeds the page offers, in updates per second; ∞ (written `max`) means as fast as the machine allows.
pub const SPEEDS: [f64; 10] = [
    1.0,
    2.0,
    5.0,
    10.0,
    20.0,
    50.0,
    100.0,
    300.0,
    1000.0,
    f64::INFINITY,
];
/// The speed a run starts at.
pub const DEFAULT_SPEED: f64 = 10.0;

/// Parts of the page a teacher's link can hide, with how the "Hide controls" dialog names them.
pub const HIDEABLE: [(&str, &str); 6] = [
    ("explorer", "The loss explorer (drag two rewards)"),
    ("settings", "Training settings"),
    ("inspector", "Pair inspector"),
    ("slowstep", "Slow step"),
    ("charts", "Live charts"),
    ("score", "Score your own response"),
];

/// The data set. A run takes any label (data brought by the user is named after its file), a link only a
/// built-in data set's name: the data itself is not in the link.
pub const DATASET: Setting = Setting {
    name: "dataset",
    key: "data",
    flag: Some("--dataset"),
    range: Range::Label,
    page: Range::Dataset,
    step: Step::None,
    default: Value::Name("helpfulness"),
};

/// The reward model.
pub const MODEL: Setting = Setting {
    name: "model",
    key: "model",
    flag: Some("--model"),
    range: Range::Choice(&["linear", "mlp"]),
    page: Range::Choice(&["linear", "mlp"]),
    step: Step::None,
    default: Value::Name("linear"),
};

/// The optimizer.
pub const OPTIMIZER: Setting = Setting {
    name: "optimizer",
    key: "opt",
    flag: Some("--optimizer"),
    range: Range::Choice(&["sgd", "adam"]),
    page: Range::Choice(&["sgd", "adam"]),
    step: Step::None,
    default: Value::Name("sgd"),
};

/// The learning rate. A run accepts up to [`MAX_LR`], so the CLI can show what a far too large step does; a link
/// and the page's slider stop at [`MAX_LINK_LR`], where every data set here has long diverged, so that the slider's
/// log scale keeps its resolution where lessons happen (1e-4 … 10).
pub const LR: Setting = Setting {
    name: "lr",
    key: "lr",
    flag: Some("--lr"),
    range: Range::Number(open(0.0), closed(MAX_LR)),
    page: Range::Number(open(0.0), closed(MAX_LINK_LR)),
    step: Step::Log10 {
        by: 0.05,
        from: -4.0,
        to: 1.0,
    },
    default: Value::Number(0.5),
};

/// SGD momentum μ (0 = plain SGD); Adam ignores it. The page has no control for it; a link carries it.
pub const MOMENTUM: Setting = Setting {
    name: "momentum",
    key: "mom",
    flag: Some("--momentum"),
    range: Range::Number(closed(0.0), open(1.0)),
    page: Range::Number(closed(0.0), open(1.0)),
    step: Step::None,
    default: Value::Number(0.0),
};

/// Batch elements per step (0 = the whole training set). A run takes any size (one larger than the training set
/// is the whole set); a link and the page's field stop at [`MAX_BATCH`], beyond every data set the page holds.
pub const BATCH_SIZE: Setting = Setting {
    name: "batch-size",
    key: "batch",
    flag: Some("--batch-size"),
    range: Range::Whole(0, u64::MAX),
    page: Range::Whole(0, MAX_BATCH as u64),
    step: Step::By(1.0),
    default: Value::Whole(4),
};

/// Decoupled weight decay. The page has no control for it; a link carries it.
pub const WEIGHT_DECAY: Setting = Setting {
    name: "weight-decay",
    key: "wd",
    flag: Some("--weight-decay"),
    range: Range::Number(closed(0.0), open(1.0)),
    page: Range::Number(closed(0.0), open(1.0)),
    step: Step::None,
    default: Value::Number(0.0),
};

/// The seed of everything random. A run takes any u64; a link and the page's field stop at [`MAX_SEED`], since a
/// browser's number field (an f64) holds no larger integer exactly, and a link must open the same run.
pub const SEED: Setting = Setting {
    name: "seed",
    key: "seed",
    flag: Some("--seed"),
    range: Range::Whole(0, u64::MAX),
    page: Range::Whole(0, MAX_SEED),
    step: Step::By(1.0),
    default: Value::Whole(1),
};

/// The share of prompts held out as the test set.
pub const TEST_FRACTION: Setting = Setting {
    name: "test-fraction",
    key: "test",
    flag: Some("--test-fraction"),
    range: Range::Number(closed(0.0), closed(0.9)),
    page: Range::Number(closed(0.0), closed(0.9)),
    step: Step::By(0.05),
    default: Value::Number(0.25),
};

/// The pair loss.
pub const LOSS: Setting = Setting {
    name: "loss",
    key: "loss",
    flag: Some("--loss"),
    range: Range::Choice(&["bt", "margin", "smooth"]),
    page: Range::Choice(&["bt", "margin", "smooth"]),
    step: Step::None,
    default: Value::Name("bt"),
};

/// ε of the smooth loss; the other losses ignore it, so 0 is allowed with them (see [`SMOOTH_LABEL_SMOOTHING`]).
pub const LABEL_SMOOTHING: Setting = Setting {
    name: "label-smoothing",
    key: "eps",
    flag: Some("--label-smoothing"),
    range: Range::Number(closed(0.0), open(0.5)),
    page: Range::Number(closed(0.0), open(0.5)),
    step: Step::By(0.01),
    default: Value::Number(0.1),
};

/// ε while the loss is `smooth`: it needs ε > 0 (at ε = 0 it is plain −log σ(Δ) with no finite best gap). The
/// page shows its ε field only then, so the field's ends come from here.
pub const SMOOTH_LABEL_SMOOTHING: Setting = Setting {
    range: Range::Number(open(0.0), open(0.5)),
    page: Range::Number(open(0.0), open(0.5)),
    ..LABEL_SMOOTHING
};

/// c of TRL's centering term c·mean((r_chosen + r_rejected)²) (0 = off).
pub const CENTER_COEF: Setting = Setting {
    name: "center-coef",
    key: "c",
    flag: Some("--center-coef"),
    range: Range::Number(closed(0.0), closed(10.0)),
    page: Range::Number(closed(0.0), closed(10.0)),
    step: Step::By(0.01),
    default: Value::Number(0.0),
};

/// How pairs become batch elements.
pub const GROUPING: Setting = Setting {
    name: "grouping",
    key: "group",
    flag: Some("--grouping"),
    range: Range::Choice(&["prompts", "pairs"]),
    page: Range::Choice(&["prompts", "pairs"]),
    step: Step::None,
    default: Value::Name("prompts"),
};

/// The share of training preferences flipped on purpose (seeded).
pub const LABEL_NOISE: Setting = Setting {
    name: "label-noise",
    key: "noise",
    flag: Some("--label-noise"),
    range: Range::Number(closed(0.0), closed(0.5)),
    page: Range::Number(closed(0.0), closed(0.5)),
    step: Step::By(0.01),
    default: Value::Number(0.0),
};

/// Updates per second while playing, one of [`SPEEDS`] (written as `max` for ∞).
pub const SPEED: Setting = Setting {
    name: "speed",
    key: "speed",
    flag: None,
    range: Range::Choice(&["1", "2", "5", "10", "20", "50", "100", "300", "1000", "max"]),
    page: Range::Choice(&["1", "2", "5", "10", "20", "50", "100", "300", "1000", "max"]),
    step: Step::None,
    default: Value::Name("10"),
};

/// The pair followed everywhere, by its number in the data set.
pub const PAIR: Setting = Setting {
    name: "pair",
    key: "pair",
    flag: None,
    range: Range::Pair,
    page: Range::Pair,
    step: Step::None,
    default: Value::Absent,
};

/// Presentation mode (large type, thick lines): `1` on, `0` (or absent) off.
pub const PRESENTATION: Setting = Setting {
    name: "presentation",
    key: "present",
    flag: None,
    range: Range::Choice(&["0", "1"]),
    page: Range::Choice(&["0", "1"]),
    step: Step::None,
    default: Value::Name("0"),
};

/// The scene the page shows ([`crate::scene::Scene`]): `pair` (the loss explorer) or `train`.
pub const SCENE: Setting = Setting {
    name: "scene",
    key: "scene",
    flag: None,
    range: Range::Choice(&["pair", "train", "label", "use"]),
    page: Range::Choice(&["pair", "train", "label", "use"]),
    step: Step::None,
    default: Value::Name("pair"),
};

/// What the Train scene shows large ([`crate::scene::TrainView`]): one of the charts with a dot per pair, or all.
pub const VIEW: Setting = Setting {
    name: "view",
    key: "view",
    flag: None,
    range: Range::Choice(&["sigmoid", "neglog", "pull", "gaps", "all"]),
    page: Range::Choice(&["sigmoid", "neglog", "pull", "gaps", "all"]),
    step: Step::None,
    default: Value::Name("sigmoid"),
};

/// The n of best-of-n on the "Use the model" scene: a power of 2 up to 1024.
pub const BEST_OF_N: Setting = Setting {
    name: "best-of-n",
    key: "n",
    flag: None,
    range: Range::Choice(&[
        "1", "2", "4", "8", "16", "32", "64", "128", "256", "512", "1024",
    ]),
    page: Range::Choice(&[
        "1", "2", "4", "8", "16", "32", "64", "128", "256", "512", "1024",
    ]),
    step: Step::None,
    default: Value::Name("16"),
};

/// The β of π_β on the "Use the model" scene; the page moves it along 21 steps from 100 down to 0.01 and takes the
/// step nearest a linked value.
pub const BETA: Setting = Setting {
    name: "beta",
    key: "beta",
    flag: None,
    range: Range::Number(closed(0.01), closed(100.0)),
    page: Range::Number(closed(0.01), closed(100.0)),
    step: Step::None,
    default: Value::Number(1.0),
};

/// Parts of the page a teacher's link hides.
pub const HIDDEN: Setting = Setting {
    name: "hidden",
    key: "hide",
    flag: None,
    range: Range::Parts(&HIDEABLE),
    page: Range::Parts(&HIDEABLE),
    step: Step::None,
    default: Value::Absent,
};

/// Every field of `Config`, in its order (the order of `Config::changed_fields`).
pub const RUN: [Setting; 14] = [
    DATASET,
    MODEL,
    OPTIMIZER,
    LR,
    MOMENTUM,
    BATCH_SIZE,
    WEIGHT_DECAY,
    SEED,
    TEST_FRACTION,
    LOSS,
    LABEL_SMOOTHING,
    CENTER_COEF,
    GROUPING,
    LABEL_NOISE,
];

/// What only the page has: it travels in a link but is no part of a run.
pub const PAGE: [Setting; 8] = [
    SPEED,
    PAIR,
    PRESENTATION,
    SCENE,
    VIEW,
    BEST_OF_N,
    BETA,
    HIDDEN,
];

/// Every setting: [`RUN`], then [`PAGE`].
pub fn all() -> impl Iterator<Item = &'static Setting> {
    RUN.iter().chain(PAGE.iter())
}
