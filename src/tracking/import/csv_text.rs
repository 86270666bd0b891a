//! Step 1 of the import: how an export's bytes are text (the encoding, decided from the whole
//! file with evidence) and which delimiter it uses; each later step streams the file again.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use super::decode::{self, CHUNK, Decoder, fill as fill_from};
use super::rows::{Row, Rows, RowsError};
use super::{Encoding, Evidence, ImportError, MAX_ROW_BYTES, Progress};
use crate::i18n::{Language, fill};

/// Where the export's bytes are: every step reads them again from the start.
#[derive(Clone)]
pub(super) enum Source {
    /// A file, with its size and time of change when it was first read: a file that changed
    /// between the steps is refused rather than read half old, half new.
    File {
        path: PathBuf,
        stamp: Stamp,
    },
    Memory(Arc<[u8]>),
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::File { path, stamp } => {
                write!(f, "File({}, {} bytes)", path.display(), stamp.len)
            }
            Self::Memory(bytes) => write!(f, "Memory({} bytes)", bytes.len()),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    pub(super) fn of(meta: &std::fs::Metadata) -> Self {
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

/// A CRM export: where its bytes are, how they read as text, and its delimiter.
#[derive(Clone, Debug)]
pub struct CsvText {
    source: Source,
    pub delimiter: u8,
    pub encoding: Encoding,
    /// What the bytes showed about the encoding: the lines that are not UTF-8.
    pub evidence: Evidence,
}

impl CsvText {
    /// Reads bytes held in memory (tests, benchmarks, the fuzzer) as a file is read.
    pub fn decode(bytes: &[u8]) -> Result<Self, ImportError> {
        Self::with_source(Source::Memory(bytes.into()), &Progress::default())
    }

    /// Reads a file once, to decide its encoding and delimiter. Only regular files are read:
    /// a folder, a pipe (which could block forever) or a device (`/dev/zero` never ends) is
    /// refused before it is opened.
    pub fn read(path: &Path) -> Result<Self, ImportError> {
        Self::read_with(path, &Progress::default())
    }

    /// [`CsvText::read`] with its progress (the bytes of the file scanned) and cancel.
    pub fn read_with(path: &Path, progress: &Progress) -> Result<Self, ImportError> {
        let meta = std::fs::metadata(path).map_err(|e| unreadable(&e))?;
        if !meta.is_file() {
            return Err(ImportError::NotAFile {
                folder: meta.is_dir(),
            });
        }
        progress.start(meta.len());
        Self::with_source(
            Source::File {
                path: path.to_owned(),
                stamp: Stamp::of(&meta),
            },
            progress,
        )
    }

    pub(super) fn with_source(source: Source, progress: &Progress) -> Result<Self, ImportError> {
        let mut text = Self {
            source,
            delimiter: b',',
            encoding: Encoding::Utf8,
            evidence: Evidence::default(),
        };
        let (encoding, evidence) = decode::detect(&mut *text.open()?, progress)?;
        text.encoding = encoding;
        text.evidence = evidence;
        text.delimiter = text.sniff()?;
        Ok(text)
    }

    /// The bytes from the start; a file that changed since it was first read is refused.
    pub(super) fn open(&self) -> Result<Box<dyn Read + '_>, ImportError> {
        match &self.source {
            Source::Memory(bytes) => Ok(Box::new(&bytes[..])),
            Source::File { path, stamp } => {
                let file = std::fs::File::open(path).map_err(|e| unreadable(&e))?;
                let now = file.metadata().map_err(|e| unreadable(&e))?;
                if Stamp::of(&now) != *stamp {
                    return Err(ImportError::Changed);
                }
                Ok(Box::new(file))
            }
        }
    }

    /// The delimiter of the first line that is not empty.
    pub(super) fn sniff(&self) -> Result<u8, ImportError> {
        let mut source = self.open()?;
        let mut decoder = Decoder::new(self.encoding);
        let mut raw = vec![0; CHUNK];
        let mut text = Vec::new();
        loop {
            let read = fill_from(&mut *source, &mut raw).map_err(|e| unreadable(&e))?;
            let last = read < raw.len();
            decoder.decode(&raw[..read], last, &mut text);
            let start = text
                .iter()
                .position(|b| !matches!(b, b'\r' | b'\n'))
                .unwrap_or(text.len());
            let line_ends = text[start..].iter().any(|b| matches!(b, b'\r' | b'\n'));
            if last || line_ends || text.len() > MAX_ROW_BYTES {
                break;
            }
        }
        Ok(sniff_delimiter(
            String::from_utf8_lossy(&text).trim_start_matches(['\r', '\n']),
        ))
    }

    /// The file's rows, decoded as they are read.
    pub(super) fn rows(&self) -> Result<Rows<'_>, ImportError> {
        Ok(Rows::new(
            self.open()?,
            Decoder::new(self.encoding),
            self.delimiter,
        ))
    }

