use super::*;
use crate::core::store::{KeyValue, Memory};
use serde_json::json;

/// A session `id` named `name`, with a total typed in the ROR panel.
fn session(id: &str, name: &str, total: &str) -> Session {
    let mut s = Session::new(id.into(), name.into(), 100);
    s.panels.insert("ror".into(), json!({ "total": total }));
    s
}

fn total(s: &Session) -> Option<&str> {
    s.panel("ror")?.get("total")?.as_str()
}

fn current(loaded: Option<Loaded>) -> Session {
    match loaded {
        Some(Loaded::Current(s)) => s,
        other => panic!("{other:?}"),
    }
}

#[test]
fn saves_lists_loads_and_deletes() {
    let memory = Memory::new();
    let mut store = SessionStore::new(memory.clone());
    let mut a = session("a", "Q3 review", "12,345");
    store.save(&mut a, 200, || unreachable!()).expect("saved");
    assert_eq!(a.modified, 200);
    let mut b = session("b", "2025 plan", "99,999");
    store.watch("b");
    store.save(&mut b, 300, || unreachable!()).expect("saved");
    assert_eq!(store.open_id().as_deref(), Some("b"));
    assert_eq!(memory.get("retention-lab.open"), Ok(Some("b".into())));
    assert_eq!(memory.get("retention-lab.session.a"), Ok(Some(a.to_text())));

    let (list, damaged) = store.list(400);
    assert_eq!(damaged, None);
    let names: Vec<_> = list.iter().map(|s| (s.name.as_str(), s.modified)).collect();
    assert_eq!(
        names,
        [("2025 plan", 300), ("Q3 review", 200)],
        "last changed first"
    );
    assert_eq!(current(store.load("a", 400)), a);
    assert_eq!(store.load("c", 400), None);

    let removed = store.delete("a").expect("was stored");
    assert_eq!(removed.name, "Q3 review");
    assert_eq!(store.ids(), ["b"]);
    store.restore("a", &removed.text).expect("room");
    assert_eq!(current(store.load("a", 400)), a);
}

