//! The views, in folders by area; [`app::App`] is the page shell.

pub mod app;
pub mod calculators;
pub mod charts;
pub mod customers;
pub mod data;
pub mod revenue;
pub mod session;
pub mod shell;
pub mod widgets;
