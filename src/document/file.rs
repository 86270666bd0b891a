//! Reading and writing SLA files: pretty RON with struct names, errors with line:col, atomic
//! saves (temporary file in the same folder, flushed, then renamed over the target), so a failed
//! save leaves the old file exactly as it was.

use std::borrow::Cow;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;
use serde::Deserialize;

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
    /// saving over it would drop the fields this version does not know.
    pub newer_version: Option<u32>,
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
            Self::TooLarge { path, bytes } => fill(
                t.load_too_large,
                &[
                    ("path", &show(path)),
                    ("size", &megabytes(*bytes)),
                    ("max", &megabytes(MAX_FILE_BYTES)),
                ],
            ),
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
        }
    }
}

/// Why a document could not be saved. The file on disk is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}", self.describe(Language::English))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The target was written by a newer version; overwriting it would lose data.
    #[error("{}", self.describe(Language::English))]
    NewerFile { path: PathBuf, version: u32 },
    #[error("{}", self.describe(Language::English))]
    Serialize { message: String },
}

impl SaveError {
    pub fn describe(&self, language: Language) -> String {
        let t = language.text();
        match self {
            Self::Io { path, source } => fill(
                t.save_io,
                &[("path", &show(path)), ("reason", &source.to_string())],
            ),
            Self::NewerFile { path, version } => fill(
                t.save_newer_file,
                &[("path", &show(path)), ("version", &version.to_string())],
            ),
            Self::Serialize { message } => fill(t.save_serialize, &[("reason", message)]),
        }
    }
}

fn show(path: &Path) -> String {
    path.display().to_string()
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}

/// Only the version, to explain why a newer file does not parse and to protect it on save.
#[derive(Deserialize)]
#[serde(rename = "SlaDocument")]
struct VersionProbe {
    #[serde(default)]
    format_version: u32,
}

fn probe_version(text: &str) -> Option<u32> {
    ron::from_str::<VersionProbe>(text)
        .ok()
        .map(|probe| probe.format_version)
}

/// Parses a document; `path` only names the source in errors.
pub fn parse(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    match ron::from_str::<SlaDocument>(text) {
        Ok(mut document) => {
            let newer_version =
                (document.format_version > FORMAT_VERSION).then_some(document.format_version);
            document.migrate();
            Ok(Loaded {
                newer_version,
                document,
            })
        }
        Err(error) => Err(LoadError::Syntax {
            path: path.to_owned(),
            line: error.span.start.line,
            col: error.span.start.col,
            message: error.code.to_string(),
            newer_version: probe_version(text).filter(|v| *v > FORMAT_VERSION),
        }),
    }
}

/// Reads a file as text, refusing huge and binary files before parsing them.
fn read_text(path: &Path) -> Result<String, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let bytes = std::fs::metadata(path).map_err(io)?.len();
    if bytes > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            bytes,
        });
    }
    let raw = std::fs::read(path).map_err(io)?;
    String::from_utf8(raw).map_err(|_| LoadError::NotText {
        path: path.to_owned(),
    })
}

/// Opens an SLA file.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    parse(&read_text(path)?, path)
}

/// The document as pretty RON with struct names, stamped with this build's format version.
pub fn to_ron(document: &SlaDocument) -> Result<String, SaveError> {
    let document = if document.format_version == FORMAT_VERSION {
        Cow::Borrowed(document)
    } else {
        Cow::Owned(SlaDocument {
            format_version: FORMAT_VERSION,
            ..document.clone()
        })
    };
    let config = PrettyConfig::new().struct_names(true);
    ron::ser::to_string_pretty(document.as_ref(), config).map_err(|e| SaveError::Serialize {
        message: e.to_string(),
    })
}

/// Saves atomically: the old file is replaced only once the new one is completely on disk.
/// Refuses to overwrite a file written by a newer version of the format.
pub fn save(document: &SlaDocument, path: &Path) -> Result<(), SaveError> {
    if let Some(version) = read_text(path)
        .ok()
        .and_then(|text| probe_version(&text))
        .filter(|v| *v > FORMAT_VERSION)
    {
        return Err(SaveError::NewerFile {
            path: path.to_owned(),
            version,
        });
    }
    let text = to_ron(document)?;
    write_atomically(path, &text).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Writes `text` to a temporary file in the target's folder, flushes it to disk and renames it
/// over `path` (an atomic replace on Windows, macOS and Linux). On any error the old file is
/// untouched and the temporary file is removed.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(".sla-planner-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temporary.write_all(text.as_bytes())?;
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}
