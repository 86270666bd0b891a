//! Edit locks: "this file is being edited by Sanne on LAPTOP-42 since 09:14".
//!
//! A file opened for editing gets a lock file beside it in the convention office suites use,
//! LibreOffice's `.~lock.<file name>#`: one record `name,account,host,DD.MM.YYYY HH:MM,tag;`.
//! It is created with create-new, which a shared drive (SMB, a synced folder) carries out on
//! the server, so of two machines opening the file at once exactly one gets it; advisory
//! locks (`flock`) are not passed reliably by such drives and are not used for this. The fifth
//! field, LibreOffice's profile address, holds `sla-planner:<process id>:<serial>`: the
//! process id tells a lock left by a crash (same account and host, no such process) from one
//! of a running window, and the serial tells two locks of one process apart, so a lock removes
//! only its own record.
//!
//! A lock file is written by other programs and other people: it is read bounded, decoded
//! leniently and every field is made safe to show before it reaches a screen or a terminal.

use std::fs::File;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{Local, NaiveDateTime, TimeDelta};

use super::save::FileLock;
use crate::i18n::{Language, fill};

/// More than a lock record ever needs (LibreOffice's are under 200 bytes); the rest of a
/// larger file is not read.
const MAX_RECORD_BYTES: u64 = 4096;
/// A field is shown with at most this many characters; a longer one ends in "…".
const MAX_SHOWN_CHARS: usize = 64;
/// The time as LibreOffice writes it, in local time.
const TIME_FORMAT: &str = "%d.%m.%Y %H:%M";
/// What marks the fifth field as ours.
const TAG: &str = "sla-planner";

/// Numbers the locks of this process, so each knows its own record.
static SERIAL: AtomicU64 = AtomicU64::new(1);

/// The lock file of `document`: `.~lock.plan.sla.ron#` beside `plan.sla.ron`.
pub fn lock_path(document: &Path) -> PathBuf {
    let name = document
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    document.with_file_name(format!(".~lock.{name}#"))
}

/// Who wrote a lock record, as the record says. Fields are as read (see [`LockOwner::shown`]
/// before showing one).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LockOwner {
    /// The person's full name (LibreOffice: the name in its settings).
    pub name: String,
    /// The account on the computer.
    pub account: String,
    pub host: String,
    /// When the lock was taken, in the writer's local time (minutes).
    pub since: Option<NaiveDateTime>,
    /// The process that holds it, when SLA Planner wrote the record.
    pub process: Option<u32>,
    serial: Option<u64>,
}

