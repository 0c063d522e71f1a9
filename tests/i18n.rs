//! Every language file has exactly the keys of the English tables, each with the same
//! placeholders, and nothing empty; Vietnamese is written with precomposed letters; the
//! downloads are named in each language.

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

/// The words of every download's file name, for each language.
fn file_words(s: &retention_lab::i18n::Strings) -> Vec<&'static str> {
    let (i, c) = (s.import, s.charts);
    vec![
        i.file_results,
        i.file_cohort,
        i.file_cohort_counts,
        c.file_projection,
        c.file_flows,
        c.file_churn,
        c.file_heatmap,
        c.file_forecast,
        c.file_revenue_movements,
        c.file_revenue_rates,
        c.file_p_alive,
        c.file_expected,
        c.file_holdout,
        c.file_holdout_cumulative,
        s.clv.file_values,
        s.clv.file_winback,
        s.unit_month,
        s.unit_quarter,
        s.unit_year,
    ]
}

#[test]
fn english_file_names_are_the_documented_ones() {
    use retention_lab::core::import::tables::Granularity;
    use retention_lab::i18n::file_name;
    let i = EN.import;
    let csv = |what, g| format!("{}.csv", EN.data_file(what, g));
    assert_eq!(
        csv(i.file_results, Some(Granularity::Month)),
        "retention-lab-results-month.csv"
    );
    assert_eq!(csv(i.file_results, None), "retention-lab-results.csv");
    assert_eq!(
        csv(i.file_cohort_counts, Some(Granularity::Quarter)),
        "retention-lab-cohort-counts-quarter.csv"
    );
    assert_eq!(
        EN.data_file(EN.charts.file_heatmap, Some(Granularity::Year)),
        "retention-lab-heatmap-year"
    );
    assert_eq!(
        file_name(&[EN.charts.file_forecast]),
        "retention-lab-forecast"
    );
    assert_eq!(
        file_name(&[EN.clv.file_values]),
        "retention-lab-customer-values"
    );
    assert_eq!(
        file_name(&[EN.clv.file_winback]),
        "retention-lab-winback-list"
    );
}

#[test]
fn file_names_are_in_the_language_with_dashes_for_spaces() {
    use retention_lab::core::import::tables::Granularity;
    let expected = [
        (Lang::Fa, "retention-lab-تعدادهای-کوهورت-ماه"),
        (Lang::Vi, "retention-lab-số-lượng-theo-nhóm-tháng"),
    ];
    for ((lang, text), (_, want)) in FILES.into_iter().zip(expected) {
        let s = build(parse(text).expect("parses"), lang.number_style()).strings;
        let name = s.data_file(s.import.file_cohort_counts, Some(Granularity::Month));
        assert_eq!(name, want, "{}", lang.tag());
    }
}

#[test]
fn file_name_words_are_letters_only() {
    // No separator or character a file system refuses, and no digits or Latin letters in
    // Persian: the words are the language's own.
    let mut tables = vec![(Lang::En, &EN)];
    for (lang, text) in FILES {
        tables.push((
            lang,
            build(parse(text).expect("parses"), lang.number_style()).strings,
        ));
    }
    for (lang, s) in tables {
        for word in file_words(s) {
            let bad = word
                .chars()
                .find(|c| !(c.is_alphabetic() || *c == ' ' || is_ezafe(*c)));
            assert_eq!(bad, None, "{}: {word:?}", lang.tag());
            if lang == Lang::Fa {
                assert!(
                    !word.chars().any(|c| c.is_ascii_alphanumeric()),
                    "fa: {word:?}"
                );
            }
        }
    }
}

/// Persian writes the ezafe as a combining hamza (U+0654). Not the zero-width non-joiner
/// (U+200C): browsers turn it into `_` in a file name, so a word that needs one is written
/// with a space (a `-` in the name).
fn is_ezafe(c: char) -> bool {
    c == '\u{0654}'
}

