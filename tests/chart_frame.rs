//! Hit-testing what a chart drew: each chart's [`PlotFrame`] is exactly where it draws its plot area, so a click on
//! a pair's dot finds that pair and a drag along an explorer chart reads back the gap under the pointer.

mod svg;

use reward_playground::charts::{sample_every, to_svg, Layer, PlotFrame, Theme};
use reward_playground::data::Dataset;
use reward_playground::loss::{bt_loss, bt_loss_derivative, log_sigmoid, sigmoid};
use reward_playground::train::{Config, Trainer};
use reward_playground::views::{ExplorerChart, Focus, RunChart};
use svg::{circles, hex, parse, tagged};

const SIZES: [(u32, u32); 3] = [(420, 220), (560, 300), (900, 420)];

fn run(config: Config, steps: u64) -> Trainer {
    let mut t = Trainer::from_config(config).expect("a valid run");
    t.run(steps).expect("trains");
    t
}

fn themes() -> [Theme; 3] {
    [Theme::light(), Theme::dark(), Theme::presentation()]
}

/// Where the σ(Δ) or −log σ(Δ) chart puts a pair of gap `gap`, pinned into the frame's ranges as the chart pins it.
fn dot_at(chart: RunChart, frame: &PlotFrame, gap: f64) -> (f64, f64) {
    let d = gap.clamp(frame.x.0, frame.x.1);
    let y = match chart {
        RunChart::Sigmoid => sigmoid(d),
        _ => bt_loss(d),
    };
    frame.to_pixel(d, y.clamp(frame.y.0, frame.y.1))
}

fn close(a: (f64, f64), b: (f64, f64), what: &str) {
    assert!(
        (a.0 - b.0).abs() <= 1.5 && (a.1 - b.1).abs() <= 1.5,
        "{what}: {a:?} is not within 1.5 px of {b:?}"
    );
}

/// The pair whose gap lies farthest from every other pair's: its dot overlaps no other.
fn loneliest_pair(t: &mut Trainer) -> usize {
    let gaps: Vec<f64> = t.pair_states().iter().map(|p| p.gap).collect();
    let apart = |i: usize| {
        let others = gaps.iter().enumerate().filter(|&(j, _)| j != i);
        others
            .map(|(_, g)| (g - gaps[i]).abs())
            .fold(f64::INFINITY, f64::min)
    };
    (0..gaps.len())
        .max_by(|&a, &b| apart(a).total_cmp(&apart(b)))
        .unwrap()
}

#[test]
fn to_data_undoes_to_pixel_and_pixel_rows_grow_downward() {
    let f = PlotFrame {
        left: 40.0,
        top: 10.0,
        right: 400.0,
        bottom: 190.0,
        x: (-8.0, 8.0),
        y: (0.0, 1.0),
    };
    assert_eq!(f.to_pixel(-8.0, 0.0), (40.0, 190.0));
    assert_eq!(f.to_pixel(8.0, 1.0), (400.0, 10.0));
    assert_eq!(f.to_pixel(0.0, 0.5), (220.0, 100.0));
    let (x, y) = f.to_data(f.to_pixel(2.5, 0.3).0, f.to_pixel(2.5, 0.3).1);
    assert!((x - 2.5).abs() < 1e-12 && (y - 0.3).abs() < 1e-12);
    assert!(f.contains(220.0, 100.0) && !f.contains(39.0, 100.0));
}

