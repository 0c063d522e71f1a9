//! The session bar, its notices and the embed dialog.

pub mod embed_dialog;
pub mod session_bar;
pub mod session_notice;
