//! Panels whose inputs are saved in the session by their own code.

use crate::app::sessions::{use_sessions, Custom};
use crate::core::json::Json;

/// The save and load code of a panel, boxed: every such panel goes through one copy of the
/// session code instead of one per panel.
type Boxed = Custom<Box<dyn Fn() -> Json>, Box<dyn Fn(&Json)>>;

/// Keeps the panel `key` in the session: `save` reads its inputs (and tracks them, so a
/// change saves), `load` puts saved inputs back.
pub fn keep_custom(
    key: &'static str,
    save: impl Fn() -> Json + 'static,
    load: impl Fn(&Json) + 'static,
) {
    let custom: Boxed = Custom {
        save: Box::new(save),
        load: Box::new(load),
    };
    use_sessions().keep(key, custom);
}
