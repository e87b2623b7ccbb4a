//! The charts' axes read back from the SVG they draw: steps are counted in whole numbers from 0, and no label of any
//! chart (run charts and the explorer's four, normal and projector theme, small and large) is cut at an edge.

mod svg;

use reward_playground::charts::{
    draw_accuracy_over_steps, draw_learned_vs_true, draw_loss_over_steps, to_svg, Layer,
    LearnedVsTrueView, StepsView, Theme,
};
use reward_playground::data::Dataset;
use reward_playground::train::{Config, Trainer};
use reward_playground::views::{ExplorerChart, Focus, RunChart};
use svg::{parse, tagged, text_box, x_tick_labels};

const SIZES: [(u32, u32); 2] = [(420, 220), (900, 420)];

fn run(config: Config, steps: u64) -> Trainer {
    let mut t = Trainer::from_config(config).expect("a valid run");
    t.run(steps).expect("trains");
    t
}

fn draw_run(chart: RunChart, t: &mut Trainer, theme: &Theme, (w, h): (u32, u32)) -> String {
    let focus = Focus::page(Some(1), &[]);
    to_svg(w, h, |a| chart.draw(a, t, &focus, theme, Layer::All)).expect("the chart draws")
}

/// The x tick labels of a chart over steps, as numbers, after checking each is a whole number written plainly.
fn step_labels(svg: &str) -> Vec<u64> {
    let els = parse(svg);
    x_tick_labels(&els, "step")
        .iter()
        .map(|e| {
            let t = &e.text;
            assert!(
                !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()),
                "tick label {t:?} is not a whole number of steps"
            );
            t.parse().unwrap()
        })
        .collect()
}

fn assert_counts_from_zero(labels: &[u64], last: u64, what: &str) {
    assert!(labels.len() >= 2, "{what}: {labels:?}");
    assert_eq!(
        labels[0], 0,
        "{what}: the step axis starts at 0: {labels:?}"
    );
    assert!(
        labels.windows(2).all(|w| w[0] < w[1]),
        "{what}: increasing {labels:?}"
    );
    assert!(
        *labels.last().unwrap() <= last.max(1),
        "{what}: no tick past the last step {last}: {labels:?}"
    );
}

#[test]
fn the_step_axis_starts_at_zero_and_counts_whole_steps() {
    for (steps, expected) in [
        (0, Some(vec![0, 1])),
        (1, Some(vec![0, 1])),
        (3, Some(vec![0, 1, 2, 3])),
        (2500, None),
    ] {
        let mut t = run(Config::default(), steps);
        for chart in [RunChart::Loss, RunChart::Accuracy, RunChart::Gaps] {
            for theme in [Theme::light(), Theme::presentation()] {
                for size in SIZES {
                    let what = format!("{chart:?} at step {steps}, {size:?}");
                    let labels = step_labels(&draw_run(chart, &mut t, &theme, size));
                    assert_counts_from_zero(&labels, steps, &what);
                    if let Some(expected) = &expected {
                        assert_eq!(&labels, expected, "{what}");
                    }
                    // The gap chart's history keeps fewer steps; its axis ends at the last it kept.
                    let last = match chart {
                        RunChart::Gaps => t.gap_series().0.last().copied().unwrap(),
                        _ => steps as f64,
                    };
                    let frame = chart.frame(&mut t, &theme, size.0, size.1).unwrap();
                    assert_eq!(
                        frame.x,
                        (0.0, last.max(1.0)),
                        "{what}: from 0 to max(last step, 1)"
                    );
                }
            }
        }
    }
}

#[test]
fn a_run_of_millions_of_steps_still_labels_whole_steps_without_exponents() {
    let steps: Vec<f64> = (0..=40).map(|k| k as f64 * 61_000.0).collect();
    let loss: Vec<f64> = steps.iter().map(|s| 0.69 / (1.0 + s / 1e5)).collect();
    let view = StepsView {
        steps: &steps,
        train: &loss,
        test: &[],
    };
    let theme = Theme::light();
    for (w, h) in SIZES {
        let svg = to_svg(w, h, |a| draw_loss_over_steps(a, &view, &theme)).unwrap();
        assert_counts_from_zero(&step_labels(&svg), 2_440_000, "loss");
        let svg = to_svg(w, h, |a| draw_accuracy_over_steps(a, &view, &theme)).unwrap();
        assert_counts_from_zero(&step_labels(&svg), 2_440_000, "accuracy");
    }
    // A single step, or none, still spans 0 to 1.
    for steps in [&[][..], &[0.0][..]] {
        let view = StepsView {
            steps,
            train: &[0.69],
            test: &[],
        };
        let svg = to_svg(560, 300, |a| draw_loss_over_steps(a, &view, &theme)).unwrap();
        assert_eq!(step_labels(&svg), vec![0, 1]);
    }
}