impl LockOwner {
    /// This process, now.
    pub fn me() -> Self {
        let account = whoami::username().unwrap_or_default();
        let name = whoami::realname()
            .ok()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| account.clone());
        Self {
            name,
            account,
            host: whoami::hostname().unwrap_or_default(),
            since: Some(Local::now().naive_local()),
            process: Some(std::process::id()),
            serial: Some(SERIAL.fetch_add(1, Ordering::Relaxed)),
        }
    }

    /// A record as another program or another computer writes it (for tests and tools).
    pub fn other(name: &str, account: &str, host: &str, since: NaiveDateTime) -> Self {
        Self {
            name: name.to_owned(),
            account: account.to_owned(),
            host: host.to_owned(),
            since: Some(since),
            process: None,
            serial: None,
        }
    }

    /// The record in LibreOffice's format.
    pub fn record(&self) -> String {
        let since = self
            .since
            .map(|t| t.format(TIME_FORMAT).to_string())
            .unwrap_or_default();
        let tag = match (self.process, self.serial) {
            (Some(process), Some(serial)) => format!("{TAG}:{process}:{serial}"),
            (Some(process), None) => format!("{TAG}:{process}"),
            _ => String::new(),
        };
        let fields = [&self.name, &self.account, &self.host, &since, &tag];
        let escaped: Vec<String> = fields.iter().map(|f| escape(f)).collect();
        format!("{};", escaped.join(","))
    }

    /// Reads a record leniently: any bytes, escaped commas and semicolons, missing fields.
    fn parse(bytes: &[u8]) -> Self {
        let text = String::from_utf8_lossy(bytes);
        let mut fields = vec![String::new()];
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    if let Some(next) = chars.next()
                        && let Some(field) = fields.last_mut()
                    {
                        field.push(next);
                    }
                }
                ',' => fields.push(String::new()),
                ';' => break,
                c => {
                    if let Some(field) = fields.last_mut() {
                        field.push(c);
                    }
                }
            }
        }
        let field = |i: usize| fields.get(i).cloned().unwrap_or_default();
        let tag = field(4);
        let mut ours = tag
            .strip_prefix(TAG)
            .and_then(|rest| rest.strip_prefix(':'))
            .map(|rest| rest.split(':'))
            .into_iter()
            .flatten();
        let process = ours.next().and_then(|p| p.parse().ok());
        let serial = ours.next().and_then(|s| s.parse().ok());
        Self {
            name: field(0),
            account: field(1),
            host: field(2),
            since: NaiveDateTime::parse_from_str(field(3).trim(), TIME_FORMAT).ok(),
            process,
            serial,
        }
    }

    /// The same account on the same computer (host names compare without case, as systems do).
    fn same_person(&self, other: &Self) -> bool {
        !self.account.is_empty()
            && self.account == other.account
            && self.host.eq_ignore_ascii_case(&other.host)
    }

    /// A field made safe to show: control and direction-changing characters replaced, at most
    /// [`MAX_SHOWN_CHARS`] characters.
    pub fn shown(field: &str) -> String {
        let mut shown: String = field
            .trim()
            .chars()
            .map(|c| if is_unsafe(c) { '\u{fffd}' } else { c })
            .take(MAX_SHOWN_CHARS)
            .collect();
        if field.trim().chars().count() > MAX_SHOWN_CHARS {
            shown.push('…');
        }
        shown
    }
}

/// Characters that must not reach a screen or terminal from a file: control codes (escape
/// sequences, line breaks) and the marks that reverse the direction of the text after them.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    for c in field.chars() {
        if matches!(c, ',' | ';' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Someone else's lock on a file: who, since when, and whether it looks left over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    pub owner: LockOwner,
    /// When the lock was taken: the record's time, else the lock file's.
    pub since: Option<NaiveDateTime>,
    /// Older than a day: probably left behind by a crash on another computer.
    pub stale: bool,
}

impl Holder {
    /// A day: a lock older than that is shown as probably stale.
    pub const STALE_AFTER: TimeDelta = TimeDelta::days(1);

