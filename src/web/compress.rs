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

    /// A `ReadableStream`, for the methods the bindings here need.
    type Stream;
    #[wasm_bindgen(method, js_name = pipeThrough, catch)]
    fn pipe_through(this: &Stream, pair: &JsValue) -> Result<Stream, JsValue>;
    #[wasm_bindgen(method, js_name = getReader, catch)]
    fn get_reader(this: &Stream) -> Result<Reader, JsValue>;

    /// A stream's default reader: its chunks one at a time.
    type Reader;
    #[wasm_bindgen(method)]
    fn read(this: &Reader) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    fn cancel(this: &Reader) -> js_sys::Promise;

    /// What `read` resolves to: a chunk, or the end of the stream.
    type ReadResult;
    #[wasm_bindgen(method, getter)]
    fn done(this: &ReadResult) -> bool;
    #[wasm_bindgen(method, getter)]
    fn value(this: &ReadResult) -> JsValue;
}

/// The compression used: deflate without the zlib header and checksum.
const FORMAT: &str = "deflate-raw";

/// `bytes` sent through the transform stream `pair`.
fn through(bytes: &[u8], pair: &JsValue) -> Result<Stream, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let input: Stream = Blob::new_with_u8_array_sequence(&parts)?
        .stream()
        .unchecked_into();
    input.pipe_through(pair)
}

/// `bytes` compressed.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let pair = CompressionStream::new(FORMAT)?;
    // The page's own session: small, so collected whole.
    let output: ReadableStream = through(bytes, &pair)?.unchecked_into();
    let response = Response::new_with_opt_readable_stream(Some(&output))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Why [`inflate`] gave no bytes.
#[derive(Debug)]
pub enum InflateError {
    /// Not raw deflate data, or the browser has no decompressor.
    Damaged(JsValue),
    /// The data inflates to more bytes than the cap: reading stopped there.
    TooLarge,
}

impl From<JsValue> for InflateError {
    fn from(e: JsValue) -> Self {
        InflateError::Damaged(e)
    }
}

/// `bytes` decompressed, at most `cap` of them: an error when they are not raw deflate data
/// or would inflate past the cap.
pub async fn inflate(bytes: &[u8], cap: usize) -> Result<Vec<u8>, InflateError> {
    let pair = DecompressionStream::new(FORMAT)?;
    let reader = through(bytes, &pair)?.get_reader()?;
    let mut out = Vec::new();
    // Chunk by chunk, each read a separate task: the page stays responsive between them, and
    // the output is counted as it comes rather than collected whole first.
    loop {
        let result: ReadResult = JsFuture::from(reader.read()).await?.unchecked_into();
        if result.done() {
            return Ok(out);
        }
        let chunk: Uint8Array = result.value().dyn_into()?;
        let start = out.len();
        let end = start + chunk.length() as usize;
        if end > cap {
            // Cancelling the reader stops the decompressor, and with it the input's pipe.
            let _ = reader.cancel();
            return Err(InflateError::TooLarge);
        }
        out.resize(end, 0);
        chunk.copy_to(&mut out[start..]);
    }
}
