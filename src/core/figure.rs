//! A figure is a value together with its working: the formula, the user's numbers substituted,
//! and where the formula comes from. Core produces both at once, so the explanation shown to a
//! class can never disagree with the figure.

use serde::{Deserialize, Serialize};

use super::error::Field;
use super::number::Decimal;

/// Every figure the page shows. `testid` is the stable hook automated checks rely on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FigureId {
    Ror,
    RepeatShare,
    JacksonRor,
    End,
    Churn,
    ChurnStart,
    ChurnLow,
    ChurnHigh,
    ChurnStartNew,
    ChurnAverage,
    ChurnSpread,
    Retention,
    GrossAcquisition,
    NetGrowth,
    /// Projection, per scenario (0-based): C(n) / C0.
    ProjectionMultiplier(usize),
    /// Projection: customers after the horizon.
    ProjectionEnd(usize),
    /// Projection, proportional mode: growth per period r + a - 1.
    ProjectionGrowth(usize),
    /// Projection: periods until the base doubles.
    ProjectionDoubling(usize),
    /// Projection, fixed-adds mode: the multiple of C0 the base levels off at.
    ProjectionPlateau(usize),
    LtvSeed,
    Lifetime,
    LtvFromChurn,
    LtvDiscounted,
    ChurnMonthly,
    ChurnQuarterly,
    ChurnAnnual,
    WinbackLow,
    WinbackHigh,
    /// Funnel: conversion from stage i - 1 to stage i.
    FunnelStage(usize),
    FunnelOverall,
    Grr,
    Nrr,
    RevenueChurn,
    RevenueEnd,
    Arpu,
}

impl FigureId {
    /// The `data-testid` of the element holding the formatted figure.
    pub fn testid(self) -> String {
        let indexed = |name: &str, i: usize| format!("{name}-{i}");
        let plain = match self {
            FigureId::ProjectionMultiplier(i) => return indexed("projection-multiplier", i),
            FigureId::ProjectionEnd(i) => return indexed("projection-end", i),
            FigureId::ProjectionGrowth(i) => return indexed("projection-growth", i),
            FigureId::ProjectionDoubling(i) => return indexed("projection-doubling", i),
            FigureId::ProjectionPlateau(i) => return indexed("projection-plateau", i),
            FigureId::FunnelStage(i) => return indexed("funnel-stage", i),
            FigureId::LtvSeed => "ltv-seed",
            FigureId::Lifetime => "lifetime",
            FigureId::LtvFromChurn => "ltv-from-churn",
            FigureId::LtvDiscounted => "ltv-discounted",
            FigureId::ChurnMonthly => "churn-monthly",
            FigureId::ChurnQuarterly => "churn-quarterly",
            FigureId::ChurnAnnual => "churn-annual",
            FigureId::WinbackLow => "winback-low",
            FigureId::WinbackHigh => "winback-high",
            FigureId::FunnelOverall => "funnel-overall",
            FigureId::Grr => "grr",
            FigureId::Nrr => "nrr",
            FigureId::RevenueChurn => "revenue-churn",
            FigureId::RevenueEnd => "revenue-end",
            FigureId::Arpu => "arpu",
            FigureId::Ror => "ror",
            FigureId::RepeatShare => "repeat-share",
            FigureId::JacksonRor => "jackson-ror",
            FigureId::End => "end",
            FigureId::Churn => "churn",
            FigureId::ChurnStart => "churn-start",
            FigureId::ChurnLow => "churn-low",
            FigureId::ChurnHigh => "churn-high",
            FigureId::ChurnStartNew => "churn-start-new",
            FigureId::ChurnAverage => "churn-average",
            FigureId::ChurnSpread => "churn-spread",
            FigureId::Retention => "retention",
            FigureId::GrossAcquisition => "gross-acquisition",
            FigureId::NetGrowth => "net-growth",
        };
        plain.to_string()
    }
}

