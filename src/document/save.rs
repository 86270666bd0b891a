//! Writing SLA files: pretty RON with struct names and the unknown fields put back; atomic
//! saves (temporary file in the same folder, flushed, renamed over the target, folder flushed),
//! so a failed save or a power cut leaves the old file exactly as it was. Links, permissions and
//! owner are kept; read-only and hard-linked files are replaced only with the user's consent.

use std::borrow::Cow;
use std::fs::File;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use super::file::{MAX_FILE_BYTES, describe_limit, probe_version, read_text, show, sizes};
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
    /// The document as written would be larger than a file the app opens.
    #[error("{}", self.describe(Language::English))]
    TooLarge { bytes: u64 },
    /// The file is no longer the one that was read: another program saved it meanwhile.
    #[error("{}", self.describe(Language::English))]
    Changed { path: PathBuf },
    /// Another program kept saving the file for longer than we wait.
    #[error("{}", self.describe(Language::English))]
    Busy { path: PathBuf },
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
            Self::TooLarge { bytes } => {
                let (size, max) = sizes(*bytes);
                fill(t.save_too_large, &[("size", &size), ("max", &max)])
            }
            Self::Changed { path } => fill(t.save_changed, &[("path", &show(path))]),
            Self::Busy { path } => fill(t.save_busy, &[("path", &show(path))]),
        }
    }

    /// The reason in the words of the command line, which has no dialog to ask in: that
    /// nothing was saved, and what the user can do at the prompt.
    pub fn describe_for_command(&self, language: Language) -> String {
        let t = language.text();
        match self {
            Self::ReadOnly { path } => fill(t.cli_save_read_only, &[("path", &show(path))]),
            Self::HardLinked { path, links } => fill(
                t.cli_save_hard_linked,
                &[
                    ("path", &show(path)),
                    ("others", &links.saturating_sub(1).to_string()),
                ],
            ),
            other => other.describe(language),
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
    /// The file as it was read: when set, the save is refused if the file is no longer so
    /// (another program saved it meanwhile), instead of writing over its changes.
    pub expected: Option<Fingerprint>,
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
    let text = writable_text(document)?;
    let target = resolve_links(path);
    let io = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    let _lock = FileLock::acquire(&target)
        .map_err(io)?
        .ok_or_else(|| SaveError::Busy {
            path: path.to_owned(),
        })?;
    if let Some(expected) = options.expected
        && Fingerprint::of(&target) != Some(expected)
    {
        return Err(SaveError::Changed {
            path: path.to_owned(),
        });
    }
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
    replace(&target, &text, existing.as_ref()).map_err(io)
}

/// Why an export was not written. The file on disk is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output is the document being exported (the same file under any name).
    #[error("{}", self.describe(Language::English))]
    IsTheDocument { path: PathBuf },
    /// The output is another SLA document: an export would destroy it.
    #[error("{}", self.describe(Language::English))]
    IsADocument { path: PathBuf },
    #[error("{}", self.describe(Language::English))]
    ReadOnly { path: PathBuf },
    #[error("{}", self.describe(Language::English))]
    HardLinked { path: PathBuf, links: u64 },
    /// A folder, pipe, socket or device.
    #[error("{}", self.describe(Language::English))]
    NotAFile { path: PathBuf },
    #[error("{}", self.describe(Language::English))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl ExportError {
    pub fn describe(&self, language: Language) -> String {
        let t = language.text();
        match self {
            Self::IsTheDocument { path } => {
                fill(t.export_is_the_document, &[("path", &show(path))])
            }
            Self::IsADocument { path } => fill(t.export_is_a_document, &[("path", &show(path))]),
            Self::ReadOnly { path } => fill(t.export_read_only, &[("path", &show(path))]),
            Self::HardLinked { path, links } => fill(
                t.export_hard_linked,
                &[
                    ("path", &show(path)),
                    ("others", &links.saturating_sub(1).to_string()),
                ],
            ),
            Self::NotAFile { path } => fill(t.export_not_a_file, &[("path", &show(path))]),
            Self::Io { path, source } => fill(
                t.export_failed,
                &[("path", &show(path)), ("reason", &source.to_string())],
            ),
        }
    }

    /// True when `--force` (the user's explicit word) may replace the file anyway.
    pub fn can_force(&self) -> bool {
        !matches!(self, Self::NotAFile { .. } | Self::Io { .. })
    }
}

/// True when the file's text is (or was meant to be) an SLA document: it says so, reads as
/// one, or has the document's extension. A broken document is still the user's work.
fn reads_as_document(path: &Path) -> bool {
    let named = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.to_lowercase().ends_with(".sla.ron"));
    named
        || read_text(path).is_ok_and(|text| {
            let text = text.trim_start_matches('\u{feff}').trim_start();
            text.starts_with("SlaDocument") || probe_version(text).is_some()
        })
}

