//! Model files: what is saved loads back to the very same rewards, and a broken file gets a clear message.

use super::{random_model, TEXTS};
use proptest::prelude::*;
use reward_playground::model::{ModelKind, RewardModel, Vocab};

#[test]
fn a_saved_model_loads_back_with_bit_identical_rewards() {
    for kind in ModelKind::ALL {
        for seed in 0..4 {
            let mut model = random_model(kind, seed);
            // awkward numbers too: tiny, huge, negative zero, and values that need all 17 digits
            model.params_mut()[0] = 1e-300;
            model.params_mut()[1] = -0.0;
            model.params_mut()[2] = 0.1 + 0.2;
            model.params_mut()[3] = 1.7976931348623157e300;
            let loaded = RewardModel::from_json(&model.to_json()).unwrap();
            assert_eq!(loaded.kind(), kind);
            assert_eq!(loaded.vocab(), model.vocab());
            let bits = |m: &RewardModel| m.params().iter().map(|p| p.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&loaded), bits(&model), "{kind:?} seed {seed}");
            for text in TEXTS {
                assert_eq!(
                    loaded.score(text).reward.to_bits(),
                    model.score(text).reward.to_bits()
                );
            }
        }
    }
}

#[test]
fn a_model_file_names_its_format_version_and_kind() {
    let vocab = Vocab::build(["good reply"]);
    let linear = RewardModel::new(ModelKind::Linear, vocab.clone(), 0).to_json();
    assert_eq!(
        linear,
        r#"{"format":"reward-playground-model","version":1,"kind":"linear","vocab":["good","reply"],"params":[0.0,0.0,0.0]}"#
    );
    let mlp = RewardModel::new(ModelKind::Mlp, vocab, 0).to_json();
    assert!(mlp.starts_with(
        r#"{"format":"reward-playground-model","version":1,"kind":"mlp","embed":8,"hidden":16,"#
    ));
}

fn error_of(text: &str) -> String {
    RewardModel::from_json(text).expect_err(text)
}

#[test]
fn a_broken_model_file_is_refused_with_a_message_that_names_the_problem() {
    let good = r#"{"format":"reward-playground-model","version":1,"kind":"linear","vocab":["a","b"],"params":[1,2,3]}"#;
    assert!(RewardModel::from_json(good).is_ok());
    let cases = [
        ("{\"format\":", "not valid JSON"),
        ("[1, 2]", "must be a JSON object, got an array of 2 items"),
        (r#"{"version":1}"#, "field \"format\" is missing"),
        (
            &good.replace("reward-playground-model", "other-model"),
            "expected \"reward-playground-model\", got \"other-model\"",
        ),
        (
            &good.replace("\"version\":1", "\"version\":2"),
            "field \"version\": this build reads version 1, got the number 2",
        ),
        (
            &good.replace("\"version\":1", "\"version\":\"1\""),
            "field \"version\"",
        ),
        (
            &good.replace("\"linear\"", "\"transformer\""),
            "unknown model kind \"transformer\"",
        ),
        (
            &good.replace("\"linear\"", "3"),
            "field \"kind\": must be a string, got the number 3",
        ),
        (
            &good.replace("[\"a\",\"b\"]", "[\"a\",\"a\"]"),
            "field \"vocab\": token \"a\" appears twice (at 0 and 1)",
        ),
        (
            &good.replace("[\"a\",\"b\"]", "[\"a\",7]"),
            "field \"vocab\": item 1 must be a string, got the number 7",
        ),
        (
            &good.replace("[\"a\",\"b\"]", "[\"a\",\"Two Words\"]"),
            "not a single lowercase word",
        ),
        (
            &good.replace("[1,2,3]", "[1,2]"),
            "field \"params\": a model of kind \"linear\" over 2 tokens has 3 parameters, got 2",
        ),
        (
            &good.replace("[1,2,3]", "[1,2,3,4]"),
            "has 3 parameters, got 4",
        ),
        (
            &good.replace("[1,2,3]", "[1,\"NaN\",3]"),
            "field \"params\": item 1 must be a finite number, got the string \"NaN\"",
        ),
        (
            &good.replace("[1,2,3]", "[1,1e999,3]"),
            "not valid JSON: number out of range",
        ),
        (
            &good.replace("[1,2,3]", "{}"),
            "field \"params\": must be an array of numbers, got an object",
        ),
        (
            &good.replace(",\"params\":[1,2,3]", ""),
            "field \"params\" is missing",
        ),
        (
            &good.replace("\"linear\"", "\"mlp\""),
            "field \"embed\" is missing",
        ),
        (
            &good.replace("\"linear\"", "\"mlp\",\"embed\":4,\"hidden\":16"),
            "this build's MLP has embed 8, got the number 4",
        ),
        (
            &good.replace("\"linear\"", "\"mlp\",\"embed\":8,\"hidden\":16"),
            "a model of kind \"mlp\" over 2 tokens has 177 parameters, got 3",
        ),
    ];
    for (text, expected) in cases {
        let err = error_of(text);
        assert!(
            err.contains(expected),
            "for {text}\n expected {expected:?}\n got {err:?}"
        );
    }
}

const PIECES: [&str; 24] = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"format\"",
    "\"reward-playground-model\"",
    "\"version\"",
    "1",
    "2",
    "\"kind\"",
    "\"linear\"",
    "\"mlp\"",
    "\"vocab\"",
    "\"a\"",
    "\"params\"",
    "0.5",
    "-1e300",
    "null",
    "\"embed\"",
    "8",
    "\"hidden\"",
    "16",
];

proptest! {
    #[test]
    fn any_text_is_loaded_or_refused_but_never_panics(text in "\\PC{0,200}") {
        let _ = RewardModel::from_json(&text);
    }

    #[test]
    fn json_built_from_model_file_pieces_is_loaded_or_refused_but_never_panics(
        pieces in prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..40)
    ) {
        if let Ok(model) = RewardModel::from_json(&pieces.concat()) {
            prop_assert_eq!(model.params().len(), model.n_params());
        }
    }

    #[test]
    fn a_damaged_model_file_is_loaded_or_refused_but_never_panics(cut in 0usize..400, byte in 0u8..128, at in 0usize..400) {
        let saved = random_model(ModelKind::Linear, 1).to_json();
        let cut = cut.min(saved.len());
        let _ = RewardModel::from_json(&saved[..cut]);
        let mut bytes = saved.into_bytes();
        let at = at.min(bytes.len() - 1);
        bytes[at] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            if let Ok(model) = RewardModel::from_json(&text) {
                prop_assert_eq!(model.params().len(), model.n_params());
            }
        }
    }
}
