//! Reading SLA files: only regular files up to the size limit, errors with line:col that name
//! the field, what was found and what is expected, limits, and fields this version does not
//! know (see `unknown`). Writing is in `save`.

use std::collections::HashMap;
use std::fs::File;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::limits::{self, Limit};
use super::text::{FieldPath, FieldSpan, Step, line_col, offset_of, outline, token_at};
use super::unknown::{self, UnknownField};
use super::{FORMAT_VERSION, SlaDocument};
use crate::i18n::{Language, fill};

/// Larger files are refused before reading: an SLA is a few kilobytes, so a file this big is
/// almost certainly the wrong file, and parsing it would only keep the user waiting.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// A document as read from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub document: SlaDocument,
    /// `Some(version)` when a newer SLA Planner wrote the file: open it read-only, because
    /// saving over it would change it to this version's format.
    pub newer_version: Option<u32>,
    /// Fields this version does not know (a newer version's, or typos). They are kept in the
    /// document and written back on save, but the user should hear about them.
    pub unknown_fields: Vec<UnknownField>,
}

/// What a path is when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAFile {
    Folder,
    /// A pipe, socket or device: reading it could block forever or never end.
    Special,
}

/// Why a file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}", self.describe(Language::English))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", self.describe(Language::English))]
    NotAFile { path: PathBuf, kind: NotAFile },
    #[error("{}", self.describe(Language::English))]
    TooLarge { path: PathBuf, bytes: u64 },
    #[error("{}", self.describe(Language::English))]
    NotText { path: PathBuf },
    #[error("{}", self.describe(Language::English))]
    Empty { path: PathBuf },
    /// The RON is malformed or does not match the format; `line` and `col` count from 1.
    #[error("{}", self.describe(Language::English))]
    Syntax {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
        /// Set when the file says it was written by a newer version, which explains the error.
        newer_version: Option<u32>,
    },
    /// The document reads, but breaks a limit of the format (too many entries, a year out of
    /// range); `line` and `col` point at the field, 0 when it could not be found.
    #[error("{}", self.describe(Language::English))]
    Limit {
        path: PathBuf,
        line: usize,
        col: usize,
        limit: Limit,
    },
}

impl LoadError {
    /// The error in the user's language, with the path and, for syntax, line:col.
    pub fn describe(&self, language: Language) -> String {
        let t = language.text();
        match self {
            Self::Io { path, source } => fill(
                t.load_io,
                &[("path", &show(path)), ("reason", &source.to_string())],
            ),
            Self::NotAFile { path, kind } => fill(
                match kind {
                    NotAFile::Folder => t.load_folder,
                    NotAFile::Special => t.load_special,
                },
                &[("path", &show(path))],
            ),
            Self::TooLarge { path, bytes } => {
                let (size, max) = sizes(*bytes);
                fill(
                    t.load_too_large,
                    &[("path", &show(path)), ("size", &size), ("max", &max)],
                )
            }
            Self::NotText { path } => fill(t.load_not_text, &[("path", &show(path))]),
            Self::Empty { path } => fill(t.load_empty, &[("path", &show(path))]),
            Self::Syntax {
                path,
                line,
                col,
                message,
                newer_version,
            } => {
                let text = fill(
                    t.load_syntax,
                    &[
                        ("path", &show(path)),
                        ("line", &line.to_string()),
                        ("col", &col.to_string()),
                        ("message", message),
                    ],
                );
                match newer_version {
                    Some(version) => format!(
                        "{text} {}",
                        fill(t.load_newer_version, &[("version", &version.to_string())])
                    ),
                    None => text,
                }
            }
            Self::Limit {
                path,
                line,
                col,
                limit,
            } => fill(
                t.load_syntax,
                &[
                    ("path", &show(path)),
                    ("line", &line.to_string()),
                    ("col", &col.to_string()),
                    (
                        "message",
                        describe_limit(limit, language).trim_end_matches('.'),
                    ),
                ],
            ),
        }
    }
}

/// A broken limit in words: the field, what it holds and what is allowed.
pub fn describe_limit(limit: &Limit, language: Language) -> String {
    let t = language.text();
    let n = language.numbers();
    match limit {
        Limit::TooMany { path, count, max } => fill(
            t.limit_too_many,
            &[
                ("field", &path.to_string()),
                ("count", &n.decimal(*count as f64, 0)),
                ("max", &n.decimal(*max as f64, 0)),
            ],
        ),
        Limit::TooLong { path, chars, max } => fill(
            t.limit_too_long,
            &[
                ("field", &path.to_string()),
                ("count", &n.decimal(*chars as f64, 0)),
                ("max", &n.decimal(*max as f64, 0)),
            ],
        ),
        Limit::Year { path, value } => fill(
            t.limit_year,
            &[
                ("field", &path.to_string()),
                ("value", value),
                ("min", &limits::MIN_YEAR.to_string()),
                ("max", &limits::MAX_YEAR.to_string()),
            ],
        ),
        Limit::Actual {
            path,
            date,
            source,
            problem,
        } => fill(
            t.limit_actual,
            &[
                ("date", &date.to_string()),
                ("source", source),
                ("problem", &problem.describe(language, &path.to_string())),
            ],
        ),
    }
}

