//! The recovery files that keep unsaved work safe from a crash, a kill or a logout.
//!
//! Every window (process) has a recovery file of its own, `recovery-<id>.sla.ron`, beside a lock
//! file `recovery-<id>.lock` that the process holds locked while it runs. A window offers only
//! files whose lock nobody holds — work left by a process that is gone — and holds that lock
//! while it asks, so two windows never offer (or delete) each other's work. A recovery file is
//! deleted only when its work was saved, restored or deliberately discarded.
//!
//! Unsaved work is written within [`RecoveryFile::DELAY`] seconds of an edit, when the window is
//! asked to close, and on SIGTERM, SIGINT and SIGHUP (from a thread of its own, so it happens
//! even when the window is not drawing).

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::document::{Fingerprint, KeptField, SlaDocument, write_privately};

/// Unsaved work as written to a recovery file. Older versions wrote only `path` and
/// `document`; the other fields default, so their files are still offered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The file the work belongs to, if it had one.
    pub path: Option<PathBuf>,
    pub document: SlaDocument,
    /// The file as it was when opened or last saved, before the crash: saving the restored
    /// work over a file that no longer matches asks first.
    #[serde(default)]
    pub fingerprint: Option<Fingerprint>,
    /// Fields of the file this version does not know (the document does not serialise them).
    #[serde(default)]
    pub unknown_fields: Vec<KeptField>,
}

impl Recovery {
    pub fn new(
        path: Option<PathBuf>,
        document: &SlaDocument,
        fingerprint: Option<Fingerprint>,
    ) -> Self {
        Self {
            path: path.map(|p| absolute(&p)),
            unknown_fields: document.unknown_fields.clone(),
            document: document.clone(),
            fingerprint,
        }
    }

    /// The document with its unknown fields back in place.
    pub fn into_document(self) -> SlaDocument {
        SlaDocument {
            unknown_fields: self.unknown_fields,
            ..self.document
        }
    }
}

/// The latest unsaved work and this process's claim on its recovery file.
#[derive(Debug, Default)]
struct State {
    latest: Option<Recovery>,
    /// `latest` is on disk.
    written: bool,
    /// Our lock file, held from the first write until the file is removed.
    lock: Option<File>,
}

/// What the window and the termination handler share.
#[derive(Debug)]
struct Shared {
    /// `None` when there is nowhere to keep work (no data folder).
    file: Option<PathBuf>,
    lock_file: Option<PathBuf>,
    state: Mutex<State>,
    /// A termination signal arrived: close without asking, keeping the recovery file.
    terminating: AtomicBool,
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves plain data behind; it is still the latest work.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Writes `latest` unless it is on disk already.
    fn write(&self, state: &mut State) -> io::Result<()> {
        let (Some(file), Some(lock_file), Some(latest)) =
            (&self.file, &self.lock_file, &state.latest)
        else {
            return Ok(());
        };
        if state.written {
            return Ok(());
        }
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder)?;
            make_private_folder(folder)?;
        }
        if state.lock.is_none() {
            let lock = create_private(lock_file)?;
            lock.try_lock().map_err(io::Error::other)?;
            state.lock = Some(lock);
        }
        let text = ron::ser::to_string_pretty(latest, ron::ser::PrettyConfig::new())
            .map_err(io::Error::other)?;
        write_privately(file, &text)?;
        state.written = true;
        Ok(())
    }

    /// Deletes our recovery file and gives up its lock.
    fn remove(&self, state: &mut State) {
        state.latest = None;
        state.written = false;
        if let Some(lock) = state.lock.take() {
            // Nothing to do when a file is already gone.
            if let Some(file) = &self.file {
                let _ = std::fs::remove_file(file);
            }
            drop(lock);
            if let Some(lock_file) = &self.lock_file {
                let _ = std::fs::remove_file(lock_file);
            }
        }
    }
}

