//! A light walk over RON text that knows where each field of the document sits, without
//! building values: serde reads the numbers, this only finds places. It serves three things
//! serde cannot: the line and column of an unknown field, the field a syntax error is in, and
//! where to put unknown fields back when the document is written again.
//!
//! The walk keeps its own stack instead of recursing, so text nested a million levels deep
//! cannot overflow the stack, and it never fails: on broken text it reports what it saw up to
//! the break.

use std::fmt;

use serde::{Deserialize, Serialize};

/// One step from the document down to a value: a field of a struct, an item of a list, or the
/// inside of `Some(…)`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Step {
    Field(String),
    Index(usize),
    Some,
}

/// Where a value sits in the document, e.g. `scenarios[0].assumptions.revenue_goal`.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FieldPath(pub Vec<Step>);

impl FieldPath {
    /// The path without its last step (the struct a field belongs to).
    pub fn parent(&self) -> Self {
        let mut steps = self.0.clone();
        steps.pop();
        Self(steps)
    }

    /// The name of the last field on the path.
    pub fn last_field(&self) -> Option<&str> {
        self.0.iter().rev().find_map(|step| match step {
            Step::Field(name) => Some(name.as_str()),
            _ => None,
        })
    }
}

impl fmt::Display for FieldPath {
    /// As a person reading the file would name the place: `holidays[2]`, `Some` left out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for step in &self.0 {
            match step {
                Step::Field(name) => {
                    if !first {
                        f.write_str(".")?;
                    }
                    f.write_str(name)?;
                    first = false;
                }
                Step::Index(i) => write!(f, "[{i}]")?,
                Step::Some => {}
            }
        }
        Ok(())
    }
}

/// A field as written in the text: `name: value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldSpan {
    pub path: FieldPath,
    /// Byte offset of the field's name.
    pub start: usize,
    /// Byte offset just after the field's value.
    pub end: usize,
}

/// The closing parenthesis of a struct.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StructEnd {
    pub path: FieldPath,
    /// Byte offset of the `)`.
    pub close: usize,
    /// Byte offset just after the last field's value, when the struct has a field.
    pub last_value_end: Option<usize>,
    /// Whether a comma follows the last field.
    pub trailing_comma: bool,
}

/// Everything the walk found.
#[derive(Debug, Default)]
pub struct Outline {
    pub fields: Vec<FieldSpan>,
    pub struct_ends: Vec<StructEnd>,
    /// The path of the value being read when the walk reached its `stop` offset.
    pub path_at_stop: Option<FieldPath>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    Open(u8),
    Close(u8),
    Comma,
    Colon,
    /// An identifier, number, string or character.
    Atom,
}

/// RON text as tokens with their byte ranges; comments and white space are skipped. Lazy, so
/// a walk that stops early reads no further and a big file is never held as a token list.
struct Tokens<'a> {
    bytes: &'a [u8],
    i: usize,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            i: 0,
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = (Token, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.bytes;
        while self.i < bytes.len() {
            let start = self.i;
            let b = bytes[start];
            let (token, end) = match b {
                b' ' | b'\t' | b'\n' | b'\r' => {
                    self.i += 1;
                    continue;
                }
                b'/' if bytes.get(start + 1) == Some(&b'/') => {
                    self.i = bytes[start..]
                        .iter()
                        .position(|b| *b == b'\n')
                        .map_or(bytes.len(), |n| start + n);
                    continue;
                }
                b'/' if bytes.get(start + 1) == Some(&b'*') => {
                    self.i = block_comment_end(bytes, start);
                    continue;
                }
                b'(' | b'[' | b'{' => (Token::Open(b), start + 1),
                b')' | b']' | b'}' => (Token::Close(b), start + 1),
                b',' => (Token::Comma, start + 1),
                b':' => (Token::Colon, start + 1),
                b'"' | b'\'' => (Token::Atom, quoted_end(bytes, start, b)),
                _ => (
                    Token::Atom,
                    raw_string_end(bytes, start).unwrap_or_else(|| word_end(bytes, start)),
                ),
            };
            self.i = end;
            return Some((token, start, end));
        }
        None
    }
}

