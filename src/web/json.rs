//! JSON in and out of the page, by hand: a small [`Value`], a parser and a printer, and the
//! conversions of the schema's types ([`ToJson`], [`annotations`]). The page does not link
//! serde_json: its parser, printer, `Value` maps and the derived impls cost ~35 KB of gzipped wasm.
//! Numbers keep their literal text (the page only reads whole numbers back).

use crate::engine::schema::{Actor, Annotations, Claim, Figure, Mention};

use super::analysis::{parse_name, ACTOR_KINDS, FIGURE_KINDS, QUALIFIERS, STANCES};

/// A JSON value. Objects keep their keys in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object: its members in order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is a whole number that fits in a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// The number, if this is a whole number that fits in a `usize`.
    pub fn as_usize(&self) -> Option<usize> {
        self.as_u64().and_then(|n| usize::try_from(n).ok())
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// Adds (or replaces) the member `key` of an object; does nothing to other values.
    pub fn insert(&mut self, key: &str, value: Value) {
        if let Value::Object(members) = self {
            match members.iter_mut().find(|(k, _)| k == key) {
                Some(member) => member.1 = value,
                None => members.push((key.to_string(), value)),
            }
        }
    }
}

/// Builds a [`Value::Object`]: `object! { "id": f.id, "start": f.start }` (each value through [`ToJson`]).
macro_rules! object {
    ($($key:literal : $value:expr),* $(,)?) => {
        $crate::web::json::Value::Object(vec![$(($key.to_string(), $crate::web::json::ToJson::to_json(&$value))),*])
    };
}
pub(crate) use object;

/// Conversion to a JSON [`Value`].
pub trait ToJson {
    /// This as a JSON value.
    fn to_json(&self) -> Value;
}

impl ToJson for Value {
    fn to_json(&self) -> Value {
        self.clone()
    }
}

impl ToJson for str {
    fn to_json(&self) -> Value {
        Value::String(self.to_string())
    }
}

impl ToJson for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self) -> Value {
        (**self).to_json()
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}

/// Unsigned integers are numbers, written in decimal.
macro_rules! number_to_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Value {
                Value::Number(self.to_string())
            }
        }
    )*};
}
number_to_json!(usize, u64, u32);

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToJson::to_json)
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Value {
        Value::Array(self.iter().map(ToJson::to_json).collect())
    }
}

impl ToJson for Figure {
    fn to_json(&self) -> Value {
        object! {
            "id": self.id, "start": self.start, "end": self.end, "text": self.text,
            "kind": super::analysis::name_of(&FIGURE_KINDS, self.kind), "value": self.value, "min": self.min, "max": self.max,
            "qualifier": super::analysis::name_of(&QUALIFIERS, self.qualifier), "owner": self.owner,
            "location": self.location, "action": self.action,
        }
    }
}

impl ToJson for Mention {
    fn to_json(&self) -> Value {
        object! { "start": self.start, "end": self.end, "text": self.text }
    }
}

impl ToJson for Actor {
    fn to_json(&self) -> Value {
        object! {
            "id": self.id, "name": self.name, "kind": super::analysis::name_of(&ACTOR_KINDS, self.kind),
            "role": self.role, "mentions": self.mentions,
        }
    }
}

impl ToJson for Claim {
    fn to_json(&self) -> Value {
        object! {
            "id": self.id, "start": self.start, "end": self.end, "text": self.text, "source": self.source,
            "cue": self.cue, "stance": super::analysis::name_of(&STANCES, self.stance), "contested": self.contested,
            "contested_by": self.contested_by,
        }
    }
}

impl ToJson for Annotations {
    fn to_json(&self) -> Value {
        object! { "figures": self.figures, "actors": self.actors, "claims": self.claims }
    }
}

