//! A small JSON reader and writer, for saved sessions and session files.
//!
//! Sessions hold the user's text as typed, so the only numbers in them are whole (versions,
//! times in milliseconds); this reader takes whole numbers only and says so at the position of
//! any other. That keeps floating-point parsing and printing, and serde, out of the page.
//! Errors carry the line and column (1-based, in characters) where the text stops being JSON.

use std::fmt;

/// A JSON value. Objects keep their keys in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// Where and why a text is not the JSON this reader takes.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub kind: JsonErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum JsonErrorKind {
    /// The text ends inside a value.
    End,
    /// A character where another was expected (`expected` in words).
    Unexpected { found: char, expected: &'static str },
    /// A backslash escape that JSON does not have, or a lone surrogate.
    BadEscape,
    /// A control character inside a string.
    ControlCharacter,
    /// A number with a fraction or an exponent, or too large for 64 bits.
    NotWhole,
    /// Objects and arrays nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

/// The deepest nesting read; sessions need a handful of levels.
pub const MAX_DEPTH: usize = 64;

impl fmt::Display for JsonError {
    /// Plain English, for logs and tests; the page words these through its string table.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: ", self.line, self.column)?;
        match &self.kind {
            JsonErrorKind::End => write!(f, "the text ends too early"),
            JsonErrorKind::Unexpected { found, expected } => {
                write!(f, "{found:?} where {expected} was expected")
            }
            JsonErrorKind::BadEscape => write!(f, "an escape JSON does not have"),
            JsonErrorKind::ControlCharacter => write!(f, "a control character in a string"),
            JsonErrorKind::NotWhole => write!(f, "not a whole number"),
            JsonErrorKind::TooDeep => write!(f, "nested too deep"),
        }
    }
}

/// Reads a JSON text (one value, surrounded by any whitespace).
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut reader = Reader {
        chars: text.char_indices().peekable(),
        line: 1,
        column: 1,
    };
    let value = reader.value(0)?;
    reader.skip_space();
    match reader.peek() {
        None => Ok(value),
        Some(found) => Err(reader.error(JsonErrorKind::Unexpected {
            found,
            expected: "the end of the text",
        })),
    }
}

struct Reader<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    line: usize,
    column: usize,
}

