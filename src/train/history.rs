//! A bounded record of a run: it keeps every k-th step and doubles k when full, so memory stays bounded however
//! long the run.

/// Points recorded at steps 0, k, 2k, …; when `capacity` is reached every other point is dropped and k doubles.
#[derive(Clone, Debug, PartialEq)]
pub struct Thinned<T> {
    every: u64,
    capacity: usize,
    points: Vec<(u64, T)>,
}

impl<T: Clone> Thinned<T> {
    /// An empty record that holds at most `capacity` points (at least 2).
    pub fn new(capacity: usize) -> Self {
        Self::spaced(capacity, 1)
    }

    /// An empty record that holds at most `capacity` points (at least 2) and keeps every `every`-th step from the
    /// start (a power of two keeps the thinned steps evenly spaced).
    pub fn spaced(capacity: usize, every: u64) -> Self {
        Thinned {
            every: every.max(1),
            capacity: capacity.max(2),
            points: Vec::new(),
        }
    }

    /// Whether a point for `step` would be kept.
    pub fn wants(&self, step: u64) -> bool {
        step.is_multiple_of(self.every) && self.points.last().is_none_or(|(s, _)| *s < step)
    }

    /// Records `value` at `step` if the record wants that step; steps must increase.
    pub fn push(&mut self, step: u64, value: T) {
        if !self.wants(step) {
            return;
        }
        self.points.push((step, value));
        if self.points.len() >= self.capacity {
            self.every *= 2;
            let every = self.every;
            self.points.retain(|(s, _)| s.is_multiple_of(every));
        }
    }

    /// Drops every point after `step` (used when a run is rewound and goes on from there).
    pub fn truncate_after(&mut self, step: u64) {
        self.points.retain(|(s, _)| *s <= step);
    }

    /// The recorded points, oldest first.
    pub fn points(&self) -> &[(u64, T)] {
        &self.points
    }

    /// The last recorded point.
    pub fn last(&self) -> Option<&(u64, T)> {
        self.points.last()
    }

    /// The kept point with the greatest step ≤ `step`.
    pub fn at_or_before(&self, step: u64) -> Option<&(u64, T)> {
        let i = self.points.partition_point(|(s, _)| *s <= step);
        i.checked_sub(1).map(|i| &self.points[i])
    }

    /// The spacing between kept steps.
    pub fn every(&self) -> u64 {
        self.every
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_stays_bounded_however_long_the_run() {
        let mut h = Thinned::new(64);
        for step in 0..1_000_000u64 {
            h.push(step, step as f64);
        }
        assert!(h.points().len() < 64);
        assert!(h.points().len() >= 31);
        assert_eq!(h.points()[0].0, 0);
        // Kept points are evenly spaced by `every`.
        for w in h.points().windows(2) {
            assert_eq!(w[1].0 - w[0].0, h.every());
        }
    }

    #[test]
    fn a_spaced_record_keeps_every_kth_step_from_the_start() {
        let mut h = Thinned::spaced(4, 16);
        for step in 0..150u64 {
            h.push(step, step);
        }
        let steps: Vec<u64> = h.points().iter().map(|p| p.0).collect();
        // 0, 16, 32, 48 fill it, leaving 0, 32; 64 and 96 fill it again, leaving 0, 64; then 128.
        assert_eq!(steps, [0, 64, 128]);
        assert_eq!(h.every(), 64);
        assert!(!Thinned::<u64>::spaced(8, 4).wants(3));
    }

    #[test]
    fn truncating_and_looking_up_steps() {
        let mut h = Thinned::new(100);
        for step in 0..10u64 {
            h.push(step, step);
        }
        assert_eq!(h.at_or_before(5).map(|p| p.1), Some(5));
        h.truncate_after(3);
        assert_eq!(h.last().map(|p| p.0), Some(3));
        h.push(4, 40);
        assert_eq!(h.last(), Some(&(4, 40)));
    }
}
