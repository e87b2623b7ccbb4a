//! Every chart, drawn to SVG and read back: its axis labels, its marks in the right places, and no panic or
//! stray coordinate whatever the data.

mod svg;

use proptest::prelude::*;
use reward_playground::charts::*;
use reward_playground::loss::sigmoid;
use svg::{hex, parse, tagged, El};

const W: u32 = 560;
const H: u32 = 300;

fn texts(els: &[El]) -> Vec<String> {
    tagged(els, "text").iter().map(|e| e.text.clone()).collect()
}

/// The polylines drawn in `color` with at least `width` px.
fn lines_in<'a>(els: &'a [El], color: &str, width: f64) -> Vec<&'a El> {
    tagged(els, "polyline")
        .into_iter()
        .filter(|e| e.get("stroke") == color && e.num("stroke-width") >= width)
        .collect()
}

/// Everything drawn lies inside the picture: no NaN, no coordinate thrown far away.
fn assert_inside(svg: &str) {
    let els = parse(svg);
    let inside = |x: f64, y: f64| (0.0..=W as f64).contains(&x) && (0.0..=H as f64).contains(&y);
    for e in &els {
        match e.tag.as_str() {
            "circle" => assert!(inside(e.num("cx"), e.num("cy")), "{e:?}"),
            "line" => assert!(
                inside(e.num("x1"), e.num("y1")) && inside(e.num("x2"), e.num("y2")),
                "{e:?}"
            ),
            "polyline" => assert!(e.points().iter().all(|&(x, y)| inside(x, y)), "{e:?}"),
            "rect" => assert!(
                inside(e.num("x"), e.num("y")) && e.num("width") >= 0.0 && e.num("height") >= 0.0,
                "{e:?}"
            ),
            "text" => assert!(!e.text.contains("NaN") && !e.text.contains("inf"), "{e:?}"),
            _ => {}
        }
    }
}

fn dot(gap: f64) -> PairDot {
    PairDot {
        gap,
        highlighted: false,
        flipped: false,
        test: false,
    }
}

fn svg_of(
    draw: impl FnOnce(
        &plotters::prelude::DrawingArea<plotters::prelude::SVGBackend, plotters::coord::Shift>,
    ) -> Result<(), ChartError>,
) -> String {
    let svg = to_svg(W, H, draw).expect("the chart draws");
    assert_inside(&svg);
    svg
}

/// The main curve of a curve chart: the longest polyline in `series[0]`.
fn main_curve(els: &[El], theme: &Theme) -> Vec<(f64, f64)> {
    let curve = lines_in(els, &hex(theme.series[0]), theme.stroke_width as f64);
    curve
        .iter()
        .map(|e| e.points())
        .max_by_key(|p| p.len())
        .expect("the curve is drawn")
}

fn marker(els: &[El], theme: &Theme) -> (f64, f64) {
    let m: Vec<_> = tagged(els, "circle")
        .into_iter()
        .filter(|e| e.get("fill") == hex(theme.marker))
        .collect();
    assert_eq!(m.len(), 1, "exactly one marker");
    (m[0].num("cx"), m[0].num("cy"))
}

#[test]
fn the_sigmoid_chart_labels_its_axes_and_marks_the_current_gap_on_the_curve() {
    let theme = Theme::light();
    let view = CurveView {
        delta: Some(0.0),
        ..Default::default()
    };
    let els = parse(&svg_of(|a| draw_sigmoid(a, &view, &theme)));
    let labels = texts(&els);
    assert!(labels.iter().any(|t| t == "\u{3c3}(\u{394})"), "{labels:?}");
    assert!(
        labels.iter().any(|t| t.starts_with("gap \u{394}")),
        "{labels:?}"
    );
    let curve = main_curve(&els, &theme);
    assert!(curve.len() >= 100, "sampled densely: {}", curve.len());
    let (left, right) = (curve[0], curve[curve.len() - 1]);
    // σ is symmetric about (0, 0.5): Δ = 0 sits halfway between the curve's ends, both ways.
    let (cx, cy) = marker(&els, &theme);
    assert!(
        (cx - (left.0 + right.0) / 2.0).abs() <= 1.0,
        "marker x {cx}"
    );
    assert!(
        (cy - (left.1 + right.1) / 2.0).abs() <= 1.0,
        "marker y {cy}"
    );
    // Guides run from the marker to both axes.
    let guides = lines_in(&els, &hex(theme.marker), 1.0);
    assert_eq!(guides.len(), 2);
    assert!(guides
        .iter()
        .any(|g| g.points().iter().all(|p| p.0 == cx) && g.points().iter().any(|p| p.1 == cy)));
    assert!(guides
        .iter()
        .any(|g| g.points().iter().all(|p| p.1 == cy) && g.points().iter().any(|p| p.0 == left.0)));
}