pub(super) fn show(path: &Path) -> String {
    path.display().to_string()
}

/// The size and the limit in megabytes, or in bytes where megabytes would look equal.
pub(super) fn sizes(bytes: u64) -> (String, String) {
    let megabytes = |b: u64| format!("{:.1} MB", b as f64 / 1_048_576.0);
    let (size, max) = (megabytes(bytes), megabytes(MAX_FILE_BYTES));
    if size == max {
        (format!("{bytes} bytes"), format!("{MAX_FILE_BYTES} bytes"))
    } else {
        (size, max)
    }
}

/// Only the version, to explain why a newer file does not parse and to protect it on save.
#[derive(Deserialize)]
#[serde(rename = "SlaDocument")]
struct VersionProbe {
    #[serde(default)]
    format_version: u32,
}

pub(super) fn probe_version(text: &str) -> Option<u32> {
    ron::from_str::<VersionProbe>(text)
        .ok()
        .map(|probe| probe.format_version)
}

/// Parses a document; `path` only names the source in errors. A UTF-8 byte order mark (as
/// Windows Notepad writes) is skipped.
pub fn parse(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    let (mut document, ignored) = match deserialize(text) {
        Ok(parsed) => parsed,
        Err(error) => {
            let (line, col) = (error.span.start.line, error.span.start.col);
            return Err(LoadError::Syntax {
                path: path.to_owned(),
                line,
                col,
                message: syntax_message(&error.code, text, offset_of(text, line, col)),
                newer_version: probe_version(text).filter(|v| *v > FORMAT_VERSION),
            });
        }
    };
    if let Err(mut limit) = limits::check(&document) {
        let (line, col) = locate_limit(text, &document, &mut limit);
        return Err(LoadError::Limit {
            path: path.to_owned(),
            line,
            col,
            limit,
        });
    }
    let mut unknown_fields = Vec::new();
    if !ignored.is_empty() {
        let (kept, reported) = unknown::locate(text, &ignored);
        document.unknown_fields = kept;
        unknown_fields = reported;
    }
    let newer_version =
        (document.format_version > FORMAT_VERSION).then_some(document.format_version);
    document.migrate();
    Ok(Loaded {
        newer_version,
        document,
        unknown_fields,
    })
}

/// Reads the document, noting every field serde skipped because this version does not know it.
fn deserialize(text: &str) -> Result<(SlaDocument, Vec<FieldPath>), ron::error::SpannedError> {
    let mut deserializer = ron::Deserializer::from_str(text)?;
    let mut ignored = Vec::new();
    let document = serde_ignored::deserialize(&mut deserializer, |path| {
        ignored.push(unknown::path_of(&path));
    });
    let document = document.map_err(|e| deserializer.span_error(e))?;
    deserializer.end().map_err(|e| deserializer.span_error(e))?;
    Ok((document, ignored))
}

/// Line and column of a broken limit. Records of actuals are kept in date order, which need
/// not be the file's: a path into `actuals` is first turned into the file's position of the
/// record (found by its date and source), so the message names the record as the file lists
/// it. A field the record leaves out (a count of 0) is shown at the record's date.
fn locate_limit(text: &str, document: &SlaDocument, limit: &mut Limit) -> (usize, usize) {
    let path = match limit {
        Limit::TooMany { path, .. }
        | Limit::Year { path, .. }
        | Limit::TooLong { path, .. }
        | Limit::Actual { path, .. } => path,
    };
    if let [Step::Field(list), Step::Index(i), rest @ ..] = path.0.as_slice()
        && list == "actuals"
        && let Some(record) = document.actuals.records().get(*i)
    {
        let outline = outline(text, None);
        let value_of = |field: &FieldSpan| -> Option<String> {
            let written = text.get(field.start..field.end)?;
            let (_, value) = written.split_once(':')?;
            ron::from_str::<String>(value.trim()).ok()
        };
        // The fields of every record, by the record's position in the file and the field's name.
        let mut fields: HashMap<(usize, &str), &FieldSpan> = HashMap::new();
        for field in &outline.fields {
            if let [Step::Field(top), Step::Index(j), Step::Field(name)] = field.path.0.as_slice()
                && top == "actuals"
            {
                fields.entry((*j, name.as_str())).or_insert(field);
            }
        }
        let written_at = |j: usize, name: &str| fields.get(&(j, name)).copied();
        let date = record.date.to_string();
        let listed = (0..document.actuals.len()).find(|&j| {
            written_at(j, "date").and_then(value_of).as_deref() == Some(date.as_str())
                && written_at(j, "source")
                    .and_then(value_of)
                    .unwrap_or_default()
                    == record.source
        });
        if let Some(j) = listed {
            let mut steps = vec![Step::Field("actuals".to_owned()), Step::Index(j)];
            steps.extend(rest.iter().cloned());
            *path = FieldPath(steps);
            let field = path
                .last_field()
                .and_then(|name| written_at(j, name))
                .or_else(|| written_at(j, "date"));
            if let Some(field) = field {
                return line_col(text, field.start);
            }
        }
    }
    locate(text, path)
}

