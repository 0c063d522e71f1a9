//! The index of stored sessions: each one's id, name, times and whether a newer version wrote
//! it, under one key, so that the list is read without reading a single session.
//!
//! The index holds nothing that is not also in the sessions themselves: one that is missing,
//! damaged or of another version is simply built again from them, and one that cannot be
//! written is removed rather than left behind out of step.

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

/// The sessions of the index, as the list shows them: last changed first, and by id where two
/// were changed at once. A plain list rather than a map by id, which would cost the page more
/// code than the few microseconds a search of ten thousand takes.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Index {
    listed: Vec<Summary>,
}

/// Whether `a` comes before `b` in the list.
fn before(a: &Summary, b: &Summary) -> bool {
    a.modified > b.modified || (a.modified == b.modified && a.id < b.id)
}

impl Index {
    /// An index of `sessions`, in any order.
    pub(super) fn of(sessions: Vec<Summary>) -> Index {
        let mut index = Index { listed: sessions };
        if !index.listed.is_sorted_by(before) {
            index
                .listed
                .sort_by(|a, b| b.modified.cmp(&a.modified).then_with(|| a.id.cmp(&b.id)));
        }
        index
    }

    /// The index a stored text holds; `None` when it is damaged or not this build's layout.
    pub(super) fn read(text: &str) -> Option<Index> {
        let stored: Stored = serde_json::from_str(text).ok()?;
        if stored.format != FORMAT || stored.version != VERSION {
            return None;
        }
        let sessions = stored
            .sessions
            .into_iter()
            .map(|Entry(id, name, created, modified, newer)| Summary {
                id,
                name,
                created,
                modified,
                newer,
            })
            .collect();
        Some(Index::of(sessions))
    }

    /// The stored text.
    pub(super) fn to_text(&self) -> String {
        let stored = Stored {
            format: FORMAT.to_string(),
            version: VERSION,
            sessions: self
                .listed
                .iter()
                .map(|s| Entry(s.id.clone(), s.name.clone(), s.created, s.modified, s.newer))
                .collect(),
        };
        // Texts and whole numbers only: nothing here can fail to serialize.
        serde_json::to_string(&stored).expect("an index serializes")
    }

    /// How many sessions it holds.
    pub(super) fn len(&self) -> usize {
        self.listed.len()
    }

    /// The sessions' ids, in the list's order.
    pub(super) fn ids(&self) -> impl Iterator<Item = &str> {
        self.listed.iter().map(|s| s.id.as_str())
    }

    /// Puts `session` in its place, in place of what the index held for its id.
    pub(super) fn insert(&mut self, session: Summary) {
        self.remove(&session.id);
        let at = self.listed.partition_point(|s| before(s, &session));
        self.listed.insert(at, session);
    }

    /// Takes session `id` out.
    pub(super) fn remove(&mut self, id: &str) {
        if let Some(at) = self.listed.iter().position(|s| s.id == id) {
            self.listed.remove(at);
        }
    }

    /// Keeps only the sessions `keep` says to.
    pub(super) fn retain(&mut self, keep: impl FnMut(&Summary) -> bool) {
        self.listed.retain(keep);
    }

    /// Adds `sessions`, none of which it holds.
    pub(super) fn extend(&mut self, sessions: Vec<Summary>) {
        let mut all = std::mem::take(&mut self.listed);
        all.extend(sessions);
        *self = Index::of(all);
    }

    /// The sessions, as the list shows them.
    pub(super) fn listed(&self) -> Vec<Summary> {
        self.listed.clone()
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
            summary("c", "Tie", 5, false),
            summary("b", "Kế hoạch", 9, true),
            summary("a", "Q3 \"review\", ریزش", 5, false),
        ] {
            index.insert(s);
        }
        assert_eq!(index.len(), 3, "one entry an id");
        let text = index.to_text();
        assert!(
            text.starts_with(r#"{"format":"retention-lab-index","version":1,"sessions":[["b","#)
        );
        let read = Index::read(&text).expect("reads");
        assert_eq!(read, index);
        let ids: Vec<_> = read.ids().collect();
        assert_eq!(ids, ["b", "a", "c"]);
        // Changed later, it comes first; a stored list out of order is put in order.
        index.insert(summary("c", "Tie", 10, false));
        assert_eq!(index.ids().collect::<Vec<_>>(), ["c", "b", "a"]);
        let shuffled = Index::of(vec![
            summary("x", "", 1, false),
            summary("y", "", 3, false),
            summary("z", "", 2, false),
        ]);
        assert_eq!(shuffled.ids().collect::<Vec<_>>(), ["y", "z", "x"]);
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