#[test]
fn a_wider_gap_moves_the_marker_right_and_up_the_sigmoid() {
    let theme = Theme::light();
    let at = |d: f64| {
        marker(
            &parse(&svg_of(|a| {
                draw_sigmoid(
                    a,
                    &CurveView {
                        delta: Some(d),
                        ..Default::default()
                    },
                    &theme,
                )
            })),
            &theme,
        )
    };
    let (a, b) = (at(-1.0), at(2.0));
    assert!(b.0 > a.0 && b.1 < a.1, "{a:?} -> {b:?}");
}

#[test]
fn every_pair_is_one_dot_and_the_selected_flipped_and_test_pairs_look_different() {
    let theme = Theme::light();
    let dots = [
        dot(-2.0),
        dot(0.5),
        dot(30.0),
        PairDot {
            highlighted: true,
            ..dot(1.0)
        },
        PairDot {
            flipped: true,
            ..dot(-1.0)
        },
        PairDot {
            test: true,
            ..dot(2.0)
        },
    ];
    let view = CurveView {
        dots: &dots,
        ..Default::default()
    };
    let t = &theme;
    let charts: [(&str, String); 4] = [
        ("sigmoid", svg_of(|a| draw_sigmoid(a, &view, t))),
        ("log", svg_of(|a| draw_log(a, &view, t))),
        ("neg_log", svg_of(|a| draw_neg_log(a, &view, t))),
        ("gradient", svg_of(|a| draw_gradient(a, &view, t))),
    ];
    for (name, svg) in charts {
        let els = parse(&svg);
        let circles = tagged(&els, "circle");
        assert_eq!(
            circles.len(),
            dots.len(),
            "{name}: one dot per pair, no marker without a Δ"
        );
        let selected: Vec<_> = circles
            .iter()
            .filter(|c| c.get("fill") == hex(theme.selected()))
            .collect();
        assert_eq!(selected.len(), 1, "{name}");
        assert!(circles
            .iter()
            .filter(|c| c.get("fill") != hex(theme.selected()))
            .all(|c| c.num("r") < selected[0].num("r")));
        let hollow: Vec<_> = circles.iter().filter(|c| c.get("fill") == "none").collect();
        assert_eq!(hollow.len(), 1, "{name}: the test pair is a ring");
        let flipped = circles
            .iter()
            .filter(|c| c.get("fill") == hex(theme.wrong()))
            .count();
        assert_eq!(
            flipped, 1,
            "{name}: the flipped pair is in the wrong-way colour"
        );
    }
}

#[test]
fn the_log_chart_marks_p_at_sigmoid_of_the_gap() {
    let theme = Theme::light();
    let els = parse(&svg_of(|a| {
        draw_log(
            a,
            &CurveView {
                delta: Some(0.0),
                ..Default::default()
            },
            &theme,
        )
    }));
    assert!(texts(&els).iter().any(|t| t == "log p"));
    let curve = main_curve(&els, &theme);
    let right = curve[curve.len() - 1]; // p = 1, log p = 0
    let (cx, cy) = marker(&els, &theme);
    // p = σ(0) = 0.5: halfway between the y axis (p = 0, the vertical guide's far end) and p = 1.
    let axis_x = lines_in(&els, &hex(theme.marker), 1.0)
        .iter()
        .flat_map(|g| g.points())
        .map(|p| p.0)
        .fold(f64::MAX, f64::min);
    assert!(
        (cx - (axis_x + right.0) / 2.0).abs() <= 1.0,
        "{cx} {axis_x} {right:?}"
    );
    assert!(cy > right.1, "log 0.5 < 0 is below log 1");
}

