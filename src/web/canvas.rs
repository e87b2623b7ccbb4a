//! Canvas glue: sharp plotters drawings at the canvas' device-pixel size, and redraws coalesced to one per frame.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::html::Canvas;
use leptos::prelude::{Effect, Get, NodeRef};
use plotters::prelude::*;

use super::backend::{PageArea, PageBackend};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The drawing area handed to chart functions: CSS pixels, on a canvas whose backing store is CSS size × DPR.
pub type CanvasArea = PageArea<'static>;

/// The page's devicePixelRatio (1 when unknown).
pub fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
}

/// Whether the reader asked for a dark colour scheme.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .map(|m| m.matches())
        .unwrap_or(false)
}

/// A canvas' size: CSS pixels and the devicePixelRatio its backing store is drawn at.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    /// Width in CSS pixels.
    pub css_w: u32,
    /// Height in CSS pixels.
    pub css_h: u32,
    /// devicePixelRatio.
    pub dpr: f64,
}

impl Size {
    /// The laid-out size of `canvas`; `None` while it has no layout (hidden or not mounted).
    pub fn of(canvas: &HtmlCanvasElement) -> Option<Size> {
        let css_w = canvas.client_width().max(0) as u32;
        let css_h = canvas.client_height().max(0) as u32;
        (css_w > 0 && css_h > 0).then(|| Size {
            css_w,
            css_h,
            dpr: device_pixel_ratio(),
        })
    }

    fn device(&self) -> (u32, u32) {
        (
            (self.css_w as f64 * self.dpr).round() as u32,
            (self.css_h as f64 * self.dpr).round() as u32,
        )
    }
}

/// Sizes the backing store of `canvas` to `size` in device pixels and returns its 2d context, unscaled.
fn prepare(canvas: &HtmlCanvasElement, size: Size) -> Result<CanvasRenderingContext2d, String> {
    let (w, h) = size.device();
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(|_| "the canvas refused a 2d context".to_string())?
        .ok_or("the canvas has no 2d context")?
        .dyn_into()
        .map_err(|_| "the canvas context is not 2d".to_string())?;
    ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        .map_err(|_| "the canvas refused its transform".to_string())?;
    Ok(ctx)
}

/// Lets plotters draw straight in device pixels on a canvas whose backing store is CSS size × DPR: `draw` gets an
/// area of the device size, and the chart's theme must be [`device_theme`] of the page's, so labels and lines keep
/// their CSS size while curves are placed to the device pixel (at DPR 2, drawing in CSS pixels scaled up rounds every
/// point to a whole CSS pixel and the curves look stair-stepped).
fn plot<E: std::fmt::Display>(
    canvas: &HtmlCanvasElement,
    ctx: &CanvasRenderingContext2d,
    size: Size,
    draw: impl FnOnce(&CanvasArea) -> Result<(), E>,
) -> Result<(), String> {
    ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        .map_err(|_| "the canvas refused its transform".to_string())?;
    let backend = PageBackend::canvas(canvas.clone()).ok_or("plotters could not use the canvas")?;
    let (w, h) = size.device();
    let area = backend.into_drawing_area().shrink((0, 0), (w, h));
    draw(&area).map_err(|e| e.to_string())?;
    area.present().map_err(|e| e.to_string())
}

/// The theme a chart on `canvas` is drawn with: `theme` fitted to the canvas' CSS height (smaller labels on a small
/// chart), then scaled to its devicePixelRatio (see [`plot`]). Hit-testing a click uses `theme.fit_to` alone, in CSS
/// pixels.
pub fn device_theme(
    theme: crate::charts::Theme,
    canvas: &HtmlCanvasElement,
) -> crate::charts::Theme {
    let css_h = canvas.client_height().max(0) as u32;
    theme.fit_to(css_h).scaled(device_pixel_ratio())
}

/// Draws on `canvas` with `draw`, sharp at any devicePixelRatio; `Ok(false)` when it has no layout yet.
pub fn draw_sharp<E: std::fmt::Display>(
    canvas: &HtmlCanvasElement,
    draw: impl FnOnce(&CanvasArea) -> Result<(), E>,
) -> Result<bool, String> {
    let Some(size) = Size::of(canvas) else {
        return Ok(false);
    };
    let ctx = prepare(canvas, size)?;
    ctx.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
    plot(canvas, &ctx, size, draw)?;
    Ok(true)
}

/// A chart drawn in two layers: the static part (axes, labels, curve) is drawn once into a detached canvas and
/// copied onto the visible one on each update, then only what moves is drawn on top. The static layer is rebuilt
/// when the size, the devicePixelRatio or `K` (what else it depends on: axis range, colour scheme) changes.
pub struct LayeredCanvas<K> {
    cache: Option<(HtmlCanvasElement, Size, K)>,
}

impl<K: PartialEq> Default for LayeredCanvas<K> {
    fn default() -> Self {
        LayeredCanvas { cache: None }
    }
}

impl<K: PartialEq> LayeredCanvas<K> {
    /// Whether the cached static layer can be reused for `canvas` and `key` (the expensive part is then skipped).
    pub fn ready_for(&self, canvas: &HtmlCanvasElement, key: &K) -> bool {
        Size::of(canvas).is_some_and(|size| self.is_fresh(size, key))
    }

    fn is_fresh(&self, size: Size, key: &K) -> bool {
        matches!(&self.cache, Some((_, s, k)) if *s == size && k == key)
    }

