//! Reward Playground: a tiny RLHF reward model, its loss −log σ(r_better − r_worse), a trainer and its charts.
//!
//! The pure core (`loss`, `data`, `model`, `optim`, `train`, `policy` (using a reward model: best-of-n and π_β on
//! candidate pools), `charts`, `views` (the run charts' registry),
//! `settings` (the one table of every setting's link key, CLI flag, range and default), and the page's `format`,
//! `keys` and `lesson`, and `label`: labeling by hand, label codes and a class's agreement) never touches the web; the page lives in `web` (wasm32 only) and the command-line tool in
//! `cli` (native only).

pub mod charts;
pub mod data;
pub mod format;
pub mod hash;
pub mod keys;
pub mod label;
pub mod lesson;
pub mod loss;
pub mod model;
pub mod optim;
pub mod order;
pub mod policy;
pub mod rng;
pub mod scene;
pub mod settings;
pub mod share;
pub mod train;
pub mod views;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod web;