/// This process's recovery file.
#[derive(Debug)]
pub struct RecoveryFile {
    folder: Option<PathBuf>,
    shared: Arc<Shared>,
    /// When the last write happened (seconds of egui time).
    last_write: Option<f64>,
}

impl RecoveryFile {
    /// Seconds between writes while the user keeps editing: the most work a crash can lose.
    pub const DELAY: f64 = 2.0;

    /// The recovery file of this process in `folder` (normally eframe's storage folder).
    pub fn in_folder(folder: Option<PathBuf>) -> Self {
        let id = format!(
            "{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        );
        let name = |extension: &str| {
            folder
                .as_ref()
                .map(|f| f.join(format!("recovery-{id}.{extension}")))
        };
        Self {
            shared: Arc::new(Shared {
                file: name("sla.ron"),
                lock_file: name("lock"),
                state: Mutex::new(State::default()),
                terminating: AtomicBool::new(false),
            }),
            folder,
            last_write: None,
        }
    }

    /// Keeps the recovery file up to date with unsaved work: a new snapshot when `document`
    /// changed, written at once or, right after another write, [`Self::DELAY`] seconds later.
    /// Returns how long until a pending write is due.
    pub fn keep(
        &mut self,
        now: f64,
        document: &SlaDocument,
        snapshot: impl FnOnce() -> Recovery,
    ) -> io::Result<Option<Duration>> {
        let mut state = self.shared.state();
        if state.latest.as_ref().map(|r| &r.document) != Some(document) {
            state.latest = Some(snapshot());
            state.written = false;
        }
        if state.written {
            return Ok(None);
        }
        let due = self.last_write.map_or(now, |last| last + Self::DELAY);
        if now < due {
            return Ok(Some(Duration::from_secs_f64(due - now)));
        }
        self.last_write = Some(now);
        self.shared.write(&mut state).map(|()| None)
    }

    /// Takes `recovery` as the latest unsaved work and writes it at once.
    pub fn write(&self, recovery: Recovery) -> io::Result<()> {
        let mut state = self.shared.state();
        state.latest = Some(recovery);
        state.written = false;
        self.shared.write(&mut state)
    }

    /// Writes the latest unsaved work now (the window is closing).
    pub fn write_now(&self) -> io::Result<()> {
        let mut state = self.shared.state();
        self.shared.write(&mut state)
    }

    /// Forgets the unsaved work: it was saved or deliberately discarded.
    pub fn remove(&self) {
        let mut state = self.shared.state();
        self.shared.remove(&mut state);
    }

    /// True once a termination signal asked the app to end.
    pub fn terminating(&self) -> bool {
        self.shared.terminating.load(Ordering::SeqCst)
    }

    /// Unsaved work left by a process that is gone: the newest such file, locked for as long
    /// as the offer lives.
    pub fn find_orphan(&self) -> Option<Offer> {
        let folder = self.folder.as_ref()?;
        let mut found: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(folder)
            .ok()?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| Some(path) != self.shared.file.as_ref() && is_recovery_file(path))
            .map(|path| {
                let modified = std::fs::metadata(&path)
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                (modified, path)
            })
            .collect();
        found.sort();
        found
            .into_iter()
            .rev()
            .find_map(|(_, path)| Offer::claim(path))
    }

    /// Writes the unsaved work and asks the window to close when SIGTERM, SIGINT or SIGHUP
    /// arrives. With `exit_after`, the process ends that long after the signal even if the
    /// window does not close (a window that is not drawing never sees the request).
    #[cfg(unix)]
    pub fn watch_termination(
        &self,
        ctx: egui::Context,
        exit_after: Option<Duration>,
    ) -> io::Result<()> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])?;
        let shared = Arc::clone(&self.shared);
        std::thread::Builder::new()
            .name("termination".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    {
                        let mut state = shared.state();
                        // Nowhere to report a failure: the process is ending.
                        let _ = shared.write(&mut state);
                    }
                    shared.terminating.store(true, Ordering::SeqCst);
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                    ctx.request_repaint();
                    if let Some(delay) = exit_after {
                        std::thread::sleep(delay);
                        std::process::exit(128 + signal);
                    }
                }
            })?;
        Ok(())
    }

    /// Windows and other systems end a GUI app through its window's close request, which the
    /// app already answers by writing the recovery file.
    #[cfg(not(unix))]
    pub fn watch_termination(
        &self,
        _ctx: egui::Context,
        _exit_after: Option<Duration>,
    ) -> io::Result<()> {
        Ok(())
    }
}

