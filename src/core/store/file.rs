//! A session file read a few sessions at a time, so that the page can import a file of ten
//! thousand and still answer in between (see [`crate::core::session::read_file`], whose
//! results and errors this gives exactly).

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::core::session::{self, FileError, Session};

/// What a file of several sessions says it is.
const BUNDLE: &str = "retention-lab-sessions";

/// The outside of a file of several sessions: its format, and each session's text as it
/// stands in the file, checked as JSON but not yet read.
#[derive(Deserialize)]
struct Outline<'t> {
    format: Option<String>,
    #[serde(borrow)]
    sessions: Option<Vec<&'t RawValue>>,
}

/// A session file being read.
pub struct SessionFile<'t> {
    pieces: Pieces<'t>,
    read: Vec<Session>,
}

enum Pieces<'t> {
    /// A file of several sessions: each one's text.
    Listed(Vec<&'t RawValue>),
    /// One session, or a file that is not one of several: read in one step, as
    /// [`session::read_file`] reads it (and words what is wrong with it).
    Whole(&'t str),
}

impl<'t> SessionFile<'t> {
    /// Looks over `text`: one pass that checks the JSON and finds where each session of a
    /// file of several starts and ends, without reading any.
    pub fn new(text: &'t str) -> Result<Self, FileError> {
        let pieces = match serde_json::from_str::<Outline<'t>>(text) {
            Ok(Outline {
                format: Some(format),
                sessions: Some(list),
            }) if format == BUNDLE => {
                if list.is_empty() {
                    return Err(FileError::Empty);
                }
                Pieces::Listed(list)
            }
            _ => Pieces::Whole(text),
        };
        Ok(SessionFile {
            pieces,
            read: Vec::new(),
        })
    }

    /// How many sessions the file holds.
    pub fn len(&self) -> usize {
        match &self.pieces {
            Pieces::Listed(list) => list.len(),
            Pieces::Whole(_) => self.read.len().max(1),
        }
    }

    /// Whether the file holds no session (never, once [`new`](Self::new) took it).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many sessions have been read.
    pub fn done(&self) -> usize {
        self.read.len()
    }

    /// Reads up to `n` more sessions, stopping at the first that is not one.
    pub fn read(&mut self, n: usize) -> Result<(), FileError> {
        match &self.pieces {
            Pieces::Whole(text) => {
                if self.read.is_empty() {
                    self.read = session::read_file(text)?;
                }
            }
            Pieces::Listed(list) => {
                let from = self.read.len();
                for (i, piece) in list.iter().enumerate().skip(from).take(n) {
                    let s = session::read(piece.get()).map_err(|error| FileError::Session {
                        index: Some(i + 1),
                        error,
                    })?;
                    self.read.push(s);
                }
            }
        }
        Ok(())
    }

    /// Whether every session has been read.
    pub fn finished(&self) -> bool {
        self.done() == self.len()
    }

    /// The sessions read.
    pub fn into_sessions(self) -> Vec<Session> {
        self.read
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::{bundle, read_file, ReadError};
    use serde_json::json;

    fn sessions(n: usize) -> Vec<Session> {
        (0..n)
            .map(|i| {
                let mut s = Session::new(format!("s{i}"), format!("Lesson {i}"), i as i64);
                s.panels
                    .insert("ror".into(), json!({ "total": format!("{i},000") }));
                s
            })
            .collect()
    }

    /// Reads `text` `step` sessions at a time, as the page does, counting the steps.
    fn in_steps(text: &str, step: usize) -> (Result<Vec<Session>, FileError>, usize) {
        let mut file = match SessionFile::new(text) {
            Ok(f) => f,
            Err(e) => return (Err(e), 0),
        };
        let mut steps = 0;
        while !file.finished() {
            steps += 1;
            if let Err(e) = file.read(step) {
                return (Err(e), steps);
            }
        }
        (Ok(file.into_sessions()), steps)
    }

    #[test]
    fn a_file_of_many_is_read_in_steps_exactly_as_at_once() {
        let text = bundle(&sessions(25));
        let (read, steps) = in_steps(&text, 10);
        assert_eq!(read, read_file(&text));
        assert_eq!(read.map(|s| s.len()), Ok(25));
        assert_eq!(steps, 3, "10, 10 and 5");
    }

    #[test]
    fn every_other_file_gives_what_reading_it_at_once_gives() {
        let one = sessions(1).remove(0).to_text();
        let mut bad_third =
            serde_json::from_str::<serde_json::Value>(&bundle(&sessions(5))).expect("json");
        bad_third["sessions"][2]["created"] = json!("yesterday");
        let bad_third = bad_third.to_string();
        for text in [
            one.as_str(),
            r#"{"format":"retention-lab-sessions","version":1,"sessions":[]}"#,
            r#"{"format":"retention-lab-sessions","version":1}"#,
            r#"{"format":"retention-lab-sessions","version":1,"sessions":{}}"#,
            "{\n  \"format\": \"retention-lab-session\",\n  \"version\": 1,\n  \"name\": tru",
            "[1, 2]",
            r#"{"format":5}"#,
            bad_third.as_str(),
        ] {
            assert_eq!(in_steps(text, 2).0, read_file(text), "{text}");
        }
        assert_eq!(
            in_steps(&bad_third, 2).0,
            Err(FileError::Session {
                index: Some(3),
                error: ReadError::Shape { member: "created" }
            })
        );
    }
}
