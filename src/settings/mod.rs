//! The settings table: every setting of a run and of the page, with its name, link key, CLI flag, range, page step
//! and default. `Config::validate`, the link reader and writer, the page's controls and the CLI's defaults read it.

mod table;

pub use table::*;

use std::fmt;

/// One end of a range of numbers: where it is and whether the end itself belongs to the range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct End {
    /// The end's value.
    pub at: f64,
    /// Whether `at` itself is in the range (`[` or `]`) or not (`(` or `)`).
    pub closed: bool,
}

/// An end that belongs to its range: `[at` or `at]`.
pub const fn closed(at: f64) -> End {
    End { at, closed: true }
}

/// An end that does not belong to its range: `(at` or `at)`.
pub const fn open(at: f64) -> End {
    End { at, closed: false }
}

/// The values a setting may take.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Range {
    /// A finite number between two ends.
    Number(End, End),
    /// A whole number from the first to the second, both included.
    Whole(u64, u64),
    /// One of these names.
    Choice(&'static [&'static str]),
    /// The name of a built-in data set (`crate::data::builtin_names`).
    Dataset,
    /// Any name: a built-in data set's, or a label for data brought by the user.
    Label,
    /// The number of one pair of the data set, from 0 to its number of pairs − 1.
    Pair,
    /// Any of these parts, each named once: the name and how the page's dialog names it.
    Parts(&'static [(&'static str, &'static str)]),
}

impl Range {
    /// Whether `value` is in this range of numbers (finite, and between the ends); always false for a range of
    /// names. A whole-number range also asks for no fraction.
    pub fn contains(&self, value: f64) -> bool {
        match *self {
            Range::Number(lo, hi) => {
                let above = if lo.closed {
                    value >= lo.at
                } else {
                    value > lo.at
                };
                let below = if hi.closed {
                    value <= hi.at
                } else {
                    value < hi.at
                };
                value.is_finite() && above && below
            }
            Range::Whole(lo, hi) => {
                value.fract() == 0.0 && value >= lo as f64 && value <= hi as f64
            }
            _ => false,
        }
    }

    /// Whether the whole number `value` is in this range of whole numbers (compared exactly, not as an f64).
    pub fn contains_whole(&self, value: u64) -> bool {
        matches!(*self, Range::Whole(lo, hi) if lo <= value && value <= hi)
    }

    /// The names a range of names allows, in the order the page lists them (empty for the other ranges).
    pub fn choices(&self) -> &'static [&'static str] {
        match *self {
            Range::Choice(names) => names,
            Range::Dataset => crate::data::builtin_names(),
            _ => &[],
        }
    }

    /// What the range allows, as the link reader's notices say it after "is not": `a number in (0, 10]`,
    /// `a whole number from 0 to 10000`, `linear or mlp`, `one of 1, 2, 5, …, max`.
    pub fn allowed(&self) -> String {
        match *self {
            Range::Number(..) => format!("a number in {self}"),
            Range::Whole(lo, hi) => format!("a whole number from {lo} to {hi}"),
            Range::Parts(parts) => {
                let names: Vec<&str> = parts.iter().map(|(n, _)| *n).collect();
                format!("one of {}", names.join(", "))
            }
            Range::Label => "a name".to_string(),
            Range::Pair => "a pair number".to_string(),
            Range::Choice(_) | Range::Dataset => {
                // A short list reads as a sentence ("bt, margin or smooth"), a long one as a list.
                let names = self.choices();
                match names.split_last() {
                    Some((last, rest)) if !rest.is_empty() && names.len() <= 3 => {
                        format!("{} or {last}", rest.join(", "))
                    }
                    _ => format!("one of {}", names.join(", ")),
                }
            }
        }
    }
}

/// Ranges of numbers are written as intervals, `[0, 1)`; whole numbers as `0 … 10000`; names as `a/b/c`.
impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Range::Number(lo, hi) => write!(
                f,
                "{}{}, {}{}",
                if lo.closed { "[" } else { "(" },
                lo.at,
                hi.at,
                if hi.closed { "]" } else { ")" }
            ),
            Range::Whole(lo, hi) => write!(f, "{lo} … {hi}"),
            Range::Parts(parts) => {
                let names: Vec<&str> = parts.iter().map(|(n, _)| *n).collect();
                write!(f, "{}", names.join(","))
            }
            Range::Label | Range::Pair => write!(f, "{}", self.allowed()),
            Range::Choice(_) | Range::Dataset => write!(f, "{}", self.choices().join("/")),
        }
    }
}