/// A number with the way it is displayed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// A whole count, grouped (17,510,000).
    Count(i64),
    /// A fraction shown as a percentage with the given decimals (0.01 -> 1.00%).
    Percent { fraction: f64, decimals: usize },
    /// A ratio to three decimals (2.857).
    Ratio(f64),
    /// A difference of percentages in percentage points, two decimals (1.54 pp).
    Points(f64),
    /// A plain decimal constant in a formula (1.96).
    Constant(f64, usize),
    /// A multiple of a starting value, three decimals (1.949x).
    Multiplier(f64),
    /// A number of periods, with the decimals to show.
    Periods {
        count: f64,
        decimals: usize,
        unit: PeriodUnit,
    },
    /// "never" (e.g. a base that does not grow never doubles).
    Never,
    /// "never, levels off at 2.000x".
    NeverLevelsOff(f64),
    /// No plateau: with full retention fixed adds grow the base without limit.
    NoPlateau,
    /// An amount of money, two decimals, with the currency the user picked.
    Money { amount: f64, currency: Currency },
    /// An exact amount of money, with as many decimals as the amounts it comes from.
    Amount {
        value: Decimal,
        decimals: u32,
        currency: Currency,
    },
}

/// The currency symbol the user picked for money figures (none by default). Saved by the
/// same keys as [`Currency::key`] gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
pub enum Currency {
    #[default]
    #[serde(rename = "none")]
    None,
    #[serde(rename = "usd")]
    Dollar,
    #[serde(rename = "eur")]
    Euro,
    #[serde(rename = "gbp")]
    Pound,
    #[serde(rename = "jpy")]
    Yen,
    #[serde(rename = "vnd")]
    Dong,
    #[serde(rename = "irr")]
    Rial,
}

impl Currency {
    /// Every choice, in the order the picker lists them.
    pub const ALL: [Currency; 7] = [
        Currency::None,
        Currency::Dollar,
        Currency::Euro,
        Currency::Pound,
        Currency::Yen,
        Currency::Dong,
        Currency::Rial,
    ];

    /// The symbol, and whether it goes before the amount.
    pub fn symbol(self) -> (&'static str, bool) {
        match self {
            Currency::None => ("", true),
            Currency::Dollar => ("$", true),
            Currency::Euro => ("€", true),
            Currency::Pound => ("£", true),
            Currency::Yen => ("¥", true),
            Currency::Dong => ("₫", false),
            Currency::Rial => ("﷼", false),
        }
    }

    /// A stable key for the picker's option values.
    pub fn key(self) -> &'static str {
        match self {
            Currency::None => "none",
            Currency::Dollar => "usd",
            Currency::Euro => "eur",
            Currency::Pound => "gbp",
            Currency::Yen => "jpy",
            Currency::Dong => "vnd",
            Currency::Rial => "irr",
        }
    }
}

/// The length of a period, saved by its key ("months").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodUnit {
    Months,
    Quarters,
    #[default]
    Years,
}

impl PeriodUnit {
    /// Every unit, shortest first.
    pub const ALL: [PeriodUnit; 3] = [PeriodUnit::Months, PeriodUnit::Quarters, PeriodUnit::Years];

    /// Every unit with its key, for the page's switches.
    pub const KEYED: [(PeriodUnit, &'static str); 3] = [
        (PeriodUnit::Months, "months"),
        (PeriodUnit::Quarters, "quarters"),
        (PeriodUnit::Years, "years"),
    ];

    /// A stable key for form values.
    pub fn key(self) -> &'static str {
        match self {
            PeriodUnit::Months => "months",
            PeriodUnit::Quarters => "quarters",
            PeriodUnit::Years => "years",
        }
    }

    /// Periods in a year.
    pub fn per_year(self) -> u32 {
        match self {
            PeriodUnit::Months => 12,
            PeriodUnit::Quarters => 4,
            PeriodUnit::Years => 1,
        }
    }
}

impl Value {
    /// A percentage with the default two decimals.
    pub fn percent(fraction: f64) -> Self {
        Value::Percent {
            fraction,
            decimals: 2,
        }
    }

    /// The number itself, for tests and comparisons.
    pub fn raw(self) -> f64 {
        match self {
            Value::Count(n) => n as f64,
            Value::Percent { fraction, .. } => fraction,
            Value::Ratio(x) | Value::Points(x) | Value::Constant(x, _) => x,
            Value::Multiplier(x) | Value::NeverLevelsOff(x) => x,
            Value::Periods { count, .. } => count,
            Value::Never | Value::NoPlateau => f64::INFINITY,
            Value::Money { amount, .. } => amount,
            Value::Amount { value, .. } => value.to_f64(),
        }
    }
}