/// The path as the file system knows it wherever the app is started next: links resolved
/// where the file exists, else made absolute against the current folder.
fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_owned())
}

/// Only the owner may list or enter the recovery folder (0700): its files hold whole
/// documents.
#[cfg(unix)]
fn make_private_folder(folder: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))
}

/// Windows gives the user's data folder to the user already.
#[cfg(not(unix))]
fn make_private_folder(_folder: &Path) -> io::Result<()> {
    Ok(())
}

/// A lock file only the owner can open (0600 on Unix).
fn create_private(path: &Path) -> io::Result<File> {
    let mut options = File::options();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// `recovery-<id>.sla.ron`, or `recovery.sla.ron` as versions before per-window files wrote.
fn is_recovery_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|name| name.starts_with("recovery") && name.ends_with(".sla.ron"))
}

/// The lock file beside a recovery file.
fn lock_file_of(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".sla.ron"))
        .unwrap_or("recovery");
    path.with_file_name(format!("{name}.lock"))
}

/// Work left by a process that is gone, claimed by this window while it asks what to do.
#[derive(Debug)]
pub struct Offer {
    pub recovery: Recovery,
    file: PathBuf,
    lock_file: PathBuf,
    /// Held until the offer is answered or dropped.
    _lock: File,
}

impl Offer {
    /// The offer of the file at `path`, unless its lock is held (its window is still open)
    /// or it cannot be read.
    fn claim(file: PathBuf) -> Option<Self> {
        let lock_file = lock_file_of(&file);
        let created = !lock_file.exists();
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_file)
            .ok()?;
        if lock.try_lock().is_err() {
            return None;
        }
        let recovery = std::fs::read_to_string(&file)
            .ok()
            .and_then(|text| ron::from_str(&text).ok());
        let Some(recovery) = recovery else {
            if created {
                let _ = std::fs::remove_file(&lock_file);
            }
            return None;
        };
        Some(Self {
            recovery,
            file,
            lock_file,
            _lock: lock,
        })
    }

    /// Deletes the offered work: the user restored it (it now lives in this window's file) or
    /// discarded it.
    pub fn forget(self) {
        // Nothing to do when a file is already gone.
        let _ = std::fs::remove_file(&self.file);
        let lock_file = self.lock_file.clone();
        drop(self);
        let _ = std::fs::remove_file(lock_file);
    }
}

/// Where restored work belongs. Older versions kept the path as typed: a relative one is read
/// against the current folder. If no file is there, saving asks where to save
/// (`App::recovered_file_missing`); if another file is, saving asks before replacing it
/// (its fingerprint differs).
fn recovered_path(path: &Path) -> PathBuf {
    if path.is_absolute() {
        return path.to_owned();
    }
    absolute(path)
}

/// The window's side of recovery.
impl super::App {
    /// Keeps the recovery file current while work is unsaved; removes it once there is none.
    pub(super) fn schedule_recovery(&mut self, ctx: &egui::Context) {
        if !self.editor.is_dirty() {
            self.recovery.remove();
            return;
        }
        let now = ctx.input(|i| i.time);
        let editor = &self.editor;
        let written = self.recovery.keep(now, &editor.document, || {
            Recovery::new(editor.path.clone(), &editor.document, editor.stamp())
        });
        match written {
            Ok(Some(due)) => ctx.request_repaint_after(due),
            Ok(None) => {}
            Err(error) => {
                let t = self.language.text();
                self.notice = super::Notice::problem(crate::i18n::fill(
                    t.recovery_failed,
                    &[("reason", &error.to_string())],
                ));
            }
        }
    }