    /// Draws `canvas`: the cached static layer (drawn by `draw_static` when `key` or the size changed), then
    /// `draw_moving`. `Ok(false)` when the canvas has no layout yet.
    pub fn draw<E: std::fmt::Display>(
        &mut self,
        canvas: &HtmlCanvasElement,
        key: K,
        draw_static: impl FnOnce(&CanvasArea) -> Result<(), E>,
        draw_moving: impl FnOnce(&CanvasArea) -> Result<(), E>,
    ) -> Result<bool, String> {
        let Some(size) = Size::of(canvas) else {
            return Ok(false);
        };
        if !self.is_fresh(size, &key) {
            let layer = match self.cache.take() {
                Some((layer, _, _)) => layer,
                None => web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.create_element("canvas").ok())
                    .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
                    .ok_or("could not create a canvas for the static layer")?,
            };
            let ctx = prepare(&layer, size)?;
            ctx.clear_rect(0.0, 0.0, layer.width() as f64, layer.height() as f64);
            plot(&layer, &ctx, size, draw_static)?;
            self.cache = Some((layer, size, key));
        }
        let Some((layer, _, _)) = &self.cache else {
            return Ok(false);
        };
        let ctx = prepare(canvas, size)?;
        ctx.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
        ctx.draw_image_with_html_canvas_element(layer, 0.0, 0.0)
            .map_err(|_| "could not copy the static layer".to_string())?;
        plot(canvas, &ctx, size, draw_moving)?;
        Ok(true)
    }
}

/// Runs one redraw per animation frame however often it is requested in between.
#[derive(Clone)]
pub struct FrameScheduler {
    pending: Rc<Cell<bool>>,
    redraw: Rc<RefCell<Box<dyn FnMut() -> bool>>>,
}

impl FrameScheduler {
    /// A scheduler that calls `redraw` in the next animation frame after each burst of requests. `redraw` returns
    /// whether it left work for the frame after (it is then called again in that frame).
    pub fn new(redraw: impl FnMut() -> bool + 'static) -> FrameScheduler {
        FrameScheduler {
            pending: Rc::new(Cell::new(false)),
            redraw: Rc::new(RefCell::new(Box::new(redraw))),
        }
    }

    /// Asks for a redraw in the next frame; requests before that frame are merged into one.
    pub fn request(&self) {
        if self.pending.replace(true) {
            return;
        }
        let Some(window) = web_sys::window() else {
            self.pending.set(false);
            return;
        };
        let this = self.clone();
        let callback = Closure::once_into_js(move || {
            this.pending.set(false);
            let more = match this.redraw.try_borrow_mut() {
                Ok(mut redraw) => redraw(),
                Err(_) => false,
            };
            if more {
                this.request();
            }
        });
        if window
            .request_animation_frame(callback.unchecked_ref())
            .is_err()
        {
            self.pending.set(false);
        }
    }
}

/// Calls `on_change` whenever the colour scheme or the devicePixelRatio changes (the window's resize covers
/// rotation and window size). Lives as long as the page.
pub fn on_scheme_or_ratio_change(on_change: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_change = Rc::new(on_change);
    let dark = window
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten();
    if let Some(mql) = dark {
        let f = on_change.clone();
        let cb = Closure::<dyn Fn()>::new(move || f());
        let _ = mql.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
        cb.forget();
    }
    watch_ratio(on_change);
}

/// A `(resolution: Xdppx)` query matches only the current ratio; when it stops matching, notify and watch the new one.
fn watch_ratio(on_change: Rc<dyn Fn()>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let query = format!("(resolution: {}dppx)", device_pixel_ratio());
    let Some(mql) = window.match_media(&query).ok().flatten() else {
        return;
    };
    let f = on_change.clone();
    let cb = Closure::once_into_js(move || {
        f();
        watch_ratio(f);
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = mql.add_event_listener_with_callback_and_add_event_listener_options(
        "change",
        cb.unchecked_ref(),
        &options,
    );
}

/// Marks `name` on the page's performance timeline (read by the load benchmark), once.
pub fn mark_once(flag: &Cell<bool>, name: &str) {
    if flag.replace(true) {
        return;
    }
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// Calls `on_change` whenever one of `canvases` changes size: laid out for the first time, shown or hidden with its
/// scene, or narrowed by the lesson opening beside it. A canvas keeps its old bitmap until it is drawn again, so
/// without this it would show stretched until the next update. Lives as long as the page.
pub fn on_resize(canvases: Vec<NodeRef<Canvas>>, on_change: impl Fn() + 'static) {
    let cb =
        Closure::<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>::new(move |_, _| on_change());
    let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) else {
        return;
    };
    cb.forget();
    for node in canvases {
        let observer = observer.clone();
        Effect::new(move |_| {
            if let Some(canvas) = node.get() {
                observer.observe(&canvas);
            }
        });
    }
}

/// The canvas a pointer event happened on (its `currentTarget`) and where, in CSS pixels from the canvas' top left
/// corner (what chart frames use); `None` for a canvas without layout.
pub fn pointer_on(ev: &web_sys::PointerEvent) -> Option<(HtmlCanvasElement, f64, f64)> {
    let canvas = ev.current_target()?.dyn_into::<HtmlCanvasElement>().ok()?;
    if canvas.client_width() <= 0 || canvas.client_height() <= 0 {
        return None;
    }
    let rect = canvas.get_bounding_client_rect();
    let (px, py) = (
        f64::from(ev.client_x()) - rect.left(),
        f64::from(ev.client_y()) - rect.top(),
    );
    Some((canvas, px, py))
}
