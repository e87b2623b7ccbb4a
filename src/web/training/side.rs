//! The Train scene's side column: one tab at a time (the followed pair and the slow step, the settings, your data,
//! saving and loading, sharing, scoring a response), so opening one never pushes the charts off screen.

use leptos::prelude::*;

use super::data_panel::DataPanel;
use super::export_panel::ExportPanel;
use super::inspector::PairInspector;
use super::score::ScorePanel;
use super::settings::Settings;
use super::share_bar::ShareBar;
use super::slow_step::SlowStepPanel;
use super::state::Training;
use super::stepper::RunNotes;

/// One tab of the side column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// The followed pair, and the slow step while one is under way.
    Pair,
    /// The run's settings.
    Settings,
    /// Your own data set.
    Data,
    /// Save and load the run's files.
    Save,
    /// Copy a link; hide controls for a class.
    Share,
    /// Score a response you write.
    Score,
}

impl Tab {
    const ALL: [Tab; 6] = [
        Tab::Pair,
        Tab::Settings,
        Tab::Data,
        Tab::Save,
        Tab::Share,
        Tab::Score,
    ];

    fn title(self) -> &'static str {
        match self {
            Tab::Pair => "Pair",
            Tab::Settings => "Settings",
            Tab::Data => "Data",
            Tab::Save => "Save",
            Tab::Share => "Share",
            Tab::Score => "Score",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Tab::Pair => "pair",
            Tab::Settings => "settings",
            Tab::Data => "data",
            Tab::Save => "save",
            Tab::Share => "share",
            Tab::Score => "score",
        }
    }
}

/// The side column with its tabs. A slow step brings the Pair tab forward, where its stages are shown.
#[component]
pub fn SideColumn() -> impl IntoView {
    let t = expect_context::<Training>();
    let tab = RwSignal::new(Tab::Pair);
    Effect::new(move |_| {
        if t.explain.with(Option::is_some) {
            tab.set(Tab::Pair);
        }
    });
    let tabs = Tab::ALL
        .into_iter()
        .map(|k| {
            view! {
                <button type="button" role="tab" class="side-tab" data-testid=format!("tab-{}", k.key())
                    id=format!("tab-{}", k.key()) aria-controls=format!("side-{}", k.key())
                    aria-selected=move || (tab.get() == k).to_string()
                    on:click=move |_| tab.set(k)>{k.title()}</button>
            }
        })
        .collect_view();
    // Every tab's panel stays mounted (a half-typed data set or response survives a look at another tab); only the
    // chosen one is shown.
    let panel = move |k: Tab, body: AnyView| {
        view! {
            <div class="side-panel" role="tabpanel" id=format!("side-{}", k.key())
                aria-labelledby=format!("tab-{}", k.key()) hidden=move || tab.get() != k>
                {body}
            </div>
        }
    };
    view! {
        <aside class="side" aria-label="The followed pair, settings and tools">
            <div class="side-tabs" role="tablist" aria-label="Side column">{tabs}</div>
            {panel(Tab::Pair, view! {
                <SlowStepPanel/>
                <PairInspector/>
            }.into_any())}
            {panel(Tab::Settings, view! { <RunNotes/> <Settings/> }.into_any())}
            {panel(Tab::Data, view! { <DataPanel/> }.into_any())}
            {panel(Tab::Save, view! { <ExportPanel/> }.into_any())}
            {panel(Tab::Share, view! { <ShareBar/> }.into_any())}
            {panel(Tab::Score, view! { <ScorePanel/> }.into_any())}
        </aside>
    }
}
