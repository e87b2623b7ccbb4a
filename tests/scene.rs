//! The page's scenes and the Train scene's stage: what the bar, the link, the keys and the layout read.

use reward_playground::scene::{
    main_key, stage_role, train_view_from_key, train_view_key, Role, Scene, TrainView,
    DEFAULT_TRAIN_VIEW, MAIN_CHOICES,
};
use reward_playground::views::RunChart;

#[test]
fn every_scene_round_trips_through_its_link_key_and_the_bar_wraps() {
    for s in Scene::ALL {
        assert_eq!(Scene::from_key(s.key()), Some(s));
        assert!(!s.title().is_empty() && !s.blurb().is_empty());
    }
    assert_eq!(Scene::from_key("nope"), None);
    assert_eq!(Scene::Pair.moved(1), Scene::Train);
    assert_eq!(Scene::Train.moved(1), Scene::Label);
    assert_eq!(Scene::Label.moved(1), Scene::Use);
    assert_eq!(
        Scene::Use.moved(1),
        Scene::Pair,
        "the last wraps to the first"
    );
    assert_eq!(
        Scene::Pair.moved(-1),
        Scene::Use,
        "the first wraps to the last"
    );
    assert_eq!(Scene::DEFAULT, Scene::Pair);
}

#[test]
fn every_train_view_round_trips_through_its_link_key() {
    let mut views: Vec<TrainView> = MAIN_CHOICES.iter().map(|c| TrainView::Stage(*c)).collect();
    views.push(TrainView::All);
    for v in views {
        assert_eq!(train_view_from_key(train_view_key(v)), Some(v));
    }
    assert_eq!(
        train_view_from_key("words"),
        None,
        "only charts with a dot per pair go large"
    );
    assert_eq!(DEFAULT_TRAIN_VIEW, TrainView::Stage(RunChart::Sigmoid));
    assert_eq!(main_key(RunChart::NegLog), "neglog");
}

fn roles(view: TrainView, linear: bool) -> Vec<(RunChart, Role)> {
    // The word weights apply only to the linear model; the truth and margin charts to data that have them.
    let applies = |c: RunChart| match c {
        RunChart::Words => linear,
        RunChart::Truth | RunChart::Margin => false,
        _ => true,
    };
    RunChart::ALL
        .iter()
        .map(|c| (*c, stage_role(*c, view, applies)))
        .collect()
}

fn count(roles: &[(RunChart, Role)], role: Role) -> usize {
    roles.iter().filter(|(_, r)| *r == role).count()
}

#[test]
fn the_stage_has_one_large_chart_the_training_curves_beside_it_and_a_strip() {
    for main in MAIN_CHOICES {
        for linear in [true, false] {
            let r = roles(TrainView::Stage(main), linear);
            assert_eq!(count(&r, Role::Main), 1);
            assert_eq!(count(&r, Role::Upper), 1);
            assert_eq!(count(&r, Role::Lower), 1);
            assert_eq!(count(&r, Role::Strip), 1);
            assert_eq!(count(&r, Role::Grid), 0);
            let of = |c: RunChart| r.iter().find(|(x, _)| *x == c).map(|(_, r)| *r);
            assert_eq!(of(main), Some(Role::Main));
            assert_eq!(of(RunChart::Loss), Some(Role::Upper));
            assert_eq!(of(RunChart::Accuracy), Some(Role::Lower));
            // The strip: the word weights for the linear model, the two rewards of every pair otherwise.
            let strip = if linear {
                RunChart::Words
            } else {
                RunChart::Rewards
            };
            assert_eq!(
                of(strip),
                Some(Role::Strip),
                "main {main:?}, linear {linear}"
            );
        }
    }
}

#[test]
fn all_charts_shows_every_chart_that_applies_and_no_other() {
    let r = roles(TrainView::All, false);
    for (c, role) in r {
        let expect = match c {
            RunChart::Words | RunChart::Truth | RunChart::Margin => Role::Hidden,
            _ => Role::Grid,
        };
        assert_eq!(role, expect, "{c:?}");
    }
}

#[test]
fn the_large_chart_choices_are_the_charts_with_a_dot_per_pair() {
    assert_eq!(
        MAIN_CHOICES,
        [
            RunChart::Sigmoid,
            RunChart::NegLog,
            RunChart::Pull,
            RunChart::Gaps
        ]
    );
}
