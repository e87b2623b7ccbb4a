//! `SharedState::from_hash` on any link: never panics, always gives settings that pass `Config::validate` and start a
//! run, names every refused value, and what it writes back reads as the same state with no notice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reward_playground::hash::HashPairs;
use reward_playground::share::SharedState;
use reward_playground::train::Trainer;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let (state, notices) = SharedState::from_hash(&HashPairs::parse(&text));
    assert_eq!(state.config.validate(), Ok(()), "{text:?}");
    assert!(Trainer::from_config(state.config.clone()).is_ok(), "{text:?}");
    for n in &notices {
        assert!(!n.is_empty() && n.len() < 400, "{n:?}");
    }
    let mut map = HashPairs::default();
    state.write_to(&mut map);
    let (again, again_notices) = SharedState::from_hash(&HashPairs::parse(&map.to_hash()));
    assert!(again_notices.is_empty(), "{text:?} -> {again_notices:?}");
    assert_eq!(again, state, "{text:?}");
});
