//! The scene's chart: gold and proxy gains against √KL for both policies, the current n and β ringed, with its menu
//! (the sentence, the data as a table, PNG and SVG) like every chart of the page.

use leptos::prelude::*;

use super::state::Computed;
use crate::charts::{draw_gold_proxy, GoldProxyView, Theme};
use crate::policy::{default_betas, default_ns};
use crate::views::Table;
use crate::web::backend::to_svg;
use crate::web::canvas::{
    device_theme, draw_sharp, on_resize, on_scheme_or_ratio_change, prefers_dark, FrameScheduler,
};
use crate::web::chart_tools::{svg_size, ChartTools};
use crate::web::page::{Presenting, SharePage};

const ID: &str = "use-gold-proxy";

/// What the chart draws: both curves, with the points of the current n and β (indexes into them) ringed.
fn view_of(c: &Computed, (n, beta): (Option<usize>, Option<usize>)) -> GoldProxyView<'_> {
    GoldProxyView {
        best_of_n: &c.opt.best_of_n_points,
        kl_regularized: &c.opt.kl_points,
        current_best_of_n: n,
        current_kl_regularized: beta,
    }
}

/// The chart of both curves.
#[component]
pub fn GoldProxyChart(computed: RwSignal<Option<Result<Computed, String>>>) -> impl IntoView {
    let page = expect_context::<SharePage>();
    let presenting = Presenting::from_context();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let current = move || {
        let n = page.n.get_untracked();
        let b = page.beta.get_untracked();
        (
            default_ns().iter().position(|&x| x == n),
            default_betas().iter().position(|&x| x == b),
        )
    };
    let scheduler = FrameScheduler::new(move || {
        let (Some(c), Some(Some(Ok(data)))) =
            (canvas.get_untracked(), computed.try_get_untracked())
        else {
            return false;
        };
        let theme = device_theme(Theme::for_page(presenting.now(), prefers_dark()), &c);
        let view = view_of(&data, current());
        if let Err(e) = draw_sharp(&c, |a| draw_gold_proxy(a, &view, &theme)) {
            leptos::logging::error!("chart {ID} could not be drawn: {e}");
        }
        false
    });
    let s = scheduler.clone();
    Effect::new(move |_| {
        computed.track();
        page.n.track();
        page.beta.track();
        s.request();
    });
    let s = scheduler.clone();
    on_resize(vec![canvas], move || s.request());
    on_scheme_or_ratio_change(move || scheduler.request());

    let summary = Signal::derive(move || match computed.get() {
        Some(Ok(c)) => {
            let (n, b) = current();
            format!(
                "{} {}",
                c.opt.best_of_n_sentence(n.unwrap_or(0)),
                c.opt.kl_sentence(b.unwrap_or(0))
            )
        }
        _ => "No curves: this data set has no true quality to compare with.".into(),
    });
    let table_cb = Callback::new(move |()| match computed.get_untracked() {
        Some(Ok(c)) => c.opt.table(),
        _ => Table::default(),
    });
    let svg = Callback::new(move |()| {
        let (w, h) = svg_size(canvas);
        let Some(Some(Ok(data))) = computed.try_get_untracked() else {
            return Err("no curves to save".to_string());
        };
        let view = view_of(&data, current());
        to_svg(w, h, |a| draw_gold_proxy(a, &view, &Theme::light())).map_err(|e| e.to_string())
    });
    let changed = Signal::derive(move || {
        computed.track();
        page.n.get() ^ page.beta.get().to_bits()
    });
    view! {
        <figure class="chart use-chart">
            <div class="chart-head">
                <h3 title="Gao et al. 2022 plot both against √KL">"What the reward model promises, and what you get"</h3>
                <span class="key" aria-hidden="true">"solid: gold (true quality) · dashed: proxy (learned reward)"</span>
                <ChartTools id=ID canvas summary table=table_cb svg changed/>
            </div>
            <div class="plot">
                <canvas node_ref=canvas data-testid=ID role="img" aria-describedby=format!("{ID}-alt")
                    aria-label="Gold and proxy reward gains against the square root of KL, for best-of-n and π_β">
                </canvas>
            </div>
            <figcaption>
                "Blue: best-of-n, n = 1 … 1024. Orange: π_β, β = 100 … 0.01. Rings: the n and β chosen above. "
                "Both start at π_ref (0, 0); moving right is optimizing harder."
            </figcaption>
        </figure>
    }
}