#[test]
fn the_gradient_is_minus_one_half_at_a_gap_of_zero_and_the_loss_falls_with_the_gap() {
    let theme = Theme::light();
    let els = parse(&svg_of(|a| {
        draw_gradient(
            a,
            &CurveView {
                delta: Some(0.0),
                ..Default::default()
            },
            &theme,
        )
    }));
    let curve = main_curve(&els, &theme);
    let (_, cy) = marker(&els, &theme);
    assert!((cy - (curve[0].1 + curve[curve.len() - 1].1) / 2.0).abs() <= 1.0);
    let els = parse(&svg_of(|a| draw_neg_log(a, &CurveView::default(), &theme)));
    let curve = main_curve(&els, &theme);
    assert!(
        curve.windows(2).all(|w| w[1].1 >= w[0].1),
        "−log σ(Δ) never rises (pixel y grows downward)"
    );
}

#[test]
fn the_loss_chart_draws_train_solid_and_test_only_when_given() {
    let theme = Theme::light();
    let steps = [0.0, 10.0, 20.0, 30.0];
    let (train, test) = ([0.69, 0.5, 0.3, 0.2], [0.69, 0.6, 0.55, 0.5]);
    let with = parse(&svg_of(|a| {
        draw_loss_over_steps(
            a,
            &StepsView {
                steps: &steps,
                train: &train,
                test: &test,
            },
            &theme,
        )
    }));
    assert!(texts(&with).iter().any(|t| t == "loss") && texts(&with).iter().any(|t| t == "step"));
    assert_eq!(lines_in(&with, &hex(theme.series[0]), 2.0).len(), 1);
    assert!(
        lines_in(&with, &hex(theme.series[1]), 2.0).len() > 3,
        "the test line is dashed"
    );
    let without = parse(&svg_of(|a| {
        draw_loss_over_steps(
            a,
            &StepsView {
                steps: &steps,
                train: &train,
                test: &[],
            },
            &theme,
        )
    }));
    assert!(lines_in(&without, &hex(theme.series[1]), 1.0).is_empty());
}

#[test]
fn a_missing_value_leaves_a_hole_in_the_accuracy_line() {
    let theme = Theme::light();
    let steps = [1.0, 2.0, 3.0, 4.0, 5.0];
    let train = [0.5, 0.6, f64::NAN, 0.8, 0.9];
    let els = parse(&svg_of(|a| {
        draw_accuracy_over_steps(
            a,
            &StepsView {
                steps: &steps,
                train: &train,
                test: &[],
            },
            &theme,
        )
    }));
    assert!(texts(&els).iter().any(|t| t == "accuracy"));
    let lines = lines_in(&els, &hex(theme.series[0]), 2.0);
    assert_eq!(
        lines.iter().map(|l| l.points().len()).collect::<Vec<_>>(),
        vec![2, 2]
    );
}

#[test]
fn gap_growth_draws_one_thin_line_per_pair_a_thick_mean_and_the_selected_pair_strongest() {
    let theme = Theme::light();
    let steps = [0.0, 1.0, 2.0];
    let gaps = vec![
        vec![0.0, 1.0, 2.0],
        vec![0.0, -1.0, -0.5],
        vec![0.0, 3.0, 6.0],
    ];
    let els = parse(&svg_of(|a| {
        draw_gap_growth(
            a,
            &GapGrowthView {
                steps: &steps,
                gaps: &gaps,
                highlighted: Some(2),
            },
            &theme,
        )
    }));
    assert!(texts(&els).iter().any(|t| t == "gap \u{394}"));
    let blue = lines_in(&els, &hex(theme.series[0]), 1.0);
    let thin = blue.iter().filter(|l| l.num("stroke-width") == 1.0).count();
    assert_eq!(thin, 2, "the two unselected pairs");
    let mean: Vec<_> = blue
        .iter()
        .filter(|l| l.num("stroke-width") > theme.stroke_width as f64)
        .collect();
    assert_eq!(mean.len(), 1);
    let selected = lines_in(
        &els,
        &hex(theme.selected()),
        theme.stroke_width as f64 + 1.0,
    );
    assert_eq!(selected.len(), 1);
    // The mean of (2, −0.5, 6) at the last step lies between the lowest and the highest pair.
    let last_y = |l: &El| l.points().last().unwrap().1;
    assert!(last_y(mean[0]) > last_y(selected[0]));
}