/// Writes an export atomically to `output`, refusing, unless `force`, to replace the document
/// it was made from (`document`, under any name: symbolic or hard link, another spelling of
/// the path), any other SLA document, or a read-only or hard-linked file, as saving does.
/// Never replaces a folder, pipe or device.
pub fn write_export(
    output: &Path,
    text: &str,
    document: Option<&Path>,
    force: bool,
) -> Result<(), ExportError> {
    let path = output.to_owned();
    let io = |source| ExportError::Io {
        path: output.to_owned(),
        source,
    };
    let target = resolve_links(output);
    let _lock = FileLock::acquire(&target)
        .map_err(io)?
        .ok_or_else(|| io(busy()))?;
    let existing = match std::fs::metadata(&target) {
        Ok(meta) if !meta.is_file() => return Err(ExportError::NotAFile { path }),
        Ok(meta) => Some(meta),
        Err(_) => None,
    };
    if let Some(meta) = &existing {
        let refusal =
            if document.is_some_and(|d| same_file::is_same_file(d, output).unwrap_or(false)) {
                Some(ExportError::IsTheDocument { path })
            } else if reads_as_document(&target) {
                Some(ExportError::IsADocument { path })
            } else if meta.permissions().readonly() {
                Some(ExportError::ReadOnly { path })
            } else if hard_links(meta) > 1 {
                Some(ExportError::HardLinked {
                    path,
                    links: hard_links(meta),
                })
            } else {
                None
            };
        if let Some(refusal) = refusal
            && !force
        {
            return Err(refusal);
        }
    }
    replace(&target, text, existing.as_ref()).map_err(io)
}

/// The document as it would be written, if the app could open that file again: within the
/// format's limits and the size limit. The window's import checks this before it changes the
/// open document.
pub fn check_writable(document: &SlaDocument) -> Result<(), SaveError> {
    writable_text(document).map(drop)
}

fn writable_text(document: &SlaDocument) -> Result<String, SaveError> {
    limits::check(document).map_err(|limit| SaveError::Limit { limit })?;
    let text = to_ron(document)?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(SaveError::TooLarge {
            bytes: text.len() as u64,
        });
    }
    Ok(text)
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
    let _lock = FileLock::acquire(path)?.ok_or_else(busy)?;
    let existing = std::fs::metadata(path).ok().filter(|m| m.is_file());
    replace(path, text, existing.as_ref())
}

/// [`write_atomically`] for a file only its owner may read (0600 on Unix), whatever the
/// umask: recovery files hold a whole document.
pub fn write_privately(path: &Path, text: &str) -> std::io::Result<()> {
    let _lock = FileLock::acquire(path)?.ok_or_else(busy)?;
    write_temporary(path, text, Finish::Private)
}

fn busy() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::WouldBlock,
        "another program kept the file locked",
    )
}

/// The mode the written file ends with.
#[derive(Clone, Copy)]
enum Finish<'a> {
    /// The permissions and owner of the file it replaces.
    Like(&'a std::fs::Metadata),
    /// What a new file gets by default (the umask's).
    Default,
    /// Readable by its owner only.
    Private,
}

/// [`write_atomically`], giving the new file the permissions and owner of `like`.
fn replace(path: &Path, text: &str, like: Option<&std::fs::Metadata>) -> std::io::Result<()> {
    write_temporary(path, text, like.map_or(Finish::Default, Finish::Like))
}

/// The folder a file is in ("." for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// The start of the names of `path`'s temporary files: `.plan.sla.ron.` for `plan.sla.ron`,
/// so a left-over one says whose it is (and hides like any dot file).
fn temporary_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    format!(".{name}.")
}

