//! Entry point of the import worker (a second wasm module, started by the page).

fn main() {
    retention_lab::web::worker::start();
}