#[test]
fn learned_vs_true_draws_a_dot_per_response_and_the_least_squares_line() {
    assert_eq!(
        fit_line(&[(0.0, 1.0), (1.0, 3.0), (2.0, 5.0)]),
        Some((2.0, 1.0))
    );
    assert_eq!(
        fit_line(&[(1.0, 1.0), (1.0, 3.0)]),
        None,
        "no line through one x"
    );
    assert_eq!(
        fit_line(&[(0.0, 1.0), (f64::NAN, 3.0), (1.0, 2.0)]),
        Some((1.0, 1.0))
    );
    let theme = Theme::light();
    let points = [(0.0, 0.1), (0.5, 0.4), (1.0, 1.1), (0.2, 0.3)];
    let els = parse(&svg_of(|a| {
        draw_learned_vs_true(
            a,
            &LearnedVsTrueView {
                points: &points,
                fit_line: true,
            },
            &theme,
        )
    }));
    assert!(
        texts(&els).iter().any(|t| t == "true quality")
            && texts(&els).iter().any(|t| t == "learned reward")
    );
    assert_eq!(tagged(&els, "circle").len(), points.len());
    assert_eq!(lines_in(&els, &hex(theme.series[1]), 2.0).len(), 1);
    let els = parse(&svg_of(|a| {
        draw_learned_vs_true(
            a,
            &LearnedVsTrueView {
                points: &points,
                fit_line: false,
            },
            &theme,
        )
    }));
    assert!(lines_in(&els, &hex(theme.series[1]), 1.0).is_empty());
}

#[test]
fn each_dumbbell_is_coloured_by_whether_the_chosen_reward_is_higher() {
    let theme = Theme::light();
    let pairs = [(1.0, -1.0), (-0.5, 0.5), (0.2, 0.2)];
    let els = parse(&svg_of(|a| {
        draw_rewards_per_pair(
            a,
            &PairRewardsView {
                pairs: &pairs,
                highlighted: Some(1),
            },
            &theme,
        )
    }));
    let labels = texts(&els);
    assert!(
        ["1", "2", "3", "pair", "reward"]
            .iter()
            .all(|l| labels.iter().any(|t| t == l)),
        "{labels:?}"
    );
    assert_eq!(lines_in(&els, &hex(theme.right()), 1.0).len(), 1);
    assert_eq!(
        lines_in(&els, &hex(theme.wrong()), 1.0).len(),
        2,
        "a tie counts as wrong"
    );
    let filled = tagged(&els, "circle")
        .into_iter()
        .filter(|c| c.get("fill") == hex(theme.right()) || c.get("fill") == hex(theme.wrong()));
    assert_eq!(filled.count(), 3, "one filled chosen dot per pair");
    let band = tagged(&els, "rect")
        .into_iter()
        .filter(|r| r.get("fill") == hex(theme.selected()))
        .count();
    assert_eq!(band, 1, "the selected pair is shaded");
}

