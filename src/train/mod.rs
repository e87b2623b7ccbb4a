//! Training: one `Config` per run, a `Trainer` that steps it, TRL-named metrics, bounded history and rewind.

mod config;
mod csv;
mod explain;
mod history;
mod metrics;
mod pace;
mod series;
mod session;
mod trainer;

pub use config::{Config, ConfigError, Grouping, MAX_LR};
pub use csv::history_csv;
pub use explain::{PairStep, StepExplanation, WeightChange};
pub use history::Thinned;
pub use metrics::{set_stats, Metrics, SetStats, CSV_HEADER};
pub use pace::Pace;
pub use series::Series;
pub use session::{steps_per_check, Applied, Session, Shown, SlowStep, Stage, StageMove};
pub use trainer::{
    record_every, PairState, TrainError, Trainer, GAP_POINTS, HISTORY_POINTS, MIN_SNAPSHOTS,
    RECORD_PAIRS, SNAPSHOTS, SNAPSHOT_BYTES, TRACKED_PAIRS,
};
