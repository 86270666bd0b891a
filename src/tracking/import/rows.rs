//! The rows of a CRM export, read as the file streams by, each with the lines it spans.
//!
//! The grammar is the one the `csv` crate and spreadsheets read: fields split by the
//! delimiter, rows by `\n`, `\r\n` or a lone `\r` (empty lines are no rows), a field in
//! quotes may hold delimiters, line breaks and doubled quotes (`""`), a quote inside an
//! unquoted field is a character, and text after a closing quote is added to the field. It is
//! read here, in one small state machine, because the messages need what `csv` does not say:
//! the line a row starts and ends on with every line ending (`csv` counts `\n` only, so
//! `\r\n` files were a line off), the line a quote opened on when the file ends inside it,
//! and whether a quoted field over several lines looks like rows swallowed by a stray quote.
//!
//! Memory stays bounded whatever the file holds: a row is kept up to [`MAX_ROW_BYTES`], a
//! field up to [`MAX_FIELD_BYTES`] and [`MAX_COLUMNS`] columns; beyond, the row is read to
//! its end without keeping it and reported.

use std::io::Read;

use super::decode::{CHUNK, Decoder, fill};

/// The longest row (a line, or the lines of a row with line breaks in quotes), in bytes.
pub const MAX_ROW_BYTES: usize = 1_000_000;
/// The longest field, in bytes.
pub const MAX_FIELD_BYTES: usize = 100_000;
/// The most columns a row may have.
pub const MAX_COLUMNS: usize = 10_000;

const QUOTE: u8 = b'"';

/// Why a row could not be read as a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// A quoted field over several lines that closes in the middle of a field, or holds as
    /// many delimiters as a whole row: a quote left open on `opened` swallowed the rows after
    /// it until another stray quote.
    QuoteSpansRows { opened: u64 },
    /// Longer than [`MAX_ROW_BYTES`].
    TooLong,
    /// More than [`MAX_COLUMNS`] columns.
    TooManyColumns,
    /// The field of this column is longer than [`MAX_FIELD_BYTES`].
    FieldTooLong { column: usize },
}

/// Where a row is in the file, and what is wrong with it if it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The line it starts on (1-based).
    pub line: u64,
    /// The line it ends on: more than `line` when a quoted field holds line breaks.
    pub last_line: u64,
    pub problem: Option<RowProblem>,
}

/// The file ended inside a quoted field that opened on `line`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnclosedQuote {
    pub line: u64,
}

/// What stopped the reading of rows.
#[derive(Debug)]
pub enum RowsError {
    Io(std::io::Error),
    UnclosedQuote(UnclosedQuote),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Between rows: line breaks are skipped.
    StartRow,
    StartField,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: a second one is a quote, anything else closes it.
    QuoteInQuoted,
}

/// Rows from a stream of bytes, decoded as they are read.
pub struct Rows<'a> {
    source: Box<dyn Read + 'a>,
    decoder: Decoder,
    raw: Vec<u8>,
    /// Decoded text not yet read into rows, from `at`.
    text: Vec<u8>,
    at: usize,
    ended: bool,
    /// Bytes of the file read so far.
    read: u64,
    parser: Parser,
}

impl std::fmt::Debug for Rows<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rows")
            .field("read", &self.read)
            .field("line", &self.parser.line)
            .finish_non_exhaustive()
    }
}

impl<'a> Rows<'a> {
    pub fn new(source: Box<dyn Read + 'a>, decoder: Decoder, delimiter: u8) -> Self {
        Self {
            source,
            decoder,
            raw: vec![0; CHUNK],
            text: Vec::with_capacity(CHUNK * 2),
            at: 0,
            ended: false,
            read: 0,
            parser: Parser::new(delimiter),
        }
    }

    /// From now on, a quoted field over several lines with `columns − 1` delimiters in it
    /// reads as whole rows swallowed (see [`RowProblem::QuoteSpansRows`]).
    pub fn expect_columns(&mut self, columns: usize) {
        self.parser.row_delimiters = Some(columns.saturating_sub(1).max(1));
    }

    /// Bytes of the file read so far.
    pub fn bytes_read(&self) -> u64 {
        self.read
    }

    /// The line the next row can start on: after the last row read, and after any empty
    /// lines read past at the end of the file. Lines between one row's last line and the next
    /// row's first are empty lines, which are no rows here.
    pub fn line(&self) -> u64 {
        self.parser.line
    }