#[test]
fn a_pair_ranked_wrong_gets_a_taller_gradient_bar() {
    let theme = Theme::light();
    let gaps = [-40.0, 0.0, 40.0, f64::NAN];
    let els = parse(&svg_of(|a| {
        draw_gradient_weights(
            a,
            &GradientWeightsView {
                gaps: &gaps,
                highlighted: Some(1),
            },
            &theme,
        )
    }));
    let bars: Vec<f64> = tagged(&els, "rect")
        .into_iter()
        .filter(|r| r.get("fill") == hex(theme.series[0]) || r.get("fill") == hex(theme.selected()))
        .map(|r| r.num("height"))
        .collect();
    assert_eq!(
        bars.len(),
        3,
        "no bar for a NaN gap; a zero-height bar for σ(−40)"
    );
    assert!(
        (bars[1] / bars[0] - 0.5).abs() < 0.02,
        "σ(0) = 1/2 of σ(40) ≈ 1: {bars:?}"
    );
    assert!(bars[2] <= 1.0);
}

#[test]
fn word_weights_show_the_top_words_of_each_sign_as_labels() {
    let w = |s: &str, v: f64| (s.to_string(), v);
    let weights = [
        w("thanks", 0.8),
        w("rude", -2.0),
        w("helpful", 1.2),
        w("no", -1.1),
        w("sorry", -0.5),
        w("meh", 0.1),
        w("odd", f64::NAN),
        w("the", 0.0),
    ];
    let top = top_words(&weights, 2);
    assert_eq!(
        top.iter().map(|t| t.0.as_str()).collect::<Vec<_>>(),
        ["helpful", "thanks", "no", "rude"]
    );
    let theme = Theme::light();
    let els = parse(&svg_of(|a| {
        draw_word_weights(
            a,
            &WordWeightsView {
                weights: &weights,
                top_k: 2,
            },
            &theme,
        )
    }));
    let labels = texts(&els);
    for word in ["helpful", "thanks", "no", "rude", "weight"] {
        assert!(labels.iter().any(|t| t == word), "{word} in {labels:?}");
    }
    assert!(!labels.iter().any(|t| t == "meh" || t == "sorry"));
    let bars = |c| {
        tagged(&els, "rect")
            .into_iter()
            .filter(|r| r.get("fill") == hex(c))
            .count()
    };
    assert_eq!((bars(theme.right()), bars(theme.wrong())), (2, 2));
}

#[test]
fn accuracy_by_margin_groups_pairs_by_their_margin() {
    let bars = accuracy_by_margin(
        &[
            Some(1.0),
            Some(0.5),
            None,
            Some(1.0),
            Some(f64::NAN),
            Some(0.5),
        ],
        &[true, false, true, true, true, true],
    );
    assert_eq!(
        bars,
        vec![
            MarginBar {
                margin: 0.5,
                accuracy: 0.5,
                pairs: 2
            },
            MarginBar {
                margin: 1.0,
                accuracy: 1.0,
                pairs: 2
            }
        ]
    );
    let theme = Theme::light();
    let els = parse(&svg_of(|a| {
        draw_accuracy_by_margin(a, &MarginAccuracyView { bars: &bars }, &theme)
    }));
    let labels = texts(&els);
    assert!(
        ["0.5", "1", "margin", "accuracy"]
            .iter()
            .all(|l| labels.iter().any(|t| t == l)),
        "{labels:?}"
    );
    assert_eq!(
        tagged(&els, "rect")
            .into_iter()
            .filter(|r| r.get("fill") == hex(theme.series[0]))
            .count(),
        2
    );
}

#[test]
fn the_themes_differ_in_background_and_the_projector_theme_is_bigger() {
    let view = CurveView {
        delta: Some(1.0),
        ..Default::default()
    };
    let size = |theme: Theme| {
        let els = parse(&svg_of(|a| draw_sigmoid(a, &view, &theme)));
        assert_eq!(tagged(&els, "rect")[0].get("fill"), hex(theme.background));
        (
            tagged(&els, "text")[0].num("font-size"),
            main_curve(&els, &theme).len(),
        )
    };
    let (light, dark, big) = (
        size(Theme::light()),
        size(Theme::dark()),
        size(Theme::presentation()),
    );
    assert_eq!(light, dark);
    assert!(big.0 > light.0);
    assert_ne!(Theme::light().background, Theme::dark().background);
    assert!(Theme::presentation().stroke_width > Theme::light().stroke_width);
}

