//! A language's strings as a file, read when the language is chosen.
//!
//! The format: UTF-8, one `key = value` per line; keys of the data panel, the charts and the
//! forecast and the customers view start with `import.`, `charts.`, `sbg.` and `clv.`. In a value `\n` is a line break and
//! `\\` a backslash. Blank lines and lines starting with `#` are skipped. Nothing here touches
//! the web, so the files are checked by native tests.

use super::{ChartStrings, ClvStrings, ImportStrings, SbgStrings, Strings};
use crate::core::number::{Digits, NumberStyle};

/// What is wrong with a line of a language file (1-based line number).
#[derive(Clone, Debug, PartialEq)]
pub struct FileError {
    pub line: usize,
    pub kind: FileErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FileErrorKind {
    /// The line has no `=`.
    NoSeparator,
    /// A backslash followed by something other than `n` or `\`.
    BadEscape,
}

/// One line of a language file: its key, its value and its (1-based) line number.
pub type Entry = (String, String, usize);

/// The entries of a language file, in file order, with the line each came from. A key that
/// appears twice is not an error here: [`build`] reports the second as unknown.
pub fn parse(text: &str) -> Result<Vec<Entry>, FileError> {
    let mut entries = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim_start_matches('\u{FEFF}').trim_end_matches('\r');
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let error = |kind| FileError { line, kind };
        // Keys never hold `=`, so the first one ends the key; one space on each side of it
        // belongs to the format, anything more to the value.
        let (key, value) = trimmed
            .split_once('=')
            .ok_or_else(|| error(FileErrorKind::NoSeparator))?;
        let value = value.strip_prefix(' ').unwrap_or(value);
        let value = unescape(value).ok_or_else(|| error(FileErrorKind::BadEscape))?;
        entries.push((key.trim().to_string(), value, line));
    }
    Ok(entries)
}

fn unescape(value: &str) -> Option<String> {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            '\\' => out.push('\\'),
            _ => return None,
        }
    }
    Some(out)
}

/// A value as a file writes it.
pub fn escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('\n', "\\n")
}

/// What stands in the page for a string its language's file lacks.
pub fn missing_marker(key: &str) -> String {
    format!("\u{27E6}{key}\u{27E7}")
}

/// The page keeps a language's tables for as long as it is open; they are built at most once
/// per language and digit choice.
fn keep(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// A language's tables built from its file's entries.
pub struct Built {
    pub strings: &'static Strings,
    /// Keys the file lacks; each shows as its [`missing_marker`].
    pub missing: Vec<String>,
    /// Keys in the file that no table has, or that appear a second time, in file order.
    pub unknown: Vec<String>,
}

/// Builds every table from a file's entries, with the language's number style.
///
/// The files list their keys in table order, so each key is looked for first where the
/// previous one was found; a file in another order still builds, only slower.
pub fn build(entries: Vec<Entry>, number_style: NumberStyle) -> Built {
    let mut entries: Vec<Option<(String, String)>> =
        entries.into_iter().map(|(k, v, _)| Some((k, v))).collect();
    let mut next = 0;
    let mut missing = Vec::new();
    let mut take = |prefix: &str, key: &'static str| -> &'static str {
        let n = entries.len();
        let found = (0..n).map(|i| (next + i) % n).find(|&i| {
            entries[i]
                .as_ref()
                .is_some_and(|(k, _)| k.strip_prefix(prefix) == Some(key))
        });
        match found.and_then(|i| {
            next = i + 1;
            entries[i].take()
        }) {
            Some((_, v)) => keep(v),
            None => {
                let full = format!("{prefix}{key}");
                let marker = keep(missing_marker(&full));
                missing.push(full);
                marker
            }
        }
    };
    let import: &'static ImportStrings =
        Box::leak(Box::new(ImportStrings::read(&mut |k| take("import.", k))));
    let charts: &'static ChartStrings =
        Box::leak(Box::new(ChartStrings::read(&mut |k| take("charts.", k))));
    let sbg: &'static SbgStrings = Box::leak(Box::new(SbgStrings::read(&mut |k| take("sbg.", k))));
    let clv: &'static ClvStrings = Box::leak(Box::new(ClvStrings::read(&mut |k| take("clv.", k))));
    let strings: &'static Strings = Box::leak(Box::new(Strings::read(
        number_style,
        import,
        charts,
        sbg,
        clv,
        &mut |k| take("", k),
    )));
    let unknown = entries.into_iter().flatten().map(|(k, _)| k).collect();
    Built {
        strings,
        missing,
        unknown,
    }
}

