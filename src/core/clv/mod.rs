//! Customer value from order histories (docs/metrics.md section 9): the BG/NBD model of
//! repeat buying (Fader, Hardie & Lee 2005, "Counting your customers the easy way") with the
//! Gamma-Gamma model of spend ("RFM and CLV", 2005).
//!
//! [`summarise`] turns order rows into each customer's x, t_x, T and m_x; [`fit_bgnbd`] and
//! [`fit_gamma_gamma`] fit the models by maximum likelihood; [`analyse`] does all of it and
//! gives P(alive), the expected transactions and value of every customer, the holdout check,
//! the charts' series and the win-back list, whose files [`customer_values_csv`] and
//! [`winback_csv`] write.

mod bgnbd;
mod export;
mod fit;
mod gamma_gamma;
mod input;
mod report;
pub mod special;
mod summary;
mod value;
mod winback;
mod working;

pub use bgnbd::{BgNbd, History};
pub use export::{customer_values_csv, winback_csv};
pub use fit::{
    fit_bgnbd, fit_bgnbd_data, fit_gamma_gamma, fit_gamma_gamma_data, BgNbdData, FitError, Fitted,
    GammaGammaData, Parameter, Scratch, Toward, MIN_REPEAT_BUYERS,
};
pub use gamma_gamma::{GammaGamma, Mean};
pub use input::{
    default_horizon, read as read_input, read_day, ClvAsk, ClvError, ClvField, ClvInput,
    ClvProblem, MAX_HORIZON_YEARS,
};
pub use report::{
    analyse, analyse_fitted, analyse_summary, fit_both, Analysis, ClvResults, ClvSettings,
    CustomerValue, Fits, Holdout, HoldoutUnit, P_ALIVE_BINS,
};
pub use summary::{summarise, Customer, Day, Purchase, Summary, SummaryError, Unit};
pub use value::{unit_discount, worth, worth_of, ValueSettings, Worth};
pub use winback::{winback, DEFAULT_THRESHOLD};
pub use working::{working, Step, StepId};

#[cfg(test)]
mod tests;