impl Reader<'_> {
    fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|&(_, c)| c)
    }

    fn next(&mut self) -> Option<char> {
        let (_, c) = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn error(&self, kind: JsonErrorKind) -> JsonError {
        JsonError {
            line: self.line,
            column: self.column,
            kind,
        }
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.next();
        }
    }

    /// The next character, which must be `want`.
    fn expect(&mut self, want: char, expected: &'static str) -> Result<(), JsonError> {
        match self.peek() {
            Some(c) if c == want => {
                self.next();
                Ok(())
            }
            Some(found) => Err(self.error(JsonErrorKind::Unexpected { found, expected })),
            None => Err(self.error(JsonErrorKind::End)),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.skip_space();
        match self.peek() {
            None => Err(self.error(JsonErrorKind::End)),
            Some('{') | Some('[') if depth >= MAX_DEPTH => Err(self.error(JsonErrorKind::TooDeep)),
            Some('{') => self.object(depth + 1),
            Some('[') => self.array(depth + 1),
            Some('"') => self.string().map(Json::Str),
            Some('-' | '0'..='9') => self.number(),
            Some('t') => self.word("true", Json::Bool(true)),
            Some('f') => self.word("false", Json::Bool(false)),
            Some('n') => self.word("null", Json::Null),
            Some(found) => Err(self.error(JsonErrorKind::Unexpected {
                found,
                expected: "a value",
            })),
        }
    }

    fn word(&mut self, word: &'static str, value: Json) -> Result<Json, JsonError> {
        for want in word.chars() {
            self.expect(want, word)?;
        }
        Ok(value)
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.next();
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some('}') {
            self.next();
            return Ok(Json::Obj(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some('"') {
                return Err(match self.peek() {
                    Some(found) => self.error(JsonErrorKind::Unexpected {
                        found,
                        expected: "a key in quotes",
                    }),
                    None => self.error(JsonErrorKind::End),
                });
            }
            let key = self.string()?;
            self.skip_space();
            self.expect(':', "\":\"")?;
            let value = self.value(depth)?;
            members.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(',') => {
                    self.next();
                }
                Some('}') => {
                    self.next();
                    return Ok(Json::Obj(members));
                }
                Some(found) => {
                    return Err(self.error(JsonErrorKind::Unexpected {
                        found,
                        expected: "\",\" or \"}\"",
                    }))
                }
                None => return Err(self.error(JsonErrorKind::End)),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.next();
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(']') {
            self.next();
            return Ok(Json::Arr(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_space();
            match self.peek() {
                Some(',') => {
                    self.next();
                }
                Some(']') => {
                    self.next();
                    return Ok(Json::Arr(items));
                }
                Some(found) => {
                    return Err(self.error(JsonErrorKind::Unexpected {
                        found,
                        expected: "\",\" or \"]\"",
                    }))
                }
                None => return Err(self.error(JsonErrorKind::End)),
            }
        }
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.next();
        let mut out = String::new();
        loop {
            match self.peek() {
                None => return Err(self.error(JsonErrorKind::End)),
                Some('"') => {
                    self.next();
                    return Ok(out);
                }
                Some('\\') => {
                    self.next();
                    out.push(self.escape()?);
                }
                Some(c) if (c as u32) < 0x20 => {
                    return Err(self.error(JsonErrorKind::ControlCharacter))
                }
                Some(c) => {
                    self.next();
                    out.push(c);
                }
            }
        }
    }

    fn escape(&mut self) -> Result<char, JsonError> {
        let c = match self.peek() {
            Some(c) => c,
            None => return Err(self.error(JsonErrorKind::End)),
        };
        let simple = match c {
            '"' => Some('"'),
            '\\' => Some('\\'),
            '/' => Some('/'),
            'b' => Some('\u{8}'),
            'f' => Some('\u{c}'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            _ => None,
        };
        if let Some(s) = simple {
            self.next();
            return Ok(s);
        }
        if c != 'u' {
            return Err(self.error(JsonErrorKind::BadEscape));
        }
        self.next();
        let high = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&high) {
            // A surrogate pair: the low half must follow as another \u escape.
            self.expect('\\', "the second half of a surrogate pair")?;
            self.expect('u', "the second half of a surrogate pair")?;
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.error(JsonErrorKind::BadEscape));
            }
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else {
            high
        };
        char::from_u32(code).ok_or_else(|| self.error(JsonErrorKind::BadEscape))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(c) => c.to_digit(16),
                None => return Err(self.error(JsonErrorKind::End)),
            };
            match digit {
                Some(d) => {
                    self.next();
                    code = code * 16 + d;
                }
                None => return Err(self.error(JsonErrorKind::BadEscape)),
            }
        }
        Ok(code)
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let (line, column) = (self.line, self.column);
        let not_whole = || JsonError {
            line,
            column,
            kind: JsonErrorKind::NotWhole,
        };
        let negative = self.peek() == Some('-');
        if negative {
            self.next();
        }
        let mut digits = 0;
        let mut value: i64 = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            // JSON has no leading zeros: "0" is a number, "01" is not.
            if digits == 1 && value == 0 {
                return Err(self.error(JsonErrorKind::Unexpected {
                    found: char::from(b'0' + d as u8),
                    expected: "no digit after a leading 0",
                }));
            }
            self.next();
            digits += 1;
            value = value
                .checked_mul(10)
                .and_then(|v| {
                    if negative {
                        v.checked_sub(i64::from(d))
                    } else {
                        v.checked_add(i64::from(d))
                    }
                })
                .ok_or_else(not_whole)?;
        }
        if digits == 0 {
            return Err(match self.peek() {
                Some(found) => self.error(JsonErrorKind::Unexpected {
                    found,
                    expected: "a digit",
                }),
                None => self.error(JsonErrorKind::End),
            });
        }
        if matches!(self.peek(), Some('.' | 'e' | 'E')) {
            return Err(not_whole());
        }
        Ok(Json::Int(value))
    }
}

impl Json {
    /// The value as JSON text, compact, with non-ASCII characters as they are.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => out.push_str(&n.to_string()),
            Json::Str(s) => write_string(s, out),
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Obj(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    /// The member `key` of an object (the first, if repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match self {
            Json::Int(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(items) => Some(items),
            _ => None,
        }
    }

    /// An object from its members.
    pub fn object<K: Into<String>>(members: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Obj(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    pub fn string(text: impl Into<String>) -> Json {
        Json::Str(text.into())
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 0xF]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (usize, usize, JsonErrorKind) {
        let e = parse(text).expect_err(text);
        (e.line, e.column, e.kind)
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v =
            parse(" {\"a\": [1, -20, true, false, null], \"b\": {\"c\": \"x\\ny\"}, \"d\": []}\n")
                .expect("valid");
        assert_eq!(
            v,
            Json::object([
                (
                    "a",
                    Json::Arr(vec![
                        Json::Int(1),
                        Json::Int(-20),
                        Json::Bool(true),
                        Json::Bool(false),
                        Json::Null
                    ])
                ),
                ("b", Json::object([("c", Json::string("x\ny"))])),
                ("d", Json::Arr(vec![])),
            ])
        );
        assert_eq!(
            v.get("b").and_then(|b| b.get("c")).and_then(Json::as_str),
            Some("x\ny")
        );
        assert_eq!(parse("-9223372036854775808"), Ok(Json::Int(i64::MIN)));
        assert_eq!(parse("9223372036854775807"), Ok(Json::Int(i64::MAX)));
        assert_eq!(parse("0"), Ok(Json::Int(0)));
    }

    #[test]
    fn escapes_and_non_ascii_text() {
        assert_eq!(
            parse(r#""\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00 ریزش tỷ lệ""#),
            Ok(Json::string("\"\\/\u{8}\u{c}\n\r\té\u{1F600} ریزش tỷ lệ"))
        );
    }

    #[test]
    fn errors_say_where_and_what() {
        use JsonErrorKind::*;
        assert_eq!(err(""), (1, 1, End));
        assert_eq!(
            err("{\"a\": 1,\n  \"b\" 2}"),
            (
                2,
                7,
                Unexpected {
                    found: '2',
                    expected: "\":\""
                }
            )
        );
        assert_eq!(
            err("[1 2]"),
            (
                1,
                4,
                Unexpected {
                    found: '2',
                    expected: "\",\" or \"]\""
                }
            )
        );
        assert_eq!(err("{\"a\": 1.5}"), (1, 7, NotWhole));
        assert_eq!(err("[1e3]"), (1, 2, NotWhole));
        assert_eq!(err("9223372036854775808"), (1, 1, NotWhole));
        assert_eq!(
            err("01"),
            (
                1,
                2,
                Unexpected {
                    found: '1',
                    expected: "no digit after a leading 0"
                }
            )
        );
        assert_eq!(err("\"a\\x\""), (1, 4, BadEscape));
        assert_eq!(
            err("\"\\ud800x\""),
            (
                1,
                8,
                Unexpected {
                    found: 'x',
                    expected: "the second half of a surrogate pair"
                }
            )
        );
        assert_eq!(err("\"tab\there\""), (1, 5, ControlCharacter));
        assert_eq!(
            err("{\"a\": tru}"),
            (
                1,
                10,
                Unexpected {
                    found: '}',
                    expected: "true"
                }
            )
        );
        assert_eq!(
            err("{} x"),
            (
                1,
                4,
                Unexpected {
                    found: 'x',
                    expected: "the end of the text"
                }
            )
        );
        assert_eq!(err("{\"a\": 1"), (1, 8, End));
        assert_eq!(
            err("{1: 2}"),
            (
                1,
                2,
                Unexpected {
                    found: '1',
                    expected: "a key in quotes"
                }
            )
        );
        assert_eq!(err("\"open"), (1, 6, End));
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&deep).is_ok());
        let deeper = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(err(&deeper), (1, MAX_DEPTH + 1, JsonErrorKind::TooDeep));
    }

    #[test]
    fn written_text_reads_back_the_same() {
        let v = Json::object([
            ("name", Json::string("Q3 \"review\"\n\u{1}\\ ریزش")),
            ("version", Json::Int(-3)),
            (
                "list",
                Json::Arr(vec![Json::Null, Json::Bool(true), Json::object::<&str>([])]),
            ),
        ]);
        let text = v.to_text();
        assert_eq!(
            text,
            r#"{"name":"Q3 \"review\"\n\u0001\\ ریزش","version":-3,"list":[null,true,{}]}"#
        );
        assert_eq!(parse(&text), Ok(v));
    }

    fn any_json() -> impl proptest::strategy::Strategy<Value = Json> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            any::<i64>().prop_map(Json::Int),
            any::<String>().prop_map(Json::Str),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Json::Arr),
                proptest::collection::vec((any::<String>(), inner), 0..6).prop_map(Json::Obj),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn any_value_reads_back_from_its_text(value in any_json()) {
            proptest::prop_assert_eq!(parse(&value.to_text()), Ok(value));
        }

        #[test]
        fn any_text_reads_or_says_where_without_panicking(text in ".{0,40}") {
            if let Err(e) = parse(&text) {
                proptest::prop_assert!(e.line >= 1 && e.column >= 1);
                proptest::prop_assert!(e.column <= text.chars().count() + 1);
            }
        }
    }
}
