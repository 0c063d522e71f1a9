//! The page's addresses: what the part after `#` opens. A static host serves every address
//! from the one page, and the browser never sends the fragment to a server.
//!
//! - `#/<route>` opens one calculator ([`Panel::route`]); `#/<route>&s=<data>` opens it on a
//!   shared session ([`crate::core::share`]).
//! - The bare address (no fragment, `#` or `#/`) opens the [`DEFAULT`] calculator.
//! - `#s=<data>`, the share links made before calculators had addresses, opens the shared
//!   session on the default calculator.
//! - `#embed=<key>&s=<data>` shows one calculator alone, inside another page.
//! - `#/<anything else>` names no calculator: the default one opens, and the page says so.
//!
//! Every other fragment (`#ror-heading`, say) is no address but a place in the page, and
//! changes nothing.

use crate::core::panel::Panel;
use crate::core::share;

/// The calculator a first-time visitor sees: ROR, where the source articles start, filled in
/// with their worked example so that it shows its figures at once.
pub const DEFAULT: Panel = Panel::Ror;

/// The most characters of an unknown route the page repeats back in its notice.
const SHOWN_ROUTE: usize = 40;

/// Which calculator an address opens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The bare address, or a share or embed address that names no view: the default.
    #[default]
    Default,
    /// `#/<route>`.
    Calculator(Panel),
    /// `#/<route>` with a route that names no calculator (at most [`SHOWN_ROUTE`] characters
    /// of it, for the notice): the default calculator opens.
    Unknown(String),
}

/// What an address asks for; by default, what the bare address does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Address {
    pub view: View,
    /// A shared session's data, still encoded.
    pub data: Option<String>,
    /// The key of the calculator to show alone, embedded in another page.
    pub embed: Option<String>,
}

impl Address {
    /// The calculator the address shows.
    pub fn panel(&self) -> Panel {
        match self.view {
            View::Calculator(panel) => panel,
            View::Default | View::Unknown(_) => DEFAULT,
        }
    }

    /// Whether it names no view, so that the page keeps its own name as its title.
    pub fn is_bare(&self) -> bool {
        self.view == View::Default
    }
}

/// What the fragment `text` (with or without its `#`) asks for; `None` when it is no address
/// but a place in the page.
pub fn read(text: &str) -> Option<Address> {
    let text = text.strip_prefix('#').unwrap_or(text);
    let (view, fragment) = if let Some(path) = text.strip_prefix('/') {
        let (route, rest) = path.split_once('&').unwrap_or((path, ""));
        let view = if route.is_empty() {
            View::Default
        } else {
            Panel::from_route(route).map_or_else(
                || View::Unknown(route.chars().take(SHOWN_ROUTE).collect()),
                View::Calculator,
            )
        };
        // A view's address may carry a session, never an embed.
        let mut fragment = share::fragment(rest);
        fragment.embed = None;
        (view, fragment)
    } else if text.is_empty() || text.starts_with("s=") || text.starts_with("embed=") {
        (View::Default, share::fragment(text))
    } else {
        return None;
    };
    Some(Address {
        view,
        data: fragment.data,
        embed: fragment.embed,
    })
}

/// The fragment that opens `panel`: `#/<route>`.
pub fn href(panel: Panel) -> String {
    format!("#/{}", panel.route())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(view: View, data: Option<&str>, embed: Option<&str>) -> Option<Address> {
        Some(Address {
            view,
            data: data.map(str::to_string),
            embed: embed.map(str::to_string),
        })
    }

    #[test]
    fn every_route_opens_its_calculator() {
        for panel in Panel::ALL {
            let a = read(&href(panel)).unwrap();
            assert_eq!(a.panel(), panel);
            assert!(!a.is_bare());
            assert_eq!(read(&href(panel)[1..]), Some(a), "without the #");
        }
        assert_eq!(href(Panel::Sbg), "#/forecast");
        assert_eq!(href(Panel::Projection), "#/compounding");
    }

    #[test]
    fn addresses_and_what_they_open() {
        use View::*;
        let cases: &[(&str, Option<Address>)] = &[
            ("", address(Default, None, None)),
            ("#", address(Default, None, None)),
            ("#/", address(Default, None, None)),
            ("#/period", address(Calculator(Panel::Period), None, None)),
            (
                "#/forecast&s=abc",
                address(Calculator(Panel::Sbg), Some("abc"), None),
            ),
            ("#/&s=abc", address(Default, Some("abc"), None)),
            // The links made before calculators had addresses.
            ("#s=abc", address(Default, Some("abc"), None)),
            (
                "#embed=ltv&s=abc",
                address(Default, Some("abc"), Some("ltv")),
            ),
            ("#embed=ltv", address(Default, None, Some("ltv"))),
            // A view's address never embeds.
            (
                "#/ror&embed=ltv&s=x",
                address(Calculator(Panel::Ror), Some("x"), None),
            ),
            // Keys are not routes: the compounding calculator's key is "projection".
            (
                "#/projection",
                address(Unknown("projection".into()), None, None),
            ),
            ("#/ROR", address(Unknown("ROR".into()), None, None)),
            ("#/ror/", address(Unknown("ror/".into()), None, None)),
            (
                "#/nowhere&s=abc",
                address(Unknown("nowhere".into()), Some("abc"), None),
            ),
            // Places in the page.
            ("#ror-heading", None),
            ("#main", None),
            ("#s", None),
            ("#%2Fror", None),
        ];
        for (text, expected) in cases {
            assert_eq!(&read(text), expected, "{text}");
        }
    }

    #[test]
    fn an_unknown_route_opens_the_default_calculator_and_is_cut_short() {
        let long = format!("#/{}", "x".repeat(5_000));
        let a = read(&long).unwrap();
        assert_eq!(a.panel(), DEFAULT);
        assert!(!a.is_bare());
        assert_eq!(a.view, View::Unknown("x".repeat(SHOWN_ROUTE)));
        // Cut on characters, not bytes.
        let persian = read(&format!("#/{}", "ب".repeat(50))).unwrap();
        assert_eq!(persian.view, View::Unknown("ب".repeat(SHOWN_ROUTE)));
    }
}
