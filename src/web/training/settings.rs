//! The run's settings: every control is a view of one field of the `Config`.

use leptos::prelude::*;

use super::state::Training;
use crate::data::{builtin_description, builtin_names};
use crate::format::{fixed, parse_number};
use crate::loss::LossKind;
use crate::model::ModelKind;
use crate::optim::OptimizerKind;
use crate::settings::{self as table, Setting};
use crate::train::{Config, Grouping};

/// The slider position for a learning rate: the slider runs over log10(lr) (1e-4 .. 10, from the settings table).
fn lr_to_slider(lr: f64) -> f64 {
    table::LR.clamp_to_control(libm::log10(lr))
}

/// The learning rate at a slider position, rounded to 2 significant digits so it reads cleanly.
fn slider_to_lr(x: f64) -> f64 {
    let lr = libm::pow(10.0, table::LR.clamp_to_control(x));
    let digits = libm::pow(10.0, libm::floor(libm::log10(lr)) - 1.0);
    libm::round(lr / digits) * digits
}

/// A number for display: up to 4 significant decimals, no trailing zeros.
fn short(v: f64) -> String {
    let s = if v.abs() >= 1.0 {
        fixed(v, 2)
    } else {
        format!("{v:.4}")
    };
    if s.contains('.') && !s.contains('e') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A control's `min` attribute, from the settings table.
fn attr_min(s: &Setting) -> String {
    s.control_min().to_string()
}

/// A control's `max` attribute, from the settings table.
fn attr_max(s: &Setting) -> String {
    s.control_max().to_string()
}

/// A control's `step` attribute, from the settings table.
fn attr_step(s: &Setting) -> String {
    s.step_by().to_string()
}

/// A select's options: each value (a kind's name, as the link and the CLI write it) with the words shown for it.
fn options(list: &[(&'static str, &'static str)]) -> impl IntoView {
    list.iter()
        .map(|&(value, words)| view! { <option value=value>{words}</option> })
        .collect_view()
}

/// How the model select names each kind (every kind is listed, in `ModelKind::ALL`'s order).
fn model_words(k: ModelKind) -> &'static str {
    match k {
        ModelKind::Linear => "linear: a weight per word",
        ModelKind::Mlp => "MLP: embeddings, a tanh layer",
    }
}

/// How the optimizer select names each kind.
fn optimizer_words(k: OptimizerKind) -> &'static str {
    match k {
        OptimizerKind::Sgd => "SGD",
        OptimizerKind::Adam => "Adam",
    }
}

/// How the batch-elements select names each grouping.
fn grouping_words(g: Grouping) -> &'static str {
    match g {
        Grouping::Prompts => "one prompt = one element (InstructGPT)",
        Grouping::Pairs => "shuffled pairs",
    }
}

/// How the loss select names each kind.
fn loss_words(k: LossKind) -> &'static str {
    match k {
        LossKind::Bt => "−log σ(Δ)",
        LossKind::Margin => "margin: −log σ(Δ − m)",
        LossKind::Smooth => "label smoothing ε",
    }
}