    /// Restores offered work in place of the open document; the offer's file goes once the
    /// work is safe in this window's own recovery file.
    pub(super) fn restore(&mut self, offer: Offer) {
        let recovery = offer.recovery.clone();
        let (path, fingerprint) = (
            recovery.path.as_deref().map(recovered_path),
            recovery.fingerprint,
        );
        self.take_editor(super::Editor::recovered(
            recovery.into_document(),
            path,
            fingerprint,
        ));
        self.editor.claim_lock();
        match self.recovery.write(offer.recovery.clone()) {
            Ok(()) => offer.forget(),
            Err(error) => {
                let t = self.language.text();
                self.notice = super::Notice::problem(crate::i18n::fill(
                    t.recovery_failed,
                    &[("reason", &error.to_string())],
                ));
            }
        }
    }

    /// Writes the unsaved work when a termination signal arrives and asks the window to close
    /// (for tests and embedders; `run` also ends the process if the window does not close).
    pub fn watch_termination(&self, ctx: &egui::Context) -> io::Result<()> {
        self.recovery.watch_termination(ctx.clone(), None)
    }

    /// What happens to the recovery file when the window closes: kept (written now) while work
    /// is unsaved and the user did not choose to discard it, as after a crash; else removed.
    /// eframe calls this from `on_exit`.
    pub fn finish_recovery(&self) {
        if self.editor.is_dirty() && !self.allow_close {
            // The window is closing; there is no one left to tell about a failure.
            let _ = self.recovery.write_now();
        } else {
            self.recovery.remove();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work(title: &str) -> Recovery {
        let document = SlaDocument {
            title: title.into(),
            ..SlaDocument::default()
        };
        Recovery::new(Some(PathBuf::from("plan.sla.ron")), &document, None)
    }

    #[test]
    fn writes_at_once_then_at_most_every_delay() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = RecoveryFile::in_folder(Some(dir.path().to_owned()));
        let first = work("first");
        assert_eq!(
            file.keep(10.0, &first.document, || first.clone()).unwrap(),
            None
        );
        let second = work("second");
        let due = file
            .keep(10.5, &second.document, || second.clone())
            .unwrap();
        assert_eq!(due, Some(Duration::from_secs_f64(1.5)));
        assert_eq!(
            file.keep(12.0, &second.document, || unreachable!())
                .unwrap(),
            None
        );

        // Another window sees the work only once this one is gone.
        let other = RecoveryFile::in_folder(Some(dir.path().to_owned()));
        assert!(other.find_orphan().is_none(), "the owner is still running");
        drop(file);
        let offer = other.find_orphan().unwrap();
        assert_eq!(offer.recovery.document.title, "second");
        assert!(other.find_orphan().is_none(), "claimed while offered");
        offer.forget();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn the_path_is_kept_absolute() {
        let recovery = work("relative");
        let path = recovery.path.unwrap();
        assert!(path.is_absolute(), "{}", path.display());
        assert!(path.ends_with("plan.sla.ron"));
    }

    #[cfg(unix)]
    #[test]
    fn recovery_files_are_private() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("data");
        std::fs::create_dir(&folder).unwrap();
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut file = RecoveryFile::in_folder(Some(folder.clone()));
        let first = work("secret");
        file.keep(0.0, &first.document, || first.clone()).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        for entry in std::fs::read_dir(&folder).unwrap() {
            assert_eq!(mode(&entry.unwrap().path()), 0o600);
        }
    }

    #[test]
    fn removing_deletes_the_file_and_its_lock() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = RecoveryFile::in_folder(Some(dir.path().to_owned()));
        let first = work("first");
        file.keep(0.0, &first.document, || first.clone()).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        file.remove();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
