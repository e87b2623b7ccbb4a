//! The built-in data sets, one lesson each, written for a bag-of-words model that reads only the response text.

mod helpfulness;
pub(crate) mod hidden_quality;
pub(crate) mod length_bias;
pub(crate) mod noisy_labels;
pub mod padding;
pub(crate) mod synthetic;

use super::Dataset;

/// The names of the built-in data sets, in menu order.
pub fn builtin_names() -> &'static [&'static str] {
    &[
        "helpfulness",
        "hidden-quality",
        "length-bias",
        "noisy-labels",
        "padding",
    ]
}

/// A one-line description of a built-in data set.
pub fn builtin_description(name: &str) -> Option<&'static str> {
    match name {
        "helpfulness" => Some(helpfulness::DESCRIPTION),
        "hidden-quality" => Some(hidden_quality::DESCRIPTION),
        "length-bias" => Some(length_bias::DESCRIPTION),
        "noisy-labels" => Some(noisy_labels::DESCRIPTION),
        "padding" => Some(padding::DESCRIPTION),
        _ => None,
    }
}

/// A built-in data set by name; the same name always gives the same data.
pub fn builtin(name: &str) -> Option<Dataset> {
    match name {
        "helpfulness" => Some(helpfulness::build()),
        "hidden-quality" => Some(hidden_quality::build()),
        "length-bias" => Some(length_bias::build()),
        "noisy-labels" => Some(noisy_labels::build()),
        "padding" => Some(padding::build()),
        _ => None,
    }
}

/// Builds a built-in data set from records that are known to be valid.
fn from_valid_records(name: &str, description: &str, records: Vec<super::Record>) -> Dataset {
    match Dataset::from_records(name, description, records) {
        Ok(dataset) => dataset,
        // The built-in texts are fixed; the unit tests build every one of them.
        Err(errors) => unreachable!("built-in data set {name} is invalid: {errors}"),
    }
}
