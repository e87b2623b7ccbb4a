//! The page's URL hash: read it once, and write it back without adding history entries.

use crate::hash::HashPairs;

/// The current hash's pairs (empty where there is no window).
pub fn read() -> HashPairs {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    HashPairs::parse(&hash)
}

/// Replaces the hash with `map`'s, without a new history entry and without scrolling.
pub fn write(map: &HashPairs) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let url = {
        let loc = window.location();
        let base = format!(
            "{}{}",
            loc.pathname().unwrap_or_default(),
            loc.search().unwrap_or_default()
        );
        format!("{base}{}", map.to_hash())
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Sets (or, with `None`, removes) one key of the hash, keeping the others.
pub fn set(key: &str, value: Option<&str>) {
    let mut map = read();
    match value {
        Some(v) => map.set(key, v),
        None => map.remove(key),
    }
    write(&map);
}