    /// "Plan 2027.sla.ron is being edited by Sanne de Vries on LAPTOP-42 since 09:14." (the
    /// date too when it is not today), or, for a stale lock, that it is probably left over.
    pub fn describe(&self, document: &Path, language: Language) -> String {
        let t = language.text();
        let file = document.file_name().map_or_else(
            || document.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let name = Some(&self.owner.name)
            .filter(|n| !n.trim().is_empty())
            .or(Some(&self.owner.account).filter(|n| !n.trim().is_empty()))
            .map_or_else(|| t.lock_someone.to_owned(), |n| LockOwner::shown(n));
        let host = if self.owner.host.trim().is_empty() {
            t.lock_unknown_host.to_owned()
        } else {
            LockOwner::shown(&self.owner.host)
        };
        let today = Local::now().date_naive();
        let time = self.since.map_or_else(
            || t.lock_unknown_time.to_owned(),
            |since| {
                let clock = since.format("%H:%M").to_string();
                if since.date() == today && !self.stale {
                    clock
                } else {
                    format!("{} {clock}", language.date(since.date()))
                }
            },
        );
        let template = if self.stale {
            t.lock_held_stale
        } else {
            t.lock_held
        };
        fill(
            template,
            &[
                ("file", &LockOwner::shown(&file)),
                ("name", &name),
                ("host", &host),
                ("time", &time),
            ],
        )
    }
}

/// The outcome of claiming a file for editing.
#[derive(Debug)]
pub enum Claim {
    /// The lock is ours until the [`EditLock`] is dropped.
    Mine(EditLock),
    /// Someone else is editing the file (or left a lock that is not plainly ours to take).
    Held(Holder),
}

/// Our lock on a file: removed when dropped, unless someone has replaced our record since
/// ("Open anyway" on another computer), whose lock it is then.
#[derive(Debug)]
pub struct EditLock {
    document: PathBuf,
    path: PathBuf,
    record: String,
}

impl EditLock {
    /// The document this lock is for.
    pub fn document(&self) -> &Path {
        &self.document
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for EditLock {
    fn drop(&mut self) {
        if read_record(&self.path).is_some_and(|bytes| bytes == self.record.as_bytes()) {
            // Someone may remove it at the same moment; gone is gone.
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Claims `document` for editing by this process: creates its lock file, or takes over
/// silently a lock this account left on this computer by a process that no longer runs (or
/// one of this very process, a file opened again). Anyone else's lock is reported.
pub fn claim(document: &Path) -> std::io::Result<Claim> {
    let me = LockOwner::me();
    let path = lock_path(document);
    let record = me.record();
    // A few rounds: a lock removed between our create and our read is simply tried again.
    for _ in 0..5 {
        match create(&path, &record) {
            Ok(()) => return Ok(Claim::Mine(lock(document, path, record))),
            Err(error) if error.kind() != std::io::ErrorKind::AlreadyExists => return Err(error),
            Err(_) => {}
        }
        let Some(found) = read_record(&path) else {
            continue;
        };
        let holder = holder_of(&path, &found);
        if !ours_to_take(&holder.owner, &me) {
            return Ok(Claim::Held(holder));
        }
        if let Some(lock) = replace(document, &path, &found, &record)? {
            return Ok(Claim::Mine(lock));
        }
    }
    match read_record(&path) {
        Some(found) => Ok(Claim::Held(holder_of(&path, &found))),
        None => Err(std::io::Error::other("the lock file kept changing")),
    }
}

/// "Open anyway": replaces whatever lock `document` has with ours.
pub fn force(document: &Path) -> std::io::Result<EditLock> {
    let path = lock_path(document);
    let record = LockOwner::me().record();
    let _guard = FileLock::acquire(&path)?;
    match std::fs::remove_file(&path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
        _ => {}
    }
    create(&path, &record)?;
    Ok(lock(document, path, record))
}

/// Who holds `document` now, if anyone but this process; `None` also for a lock that
/// [`claim`] would take over silently (ours, left by a crash).
pub fn holder(document: &Path) -> Option<Holder> {
    let path = lock_path(document);
    let found = read_record(&path)?;
    let holder = holder_of(&path, &found);
    let me = LockOwner::me();
    let this_process = holder.owner.same_person(&me) && holder.owner.process == me.process;
    (!this_process && !ours_to_take(&holder.owner, &me)).then_some(holder)
}

fn lock(document: &Path, path: PathBuf, record: String) -> EditLock {
    EditLock {
        document: document.to_owned(),
        path,
        record,
    }
}

/// Creates the lock file with our record, failing when it exists (on every system and on
/// network drives, where the server decides).
fn create(path: &Path, record: &str) -> std::io::Result<()> {
    let mut file = File::options().write(true).create_new(true).open(path)?;
    let written = file
        .write_all(record.as_bytes())
        .and_then(|()| file.sync_all());
    if written.is_err() {
        // A half-written lock would lock the file for everyone; it never was a lock.
        let _ = std::fs::remove_file(path);
    }
    written
}

/// A lock of this account on this computer whose process is gone, or of this process.
fn ours_to_take(owner: &LockOwner, me: &LockOwner) -> bool {
    if !owner.same_person(me) {
        return false;
    }
    match owner.process {
        Some(process) if Some(process) == me.process => true,
        Some(process) => process_alive::state(process.into()) == process_alive::State::Dead,
        None => false,
    }
}

/// Replaces the record `found` with ours, if the lock file still holds it. Two windows of one
/// account that both find a crashed lock take the save lock of the lock file first, so one
/// replaces it and the other then finds the new lock. `None` when the record changed.
fn replace(
    document: &Path,
    path: &Path,
    found: &[u8],
    record: &str,
) -> std::io::Result<Option<EditLock>> {
    let Some(_guard) = FileLock::acquire(path)? else {
        return Ok(None);
    };
    if read_record(path).as_deref() != Some(found) {
        return Ok(None);
    }
    std::fs::remove_file(path)?;
    match create(path, record) {
        Ok(()) => Ok(Some(lock(document, path.to_owned(), record.to_owned()))),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(None),
        Err(error) => Err(error),
    }
}

/// The first [`MAX_RECORD_BYTES`] of the lock file; `None` when there is none. A folder, pipe
/// or device of that name is never read (it could block forever) and counts as an empty
/// record: something is there that nobody explains.
fn read_record(path: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return Some(Vec::new());
    }
    let mut bytes = Vec::new();
    File::open(path)
        .ok()?
        .take(MAX_RECORD_BYTES)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(bytes)
}

fn holder_of(path: &Path, found: &[u8]) -> Holder {
    let owner = LockOwner::parse(found);
    let since = owner.since.or_else(|| {
        let modified = std::fs::metadata(path).ok()?.modified().ok()?;
        Some(chrono::DateTime::<Local>::from(modified).naive_local())
    });
    let stale = since.is_some_and(|since| Local::now().naive_local() - since > Holder::STALE_AFTER);
    Holder {
        owner,
        since,
        stale,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_with_commas_and_semicolons() {
        let since = NaiveDateTime::parse_from_str("04.12.2026 09:14", TIME_FORMAT).unwrap();
        let owner = LockOwner::other("de Vries, Sanne; CFO", "sanne\\x", "LAPTOP-42", since);
        let record = owner.record();
        assert_eq!(
            record,
            "de Vries\\, Sanne\\; CFO,sanne\\\\x,LAPTOP-42,04.12.2026 09:14,;"
        );
        assert_eq!(LockOwner::parse(record.as_bytes()), owner);
    }

    #[test]
    fn a_libreoffice_record_reads() {
        let owner = LockOwner::parse(
            b"Sanne de Vries,sanne,LAPTOP-42,04.12.2026 09:14,file:///C:/Users/sanne/AppData/Roaming/LibreOffice/4;",
        );
        assert_eq!(owner.name, "Sanne de Vries");
        assert_eq!(owner.host, "LAPTOP-42");
        assert_eq!(owner.process, None);
        assert_eq!(
            owner.since.map(|t| t.format("%H:%M").to_string()),
            Some("09:14".to_owned())
        );
    }

    #[test]
    fn shown_fields_lose_control_and_direction_characters() {
        assert_eq!(
            LockOwner::shown("a\u{1b}[31mb\u{202e}c\n"),
            "a\u{fffd}[31mb\u{fffd}c"
        );
        let long = "x".repeat(1000);
        assert_eq!(LockOwner::shown(&long).chars().count(), MAX_SHOWN_CHARS + 1);
    }

    #[test]
    fn the_lock_file_is_named_as_libreoffice_names_it() {
        assert_eq!(
            lock_path(Path::new("/team/Plan 2027.sla.ron")),
            Path::new("/team/.~lock.Plan 2027.sla.ron#")
        );
        assert_eq!(
            lock_path(Path::new("plan.sla.ron")),
            Path::new(".~lock.plan.sla.ron#")
        );
    }
}
