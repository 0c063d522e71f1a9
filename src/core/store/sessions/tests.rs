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

/// Two tabs over one storage: the first saved session `s` (ROR total `total`) and the
/// second opened it.
struct TwoTabs {
    shared: Memory,
    first: SessionStore<Memory>,
    second: SessionStore<Memory>,
    mine: Session,
    theirs: Session,
}

fn two_tabs(total: &str) -> TwoTabs {
    let shared = Memory::new();
    let mut first = SessionStore::new(shared.clone());
    let mut second = SessionStore::new(shared.clone());
    let mut mine = session("s", "Plan", total);
    first.watch("s");
    first.save(&mut mine, 1, || unreachable!()).expect("saved");
    let theirs = current(second.load("s", 2));
    second.watch("s");
    TwoTabs {
        shared,
        first,
        second,
        mine,
        theirs,
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
    assert_eq!(damaged, vec![]);
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
    assert_eq!(store.list(2000), (vec![], vec![]));
    // Not JSON, or JSON but no session: both kept aside, and the list says so.
    memory
        .set("retention-lab.session.bad", r#"{"version":1}"#)
        .expect("room");
    let (list, found) = store.list(3000);
    assert!(list.is_empty());
    let found: Vec<_> = found.into_iter().map(|d| (d.key, d.text)).collect();
    assert_eq!(
        found,
        [(
            "retention-lab.quarantine.bad.3000".to_string(),
            r#"{"version":1}"#.to_string()
        )]
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
    assert_eq!(damaged, vec![]);
    assert!(list[0].newer);
    store.watch("future");
    assert_eq!(store.save(&mut s, 7, || true), Err(SaveError::ReadOnly));
    assert_eq!(
        memory.get("retention-lab.session.future"),
        Ok(Some(text.into()))
    );
    assert_eq!(
        memory.keys(),
        Ok(vec![
            INDEX_KEY.into(),
            "retention-lab.session.future".into()
        ]),
        "nothing quarantined"
    );
    // Exported with the others, exactly as stored.
    let all = store.all_but("other");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].to_text(), text);
}

#[test]
fn item_12_storage_full_or_refused_is_an_error_with_its_real_reason_and_loses_nothing_stored() {
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
fn item_12_a_half_finished_save_raises_no_question_about_another_tab() {
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

/// Storage full: the open session's changes are put aside when another session is opened,
/// and written once there is room, but only over the text they were read from.
#[test]
fn item_11_a_session_put_aside_is_written_later_only_over_what_it_was_read_from() {
    let memory = Memory::with_quota(2000);
    memory.set("filler", &"f".repeat(1200)).expect("room");
    let mut store = SessionStore::new(memory.clone());
    let mut a = session("a", "Lesson", "1");
    store.watch("a");
    store.save(&mut a, 10, || unreachable!()).expect("room");
    let stored_a = memory.get("retention-lab.session.a").expect("readable");
    a.panels
        .insert("funnel".into(), json!([{ "name": "x".repeat(600) }]));
    assert_eq!(
        store.save(&mut a, 20, || true),
        Err(SaveError::Storage(StorageError::Full))
    );
    let mut aside = store.set_aside(&a);
    assert_eq!(aside.base, stored_a, "what it was read from");
    assert_eq!(store.write_aside(&mut aside, 25), Err(StorageError::Full));

    // Another session opens; a is still only in memory.
    store.watch("b");
    assert_eq!(current(store.load("a", 30)).panels.get("funnel"), None);
    // Room again: written, and known as written.
    memory.remove("filler").expect("removes");
    assert_eq!(store.write_aside(&mut aside, 35), Ok(true));
    assert_eq!(aside.session.modified, 35);
    let written = current(store.load("a", 40));
    assert_eq!(written, aside.session);
    assert_eq!(aside.base, Some(written.to_text()));

    // Another tab wrote it since: it stays aside, and storage keeps that tab's version.
    let mut aside = SetAside {
        session: session("a", "Lesson", "3"),
        base: stored_a.clone(),
    };
    assert_eq!(store.write_aside(&mut aside, 45), Ok(false));
    assert_eq!(current(store.load("a", 50)), written);
    // Opened again, it goes on from what it was read from, so saving it asks.
    store.resume(aside.base.clone());
    let mut asked = false;
    assert_eq!(
        store.save(&mut aside.session, 60, || {
            asked = true;
            false
        }),
        Err(SaveError::ChangedElsewhere)
    );
    assert!(asked);
    // A session never stored is written where nothing is.
    let mut fresh = SetAside {
        session: session("n", "New", "5"),
        base: None,
    };
    assert_eq!(store.write_aside(&mut fresh, 65), Ok(true));
    assert_eq!(total(&current(store.load("n", 70))), Some("5"));
}

/// Undo of a delete: another tab wrote the session after it was deleted here, so the undo
/// asks before writing over it, as a save does.
#[test]
fn item_13_undoing_a_delete_asks_before_writing_over_a_later_write() {
    let TwoTabs {
        first,
        mut second,
        mut theirs,
        ..
    } = two_tabs("11,111");

    // Deleted here and put back before anyone wrote it: nothing to ask.
    let removed = first.delete("s").expect("stored");
    first
        .restore_asking("s", &removed.text, || unreachable!("nobody wrote it"))
        .expect("restored");

    // Deleted, then the other tab saves a change: undo asks, and refusing keeps theirs.
    let removed = first.delete("s").expect("stored");
    theirs
        .panels
        .insert("ror".into(), json!({ "total": "22,222" }));
    second
        .save(&mut theirs, 3, || unreachable!())
        .expect("saved");
    let mut asked = 0;
    assert_eq!(
        first.restore_asking("s", &removed.text, || {
            asked += 1;
            false
        }),
        Err(SaveError::ChangedElsewhere)
    );
    assert_eq!(total(&current(first.load("s", 4))), Some("22,222"));
    // Accepted, the deleted version is back.
    first
        .restore_asking("s", &removed.text, || {
            asked += 1;
            true
        })
        .expect("restored");
    assert_eq!(asked, 2);
    assert_eq!(total(&current(first.load("s", 5))), Some("11,111"));
}

/// Every damaged session the list comes across is reported, not only the last.
#[test]
fn item_16_every_damaged_session_in_the_list_is_reported() {
    let memory = Memory::new();
    memory
        .set("retention-lab.session.x", "not json")
        .expect("room");
    memory
        .set("retention-lab.session.y", r#"{"version":1}"#)
        .expect("room");
    let mut ok = session("z", "Fine", "1");
    let mut store = SessionStore::new(memory.clone());
    store.watch("z");
    store.save(&mut ok, 5, || unreachable!()).expect("room");
    let (list, damaged) = store.list(9);
    assert_eq!(list.len(), 1);
    let mut keys: Vec<_> = damaged.iter().map(|d| d.key.as_str()).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "retention-lab.quarantine.x.9",
            "retention-lab.quarantine.y.9"
        ]
    );
    let mut texts: Vec<_> = damaged.iter().map(|d| d.text.as_str()).collect();
    texts.sort();
    assert_eq!(texts, ["not json", r#"{"version":1}"#]);
}

/// After the user kept the other tab's version, later pauses ask nothing and write
/// nothing, until that tab writes again.
#[test]
fn item_17_after_keeping_the_other_tabs_version_nothing_is_asked_until_it_writes_again() {
    let TwoTabs {
        mut first,
        mut second,
        mut mine,
        mut theirs,
        ..
    } = two_tabs("11,111");
    theirs
        .panels
        .insert("ror".into(), json!({ "total": "22,222" }));
    second
        .save(&mut theirs, 3, || unreachable!())
        .expect("saved");
    mine.panels
        .insert("winback".into(), json!({ "dormant": "3" }));
    assert_eq!(
        first.save(&mut mine, 4, || false),
        Err(SaveError::ChangedElsewhere)
    );
    let kept = first.text("s");

    // Pauses after that: nothing asked, nothing written.
    for now in 5..8 {
        assert_eq!(
            first.save_after_keeping(&mut mine, now, kept.as_deref(), || unreachable!()),
            Err(SaveError::ChangedElsewhere)
        );
    }
    assert_eq!(first.text("s"), kept);
    // The other tab writes again: asked once more.
    theirs
        .panels
        .insert("ror".into(), json!({ "total": "33,333" }));
    second
        .save(&mut theirs, 9, || unreachable!())
        .expect("saved");
    let mut asked = false;
    first
        .save_after_keeping(&mut mine, 10, kept.as_deref(), || {
            asked = true;
            true
        })
        .expect("saved over");
    assert!(asked);
    assert_eq!(total(&current(second.load("s", 11))), Some("11,111"));
}

/// Another tab renames the open session: the name here follows, and when the inputs are the
/// same the next save here asks nothing; a rename made here is never replaced.
#[test]
fn item_17_a_rename_in_another_tab_is_taken_in() {
    let TwoTabs {
        shared,
        mut first,
        mut second,
        mut mine,
        mut theirs,
    } = two_tabs("1");
    assert_eq!(first.other_tab_wrote(&mut mine, true), Elsewhere::Nothing);
    theirs.name = "Plan B".into();
    second
        .save(&mut theirs, 3, || unreachable!())
        .expect("saved");

    assert_eq!(
        first.other_tab_wrote(&mut mine, true),
        Elsewhere::Renamed {
            name: "Plan B".into(),
            known: true
        }
    );
    assert_eq!(mine.name, "Plan B");
    assert_eq!(first.known(), second.text("s").as_deref());
    mine.panels
        .insert("winback".into(), json!({ "dormant": "2" }));
    first
        .save(&mut mine, 4, || unreachable!("the rename was taken in"))
        .expect("saved");

    // Renamed there while this page has other inputs: the name follows, the question stays.
    let mut theirs = current(second.load("s", 5));
    second.watch("s");
    theirs.name = "Plan C".into();
    theirs.panels.insert("ror".into(), json!({ "total": "9" }));
    second
        .save(&mut theirs, 6, || unreachable!())
        .expect("saved");
    assert_eq!(
        first.other_tab_wrote(&mut mine, true),
        Elsewhere::Inputs {
            name: Some("Plan C".into())
        }
    );
    assert_eq!(mine.name, "Plan C");
    assert_eq!(total(&mine), Some("1"), "this page's inputs stay");

    // Renamed here first: that name stays.
    let mut third = SessionStore::new(shared.clone());
    let mut here = current(third.load("s", 7));
    third.watch("s");
    here.name = "Mine".into();
    let mut theirs = current(second.load("s", 8));
    second.watch("s");
    theirs.name = "Theirs".into();
    second
        .save(&mut theirs, 9, || unreachable!())
        .expect("saved");
    assert_eq!(third.other_tab_wrote(&mut here, false), Elsewhere::Nothing);
    assert_eq!(here.name, "Mine");
}

/// Storage that counts how often a session's stored text is read: the list must come from
/// the index, not from the sessions.
#[derive(Clone, Default)]
struct Counting {
    memory: Memory,
    bodies: std::rc::Rc<std::cell::Cell<usize>>,
}

impl Counting {
    fn over(memory: &Memory) -> Self {
        Counting {
            memory: memory.clone(),
            bodies: Default::default(),
        }
    }

    fn taken(&self) -> usize {
        self.bodies.replace(0)
    }
}

impl KeyValue for Counting {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        if key.starts_with(SESSION_PREFIX) {
            self.bodies.set(self.bodies.get() + 1);
        }
        self.memory.get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.memory.set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.memory.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.memory.keys()
    }
}

/// The list as every stored session says, read from the sessions themselves (a copy of the
/// storage without its index), with nothing kept aside in the copy mattering here.
fn truth(memory: &Memory) -> Vec<Summary> {
    let copy = Memory::new();
    for key in memory.keys().expect("keys") {
        if key != INDEX_KEY {
            let value = memory.get(&key).expect("reads").expect("held");
            copy.set(&key, &value).expect("room");
        }
    }
    SessionStore::new(copy).list(0).0
}

/// The list a fresh page gets, and how many sessions it read for it.
fn listed_fresh(memory: &Memory) -> (Vec<Summary>, usize) {
    let counting = Counting::over(memory);
    let store = SessionStore::new(counting.clone());
    let (list, _) = store.list(0);
    (list, counting.taken())
}

/// `n` sessions written as an older build wrote them: no index.
fn stored_without_index(n: usize) -> Memory {
    let memory = Memory::new();
    for i in 0..n {
        let mut s = session(&format!("s{i:03}"), &format!("Lesson {i}"), "1");
        s.modified = 1000 + i as i64;
        memory
            .set(&format!("{SESSION_PREFIX}{}", s.id), &s.to_text())
            .expect("room");
    }
    memory
}

#[test]
fn item_15_the_list_reads_no_session_once_the_index_is_there() {
    let memory = stored_without_index(200);
    // The first list builds the index from the sessions, once.
    let (first, read) = listed_fresh(&memory);
    assert_eq!(read, 200);
    assert_eq!(first.len(), 200);
    assert_eq!(first[0].name, "Lesson 199", "last changed first");
    assert!(memory.get(INDEX_KEY).expect("reads").is_some());
    // Every later page lists them all without reading one.
    let (again, read) = listed_fresh(&memory);
    assert_eq!(read, 0);
    assert_eq!(again, first);
    // Storage that refuses for a moment lists nothing and leaves the index as it was.
    let index = memory.get(INDEX_KEY).expect("reads");
    memory.refuse(true);
    assert_eq!(SessionStore::new(memory.clone()).list(0), (vec![], vec![]));
    memory.refuse(false);
    assert_eq!(memory.get(INDEX_KEY).expect("reads"), index);
    // Nor does a page that lists again after every action.
    let counting = Counting::over(&memory);
    let mut store = SessionStore::new(counting.clone());
    let mut s = session("new", "Added", "2");
    store.save(&mut s, 5000, || true).expect("room");
    store.delete("s000").expect("held");
    counting.taken();
    let (list, _) = store.list(0);
    assert_eq!(counting.taken(), 0);
    assert_eq!(list.len(), 200);
    assert_eq!(list[0].name, "Added");
}

#[test]
fn item_15_every_write_keeps_the_index_in_step() {
    let memory = stored_without_index(3);
    let mut store = SessionStore::new(memory.clone());
    store.list(0);
    let check = |what: &str| {
        let (list, read) = listed_fresh(&memory);
        assert_eq!(read, 0, "{what}: listed from the index");
        assert_eq!(list, truth(&memory), "{what}");
    };
    check("built");

    let mut a = session("a", "Plan", "1");
    store.watch("a");
    store.save(&mut a, 2000, || true).expect("room");
    check("saved");
    a.name = "Renamed plan".into();
    store.save(&mut a, 2100, || true).expect("room");
    check("renamed");
    assert_eq!(listed_fresh(&memory).0[0].name, "Renamed plan");

    store.put(&session("b", "Put beside", "2")).expect("room");
    check("put");
    let removed = store.delete("s001").expect("held");
    check("deleted");
    store.restore("s001", &removed.text).expect("room");
    check("restored");
    // The writes that keep input storage did not take, and those that ask about another
    // tab's, keep it in step too.
    let mut aside = store.set_aside(&a);
    a.name = "Plan put aside".into();
    aside.session = a.clone();
    assert_eq!(store.write_aside(&mut aside, 2200), Ok(true));
    check("written from aside");
    assert_eq!(listed_fresh(&memory).0[0].name, "Plan put aside");
    let removed = store.delete("b").expect("held");
    store
        .restore_asking("b", &removed.text, || true)
        .expect("room");
    check("restored after asking");
    let mut n = 0;
    store.import(
        vec![session("x", "One", "1"), session("y", "Two", "2")],
        || {
            n += 1;
            format!("imported{n}")
        },
    );
    check("imported");

    // A session of a newer version is listed as one.
    let newer = r#"{"format":"retention-lab-session","version":7,"name":"Future","created":1,"modified":3000,"panels":{}}"#;
    store.restore("future", newer).expect("room");
    check("restored newer");
    assert!(listed_fresh(&memory).0[0].newer);

    // A session found damaged is kept aside and leaves the index.
    memory
        .set(&format!("{SESSION_PREFIX}s002"), "not json")
        .expect("room");
    assert!(matches!(store.load("s002", 9), Some(Loaded::Damaged(_))));
    check("kept aside");
    assert!(memory
        .get("retention-lab.quarantine.s002.9")
        .expect("reads")
        .is_some());
}

#[test]
fn item_15_a_missing_or_damaged_index_is_built_again_and_no_session_is_lost() {
    let memory = stored_without_index(40);
    let expected = truth(&memory);
    let keys = memory.keys().expect("keys").len();
    for damaged in [
        None,
        Some("garbage"),
        Some(r#"{"format":"retention-lab-index","version":1,"sessions":[["s000","#),
        Some(r#"{"format":"retention-lab-index","version":1,"sessions":[]"#),
        Some(r#"{"format":"retention-lab-index","version":99,"sessions":[]}"#),
        Some(r#"[["s000","Lesson 0",100,1000,false]]"#),
        // A session named twice.
        Some(
            r#"{"format":"retention-lab-index","version":1,"sessions":[["s000","A",1,5,false],["s000","B",1,4,false]]}"#,
        ),
    ] {
        match damaged {
            None => memory.remove(INDEX_KEY).expect("removes"),
            Some(text) => memory.set(INDEX_KEY, text).expect("room"),
        }
        let (list, read) = listed_fresh(&memory);
        assert_eq!(list, expected, "{damaged:?}");
        assert_eq!(read, 40, "{damaged:?}: built again from every session");
        assert_eq!(
            memory.keys().expect("keys").len(),
            keys + 1,
            "{damaged:?}: every session still stored, and the index"
        );
        assert_eq!(listed_fresh(&memory), (expected.clone(), 0), "{damaged:?}");
    }
    // An index that only lacks some sessions (written by another tab, or an older build)
    // reads just those; one that names sessions no longer stored drops them.
    let mut s = session("late", "Stored elsewhere", "1");
    s.modified = 99_999;
    memory
        .set(&format!("{SESSION_PREFIX}late"), &s.to_text())
        .expect("room");
    memory
        .remove(&format!("{SESSION_PREFIX}s005"))
        .expect("removes");
    let (list, read) = listed_fresh(&memory);
    assert_eq!(read, 1);
    assert_eq!(list.len(), 40);
    assert_eq!(list[0].name, "Stored elsewhere");
    assert!(list.iter().all(|s| s.id != "s005"));
    assert_eq!(list, truth(&memory));
}

#[test]
fn item_15_an_index_storage_will_not_take_is_removed_never_left_behind() {
    let memory = stored_without_index(20);
    let used: usize = memory
        .keys()
        .expect("keys")
        .iter()
        .map(|k| k.chars().count() + memory.get(k).expect("reads").expect("held").len())
        .sum();
    // Room for the sessions and one more, not for the index too.
    let full = Memory::with_quota(used + 400);
    for key in memory.keys().expect("keys") {
        full.set(&key, &memory.get(&key).expect("reads").expect("held"))
            .expect("room");
    }
    full.set(INDEX_KEY, "an old index, out of step")
        .expect("room");
    let counting = Counting::over(&full);
    let mut store = SessionStore::new(counting.clone());
    let (list, _) = store.list(0);
    assert_eq!(list.len(), 20);
    assert_eq!(
        full.get(INDEX_KEY),
        Ok(None),
        "removed, not left out of step"
    );
    // This page goes on from the index it holds, in step with its own writes.
    let mut s = session("n", "New", "1");
    store
        .save(&mut s, 5000, || true)
        .expect("room for the session");
    counting.taken();
    let (list, _) = store.list(0);
    assert_eq!(counting.taken(), 0);
    assert_eq!(list.len(), 21);
    assert_eq!(list, truth(&full));
}

/// A session opened and saved without a change keeps its time of last change: the list's
/// "Last changed" is the last change, not the last visit.
#[test]
fn saving_a_session_as_it_is_stored_writes_nothing() {
    let memory = Memory::new();
    let mut store = SessionStore::new(memory.clone());
    let mut a = session("a", "Lesson", "1");
    store.watch("a");
    store.save(&mut a, 1000, || unreachable!()).expect("room");
    let stored = memory.get(&format!("{SESSION_PREFIX}a")).expect("reads");
    // Opened again later, as the page does, and saved with nothing changed.
    let mut again = store
        .load("a", 5000)
        .map(|l| current(Some(l)))
        .expect("stored");
    store.watch("a");
    store
        .save(&mut again, 5000, || unreachable!())
        .expect("nothing to write");
    assert_eq!(again.modified, 1000);
    assert_eq!(
        memory.get(&format!("{SESSION_PREFIX}a")).expect("reads"),
        stored
    );
    assert_eq!(store.list(6000).0[0].modified, 1000);
    // Even with storage full, as there is nothing to write.
    let tight = Memory::with_quota(stored.as_deref().map_or(0, str::len) + 80);
    let mut cramped = SessionStore::new(tight.clone());
    let mut b = session("a", "Lesson", "1");
    cramped.watch("a");
    cramped
        .save(&mut b, 1000, || unreachable!())
        .expect("room once");
    let mut bigger = b.clone();
    bigger.name = "A name far too long for what is left of this storage".repeat(3);
    assert!(cramped.save(&mut bigger, 2000, || unreachable!()).is_err());
    assert_eq!(cramped.save(&mut b, 3000, || unreachable!()), Ok(()));
    assert_eq!(b.modified, 1000);
    // A real change is written with its time.
    again.name = "Lesson, renamed".into();
    store
        .save(&mut again, 8000, || unreachable!())
        .expect("room");
    assert_eq!(store.list(9000).0[0].modified, 8000);
}
