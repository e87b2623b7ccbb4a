//! The page (wasm32 only).

/// Mounts the app on the page's body.
pub fn mount() {}
