//! Share links and embed addresses: what goes into the part of the address after `#`, which
//! the browser never sends to a server.
//!
//! A link carries a session's text compressed (raw deflate, done by the browser) and written
//! in base64url, the URL-safe alphabet without padding, after the address of the calculator
//! it was made from: `#/<route>&s=<data>` (see [`crate::core::route`]). An embed address names
//! the panel to show alone instead: `#embed=<panel>&s=<data>`. Pure: the page compresses and
//! reads the address.

use std::fmt;

use base64::alphabet::URL_SAFE;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::{DecodeError, Engine};

use crate::core::panel::Panel;

/// The longest link the page offers. Longer addresses are cut short or refused by some
/// browsers, chat apps and blog editors, so the page offers the session file instead.
pub const MAX_LINK: usize = 8_000;

/// The longest link data the page reads: twice the longest link it offers, so that every
/// link it made, under any address, fits with room to spare. Longer data is refused before a
/// character of it is decoded, and so before anything is decompressed: raw deflate inflates
/// by at most about 1,032 times, so this bounds the work of a hostile link to about 12 MB of
/// output, which the cap on the session's text ([`MAX_JSON`]) stops well before.
pub const MAX_DATA: usize = 2 * MAX_LINK;

/// The most text a link's data may inflate to, in bytes: 1 MB of a session's JSON, hundreds
/// of times what a link the page offers holds. Decompression stops once it is passed.
pub const MAX_JSON: usize = 1_000_000;

/// base64url without padding (RFC 4648 §5). The spare bits of the last character are not
/// checked, as a link's reader never has.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone)
        .with_decode_allow_trailing_bits(true),
);

/// `bytes` in base64url without padding.
pub fn encode(bytes: &[u8]) -> String {
    BASE64URL.encode(bytes)
}

/// Why a link's data could not be read.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum LinkError {
    /// The data has this many characters, more than [`MAX_DATA`]: no link the page made.
    TooLong { length: usize },
    /// A character that base64url does not use, at this position (1-based).
    Character { position: usize, found: char },
    /// The data ends in the middle of a byte: the link was cut short.
    CutShort,
}

impl fmt::Display for LinkError {
    /// Plain English, for logs and tests; the page words these through its string table.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::TooLong { length } => {
                write!(
                    f,
                    "{length} characters, more than the {MAX_DATA} a link may have"
                )
            }
            LinkError::Character { position, found } => {
                write!(f, "{found:?} at character {position} is not base64url")
            }
            LinkError::CutShort => write!(f, "the data is cut short"),
        }
    }
}

/// The bytes that [`encode`] wrote; data longer than [`MAX_DATA`] is refused unread.
pub fn decode(text: &str) -> Result<Vec<u8>, LinkError> {
    // Bytes, not characters: counting them costs nothing, and the browser gives the fragment
    // percent-encoded, so a link's data is ASCII and the two counts agree.
    if text.len() > MAX_DATA {
        return Err(LinkError::TooLong { length: text.len() });
    }
    // The character at byte `at` (where the decoder stopped), counted in characters.
    let located = |at: usize| LinkError::Character {
        position: text.get(..at).map_or(at, |before| before.chars().count()) + 1,
        found: text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .unwrap_or('\u{FFFD}'),
    };
    BASE64URL.decode(text).map_err(|e| match e {
        DecodeError::InvalidByte(at, _) => located(at),
        DecodeError::InvalidPadding => located(text.find('=').unwrap_or(0)),
        // One character too many for the bytes before it: the link was cut.
        DecodeError::InvalidLength(_) | DecodeError::InvalidLastSymbol(..) => LinkError::CutShort,
    })
}

/// What an address's fragment asks for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fragment {
    /// The panel to show alone, for a page embedded in another.
    pub embed: Option<String>,
    /// The shared session's data, still encoded.
    pub data: Option<String>,
}

/// Reads a fragment (with or without its `#`); other parameters are ignored.
pub fn fragment(text: &str) -> Fragment {
    let mut out = Fragment::default();
    for part in text.trim_start_matches('#').split('&') {
        match part.split_once('=') {
            Some(("s", value)) if !value.is_empty() => out.data = Some(value.to_string()),
            Some(("embed", value)) if !value.is_empty() => out.embed = Some(value.to_string()),
            _ => {}
        }
    }
    out
}

/// Where a link opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkTo {
    /// The page, on this calculator.
    View(Panel),
    /// This calculator alone, embedded in another page.
    Embed(Panel),
}

