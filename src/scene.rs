//! The page's scenes: each is one screen that a class watches while it runs (One pair, Train, Label, Use the model), chosen from a bar at
//! the top, kept in the link (`scene=train`) and moved between with `[` and `]`.
//!
//! Pure: the page reads this table for its scene bar, the link and the keyboard; the Train scene's layout (which
//! chart is the large one, which sit beside it) is [`TrainView`] and [`stage_role`].

use crate::views::RunChart;

/// One scene of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scene {
    /// The loss explorer: two rewards, the loss built in three parts.
    Pair,
    /// The reward model training live.
    Train,
    /// The learner labels pairs, trains on the labels, and a class measures how much it agrees.
    Label,
    /// The trained reward model used by a policy: best-of-n and π_β, gold against proxy.
    Use,
}

impl Scene {
    /// Every scene, in the order of the scene bar.
    pub const ALL: [Scene; 4] = [Scene::Pair, Scene::Train, Scene::Label, Scene::Use];

    /// The scene a page opens on when its link names none.
    pub const DEFAULT: Scene = Scene::Pair;

    /// How the link writes the scene (`scene=train`).
    pub fn key(self) -> &'static str {
        match self {
            Scene::Pair => "pair",
            Scene::Train => "train",
            Scene::Label => "label",
            Scene::Use => "use",
        }
    }

    /// The scene's name on its tab.
    pub fn title(self) -> &'static str {
        match self {
            Scene::Pair => "One pair",
            Scene::Train => "Train",
            Scene::Label => "Label",
            Scene::Use => "Use the model",
        }
    }

    /// What the scene is for, in one line (its tab's tooltip and the screen reader's description).
    pub fn blurb(self) -> &'static str {
        match self {
            Scene::Pair => "Two rewards and the loss −log σ(Δ), built in three parts",
            Scene::Train => "A tiny reward model learning from compared pairs, live",
            Scene::Label => {
                "Be the labeler: compare answers, train on your labels, measure a class's agreement"
            }
            Scene::Use => {
                "A policy that picks what the trained reward model likes: best-of-n and π_β"
            }
        }
    }

    /// The scene a link's value names; `None` for anything else.
    pub fn from_key(key: &str) -> Option<Scene> {
        Scene::ALL.into_iter().find(|s| s.key() == key.trim())
    }

    /// The scene `by` places along the bar (−1 the one before, 1 the one after), wrapping around.
    pub fn moved(self, by: isize) -> Scene {
        let n = Scene::ALL.len() as isize;
        let at = Scene::ALL.iter().position(|s| *s == self).unwrap_or(0) as isize;
        Scene::ALL[(at + by).rem_euclid(n) as usize]
    }
}

/// How the Train scene shows its charts: the stage (one large chart with the training curves beside it) or every
/// chart at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrainView {
    /// The large chart is this one; the loss and accuracy curves sit beside it and the word weights below.
    Stage(RunChart),
    /// Every chart that applies to the run, in a grid.
    All,
}

/// The charts a reader can make the large one on the Train scene: those with a mark per pair, which move when the
/// run trains.
pub const MAIN_CHOICES: [RunChart; 4] = [
    RunChart::Sigmoid,
    RunChart::NegLog,
    RunChart::Pull,
    RunChart::Gaps,
];

/// Where a chart sits on the Train scene.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The large chart.
    Main,
    /// Beside the large chart, first (upper) place.
    Upper,
    /// Beside the large chart, second (lower) place.
    Lower,
    /// The strip under the charts.
    Strip,
    /// In the grid of every chart.
    Grid,
    /// Not on screen in this view.
    Hidden,
}

impl Role {
    /// The name CSS places the chart by (`data-role`).
    pub fn name(self) -> &'static str {
        match self {
            Role::Main => "main",
            Role::Upper => "upper",
            Role::Lower => "lower",
            Role::Strip => "strip",
            Role::Grid => "grid",
            Role::Hidden => "hidden",
        }
    }
}

/// Where `chart` sits in `view`. `applies` says whether a chart means something for the run (the word weights only
/// for the linear model); the strip shows the word weights where they apply and the chosen-against-rejected rewards
/// otherwise, so the stage never has a hole.
pub fn stage_role(chart: RunChart, view: TrainView, applies: impl Fn(RunChart) -> bool) -> Role {
    if !applies(chart) {
        return Role::Hidden;
    }
    let main = match view {
        TrainView::All => return Role::Grid,
        TrainView::Stage(main) => main,
    };
    let strip = if applies(RunChart::Words) {
        RunChart::Words
    } else {
        RunChart::Rewards
    };
    if chart == main {
        Role::Main
    } else if chart == RunChart::Loss {
        Role::Upper
    } else if chart == RunChart::Accuracy {
        Role::Lower
    } else if chart == strip {
        Role::Strip
    } else {
        Role::Hidden
    }
}

/// The Train scene's view from its link value (`view=gaps`, `view=all`); `None` for anything else.
pub fn train_view_from_key(key: &str) -> Option<TrainView> {
    let key = key.trim();
    if key == "all" {
        return Some(TrainView::All);
    }
    MAIN_CHOICES
        .into_iter()
        .find(|c| main_key(*c) == key)
        .map(TrainView::Stage)
}

/// How the link writes the large chart's choice.
pub fn main_key(chart: RunChart) -> &'static str {
    match chart {
        RunChart::Sigmoid => "sigmoid",
        RunChart::NegLog => "neglog",
        RunChart::Pull => "pull",
        RunChart::Gaps => "gaps",
        _ => "sigmoid",
    }
}

/// How the link writes a Train view.
pub fn train_view_key(view: TrainView) -> &'static str {
    match view {
        TrainView::All => "all",
        TrainView::Stage(c) => main_key(c),
    }
}

/// The view the Train scene opens with: the pairs as dots on σ(Δ).
pub const DEFAULT_TRAIN_VIEW: TrainView = TrainView::Stage(RunChart::Sigmoid);

/// The short name of a large-chart choice on its switch.
pub fn main_label(chart: RunChart) -> &'static str {
    match chart {
        RunChart::Sigmoid => "σ(Δ)",
        RunChart::NegLog => "−log σ(Δ)",
        RunChart::Pull => "pull σ(−Δ)",
        RunChart::Gaps => "gaps Δ",
        _ => "",
    }
}