#[test]
fn a_click_on_the_followed_pairs_dot_finds_that_pair() {
    let mut t = run(Config::default(), 30);
    let pair = loneliest_pair(&mut t);
    let gap = t.pair_states()[pair].gap;
    let focus = Focus::page(Some(pair), &[]);
    for chart in [RunChart::Sigmoid, RunChart::NegLog] {
        for theme in themes() {
            for (w, h) in SIZES {
                let what = format!("{chart:?}, font {}, {w}×{h}", theme.font_size);
                let svg = to_svg(w, h, |a| chart.draw(a, &mut t, &focus, &theme, Layer::All));
                let els = parse(&svg.unwrap());
                let lit = circles(&els, theme.selected(), 2 * theme.dot_radius());
                assert_eq!(lit.len(), 1, "{what}: one highlighted dot");
                let drawn = lit[0];
                let frame = chart.frame(&mut t, &theme, w, h).expect("room for a plot");
                close(dot_at(chart, &frame, gap), drawn, &what);
                let r = 2.0 * theme.dot_radius() as f64;
                let (px, py) = drawn;
                assert_eq!(
                    chart.nearest_pair(&mut t, &frame, px, py, r),
                    Some(pair),
                    "{what}"
                );
                let on_top = chart.nearest_drawn_pair(&mut t, &focus, &frame, px, py, r);
                assert_eq!(on_top, Some(pair), "{what}");
                // A click a little off the dot still finds it; one far from every dot finds nothing.
                let near = chart.nearest_pair(&mut t, &frame, px + 2.0, py - 1.0, r);
                assert_eq!(near, Some(pair), "{what}");
                let empty = if chart == RunChart::Sigmoid {
                    (frame.left, frame.top) // σ is near 0, not 1, at the far left
                } else {
                    (frame.right, frame.top) // the loss is near 0, not at its top, at the far right
                };
                let none = chart.nearest_pair(&mut t, &frame, empty.0, empty.1, r);
                assert_eq!(none, None, "{what}");
            }
        }
    }
    let frame = RunChart::Loss
        .frame(&mut t, &Theme::light(), 560, 300)
        .unwrap();
    assert_eq!(
        RunChart::Loss.nearest_pair(&mut t, &frame, 100.0, 100.0, 1e9),
        None,
        "only the pair-dot charts have pairs to hit"
    );
}

/// `n` made-up pairs, each with its own words, so that training spreads their gaps.
fn many_pairs(n: usize) -> Trainer {
    let words = [
        "clear", "kind", "exact", "short", "vague", "rude", "wrong", "odd",
    ];
    let lines: String = (0..n)
        .map(|i| {
            let (a, b) = (words[i % 4], words[4 + i / 4 % 4]);
            format!("{{\"prompt\": \"q{i}\", \"chosen\": \"{a} answer {i}\", \"rejected\": \"{b} reply {i}\"}}\n")
        })
        .collect();
    let data = Dataset::parse_jsonl("many", lines.as_bytes()).expect("valid data");
    Trainer::new(Config::default(), data).expect("a valid run")
}

#[test]
fn past_two_thousand_pairs_only_the_drawn_sample_can_be_hit() {
    let n = 4100;
    let every = sample_every(n);
    assert_eq!(every, 3);
    let mut t = many_pairs(n);
    let theme = Theme::light();
    for chart in [RunChart::Sigmoid, RunChart::NegLog] {
        let frame = chart.frame(&mut t, &theme, 560, 300).unwrap();
        // Before any update every gap is 0: all dots sit on one pixel, and the one drawn last is on top.
        let (px, py) = dot_at(chart, &frame, 0.0);
        let top = chart.nearest_pair(&mut t, &frame, px, py, 3.0);
        assert_eq!(top, Some((n - 1) / every * every), "{chart:?}");
        let batch = [5, 7];
        let focus = Focus::page(None, &batch);
        let lit = chart.nearest_drawn_pair(&mut t, &focus, &frame, px, py, 3.0);
        assert_eq!(lit, Some(7), "{chart:?}: lit pairs are drawn on top");
    }
    t.run(25).expect("trains");
    let gaps: Vec<f64> = t.pair_states().iter().map(|p| p.gap).collect();
    for chart in [RunChart::Sigmoid, RunChart::NegLog] {
        let frame = chart.frame(&mut t, &theme, 560, 300).unwrap();
        for k in [1, 2, 100, 2001, 4099] {
            let (px, py) = dot_at(chart, &frame, gaps[k]);
            let hit = chart.nearest_pair(&mut t, &frame, px, py, 1e6).unwrap();
            assert_eq!(hit % every, 0, "{chart:?}: pair {k} is not drawn, {hit} is");
            let focus = Focus::page(Some(k), &[]);
            let hit = chart.nearest_drawn_pair(&mut t, &focus, &frame, px, py, 3.0);
            assert_eq!(hit, Some(k), "{chart:?}: the followed pair is drawn");
        }
    }
}