#[test]
fn damaged_data_is_kept_aside_byte_for_byte() {
    let memory = Memory::new();
    let damaged = "{\"format\":\"retention-lab-session\",\"version\":1,\"panels\":{\"ror\":{\"total\":\"5 ریزش\u{0}";
    memory
        .set("retention-lab.session.old", damaged)
        .expect("room");
    let store = SessionStore::new(memory.clone());
    match store.load("old", 1234) {
        Some(Loaded::Damaged(d)) => {
            assert_eq!(d.key, "retention-lab.quarantine.old.1234");
            assert_eq!(d.text, damaged);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        memory.get("retention-lab.quarantine.old.1234"),
        Ok(Some(damaged.into()))
    );
    assert_eq!(memory.get("retention-lab.session.old"), Ok(None));
    assert_eq!(store.list(2000), (vec![], None));
    // Not JSON, or JSON but no session: both kept aside, and the list says so.
    memory
        .set("retention-lab.session.bad", r#"{"version":1}"#)
        .expect("room");
    let (list, found) = store.list(3000);
    assert!(list.is_empty());
    assert_eq!(
        found.map(|d| (d.key, d.text)),
        Some((
            "retention-lab.quarantine.bad.3000".into(),
            r#"{"version":1}"#.into()
        ))
    );
}

#[test]
fn damaged_data_stays_where_it_is_when_there_is_no_room_for_the_copy() {
    let memory = Memory::with_quota(80);
    memory
        .set("retention-lab.session.old", "not json at all")
        .expect("room");
    let store = SessionStore::new(memory.clone());
    match store.load("old", 1) {
        Some(Loaded::Damaged(d)) => assert_eq!(d.key, "retention-lab.session.old"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        memory.get("retention-lab.session.old"),
        Ok(Some("not json at all".into()))
    );
}

#[test]
fn a_newer_session_is_read_only_and_never_quarantined() {
    let memory = Memory::new();
    // A layout this version does not know: panels as a list, members it has never heard of.
    let text = r#"{"format":"retention-lab-session","version":99,"name":"From the future","created":1,"modified":2,"panels":[{"ror":{"total":"50,000"}}],"more":{}}"#;
    memory
        .set("retention-lab.session.future", text)
        .expect("room");
    let mut store = SessionStore::new(memory.clone());
    let mut s = match store.load("future", 5) {
        Some(Loaded::Newer { version, session }) => {
            assert_eq!(version, 99);
            session
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(s.id, "future", "the key's id where the session has none");
    assert_eq!(s.name, "From the future");
    let (list, damaged) = store.list(6);
    assert_eq!(damaged, None);
    assert!(list[0].newer);
    store.watch("future");
    assert_eq!(store.save(&mut s, 7, || true), Err(SaveError::ReadOnly));
    assert_eq!(
        memory.get("retention-lab.session.future"),
        Ok(Some(text.into()))
    );
    assert_eq!(memory.keys().map(|k| k.len()), Ok(1), "nothing quarantined");
    // Exported with the others, exactly as stored.
    let all = store.all_but("other");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].to_text(), text);
}

#[test]
fn storage_full_or_refused_is_an_error_and_loses_nothing_stored() {
    let memory = Memory::with_quota(400);
    let mut store = SessionStore::new(memory.clone());
    let mut a = session("a", "Small", "1");
    store.save(&mut a, 10, || true).expect("room");
    let before = memory.get("retention-lab.session.a");
    let mut big = a.clone();
    big.panels
        .insert("funnel".into(), json!([{ "name": "x".repeat(400) }]));
    assert_eq!(
        store.save(&mut big, 20, || true),
        Err(SaveError::Storage(StorageError::Full))
    );
    assert_eq!(big.modified, 10, "not written, so not changed");
    assert_eq!(memory.get("retention-lab.session.a"), before);
    // The smaller change saves: the store did not take the failed text as known.
    a.panels.insert("winback".into(), json!({ "dormant": "5" }));
    store.save(&mut a, 30, || unreachable!()).expect("room");

    memory.refuse(true);
    assert_eq!(
        store.save(&mut a, 40, || true),
        Err(SaveError::Storage(StorageError::Refused))
    );
    assert_eq!(store.ids(), Vec::<String>::new());
    assert_eq!(store.open_id(), None);
    assert_eq!(store.load("a", 50), None);
    memory.refuse(false);
    assert_eq!(current(store.load("a", 60)).modified, 30);

    // An import stores what fits and says why the rest did not.
    let imported = vec![session("x", "One", "1"), big];
    let mut n = 0;
    let (ids, error) = store.import(imported, || {
        n += 1;
        format!("new{n}")
    });
    assert_eq!(ids, ["new1"]);
    assert_eq!(error, Some(StorageError::Full));
}

#[test]
fn two_tabs_never_lose_what_was_typed() {
    let shared = Memory::new();
    let mut first = SessionStore::new(shared.clone());
    let mut second = SessionStore::new(shared.clone());

    let mut mine = session("s", "Plan", "11,111");
    first.watch("s");
    first.save(&mut mine, 1, || unreachable!()).expect("saved");

    // The second tab opens the same session and saves a change.
    let mut theirs = current(second.load("s", 2));
    second.watch("s");
    theirs
        .panels
        .insert("ror".into(), json!({ "total": "22,222" }));
    second
        .save(&mut theirs, 3, || unreachable!("nothing changed elsewhere"))
        .expect("saved");

    // The first tab changes something else: it is asked, and refusing keeps both versions.
    mine.panels
        .insert("winback".into(), json!({ "dormant": "3,333" }));
    let mut asked = 0;
    assert_eq!(
        first.save(&mut mine, 4, || {
            asked += 1;
            false
        }),
        Err(SaveError::ChangedElsewhere)
    );
    assert_eq!(asked, 1);
    assert_eq!(total(&current(first.load("s", 5))), Some("22,222"));
    assert_eq!(
        total(&mine),
        Some("11,111"),
        "this tab's inputs are untouched"
    );

    // Asked again on the next change, and this time saved over.
    assert_eq!(
        first.save(&mut mine, 6, || {
            asked += 1;
            true
        }),
        Ok(())
    );
    assert_eq!(asked, 2);
    assert_eq!(total(&current(second.load("s", 7))), Some("11,111"));
    // Then this tab writes freely; the other tab is the one asked.
    first.save(&mut mine, 8, || unreachable!()).expect("saved");
    assert_eq!(
        second.save(&mut theirs, 9, || false),
        Err(SaveError::ChangedElsewhere)
    );

    // A session the other tab adds is in this tab's list.
    let mut new = session("t", "From the other tab", "1");
    second.watch("t");
    second.save(&mut new, 10, || unreachable!()).expect("saved");
    let (list, _) = first.list(11);
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].name, "From the other tab");
}

/// A half-finished save: the session is written but the open-session pointer is refused
/// (no room left for it). The next save compares with what this page last wrote, so it asks
/// nothing about another tab, and the storage error is reported as it is.
#[test]
fn a_half_finished_save_raises_no_question_about_another_tab() {
    let mut probe = session("a", "Lesson", "1");
    probe.modified = 200;
    let room = "retention-lab.session.a".chars().count() + probe.to_text().chars().count();
    let memory = Memory::with_quota(room);
    let mut store = SessionStore::new(memory.clone());
    let mut a = session("a", "Lesson", "1");
    let asked = || panic!("no other tab wrote this session");
    assert_eq!(
        store.save(&mut a, 200, asked),
        Err(SaveError::Storage(StorageError::Full))
    );
    assert_eq!(memory.get("retention-lab.session.a"), Ok(Some(a.to_text())));
    assert_eq!(memory.get("retention-lab.open"), Ok(None));
    // Changed and saved again (the same length, so it still fits): no question, the same
    // error, and the new text stored.
    a.panels.insert("ror".into(), json!({ "total": "2" }));
    assert_eq!(
        store.save(&mut a, 300, asked),
        Err(SaveError::Storage(StorageError::Full))
    );
    assert_eq!(total(&current(store.load("a", 400))), Some("2"));
}
