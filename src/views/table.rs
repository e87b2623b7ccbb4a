//! A chart's data as rows of text: what "Data as a table" shows under a chart.

/// A chart's data as rows of text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// Column headers.
    pub head: Vec<String>,
    /// Rows, each as long as `head`.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these headers and rows.
    pub fn new(head: &[&str], rows: Vec<Vec<String>>) -> Table {
        Table {
            head: head.iter().map(|h| h.to_string()).collect(),
            rows,
        }
    }
}
