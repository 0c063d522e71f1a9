//! The session bar, its list of sessions, its notices and the embed dialog.

pub mod embed_dialog;
pub mod import_progress;
pub mod session_bar;
pub mod session_list;
pub mod session_notice;
