//! The loss explorer's first view, written into the built `index.html` (by `reward-playground first-view`, which
//! `scripts/first-view.sh` runs after Trunk's build): the markup the page shows in its first frame, with each chart's
//! canvas replaced by the same chart drawn through plotters' SVG backend. It paints before the module has loaded, and
//! without JavaScript at all; the app takes its place when it mounts (`web::first_view`).

use plotters::prelude::RGBColor;

use super::explorer::{number_rows, ExplorerChart as Step, FORMULA};
use crate::charts::{to_svg, ChartError, Layer, Theme};
use crate::format::{input_value, reward};
use crate::loss::{explain, Explained};
use crate::scene::Scene;

/// What `index.html` holds where the first view goes.
pub const MARKER: &str = r#"<div id="first-view"></div>"#;

/// Each chart's plot box in CSS pixels at 1280×720, where the posters are drawn at their size; at other sizes they
/// scale to the box (the canvas then redraws at its own size when the app mounts).
pub const SIZES: [(u32, u32); 4] = [(417, 215), (417, 234), (417, 215), (417, 215)];

/// `page` with its [`MARKER`] replaced by the first view at the explorer's opening rewards, the posters' dark colours
/// added to its head, and the page loaded in two parts after the first view has painted ([`defer_module`]; `first`
/// names the first part). Refused when the page has no marker or more than one, or not the module loader Trunk
/// writes.
pub fn fill(page: &str, rewards: (f64, f64), first: Option<&str>) -> Result<String, String> {
    let page = &defer_module(page, first)?;
    match page.matches(MARKER).count() {
        1 => {}
        0 => return Err(format!("no {MARKER} to replace")),
        n => return Err(format!("{n} copies of {MARKER}; expected one")),
    }
    let view = html(rewards).map_err(|e| format!("a chart could not be drawn: {e}"))?;
    let page = page.replacen(MARKER, &view, 1);
    match page.find("</head>") {
        Some(at) => Ok(format!("{}{}{}", &page[..at], dark_css(), &page[at..])),
        None => Err("no </head> to add the posters' colours to".into()),
    }
}

/// The text between `start` and the next `end` in `page`, and where that piece (with both) begins and ends.
fn between<'a>(page: &'a str, start: &str, end: &str) -> Option<(&'a str, usize, usize)> {
    let at = page.find(start)?;
    let len = page[at + start.len()..].find(end)?;
    let inner = &page[at + start.len()..at + start.len() + len];
    Some((inner, at, at + start.len() + len + end.len()))
}

/// `page` with Trunk's module loader (a module script that imports the app's JS glue and starts its wasm, and two
/// preload links that fetch both while the HTML is read) replaced by a loader of the page in two parts.
///
/// - The first part (`first`: the base name of its JS glue and wasm, built by `scripts/first-part.sh`; the first
///   view's explorer answering input) starts after the first frame has been painted, so the picture of the first view
///   never waits for a module and on a slow network the page's largest paint is the first view itself; a hidden tab,
///   which paints no frames, still starts within 100 ms.
/// - The app is fetched and compiled when the browser is next idle after that (then the service worker, which keeps
///   every file for offline use, is registered), and started (`window.loadRest`) on first use: when the first part is
///   asked for a scene, the lesson, presentation mode, the keys, or a shortcut. Starting a compiled module takes a
///   moment; fetching it would take seconds on a slow network. Until then nothing of the app runs, so nothing competes
///   with the reader's dragging, and the app never takes the view's place under the reader's pointer.
/// - A link with anything after its `#` (a run, a scene, presentation mode, labels) starts the app at once, and so
///   does a page without a first part, or one whose first part fails to load.
///
/// Refused, with the page unchanged, unless it holds Trunk's loader.
pub fn defer_module(page: &str, first: Option<&str>) -> Result<String, String> {
    let missing = |what: &str| format!("no {what} in the page (the loader Trunk writes changed?)");
    let (js, ..) = between(page, r#"<link rel="modulepreload" href=""#, "\"")
        .ok_or_else(|| missing("modulepreload link"))?;
    let (wasm, ..) = between(page, r#"<link rel="preload" href=""#, "\"")
        .ok_or_else(|| missing("wasm preload link"))?;
    let (js, wasm) = (js.to_string(), wasm.to_string());
    let mut page = page.to_string();
    for start in [
        r#"<link rel="modulepreload" href=""#,
        r#"<link rel="preload" href=""#,
    ] {
        let (_, at, end) = between(&page, start, ">").ok_or_else(|| missing(start))?;
        page.replace_range(at..end, "");
    }
    let (script, at, end) = between(&page, "<script type=\"module\">", "</script>")
        .ok_or_else(|| missing("module script"))?;
    if !script.contains(&format!("import init, * as bindings from '{js}'")) {
        return Err(missing("import of the JS glue"));
    }
    let start = match first {
        Some(name) => format!(
            "location.hash.length > 1 ? loadRest() : load('./{name}.js', './{name}_bg.wasm').then(later, loadRest)"
        ),
        None => "loadRest()".to_string(),
    };
    let loader = format!(
        r#"<script type="module">
// The page in two parts, both after the first view has painted: the first view's explorer (small) answers at once;
// the app is fetched and compiled when the browser is idle, and takes the first view's place (web::first_view) on
// first use (loadRest, called by the first part), or at once for a link that carries a state.
const load = async (js, wasm) => (await import(js)).default({{ module_or_path: wasm }});
const fetchWasm = (wasm) => WebAssembly.compileStreaming(fetch(wasm))
  .catch(() => fetch(wasm).then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b)));
let first, compiled, rest, tries = 0;
// A download that fails (a busy or flaky server) is tried again a little later, three times at most.
const compile = () => compiled ??= Promise.all([import(tries ? `{js}?try=${{tries}}` : '{js}'), fetchWasm('{wasm}')])
  .then((parts) => (performance.mark('app-compiled'), parts), (err) => {{
    compiled = undefined;
    if (++tries > 3) throw err;
    return new Promise((wait) => setTimeout(wait, 300 * tries)).then(compile);
  }});
window.loadRest = () => rest ??= compile().then(async ([bindings, module]) => {{
  const wasm = await bindings.default({{ module_or_path: module }});
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', {{ detail: {{ wasm }} }}));
}});
const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 1));
const later = () => idle(() => compile().then(() => navigator.serviceWorker?.register('sw.js')).catch(() => {{}}),
  {{ timeout: 1000 }});
