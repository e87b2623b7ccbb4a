//! Tests of the shared-link state: hostile hashes fall back with a notice, valid states round-trip exactly.

use super::*;
use crate::data::builtin_names;
use crate::scene::MAIN_CHOICES;
use proptest::prelude::*;

fn read(hash: &str) -> (SharedState, Vec<String>) {
    SharedState::from_hash(&HashPairs::parse(hash))
}

#[test]
fn an_empty_hash_gives_the_default_run_without_notices() {
    let (state, notices) = read("");
    assert_eq!(state, SharedState::default());
    assert!(notices.is_empty());
}

#[test]
fn a_full_link_is_read_field_by_field() {
    let (s, notices) = read(
        "#data=hidden-quality&model=mlp&opt=adam&lr=0.01&mom=0.9&batch=0&loss=smooth&eps=0.05&c=0.01\
         &group=pairs&noise=0.1&test=0.5&seed=7&wd=0.001&speed=max&pair=3&present=1&hide=charts,settings",
    );
    assert!(notices.is_empty(), "{notices:?}");
    let c = &s.config;
    assert_eq!(c.dataset, "hidden-quality");
    assert_eq!(c.model, ModelKind::Mlp);
    assert_eq!(c.optimizer, OptimizerKind::Adam);
    assert_eq!((c.lr, c.momentum, c.batch_size), (0.01, 0.9, 0));
    assert_eq!(c.loss.kind, LossKind::Smooth);
    assert_eq!((c.loss.label_smoothing, c.loss.center_coef), (0.05, 0.01));
    assert_eq!(c.grouping, Grouping::Pairs);
    assert_eq!(
        (c.label_noise, c.test_fraction, c.seed, c.weight_decay),
        (0.1, 0.5, 7, 0.001)
    );
    assert!(s.speed.is_infinite());
    assert_eq!(s.pair, Some(3));
    assert!(s.present);
    // Hidden controls come back in the dialog's order, whatever order the link wrote them in.
    assert_eq!(s.hidden, vec!["settings", "charts"]);
}

#[test]
fn hostile_values_fall_back_to_defaults_and_are_each_named() {
    let (s, notices) = read(
        "#lr=NaN&batch=-3&seed=1e308&test=inf&noise=<script>alert(1)</script>&model=%FF%FE&speed=7&pair=99999\
         &present=yes&hide=settings,nonsense&wd=1&mom=1e308&c=-0&eps=0.5&data=../../etc&junk=1",
    );
    assert_eq!(s.config, Config::default());
    assert_eq!(s.speed, DEFAULT_SPEED);
    assert_eq!(s.pair, None);
    assert!(!s.present);
    assert_eq!(s.hidden, vec!["settings"]);
    let joined = notices.join("\n");
    for key in [
        "lr:", "batch:", "seed:", "test:", "noise:", "model:", "speed:", "pair:", "present:",
        "hide:", "wd:", "mom:", "eps:", "data:", "\"junk\"",
    ] {
        assert!(joined.contains(key), "no notice for {key} in\n{joined}");
    }
    assert!(
        joined.contains("lr: \"NaN\" is not a number in (0, 10]; used 0.5"),
        "{joined}"
    );
    // −0 is a number in [0, 10]: it is accepted, not refused.
    assert!(!joined.contains("c:"), "{joined}");
}

#[test]
fn the_smooth_loss_refuses_a_zero_epsilon() {
    let (s, notices) = read("#loss=smooth&eps=0");
    assert_eq!(s.config.loss.kind, LossKind::Smooth);
    assert_eq!(s.config.loss.label_smoothing, 0.1);
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(s.config.validate(), Ok(()));
}

#[test]
fn the_scene_and_the_train_view_travel_in_the_link() {
    let (s, notices) = read("#scene=train&view=gaps");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(s.scene, Scene::Train);
    assert_eq!(s.view, TrainView::Stage(crate::views::RunChart::Gaps));
    let mut map = HashPairs::default();
    s.write_to(&mut map);
    assert_eq!(map.get("scene"), Some("train"));
    assert_eq!(map.get("view"), Some("gaps"));
    // The defaults are left out of the link.
    SharedState::default().write_to(&mut map);
    assert_eq!((map.get("scene"), map.get("view")), (None, None));
    // A scene the page does not have is named and the page opens on the first.
    let (s, notices) = read("#scene=dance&view=everything");
    assert_eq!((s.scene, s.view), (Scene::DEFAULT, DEFAULT_TRAIN_VIEW));
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(
        notices[0].contains("scene") && notices[0].contains("dance"),
        "{}",
        notices[0]
    );
}

