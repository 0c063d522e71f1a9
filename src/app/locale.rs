//! Choosing the page's language: the remembered choice or the browser's preference, reading a
//! language's strings file, and the document's `lang` and `dir`.

use std::cell::{Cell, RefCell};

use crate::core::store;
use crate::i18n::file::{self, FileErrorKind};
use crate::i18n::{Lang, Strings, EN};
use crate::web::fetch::{fetch_text, FetchError};
use crate::web::storage;

/// A language, and whether its numbers are written with Latin digits (Persian only; the
/// others always use them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Choice {
    pub lang: Lang,
    pub latin_digits: bool,
}

thread_local! {
    /// Tables read so far, kept for the life of the page.
    static LOADED: RefCell<Vec<(Choice, &'static Strings)>> = const { RefCell::new(Vec::new()) };
    /// The page's current strings, for the crash notice (which cannot reach the app's state).
    static CURRENT: Cell<&'static Strings> = const { Cell::new(&EN) };
}

/// The English strings, compiled in.
pub fn english() -> &'static Strings {
    &EN
}

/// The page's current strings, outside the app's reactive state.
pub fn current() -> &'static Strings {
    CURRENT.with(Cell::get)
}

/// The remembered choice, or else the first of the browser's languages the page has, or
/// else English.
pub fn preferred() -> Choice {
    // Storage can be missing or refuse access: then nothing is remembered, and the page
    // still works.
    let remembered = storage::local()
        .map(|local| store::remembered(&local))
        .unwrap_or_default();
    let latin_digits = remembered.latin_digits;
    let lang = remembered
        .language
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| {
            let navigator = web_sys::window()?.navigator();
            navigator
                .languages()
                .iter()
                .filter_map(|t| t.as_string())
                .find_map(|t| Lang::from_tag(&t))
        })
        .unwrap_or_default();
    Choice { lang, latin_digits }
}

/// Remembers the choice for the next visit (silently not, where storage is unavailable).
pub fn remember(choice: Choice) {
    if let Some(local) = storage::local() {
        let _ = store::remember(&local, choice.lang.tag(), choice.latin_digits);
    }
}

/// Why a language could not be read: the file's address and what went wrong, in English
/// words for the console and, quoted, in the page's message.
pub type LoadError = FetchError;

/// The strings of `choice`, read from the language's file the first time.
pub async fn load(choice: Choice) -> Result<&'static Strings, LoadError> {
    if choice.lang == Lang::En {
        return Ok(&EN);
    }
    // Only Persian has digits of its own to switch from.
    let choice = Choice {
        latin_digits: choice.latin_digits && choice.lang == Lang::Fa,
        ..choice
    };
    if let Some(s) = LOADED.with(|l| l.borrow().iter().find(|(c, _)| *c == choice).map(|e| e.1)) {
        return Ok(s);
    }
    let url = format!("i18n/{}.txt", choice.lang.tag());
    let mut text = fetch_text(&url).await?;
    let style = if choice.latin_digits {
        text = file::latin_digits(&text);
        file::latin_style()
    } else {
        choice.lang.number_style()
    };
    let entries = file::parse(&text).map_err(|e| {
        let what = match e.kind {
            FileErrorKind::NoSeparator => "no \"=\"",
            FileErrorKind::BadEscape => "a backslash other than \\n or \\\\",
        };
        format!("{url}, line {}: {what}", e.line)
    })?;
    let built = file::build(entries, style);
    if !built.missing.is_empty() || !built.unknown.is_empty() {
        let note = format!(
            "{url} lacks [{}] and has unknown or repeated keys [{}]",
            built.missing.join(", "),
            built.unknown.join(", ")
        );
        web_sys::console::warn_1(&note.into());
    }
    LOADED.with(|l| l.borrow_mut().push((choice, built.strings)));
    Ok(built.strings)
}

/// Makes `strings` the page's language: the document's `lang` and `dir`, and the crash
/// notice's words.
pub fn apply(choice: Choice, strings: &'static Strings) {
    CURRENT.with(|c| c.set(strings));
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = root.set_attribute("lang", choice.lang.tag());
    let _ = root.set_attribute("dir", if choice.lang.rtl() { "rtl" } else { "ltr" });
}
