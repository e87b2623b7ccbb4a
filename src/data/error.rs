//! What went wrong in a data file: one `DataError` per problem, each naming its line and field.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How many problems `DataErrors` shows before it sums up the rest in one line.
pub const SHOWN_PROBLEMS: usize = 50;

/// One problem in the input: where it is (line, field) and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataError {
    /// 1-based line of the file (or record number for `Dataset::from_records`); 0 = the whole file.
    pub line: usize,
    /// The JSON field at fault, when one is.
    pub field: Option<String>,
    /// What is wrong, in words, e.g. `must be a string, got the number 5`.
    pub message: String,
}

impl DataError {
    /// A problem with a whole line (or, for line 0, with the whole file).
    pub fn line(line: usize, message: impl Into<String>) -> DataError {
        DataError {
            line,
            field: None,
            message: message.into(),
        }
    }

    /// A problem with one field of a line.
    pub fn field(line: usize, field: &str, message: impl Into<String>) -> DataError {
        DataError {
            line,
            field: Some(field.to_string()),
            message: message.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, &self.field) {
            (0, None) => write!(f, "{}", self.message),
            (0, Some(field)) => write!(f, "field \"{field}\": {}", self.message),
            (line, None) => write!(f, "line {line}: {}", self.message),
            (line, Some(field)) => write!(f, "line {line}, field \"{field}\": {}", self.message),
        }
    }
}

impl std::error::Error for DataError {}

/// Every problem found in one input, in line order. Displayed one problem per line; after
/// [`SHOWN_PROBLEMS`] the rest are summed up as `... and N more problems`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataErrors(pub Vec<DataError>);

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().take(SHOWN_PROBLEMS).enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        if self.0.len() > SHOWN_PROBLEMS {
            let rest = self.0.len() - SHOWN_PROBLEMS;
            let noun = if rest == 1 { "problem" } else { "problems" };
            write!(f, "\n... and {rest} more {noun}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DataErrors {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_problem_names_its_line_and_field() {
        let e = DataError::field(3, "chosen", "must be a string, got the number 5");
        assert_eq!(
            e.to_string(),
            "line 3, field \"chosen\": must be a string, got the number 5"
        );
        assert_eq!(DataError::line(5, "x").to_string(), "line 5: x");
        assert_eq!(
            DataError::line(0, "the file is empty").to_string(),
            "the file is empty"
        );
    }

    #[test]
    fn a_long_list_of_problems_is_cut_after_fifty() {
        let all = DataErrors((1..=53).map(|l| DataError::line(l, "bad")).collect());
        let text = all.to_string();
        assert_eq!(text.lines().count(), SHOWN_PROBLEMS + 1);
        assert!(text.ends_with("... and 3 more problems"), "{text}");
        let one_more = DataErrors((1..=51).map(|l| DataError::line(l, "bad")).collect());
        assert!(one_more.to_string().ends_with("... and 1 more problem"));
    }
}
