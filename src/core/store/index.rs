//! The index of stored sessions: each one's id, name, times and whether a newer version wrote
//! it, under one key, so that the list is read without reading a single session.
//!
//! The index holds nothing that is not also in the sessions themselves: one that is missing,
//! damaged or of another version is simply built again from them, and one that cannot be
//! written is removed rather than left behind out of step.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Summary;

/// What the stored index says it is.
const FORMAT: &str = "retention-lab-index";
/// The layout of the stored index this build writes and reads.
const VERSION: i64 = 1;

/// The stored index.
#[derive(Serialize, Deserialize)]
struct Stored {
    format: String,
    version: i64,
    sessions: Vec<Entry>,
}

/// One session in the stored index, as a short array: `[id, name, created, modified, newer]`.
/// Ten thousand sessions make about half a megabyte of it.
#[derive(Serialize, Deserialize)]
struct Entry(String, String, i64, i64, bool);

/// The sessions of the index, by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Index {
    pub(super) by_id: BTreeMap<String, Summary>,
}

impl Index {
    /// The index a stored text holds; `None` when it is damaged or not this build's layout.
    pub(super) fn read(text: &str) -> Option<Index> {
        let stored: Stored = serde_json::from_str(text).ok()?;
        if stored.format != FORMAT || stored.version != VERSION {
            return None;
        }
        let by_id = stored
            .sessions
            .into_iter()
            .map(|Entry(id, name, created, modified, newer)| {
                let summary = Summary {
                    id: id.clone(),
                    name,
                    created,
                    modified,
                    newer,
                };
                (id, summary)
            })
            .collect();
        Some(Index { by_id })
    }

    /// The stored text.
    pub(super) fn to_text(&self) -> String {
        let stored = Stored {
            format: FORMAT.to_string(),
            version: VERSION,
            sessions: self
                .by_id
                .values()
                .map(|s| Entry(s.id.clone(), s.name.clone(), s.created, s.modified, s.newer))
                .collect(),
        };
        // Texts and whole numbers only: nothing here can fail to serialize.
        serde_json::to_string(&stored).expect("an index serializes")
    }

    /// The sessions, last changed first (and by id where two were changed at once).
    pub(super) fn listed(&self) -> Vec<Summary> {
        let mut list: Vec<Summary> = self.by_id.values().cloned().collect();
        list.sort_by(|a, b| b.modified.cmp(&a.modified).then_with(|| a.id.cmp(&b.id)));
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: &str, name: &str, modified: i64, newer: bool) -> Summary {
        Summary {
            id: id.into(),
            name: name.into(),
            created: 1,
            modified,
            newer,
        }
    }

    #[test]
    fn reads_back_what_it_writes_and_lists_last_changed_first() {
        let mut index = Index::default();
        for s in [
            summary("a", "Q3 \"review\", ریزش", 5, false),
            summary("b", "Kế hoạch", 9, true),
            summary("c", "Tie", 5, false),
        ] {
            index.by_id.insert(s.id.clone(), s);
        }
        let text = index.to_text();
        assert!(
            text.starts_with(r#"{"format":"retention-lab-index","version":1,"sessions":[["a","#)
        );
        let read = Index::read(&text).expect("reads");
        assert_eq!(read, index);
        let ids: Vec<_> = read.listed().into_iter().map(|s| s.id).collect();
        assert_eq!(ids, ["b", "a", "c"]);
    }

    #[test]
    fn a_damaged_or_foreign_index_is_not_read() {
        for text in [
            "",
            "not json",
            r#"{"format":"retention-lab-index","version":1,"sessions":[["a","x",1]]}"#,
            r#"{"format":"retention-lab-index","version":2,"sessions":[]}"#,
            r#"{"format":"something-else","version":1,"sessions":[]}"#,
            r#"{"format":"retention-lab-index","version":1,"sessions":[["a","x",1,2,false]"#,
        ] {
            assert_eq!(Index::read(text), None, "{text}");
        }
    }
}
