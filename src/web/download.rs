//! Downloads from the page: text through a Blob URL, a canvas as PNG, each saved by a temporary `<a download>`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, Url};

/// Saves `href` as `file` by clicking a temporary `<a download>`.
fn save(href: &str, file: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("the page has no document")?;
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "could not create a link")?
        .dyn_into()
        .map_err(|_| "could not create a link")?;
    a.set_href(href);
    a.set_download(file);
    a.click();
    Ok(())
}

/// Saves `text` as `file` of type `mime`; the Blob URL is released once the download has started.
pub fn download_text(file: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "could not make the file")?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| "could not make the file")?;
    save(&url, file)?;
    let release = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w
            .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Saves what `canvas` shows as a PNG at its device-pixel size.
pub fn download_png(canvas: &HtmlCanvasElement, file: &str) -> Result<(), String> {
    if canvas.width() == 0 || canvas.height() == 0 {
        return Err("the chart is not drawn yet".into());
    }
    let url = canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| "the canvas could not be read")?;
    save(&url, file)
}

/// The file picked in a file input's change event, if any; the input is cleared so picking the same file again
/// fires another change.
pub fn take_picked_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}