/// The end of a `/* … */` comment (they nest in RON).
fn block_comment_end(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < bytes.len() {
        if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// The end of a quoted string or character starting at `i`, escapes included.
fn quoted_end(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    i += 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// `r"…"`, `r#"…"#`, `b"…"` and `br#"…"#`: the end, when a raw or byte string starts at `i`.
fn raw_string_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    if bytes.get(j) == Some(&b'b') {
        j += 1;
    }
    let raw = bytes.get(j) == Some(&b'r');
    if raw {
        j += 1;
    }
    if j == i {
        return None;
    }
    let hashes = bytes[j..].iter().take_while(|b| **b == b'#').count();
    if !raw && hashes > 0 {
        return None;
    }
    j += hashes;
    if bytes.get(j) != Some(&b'"') {
        return None;
    }
    if !raw {
        return Some(quoted_end(bytes, j, b'"'));
    }
    j += 1;
    while j < bytes.len() {
        if bytes[j] == b'"' && bytes[j + 1..].iter().take_while(|b| **b == b'#').count() >= hashes {
            return Some(j + 1 + hashes);
        }
        j += 1;
    }
    Some(bytes.len())
}

fn word_end(bytes: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < bytes.len()
        && !matches!(
            bytes[i],
            b' ' | b'\t'
                | b'\n'
                | b'\r'
                | b'('
                | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b','
                | b':'
                | b'"'
                | b'\''
                | b'/'
        )
    {
        i += 1;
    }
    i
}

/// An open bracket on the walk's stack.
struct Frame {
    /// How the enclosing frame reaches this value (`None` for the document itself).
    step: Option<Step>,
    kind: FrameKind,
    /// The field being read: its name and where the name starts.
    field: Option<(String, usize)>,
    /// Items read so far in a list.
    index: usize,
    /// End of the last value seen directly in this frame.
    value_end: Option<usize>,
    /// End of the last finished field's value, and whether a comma followed it.
    last_field_end: Option<usize>,
    trailing_comma: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FrameKind {
    /// `(…)` or `Name(…)`: a struct (or a tuple; it then has no fields).
    Parens,
    List,
    Map,
    Some,
}

impl Frame {
    fn new(step: Option<Step>, kind: FrameKind) -> Self {
        Self {
            step,
            kind,
            field: None,
            index: 0,
            value_end: None,
            last_field_end: None,
            trailing_comma: false,
        }
    }

    /// How this frame reaches the value that starts now inside it.
    fn child_step(&self) -> Option<Step> {
        match (self.kind, &self.field) {
            (FrameKind::Parens, Some((name, _))) => Some(Step::Field(name.clone())),
            (FrameKind::List, _) => Some(Step::Index(self.index)),
            (FrameKind::Some, _) => Some(Step::Some),
            _ => None,
        }
    }
}

/// The path of the frames on the stack: built only when asked, so a deep stack costs nothing
/// until a path is needed.
fn stack_path(stack: &[Frame]) -> FieldPath {
    FieldPath(stack.iter().filter_map(|f| f.step.clone()).collect())
}

/// The path of the value that starts now at the top of the stack.
fn child_path(stack: &[Frame]) -> FieldPath {
    let mut path = stack_path(stack);
    if let Some(step) = stack.last().and_then(Frame::child_step) {
        path.0.push(step);
    }
    path
}

/// Walks `text` and lists its fields and struct ends. With `stop`, it lists nothing and only
/// records the path of the value being read at that byte offset.
pub fn outline(text: &str, stop: Option<usize>) -> Outline {
    let mut tokens = Tokens::new(text).peekable();
    let mut out = Outline::default();
    let record = stop.is_none();
    let mut stack: Vec<Frame> = Vec::new();
    while let Some((token, start, end)) = tokens.next() {
        if stop.is_some_and(|stop| start >= stop) {
            break;
        }
        let next = tokens.peek().map(|t| t.0);
        match token {
            Token::Atom if next == Some(Token::Colon) && at_field_start(&stack) => {
                if let Some(frame) = stack.last_mut() {
                    // `r#name` is RON's raw identifier for `name`.
                    let name = &text[start..end];
                    let name = name.strip_prefix("r#").unwrap_or(name);
                    frame.field = Some((name.to_owned(), start));
                }
                tokens.next();
                continue;
            }
            Token::Atom if next == Some(Token::Open(b'(')) => {
                let step = stack.last().and_then(Frame::child_step);
                let kind = if &text[start..end] == "Some" {
                    FrameKind::Some
                } else {
                    FrameKind::Parens
                };
                stack.push(Frame::new(step, kind));
                tokens.next();
                continue;
            }
            Token::Atom => {
                if let Some(frame) = stack.last_mut() {
                    frame.value_end = Some(end);
                }
            }
            Token::Open(bracket) => {
                let step = stack.last().and_then(Frame::child_step);
                let kind = match bracket {
                    b'[' => FrameKind::List,
                    b'{' => FrameKind::Map,
                    _ => FrameKind::Parens,
                };
                stack.push(Frame::new(step, kind));
            }
            Token::Comma => finish_item(&mut stack, &mut out, true, record),
            Token::Close(_) => {
                finish_item(&mut stack, &mut out, false, record);
                if let Some(frame) = stack.last()
                    && frame.kind == FrameKind::Parens
                    && record
                {
                    out.struct_ends.push(StructEnd {
                        path: stack_path(&stack),
                        close: start,
                        last_value_end: frame.last_field_end,
                        trailing_comma: frame.trailing_comma,
                    });
                }
                stack.pop();
                if let Some(parent) = stack.last_mut() {
                    parent.value_end = Some(end);
                }
            }
            Token::Colon => {}
        }
    }
    if stop.is_some() {
        out.path_at_stop = Some(child_path(&stack));
    }
    out
}

/// A name followed by `:` starts a field only directly inside a struct's parentheses, before
/// any value of the current item.
fn at_field_start(stack: &[Frame]) -> bool {
    stack
        .last()
        .is_some_and(|frame| frame.kind == FrameKind::Parens && frame.field.is_none())
}

/// An item of the top frame ended (at a comma, or at the closing bracket).
fn finish_item(stack: &mut [Frame], out: &mut Outline, comma: bool, record: bool) {
    let path = match stack.last() {
        Some(frame) if record && frame.kind == FrameKind::Parens && frame.field.is_some() => {
            Some(child_path(stack))
        }
        _ => None,
    };
    let Some(frame) = stack.last_mut() else {
        return;
    };
    match frame.kind {
        FrameKind::Parens => {
            if let (Some((_, name_start)), Some(value_end)) = (&frame.field, frame.value_end) {
                if let Some(path) = path {
                    out.fields.push(FieldSpan {
                        path,
                        start: *name_start,
                        end: value_end,
                    });
                }
                frame.last_field_end = Some(value_end);
                frame.trailing_comma = comma;
            } else if comma {
                frame.trailing_comma = true;
            }
            frame.field = None;
        }
        FrameKind::List if comma => frame.index += 1,
        _ => {}
    }
    frame.value_end = None;
}

/// The byte range of the token at `offset`: the one containing it, else the next one.
pub fn token_at(text: &str, offset: usize) -> Option<(usize, usize)> {
    Tokens::new(text)
        .find(|(_, _, end)| *end > offset)
        .map(|(_, start, end)| (start, end))
}

/// Line and column (both from 1, the column in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The byte offset of line `line`, column `col` (both from 1, the column in characters).
pub fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line {
        match text[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[offset..];
    offset
        + rest
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str) -> Step {
        Step::Field(name.to_owned())
    }

    #[test]
    fn finds_fields_in_lists_options_and_nested_structs() {
        let text = r##"SlaDocument( // a comment with ( and "
    title: "a ) b, c: d",
    scenarios: [Scenario(name: r#"x"y"#, assumptions: (capacity: Some(SalesCapacity(reps: 2, extra: [1, 2]))))],
    approvals: [(who: "Sanne")],
)"##;
        let outline = outline(text, None);
        let paths: Vec<String> = outline.fields.iter().map(|f| f.path.to_string()).collect();
        assert!(paths.contains(&"scenarios[0].assumptions.capacity.extra".to_owned()));
        let extra = outline
            .fields
            .iter()
            .find(|f| f.path.last_field() == Some("extra"))
            .unwrap();
        assert_eq!(&text[extra.start..extra.end], "extra: [1, 2]");
        assert_eq!(
            extra.path.0,
            vec![
                field("scenarios"),
                Step::Index(0),
                field("assumptions"),
                field("capacity"),
                Step::Some,
                field("extra"),
            ]
        );
        let root = outline
            .struct_ends
            .iter()
            .find(|s| s.path.0.is_empty())
            .unwrap();
        assert!(root.trailing_comma);
        assert_eq!(&text[root.close..], ")");
    }

    #[test]
    fn the_path_at_an_offset_names_the_field_being_read() {
        let text =
            "SlaDocument(scenarios: [(assumptions: (holidays: [\"2027-01-01\", \"2027-02-30\"]))])";
        let at = text.find("\"2027-02-30").unwrap();
        let path = outline(text, Some(at)).path_at_stop.unwrap();
        assert_eq!(path.to_string(), "scenarios[0].assumptions.holidays[1]");
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let text = "[".repeat(1_000_000);
        let outline = outline(&text, Some(text.len()));
        assert_eq!(outline.path_at_stop.unwrap().0.len(), 1_000_000);
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\n€x";
        assert_eq!(line_col(text, text.find('x').unwrap()), (2, 2));
        assert_eq!(offset_of(text, 2, 2), text.find('x').unwrap());
    }
}
