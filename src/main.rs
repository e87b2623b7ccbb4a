//! The `reward-playground` binary: the command-line tool natively, the page on wasm32.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(reward_playground::cli::main());
}

#[cfg(target_arch = "wasm32")]
fn main() {
    reward_playground::web::mount();
}
