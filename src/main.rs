//! The one binary: the web page when built for `wasm32` (by trunk), the CLI natively.

#[cfg(target_arch = "wasm32")]
fn main() {
    muster::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(muster::api::cli::run(std::env::args().skip(1).collect()));
}
