//! The browser's edges: small functions over web APIs, each returning a `Result` (or an
//! `Option` where absence is the only failure), so that the layers above never touch
//! `web_sys` for storage, files, downloads, the clipboard, compression or the worker.
//!
//! The import worker's build (without the `page` feature) holds only [`worker`].

#[cfg(feature = "page")]
pub mod address;
#[cfg(feature = "page")]
pub mod clipboard;
#[cfg(feature = "page")]
pub mod compress;
#[cfg(feature = "page")]
pub mod crash;
#[cfg(feature = "page")]
pub mod download;
#[cfg(feature = "page")]
pub mod fetch;
#[cfg(feature = "page")]
pub mod file;
#[cfg(feature = "page")]
pub mod focus;
#[cfg(feature = "page")]
pub mod storage;
#[cfg(feature = "page")]
pub mod timing;
pub mod worker;
#[cfg(feature = "page")]
pub mod worker_client;