    /// Reads the next row into `record`; `None` at the end of the file.
    pub fn next(&mut self, record: &mut csv::StringRecord) -> Result<Option<Row>, RowsError> {
        record.clear();
        loop {
            if self.at == self.text.len() {
                if self.ended {
                    return self.parser.finish(record).map_err(RowsError::UnclosedQuote);
                }
                self.refill().map_err(RowsError::Io)?;
                continue;
            }
            let (used, row) = self.parser.feed(&self.text[self.at..], record);
            self.at += used;
            if row.is_some() {
                return Ok(row);
            }
        }
    }

    fn refill(&mut self) -> std::io::Result<()> {
        self.text.clear();
        self.at = 0;
        let read = fill(&mut *self.source, &mut self.raw)?;
        self.read += read as u64;
        self.ended = read < self.raw.len();
        self.decoder
            .decode(&self.raw[..read], self.ended, &mut self.text);
        Ok(())
    }
}

/// The state machine of rows, fed with decoded text.
#[derive(Debug)]
struct Parser {
    delimiter: u8,
    state: State,
    /// The line the next byte is on.
    line: u64,
    after_cr: bool,
    row_delimiters: Option<usize>,
    // The row being read.
    first_line: u64,
    row_bytes: usize,
    columns: usize,
    field: Vec<u8>,
    field_bytes: usize,
    long_field: Option<usize>,
    quote_opened: u64,
    quote_breaks: bool,
    quote_delimiters: usize,
    suspect: Option<u64>,
}

impl Parser {
    fn new(delimiter: u8) -> Self {
        Self {
            delimiter,
            state: State::StartRow,
            line: 1,
            after_cr: false,
            row_delimiters: None,
            first_line: 1,
            row_bytes: 0,
            columns: 0,
            field: Vec::new(),
            field_bytes: 0,
            long_field: None,
            quote_opened: 0,
            quote_breaks: false,
            quote_delimiters: 0,
            suspect: None,
        }
    }

    /// Reads `input` until a row ends; how many bytes were used, and the row if one ended.
    fn feed(&mut self, input: &[u8], record: &mut csv::StringRecord) -> (usize, Option<Row>) {
        let mut i = 0;
        while i < input.len() {
            let byte = input[i];
            if byte != b'\n' {
                // Only a `\n` right after a `\r` belongs to its line break.
                self.after_cr &= byte == b'\r';
            }
            match self.state {
                State::StartRow => {
                    if byte == b'\r' || byte == b'\n' {
                        self.line_break(byte);
                        i += 1;
                    } else {
                        self.start_row();
                        self.state = State::StartField;
                    }
                }
                State::StartField => {
                    if byte == QUOTE {
                        self.state = State::Quoted;
                        self.quote_opened = self.line;
                        self.quote_breaks = false;
                        self.quote_delimiters = 0;
                        self.row_bytes += 1;
                        i += 1;
                    } else {
                        self.state = State::Unquoted;
                    }
                }
                State::Unquoted => {
                    let delimiter = self.delimiter;
                    let run = input[i..]
                        .iter()
                        .position(|&b| b == delimiter || b == b'\r' || b == b'\n')
                        .unwrap_or(input.len() - i);
                    self.push(&input[i..i + run]);
                    i += run;
                    let Some(&end) = input.get(i) else {
                        break;
                    };
                    i += 1;
                    self.end_field(record);
                    if end == delimiter {
                        self.row_bytes += 1;
                        self.state = State::StartField;
                    } else {
                        let last_line = self.line;
                        self.line_break(end);
                        return (i, Some(self.end_row(last_line)));
                    }
                }
                State::Quoted => {
                    let delimiter = self.delimiter;
                    let run = input[i..]
                        .iter()
                        .position(|&b| b == QUOTE || b == delimiter || b == b'\r' || b == b'\n')
                        .unwrap_or(input.len() - i);
                    self.push(&input[i..i + run]);
                    i += run;
                    let Some(&special) = input.get(i) else {
                        break;
                    };
                    i += 1;
                    if special == QUOTE {
                        self.row_bytes += 1;
                        self.state = State::QuoteInQuoted;
                    } else {
                        self.push(&[special]);
                        if special == delimiter {
                            self.quote_delimiters += 1;
                        } else {
                            self.quote_breaks = true;
                            self.line_break(special);
                        }
                    }
                }
                State::QuoteInQuoted => {
                    if byte == QUOTE {
                        self.push(&[QUOTE]);
                        self.state = State::Quoted;
                        i += 1;
                    } else {
                        let at_field_end = byte == self.delimiter || byte == b'\r' || byte == b'\n';
                        self.close_quote(at_field_end);
                        self.state = State::Unquoted;
                    }
                }
            }
        }
        (i, None)
    }

