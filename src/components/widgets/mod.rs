//! Small pieces every panel uses: fields, switches, figure cards, texts.

pub mod currency_select;
pub mod figure_card;
pub mod keep;
pub mod keyed_rows;
pub mod language_switch;
pub mod name_field;
pub mod number_field;
pub mod radio_group;
pub mod teaching_switches;
pub mod texts;
pub mod when;
pub mod working_toggle;
