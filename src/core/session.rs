//! A saved session: its name, times and every panel's inputs, and the versioned text it is
//! stored as. Pure: [`crate::core::store`] keeps the text, the page moves it to and from the
//! browser's storage.
//!
//! The storage code never looks inside a panel's inputs: each panel writes and reads its own
//! part under its own key, so a new panel joins by choosing a key.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The version of the stored text this build writes. Each older version has a migration in
/// [`migrate`]; a newer one is read but never written over. The test
/// `the_stored_layout_belongs_to_its_version` fails when the stored types change and this
/// does not.
pub const VERSION: i64 = 1;

/// What the stored text says it is.
const FORMAT: &str = "retention-lab-session";

/// What a file of several sessions ("Export all") says it is.
const BUNDLE: &str = "retention-lab-sessions";

/// One session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: String,
    pub name: String,
    /// Milliseconds since 1970-01-01 UTC.
    pub created: i64,
    pub modified: i64,
    /// Each panel's inputs under its key, as the panel wrote them, in the order they were
    /// first written.
    pub panels: Map<String, Value>,
    /// Set when a newer version wrote the session: it is then written out (exported, shared)
    /// as it was read, never in this version's layout.
    #[serde(skip)]
    pub newer: Option<Newer>,
}

/// A session written by a newer version, as it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct Newer {
    pub version: i64,
    /// The stored value, with every member this version does not know.
    pub stored: Value,
}

/// The members of a stored session, in the order written, around its contents.
#[derive(Serialize)]
struct Envelope<'a, T> {
    format: &'static str,
    version: i64,
    #[serde(flatten)]
    contents: &'a T,
}

/// What a stored text says of its version, read before anything else: the rest of its layout
/// depends on it.
#[derive(Deserialize)]
struct Probe {
    version: i64,
}

/// The members of a file of several sessions after its format and version.
#[derive(Serialize, Deserialize)]
struct Bundle<T> {
    sessions: Vec<T>,
}

/// Why a stored text is not a session this build can use.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ReadError {
    /// Not JSON: where it stops being JSON.
    Json(JsonError),
    /// JSON, but not a session: the member that is missing or of the wrong kind.
    Shape { member: &'static str },
    /// Written by a newer build; the session as far as this build can read it, which the
    /// page shows but never saves over.
    Newer { version: i64, session: Box<Session> },
}

/// Where a text stops being JSON: the line and column (1-based, in characters).
#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub kind: JsonErrorKind,
}

/// What is wrong at a [`JsonError`]'s position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonErrorKind {
    /// The text ends inside a value; the position is just after its last character.
    End,
    /// A character JSON does not allow there.
    Syntax,
}

impl JsonError {
    /// The position of serde_json's `error` in `text`, in characters: serde_json counts the
    /// column in bytes, which Persian or Vietnamese text makes larger than what the user sees.
    fn new(text: &str, error: &serde_json::Error) -> Self {
        if error.is_eof() {
            // Where the text ends, as the editor's cursor would be after its last character.
            let last = text.rsplit('\n').next().unwrap_or("");
            return JsonError {
                line: text.matches('\n').count() + 1,
                column: last.chars().count() + 1,
                kind: JsonErrorKind::End,
            };
        }
        let line = error.line().max(1);
        let text_of_line = text.split('\n').nth(line - 1).unwrap_or("");
        // serde_json's column is the number of the line's bytes up to and including the
        // character at fault: the characters that start within them.
        let column = text_of_line
            .char_indices()
            .take_while(|&(at, _)| at < error.column())
            .count();
        JsonError {
            line,
            column: column.max(1),
            kind: JsonErrorKind::Syntax,
        }
    }
}

impl fmt::Display for JsonError {
    /// Plain English, for logs and tests; the page words these through its string table.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: ", self.line, self.column)?;
        match self.kind {
            JsonErrorKind::End => write!(f, "the text ends too early"),
            JsonErrorKind::Syntax => write!(f, "not JSON"),
        }
    }
}

impl std::error::Error for JsonError {}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Json(e) => write!(f, "{e}"),
            ReadError::Shape { member } => write!(f, "the member {member:?} is missing or wrong"),
            ReadError::Newer { version, .. } => {
                write!(f, "written by a newer version (data version {version})")
            }
        }
    }
}

impl std::error::Error for ReadError {}

impl Session {
    /// A session with no inputs yet.
    pub fn new(id: String, name: String, now: i64) -> Self {
        Session {
            id,
            name,
            created: now,
            modified: now,
            panels: Map::new(),
            newer: None,
        }
    }

    /// The inputs a panel saved, if any.
    pub fn panel(&self, key: &str) -> Option<&Value> {
        self.panels.get(key)
    }