#[test]
fn n_and_beta_travel_in_the_link_and_a_beta_snaps_to_the_sliders_steps() {
    let (s, notices) = read("#scene=use&n=256&beta=0.4");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!((s.scene, s.n), (Scene::Use, 256));
    // 0.4 is not one of the 21 steps; the nearest on a log scale is 10^−0.4 ≈ 0.398.
    assert!((s.beta - libm::pow(10.0, -0.4)).abs() < 1e-12, "{}", s.beta);
    let mut map = HashPairs::default();
    s.write_to(&mut map);
    let (back, _) = SharedState::from_hash(&map);
    assert_eq!((back.n, back.beta), (s.n, s.beta));
    // Out of range: named, and the defaults are used.
    let (s, notices) = read("#n=3&beta=5000");
    assert_eq!((s.n, s.beta), (16, 1.0));
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(
        notices[0].contains("n") && notices[0].contains('3'),
        "{}",
        notices[0]
    );
    assert!(
        notices[1].contains("beta") && notices[1].contains("5000"),
        "{}",
        notices[1]
    );
}

#[test]
fn writing_keeps_the_lesson_key_and_its_place() {
    let mut map = HashPairs::parse("#lesson=shift&lr=2&pair=4&present=1");
    let state = SharedState {
        pair: None,
        ..SharedState::default()
    };
    state.write_to(&mut map);
    assert_eq!(map.pairs()[0], ("lesson".to_string(), "shift".to_string()));
    assert_eq!(map.get("lr"), Some("0.5"));
    assert_eq!(map.get("pair"), None);
    assert_eq!(map.get("present"), None);
    let (back, notices) = SharedState::from_hash(&map);
    assert_eq!(back, state);
    assert!(notices.is_empty(), "{notices:?}");
}

#[test]
fn a_long_control_filled_value_is_quoted_short() {
    let (_, notices) = read(&format!("#lr={}", "\u{7}x".repeat(200)));
    assert_eq!(notices.len(), 1);
    assert!(notices[0].len() < 120, "{}", notices[0]);
    assert!(!notices[0].contains('\u{7}'));
}

fn valid_state() -> impl Strategy<Value = SharedState> {
    let names = builtin_names();
    (
        (
            0..names.len(),
            0..2usize,
            0..2usize,
            1e-9f64..=10.0,
            0.0f64..1.0,
            0..=MAX_BATCH,
        ),
        (
            0..3usize,
            0.001f64..0.5,
            0.0f64..=10.0,
            0..2usize,
            0.0f64..=0.5,
            0.0f64..=0.9,
        ),
        (
            0..=MAX_SEED,
            0.0f64..1.0,
            0..SPEEDS.len(),
            0..30usize,
            any::<bool>(),
            any::<u16>(),
        ),
    )
        .prop_map(
            move |(
                (d, m, o, lr, mom, batch),
                (l, eps, c, g, noise, test),
                (seed, wd, sp, pair, present, hide),
            )| {
                let dataset = names[d].to_string();
                let pairs = builtin(&dataset).map_or(0, |ds| ds.pairs.len());
                let mut config = Config {
                    dataset,
                    model: ModelKind::ALL[m],
                    optimizer: OptimizerKind::ALL[o],
                    lr,
                    momentum: mom,
                    batch_size: batch,
                    weight_decay: wd,
                    seed,
                    test_fraction: test,
                    loss: Default::default(),
                    grouping: Grouping::ALL[g],
                    label_noise: noise,
                };
                config.loss.kind = LossKind::ALL[l];
                config.loss.label_smoothing = eps;
                config.loss.center_coef = c;
                SharedState {
                    config,
                    speed: SPEEDS[sp],
                    pair: (pair < pairs).then_some(pair),
                    present,
                    // Bits 0–5 hide parts, bit 8 picks the scene, the bits above it the Train view.
                    scene: Scene::ALL[usize::from(hide >> 8) % Scene::ALL.len()],
                    n: 1 << (seed % 11),
                    beta: crate::policy::default_betas()[(seed % 21) as usize],
                    view: [
                        TrainView::All,
                        TrainView::Stage(MAIN_CHOICES[0]),
                        TrainView::Stage(MAIN_CHOICES[1]),
                        TrainView::Stage(MAIN_CHOICES[2]),
                        TrainView::Stage(MAIN_CHOICES[3]),
                    ][usize::from(hide >> 9) % 5],
                    hidden: HIDEABLE
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| hide & (1 << i) != 0)
                        .map(|(_, (n, _))| n.to_string())
                        .collect(),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_valid_state_round_trips_exactly(state in valid_state()) {
        let mut map = HashPairs::default();
        state.write_to(&mut map);
        let (back, notices) = SharedState::from_hash(&HashPairs::parse(&map.to_hash()));
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(back, state);
    }

    #[test]
    fn any_text_gives_a_valid_run(text in ".{0,300}") {
        let (state, _) = read(&text);
        prop_assert_eq!(state.config.validate(), Ok(()));
        prop_assert!(SPEEDS.contains(&state.speed));
    }

    #[test]
    fn any_values_under_the_known_keys_give_a_valid_run(
        values in proptest::collection::vec("[ -~]{0,12}|[0-9eE.+-]{1,12}", KEYS.len())
    ) {
        let mut map = HashPairs::default();
        for (k, v) in KEYS.iter().zip(&values) {
            map.set(k, v);
        }
        let (state, notices) = SharedState::from_hash(&map);
        prop_assert_eq!(state.config.validate(), Ok(()));
        prop_assert!(notices.len() <= KEYS.len() + 1);
    }
}
