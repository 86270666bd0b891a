//! What every command that changes a document (`import`, `sync`) does around its change: read
//! the file (a newer version's file is refused: saving it would drop what this version does
//! not know), and afterwards take its edit lock (someone editing it in the window keeps it),
//! mark a changed document as derived from the version read and save it atomically, only if
//! the file did not change on disk since it was read.

use std::path::{Path, PathBuf};

use super::open;
use crate::document::{self, SlaDocument};
use crate::i18n::{Language, fill};

/// A document read for a change, with what its save checks against.
#[derive(Debug)]
pub struct Update {
    pub doc: SlaDocument,
    path: PathBuf,
    /// The file as read: if it changes after this, the save notices.
    read_as: Option<document::Fingerprint>,
    /// The content as read: a document that comes out the same is saved as it was.
    read_version: u64,
}

impl Update {
    /// Reads `path` for a change. Err: why not, in the user's words (ends with a newline).
    pub fn open(path: &Path, language: Language) -> Result<Self, String> {
        // Taken before reading: if the file changes after this, the save notices.
        let read_as = document::Fingerprint::of(path);
        let loaded = open(path, language)?;
        if let Some(version) = loaded.newer_version {
            let error = document::SaveError::NewerFile {
                path: path.to_owned(),
                version,
            };
            return Err(format!("{}\n", error.describe(language)));
        }
        let read_version = loaded.document.content_fingerprint();
        Ok(Self {
            doc: loaded.document,
            path: path.to_owned(),
            read_as,
            read_version,
        })
    }

    /// Saves the changed document. Err: why it was not saved (ends with a newline); the file
    /// is then as it was.
    pub fn save(mut self, language: Language) -> Result<(), String> {
        let _editing = match document::lock::claim(&self.path) {
            Ok(document::lock::Claim::Mine(lock)) => lock,
            Ok(document::lock::Claim::Held(holder)) => {
                let holder = holder.describe(&self.path, language);
                let held = fill(language.text().cli_locked, &[("holder", &holder)]);
                return Err(format!("{held}\n"));
            }
            Err(error) => {
                let error = document::SaveError::Io {
                    path: document::lock::lock_path(&self.path),
                    source: error,
                };
                return Err(format!("{}\n", error.describe(language)));
            }
        };
        // A changed file is derived from the version read; an unchanged one stays as it was,
        // so the same update twice writes the same bytes.
        if self.doc.content_fingerprint() != self.read_version {
            self.doc.lineage = document::Lineage {
                id: std::mem::take(&mut self.doc.lineage.id),
                base: self.read_version,
            }
            .named();
        }
        let options = document::SaveOptions {
            expected: self.read_as,
            ..document::SaveOptions::default()
        };
        document::save_with(&self.doc, &self.path, options)
            .map_err(|error| format!("{}\n", error.describe_for_command(language)))
    }
}