    /// The end of the file: the last row when it has no line break after it.
    fn finish(&mut self, record: &mut csv::StringRecord) -> Result<Option<Row>, UnclosedQuote> {
        match self.state {
            State::StartRow => return Ok(None),
            State::Quoted => {
                return Err(UnclosedQuote {
                    line: self.quote_opened,
                });
            }
            State::QuoteInQuoted => self.close_quote(true),
            State::StartField | State::Unquoted => {}
        }
        self.end_field(record);
        Ok(Some(self.end_row(self.line)))
    }

    fn line_break(&mut self, byte: u8) {
        if byte == b'\r' {
            self.line += 1;
            self.after_cr = true;
        } else {
            self.line += u64::from(!self.after_cr);
            self.after_cr = false;
        }
    }

    fn start_row(&mut self) {
        self.first_line = self.line;
        self.row_bytes = 0;
        self.columns = 0;
        self.long_field = None;
        self.suspect = None;
    }

    /// Adds bytes to the field, keeping them only while the row is within the limits.
    fn push(&mut self, bytes: &[u8]) {
        self.row_bytes += bytes.len();
        self.field_bytes += bytes.len();
        if self.field_bytes <= MAX_FIELD_BYTES && self.row_bytes <= MAX_ROW_BYTES {
            self.field.extend_from_slice(bytes);
        }
    }

    fn end_field(&mut self, record: &mut csv::StringRecord) {
        self.columns += 1;
        if self.field_bytes > MAX_FIELD_BYTES {
            self.long_field.get_or_insert(self.columns - 1);
        } else if self.columns <= MAX_COLUMNS && self.row_bytes <= MAX_ROW_BYTES {
            // The text was decoded to UTF-8 and fields end at ASCII bytes: always whole.
            record.push_field(&String::from_utf8_lossy(&self.field));
        }
        self.field.clear();
        self.field_bytes = 0;
    }

    /// A quoted field closed; `at_field_end` when the closing quote is followed by a delimiter
    /// or a line break, as it should be.
    fn close_quote(&mut self, at_field_end: bool) {
        let holds_rows = self
            .row_delimiters
            .is_some_and(|n| self.quote_delimiters >= n);
        if self.quote_breaks && (!at_field_end || holds_rows) {
            self.suspect.get_or_insert(self.quote_opened);
        }
    }

    fn end_row(&mut self, last_line: u64) -> Row {
        self.state = State::StartRow;
        let problem = if let Some(opened) = self.suspect {
            Some(RowProblem::QuoteSpansRows { opened })
        } else if self.row_bytes > MAX_ROW_BYTES {
            Some(RowProblem::TooLong)
        } else if self.columns > MAX_COLUMNS {
            Some(RowProblem::TooManyColumns)
        } else {
            self.long_field
                .map(|column| RowProblem::FieldTooLong { column })
        };
        Row {
            line: self.first_line,
            last_line,
            problem,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tracking::import::decode::Encoding;

    /// Every row of `text` as its fields and lines, or where a quote stays open.
    fn rows(text: &str) -> Result<Vec<(Vec<String>, u64, u64)>, UnclosedQuote> {
        let mut rows = Rows::new(
            Box::new(text.as_bytes()),
            Decoder::new(Encoding::Utf8),
            b',',
        );
        let mut record = csv::StringRecord::new();
        let mut found = Vec::new();
        loop {
            match rows.next(&mut record) {
                Ok(Some(row)) => found.push((
                    record.iter().map(str::to_owned).collect(),
                    row.line,
                    row.last_line,
                )),
                Ok(None) => return Ok(found),
                Err(RowsError::UnclosedQuote(open)) => return Err(open),
                Err(RowsError::Io(e)) => panic!("{e}"),
            }
        }
    }

    /// The records the `csv` crate reads from `text`, as the importer read files before.
    fn csv_records(text: &str) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.map_or_else(|e| panic!("{e}"), |r| r.iter().map(str::to_owned).collect()))
            .collect()
    }

