//! Endurance: a million steps of the page's default run. Ignored by default (about a minute in release):
//!   cargo test --release --test endurance -- --ignored endurance --nocapture
//! Memory stays flat after the first 10⁴ steps (process RSS and the run's own records), and no number turns NaN.
#![cfg(target_os = "linux")]

use reward_playground::train::{Config, Trainer};

/// Resident set size of this process in bytes, from /proc/self/statm (pages × 4096).
fn rss_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").expect("/proc/self/statm is readable");
    let pages: u64 = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    pages * 4096
}

/// Points the run keeps for its charts and rewinds.
fn records(t: &Trainer) -> usize {
    t.history().len() + t.gap_history().len()
}

#[test]
#[ignore = "endurance: a million steps; run with --release -- --ignored endurance"]
fn endurance_million_steps_flat_memory_no_nan() {
    const STEPS: u64 = 1_000_000;
    const WARM: u64 = 10_000;
    let config = Config::default();
    let mut trainer = Trainer::from_config(config).expect("the default config trains");
    trainer.run(WARM).expect("warm-up runs");
    let rss_warm = rss_bytes();
    let records_warm = records(&trainer);
    let mut most_records = records_warm;
    let mut done = WARM;
    let chunk = 10_000;
    while done < STEPS {
        trainer.run(chunk).expect("no step fails");
        done += chunk;
        let m = trainer.metrics();
        for (name, x) in [
            ("loss", m.loss),
            ("accuracy", m.accuracy),
            ("margin", m.margin),
            ("min reward", m.min_reward),
        ] {
            assert!(x.is_finite(), "{name} is {x} at step {done}");
        }
        assert!(!trainer.diverged(), "diverged at step {done}");
        most_records = most_records.max(records(&trainer));
        if done.is_multiple_of(100_000) {
            println!("step {done}: RSS {:.2} MB", rss_bytes() as f64 / 1e6);
        }
    }
    let rss_end = rss_bytes();
    // A rewind near the end replays from the nearest snapshot, however long the run.
    let back = trainer.rewound(STEPS - 1);
    assert_eq!(back.step_count(), STEPS - 1);
    let growth = rss_end as i64 - rss_warm as i64;
    println!(
        "endurance: {STEPS} steps; RSS {:.2} MB after {WARM} steps, {:.2} MB at the end ({:+.1} KB); \
         recorded points {records_warm} after {WARM} steps, at most {most_records}",
        rss_warm as f64 / 1e6,
        rss_end as f64 / 1e6,
        growth as f64 / 1e3,
    );
    assert!(
        growth < 256 * 1024,
        "RSS grew {growth} bytes after the first {WARM} steps"
    );
    assert_eq!(trainer.step_count(), STEPS);
    assert!(
        most_records <= 2 * records_warm.max(64),
        "records grew: {most_records}"
    );
}