/// The link to `page` (its address without a fragment) that shows `data` where `to` says;
/// `Err` with the link's length when it is longer than [`MAX_LINK`].
pub fn link(page: &str, data: &str, to: LinkTo) -> Result<String, usize> {
    let link = match to {
        LinkTo::View(panel) => format!("{page}#/{}&s={data}", panel.route()),
        LinkTo::Embed(panel) => format!("{page}#embed={}&s={data}", panel.key()),
    };
    if link.chars().count() > MAX_LINK {
        Err(link.chars().count())
    } else {
        Ok(link)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_encodings() {
        // RFC 4648's test vectors, in the URL-safe alphabet without padding.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), coded, "{plain}");
            assert_eq!(decode(coded).as_deref(), Ok(plain.as_bytes()), "{coded}");
        }
        // The two characters that differ from standard base64.
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode("-_8"), Ok(vec![0xfb, 0xff]));
    }

    #[test]
    fn bad_data_is_located() {
        assert_eq!(
            decode("Zm9+v"),
            Err(LinkError::Character {
                position: 4,
                found: '+'
            })
        );
        assert_eq!(
            decode("Zm9v="),
            Err(LinkError::Character {
                position: 5,
                found: '='
            })
        );
        assert_eq!(decode("Zm9vY"), Err(LinkError::CutShort));
        // Positions count characters, not bytes.
        assert_eq!(
            decode("Zm9vé"),
            Err(LinkError::Character {
                position: 5,
                found: 'é'
            })
        );
        // The spare bits of the last character are not checked.
        assert_eq!(decode("Zh").as_deref(), Ok(&b"f"[..]));
    }

    // docs/metrics.md §12: data longer than MAX_DATA is refused before it is decoded.
    #[test]
    fn item_14_a_link_far_longer_than_offered_is_refused_before_it_is_read() {
        // Every link the page offers fits, whatever the page's address.
        let longest_offered = MAX_LINK - "x#s=".len();
        assert!(longest_offered < MAX_DATA);
        assert_eq!(decode(&"A".repeat(MAX_DATA)).map(|b| b.len()), Ok(12_000));
        assert_eq!(
            decode(&"A".repeat(MAX_DATA + 1)),
            Err(LinkError::TooLong {
                length: MAX_DATA + 1
            })
        );
        // Refused unread: a bad first character is not reached.
        let hostile = format!("*{}", "A".repeat(1_400_000));
        assert_eq!(
            decode(&hostile),
            Err(LinkError::TooLong { length: 1_400_001 })
        );
    }

    #[test]
    fn fragments() {
        assert_eq!(fragment(""), Fragment::default());
        assert_eq!(
            fragment("#s=abc"),
            Fragment {
                embed: None,
                data: Some("abc".into())
            }
        );
        assert_eq!(
            fragment("#embed=ror&s=x-_y&other=1"),
            Fragment {
                embed: Some("ror".into()),
                data: Some("x-_y".into())
            }
        );
        assert_eq!(fragment("#s=&embed="), Fragment::default());
    }

    #[test]
    fn links_up_to_the_limit_are_offered() {
        let page = "https://example.org/calc/";
        assert_eq!(
            link(page, "abc", LinkTo::View(Panel::Sbg)),
            Ok("https://example.org/calc/#/forecast&s=abc".to_string())
        );
        assert_eq!(
            link(page, "abc", LinkTo::Embed(Panel::Ltv)),
            Ok("https://example.org/calc/#embed=ltv&s=abc".to_string())
        );
        // The embed address names the panel by its key, as published embeds do.
        assert_eq!(
            link(page, "abc", LinkTo::Embed(Panel::Projection)),
            Ok("https://example.org/calc/#embed=projection&s=abc".to_string())
        );
        let view = LinkTo::View(Panel::Ror);
        let room = MAX_LINK - page.len() - "#/ror&s=".len();
        assert_eq!(
            link(page, &"a".repeat(room), view).map(|l| l.len()),
            Ok(MAX_LINK)
        );
        assert_eq!(link(page, &"a".repeat(room + 1), view), Err(MAX_LINK + 1));
    }

    proptest! {
        #[test]
        fn round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let coded = encode(&bytes);
            prop_assert_eq!(coded.len(), (bytes.len() * 4).div_ceil(3));
            prop_assert!(coded.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            prop_assert_eq!(decode(&coded), Ok(bytes));
        }

        #[test]
        fn an_address_gives_back_its_link(data in "[A-Za-z0-9_-]{1,40}", i in 0..Panel::ALL.len(), embed: bool) {
            let panel = Panel::ALL[i];
            let to = if embed { LinkTo::Embed(panel) } else { LinkTo::View(panel) };
            let l = link("p", &data, to).unwrap();
            let a = crate::core::route::read(l.trim_start_matches('p')).unwrap();
            prop_assert_eq!(&a.data, &Some(data));
            if embed {
                prop_assert_eq!(a.embed, Some(panel.key().to_string()));
            } else {
                prop_assert_eq!(a.panel(), panel);
                prop_assert_eq!(a.embed, None);
            }
        }
    }
}
