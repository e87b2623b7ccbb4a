//! The gold-and-proxy chart, drawn to SVG and read back: both curves, the marked points, and no stray number.

use reward_playground::charts::*;

fn points(k: usize, slope: f64) -> Vec<GoldProxyPoint> {
    (0..k)
        .map(|i| {
            let x = i as f64 * 0.5;
            GoldProxyPoint {
                sqrt_kl: x,
                proxy: slope * x,
                gold: x - 0.4 * x * x,
            }
        })
        .collect()
}

fn svg(view: &GoldProxyView) -> String {
    to_svg(560, 300, |a| draw_gold_proxy(a, view, &Theme::light())).unwrap()
}

#[test]
fn both_curves_are_drawn_with_gold_solid_and_proxy_dashed_and_labelled_axes() {
    let (bon, kl) = (points(11, 1.0), points(21, 0.8));
    let text = svg(&GoldProxyView {
        best_of_n: &bon,
        kl_regularized: &kl,
        ..Default::default()
    });
    assert!(text.contains("√KL(π ‖ π_ref)") && text.contains("gain over π_ref"));
    // One gold dot per point.
    assert_eq!(text.matches("<circle").count(), 11 + 21);
    assert!(text.contains("<polyline"));
    assert!(!text.contains("NaN") && !text.contains("inf"));
}

#[test]
fn the_current_points_are_ringed_on_gold_and_on_proxy() {
    let (bon, kl) = (points(11, 1.0), points(21, 0.8));
    let plain = svg(&GoldProxyView {
        best_of_n: &bon,
        kl_regularized: &kl,
        ..Default::default()
    });
    let marked = svg(&GoldProxyView {
        best_of_n: &bon,
        kl_regularized: &kl,
        current_best_of_n: Some(4),
        current_kl_regularized: Some(99), // out of range: nothing marked
    });
    assert_eq!(
        marked.matches("<circle").count(),
        plain.matches("<circle").count() + 2
    );
}

#[test]
fn empty_and_non_finite_data_draw_without_panicking() {
    let bad = [
        GoldProxyPoint {
            sqrt_kl: f64::NAN,
            proxy: 1.0,
            gold: f64::INFINITY,
        },
        GoldProxyPoint {
            sqrt_kl: 1e300,
            proxy: -1e300,
            gold: 0.0,
        },
    ];
    for view in [
        GoldProxyView::default(),
        GoldProxyView {
            best_of_n: &bad,
            kl_regularized: &bad,
            current_best_of_n: Some(0),
            current_kl_regularized: Some(1),
        },
    ] {
        let text = svg(&view);
        assert!(!text.contains("NaN"), "{text}");
    }
    let tiny = to_svg(20, 20, |a| {
        draw_gold_proxy(a, &GoldProxyView::default(), &Theme::light())
    });
    assert!(tiny.is_ok());
}