const start = () => first ??= {start};
requestAnimationFrame(() => setTimeout(start, 0));
setTimeout(start, 100);
</script>"#
    );
    page.replace_range(at..end, &loader);
    Ok(page)
}

/// `&`, `<`, `>` and `"` escaped for HTML text and attribute values.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One chart drawn as SVG at `size`, as the page's canvas draws it in the light scheme, marked as a poster of its
/// canvas (`data-for`).
pub fn poster(step: Step, e: &Explained, (w, h): (u32, u32)) -> Result<String, ChartError> {
    let theme = step.theme(false, false).fit_to(h);
    let svg = canvas_font_sizes(&to_svg(w, h, |a| step.draw(a, e.gap, Layer::All, &theme))?);
    Ok(svg.trim().replacen(
        "<svg ",
        &format!(
            r#"<svg class="poster" data-for="{}" role="img" aria-label="{}" "#,
            step.testid(),
            esc(&step.aria_label(e))
        ),
        1,
    ))
}

/// plotters' SVG backend writes a font of size s as `font-size="s / 1.24"`, where its canvas backend draws it at s:
/// the SVG's sizes scaled back, so the poster's labels are the canvas' size.
fn canvas_font_sizes(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(KEY) {
        let (before, after) = rest.split_at(at + KEY.len());
        out.push_str(before);
        let end = after.find('"').unwrap_or(after.len());
        match after[..end].parse::<f64>() {
            Ok(v) => out.push_str(&format!("{}", (v * 1.24 * 100.0).round() / 100.0)),
            Err(_) => out.push_str(&after[..end]),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The rows of a chart's data table at `e`, as HTML (its head does not change).
pub fn table_rows(step: Step, e: &Explained) -> String {
    step.table(e)
        .rows
        .iter()
        .map(|r| {
            let cells: String = r.iter().map(|c| format!("<td>{}</td>", esc(c))).collect();
            format!("<tr>{cells}</tr>")
        })
        .collect()
}

/// What the first view says while the rest of the page loads after one of its scene bar's buttons was pressed.
pub const LOADING: &str = "Loading the rest of the page…";

/// The scene bar as the app renders it in its first frame. Each button names the app's control it stands for
/// (`data-control`): the app presses that one if it was pressed before the app had taken over.
fn header() -> String {
    let tabs: String = Scene::ALL
        .into_iter()
        .map(|s| {
            format!(
                r#"<button class="scene-tab" type="button" role="tab" data-control="scene-{}" aria-selected="{}" title="{} ([ and ] move between scenes)">{}</button>"#,
                s.key(),
                s == Scene::DEFAULT,
                esc(s.blurb()),
                esc(s.title())
            )
        })
        .collect();
    format!(
        r#"<header class="scene-bar"><h1 title="How an RLHF reward model learns from comparisons">Reward Playground</h1><nav class="scene-tabs" role="tablist" aria-label="Scenes">{tabs}</nav><div class="bar-tools"><button class="lesson-toggle" type="button" data-control="lesson-toggle" aria-pressed="false">Lesson</button><button type="button" data-control="share-present" title="Presentation mode: large type for a projector (P)" aria-pressed="false">Present</button><button class="help-toggle" type="button" data-control="shortcuts-toggle" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts" aria-expanded="false">Keys</button></div></header>"#
    )
}

/// One reward's label, number box and slider.
fn reward_input(id: &str, name: &str, meaning: &str, swatch: &str, value: f64) -> String {
    let v = input_value(value);
    format!(
        r#"<div class="reward"><label for="{id}"><span class="swatch {swatch}" aria-hidden="true"></span>{name}<span class="sr-only">, {meaning}</span></label><input type="number" id="{id}" min="-8" max="8" step="0.01" inputmode="decimal" value="{v}" aria-describedby="{id}-hint" aria-invalid="false"><input type="range" min="-8" max="8" step="0.01" aria-label="{name}, {meaning}, slider" aria-valuetext="{}" value="{v}"><span id="{id}-hint" class="sr-only">a number from −8 to 8</span></div>"#,
        reward(value)
    )
}

/// One chart's figure: title, sentence, a menu with its data as a table (which works without JavaScript), the
/// poster and the caption.
fn figure(step: Step, e: &Explained, size: (u32, u32)) -> Result<String, ChartError> {
    let head: String = step
        .table(e)
        .head
        .iter()
        .map(|h| format!(r#"<th scope="col">{}</th>"#, esc(h)))
        .collect();
    let rows = table_rows(step, e);
    Ok(format!(
        r#"<figure class="chart"><div class="chart-head"><h3>{}</h3><p class="chart-alt">{}</p><details class="chart-menu"><summary aria-label="Chart menu: describe, data as a table, save as PNG or SVG" title="Describe, table, save">⋯</summary><div class="menu-body"><details><summary>Data as a table</summary><table class="chart-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></details></div></details></div><div class="plot">{}</div><figcaption>{}</figcaption></figure>"#,
        esc(step.title()),
        esc(&step.sentence(e)),
        poster(step, e, size)?,
        esc(step.caption())
    ))
}

/// The first view at `rewards`: the scene bar and the explorer, in a `#first-view` box that lays out as its
/// children (`display: contents`).
pub fn html(rewards: (f64, f64)) -> Result<String, ChartError> {
    let e = explain(rewards.0, rewards.1);
    let rows: String = number_rows(&e)
        .iter()
        .map(|(label, class, _, value)| {
            format!(
                r#"<tr class="{class}"><th scope="row">{}</th><td>{}</td></tr>"#,
                esc(label),
                esc(value)
            )
        })
        .collect();
    let mut figures = String::new();
    for (step, size) in Step::ALL.into_iter().zip(SIZES) {
        figures.push_str(&figure(step, &e, size)?);
    }
    Ok(format!(
        r#"<div id="first-view">{}<main><section class="explorer scene" data-scene="pair" aria-labelledby="explorer-title"><div class="side"><div class="panel"><h2 id="explorer-title">One pair: the loss</h2><p class="lead">Reward a better and a worse response; the loss sees only their gap Δ.</p>{}{}<div class="shift"><label for="shift-c">Shift both by c</label><input type="number" id="shift-c" value="1" step="0.5" min="-16" max="16" inputmode="decimal"><button type="button">Add c to both</button><button type="button">Reset</button></div><p class="status" role="status"></p></div><div class="panel"><h2 class="numbers-title">The numbers</h2><div class="formula">{FORMULA}</div><table class="numbers"><tbody>{rows}</tbody></table><p class="note">Only the gap matters: adding c to both rewards leaves Δ, the loss and the gradient as they were.</p></div></div><div class="charts">{figures}</div></section></main></div>"#,
        header(),
        reward_input(
            "r-better",
            "r_better",
            "reward of the better response",
            "bg-gap",
            rewards.0
        ),
        reward_input(
            "r-worse",
            "r_worse",
            "reward of the worse response",
            "bg-loss",
            rewards.1
        ),
    ))
}

/// A colour as plotters' SVG backend writes it.
fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Each colour of the light posters and its dark counterpart, with the attribute it appears in: the explorer's dark
/// themes differ from the light ones in colour only, so recolouring gives the dark chart.
pub fn recolour_map() -> Vec<(&'static str, String, String)> {
    let (l, d) = (Theme::light(), Theme::dark());
    let mut map = Vec::new();
    for attr in ["fill", "stroke"] {
        for (a, b) in [
            (l.background, d.background),
            (l.text, d.text),
            (l.grid, d.grid),
            (l.axis, d.axis),
        ] {
            map.push((attr, hex(a), hex(b)));
        }
        for s in Step::ALL {
            let (a, b) = (s.colour(false), s.colour(true));
            if a != b {
                map.push((attr, hex(a), hex(b)));
            }
        }
    }
    map.sort();
    map.dedup();
    map
}

/// The posters' colours in a dark colour scheme, as one `<style>`.
pub fn dark_css() -> String {
    let rules: String = recolour_map()
        .iter()
        .map(|(attr, light, dark)| format!(r#"svg.poster [{attr}="{light}"]{{{attr}:{dark}}}"#))
        .collect();
    format!(r#"<style id="first-view-css">@media (prefers-color-scheme: dark){{{rules}}}</style>"#)
}
