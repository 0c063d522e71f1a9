//! The calculators' inputs as saved in a session: each as JSON and back, the user's text
//! exactly as typed. Reading fills what a saved value lacks (saved by an older build, say)
//! from a default, so that nothing present is lost and nothing absent breaks the page.

use super::figure::{Currency, PeriodUnit};
use super::json::Json;
use super::ltv::LtvText;
use super::projection::{Mode, ProjectionText, ScenarioText};
use super::rate::RateText;
use super::sbg::{CohortText, SbgInput};

/// The projection's acquisition modes by the keys the page's switch uses.
pub const MODE_KEYS: [(Mode, &str); 2] = [
    (Mode::Proportional, "proportional"),
    (Mode::FixedAdds, "fixed"),
];

/// A choice's key in `list`.
pub fn key_of<T: PartialEq + Copy>(list: &[(T, &'static str)], value: T) -> &'static str {
    list.iter()
        .find(|(v, _)| *v == value)
        .map_or("", |(_, k)| k)
}

/// The choice whose key is `key` in `list`.
pub fn from_key<T: Copy>(list: &[(T, &'static str)], key: &str) -> Option<T> {
    list.iter().find(|(_, k)| *k == key).map(|(v, _)| *v)
}

fn currencies() -> [(Currency, &'static str); 7] {
    Currency::ALL.map(|c| (c, c.key()))
}

fn text(json: &Json, member: &str, default: &str) -> String {
    json.get(member)
        .and_then(Json::as_str)
        .unwrap_or(default)
        .to_string()
}

fn choice<T: Copy>(json: &Json, member: &str, list: &[(T, &'static str)], default: T) -> T {
    json.get(member)
        .and_then(Json::as_str)
        .and_then(|k| from_key(list, k))
        .unwrap_or(default)
}

/// A rate as typed, with the exact value behind a converted display kept bit for bit (as the
/// integer of its bits: the JSON here carries whole numbers only).
pub fn rate_to_json(rate: &RateText) -> Json {
    let mut members = vec![("text".to_string(), Json::string(rate.text.clone()))];
    if let Some(exact) = rate.exact {
        members.push(("exact_bits".to_string(), Json::Int(exact.to_bits() as i64)));
    }
    Json::Obj(members)
}

pub fn rate_from_json(json: Option<&Json>, default: &RateText) -> RateText {
    let Some(json) = json else {
        return default.clone();
    };
    // A plain string is a rate with no exact value behind it.
    if let Some(text) = json.as_str() {
        return RateText::typed(text);
    }
    RateText {
        text: text(json, "text", &default.text),
        exact: json
            .get("exact_bits")
            .and_then(Json::as_int)
            .map(|bits| f64::from_bits(bits as u64)),
    }
}

pub fn projection_to_json(p: &ProjectionText) -> Json {
    Json::object([
        ("start", Json::string(p.start.clone())),
        ("horizon", Json::string(p.horizon.clone())),
        ("unit", Json::string(p.unit.key())),
        ("mode", Json::string(key_of(&MODE_KEYS, p.mode))),
        (
            "scenarios",
            Json::Arr(
                p.scenarios
                    .iter()
                    .map(|s| {
                        Json::object([
                            ("name", Json::string(s.name.clone())),
                            ("retention", rate_to_json(&s.retention)),
                            ("acquisition", rate_to_json(&s.acquisition)),
                        ])
                    })
                    .collect(),
            ),
        ),
    ])
}

pub fn projection_from_json(json: &Json, default: &ProjectionText) -> ProjectionText {
    let scenarios = match json.get("scenarios").and_then(Json::as_array) {
        Some(rows) if !rows.is_empty() => rows
            .iter()
            .map(|row| ScenarioText {
                name: text(row, "name", ""),
                retention: rate_from_json(row.get("retention"), &RateText::default()),
                acquisition: rate_from_json(row.get("acquisition"), &RateText::default()),
            })
            .collect(),
        _ => default.scenarios.clone(),
    };
    ProjectionText {
        start: text(json, "start", &default.start),
        horizon: text(json, "horizon", &default.horizon),
        unit: choice(json, "unit", &PeriodUnit::KEYED, default.unit),
        mode: choice(json, "mode", &MODE_KEYS, default.mode),
        scenarios,
    }
}

pub fn ltv_to_json(l: &LtvText) -> Json {
    Json::object([
        ("revenue", rate_to_json(&l.revenue)),
        ("years", rate_to_json(&l.years)),
        ("margin", rate_to_json(&l.margin)),
        ("churn", rate_to_json(&l.churn)),
        ("discount", rate_to_json(&l.discount)),
        ("unit", Json::string(l.unit.key())),
        ("currency", Json::string(l.currency.key())),
    ])
}

pub fn ltv_from_json(json: &Json, default: &LtvText) -> LtvText {
    LtvText {
        revenue: rate_from_json(json.get("revenue"), &default.revenue),
        years: rate_from_json(json.get("years"), &default.years),
        margin: rate_from_json(json.get("margin"), &default.margin),
        churn: rate_from_json(json.get("churn"), &default.churn),
        discount: rate_from_json(json.get("discount"), &default.discount),
        unit: choice(json, "unit", &PeriodUnit::KEYED, default.unit),
        currency: choice(json, "currency", &currencies(), default.currency),
    }
}

pub fn sbg_to_json(s: &SbgInput) -> Json {
    Json::object([
        (
            "cohorts",
            Json::Arr(
                s.cohorts
                    .iter()
                    .map(|c| {
                        Json::object([
                            ("name", Json::string(c.name.clone())),
                            ("counts", Json::string(c.counts.clone())),
                        ])
                    })
                    .collect(),
            ),
        ),
        ("fit_periods", Json::string(s.fit_periods.clone())),
        ("horizon", Json::string(s.horizon.clone())),
        ("discount", Json::string(s.discount.clone())),
        ("revenue", Json::string(s.revenue.clone())),
        ("margin", Json::string(s.margin.clone())),
        ("unit", Json::string(s.unit.key())),
        ("currency", Json::string(s.currency.key())),
    ])
}

pub fn sbg_from_json(json: &Json, default: &SbgInput) -> SbgInput {
    let cohorts = match json.get("cohorts").and_then(Json::as_array) {
        Some(rows) if !rows.is_empty() => rows
            .iter()
            .map(|row| CohortText {
                name: text(row, "name", ""),
                counts: text(row, "counts", ""),
            })
            .collect(),
        _ => default.cohorts.clone(),
    };
    SbgInput {
        cohorts,
        fit_periods: text(json, "fit_periods", &default.fit_periods),
        horizon: text(json, "horizon", &default.horizon),
        discount: text(json, "discount", &default.discount),
        revenue: text(json, "revenue", &default.revenue),
        margin: text(json, "margin", &default.margin),
        unit: choice(json, "unit", &PeriodUnit::KEYED, default.unit),
        currency: choice(json, "currency", &currencies(), default.currency),
    }
}

/// Rows of named texts (the funnel's stages: name and count).
pub fn pairs_to_json(rows: &[(String, String)], names: [&str; 2]) -> Json {
    Json::Arr(
        rows.iter()
            .map(|(a, b)| {
                Json::object([
                    (names[0], Json::string(a.clone())),
                    (names[1], Json::string(b.clone())),
                ])
            })
            .collect(),
    )
}

pub fn pairs_from_json(json: &Json, names: [&str; 2]) -> Option<Vec<(String, String)>> {
    let rows = json.as_array().filter(|rows| !rows.is_empty())?;
    Some(
        rows.iter()
            .map(|row| (text(row, names[0], ""), text(row, names[1], "")))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::parse;
    use crate::core::{ltv, projection, sbg};

    /// Through the stored text and back.
    fn stored(json: Json) -> Json {
        parse(&json.to_text()).expect("valid JSON")
    }

    #[test]
    fn every_input_reads_back_as_written() {
        let mut p = projection::reichheld_preset();
        p.mode = Mode::FixedAdds;
        p.unit = PeriodUnit::Months;
        p.scenarios[1].retention = RateText {
            text: "99.13".into(),
            exact: Some(99.125_987_654_321),
        };
        let back =
            projection_from_json(&stored(projection_to_json(&p)), &ProjectionText::default());
        assert_eq!(back, p);

        let mut l = ltv::seed_preset();
        l.currency = Currency::Dong;
        l.churn = RateText {
            text: "1.84".into(),
            exact: Some(1.842_347_1),
        };
        assert_eq!(
            ltv_from_json(&stored(ltv_to_json(&l)), &LtvText::default()),
            l
        );

        let mut s = sbg::fader_hardie_preset();
        s.cohorts[0].name = "ریزش «A»\n".into();
        s.unit = PeriodUnit::Quarters;
        s.currency = Currency::Rial;
        assert_eq!(
            sbg_from_json(&stored(sbg_to_json(&s)), &SbgInput::default()),
            s
        );

        let rows = vec![
            ("Saw".to_string(), "4,000".to_string()),
            ("".into(), "".into()),
        ];
        let json = stored(pairs_to_json(&rows, ["name", "count"]));
        assert_eq!(pairs_from_json(&json, ["name", "count"]), Some(rows));
    }

    #[test]
    fn what_a_saved_value_lacks_comes_from_the_default() {
        let json = parse(r#"{"horizon":"9","unit":"weeks","scenarios":[]}"#).expect("valid");
        let default = projection::seed_preset();
        let p = projection_from_json(&json, &default);
        assert_eq!(p.horizon, "9");
        assert_eq!(p.start, default.start);
        assert_eq!(p.unit, default.unit, "an unknown unit keeps the default");
        assert_eq!(
            p.scenarios, default.scenarios,
            "no rows keeps the default rows"
        );
        // A rate saved as a plain string is read as typed.
        let rate = rate_from_json(Some(&Json::string("12")), &RateText::default());
        assert_eq!(rate, RateText::typed("12"));
        assert_eq!(pairs_from_json(&Json::Arr(vec![]), ["a", "b"]), None);
    }
}
