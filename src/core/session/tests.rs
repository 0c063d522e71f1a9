use super::*;
use serde_json::json;

fn sample() -> Session {
    let mut panels = Map::new();
    panels.insert("ror".into(), json!({"total": "10,000", "helped": ""}));
    panels.insert("funnel".into(), json!(["Saw"]));
    Session {
        id: "s1".into(),
        name: "Q3 review «ریزش»".into(),
        created: 1_700_000_000_000,
        modified: 1_700_000_100_000,
        panels,
        newer: None,
    }
}

/// `session` as a newer version wrote it, read back.
fn newer(text: &str) -> Session {
    match read(text) {
        Err(ReadError::Newer { session, .. }) => *session,
        other => panic!("{other:?}"),
    }
}

fn json_error(text: &str) -> (usize, usize, JsonErrorKind) {
    match read(text) {
        Err(ReadError::Json(e)) => (e.line, e.column, e.kind),
        other => panic!("{text:?}: {other:?}"),
    }
}

#[test]
fn a_session_reads_back_as_written() {
    let s = sample();
    assert_eq!(read(&s.to_text()), Ok(s.clone()));
    assert_eq!(
        s.panel("ror")
            .and_then(|r| r.get("total"))
            .and_then(Value::as_str),
        Some("10,000")
    );
    assert_eq!(s.panel("sbg"), None);
    assert!(s.to_text().starts_with(
        r#"{"format":"retention-lab-session","version":1,"id":"s1","name":"Q3 review «ریزش»","created":1700000000000,"modified":1700000100000,"panels":{"ror":"#
    ));
}

#[test]
fn version_1_text_reads() {
    // A version 1 text as the first build that saved sessions wrote it.
    let text = r#"{"format":"retention-lab-session","version":1,"id":"a","name":"Plan","created":5,"modified":6,"panels":{"winback":{"dormant":"1,000"}}}"#;
    let s = read(text).expect("version 1");
    assert_eq!(s.name, "Plan");
    assert_eq!(
        s.panel("winback")
            .and_then(|w| w.get("dormant"))
            .and_then(Value::as_str),
        Some("1,000")
    );
    // Written again, the same text.
    assert_eq!(s.to_text(), text);
}

#[test]
fn a_newer_version_is_read_but_marked() {
    let text = sample().to_text().replace("\"version\":1", "\"version\":7");
    match read(&text) {
        Err(ReadError::Newer { version, session }) => {
            assert_eq!(version, 7);
            assert_eq!(session.panels, sample().panels);
            assert_eq!(
                (
                    &session.id,
                    &session.name,
                    session.created,
                    session.modified
                ),
                (
                    &sample().id,
                    &sample().name,
                    sample().created,
                    sample().modified
                )
            );
        }
        other => panic!("{other:?}"),
    }
    // For showing, it is simply the session; what is not a session stays an error.
    assert_eq!(read_leniently(&text).map(|s| s.panels), Ok(sample().panels));
    assert_eq!(
        read_leniently("[]"),
        Err(ReadError::Shape { member: "version" })
    );
}

#[test]
fn a_newer_version_is_never_damaged_whatever_its_layout() {
    let text = r#"{"version":99,"format":"retention-lab-session-2","id":"f","name":{"en":"Future"},"panels":[{"key":"ror","inputs":{"total":"5"}}],"extra":true}"#;
    let s = newer(text);
    assert_eq!(s.id, "f");
    assert_eq!(s.name, "", "a name of another kind is shown empty");
    assert!(s.panels.is_empty());
    assert_eq!(s.newer.as_ref().map(|n| n.version), Some(99));
    // Written out exactly as read: version, layout and unknown members.
    let back: Value = serde_json::from_str(&s.to_text()).expect("JSON");
    assert_eq!(back, serde_json::from_str::<Value>(text).expect("JSON"));
    assert_eq!(s.to_text(), text, "in the order written");
}