/// Every label of `svg` lies inside the `w` × `h` picture, left to right (and the turned y description top to
/// bottom), and no y tick label runs into the y description left of it.
fn assert_no_label_cut(svg: &str, (w, h): (u32, u32), what: &str) {
    let els = parse(svg);
    let labels = tagged(&els, "text");
    assert!(labels.len() >= 4, "{what}: the chart has its labels");
    let desc_right = labels
        .iter()
        .filter(|e| e.get("transform").starts_with("rotate"))
        .map(|e| text_box(e).1)
        .fold(0.0, f64::max);
    for e in &labels {
        let (left, ..) = text_box(e);
        if e.get("text-anchor") == "end" {
            assert!(
                left >= desc_right,
                "{what}: y label {:?} starts at x = {left:.1}, inside the y description (to {desc_right:.1})",
                e.text
            );
        }
    }
    for e in labels {
        let (left, right, top, bottom) = text_box(e);
        assert!(
            left >= 0.0 && right <= w as f64,
            "{what}: {:?} runs from x = {left:.1} to {right:.1}, outside 0..{w}",
            e.text
        );
        if e.get("transform").starts_with("rotate") {
            assert!(
                top >= 0.0 && bottom <= h as f64,
                "{what}: {:?} runs from y = {top:.1} to {bottom:.1}, outside 0..{h}",
                e.text
            );
        }
    }
}

/// A run whose rewards and gaps grew large (labels like "−12" and "−0.25" on the y axes).
fn wide_run() -> Trainer {
    let config = Config {
        lr: 5.0,
        ..Config::default()
    };
    run(config, 300)
}

/// A small data set whose pairs carry labeled margins, for the accuracy-by-margin chart.
fn margin_run() -> Trainer {
    let lines: String = (0..12)
        .map(|i| {
            format!(
                "{{\"prompt\": \"q{i}\", \"chosen\": \"a clear helpful answer {i}\", \"rejected\": \"meh {i}\", \"margin\": {}}}\n",
                [0.25, 1.0, 2.5][i % 3]
            )
        })
        .collect();
    let data = Dataset::parse_jsonl("margins", lines.as_bytes()).expect("valid data");
    let mut t = Trainer::new(Config::default(), data).expect("a valid run");
    t.run(20).expect("trains");
    t
}

#[test]
fn no_run_chart_label_is_cut_at_the_left_or_right_edge() {
    let truth = Config {
        dataset: "hidden-quality".into(),
        ..Config::default()
    };
    let mut runs = [
        run(Config::default(), 0),
        run(Config::default(), 40),
        wide_run(),
        run(truth, 100),
        margin_run(),
    ];
    for (k, t) in runs.iter_mut().enumerate() {
        let charts: Vec<RunChart> = RunChart::ALL
            .iter()
            .copied()
            .filter(|c| c.applies(t))
            .collect();
        for chart in charts {
            for theme in [Theme::light(), Theme::presentation()] {
                for size in SIZES {
                    let what = format!("run {k}, {chart:?}, font {}, {size:?}", theme.font_size);
                    assert_no_label_cut(&draw_run(chart, t, &theme, size), size, &what);
                }
            }
        }
    }
}

#[test]
fn no_explorer_label_is_cut_at_the_left_or_right_edge() {
    for chart in ExplorerChart::ALL {
        for (dark, presenting) in [(false, false), (true, false), (false, true)] {
            let theme = chart.theme(dark, presenting);
            for gap in [0.0, -7.9, 12.5, -16.0] {
                for size in SIZES {
                    let svg =
                        to_svg(size.0, size.1, |a| chart.draw(a, gap, Layer::All, &theme)).unwrap();
                    let what = format!("{chart:?} at {gap}, font {}, {size:?}", theme.font_size);
                    assert_no_label_cut(&svg, size, &what);
                }
            }
        }
    }
}

#[test]
fn long_tick_labels_widen_the_label_area_instead_of_being_cut() {
    // Rewards in the millions and tiny qualities: labels such as "−1.2e6" and "0.001".
    let points: Vec<(f64, f64)> = (0..20)
        .map(|i| (i as f64 * 0.0007, -1.25e6 + i as f64 * 31_000.0))
        .collect();
    let view = LearnedVsTrueView {
        points: &points,
        fit_line: true,
    };
    for theme in [Theme::light(), Theme::presentation()] {
        for size in SIZES {
            let svg = to_svg(size.0, size.1, |a| draw_learned_vs_true(a, &view, &theme)).unwrap();
            assert_no_label_cut(&svg, size, &format!("font {}, {size:?}", theme.font_size));
        }
    }
}

#[test]
fn a_small_chart_in_presentation_mode_gets_smaller_labels_and_a_large_one_keeps_them() {
    use reward_playground::charts::Theme;
    let big = Theme::presentation();
    assert_eq!(
        big.fit_to(600),
        big,
        "a large chart keeps the projector's labels"
    );
    let small = big.fit_to(150);
    assert!(small.font_size <= 150.0 / 9.0 + 1e-9, "{}", small.font_size);
    assert_eq!(
        small.stroke_width, big.stroke_width,
        "only the labels shrink"
    );
    assert_eq!(
        Theme::light().fit_to(20).font_size,
        11.0,
        "never under 11 px"
    );
}

#[test]
fn a_theme_scaled_to_device_pixels_keeps_every_size_on_screen() {
    use reward_playground::charts::Theme;
    for base in [Theme::light(), Theme::presentation()] {
        let two = base.scaled(2.0);
        assert_eq!(two.font_size, 2.0 * base.font_size);
        assert_eq!(two.stroke_width, 2 * base.stroke_width);
        assert_eq!(
            two.dot_radius(),
            2 * base.dot_radius(),
            "a dot is as big on screen"
        );
        // Fitting a scaled theme to a small chart caps its labels in CSS pixels, then in device pixels.
        assert_eq!(two.fit_to(90).font_size, 2.0 * base.fit_to(90).font_size);
    }
    assert_eq!(
        Theme::light().scaled(f64::NAN),
        Theme::light(),
        "a ratio that is no number changes nothing"
    );
}
