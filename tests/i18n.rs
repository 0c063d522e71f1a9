//! Every language file has exactly the keys of the English tables, each with the same
//! placeholders, and nothing empty; Vietnamese is written with precomposed letters.

use std::collections::BTreeSet;

use retention_lab::i18n::file::{build, entries, parse};
use retention_lab::i18n::{Lang, EN};

const FILES: [(Lang, &str); 2] = [
    (Lang::Fa, include_str!("../public/i18n/fa.txt")),
    (Lang::Vi, include_str!("../public/i18n/vi.txt")),
];

/// The `{name}` placeholders of a string.
fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.insert(&rest[start..start + len + 1]);
        rest = &rest[start + len + 1..];
    }
    out
}

#[test]
fn every_language_file_has_every_key_and_no_other() {
    for (lang, text) in FILES {
        let entries = parse(text).unwrap_or_else(|e| panic!("{}: {e:?}", lang.tag()));
        let built = build(entries, lang.number_style());
        assert!(
            built.missing.is_empty(),
            "{} lacks {:?}",
            lang.tag(),
            built.missing
        );
        assert!(
            built.unknown.is_empty(),
            "{} has unknown keys {:?}",
            lang.tag(),
            built.unknown
        );
    }
}

#[test]
fn every_translation_keeps_the_placeholders_and_is_not_empty() {
    let english = entries(&EN);
    for (lang, text) in FILES {
        let built = build(parse(text).expect("parses"), lang.number_style());
        for ((key, en), (_, tr)) in english.iter().zip(entries(built.strings)) {
            assert!(!tr.trim().is_empty(), "{}: {key} is empty", lang.tag());
            assert_eq!(
                placeholders(en),
                placeholders(tr),
                "{}: {key} has other placeholders than English",
                lang.tag()
            );
        }
    }
}

#[test]
fn a_file_that_lacks_a_key_fails_the_check() {
    // The check above can fail: drop one line of a real file and it names the key.
    let (lang, text) = FILES[0];
    let shorter: String = text.lines().skip(1).map(|l| format!("{l}\n")).collect();
    let first_key = text
        .lines()
        .next()
        .and_then(|l| l.split(" = ").next())
        .expect("a line");
    let built = build(parse(&shorter).expect("parses"), lang.number_style());
    assert_eq!(built.missing, [first_key]);
}

#[test]
fn vietnamese_uses_precomposed_letters() {
    let (_, vi) = FILES[1];
    let combining = vi
        .char_indices()
        .find(|(_, c)| ('\u{0300}'..='\u{036F}').contains(c));
    assert_eq!(
        combining, None,
        "a combining mark where a precomposed letter belongs"
    );
}

#[test]
fn language_tags_map_to_the_page_languages() {
    assert_eq!(Lang::from_tag("fa-IR"), Some(Lang::Fa));
    assert_eq!(Lang::from_tag("vi"), Some(Lang::Vi));
    assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
    assert_eq!(Lang::from_tag("de-DE"), None);
    assert_eq!(Lang::from_tag(""), None);
}
