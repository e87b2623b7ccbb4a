//! The run's history as CSV: the text of the CLI's `history.csv` and of the page's "history as CSV" export.

use super::{Trainer, CSV_HEADER};

/// [`CSV_HEADER`], then one row per kept step of the history, then the current step when the bounded history
/// skipped it: the last step is always in the file.
pub fn history_csv(trainer: &mut Trainer) -> String {
    let mut csv = String::from(CSV_HEADER);
    csv.push('\n');
    for (_, m) in trainer.history() {
        csv.push_str(&m.csv_row());
        csv.push('\n');
    }
    let last = trainer.metrics();
    if trainer.history().last().map(|(s, _)| *s) != Some(last.step) {
        csv.push_str(&last.csv_row());
        csv.push('\n');
    }
    csv
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::train::Config;

    #[test]
    fn the_csv_starts_with_the_header_and_ends_with_the_current_step() {
        let mut t = Trainer::from_config(Config::default()).unwrap();
        t.run(37).unwrap();
        let csv = history_csv(&mut t);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], CSV_HEADER);
        assert_eq!(*lines.last().unwrap(), t.metrics().csv_row());
        assert!(lines[1].starts_with("0,"), "{}", lines[1]);
        let columns = CSV_HEADER.split(',').count();
        assert!(lines.iter().all(|l| l.split(',').count() == columns));
    }

    #[test]
    fn a_long_run_whose_history_skipped_the_last_step_still_ends_with_it() {
        let mut t = Trainer::from_config(Config::default()).unwrap();
        t.run(5001).unwrap();
        let csv = history_csv(&mut t);
        let last = csv.lines().last().unwrap().to_string();
        assert_eq!(last, t.metrics().csv_row());
        assert!(last.starts_with("5001,"));
    }
}