/// How the page's control moves through a setting's range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Step {
    /// The page has no control for it, or its control is a list (a `<select>`, a dialog, a key).
    None,
    /// A number field or a slider that moves by this much.
    By(f64),
    /// A slider over log10 of the value, from 10^`from` to 10^`to` by `by`: a learning rate spans five orders of
    /// magnitude, and a log scale cannot reach 0, so its lower end is a choice of the page, not of the range.
    Log10 {
        /// How far one step moves in log10 (0.05 ≈ 12 %).
        by: f64,
        /// log10 of the slider's lowest value.
        from: f64,
        /// log10 of the slider's highest value: log10 of the page range's upper end.
        to: f64,
    },
}

/// A setting's default value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// A number.
    Number(f64),
    /// A whole number.
    Whole(u64),
    /// A name, as the link and the CLI write it.
    Name(&'static str),
    /// Nothing: no pair followed, no part hidden. Notices show it as `none`.
    Absent,
}

impl Value {
    /// The number; NaN for any other kind of value (the table is fixed, and `tests/settings.rs` checks every
    /// default against `Config::default()`, so a wrong kind fails a test rather than the page).
    pub const fn number(self) -> f64 {
        match self {
            Value::Number(v) => v,
            _ => f64::NAN,
        }
    }

    /// The whole number; `u64::MAX` for any other kind of value (checked by the same test).
    pub const fn whole(self) -> u64 {
        match self {
            Value::Whole(v) => v,
            _ => u64::MAX,
        }
    }

    /// The name; empty for any other kind of value (checked by the same test).
    pub const fn name(self) -> &'static str {
        match self {
            Value::Name(v) => v,
            _ => "",
        }
    }
}

/// A value as the link writes it and a notice shows it: `0.5`, `4`, `linear`, `none`.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(v) => write!(f, "{v}"),
            Value::Whole(v) => write!(f, "{v}"),
            Value::Name(v) => write!(f, "{v}"),
            Value::Absent => write!(f, "none"),
        }
    }
}

/// One setting: how each view of it (error messages, the link, the CLI, the page) names it, what it allows, and
/// where it starts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Setting {
    /// The name, as `ConfigError::field` and `Config::changed_fields` spell it (e.g. `test-fraction`).
    pub name: &'static str,
    /// The key in the page's address (e.g. `test`).
    pub key: &'static str,
    /// The CLI flag of `train` (e.g. `--test-fraction`); None for what only the page has.
    pub flag: Option<&'static str>,
    /// What a run accepts: `Config::validate` and so the CLI.
    pub range: Range,
    /// What a link may carry and the page's control offers; inside `range`, and the same unless the entry says why.
    pub page: Range,
    /// How the page's control moves.
    pub step: Step,
    /// The value a run or the page starts with: `Config::default()`'s and `SharedState::default()`'s.
    pub default: Value,
}

impl Setting {
    /// The CLI flag without its dashes (`test-fraction`), as clap names the argument; None for page-only settings.
    pub fn flag_name(&self) -> Option<&'static str> {
        self.flag.map(|f| f.trim_start_matches('-'))
    }

    /// How far the page's control moves at a time (1 for whole numbers without a step of their own).
    pub fn step_by(&self) -> f64 {
        match self.step {
            Step::By(by) | Step::Log10 { by, .. } => by,
            Step::None => 1.0,
        }
    }

    /// The page's control's lowest position: the page range's lower end, or one step inside it when that end is
    /// open (a field cannot offer "just above 0"). For a log slider, the log10 of its lowest value.
    pub fn control_min(&self) -> f64 {
        match (self.step, self.page) {
            (Step::Log10 { from, .. }, _) => from,
            (_, Range::Number(lo, _)) if lo.closed => lo.at,
            (_, Range::Number(lo, _)) => lo.at + self.step_by(),
            (_, Range::Whole(lo, _)) => lo as f64,
            _ => 0.0,
        }
    }

    /// The page's control's highest position: the page range's upper end, or one step inside it when that end is
    /// open. For a log slider, the log10 of its highest value.
    pub fn control_max(&self) -> f64 {
        match (self.step, self.page) {
            (Step::Log10 { to, .. }, _) => to,
            (_, Range::Number(_, hi)) if hi.closed => hi.at,
            (_, Range::Number(_, hi)) => hi.at - self.step_by(),
            (_, Range::Whole(_, hi)) => hi as f64,
            _ => 0.0,
        }
    }

    /// `value` moved to the nearest position the page's control offers (for a log slider, `value` is a log10).
    pub fn clamp_to_control(&self, value: f64) -> f64 {
        value.clamp(self.control_min(), self.control_max())
    }
}
