//! How long the play loop trains in each animation frame: as long as it can without making the frame late.
//!
//! What is left of a frame after drawing depends on the data set (20 000 pairs take far longer to read and draw than
//! the built-in sets) and on the machine, so the slice is learned from the frames themselves.

/// Longest training slice in one animation frame, in ms: the rest of the frame is left for drawing.
const SLICE_MS: f64 = 6.0;

/// Shortest training slice in ms: below it a frame trains not at all and is left to drawing.
const MIN_SLICE_MS: f64 = 1.0;

/// A frame that comes more than this many ms after the one before was late (a frame at 60 Hz is 16.7 ms).
const LATE_MS: f64 = 20.0;

/// How fast the slice grows back after a late frame while it is below what was last on time (ms per frame).
const REGROW_MS: f64 = 0.5;

/// How fast the slice grows beyond what was last on time (ms per frame): slowly, so a late frame is rare.
const PROBE_MS: f64 = 0.01;

/// The play loop's training slice: halved after a late frame, which also marks four fifths of that slice as the
/// most that fits; grown back quickly up to that mark, then slowly beyond it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pace {
    slice: f64,
    fits: f64,
}

impl Default for Pace {
    fn default() -> Pace {
        Pace {
            slice: SLICE_MS,
            fits: SLICE_MS,
        }
    }
}

impl Pace {
    /// The ms this frame may train.
    pub fn slice(&self) -> f64 {
        self.slice
    }

    /// Whether this frame trains at all (a slice under 1 ms, `MIN_SLICE_MS`, leaves the frame to drawing).
    pub fn trains(&self) -> bool {
        self.slice >= MIN_SLICE_MS
    }

    /// The pace for the next frame, after a frame that came `dt` ms after the one before.
    pub fn next(self, dt: f64) -> Pace {
        let Pace { slice, fits } = self;
        if dt > LATE_MS {
            // A frame that trained and came late trained too long; one that did not train came late from drawing
            // alone, which says nothing of the slice.
            let fits = if self.trains() {
                fits.min(slice * 0.8)
            } else {
                fits
            };
            return Pace {
                slice: slice / 2.0,
                fits,
            };
        }
        let slice = if slice < fits {
            (slice + REGROW_MS).min(fits)
        } else {
            slice + PROBE_MS
        }
        .min(SLICE_MS);
        Pace {
            slice,
            fits: fits.max(slice),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Frames of a loop whose drawing takes `draw` ms, on a 60 Hz display: a frame is late when drawing and training
    /// pass 16.7 ms. Returns the share of late frames and the mean slice over the last `n` of `2n` frames.
    fn run(draw: f64, n: usize) -> (f64, f64) {
        let mut pace = Pace::default();
        let (mut late, mut trained) = (0, 0.0);
        for i in 0..2 * n {
            let work = draw + if pace.trains() { pace.slice() } else { 0.0 };
            let dt = if work > 16.7 { 33.3 } else { 16.7 };
            if i >= n {
                late += usize::from(dt > 20.0);
                trained += if pace.trains() { pace.slice() } else { 0.0 };
            }
            pace = pace.next(dt);
        }
        (late as f64 / n as f64, trained / n as f64)
    }

    #[test]
    fn with_light_drawing_every_frame_trains_the_longest_slice_and_none_is_late() {
        assert_eq!(run(6.0, 600), (0.0, SLICE_MS));
    }

    #[test]
    fn with_heavy_drawing_few_frames_are_late_and_most_of_the_room_left_is_used() {
        for draw in [12.0, 13.5, 15.0] {
            let room = 16.7 - draw;
            let (late, mean) = run(draw, 3000);
            assert!(late < 0.03, "drawing {draw} ms: {:.1} % late", 100.0 * late);
            assert!(
                mean > 0.6 * room,
                "drawing {draw} ms: trains {mean:.2} ms of {room:.1}"
            );
        }
    }

    #[test]
    fn when_drawing_alone_fills_the_frame_training_waits_and_comes_back() {
        // Late frames that did not train do not lower what fits.
        let mut pace = Pace::default().next(33.3);
        for _ in 0..4 {
            pace = pace.next(33.3);
        }
        assert!(!pace.trains());
        let fits = pace.fits;
        let pace = pace.next(33.3);
        assert_eq!(pace.fits, fits);
        // On time again, it regrows by ½ ms a frame up to what fits.
        assert_eq!(pace.next(16.7).slice(), pace.slice() + REGROW_MS);
    }
}
