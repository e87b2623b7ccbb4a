//! The explorer's state: its two rewards, shared through the context so that the lesson can read and set them.

use leptos::prelude::*;

/// The rewards the explorer opens with: the core's [`crate::lesson::START`], shared with the lesson's first card.
pub use crate::lesson::START;

/// The explorer's two rewards, shared through the context so that the lesson can read and set them.
#[derive(Clone, Copy)]
pub struct Explorer {
    /// r_better.
    pub better: RwSignal<f64>,
    /// r_worse.
    pub worse: RwSignal<f64>,
}

impl Explorer {
    /// The rewards the explorer opens with ([`START`]).
    pub fn new() -> Explorer {
        Explorer::at(START)
    }

    /// The explorer at `(r_better, r_worse)`: where the first view was when the app took over.
    pub fn at((better, worse): (f64, f64)) -> Explorer {
        Explorer {
            better: RwSignal::new(better),
            worse: RwSignal::new(worse),
        }
    }
}

impl Default for Explorer {
    fn default() -> Self {
        Explorer::new()
    }
}