/// The settings form.
#[component]
pub fn Settings() -> impl IntoView {
    let t = expect_context::<Training>();
    let c = move || t.config.get();
    let change = move |f: Box<dyn FnOnce(&mut Config)>| {
        let mut next = t.config.get_untracked();
        f(&mut next);
        t.apply(next);
    };
    let on_select = move |f: fn(&mut Config, &str)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            change(Box::new(move |c| f(c, &v)));
        }
    };
    let on_number = move |f: fn(&mut Config, f64)| {
        move |ev: leptos::ev::Event| match parse_number(&event_target_value(&ev)) {
            Some(v) => change(Box::new(move |c| f(c, v))),
            None => t.notice.set(format!(
                "Not applied: {:?} is not a number",
                event_target_value(&ev)
            )),
        }
    };
    let loss_is = move |k: LossKind| c().loss.kind == k;

    view! {
        <form class="panel settings" on:submit=|ev| ev.prevent_default() aria-label="Training settings">
            <h3>"Settings"</h3>
            <label class="row">
                <span>"Data set"</span>
                <select data-testid="set-dataset" on:change=on_select(|c, v| c.dataset = v.to_string())
                    prop:value=move || c().dataset>
                    {builtin_names().iter().map(|n| view! { <option value=*n>{*n}</option> }).collect_view()}
                    {move || t.user_data.get().map(|d| view! { <option value=d.name.clone()>{d.name.clone()}</option> })}
                </select>
            </label>
            <p class="hint">{move || builtin_description(&c().dataset).map(str::to_string)
                .or_else(|| t.user_data.get().map(|d| format!("Your data: {}", d.description)))
                .unwrap_or_default()}</p>
            <label class="row">
                <span>"Model"</span>
                <select data-testid="set-model"
                    on:change=on_select(|c, v| c.model = ModelKind::from_name(v).unwrap_or(c.model))
                    prop:value=move || c().model.name()>
                    {options(&ModelKind::ALL.map(|k| (k.name(), model_words(k))))}
                </select>
            </label>
            <label class="row">
                <span>"Optimizer"</span>
                <select data-testid="set-optimizer"
                    on:change=on_select(|c, v| c.optimizer = OptimizerKind::from_name(v).unwrap_or(c.optimizer))
                    prop:value=move || c().optimizer.name()>
                    {options(&OptimizerKind::ALL.map(|k| (k.name(), optimizer_words(k))))}
                </select>
            </label>
            <label class="row">
                <span>"Learning rate"</span>
                <input type="range" data-testid="set-lr" min=attr_min(&table::LR) max=attr_max(&table::LR)
                    step=attr_step(&table::LR)
                    prop:value=move || lr_to_slider(c().lr).to_string()
                    aria-valuetext=move || short(c().lr)
                    on:change=on_number(|c, x| c.lr = slider_to_lr(x))/>
                <output data-testid="set-lr-value">{move || short(c().lr)}</output>
            </label>
            <label class="row">
                <span>"Batch size"</span>
                <input type="number" data-testid="set-batch-size" min=attr_min(&table::BATCH_SIZE)
                    max=attr_max(&table::BATCH_SIZE) step=attr_step(&table::BATCH_SIZE) inputmode="numeric"
                    prop:value=move || c().batch_size.to_string()
                    on:change=on_number(|c, v| c.batch_size = table::BATCH_SIZE.clamp_to_control(v) as usize)/>
            </label>
            <label class="row">
                <span>"Batch elements"</span>
                <select data-testid="set-grouping"
                    on:change=on_select(|c, v| c.grouping = Grouping::from_name(v).unwrap_or(c.grouping))
                    prop:value=move || c().grouping.name()>
                    {options(&Grouping::ALL.map(|g| (g.name(), grouping_words(g))))}
                </select>
            </label>
            <label class="row">
                <span>"Loss"</span>
                <select data-testid="set-loss"
                    on:change=on_select(|c, v| c.loss.kind = LossKind::from_name(v).unwrap_or(c.loss.kind))
                    prop:value=move || c().loss.kind.name()>
                    {options(&LossKind::ALL.map(|k| (k.name(), loss_words(k))))}
                </select>
            </label>
            <Show when=move || loss_is(LossKind::Smooth)>
                <label class="row">
                    <span>"ε"</span>
                    <input type="number" data-testid="set-label-smoothing" min=attr_min(&table::SMOOTH_LABEL_SMOOTHING)
                        max=attr_max(&table::SMOOTH_LABEL_SMOOTHING) step=attr_step(&table::SMOOTH_LABEL_SMOOTHING)
                        prop:value=move || short(c().loss.label_smoothing)
                        on:change=on_number(|c, v| c.loss.label_smoothing = v)/>
                </label>
            </Show>
            <label class="row">
                <span>"Centering c"</span>
                <input type="number" data-testid="set-center-coef" min=attr_min(&table::CENTER_COEF)
                    max=attr_max(&table::CENTER_COEF) step=attr_step(&table::CENTER_COEF)
                    prop:value=move || short(c().loss.center_coef)
                    on:change=on_number(|c, v| c.loss.center_coef = v)/>
            </label>
            <label class="row">
                <span>"Label noise"</span>
                <input type="range" data-testid="set-label-noise" min=attr_min(&table::LABEL_NOISE)
                    max=attr_max(&table::LABEL_NOISE) step=attr_step(&table::LABEL_NOISE)
                    prop:value=move || c().label_noise.to_string()
                    aria-valuetext=move || format!("{:.0} % of preferences flipped", 100.0 * c().label_noise)
                    on:change=on_number(|c, v| c.label_noise = v)/>
                <output>{move || format!("{:.0} %", 100.0 * c().label_noise)}</output>
            </label>
            <label class="row">
                <span>"Test prompts"</span>
                <input type="range" data-testid="set-test-fraction" min=attr_min(&table::TEST_FRACTION)
                    max=attr_max(&table::TEST_FRACTION) step=attr_step(&table::TEST_FRACTION)
                    prop:value=move || c().test_fraction.to_string()
                    aria-valuetext=move || format!("{:.0} % of prompts held out", 100.0 * c().test_fraction)
                    on:change=on_number(|c, v| c.test_fraction = v)/>
                <output>{move || format!("{:.0} %", 100.0 * c().test_fraction)}</output>
            </label>
            <label class="row">
                <span>"Seed"</span>
                <input type="number" data-testid="set-seed" min=attr_min(&table::SEED) max=attr_max(&table::SEED)
                    step=attr_step(&table::SEED) inputmode="numeric"
                    prop:value=move || c().seed.to_string()
                    on:change=on_number(|c, v| c.seed = table::SEED.clamp_to_control(v) as u64)/>
            </label>
        </form>
    }
}
