//! One drawing backend for every chart on the page: the canvas on screen, or SVG text for a download.
//!
//! The chart functions are generic over plotters' `DrawingBackend`. Drawing both the canvas and the SVG file through
//! this one type keeps a single copy of each chart (and of plotters' axis and mesh code) in the shipped module,
//! instead of one per backend.

use std::error::Error;
use std::fmt;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea, SVGBackend};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::charts::ChartError;

/// The canvas or the SVG document a chart is drawn on.
pub enum PageBackend<'a> {
    /// A canvas on the page.
    Canvas(CanvasBackend, Dots),
    /// An SVG document being written into a string.
    Svg(SVGBackend<'a>),
}

impl PageBackend<'static> {
    /// Draws on `canvas` (`None` when it gives no 2d context).
    pub fn canvas(canvas: HtmlCanvasElement) -> Option<PageBackend<'static>> {
        let ctx = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let backend = CanvasBackend::with_canvas_object(canvas)?;
        Some(PageBackend::Canvas(backend, Dots { ctx, style: None }))
    }
}

/// The page's own circles on a canvas: a chart of pairs draws up to 2 000 dots a frame, most in the same colour, and
/// plotters' canvas backend formats, sends and parses a CSS colour for each. These set it only when it changes.
pub struct Dots {
    ctx: CanvasRenderingContext2d,
    /// The style the context holds now; `None` once plotters has drawn anything else (it sets its own styles).
    style: Option<DotStyle>,
}

/// A circle's style: RGB, the alpha's bits, filled (else stroked), stroke width.
type DotStyle = ((u8, u8, u8), u64, bool, u32);

impl Dots {
    fn circle(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        color: BackendColor,
        fill: bool,
        width: u32,
    ) {
        if color.alpha == 0.0 {
            return;
        }
        let style = (color.rgb, color.alpha.to_bits(), fill, width);
        if self.style != Some(style) {
            let (r, g, b) = color.rgb;
            let css = format!("rgba({r},{g},{b},{})", color.alpha);
            if fill {
                self.ctx.set_fill_style_str(&css);
            } else {
                self.ctx.set_stroke_style_str(&css);
                self.ctx.set_line_width(f64::from(width));
            }
            self.style = Some(style);
        }
        self.ctx.begin_path();
        let _ = self.ctx.arc(
            f64::from(x),
            f64::from(y),
            f64::from(radius),
            0.0,
            std::f64::consts::TAU,
        );
        if fill {
            self.ctx.fill();
        } else {
            self.ctx.stroke();
        }
    }
}

/// A drawing error from either backend, as text.
#[derive(Debug)]
pub struct DrawError(String);

impl fmt::Display for DrawError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Error for DrawError {}

type Drawn<T = ()> = Result<T, DrawingErrorKind<DrawError>>;

fn unify<T, E: Error + Send + Sync>(r: Result<T, DrawingErrorKind<E>>) -> Drawn<T> {
    r.map_err(|e| match e {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(DrawError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    })
}

/// Calls the same method on whichever backend this is.
macro_rules! each {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            PageBackend::Canvas($b, dots) => {
                dots.style = None;
                unify($call)
            }
            PageBackend::Svg($b) => unify($call),
        }
    };
}

impl DrawingBackend for PageBackend<'_> {
    type ErrorType = DrawError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            PageBackend::Canvas(b, _) => b.get_size(),
            PageBackend::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Drawn {
        each!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Drawn {
        each!(self, b => b.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        each!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        each!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        each!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        each!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        match self {
            PageBackend::Canvas(_, dots) => {
                dots.circle(center, radius, style.color(), fill, style.stroke_width());
                Ok(())
            }
            PageBackend::Svg(b) => unify(b.draw_circle(center, radius, style, fill)),
        }
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        each!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Drawn {
        each!(self, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Drawn<(u32, u32)> {
        match self {
            PageBackend::Canvas(b, _) => unify(b.estimate_text_size(text, style)),
            PageBackend::Svg(b) => unify(b.estimate_text_size(text, style)),
        }
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Drawn {
        each!(self, b => b.blit_bitmap(pos, size, src))
    }
}

/// The drawing area every chart on the page is drawn in.
pub type PageArea<'a> = DrawingArea<PageBackend<'a>, Shift>;

/// Draws one chart into an SVG document of `width` × `height` pixels and returns its text (the page's counterpart
/// of [`crate::charts::to_svg`], through [`PageBackend`]).
pub fn to_svg(
    width: u32,
    height: u32,
    draw: impl FnOnce(&PageArea<'_>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = PageBackend::Svg(SVGBackend::with_string(&mut svg, (width, height)))
            .into_drawing_area();
        draw(&root)?;
        root.present()?;
    }
    Ok(svg)
}
