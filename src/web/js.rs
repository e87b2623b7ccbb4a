//! Small calls into the browser's JavaScript objects that need no web-sys feature: the service worker and the
//! clipboard.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `obj.name(...args)` through JavaScript's own lookup (no web-sys feature needed); `None` if it is missing or throws.
pub(crate) fn call(obj: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let f = js_sys::Reflect::get(obj, &name.into()).ok()?;
    let f = f.dyn_into::<js_sys::Function>().ok()?;
    let args: js_sys::Array = args.iter().collect();
    f.apply(obj, &args).ok()
}

/// `window.navigator.<name>`, if the browser has it.
pub(crate) fn navigator_part(name: &str) -> Option<JsValue> {
    let window = web_sys::window()?;
    let nav = js_sys::Reflect::get(&window, &"navigator".into()).ok()?;
    js_sys::Reflect::get(&nav, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Writes `text` to the clipboard; `done(true)` when it got there, `done(false)` when the browser refused.
pub(crate) fn copy_to_clipboard(text: &str, done: impl Fn(bool) + 'static) {
    let promise = navigator_part("clipboard").and_then(|c| call(&c, "writeText", &[text.into()]));
    let Some(promise) = promise else {
        done(false);
        return;
    };
    let done = std::rc::Rc::new(done);
    let d = done.clone();
    let ok = Closure::once_into_js(move |_: JsValue| d(true));
    let err = Closure::once_into_js(move |_: JsValue| done(false));
    let _ = call(&promise, "then", &[ok, err]);
}
