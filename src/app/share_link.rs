//! Share links: a session's text compressed by the browser (raw deflate, through
//! `CompressionStream`) and written in base64url after the `#` of the page's address, which
//! the browser never sends to a server. See [`crate::core::share`] for the address itself.

use std::future::Future;
use std::pin::Pin;

use crate::core::panel::Panel;
use crate::core::session::{self, ReadError, Session};
use crate::core::share::{self, LinkError, LinkTo};
use crate::web::address::page_address;
use crate::web::compress::{self, InflateError};

/// Why no link was made.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkProblem {
    /// The link would have this many characters, more than a link may have.
    TooLong(usize),
    /// The browser could not compress the session.
    Failed,
}

/// A link to `session` on this page, opening where `to` says.
pub fn link(
    session: &Session,
    to: LinkTo,
) -> Pin<Box<dyn Future<Output = Result<String, LinkProblem>>>> {
    // The imported data stays out of links: a link is passed around, and the data is the
    // user's customers, and may be large.
    let mut session = session.clone();
    session.panels.shift_remove(Panel::Data.key());
    let text = session.to_text();
    // One boxed future serves the share button and the embed dialog alike.
    Box::pin(async move {
        let bytes = compress::deflate(text.as_bytes())
            .await
            .map_err(|_| LinkProblem::Failed)?;
        share::link(&page_address(), &share::encode(&bytes), to).map_err(LinkProblem::TooLong)
    })
}

/// Why a link's data did not open.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenError {
    /// Far longer than any link the page makes, not base64url, or cut short.
    Link(LinkError),
    /// The data inflates past [`share::MAX_JSON`] bytes: more than any session a link holds.
    TooLarge,
    /// Not compressed data, or not text: the link was changed or cut.
    Damaged,
    /// Not a session.
    Session(ReadError),
}

/// The session a link's data holds. A session from a newer version opens as far as this
/// version can read it. Data far too long is refused before it is decoded, and the
/// decompression stops at [`share::MAX_JSON`] bytes (docs/metrics.md §12).
pub async fn open(data: &str) -> Result<Session, OpenError> {
    let bytes = share::decode(data).map_err(OpenError::Link)?;
    let text = match compress::inflate(&bytes, share::MAX_JSON).await {
        Ok(b) => String::from_utf8(b).map_err(|_| OpenError::Damaged)?,
        Err(InflateError::TooLarge) => return Err(OpenError::TooLarge),
        Err(InflateError::Damaged(_)) => return Err(OpenError::Damaged),
    };
    session::read_leniently(&text).map_err(OpenError::Session)
}