    /// The header (trimmed) and the rows after it. Empty lines and lines of only blanks
    /// before it are skipped; a file of nothing else is empty.
    pub(super) fn header(&self) -> Result<(Vec<String>, Rows<'_>), ImportError> {
        let mut rows = self.rows()?;
        let mut record = csv::StringRecord::new();
        loop {
            let Some(row) = next_row(&mut rows, &mut record)? else {
                return Err(ImportError::Empty);
            };
            if let Some(problem) = row.problem {
                return Err(ImportError::Header {
                    line: row.line,
                    problem,
                });
            }
            if record.iter().any(|field| !field.trim().is_empty()) {
                let headers: Vec<String> = record.iter().map(|h| h.trim().to_owned()).collect();
                rows.expect_columns(headers.len());
                return Ok((headers, rows));
            }
        }
    }

    /// The size of the file, for progress.
    pub(super) fn len(&self) -> u64 {
        match &self.source {
            Source::File { stamp, .. } => stamp.len,
            Source::Memory(bytes) => bytes.len() as u64,
        }
    }

    /// What was decided about the encoding, in the user's words, when it is not plain UTF-8:
    /// "read as Windows-1252, because line 12 is not UTF-8".
    pub fn note(&self, file: &str, language: Language) -> Option<String> {
        let t = language.text();
        let lines = &self.evidence.lines;
        match self.encoding {
            Encoding::Utf8 | Encoding::Utf8WithBom if self.evidence.not_utf8 > 0 => {
                let mut listed: Vec<String> = lines.iter().map(u64::to_string).collect();
                if self.evidence.more_lines {
                    listed.push("…".to_owned());
                }
                let template = if listed.len() == 1 {
                    t.import_note_stray_line
                } else {
                    t.import_note_stray_lines
                };
                Some(fill(
                    template,
                    &[("file", file), ("lines", &listed.join(", "))],
                ))
            }
            Encoding::Utf8 | Encoding::Utf8WithBom => None,
            Encoding::Windows1252 => Some(fill(
                t.import_note_windows1252,
                &[
                    ("file", file),
                    ("line", &lines.first().copied().unwrap_or(1).to_string()),
                ],
            )),
            Encoding::Utf16Le | Encoding::Utf16Be => Some(fill(
                t.import_note_utf16,
                &[
                    ("file", file),
                    (
                        "encoding",
                        if self.encoding == Encoding::Utf16Le {
                            "UTF-16LE"
                        } else {
                            "UTF-16BE"
                        },
                    ),
                ],
            )),
        }
    }
}

pub(super) fn unreadable(error: &std::io::Error) -> ImportError {
    ImportError::Unreadable {
        reason: error.to_string(),
    }
}

/// The next row, or why the file cannot be read on.
pub(super) fn next_row(
    rows: &mut Rows<'_>,
    record: &mut csv::StringRecord,
) -> Result<Option<Row>, ImportError> {
    rows.next(record).map_err(|error| match error {
        RowsError::Io(e) => unreadable(&e),
        RowsError::UnclosedQuote(open) => ImportError::UnclosedQuote { line: open.line },
    })
}

/// The delimiter the header line uses most, outside quotes: tab, `;` or `,` (a tie goes in that
/// order: a Dutch header may hold a comma inside a name, rarely a tab). A single column: `,`.
pub(super) fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [(b'\t', 0usize), (b';', 0), (b',', 0)];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some((_, count)) = counts.iter_mut().find(|(d, _)| *d == byte) {
                    *count += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .filter(|(_, count)| *count > 0)
        .map_or(b',', |(d, _)| *d)
}