    /// The stored form. A session written by a newer version is given as it was read, less
    /// any panel left out of this one (a share link leaves the imported data out).
    pub fn to_value(&self) -> Value {
        if let Some(newer) = &self.newer {
            let mut stored = newer.stored.clone();
            if let Some(Value::Object(panels)) = stored.get_mut("panels") {
                panels.retain(|key, _| self.panels.contains_key(key));
            }
            return stored;
        }
        let envelope = Envelope {
            format: FORMAT,
            version: VERSION,
            contents: self,
        };
        // Text keys and whole numbers only: nothing here can fail to serialize.
        serde_json::to_value(envelope).expect("a session serializes")
    }

    /// The stored text.
    pub fn to_text(&self) -> String {
        self.to_value().to_string()
    }

    /// The session as this version's own: what a newer version wrote, as far as it was read,
    /// to be saved as a new session (a copy, say).
    pub fn adopt(&mut self) {
        self.newer = None;
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
    from_value(parse(text)?)
}

fn parse(text: &str) -> Result<Value, ReadError> {
    serde_json::from_str(text).map_err(|e| ReadError::Json(JsonError::new(text, &e)))
}

/// A session from its stored form, brought up to date.
fn from_value(value: Value) -> Result<Session, ReadError> {
    let version = match &value {
        Value::Object(_) => Probe::deserialize(&value).ok(),
        _ => None,
    }
    .ok_or(ReadError::Shape { member: "version" })?
    .version;
    // Whatever a newer version's layout, it is that version's to know: never damaged here.
    if version > VERSION {
        return Err(ReadError::Newer {
            version,
            session: Box::new(as_far_as_read(value, version)),
        });
    }
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ReadError::Shape { member: "format" });
    }
    if version < 1 {
        return Err(ReadError::Shape { member: "version" });
    }
    let value = migrate(value, version);
    serde_path_to_error::deserialize(&value).map_err(|e| ReadError::Shape {
        member: member_at_fault(&e),
    })
}

/// The session member a reading error is about: the first member of its path (a member of the
/// wrong kind), or the one serde names as missing.
fn member_at_fault(error: &serde_path_to_error::Error<serde_json::Error>) -> &'static str {
    const MEMBERS: [&str; 5] = ["id", "name", "created", "modified", "panels"];
    let named = match error.path().iter().next() {
        Some(serde_path_to_error::Segment::Map { key }) => Some(key.clone()),
        _ => error
            .inner()
            .to_string()
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
            .map(str::to_string),
    };
    named
        .and_then(|name| MEMBERS.into_iter().find(|m| *m == name))
        .unwrap_or("session")
}

/// What a newer version's session holds that this version can show: each member of a kind it
/// knows, the rest left empty.
fn as_far_as_read(stored: Value, version: i64) -> Session {
    let text = |member: &str| {
        stored
            .get(member)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let time = |member: &str| stored.get(member).and_then(Value::as_i64).unwrap_or(0);
    Session {
        id: text("id"),
        name: text("name"),
        created: time("created"),
        modified: time("modified"),
        panels: stored
            .get("panels")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default(),
        newer: Some(Newer { version, stored }),
    }
}

/// Brings a session of an older `version` to [`VERSION`], one version at a time. Version 1
/// is the first, so there is nothing to migrate yet; version 2's migration goes here, as
/// `if version < 2 { ... }`, with a test that reads a version 1 text.
fn migrate(value: Value, version: i64) -> Value {
    let _ = version;
    value
}

/// Why a session file could not be imported.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum FileError {
    /// The file is not a session (or the session at `index`, 1-based, of a file of several).
    Session {
        index: Option<usize>,
        error: ReadError,
    },
    /// A file of several sessions that holds none.
    Empty,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Session { index: None, error } => write!(f, "{error}"),
            FileError::Session {
                index: Some(i),
                error,
            } => write!(f, "session {i}: {error}"),
            FileError::Empty => write!(f, "no sessions"),
        }
    }
}

impl std::error::Error for FileError {}

/// The text of a file holding every session in `sessions` (those of a newer version as they
/// were read).
pub fn bundle(sessions: &[Session]) -> String {
    let envelope = Envelope {
        format: BUNDLE,
        version: VERSION,
        contents: &Bundle {
            sessions: sessions.iter().map(Session::to_value).collect(),
        },
    };
    serde_json::to_value(envelope)
        .expect("sessions serialize")
        .to_string()
}

/// Reads a session file: one session, or a file of several. A session written by a newer
/// version is refused, since this version cannot know what it would leave out.
pub fn read_file(text: &str) -> Result<Vec<Session>, FileError> {
    let one = |index, value: Value| {
        from_value(value).map_err(|error| FileError::Session { index, error })
    };
    let value = parse(text).map_err(|error| FileError::Session { index: None, error })?;
    if value.get("format").and_then(Value::as_str) != Some(BUNDLE) {
        return one(None, value).map(|s| vec![s]);
    }
    let list = Bundle::<Value>::deserialize(value)
        .map_err(|_| FileError::Session {
            index: None,
            error: ReadError::Shape { member: "sessions" },
        })?
        .sessions;
    if list.is_empty() {
        return Err(FileError::Empty);
    }
    list.into_iter()
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

#[cfg(test)]
mod tests;
