//! Share links: a session's text compressed by the browser (raw deflate, through
//! `CompressionStream`) and written in base64url after the `#` of the page's address, which
//! the browser never sends to a server. See [`crate::core::share`] for the address itself.

use std::future::Future;
use std::pin::Pin;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStream, Response};

use crate::core::session::{self, ReadError, Session};
use crate::core::share::{self, LinkError};

#[wasm_bindgen]
extern "C" {
    /// The browser's compressor: a pair of a writable and a readable stream.
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    /// The browser's decompressor.
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;

    /// A `ReadableStream`, for the one method the bindings here need.
    type Stream;
    #[wasm_bindgen(method, js_name = pipeThrough, catch)]
    fn pipe_through(this: &Stream, pair: &JsValue) -> Result<ReadableStream, JsValue>;
}

/// The compression the links use: deflate without the zlib header and checksum.
const FORMAT: &str = "deflate-raw";

/// Sends `bytes` through the transform stream `pair` and collects what comes out.
async fn through(bytes: &[u8], pair: &JsValue) -> Result<Vec<u8>, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let input: Stream = Blob::new_with_u8_array_sequence(&parts)?
        .stream()
        .unchecked_into();
    let output = input.pipe_through(pair)?;
    let response = Response::new_with_opt_readable_stream(Some(&output))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Why no link was made.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkProblem {
    /// The link would have this many characters, more than a link may have.
    TooLong(usize),
    /// The browser could not compress the session.
    Failed,
}

/// A link to `session` on this page, or to its panel `embed` alone.
pub fn link(
    session: &Session,
    embed: Option<&'static str>,
) -> Pin<Box<dyn Future<Output = Result<String, LinkProblem>>>> {
    // The imported data stays out of links: a link is passed around, and the data is the
    // user's customers, and may be large.
    let mut session = session.clone();
    session
        .panels
        .shift_remove(crate::app::import_flow::SESSION_KEY);
    let text = session.to_text();
    // One boxed future serves the share button and the embed dialog alike.
    Box::pin(async move {
        let pair = CompressionStream::new(FORMAT).map_err(|_| LinkProblem::Failed)?;
        let bytes = through(text.as_bytes(), &pair)
            .await
            .map_err(|_| LinkProblem::Failed)?;
        share::link(&page_address(), &share::encode(&bytes), embed).map_err(LinkProblem::TooLong)
    })
}

/// Why a link's data did not open.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenError {
    /// Not base64url, or cut short.
    Link(LinkError),
    /// Not compressed data, or not text: the link was changed or cut.
    Damaged,
    /// Not a session.
    Session(ReadError),
}

/// The session a link's data holds. A session from a newer version opens as far as this
/// version can read it.
pub async fn open(data: &str) -> Result<Session, OpenError> {
    let bytes = share::decode(data).map_err(OpenError::Link)?;
    let pair = DecompressionStream::new(FORMAT).map_err(|_| OpenError::Damaged)?;
    let text = through(&bytes, &pair)
        .await
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or(OpenError::Damaged)?;
    session::read_leniently(&text).map_err(OpenError::Session)
}

/// The page's address without its fragment.
pub fn page_address() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((page, _)) => page.to_string(),
        None => href,
    }
}

/// Removes the fragment from the address bar (without reloading), so that a reload opens
/// the saved sessions instead of the link again.
pub fn forget_fragment() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&page_address()));
    }
}