/// Every key and string of a language, in table order (`import.`, `charts.` and `sbg.` keys
/// after the page's own).
pub fn entries(strings: &Strings) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    strings.each(&mut |k, v| out.push((k.to_string(), v)));
    strings
        .import
        .each(&mut |k, v| out.push((format!("import.{k}"), v)));
    strings
        .charts
        .each(&mut |k, v| out.push((format!("charts.{k}"), v)));
    strings
        .sbg
        .each(&mut |k, v| out.push((format!("sbg.{k}"), v)));
    strings
        .clv
        .each(&mut |k, v| out.push((format!("clv.{k}"), v)));
    out
}

/// A Persian file's text with Latin digits and separators (۱٬۰۰۰٫۵ becomes 1,000.5, ٪ %), for
/// the page's Latin-digits switch; its numbers are then written with [`latin_style`].
pub fn latin_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{06F0}'..='\u{06F9}' => char::from_digit(u32::from(c) - 0x06F0, 10).unwrap_or(c),
            '\u{0660}'..='\u{0669}' => char::from_digit(u32::from(c) - 0x0660, 10).unwrap_or(c),
            '\u{066B}' => '.',
            '\u{066C}' => ',',
            '\u{066A}' => '%',
            other => other,
        })
        .collect()
}

/// How numbers are written when Latin digits are chosen: 17,510,000.5 and 1.00%.
pub fn latin_style() -> NumberStyle {
    NumberStyle {
        digits: Digits::Latin,
        ..NumberStyle::ENGLISH
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;

    #[test]
    fn parses_keys_values_and_escapes() {
        let text = "# comment\n\na = one\nimport.b = two\\nlines\r\nc = back\\\\slash = x\n";
        let entries = parse(text).expect("valid file");
        let pairs: Vec<(&str, &str, usize)> = entries
            .iter()
            .map(|(k, v, l)| (k.as_str(), v.as_str(), *l))
            .collect();
        assert_eq!(
            pairs,
            [
                ("a", "one", 3),
                ("import.b", "two\nlines", 4),
                ("c", "back\\slash = x", 5)
            ]
        );
    }

    #[test]
    fn bad_lines_are_named_by_number() {
        assert_eq!(
            parse("a = 1\nno separator\n"),
            Err(FileError {
                line: 2,
                kind: FileErrorKind::NoSeparator
            })
        );
        assert_eq!(
            parse("a = tab\\t\n"),
            Err(FileError {
                line: 1,
                kind: FileErrorKind::BadEscape
            })
        );
    }

    #[test]
    fn english_round_trips_through_the_file_format() {
        let text: String = entries(&EN)
            .iter()
            .map(|(k, v)| format!("{k} = {}\n", escape(v)))
            .collect();
        let built = build(parse(&text).expect("valid"), NumberStyle::ENGLISH);
        assert!(built.missing.is_empty() && built.unknown.is_empty());
        assert_eq!(entries(built.strings), entries(&EN));
    }

    #[test]
    fn a_missing_key_shows_its_marker_and_an_unknown_key_is_reported() {
        let built = build(
            vec![("no_such_key".into(), "x".into(), 1)],
            NumberStyle::ENGLISH,
        );
        assert_eq!(built.strings.clear, "\u{27E6}clear\u{27E7}");
        assert_eq!(built.strings.sbg.heading, "\u{27E6}sbg.heading\u{27E7}");
        assert!(built.missing.contains(&"import.paste_label".to_string()));
        assert_eq!(built.unknown, ["no_such_key"]);
    }

    #[test]
    fn a_repeated_key_is_reported_and_the_first_value_kept() {
        let mut text = String::new();
        for (k, v) in entries(&EN) {
            text.push_str(&format!("{k} = {}\n", escape(v)));
        }
        text.push_str("clear = again\n");
        let built = build(parse(&text).expect("valid"), NumberStyle::ENGLISH);
        assert_eq!(built.strings.clear, EN.clear);
        assert_eq!(built.unknown, ["clear"]);
        assert!(built.missing.is_empty());
    }

    #[test]
    fn a_file_in_another_order_builds_the_same_tables() {
        let mut lines: Vec<String> = entries(&EN)
            .iter()
            .map(|(k, v)| format!("{k} = {}\n", escape(v)))
            .collect();
        lines.reverse();
        let built = build(parse(&lines.concat()).expect("valid"), NumberStyle::ENGLISH);
        assert!(built.missing.is_empty() && built.unknown.is_empty());
        assert_eq!(entries(built.strings), entries(&EN));
    }

    #[test]
    fn latin_digits_turn_persian_digits_and_separators_latin() {
        let text = latin_digits("clear = ۱٬۰۰۰ / ۳۵۰ = ۲٫۸۵۷ و ۵٪\n");
        assert_eq!(text, "clear = 1,000 / 350 = 2.857 و 5%\n");
        let built = build(parse(&text).expect("valid"), latin_style());
        assert_eq!(built.strings.clear, "1,000 / 350 = 2.857 و 5%");
        assert_eq!(built.strings.number_style.count(17_510_000), "17,510,000");
    }
}
