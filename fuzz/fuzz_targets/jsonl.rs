//! `Dataset::parse_jsonl` on any bytes: never panics; what it accepts writes back and parses to the same pairs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reward_playground::data::Dataset;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(data) = Dataset::parse_jsonl("fuzz", bytes) {
        let again = Dataset::parse_jsonl("fuzz", data.to_jsonl().as_bytes())
            .expect("written JSONL parses back");
        assert_eq!(again.to_jsonl(), data.to_jsonl());
    }
});
