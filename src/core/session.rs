//! A saved session: its name, times and every panel's inputs, and the versioned text it is
//! stored as. Pure: the page moves the text to and from the browser's storage.
//!
//! The storage code never looks inside a panel's inputs: each panel writes and reads its own
//! part under its own key, so a new panel joins by choosing a key.

use super::json::{parse, Json, JsonError};

/// The version of the stored text this build writes. Each older version has a migration in
/// [`migrate`]; a newer one is read but never written over.
pub const VERSION: i64 = 1;

/// What the stored text says it is.
const FORMAT: &str = "retention-lab-session";

/// What a file of several sessions ("Export all") says it is.
const BUNDLE: &str = "retention-lab-sessions";

/// One session.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub id: String,
    pub name: String,
    /// Milliseconds since 1970-01-01 UTC.
    pub created: i64,
    pub modified: i64,
    /// Each panel's inputs under its key, as the panel wrote them.
    pub panels: Vec<(String, Json)>,
}

/// Why a stored text is not a session this build can use.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// Not JSON: where it stops being JSON.
    Json(JsonError),
    /// JSON, but not a session: the member that is missing or of the wrong kind.
    Shape { member: &'static str },
    /// Written by a newer build; the session as far as this build can read it, which the
    /// page shows but never saves over.
    Newer { version: i64, session: Box<Session> },
}

impl Session {
    /// A session with no inputs yet.
    pub fn new(id: String, name: String, now: i64) -> Self {
        Session {
            id,
            name,
            created: now,
            modified: now,
            panels: Vec::new(),
        }
    }

    /// The inputs a panel saved, if any.
    pub fn panel(&self, key: &str) -> Option<&Json> {
        self.panels.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The stored form.
    pub fn to_json(&self) -> Json {
        Json::object([
            ("format", Json::string(FORMAT)),
            ("version", Json::Int(VERSION)),
            ("id", Json::string(self.id.clone())),
            ("name", Json::string(self.name.clone())),
            ("created", Json::Int(self.created)),
            ("modified", Json::Int(self.modified)),
            ("panels", Json::Obj(self.panels.clone())),
        ])
    }

    /// The stored text.
    pub fn to_text(&self) -> String {
        self.to_json().to_text()
    }
}

/// Reads a session as far as this version can: one written by a newer version is given as
/// [`read`] found it, for showing (never for writing over what is stored).
pub fn read_leniently(text: &str) -> Result<Session, ReadError> {
    match read(text) {
        Err(ReadError::Newer { session, .. }) => Ok(*session),
        other => other,
    }
}

/// Reads a stored session, bringing an older version up to date.
pub fn read(text: &str) -> Result<Session, ReadError> {
    from_stored(&parse(text).map_err(ReadError::Json)?)
}

/// A session from its stored form, brought up to date.
fn from_stored(json: &Json) -> Result<Session, ReadError> {
    let version = json
        .get("version")
        .and_then(Json::as_int)
        .ok_or(ReadError::Shape { member: "version" })?;
    if json.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return Err(ReadError::Shape { member: "format" });
    }
    if version < 1 {
        return Err(ReadError::Shape { member: "version" });
    }
    let json = migrate(json.clone(), version);
    let session = from_json(&json)?;
    if version > VERSION {
        return Err(ReadError::Newer {
            version,
            session: Box::new(session),
        });
    }
    Ok(session)
}

/// Brings a session of an older `version` to [`VERSION`], one version at a time. Version 1
/// is the first, so there is nothing to migrate yet; version 2's migration goes here, as
/// `if version < 2 { ... }`, with a test that reads a version 1 text.
fn migrate(json: Json, version: i64) -> Json {
    let _ = version;
    json
}

/// Why a session file could not be imported.
#[derive(Clone, Debug, PartialEq)]
pub enum FileError {
    /// The file is not a session (or the session at `index`, 1-based, of a file of several).
    Session {
        index: Option<usize>,
        error: ReadError,
    },
    /// A file of several sessions that holds none.
    Empty,
}

/// The text of a file holding every session in `sessions`.
pub fn bundle(sessions: &[Session]) -> String {
    Json::object([
        ("format", Json::string(BUNDLE)),
        ("version", Json::Int(VERSION)),
        (
            "sessions",
            Json::Arr(sessions.iter().map(Session::to_json).collect()),
        ),
    ])
    .to_text()
}