/// Line and column of the deepest field on `path` that the text spells out.
fn locate(text: &str, path: &FieldPath) -> (usize, usize) {
    let outline = outline(text, None);
    (0..=path.0.len())
        .rev()
        .find_map(|n| {
            let prefix = FieldPath(path.0[..n].to_vec());
            outline.fields.iter().find(|f| f.path == prefix)
        })
        .map_or((0, 0), |field| line_col(text, field.start))
}

/// A syntax error in the user's words: which field, what was found, what is expected.
fn syntax_message(code: &ron::Error, text: &str, offset: usize) -> String {
    let t = Language::English.text();
    let path = outline(text, Some(offset)).path_at_stop.unwrap_or_default();
    let found = found_at(text, offset);
    let is_date = matches!(
        path.last_field(),
        Some("holidays" | "effective_date" | "date")
    );
    let is_fraction =
        found.parse::<f64>().is_ok() && found.contains(['.', 'e', 'E']) && !found.contains("inf");
    let explanation = match code {
        ron::Error::ExceededRecursionLimit => return t.syntax_too_deep.to_owned(),
        ron::Error::ExpectedFloat => fill(t.syntax_expected_number, &[("found", &found)]),
        ron::Error::ExpectedInteger | ron::Error::IntegerOutOfBounds => {
            fill(t.syntax_expected_whole, &[("found", &found)])
        }
        ron::Error::ExpectedComma | ron::Error::ExpectedStructLikeEnd if is_fraction => {
            fill(t.syntax_expected_whole, &[("found", &found)])
        }
        ron::Error::ExpectedString | ron::Error::ExpectedStringEnd => {
            fill(t.syntax_expected_text, &[("found", &found)])
        }
        ron::Error::Message(_) if is_date => fill(t.syntax_expected_date, &[("found", &found)]),
        other => other.to_string(),
    };
    if path.0.is_empty() {
        explanation
    } else {
        format!("{path}: {explanation}")
    }
}

/// The token at `offset` as the user wrote it, shortened.
fn found_at(text: &str, offset: usize) -> String {
    match token_at(text, offset) {
        Some((start, end)) => {
            let token = &text[start..end];
            let mut shown: String = token.chars().take(40).collect();
            if shown.len() < token.len() {
                shown.push('…');
            }
            shown
        }
        None => Language::English.text().syntax_nothing.to_owned(),
    }
}

/// Reads a file as text: only a regular file, and never more than [`MAX_FILE_BYTES`], even if
/// it grows while being read.
pub(super) fn read_text(path: &Path) -> Result<String, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(LoadError::NotAFile {
            path: path.to_owned(),
            kind: if meta.is_dir() {
                NotAFile::Folder
            } else {
                NotAFile::Special
            },
        });
    }
    let too_large = |bytes| LoadError::TooLarge {
        path: path.to_owned(),
        bytes,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let file = File::open(path).map_err(io)?;
    let mut raw = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut raw)
        .map_err(io)?;
    if raw.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(raw.len() as u64));
    }
    String::from_utf8(raw).map_err(|_| LoadError::NotText {
        path: path.to_owned(),
    })
}

/// Opens an SLA file.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    parse(&read_text(path)?, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Step;

    #[test]
    fn sizes_show_bytes_where_megabytes_would_look_equal() {
        assert_eq!(
            sizes(MAX_FILE_BYTES + 1),
            ("10485761 bytes".to_owned(), "10485760 bytes".to_owned())
        );
        assert_eq!(
            sizes(50 * 1_048_576),
            ("50.0 MB".to_owned(), "10.0 MB".to_owned())
        );
    }

    #[test]
    fn steps_in_paths_read_like_the_file() {
        let path = FieldPath(vec![
            Step::Field("scenarios".into()),
            Step::Index(2),
            Step::Field("assumptions".into()),
        ]);
        assert_eq!(path.to_string(), "scenarios[2].assumptions");
    }
}
