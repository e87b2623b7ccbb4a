//! A run's history as plain series, in the shapes the charts take: shared by the page and the CLI.

use super::Trainer;

/// Metric values over the recorded steps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    /// Recorded step numbers.
    pub steps: Vec<f64>,
    /// The training set's values.
    pub train: Vec<f64>,
    /// The test set's values (empty when the run has no test set).
    pub test: Vec<f64>,
}

impl Trainer {
    /// Loss over the recorded steps, train and test.
    pub fn loss_series(&self) -> Series {
        self.series(|m| (m.loss, m.test_loss))
    }

    /// Accuracy over the recorded steps, train and test.
    pub fn accuracy_series(&self) -> Series {
        self.series(|m| (m.accuracy, m.test_accuracy))
    }

    fn series(&self, pick: impl Fn(&super::Metrics) -> (f64, Option<f64>)) -> Series {
        let mut s = Series::default();
        let has_test = self
            .history()
            .first()
            .is_some_and(|(_, m)| pick(m).1.is_some());
        for (step, m) in self.history() {
            let (train, test) = pick(m);
            s.steps.push(*step as f64);
            s.train.push(train);
            if has_test {
                s.test.push(test.unwrap_or(f64::NAN));
            }
        }
        s
    }

    /// The recorded steps and, for each followed pair, its gap at those steps (one series per pair).
    pub fn gap_series(&self) -> (Vec<f64>, Vec<Vec<f64>>) {
        let points = self.gap_history();
        let steps = points.iter().map(|(s, _)| *s as f64).collect();
        let n = points.first().map_or(0, |(_, g)| g.len());
        let per_pair = (0..n)
            .map(|i| {
                points
                    .iter()
                    .map(|(_, g)| g.get(i).copied().unwrap_or(f64::NAN))
                    .collect()
            })
            .collect();
        (steps, per_pair)
    }

    /// Learned reward against true quality for every response whose truth the data set knows.
    pub fn learned_vs_true(&self) -> Vec<(f64, f64)> {
        self.dataset()
            .truth
            .iter()
            .map(|(text, truth)| (*truth, self.score(text).reward))
            .collect()
    }
}
