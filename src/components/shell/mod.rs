//! The page around the calculators: the navigation, the calculator shown with its "next"
//! link, and a file dropped anywhere on the page.

pub mod file_drop;
pub mod navigation;
pub mod shown;