#[test]
fn period_labels_the_import_wrote_take_the_language_digits() {
    let (lang, text) = FILES[0];
    let fa = build(parse(text).expect("parses"), lang.number_style()).strings;
    assert_eq!(fa.period_label("2024-03", true), "۲۰۲۴-۰۳");
    assert_eq!(fa.period_label("2024-Q1", true), "۲۰۲۴-Q۱");
    // A counts file's label is the user's text.
    assert_eq!(fa.period_label("Q1 2024", false), "Q1 2024");
    assert_eq!(EN.period_label("2024-03", true), "2024-03");
}

#[test]
fn preset_scenarios_are_named_in_the_language() {
    use retention_lab::core::projection::seed_preset;
    let names = |s: &retention_lab::i18n::Strings| -> Vec<String> {
        s.name_scenarios(seed_preset())
            .scenarios
            .into_iter()
            .map(|sc| sc.name)
            .collect()
    };
    assert_eq!(names(&EN), ["Keeps 90%", "Keeps 80%"]);
    let (lang, text) = FILES[0];
    let fa = build(parse(text).expect("parses"), lang.number_style()).strings;
    assert_eq!(names(fa), ["نرخ حفظ ۹۰٪", "نرخ حفظ ۸۰٪"]);
}

#[test]
fn every_formula_in_words_is_said_in_every_language() {
    use retention_lab::core::figure::words;
    for w in words::ALL {
        assert_eq!(
            EN.in_words(w),
            w,
            "English says the formula as the core writes it"
        );
    }
    for (lang, text) in FILES {
        let built = build(parse(text).expect("parses"), lang.number_style());
        for w in words::ALL {
            let said = built.strings.in_words(w);
            assert_ne!(said, w, "{}: {w:?} is not translated", lang.tag());
        }
    }
}

#[test]
fn the_heatmap_column_title_starts_with_a_capital_in_every_language() {
    use retention_lab::core::figure::PeriodUnit;
    use retention_lab::core::import::tables::Granularity;
    let units = |s: &retention_lab::i18n::Strings| {
        [Granularity::Month, Granularity::Quarter, Granularity::Year]
            .map(|g| s.offsets_title(Some(g)))
    };
    assert_eq!(
        units(&EN),
        [
            "Months since the cohort's first month",
            "Quarters since the cohort's first quarter",
            "Years since the cohort's first year",
        ]
    );
    let (lang, text) = FILES[1];
    let vi = build(parse(text).expect("parses"), lang.number_style()).strings;
    assert_eq!(units(vi)[0], "Tháng kể từ tháng đầu tiên của nhóm");
    // The title is raised by ASCII only; each language's plural units must not need more.
    for s in [&EN, vi] {
        for title in units(s) {
            let first = title.chars().next().expect("a title");
            assert_eq!(
                first.to_uppercase().to_string(),
                first.to_string(),
                "{title}"
            );
        }
    }
    for (lang, text) in FILES {
        let s = build(parse(text).expect("parses"), lang.number_style()).strings;
        for unit in
            [PeriodUnit::Months, PeriodUnit::Quarters, PeriodUnit::Years].map(|u| s.unit(u, false))
        {
            let first = unit.chars().next().expect("a unit");
            assert!(
                first.is_ascii() || first.to_uppercase().eq([first]),
                "{}: {unit} needs a case mapping beyond ASCII",
                lang.tag()
            );
        }
    }
}

/// In Persian, a problem's column name and value are the user's own text, often Latin: each is
/// isolated (U+2068 … U+2069), so that it keeps its place in the right-to-left sentence
/// instead of running into its neighbour.
#[test]
fn persian_problems_isolate_the_users_column_and_value() {
    use retention_lab::core::import::problem::{Problem, ProblemKind};
    let (_, text) = FILES.iter().find(|(l, _)| *l == Lang::Fa).expect("fa");
    let fa = build(parse(text).expect("parses"), Lang::Fa.number_style()).strings;
    let p = Problem::cell(2, "customer_id".into(), b"a\xff", ProblemKind::NotUtf8);
    let words = fa.problem(&p);
    assert!(words.contains("\u{2068}customer_id\u{2069}"), "{words}");
    assert!(words.contains("\u{2069}»: "), "{words}");
    let value_start = words.find("«\u{2068}a").expect("the value, isolated");
    assert!(value_start > words.find("customer_id").unwrap(), "{words}");
}