/// Reads a session file: one session, or a file of several. A session written by a newer
/// version is refused, since this version cannot know what it would leave out.
pub fn read_file(text: &str) -> Result<Vec<Session>, FileError> {
    let one = |index, json: &Json| match from_stored(json) {
        Ok(s) => Ok(s),
        Err(error) => Err(FileError::Session { index, error }),
    };
    let json = parse(text).map_err(|e| FileError::Session {
        index: None,
        error: ReadError::Json(e),
    })?;
    if json.get("format").and_then(Json::as_str) != Some(BUNDLE) {
        return one(None, &json).map(|s| vec![s]);
    }
    let list = json
        .get("sessions")
        .and_then(Json::as_array)
        .ok_or(FileError::Session {
            index: None,
            error: ReadError::Shape { member: "sessions" },
        })?;
    if list.is_empty() {
        return Err(FileError::Empty);
    }
    list.iter()
        .enumerate()
        .map(|(i, s)| one(Some(i + 1), s))
        .collect()
}

/// A date and time in the user's time zone, `offset_minutes` east of UTC, as
/// `2026-11-24 09:05` (the page puts the digits in the user's script).
pub fn local_time(millis: i64, offset_minutes: i32) -> String {
    use chrono::{Datelike, Timelike};
    let Some(t) = chrono::DateTime::from_timestamp_millis(millis).and_then(|t| {
        t.naive_utc()
            .checked_add_signed(chrono::TimeDelta::minutes(offset_minutes.into()))
    }) else {
        return String::new();
    };
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
}

fn from_json(json: &Json) -> Result<Session, ReadError> {
    let text = |member: &'static str| {
        json.get(member)
            .and_then(Json::as_str)
            .map(str::to_string)
            .ok_or(ReadError::Shape { member })
    };
    let time = |member: &'static str| {
        json.get(member)
            .and_then(Json::as_int)
            .ok_or(ReadError::Shape { member })
    };
    let panels = match json.get("panels") {
        Some(Json::Obj(members)) => members.clone(),
        _ => return Err(ReadError::Shape { member: "panels" }),
    };
    Ok(Session {
        id: text("id")?,
        name: text("name")?,
        created: time("created")?,
        modified: time("modified")?,
        panels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Session {
        Session {
            id: "s1".into(),
            name: "Q3 review «ریزش»".into(),
            created: 1_700_000_000_000,
            modified: 1_700_000_100_000,
            panels: vec![
                (
                    "ror".into(),
                    Json::object([
                        ("total", Json::string("10,000")),
                        ("helped", Json::string("")),
                    ]),
                ),
                ("funnel".into(), Json::Arr(vec![Json::string("Saw")])),
            ],
        }
    }

    #[test]
    fn a_session_reads_back_as_written() {
        let s = sample();
        assert_eq!(read(&s.to_text()), Ok(s.clone()));
        assert_eq!(
            s.panel("ror")
                .and_then(|r| r.get("total"))
                .and_then(Json::as_str),
            Some("10,000")
        );
        assert_eq!(s.panel("sbg"), None);
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
                .and_then(Json::as_str),
            Some("1,000")
        );
    }

    #[test]
    fn a_newer_version_is_read_but_marked() {
        let text = sample().to_text().replace("\"version\":1", "\"version\":7");
        match read(&text) {
            Err(ReadError::Newer { version, session }) => {
                assert_eq!(version, 7);
                assert_eq!(*session, sample());
            }
            other => panic!("{other:?}"),
        }
        // For showing, it is simply the session; what is not a session stays an error.
        assert_eq!(read_leniently(&text), Ok(sample()));
        assert_eq!(
            read_leniently("[]"),
            Err(ReadError::Shape { member: "version" })
        );
    }

    #[test]
    fn what_is_not_a_session_is_named() {
        assert!(matches!(read("{\"format\""), Err(ReadError::Json(_))));
        assert_eq!(read("[]"), Err(ReadError::Shape { member: "version" }));
        assert_eq!(
            read(r#"{"format":"other","version":1}"#),
            Err(ReadError::Shape { member: "format" })
        );
        let no_name = sample().to_text().replace("\"name\"", "\"nom\"");
        assert_eq!(read(&no_name), Err(ReadError::Shape { member: "name" }));
        let zero = sample().to_text().replace("\"version\":1", "\"version\":0");
        assert_eq!(read(&zero), Err(ReadError::Shape { member: "version" }));
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
            }) => assert_eq!(
                (e.line, e.column, e.kind),
                (2, 16, crate::core::json::JsonErrorKind::End)
            ),
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
}