#[test]
fn only_a_light_grid_is_drawn_at_the_labelled_ticks() {
    let theme = Theme::light();
    let els = parse(&svg_of(|a| draw_sigmoid(a, &CurveView::default(), &theme)));
    let grid = tagged(&els, "line")
        .into_iter()
        .filter(|e| e.get("stroke") == hex(theme.grid))
        .count();
    let ticks = tagged(&els, "text").len() - 2; // minus the two axis descriptions
    assert_eq!(grid, ticks, "one grid line per labelled tick, no fine mesh");
    assert!(ticks <= 12);
}

fn every_chart(svg_size: (u32, u32), xs: &[f64], theme: &Theme) {
    let n = xs.len();
    let dots: Vec<PairDot> = xs
        .iter()
        .enumerate()
        .map(|(i, &g)| PairDot {
            gap: g,
            highlighted: i == 1,
            flipped: i % 3 == 0,
            test: i % 4 == 0,
        })
        .collect();
    let pairs: Vec<(f64, f64)> = xs
        .iter()
        .zip(xs.iter().rev())
        .map(|(&a, &b)| (a, b))
        .collect();
    let gaps: Vec<Vec<f64>> = (0..3)
        .map(|k| xs.iter().skip(k).copied().collect())
        .collect();
    let words: Vec<(String, f64)> = xs
        .iter()
        .enumerate()
        .map(|(i, &v)| (format!("w{i}"), v))
        .collect();
    let margins: Vec<Option<f64>> = xs.iter().map(|&v| Some(v)).collect();
    let correct: Vec<bool> = xs.iter().map(|&v| v > 0.0).collect();
    let bars = accuracy_by_margin(&margins, &correct);
    let (lo, hi) = (
        xs.first().copied().unwrap_or(f64::NAN),
        xs.last().copied().unwrap_or(f64::NAN),
    );
    let view = CurveView {
        x_range: (lo, hi),
        delta: xs.get(2).copied(),
        dots: &dots,
        ..Default::default()
    };
    let steps = StepsView {
        steps: xs,
        train: xs,
        test: &xs[n / 2..],
    };
    let (w, h) = svg_size;
    let check = |svg: Result<String, ChartError>| {
        let svg = svg.expect("draws");
        if (w, h) == (W, H) {
            assert_inside(&svg);
        }
    };
    check(to_svg(w, h, |a| draw_sigmoid(a, &view, theme)));
    check(to_svg(w, h, |a| draw_log(a, &view, theme)));
    check(to_svg(w, h, |a| draw_neg_log(a, &view, theme)));
    check(to_svg(w, h, |a| draw_gradient(a, &view, theme)));
    check(to_svg(w, h, |a| draw_loss_over_steps(a, &steps, theme)));
    check(to_svg(w, h, |a| draw_accuracy_over_steps(a, &steps, theme)));
    check(to_svg(w, h, |a| {
        draw_gap_growth(
            a,
            &GapGrowthView {
                steps: xs,
                gaps: &gaps,
                highlighted: Some(n),
            },
            theme,
        )
    }));
    check(to_svg(w, h, |a| {
        draw_learned_vs_true(
            a,
            &LearnedVsTrueView {
                points: &pairs,
                fit_line: true,
            },
            theme,
        )
    }));
    check(to_svg(w, h, |a| {
        draw_rewards_per_pair(
            a,
            &PairRewardsView {
                pairs: &pairs,
                highlighted: Some(0),
            },
            theme,
        )
    }));
    check(to_svg(w, h, |a| {
        draw_gradient_weights(
            a,
            &GradientWeightsView {
                gaps: xs,
                highlighted: Some(n + 5),
            },
            theme,
        )
    }));
    check(to_svg(w, h, |a| {
        draw_word_weights(
            a,
            &WordWeightsView {
                weights: &words,
                top_k: usize::MAX,
            },
            theme,
        )
    }));
    check(to_svg(w, h, |a| {
        draw_accuracy_by_margin(a, &MarginAccuracyView { bars: &bars }, theme)
    }));
}