/// Reads annotations back from their JSON (as [`ToJson`] writes them); `None` if any part is amiss.
pub fn annotations(value: &Value) -> Option<Annotations> {
    fn string(v: &Value, key: &str) -> Option<String> {
        v.get(key)?.as_str().map(String::from)
    }
    fn offset(v: &Value, key: &str) -> Option<usize> {
        v.get(key)?.as_usize()
    }
    fn list<T>(v: &Value, key: &str, item: fn(&Value) -> Option<T>) -> Option<Vec<T>> {
        v.get(key)?.as_array()?.iter().map(item).collect()
    }
    fn figure(v: &Value) -> Option<Figure> {
        Some(Figure {
            id: string(v, "id")?,
            start: offset(v, "start")?,
            end: offset(v, "end")?,
            text: string(v, "text")?,
            kind: parse_name(&FIGURE_KINDS, v.get("kind")?.as_str()?)?,
            value: v.get("value").and_then(Value::as_u64),
            min: v.get("min").and_then(Value::as_u64),
            max: v.get("max").and_then(Value::as_u64),
            qualifier: parse_name(&QUALIFIERS, v.get("qualifier")?.as_str()?)?,
            owner: string(v, "owner"),
            location: string(v, "location"),
            action: string(v, "action"),
        })
    }
    fn mention(v: &Value) -> Option<Mention> {
        Some(Mention { start: offset(v, "start")?, end: offset(v, "end")?, text: string(v, "text")? })
    }
    fn actor(v: &Value) -> Option<Actor> {
        Some(Actor {
            id: string(v, "id")?,
            name: string(v, "name")?,
            kind: parse_name(&ACTOR_KINDS, v.get("kind")?.as_str()?)?,
            role: string(v, "role"),
            mentions: list(v, "mentions", mention)?,
        })
    }
    fn claim(v: &Value) -> Option<Claim> {
        Some(Claim {
            id: string(v, "id")?,
            start: offset(v, "start")?,
            end: offset(v, "end")?,
            text: string(v, "text")?,
            source: string(v, "source"),
            cue: string(v, "cue")?,
            stance: parse_name(&STANCES, v.get("stance")?.as_str()?)?,
            contested: v.get("contested")?.as_bool()?,
            contested_by: list(v, "contested_by", |c| c.as_str().map(String::from))?,
        })
    }
    Some(Annotations {
        figures: list(value, "figures", figure)?,
        actors: list(value, "actors", actor)?,
        claims: list(value, "claims", claim)?,
    })
}

// ---------------------------------------------------------------- printing

/// `value` as compact JSON text.
pub fn to_string(value: &Value) -> String {
    let mut out = String::new();
    write(value, None, 0, &mut out);
    out
}

/// `value` as JSON text indented by two spaces.
pub fn to_string_pretty(value: &Value) -> String {
    let mut out = String::new();
    write(value, Some("  "), 0, &mut out);
    out
}

fn newline(indent: Option<&str>, depth: usize, out: &mut String) {
    if let Some(unit) = indent {
        out.push('\n');
        for _ in 0..depth {
            out.push_str(unit);
        }
    }
}

fn write(value: &Value, indent: Option<&str>, depth: usize, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::String(s) => write_string(s, out),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(members) if members.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(indent, depth + 1, out);
                write(item, indent, depth + 1, out);
            }
            newline(indent, depth, out);
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(indent, depth + 1, out);
                write_string(key, out);
                out.push_str(if indent.is_some() { ": " } else { ":" });
                write(item, indent, depth + 1, out);
            }
            newline(indent, depth, out);
            out.push('}');
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

// ---------------------------------------------------------------- parsing

/// How deeply arrays and objects may nest (as serde_json): deeper input is refused, not overflowed.
const MAX_DEPTH: usize = 128;

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    what: &'static str,
    line: usize,
    column: usize,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at line {} column {}", self.what, self.line, self.column)
    }
}