/// The explorer's point for gap `gap` on `chart`, before pinning.
fn explorer_point(chart: ExplorerChart, gap: f64) -> (f64, f64) {
    match chart {
        ExplorerChart::Sigmoid => (gap, sigmoid(gap)),
        ExplorerChart::Log => (sigmoid(gap), log_sigmoid(gap)),
        ExplorerChart::Loss => (gap, bt_loss(gap)),
        ExplorerChart::Gradient => (gap, bt_loss_derivative(gap)),
    }
}

#[test]
fn dragging_along_an_explorer_chart_reads_back_the_gap_under_the_pointer() {
    for chart in ExplorerChart::ALL {
        for (dark, presenting) in [(false, false), (true, false), (false, true)] {
            let theme = chart.theme(dark, presenting);
            for gap in [-7.3, 0.0, 2.5, 12.0, -15.5] {
                for (w, h) in SIZES {
                    let what = format!("{chart:?} at {gap}, font {}, {w}×{h}", theme.font_size);
                    let svg = to_svg(w, h, |a| chart.draw(a, gap, Layer::All, &theme)).unwrap();
                    let marks = circles(&parse(&svg), theme.marker, theme.dot_radius() + 1);
                    assert_eq!(marks.len(), 1, "{what}: one marker");
                    let frame = chart.frame(gap, &theme, w, h).expect("room for a plot");
                    let (x, y) = explorer_point(chart, gap);
                    let pinned = (x.clamp(frame.x.0, frame.x.1), y.clamp(frame.y.0, frame.y.1));
                    close(frame.to_pixel(pinned.0, pinned.1), marks[0], &what);
                    if chart == ExplorerChart::Log {
                        assert_eq!(chart.gap_at(&frame, marks[0].0), None, "{what}: x is p");
                        continue;
                    }
                    // Half a pixel of rounding, in Δ.
                    let per_px = (frame.x.1 - frame.x.0) / (frame.right - frame.left);
                    let read = chart.gap_at(&frame, marks[0].0).unwrap();
                    assert!((read - gap).abs() <= 1.5 * per_px, "{what}: read {read}");
                    // Past either end of the axis the gap stops at the end.
                    assert_eq!(chart.gap_at(&frame, -50.0), Some(frame.x.0), "{what}");
                    assert_eq!(chart.gap_at(&frame, 5e3), Some(frame.x.1), "{what}");
                }
            }
        }
    }
}

#[test]
fn every_run_charts_frame_is_where_it_draws_its_grid() {
    let truth = Config {
        dataset: "hidden-quality".into(),
        ..Config::default()
    };
    for mut t in [run(Config::default(), 20), run(truth, 20)] {
        let charts: Vec<RunChart> = RunChart::ALL
            .iter()
            .copied()
            .filter(|c| c.applies(&t))
            .collect();
        for chart in charts {
            for theme in themes() {
                for (w, h) in SIZES {
                    let what = format!("{chart:?}, font {}, {w}×{h}", theme.font_size);
                    let focus = Focus::page(None, &[]);
                    let svg = to_svg(w, h, |a| chart.draw(a, &mut t, &focus, &theme, Layer::All));
                    let els = parse(&svg.unwrap());
                    let f = chart.frame(&mut t, &theme, w, h).expect("room for a plot");
                    let grid: Vec<_> = tagged(&els, "line")
                        .into_iter()
                        .filter(|e| e.get("stroke") == hex(theme.grid))
                        .collect();
                    assert!(grid.len() >= 4, "{what}: a grid is drawn");
                    for g in grid {
                        let [x1, y1, x2, y2] = ["x1", "y1", "x2", "y2"].map(|k| g.num(k));
                        let spans = if x1 == x2 {
                            [y1, y2] == [f.bottom, f.top] && (f.left..=f.right).contains(&x1)
                        } else {
                            [x1, x2] == [f.left, f.right] && (f.top..=f.bottom).contains(&y1)
                        };
                        assert!(spans, "{what}: grid line {:?} is not across {f:?}", g.attrs);
                    }
                }
            }
        }
    }
}
