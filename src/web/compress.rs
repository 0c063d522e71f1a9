//! Compression by the browser (`CompressionStream`), for share links: raw deflate, without
//! the zlib header and checksum.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStream, Response};

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

/// The compression used: deflate without the zlib header and checksum.
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

/// `bytes` compressed.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let pair = CompressionStream::new(FORMAT)?;
    through(bytes, &pair).await
}

/// `bytes` decompressed: an error when they are not raw deflate data.
pub async fn inflate(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let pair = DecompressionStream::new(FORMAT)?;
    through(bytes, &pair).await
}