/// One piece of a written-out formula: a number, or operator text between numbers.
#[derive(Clone, Debug, PartialEq)]
pub enum Term {
    Num(Value),
    Op(&'static str),
}

/// Who the formula is from; the string table words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The seed articles the product grew from.
    Seed,
    /// Dean Jackson's reading of ROR.
    DeanJackson,
    /// Stripe's churn definition (departures over start plus new).
    Stripe,
    /// The Wilson score interval (Wilson 1927).
    Wilson,
    /// Reichheld's work on loyalty economics.
    Reichheld,
    /// Seed 003: 25% to 60% of dormant customers respond to a win-back effort.
    WinbackSeed,
    /// Compounding a per-period rate (constant churn assumed).
    Compounding,
    /// Plain arithmetic on the inputs, no published definition needed.
    Arithmetic,
    /// A common textbook definition.
    Textbook,
}

/// Why a figure has no value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undefined {
    /// A field the figure needs has an error (or is empty); the field says what is wrong.
    NeedsField(Field),
    /// The figure divides by this field's value, which is 0.
    ZeroField(Field),
    /// The figure divides by a sum of fields that is 0.
    ZeroSum,
    /// Another figure this one is built from has no value.
    NeedsOthers,
}

/// The working of a figure: formula in symbols, the same with the user's numbers, the source.
#[derive(Clone, Debug, PartialEq)]
pub struct Working {
    /// The formula in the symbols the panel defines, e.g. "H / R".
    pub formula: &'static str,
    /// The formula with the user's numbers, when every number is available.
    pub substituted: Option<Vec<Term>>,
    /// True when `substituted` is an expression equal to the value ("1,000 / 350 = 2.857");
    /// false when it only lists the inputs ("p = 3 / 20, z = 1.96").
    pub equation: bool,
    pub source: Source,
}

/// A figure: which one, its value or why it has none, and its working.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub id: FigureId,
    pub value: Result<Value, Undefined>,
    pub working: Working,
}

impl Figure {
    /// The value as a number, for tests and for figures built on other figures.
    pub fn raw(&self) -> Option<f64> {
        self.value.as_ref().ok().map(|v| v.raw())
    }
}

/// A ratio of two counts, or why it has none: `den_field` names the field whose zero makes it
/// undefined (None when the denominator is a sum).
pub(crate) fn divide(num: u64, den: u64, den_field: Option<Field>) -> Result<f64, Undefined> {
    if den == 0 {
        Err(den_field.map_or(Undefined::ZeroSum, Undefined::ZeroField))
    } else {
        Ok(num as f64 / den as f64)
    }
}

/// What a calculator gives for one set of inputs: the field errors and every figure.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Report {
    pub errors: Vec<super::error::FieldError>,
    pub figures: Vec<Figure>,
}

impl Report {
    /// The first error on `field`, if any.
    pub fn error(&self, field: Field) -> Option<&super::error::FieldError> {
        self.errors.iter().find(|e| e.field == field)
    }

    /// The figure with this id. Every calculator lists each of its ids once.
    pub fn figure(&self, id: FigureId) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }
}

/// Formulas and working written partly in words. They are constants so that the page can say
/// the words in its language (`Strings::in_words`) and a formula changed here keeps its
/// translation linked.
pub mod words {
    pub const FUNNEL_STAGE: &str = "stage / previous stage";
    pub const FUNNEL_OVERALL: &str = "last / first";
    pub const DOUBLING: &str = "first n with C(n) ≥ 2 C0; only when a > 2 (1 − r)";
    /// The comparison in the doubling figure's working: "a vs 2 × (1 − r)".
    pub const DOUBLING_TEST: &str = "vs";
    pub const CONVERT_DOWN: &str = "1 − (1 − c)^k, k = periods in the longer one";
    pub const CONVERT_UP: &str = "1 − (1 − c)^(1/k), k = periods in the longer one";
    pub const WINBACK_LOW: &str = "dormant × 25%";
    pub const WINBACK_HIGH: &str = "dormant × 60%";
    pub const SPREAD: &str = "max − min";

    /// Every one of them.
    pub const ALL: [&str; 9] = [
        FUNNEL_STAGE,
        FUNNEL_OVERALL,
        DOUBLING,
        DOUBLING_TEST,
        CONVERT_DOWN,
        CONVERT_UP,
        WINBACK_LOW,
        WINBACK_HIGH,
        SPREAD,
    ];
}