#[test]
fn a_newer_session_is_exported_and_bundled_as_it_was_stored() {
    let text = r#"{"format":"retention-lab-session","version":99,"id":"future","name":"From the future","created":1,"modified":2,"panels":{"ror":{"total":"50,000","later":[1.5,null]},"somethingNew":{"x":1}},"tags":["a"]}"#;
    let mut s = newer(text);
    assert_eq!(s.name, "From the future");
    assert_eq!(s.to_text(), text);
    // What the page changes on a newer session is never written out as that version's.
    s.panels.insert("ror".into(), json!({"total": "60,000"}));
    assert_eq!(s.to_text(), text);
    let all = bundle(&[sample(), s.clone()]);
    assert!(all.ends_with(&format!("{text}]}}")), "{all}");
    // A panel left out (a share link leaves out the data) is left out of the stored value.
    s.panels.shift_remove("somethingNew");
    assert_eq!(s.to_text(), text.replace(r#","somethingNew":{"x":1}"#, ""));
    // Adopted (saved as a copy), it is this version's session with what could be read.
    s.adopt();
    let copy = read(&s.to_text()).expect("version 1 now");
    assert_eq!(copy.panel("ror"), Some(&json!({"total": "60,000"})));
}

#[test]
fn what_is_not_a_session_is_named() {
    assert!(matches!(read("{\"format\""), Err(ReadError::Json(_))));
    assert_eq!(read("[]"), Err(ReadError::Shape { member: "version" }));
    assert_eq!(read("[1]"), Err(ReadError::Shape { member: "version" }));
    assert_eq!(
        read(r#"{"format":"other","version":1}"#),
        Err(ReadError::Shape { member: "format" })
    );
    let no_name = sample().to_text().replace("\"name\"", "\"nom\"");
    assert_eq!(read(&no_name), Err(ReadError::Shape { member: "name" }));
    let zero = sample().to_text().replace("\"version\":1", "\"version\":0");
    assert_eq!(read(&zero), Err(ReadError::Shape { member: "version" }));
    let half = sample()
        .to_text()
        .replace("\"version\":1", "\"version\":1.5");
    assert_eq!(read(&half), Err(ReadError::Shape { member: "version" }));
    let wrong = sample()
        .to_text()
        .replace("\"created\":1700000000000", "\"created\":\"today\"");
    assert_eq!(read(&wrong), Err(ReadError::Shape { member: "created" }));
    let listed = sample().to_text().replace(
        r#""panels":{"ror":{"total":"10,000","helped":""},"funnel":["Saw"]}"#,
        r#""panels":[]"#,
    );
    assert_eq!(read(&listed), Err(ReadError::Shape { member: "panels" }));
}

#[test]
fn json_errors_say_where_in_characters() {
    use JsonErrorKind::*;
    assert_eq!(json_error(""), (1, 1, End));
    assert_eq!(json_error("{\"a\": 1,\n  \"b\" 2}"), (2, 7, Syntax));
    assert_eq!(json_error("[1 2]"), (1, 4, Syntax));
    assert_eq!(json_error("{\"a\": tru}"), (1, 10, Syntax));
    assert_eq!(json_error("{} x"), (1, 4, Syntax));
    assert_eq!(json_error("{\"a\": 1"), (1, 8, End));
    assert_eq!(json_error("\"open"), (1, 6, End));
    assert_eq!(json_error("{\n  \"format\": tru"), (2, 16, End));
    assert_eq!(json_error("[1,\n"), (2, 1, End));
    // Counted in characters, not bytes: "ریزش" is 4 characters and 8 bytes.
    assert_eq!(json_error("{\"ریزش\": 1 2}"), (1, 12, Syntax));
    assert_eq!(json_error("{\"ریزش\": \"tỷ lệ"), (1, 16, End));
    assert_eq!(json_error("[\"ریزش\" x]"), (1, 9, Syntax));
}

#[test]
fn a_file_holds_one_session_or_several() {
    let mut other = sample();
    other.id = "s2".into();
    other.name = "2025 plan".into();
    assert_eq!(read_file(&sample().to_text()), Ok(vec![sample()]));
    let all = bundle(&[sample(), other.clone()]);
    assert!(all.starts_with(r#"{"format":"retention-lab-sessions","version":1,"#));
    assert_eq!(read_file(&all), Ok(vec![sample(), other]));
}

#[test]
fn a_bad_file_is_named_where_it_fails() {
    match read_file("{\n  \"format\": tru") {
        Err(FileError::Session {
            index: None,
            error: ReadError::Json(e),
        }) => assert_eq!((e.line, e.column, e.kind), (2, 16, JsonErrorKind::End)),
        other => panic!("{other:?}"),
    }
    // The browser test's broken file: the message says line 4, column 14.
    match read_file(
        "{\n  \"format\": \"retention-lab-session\",\n  \"version\": 1,\n  \"name\": tru",
    ) {
        Err(FileError::Session {
            error: ReadError::Json(e),
            ..
        }) => assert_eq!((e.line, e.column), (4, 14)),
        other => panic!("{other:?}"),
    }
    let broken = bundle(&[sample(), sample()]).replacen("\"created\"", "\"made\"", 1);
    assert_eq!(
        read_file(&broken),
        Err(FileError::Session {
            index: Some(1),
            error: ReadError::Shape { member: "created" }
        })
    );
    let newer =
        bundle(&[sample(), sample()]).replace("\"version\":1,\"id\"", "\"version\":9,\"id\"");
    assert!(matches!(
        read_file(&newer),
        Err(FileError::Session {
            index: Some(1),
            error: ReadError::Newer { version: 9, .. }
        })
    ));
    assert_eq!(
        read_file(r#"{"format":"retention-lab-sessions","version":1,"sessions":[]}"#),
        Err(FileError::Empty)
    );
    assert_eq!(
        read_file(r#"{"format":"retention-lab-sessions","version":1}"#),
        Err(FileError::Session {
            index: None,
            error: ReadError::Shape { member: "sessions" }
        })
    );
}

#[test]
fn times_in_the_users_zone() {
    // 2023-11-14 22:13:20 UTC.
    let t = 1_700_000_000_000;
    assert_eq!(local_time(t, 0), "2023-11-14 22:13");
    // Tehran (+03:30) is already on the next day; Hanoi is +07:00.
    assert_eq!(local_time(t, 210), "2023-11-15 01:43");
    assert_eq!(local_time(t, 420), "2023-11-15 05:13");
    assert_eq!(local_time(t, -300), "2023-11-14 17:13");
    assert_eq!(local_time(0, 0), "1970-01-01 00:00");
    assert_eq!(local_time(i64::MAX, 0), "");
}

/// A session holding every kind of saved input, as the panels save them.
fn every_kind() -> Session {
    use crate::core::figure::{Currency, PeriodUnit};
    use crate::core::funnel::StageText;
    use crate::core::period::ChurnDefinition;
    use crate::core::projection::{Mode, RateText};
    use crate::core::{ltv, projection, sbg};

    let mut l = ltv::seed_preset();
    l.churn = RateText {
        text: "1.84".into(),
        exact: Some(1.842_347_1),
    };
    l.currency = Currency::Dong;
    let mut p = projection::seed_preset();
    p.mode = Mode::FixedAdds;
    p.unit = PeriodUnit::Months;
    p.scenarios.truncate(1);
    let mut s = sbg::fader_hardie_preset();
    s.cohorts.truncate(1);
    s.cohorts[0].counts = "1000 631".into();
    s.currency = Currency::Rial;
    let stages = vec![StageText {
        name: "Saw".into(),
        count: "4,000".into(),
    }];
    let mut session = Session::new("id".into(), "Every «kind»".into(), 1);
    let mut put = |key: &str, value: Value| session.panels.insert(key.into(), value);
    put("ltv", json!(l));
    put("projection", json!(p));
    put("sbg", json!(s));
    put("funnel", json!(stages));
    put(
        "period",
        json!({"start": "1,000", "definition": ChurnDefinition::StartPlusNew}),
    );
    put(
        "conversion",
        json!({"churn": "2", "unit": PeriodUnit::Quarters}),
    );
    session
}

/// The stored text of [`every_kind`], by the version whose layout it is, oldest first. Every
/// one must still read.
const LAYOUTS: [(i64, &str); 1] = [(
    1,
    r#"{"format":"retention-lab-session","version":1,"id":"id","name":"Every «kind»","created":1,"modified":1,"panels":{"ltv":{"revenue":{"text":"100"},"years":{"text":"5"},"margin":{"text":"100"},"churn":{"text":"1.84","exact_bits":4610976012885694026},"discount":{"text":"10"},"unit":"years","currency":"vnd"},"projection":{"start":"1,000","horizon":"7","unit":"months","mode":"fixed","scenarios":[{"name":"Keeps 90%","retention":{"text":"90"},"acquisition":{"text":"20"}}]},"sbg":{"cohorts":[{"name":"Regular","counts":"1000 631"}],"fit_periods":"7","horizon":"12","discount":"10","revenue":"","margin":"100","unit":"years","currency":"irr"},"funnel":[{"name":"Saw","count":"4,000"}],"period":{"start":"1,000","definition":"start-new"},"conversion":{"churn":"2","unit":"quarters"}}}"#,
)];

#[test]
fn the_stored_layout_belongs_to_its_version() {
    let (version, text) = LAYOUTS[LAYOUTS.len() - 1];
    assert_eq!(
        version, VERSION,
        "VERSION changed: add this version's layout to LAYOUTS"
    );
    assert_eq!(
        every_kind().to_text(),
        text,
        "The stored layout changed: raise VERSION, add a migration from the old layout (with \
         a test reading it), and add the new layout to LAYOUTS"
    );
    for (version, text) in LAYOUTS {
        assert!(
            read(text).is_ok(),
            "version {version}'s layout no longer reads"
        );
    }
}
