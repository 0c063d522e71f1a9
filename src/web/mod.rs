//! The browser's edges: small functions over web APIs, each returning a `Result` (or an
//! `Option` where absence is the only failure), so that the layers above never touch
//! `web_sys` for storage, files, downloads, the clipboard, compression or the worker.

pub mod address;
pub mod clipboard;
pub mod compress;
pub mod crash;
pub mod download;
pub mod fetch;
pub mod file;
pub mod focus;
pub mod storage;
pub mod timing;
pub mod worker;
pub mod worker_client;