/// Parses JSON text into a value.
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut parser = Parser { text, at: 0 };
    let value = parser.value(0)?;
    parser.space();
    if parser.at < text.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn error(&self, what: &'static str) -> Error {
        let before = self.text.get(..self.at).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Error { what, line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        if self.peek() == Some(byte) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        self.space();
        let rest = &self.text.as_bytes()[self.at..];
        for (word, value) in [("null", Value::Null), ("true", Value::Bool(true)), ("false", Value::Bool(false))] {
            if rest.starts_with(word.as_bytes()) {
                self.at += word.len();
                return Ok(value);
            }
        }
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(open @ (b'[' | b'{')) => {
                if depth >= MAX_DEPTH {
                    return Err(self.error("recursion limit exceeded"));
                }
                self.at += 1;
                let close = if open == b'[' { b']' } else { b'}' };
                let mut items = Vec::new();
                let mut members = Vec::new();
                if !self.eat(close) {
                    loop {
                        if open == b'[' {
                            items.push(self.value(depth + 1)?);
                        } else {
                            self.space();
                            if self.peek() != Some(b'"') {
                                return Err(self.error("key must be a string"));
                            }
                            let key = self.string()?;
                            if !self.eat(b':') {
                                return Err(self.error("expected `:`"));
                            }
                            members.push((key, self.value(depth + 1)?));
                        }
                        if self.eat(close) {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.error(if self.peek().is_none() { "EOF while parsing" } else { "expected `,` or a closing bracket" }));
                        }
                    }
                }
                Ok(if open == b'[' { Value::Array(items) } else { Value::Object(members) })
            }
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.at;
        let bytes = self.text.as_bytes();
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        let mut at = self.at;
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        let whole = at;
        let mut ok = digits(&mut at) && !(bytes[whole] == b'0' && at - whole > 1);
        if ok && bytes.get(at) == Some(&b'.') {
            at += 1;
            ok = digits(&mut at);
        }
        if ok && matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            ok = digits(&mut at);
        }
        self.at = at;
        if !ok {
            return Err(self.error("invalid number"));
        }
        Ok(Value::Number(self.text[start..at].to_string()))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self.text.get(self.at..self.at + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let value = digits.and_then(|d| u32::from_str_radix(d, 16).ok()).ok_or_else(|| self.error("invalid escape"))?;
        self.at += 4;
        Ok(value)
    }

    /// A string; `self.at` is on its opening quote.
    fn string(&mut self) -> Result<String, Error> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.at..];
            let run = rest.find(|c: char| c == '"' || c == '\\' || (c as u32) < 0x20).ok_or_else(|| {
                self.at = self.text.len();
                self.error("EOF while parsing a string")
            })?;
            out.push_str(&rest[..run]);
            self.at += run;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escape = self.peek().ok_or_else(|| self.error("EOF while parsing a string"))?;
                    self.at += 1;
                    out.push(match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) && self.text[self.at..].starts_with("\\u") {
                                let back = self.at;
                                self.at += 2;
                                let second = self.hex4()?;
                                if (0xDC00..0xE000).contains(&second) {
                                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                                } else {
                                    self.at = back;
                                    first
                                }
                            } else {
                                first
                            };
                            // A lone surrogate has no UTF-8 form: it becomes U+FFFD.
                            char::from_u32(code).unwrap_or('\u{fffd}')
                        }
                        _ => return Err(self.error("invalid escape")),
                    });
                }
                _ => return Err(self.error("control character in a string")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! The page's hand-written JSON must say exactly what serde says for the same annotations
    //! (the CLI's and the JS API's JSON): every enum name, every field, strings with escapes.
    use super::*;
    use crate::engine::schema::{ActorKind, FigureKind, Qualifier, Stance};
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// Annotations holding every figure kind, qualifier, actor kind and stance, and awkward strings.
    fn every_variant() -> Annotations {
        let qualifiers = [Qualifier::Exact, Qualifier::Approximate, Qualifier::AtLeast, Qualifier::AtMost, Qualifier::Range, Qualifier::Vague];
        let kinds = [ActorKind::Person, ActorKind::State, ActorKind::Military, ActorKind::ArmedGroup, ActorKind::Media, ActorKind::Organization];
        let stances = [Stance::Asserted, Stance::Denied, Stance::Hedged];
        let figures = qualifiers
            .iter()
            .enumerate()
            .map(|(i, &qualifier)| Figure {
                id: format!("f{i}"),
                start: i * 10,
                end: i * 10 + 5,
                text: "\"about\" 2,500\ttroops \u{1F1FA}\u{1F1E6} \\ / \u{7}".into(),
                kind: if i % 2 == 0 { FigureKind::Force } else { FigureKind::Casualty },
                value: (i % 3 != 0).then_some(2500),
                min: Some(u64::MAX),
                max: None,
                qualifier,
                owner: (i % 2 == 0).then(|| "a0".into()),
                location: Some("Côte d’Ivoire".into()),
                action: None,
            })
            .collect();
        let actors = kinds
            .iter()
            .enumerate()
            .map(|(i, &kind)| Actor {
                id: format!("a{i}"),
                name: format!("Actor «{i}»"),
                kind,
                role: (i == 0).then(|| "defence minister".into()),
                mentions: vec![Mention { start: i, end: i + 1, text: "مراسل".into() }],
            })
            .collect();
        let claims = stances
            .iter()
            .enumerate()
            .map(|(i, &stance)| Claim {
                id: format!("c{i}"),
                start: 0,
                end: 3,
                text: "line\nbreak".into(),
                source: None,
                cue: "said".into(),
                stance,
                contested: i > 0,
                contested_by: (0..i).map(|j| format!("c{j}")).collect(),
            })
            .collect();
        Annotations { figures, actors, claims }
    }

    #[wasm_bindgen_test]
    fn writes_what_serde_writes() {
        let annotations = every_variant();
        let ours: serde_json::Value = serde_json::from_str(&to_string(&annotations.to_json())).expect("our JSON parses");
        assert_eq!(ours, serde_json::to_value(&annotations).expect("serde writes it"));
    }

    #[wasm_bindgen_test]
    fn reads_what_serde_writes() {
        let annotations = every_variant();
        let text = serde_json::to_string_pretty(&annotations).expect("serde writes it");
        let value = parse(&text).expect("our parser reads serde's JSON");
        assert_eq!(super::annotations(&value), Some(annotations));
    }
}
