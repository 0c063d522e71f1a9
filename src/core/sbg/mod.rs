//! Retention forecast with the shifted-beta-geometric model (Fader & Hardie 2007), docs/metrics.md
//! section 6.
//!
//! Each customer has a constant churn p of their own, p ~ Beta(a, b) across the cohort, so the
//! cohort's retention rises as the likeliest leavers leave. [`fit`] finds a, b by maximum
//! likelihood from survivor counts n0 >= n1 >= ... >= nT, or reports the constant-churn limit
//! when the counts show no heterogeneity; constant churn is always fitted alongside, for
//! comparison. [`evaluate`] reads the panel's typed inputs and gives per cohort the forecast
//! table, error, lifetimes, value and working.
//!
//! ```
//! use retention_lab::core::number::NumberStyle;
//! use retention_lab::core::sbg::{evaluate, fader_hardie_preset};
//! let report = evaluate(&fader_hardie_preset(), &NumberStyle::ENGLISH);
//! let regular = report.cohorts[0].as_ref().unwrap();
//! assert_eq!(format!("{:.3}", regular.del.unwrap().finite().unwrap()), "3.695");
//! ```

mod fit;
mod input;
mod model;
mod report;

pub use fit::{fit, FitError, Fitted, Model};
pub use input::{
    fader_hardie_preset, parse_counts, CohortText, CountProblem, Revenue, SbgError, SbgErrorKind,
    SbgField, SbgInput, MAX_COUNTS, MAX_HORIZON, MIN_POSITIVE_DISCOUNT,
};
pub use model::{Extent, Geometric, Sbg, Survivors, SurvivorsError, MAX_DEL_TERMS, MIN_COUNTS};
pub use report::{evaluate, forecast, Forecast, NoForecast, Row, SbgReport, Step, StepId};
