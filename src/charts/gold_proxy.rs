//! Reward model overoptimization (Gao et al. 2022): the learned (proxy) reward and the true (gold) reward a
//! policy gets, against √KL(π ‖ π_ref), for best-of-n and for the KL-regularized optimum in one chart.

use super::frame::{auto_range, draw_frame, finite_runs, pin_point, Frame};
use super::{ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One policy on a curve: how far it moved from π_ref and what it gets.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GoldProxyPoint {
    /// √KL(π ‖ π_ref), the x of the point.
    pub sqrt_kl: f64,
    /// E_π[proxy] − E_π_ref[proxy]: what the learned reward promises, as a gain over π_ref.
    pub proxy: f64,
    /// E_π[gold] − E_π_ref[gold]: what the policy truly gains.
    pub gold: f64,
}

/// Both curves, each in order of growing optimization (n up, β down), and the points marked as current.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GoldProxyView<'a> {
    /// Best-of-n: `series[0]`, gold solid with dots, proxy dashed.
    pub best_of_n: &'a [GoldProxyPoint],
    /// π_β ∝ π_ref·exp(r/β): `series[1]`, gold solid with dots, proxy dashed.
    pub kl_regularized: &'a [GoldProxyPoint],
    /// The current best-of-n point (an index into `best_of_n`), ringed.
    pub current_best_of_n: Option<usize>,
    /// The current π_β point (an index into `kl_regularized`), ringed.
    pub current_kl_regularized: Option<usize>,
}

/// Gold and proxy gain against √KL: x from 0, y covering 0 and every finite value.
pub fn draw_gold_proxy<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &GoldProxyView,
    theme: &Theme,
) -> Result<(), ChartError> {
    let all = || view.best_of_n.iter().chain(view.kl_regularized);
    let x = auto_range(all().map(|p| p.sqrt_kl), true, 0.0..1.0);
    let y = auto_range(all().flat_map(|p| [p.proxy, p.gold]), true, -1.0..1.0);
    let frame = Frame::new(x.clone(), y.clone(), "√KL(π ‖ π_ref)", "gain over π_ref");
    let Some(mut chart) = draw_frame(area, theme, &frame)? else {
        return Ok(());
    };
    let curves = [
        (view.best_of_n, view.current_best_of_n, 0),
        (view.kl_regularized, view.current_kl_regularized, 1),
    ];
    let (dash, gap) = (
        4 * theme.stroke_width as i32 + 2,
        2 * theme.stroke_width as i32 + 2,
    );
    for (points, _, series) in curves {
        let proxy = points.iter().map(|p| (p.sqrt_kl, p.proxy));
        for run in finite_runs(proxy, &x, &y) {
            chart.draw_series(DashedLineSeries::new(run, dash, gap, theme.line(series)))?;
        }
        let gold = points.iter().map(|p| (p.sqrt_kl, p.gold));
        for run in finite_runs(gold.clone(), &x, &y) {
            chart.draw_series(std::iter::once(PathElement::new(run, theme.line(series))))?;
        }
        let style = theme.series[series].filled();
        let r = theme.dot_radius();
        chart.draw_series(
            gold.filter_map(|p| pin_point(p, &x, &y))
                .map(|p| Circle::new(p, r, style)),
        )?;
    }
    for (points, current, _) in curves {
        let Some(p) = current.and_then(|i| points.get(i)) else {
            continue;
        };
        let ring = theme.selected().stroke_width(theme.stroke_width.max(1) + 1);
        let r = 2 * theme.dot_radius() + 1;
        chart.draw_series(
            [(p.sqrt_kl, p.gold), (p.sqrt_kl, p.proxy)]
                .into_iter()
                .filter_map(|q| pin_point(q, &x, &y))
                .map(|q| Circle::new(q, r, ring)),
        )?;
    }
    Ok(())
}
