//! The first view the build writes into index.html: one marker replaced by the explorer at its opening rewards, the
//! numbers the page shows, four posters drawn by the page's chart functions, and dark colours that make the light
//! posters the dark charts exactly.

use reward_playground::charts::{to_svg, Layer};
use reward_playground::lesson::START;
use reward_playground::loss::explain;
use reward_playground::views::first_view::{
    dark_css, defer_module, fill, html, poster, recolour_map, MARKER, SIZES,
};
use reward_playground::views::{number_rows, ExplorerChart};

/// A page as Trunk writes it: its module loader, the two preload links, and the marker.
const PAGE: &str = r#"<html><head><title>t</title>
<script type="module">
import init, * as bindings from './app-1a.js';
const wasm = await init({ module_or_path: './app-1a_bg.wasm' });
window.wasmBindings = bindings;
</script>
<link rel="modulepreload" href="./app-1a.js" crossorigin="anonymous"><link rel="preload" href="./app-1a_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm"></head><body><div id="first-view"></div></body></html>"#;

/// The first part's files, as `scripts/first-part.sh` names them.
const FIRST: Option<&str> = Some("reward-playground-first-2b");

#[test]
fn the_marker_is_replaced_once_and_the_colours_go_in_the_head() {
    let page = fill(PAGE, START, FIRST).unwrap();
    assert!(!page.contains(MARKER));
    assert_eq!(page.matches("<div id=\"first-view\">").count(), 1);
    assert_eq!(page.matches("<svg class=\"poster\"").count(), 4);
    assert!(page.find(&dark_css()).unwrap() < page.find("</head>").unwrap());
    assert!(fill(&PAGE.replace(MARKER, ""), START, FIRST)
        .unwrap_err()
        .contains("no <div id=\"first-view\">"));
    let twice = PAGE.replace(MARKER, &format!("{MARKER}{MARKER}"));
    assert!(fill(&twice, START, FIRST).unwrap_err().contains("2 copies"));
}

#[test]
fn the_first_view_shows_the_numbers_and_charts_the_page_opens_with() {
    let view = html(START).unwrap();
    for (_, _, _, value) in number_rows(&explain(START.0, START.1)) {
        assert!(view.contains(&format!("<td>{value}</td>")), "{value}");
    }
    assert!(view.contains("value=\"1.50\"") && view.contains("value=\"-0.50\""));
    for step in ExplorerChart::ALL {
        assert!(view.contains(step.title()), "{}", step.title());
        assert!(view.contains(&format!("data-for=\"{}\"", step.testid())));
    }
    // No test ids: the live page's elements are the only ones a test (or the lesson) finds.
    assert!(!view.contains("data-testid"));
    // Outside the posters, no text sits between tags, as in the app's own markup (it would take room in the layout).
    let mut markup = String::new();
    let mut rest = view.as_str();
    while let Some(at) = rest.find("<svg ") {
        markup.push_str(&rest[..at]);
        rest = &rest[rest.find("</svg>").unwrap() + 6..];
    }
    markup.push_str(rest);
    assert!(!markup.contains(">\n") && !markup.contains("> <"));
}

#[test]
fn recolouring_a_light_poster_gives_the_dark_chart_and_labels_keep_the_canvas_size() {
    let e = explain(START.0, START.1);
    for (step, (w, h)) in ExplorerChart::ALL.into_iter().zip(SIZES) {
        let light = poster(step, &e, (w, h)).unwrap();
        let theme = step.theme(true, false).fit_to(h);
        let dark = to_svg(w, h, |a| step.draw(a, e.gap, Layer::All, &theme)).unwrap();
        let mut recoloured = light.clone();
        for (attr, l, d) in recolour_map() {
            recoloured = recoloured.replace(&format!("{attr}=\"{l}\""), &format!("{attr}=\"{d}\""));
        }
        // The same drawing, colour for colour, once the poster's own attributes and font sizes are set aside.
        let strip = |svg: &str| {
            let body = &svg[svg.find('>').unwrap()..];
            let mut out = String::new();
            let mut rest = body;
            while let Some(at) = rest.find("font-size=\"") {
                out.push_str(&rest[..at]);
                let after = &rest[at + 11..];
                rest = &after[after.find('"').unwrap() + 1..];
            }
            out.push_str(rest);
            out
        };
        assert_eq!(strip(recoloured.trim()), strip(dark.trim()), "{step:?}");
        assert!(
            light.contains(&format!("font-size=\"{}\"", theme.font_size)),
            "{step:?}"
        );
    }
}

#[test]
fn the_page_loads_in_two_parts_after_the_first_view_has_painted_and_its_files_stay_named_in_the_page(
) {
    let page = defer_module(PAGE, FIRST).unwrap();
    // No preload: nothing fetches a module while the HTML is read.
    assert!(!page.contains("preload"));
    assert_eq!(page.matches("<script type=\"module\">").count(), 1);
    // The first part after the first frame (or 100 ms in a hidden tab); a link with a state starts the app instead.
    assert!(page.contains("requestAnimationFrame(() => setTimeout(start, 0));"));
    assert!(page.contains("setTimeout(start, 100);"));
    assert!(page.contains(
        "location.hash.length > 1 ? loadRest() : load('./reward-playground-first-2b.js', './reward-playground-first-2b_bg.wasm').then(later, loadRest)"
    ));
    // The app is fetched and compiled when idle, and started by loadRest (the first part's first use).
    assert!(page.contains(
        "compile = () => compiled ??= Promise.all([import(tries ? `./app-1a.js?try=${tries}` : './app-1a.js'), fetchWasm('./app-1a_bg.wasm')])"
    ));
    // A failed download is tried again, three times at most.
    assert!(page.contains("if (++tries > 3) throw err;"));
    assert!(page.contains("performance.mark('app-compiled')"));
    assert!(page.contains("const later = () => idle(() => compile().then("));
    assert!(page.contains("window.loadRest = () => rest ??= compile()"));
    // The offline copy is registered once the app is compiled (its install fetches every file again), not at first use.
    assert!(page.contains("compile().then(() => navigator.serviceWorker?.register('sw.js'))"));
    // The benchmarks find the app's exports as they did with Trunk's loader.
    assert!(page.contains("window.wasmBindings = bindings;"));
    assert!(page.contains("new CustomEvent('TrunkApplicationStarted', { detail: { wasm } })"));
    assert!(page.ends_with("</head><body><div id=\"first-view\"></div></body></html>"));
    // Without a first part the app starts where the first part would.
    let alone = defer_module(PAGE, None).unwrap();
    assert!(alone.contains("const start = () => first ??= loadRest();"));
    assert!(!alone.contains("reward-playground-first"));
    // A page without Trunk's loader is refused, not left half changed.
    let err = defer_module("<html><head></head></html>", FIRST).unwrap_err();
    assert!(err.contains("modulepreload"), "{err}");
}
