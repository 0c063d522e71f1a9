//! The browser storage the first build that stored sessions left behind opens unchanged: the
//! language, the open session, every session and every panel's inputs, each key as that build
//! wrote it (tests/data/storage_v1.tsv, written by hand from that build's code).

use retention_lab::core::figure::{Currency, PeriodUnit};
use retention_lab::core::funnel::StageText;
use retention_lab::core::ltv::LtvText;
use retention_lab::core::period::ChurnDefinition;
use retention_lab::core::projection::{Mode, ProjectionText, RateText};
use retention_lab::core::saved::fill;
use retention_lab::core::sbg::SbgInput;
use retention_lab::core::session::Session;
use retention_lab::core::store::{self, KeyValue, Loaded, Memory, Remembered, SessionStore};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

const STORED: &str = include_str!("data/storage_v1.tsv");

/// Storage holding the fixture's keys.
fn storage() -> Memory {
    let memory = Memory::new();
    for line in STORED.lines().filter(|l| !l.starts_with('#')) {
        let (key, value) = line.split_once('\t').expect("a key, a tab, a value");
        memory.set(key, value).expect("no quota");
    }
    memory
}

fn value_of(key: &str) -> String {
    STORED
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('\t'))
        .expect("in the fixture")
        .to_string()
}

/// A panel's saved inputs, read over `current` as the page reads them.
fn panel<T: Serialize + DeserializeOwned>(session: &Session, key: &str, current: T) -> T {
    fill(&current, session.panel(key).expect("saved")).expect("reads")
}

fn member<'a>(session: &'a Session, key: &str, name: &str) -> Option<&'a str> {
    session.panel(key)?.get(name)?.as_str()
}

#[test]
fn the_language_and_the_open_session_are_found() {
    let memory = storage();
    assert_eq!(
        store::remembered(&memory),
        Remembered {
            language: Some("fa".into()),
            latin_digits: true
        }
    );
    let store = SessionStore::new(memory);
    assert_eq!(store.open_id().as_deref(), Some("18bcfe56800a1b2c3"));
}

#[test]
fn every_session_is_listed_and_nothing_is_moved() {
    let memory = storage();
    let store = SessionStore::new(memory.clone());
    let (list, damaged) = store.list(1_800_000_000_000);
    assert_eq!(damaged, vec![]);
    let names: Vec<_> = list.iter().map(|s| (s.name.as_str(), s.newer)).collect();
    assert_eq!(names, [("2025 plan", false), ("Q3 review «ریزش»", false)]);
    // Reading changed nothing: every key holds what it held (the old quarantine included);
    // the one key added is the index of the sessions' names and times, built from them.
    let mut keys = memory.keys().expect("keys");
    keys.retain(|k| k != store::INDEX_KEY);
    keys.sort();
    assert!(memory.get(store::INDEX_KEY).expect("reads").is_some());
    let mut expected: Vec<_> = STORED
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(k, _)| k.to_string())
        .collect();
    expected.sort();
    assert_eq!(keys, expected);
    for key in &keys {
        assert_eq!(memory.get(key), Ok(Some(value_of(key))), "{key}");
    }
}

#[test]
fn every_panel_of_the_open_session_reads() {
    let store = SessionStore::new(storage());
    let id = store.open_id().expect("an open session");
    let Some(Loaded::Current(s)) = store.load(&id, 1) else {
        panic!("the open session does not load")
    };
    assert_eq!(s.name, "Q3 review «ریزش»");
    assert_eq!(
        (s.created, s.modified),
        (1_700_000_000_000, 1_700_000_100_000)
    );
    // Written again, exactly the text that was stored.
    assert_eq!(
        s.to_text(),
        value_of(&format!("retention-lab.session.{id}"))
    );

    assert_eq!(member(&s, "ror", "total"), Some("12,345"));
    assert_eq!(member(&s, "winback", "dormant"), Some("4,321"));
    let definition: ChurnDefinition = serde_json::from_value(
        s.panel("period")
            .and_then(|p| p.get("definition"))
            .cloned()
            .expect("saved"),
    )
    .expect("a definition");
    assert_eq!(definition, ChurnDefinition::Average);
    let unit: PeriodUnit = serde_json::from_value(
        s.panel("conversion")
            .and_then(|p| p.get("unit"))
            .cloned()
            .expect("saved"),
    )
    .expect("a unit");
    assert_eq!(unit, PeriodUnit::Years);

    let p = panel(&s, "projection", ProjectionText::default());
    assert_eq!((p.start.as_str(), p.horizon.as_str()), ("1,000", "84"));
    assert_eq!((p.unit, p.mode), (PeriodUnit::Months, Mode::FixedAdds));
    assert_eq!(p.scenarios.len(), 2);
    assert_eq!(p.scenarios[0].retention.exact, Some(99.125_987_654_321));
    assert_eq!(p.scenarios[1].acquisition.exact, Some(0.3057));
    assert_eq!(p.scenarios[1].retention, RateText::typed("80"));

    let l = panel(&s, "ltv", LtvText::default());
    assert_eq!(l.churn.text, "1.84");
    assert_eq!(
        l.churn.exact.map(f64::to_bits),
        Some(4_610_976_012_885_694_026)
    );
    assert_eq!((l.unit, l.currency), (PeriodUnit::Months, Currency::Dong));

    let g = panel(&s, "sbg", SbgInput::default());
    assert_eq!(g.cohorts[0].name, "ریزش «A»\n");
    assert_eq!(g.cohorts[0].counts, "1000 631 468");
    assert_eq!((g.unit, g.currency), (PeriodUnit::Quarters, Currency::Rial));
    assert_eq!(g.fit_periods, "");

    let stages: Vec<StageText> = panel(&s, "funnel", Vec::new());
    assert_eq!(stages[1].name, "Bought");
    assert_eq!(stages[1].count, "50");

    let data = s.panel("data").expect("saved");
    assert_eq!(data.get("period").and_then(Value::as_str), Some("quarter"));
    assert_eq!(
        data.get("paste").and_then(Value::as_str),
        Some("customer_id,date\na,2024-01-02\tb\u{1}\n")
    );
}

#[test]
fn the_other_session_opens_too() {
    let store = SessionStore::new(storage());
    let Some(Loaded::Current(s)) = store.load("18bcfe5a1f0d4e5f6", 1) else {
        panic!("does not load")
    };
    assert_eq!(s.name, "2025 plan");
    assert_eq!(member(&s, "winback", "dormant"), Some("1,000"));
}
