//! Writing SLA files: pretty RON with struct names and the unknown fields put back; atomic
//! saves (temporary file in the same folder, flushed, renamed over the target, folder flushed),
//! so a failed save or a power cut leaves the old file exactly as it was. Links, permissions and
//! owner are kept; read-only and hard-linked files are replaced only with the user's consent.

use std::borrow::Cow;
use std::fs::File;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use super::file::{MAX_FILE_BYTES, describe_limit, probe_version, read_text, show};
use super::limits::{self, Limit};
use super::unknown;
use super::{FORMAT_VERSION, SlaDocument};
use crate::i18n::{Language, fill};

/// Why a document was not saved. The file on disk is unchanged in every case.
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
    /// The target is read-only: someone meant it not to change. Replace it only when asked.
    #[error("{}", self.describe(Language::English))]
    ReadOnly { path: PathBuf },
    /// The target has other names (hard links); a new file would leave them on the old text.
    #[error("{}", self.describe(Language::English))]
    HardLinked { path: PathBuf, links: u64 },
    /// The document breaks a limit of the format: the file could not be opened again.
    #[error("{}", self.describe(Language::English))]
    Limit { limit: Limit },
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
            Self::ReadOnly { path } => fill(t.save_read_only, &[("path", &show(path))]),
            Self::HardLinked { path, links } => fill(
                t.save_hard_linked,
                &[
                    ("path", &show(path)),
                    ("others", &links.saturating_sub(1).to_string()),
                ],
            ),
            Self::Limit { limit } => fill(
                t.save_limit,
                &[("problem", &describe_limit(limit, language))],
            ),
        }
    }
}

/// What the user agreed to when saving.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SaveOptions {
    /// Replace a read-only file (it stays read-only).
    pub replace_read_only: bool,
    /// Replace a file that has other names; they keep the old text.
    pub break_hard_links: bool,
}

/// The document as pretty RON with struct names, stamped with this build's format version,
/// with the fields this version does not know written back where they were.
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
    let text = ron::ser::to_string_pretty(document.as_ref(), config).map_err(|e| {
        SaveError::Serialize {
            message: e.to_string(),
        }
    })?;
    Ok(unknown::restore(&text, &document.unknown_fields))
}

/// Saves atomically, refusing to replace a read-only or hard-linked file or one written by a
/// newer version; see [`save_with`].
pub fn save(document: &SlaDocument, path: &Path) -> Result<(), SaveError> {
    save_with(document, path, SaveOptions::default())
}

/// Saves atomically: the old file is replaced only once the new one is completely on disk.
/// A symbolic link is followed and its target replaced (the link stays a link); the file keeps
/// its permissions and, where the system allows, its owner and group.
pub fn save_with(
    document: &SlaDocument,
    path: &Path,
    options: SaveOptions,
) -> Result<(), SaveError> {
    let target = resolve_links(path);
    let existing = std::fs::metadata(&target).ok().filter(|m| m.is_file());
    if let Some(meta) = &existing {
        if let Some(version) = read_text(&target)
            .ok()
            .and_then(|text| probe_version(&text))
            .filter(|v| *v > FORMAT_VERSION)
        {
            return Err(SaveError::NewerFile {
                path: path.to_owned(),
                version,
            });
        }
        if meta.permissions().readonly() && !options.replace_read_only {
            return Err(SaveError::ReadOnly {
                path: path.to_owned(),
            });
        }
        let links = hard_links(meta);
        if links > 1 && !options.break_hard_links {
            return Err(SaveError::HardLinked {
                path: path.to_owned(),
                links,
            });
        }
    }
    limits::check(document).map_err(|limit| SaveError::Limit { limit })?;
    let text = to_ron(document)?;
    replace(&target, &text, existing.as_ref()).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })
}

/// The file a chain of symbolic links ends at (the path itself when it is no link).
fn resolve_links(path: &Path) -> PathBuf {
    let mut current = path.to_owned();
    // Beyond this many links the system itself refuses to follow them.
    for _ in 0..40 {
        let is_link = std::fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        let Some(next) = is_link.then(|| std::fs::read_link(&current).ok()).flatten() else {
            break;
        };
        current = match current.parent() {
            Some(parent) if next.is_relative() => parent.join(next),
            _ => next,
        };
    }
    current
}

#[cfg(unix)]
fn hard_links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn hard_links(_meta: &std::fs::Metadata) -> u64 {
    1
}

/// Writes `text` to a temporary file in the target's folder, flushes it to disk and renames it
/// over `path` (an atomic replace on Windows, macOS and Linux), then flushes the folder so the
/// rename itself survives a power cut. On any error the old file is untouched and the
/// temporary file is removed. A new file gets the system's default permissions.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let existing = std::fs::metadata(path).ok().filter(|m| m.is_file());
    replace(path, text, existing.as_ref())
}

/// [`write_atomically`], giving the new file the permissions and owner of `like`.
fn replace(path: &Path, text: &str, like: Option<&std::fs::Metadata>) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // `File::create_new` applies the umask (0644/0664 files), where tempfile's own default
    // would make every saved file private (0600).
    let mut temporary = tempfile::Builder::new()
        .prefix(".sla-planner-")
        .suffix(".tmp")
        .make_in(folder, |p| File::create_new(p))?;
    temporary.as_file_mut().write_all(text.as_bytes())?;
    if let Some(meta) = like {
        keep_owner(temporary.as_file(), meta);
        temporary.as_file().set_permissions(meta.permissions())?;
        allow_replacing(path, meta)?;
    }
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|e| e.error)?;
    sync_folder(folder)
}

/// Gives the new file the old one's owner and group where allowed (root, or a group the user
/// is in); otherwise it belongs to the user who saves, as with any editor.
#[cfg(unix)]
fn keep_owner(file: &File, like: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt as _;
    if std::os::unix::fs::fchown(file, Some(like.uid()), Some(like.gid())).is_err() {
        // Not allowed to give the file away: at least keep the group, for shared folders.
        let _ = std::os::unix::fs::fchown(file, None, Some(like.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _like: &std::fs::Metadata) {}

/// Windows refuses to rename over a read-only file; the user agreed to replace it, and the new
/// file gets the read-only flag back from its permissions.
#[cfg(windows)]
fn allow_replacing(path: &Path, like: &std::fs::Metadata) -> std::io::Result<()> {
    let mut permissions = like.permissions();
    if permissions.readonly() {
        #[allow(
            clippy::permissions_set_readonly_false,
            reason = "Windows has no mode bits"
        )]
        permissions.set_readonly(false);
        std::fs::set_permissions(path, permissions)?;
    }
    Ok(())
}

#[cfg(not(windows))]
fn allow_replacing(_path: &Path, _like: &std::fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

/// Flushes the folder's entry list, so a rename is on disk and not only in the cache.
#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    File::open(folder)?.sync_all()
}

/// Windows commits a rename with the file system's journal; a folder cannot be opened to flush.
#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    Ok(())
}

/// What a file looked like when it was read or written: size, modification time and a hash of
/// its bytes. The hash notices a colleague's change even when size and time look the same
/// (same-second writes on coarse file systems, copies that keep the time).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of the regular file at `path`; `None` when there is none to read.
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let mut bytes = Vec::new();
        File::open(path)
            .ok()?
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .ok()?;
        Some(Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            hash: fnv1a(&bytes),
        })
    }
}

/// FNV-1a, 64 bits: stable across versions and platforms (unlike std's hasher), which the
/// recovery file needs, and plenty to tell two versions of a file apart.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
