//! The SVG charts `train` writes: every run chart of the registry that applies to the run, drawn by the same chart
//! functions as the page.

use crate::charts::{self, Layer, Theme};
use crate::train::Trainer;
use crate::views::{Focus, RunChart};

const SIZE: (u32, u32) = (640, 360);

/// Every chart that fits the run, as (file name, SVG text).
pub fn all_svgs(t: &mut Trainer) -> Result<Vec<(String, String)>, String> {
    let theme = Theme::light();
    let applying: Vec<RunChart> = RunChart::ALL
        .iter()
        .copied()
        .filter(|chart| chart.applies(t))
        .collect();
    applying
        .into_iter()
        .map(|chart| {
            let name = chart.file();
            charts::to_svg(SIZE.0, SIZE.1, |a| {
                chart.draw(a, t, &Focus::FILE, &theme, Layer::All)
            })
            .map(|svg| (name.to_string(), svg))
            .map_err(|e| format!("{name}: {e}"))
        })
        .collect()
}
