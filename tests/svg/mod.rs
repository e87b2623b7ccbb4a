//! Reading back the SVG a chart drew: its elements with their attributes, its text labels with the room they take.
//! Shared by the chart tests that include it with `mod svg;`.
#![allow(dead_code)]

use plotters::style::RGBColor;

/// One drawn SVG element: its tag, attributes and (for `<text>`) its text.
#[derive(Debug)]
pub struct El {
    pub tag: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
}

impl El {
    /// The attribute `name`, or "" when absent.
    pub fn get(&self, name: &str) -> &str {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The attribute `name` as a number.
    pub fn num(&self, name: &str) -> f64 {
        self.get(name)
            .parse()
            .unwrap_or_else(|_| panic!("{name} of {self:?} is not a number"))
    }

    /// A polyline's `points`, as (x, y) pairs.
    pub fn points(&self) -> Vec<(f64, f64)> {
        let pair = |p: &str| {
            p.split_once(',')
                .map(|(x, y)| (x.parse().unwrap(), y.parse().unwrap()))
        };
        self.get("points")
            .split_whitespace()
            .filter_map(pair)
            .collect()
    }
}

/// Every element of `svg`, in drawing order.
pub fn parse(svg: &str) -> Vec<El> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("every tag closes") + start;
        let inner = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if inner.starts_with('/') || inner.starts_with('?') || inner.starts_with('!') {
            continue;
        }
        let tag = inner
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches('/')
            .to_string();
        let mut attrs = Vec::new();
        for part in inner.split('"').collect::<Vec<_>>().chunks(2) {
            if let [key, value] = part {
                let key = key.trim().trim_end_matches('=');
                let key = key.rsplit(' ').next().unwrap_or("").to_string();
                attrs.push((key, value.to_string()));
            }
        }
        let text = if tag == "text" {
            rest[..rest.find('<').unwrap_or(0)].trim().to_string()
        } else {
            String::new()
        };
        out.push(El { tag, attrs, text });
    }
    out
}

/// A colour as the SVG backend writes it.
pub fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The elements with tag `tag`.
pub fn tagged<'a>(els: &'a [El], tag: &str) -> Vec<&'a El> {
    els.iter().filter(|e| e.tag == tag).collect()
}

/// The filled circles of colour `fill` and radius `r`, as their centres.
pub fn circles(els: &[El], fill: RGBColor, r: i32) -> Vec<(f64, f64)> {
    tagged(els, "circle")
        .into_iter()
        .filter(|e| e.get("fill") == hex(fill) && e.num("r") == r as f64)
        .map(|e| (e.num("cx"), e.num("cy")))
        .collect()
}

/// The font size a label has on the page's canvas: the SVG backend writes plotters' size divided by 1.24, the
/// canvas draws it as is.
pub fn canvas_font(e: &El) -> f64 {
    e.num("font-size") * 1.24
}

/// The box a `<text>` label covers, estimated at 0.6 font sizes per character (at its canvas size): `(left,
/// right, top, bottom)`. Labels turned by 270° (the y axis description) run upward from their anchor's row.
pub fn text_box(e: &El) -> (f64, f64, f64, f64) {
    let (x, y, font) = (e.num("x"), e.num("y"), canvas_font(e));
    let width = e.text.chars().count() as f64 * 0.6 * font;
    if e.get("transform").starts_with("rotate(270") {
        // Centred on the anchor along the (vertical) reading direction; one line of text right of it.
        return (
            x - 0.2 * font,
            x + 1.2 * font,
            y - width / 2.0,
            y + width / 2.0,
        );
    }
    let left = match e.get("text-anchor") {
        "middle" => x - width / 2.0,
        "end" => x - width,
        _ => x,
    };
    (left, left + width, y - font, y + font)
}

/// The axis tick labels along x: the unturned, centred labels other than the axis description `desc`.
pub fn x_tick_labels<'a>(els: &'a [El], desc: &str) -> Vec<&'a El> {
    tagged(els, "text")
        .into_iter()
        .filter(|e| e.get("text-anchor") == "middle" && e.get("transform").is_empty())
        .filter(|e| e.text != desc)
        .collect()
}