/// Removes the temporary files of earlier saves of `path` that never finished (the saving
/// process was killed or the power went). Called with the file's lock held, so no running
/// save owns any of them; works the same on every system (no process table needed).
fn remove_stale_temporaries(path: &Path) {
    let prefix = temporary_prefix(path);
    let Ok(entries) = std::fs::read_dir(folder_of(path)) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let stale = name.starts_with(&prefix) && name.ends_with(".tmp");
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) {
            // Another cleaner may have removed it first.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes `text` beside `path` in a new temporary file that only its owner can read from the
/// moment it exists (a kill before the rename leaves no readable copy), gives it its final
/// permissions, flushes it and renames it over `path`.
fn write_temporary(path: &Path, text: &str, finish: Finish<'_>) -> std::io::Result<()> {
    let folder = folder_of(path);
    remove_stale_temporaries(path);
    // `File::create_new` applies the umask: the empty file's mode is what a new file gets by
    // default. It is made private before a byte is written.
    let mut temporary = tempfile::Builder::new()
        .prefix(&temporary_prefix(path))
        .suffix(".tmp")
        .make_in(folder, |p| File::create_new(p))?;
    let default = temporary.as_file().metadata()?.permissions();
    make_private(temporary.as_file())?;
    temporary.as_file_mut().write_all(text.as_bytes())?;
    match finish {
        Finish::Like(meta) => {
            keep_owner(temporary.as_file(), meta);
            temporary.as_file().set_permissions(meta.permissions())?;
            allow_replacing(path, meta)?;
        }
        Finish::Default => temporary.as_file().set_permissions(default)?,
        Finish::Private => {}
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

/// Readable and writable by the owner only (0600).
#[cfg(unix)]
fn make_private(file: &File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
}

/// Windows gives a new file the folder's access rules; there are no mode bits to narrow.
#[cfg(not(unix))]
fn make_private(_file: &File) -> std::io::Result<()> {
    Ok(())
}

/// The lock every writer of a file holds while it writes: `.<name>.lock` beside it, created
/// exclusively and locked (std's `File::try_lock`, on every system). A lock file left by a
/// process that is gone is unlocked, and taken over. Two saves of one file (two imports, the
/// window and an import) therefore never interleave, and the temporary files of a save that
/// did not finish can be removed by the next one.
#[derive(Debug)]
pub(super) struct FileLock {
    path: PathBuf,
    file: Option<File>,
}

impl FileLock {
    /// How long a save waits for another one to finish.
    const WAIT: Duration = Duration::from_secs(10);

    /// The lock of `path`; `None` when another process held it for all of [`Self::WAIT`].
    pub(super) fn acquire(path: &Path) -> std::io::Result<Option<Self>> {
        let lock_path = folder_of(path).join(format!("{}lock", temporary_prefix(path)));
        let since = Instant::now();
        loop {
            match File::options()
                .write(true)
                .create_new(true)
                .open(&lock_path)
            {
                Ok(file) => {
                    if file.try_lock().is_ok() {
                        return Ok(Some(Self {
                            path: lock_path,
                            file: Some(file),
                        }));
                    }
                }
                Err(error) if lock_path.exists() => {
                    if let Some(lock) = Self::take_over(&lock_path) {
                        return Ok(Some(lock));
                    }
                    if error.kind() != std::io::ErrorKind::AlreadyExists
                        && error.kind() != std::io::ErrorKind::PermissionDenied
                    {
                        return Err(error);
                    }
                }
                Err(error) => return Err(error),
            }
            if since.elapsed() > Self::WAIT {
                return Ok(None);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The lock file of a process that ended without removing it: nobody holds its lock.
    fn take_over(lock_path: &Path) -> Option<Self> {
        let file = File::options().write(true).open(lock_path).ok()?;
        file.try_lock().ok()?;
        // The holder may have removed it just before we locked it: then it is not the lock.
        let still_there = same_file::Handle::from_path(lock_path).ok()?
            == same_file::Handle::from_file(file.try_clone().ok()?).ok()?;
        still_there.then(|| Self {
            path: lock_path.to_owned(),
            file: Some(file),
        })
    }
}

impl Drop for FileLock {
    /// Removes the lock file while still holding its lock, then lets go.
    fn drop(&mut self) {
        // Nothing to do when it is gone already.
        let _ = std::fs::remove_file(&self.path);
        drop(self.file.take());
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
        #[expect(
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
    fn a_document_too_large_to_open_again_is_not_saved() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.sla.ron");
        std::fs::write(&path, "old").unwrap();
        let document = SlaDocument {
            notes: "x".repeat(MAX_FILE_BYTES as usize),
            ..SlaDocument::default()
        };
        assert!(matches!(
            save(&document, &path),
            Err(SaveError::TooLarge { .. })
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_saved_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.sla.ron");
        std::fs::write(&path, "as read").unwrap();
        let expected = Fingerprint::of(&path);
        std::fs::write(&path, "a colleague's version").unwrap();
        let options = SaveOptions {
            expected,
            ..SaveOptions::default()
        };
        assert!(matches!(
            save_with(&SlaDocument::default(), &path, options),
            Err(SaveError::Changed { .. })
        ));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "a colleague's version"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_private_and_new_files_get_the_default_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let private = dir.path().join("recovery.sla.ron");
        write_privately(&private, "work").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&private), 0o600);
        let probe = dir.path().join("probe");
        File::create_new(&probe).unwrap();
        let public = dir.path().join("report.html");
        write_atomically(&public, "<p>").unwrap();
        assert_eq!(mode(&public), mode(&probe));
    }

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
