//! Canvas glue: sharp plotters drawings at the canvas' device-pixel size, and redraws coalesced to one per frame.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The drawing area handed to chart functions: CSS pixels, on a canvas whose backing store is CSS size × DPR.
pub type CanvasArea = DrawingArea<CanvasBackend, Shift>;

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

/// Draws on `canvas` with `draw`, sharp at any devicePixelRatio.
///
/// The backing store is sized to CSS size × DPR, the context is scaled by DPR, and `draw` gets an area of CSS size,
/// so labels keep their CSS size and lines are one device pixel sharp. Returns `Ok(false)` when the canvas has no
/// layout size yet (hidden or not mounted), so nothing was drawn.
pub fn draw_sharp(
    canvas: &HtmlCanvasElement,
    draw: impl FnOnce(&CanvasArea) -> Result<(), String>,
) -> Result<bool, String> {
    let css_w = canvas.client_width().max(0) as u32;
    let css_h = canvas.client_height().max(0) as u32;
    if css_w == 0 || css_h == 0 {
        return Ok(false);
    }
    let dpr = device_pixel_ratio();
    let dev_w = (css_w as f64 * dpr).round() as u32;
    let dev_h = (css_h as f64 * dpr).round() as u32;
    if canvas.width() != dev_w {
        canvas.set_width(dev_w);
    }
    if canvas.height() != dev_h {
        canvas.set_height(dev_h);
    }
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(|_| "the canvas refused a 2d context".to_string())?
        .ok_or("the canvas has no 2d context")?
        .dyn_into()
        .map_err(|_| "the canvas context is not 2d".to_string())?;
    // Setting width/height resets the transform; set it before every draw.
    ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0)
        .map_err(|_| "the canvas refused its transform".to_string())?;
    ctx.clear_rect(0.0, 0.0, css_w as f64, css_h as f64);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or("plotters could not use the canvas")?;
    let root = backend.into_drawing_area();
    let area = root.shrink((0, 0), (css_w, css_h));
    draw(&area)?;
    area.present().map_err(|e| e.to_string())?;
    Ok(true)
}

/// Runs one redraw per animation frame however often it is requested in between.
#[derive(Clone)]
pub struct FrameScheduler {
    pending: Rc<Cell<bool>>,
    redraw: Rc<RefCell<Box<dyn FnMut()>>>,
}

impl FrameScheduler {
    /// A scheduler that calls `redraw` in the next animation frame after each burst of requests.
    pub fn new(redraw: impl FnMut() + 'static) -> FrameScheduler {
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
            if let Ok(mut redraw) = this.redraw.try_borrow_mut() {
                redraw();
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
