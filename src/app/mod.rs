//! Page state and flows: the language choice, teacher mode, the imported data and its import,
//! sessions and share links. No views: the components read and change these through their
//! methods.

pub mod customers;
pub mod import_flow;
pub mod locale;
pub mod router;
pub mod sessions;
pub mod share_link;
pub mod state;