    proptest::proptest! {
        /// Any text of delimiters, quotes, line breaks and letters reads as the `csv` crate
        /// reads it, unless a quote stays open at the end (which `csv` reads as a field).
        #[test]
        fn rows_read_as_the_csv_crate_reads_them(text in "[a\u{e9} ,\"\r\n]{0,40}") {
            if let Ok(found) = rows(&text) {
                let found: Vec<Vec<String>> = found.into_iter().map(|(f, _, _)| f).collect();
                proptest::prop_assert_eq!(found, csv_records(&text));
            }
        }
    }

    fn fields(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn fields_read_as_the_csv_crate_reads_them() {
        assert_eq!(
            rows("a,\"b,c\",\"d \"\"e\"\"\",f\"g,\"h\"i,\n").unwrap(),
            [(fields(&["a", "b,c", "d \"e\"", "f\"g", "hi", ""]), 1, 1)]
        );
        assert_eq!(rows("").unwrap(), []);
        assert_eq!(rows("x").unwrap(), [(fields(&["x"]), 1, 1)]);
        assert_eq!(rows("\"x\"").unwrap(), [(fields(&["x"]), 1, 1)]);
        assert_eq!(rows("a,").unwrap(), [(fields(&["a", ""]), 1, 1)]);
    }

    #[test]
    fn lines_count_with_every_line_ending_and_skip_empty_lines() {
        for ending in ["\n", "\r\n", "\r"] {
            let text = ["h", "a", "", "\"b", "c\"", "d"].join(ending) + ending;
            assert_eq!(
                rows(&text).unwrap(),
                [
                    (fields(&["h"]), 1, 1),
                    (fields(&["a"]), 2, 2),
                    (fields(&[&format!("b{ending}c")]), 4, 5),
                    (fields(&["d"]), 6, 6),
                ],
                "{ending:?}"
            );
        }
    }

    #[test]
    fn a_quote_open_at_the_end_says_where_it_opened() {
        assert_eq!(
            rows("h\r\nok\r\n\"open\r\nmore\r\n"),
            Err(UnclosedQuote { line: 3 })
        );
    }

    #[test]
    fn a_quoted_field_over_lines_that_closes_mid_field_is_reported() {
        let mut reader = Rows::new(
            Box::new("a,b\n\"x\n1,2\ny\"z,w\n3,4\n".as_bytes()),
            Decoder::new(Encoding::Utf8),
            b',',
        );
        let mut record = csv::StringRecord::new();
        let header = reader.next(&mut record).ok().flatten();
        assert_eq!(header.map(|h| h.problem), Some(None));
        reader.expect_columns(2);
        let swallowed = reader.next(&mut record).ok().flatten();
        assert_eq!(
            swallowed,
            Some(Row {
                line: 2,
                last_line: 4,
                problem: Some(RowProblem::QuoteSpansRows { opened: 2 })
            })
        );
        let next = reader.next(&mut record).ok().flatten();
        assert_eq!(next.map(|r| (r.line, r.problem)), Some((5, None)));
    }

    #[test]
    fn rows_fields_and_columns_beyond_the_limits_are_reported_not_kept() {
        let long_field = "x".repeat(MAX_FIELD_BYTES + 1);
        let long_row = "y,".repeat(MAX_ROW_BYTES / 2 + 1);
        let wide = ",".repeat(MAX_COLUMNS);
        let text = format!("ok\n{long_field},b\n{long_row}\n{wide}\nend\n");
        let mut reader = Rows::new(
            Box::new(text.as_bytes()),
            Decoder::new(Encoding::Utf8),
            b',',
        );
        let mut record = csv::StringRecord::new();
        let mut problems = Vec::new();
        while let Ok(Some(row)) = reader.next(&mut record) {
            assert!(record.as_slice().len() <= MAX_ROW_BYTES);
            problems.push((row.line, row.problem));
        }
        assert_eq!(
            problems,
            [
                (1, None),
                (2, Some(RowProblem::FieldTooLong { column: 0 })),
                (3, Some(RowProblem::TooLong)),
                (4, Some(RowProblem::TooManyColumns)),
                (5, None),
            ]
        );
    }
}