#[test]
fn empty_single_non_finite_huge_and_flat_data_draw_without_panicking() {
    let cases: [&[f64]; 9] = [
        &[],
        &[3.0],
        &[f64::NAN, f64::NAN, f64::NAN],
        &[f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1.0],
        &[f64::MAX, -f64::MAX, 1e300, -1e300],
        &[2.0, 2.0, 2.0, 2.0],
        &[0.0, 1e-300, -1e-300, 5e-324],
        &[-1e15, 1e15, f64::MIN_POSITIVE, 7.0, f64::NAN],
        &[1.0, 0.5, 0.0, -0.5, -1.0, 2.0, 1.0],
    ];
    for xs in cases {
        for theme in [Theme::light(), Theme::dark(), Theme::presentation()] {
            every_chart((W, H), xs, &theme);
        }
    }
}

#[test]
fn tiny_and_empty_pictures_draw_without_panicking() {
    for size in [(0, 0), (1, 1), (10, 300), (560, 12), (60, 40)] {
        every_chart(size, &[1.0, -2.0, 3.0], &Theme::presentation());
    }
}

#[test]
fn a_curve_chart_keeps_its_marker_inside_when_the_gap_is_far_off_the_axis() {
    let theme = Theme::light();
    let els = parse(&svg_of(|a| {
        draw_sigmoid(
            a,
            &CurveView {
                delta: Some(1e6),
                ..Default::default()
            },
            &theme,
        )
    }));
    let curve = main_curve(&els, &theme);
    let (cx, _) = marker(&els, &theme);
    assert_eq!(cx, curve[curve.len() - 1].0, "pinned to the right edge");
    assert!(sigmoid(1e6) == 1.0);
}

/// The drawing commands of an SVG, without the `<svg>` wrapper.
fn body(svg: &str) -> &str {
    let start = svg
        .find("<svg")
        .and_then(|i| svg[i..].find('>').map(|j| i + j + 1))
        .unwrap();
    &svg[start..svg.rfind("</svg>").unwrap()]
}

#[test]
fn the_static_layer_and_the_moving_layer_together_are_the_whole_curve_chart() {
    let theme = Theme::dark();
    let dots = [
        dot(-3.0),
        PairDot {
            highlighted: true,
            ..dot(0.5)
        },
        PairDot {
            flipped: true,
            ..dot(2.0)
        },
    ];
    let view = |layer| CurveView {
        delta: Some(1.5),
        dots: &dots,
        layer,
        ..Default::default()
    };
    let t = &theme;
    type Draw<'a> = &'a dyn Fn(Layer) -> String;
    let charts: [(&str, Draw); 4] = [
        ("sigmoid", &|l| svg_of(|a| draw_sigmoid(a, &view(l), t))),
        ("log", &|l| svg_of(|a| draw_log(a, &view(l), t))),
        ("neg_log", &|l| svg_of(|a| draw_neg_log(a, &view(l), t))),
        ("gradient", &|l| svg_of(|a| draw_gradient(a, &view(l), t))),
    ];
    for (name, draw) in charts {
        let (all, still, moving) = (draw(Layer::All), draw(Layer::Static), draw(Layer::Moving));
        assert_eq!(
            body(&all).trim(),
            format!("{}\n{}", body(&still).trim(), body(&moving).trim()),
            "{name}"
        );
        let moving = parse(&moving);
        assert!(
            tagged(&moving, "text").is_empty() && tagged(&moving, "rect").is_empty(),
            "{name}: no labels, no fill"
        );
        assert_eq!(
            tagged(&moving, "circle").len(),
            dots.len() + 1,
            "{name}: the dots and the marker"
        );
        assert!(tagged(&parse(&still), "circle").is_empty(), "{name}");
    }
}

fn any_value() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -10.0..10.0f64,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => any::<f64>(),
        1 => prop_oneof![Just(0.0), Just(1e-300), Just(1e300), Just(-1e300)],
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn no_data_makes_a_chart_panic_or_draw_outside_the_picture(xs in prop::collection::vec(any_value(), 0..24)) {
        every_chart((W, H), &xs, &Theme::light());
    }
}
