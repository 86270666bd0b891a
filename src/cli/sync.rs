//! `sla-planner sync DOC --crm hubspot|salesforce|pipedrive`: the document's actuals straight from the CRM, for a
//! scheduler's nightly run. The same reader and aggregation as the app's Update from CRM
//! (`crate::crm`), the same replace-by-day as the CSV import; the document is saved atomically
//! and only when the whole fetch succeeded. Exit 0 when updated, 1 on a CRM or file error (the
//! document unchanged), 2 on a bad command line (clap's own exit code, or Salesforce without
//! an instance URL in `--base-url` or the document).

use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::{NaiveDate, Utc};
use clap::ValueEnum;

use super::Outcome;
use super::update::Update;
use crate::crm::{self, CrmLink, LastSync, Provider, Request};
use crate::document::SlaDocument;
use crate::i18n::{Language, fill};
use crate::tracking::import::Progress;

#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    /// The SLA file (.sla.ron) to update; replaced atomically.
    pub doc: PathBuf,
    /// The CRM to read the leads from. The token comes from `SLA_PLANNER_HUBSPOT_TOKEN`,
    /// `SLA_PLANNER_SALESFORCE_TOKEN` or `SLA_PLANNER_PIPEDRIVE_TOKEN`, else from the system's
    /// credential store.
    #[arg(long, value_enum)]
    pub crm: CrmArg,
    /// Read the leads created from this day (YYYY-MM-DD) [default: the first day of the agreed
    /// plan's period, else a year ago].
    #[arg(long)]
    pub since: Option<NaiveDate>,
    /// Read and report, but leave DOC unchanged.
    #[arg(long)]
    pub dry_run: bool,
    /// The API's address (a proxy, a sandbox, a test; for Salesforce the org's instance URL):
    /// https, or http on a loopback address.
    #[arg(long, value_parser = parse_base)]
    pub base_url: Option<String>,
}

/// The CRMs of `--crm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CrmArg {
    Hubspot,
    Salesforce,
    Pipedrive,
}

impl From<CrmArg> for Provider {
    fn from(crm: CrmArg) -> Self {
        match crm {
            CrmArg::Hubspot => Self::HubSpot,
            CrmArg::Salesforce => Self::Salesforce,
            CrmArg::Pipedrive => Self::Pipedrive,
        }
    }
}

/// A bad `--base-url` is a bad command line (exit 2), said in the English of clap's messages.
fn parse_base(text: &str) -> Result<String, String> {
    crm::check_base(text).map_err(|e| e.describe(Provider::HubSpot, Language::English))
}

/// Fetches, reports and, unless `--dry-run`, saves. See the module's exit codes.
pub fn run_sync(args: &SyncArgs, today: NaiveDate, language: Language) -> Outcome {
    let t = language.text();
    let provider = Provider::from(args.crm);
    let doc_name = args.doc.display().to_string();
    let mut update = match Update::open(&args.doc, language) {
        Ok(update) => update,
        Err(message) => return Outcome::fail(message),
    };
    let crm_error =
        |error: &crm::CrmError| Outcome::fail(format!("{}\n", error.describe(provider, language)));
    let link = link_for(&update.doc, provider, args.base_url.as_deref());
    if link.base_url.is_none() && provider.default_base().is_none() {
        return Outcome {
            code: 2,
            ..crm_error(&crm::CrmError::NoInstance)
        };
    }
    let token = match crm::token::find(provider) {
        Ok(token) => token,
        Err(error) => return crm_error(&error),
    };
    let settings = crm::settings_for(&update.doc, link.mapping.clone());
    let since = args
        .since
        .or_else(|| settings.period.map(|(first, _)| first))
        .unwrap_or_else(|| today - chrono::Days::new(365));
    let request = Request {
        provider,
        base_url: link.base_url.as_deref(),
        token: &token,
        since,
    };
    let synced = match crm::fetch(&request, &settings, &Progress::default()) {
        Ok(synced) => synced,
        Err(error) => return crm_error(&error),
    };
    let (mut stdout, mut stderr) = report(&synced, language);
    if args.dry_run {
        let _ = writeln!(
            stdout,
            "{}",
            fill(t.cli_sync_dry_run, &[("file", &doc_name)])
        );
        return Outcome {
            stdout,
            stderr,
            code: 0,
        };
    }
    let sync = LastSync {
        at: Utc::now(),
        since,
    };
    crm::apply(&mut update.doc, &synced, link, sync);
    let (last_line, code) = match update.save(language) {
        Ok(()) => (
            fill(
                t.cli_sync_saved,
                &[("file", &doc_name), ("crm", provider.name())],
            ),
            0,
        ),
        Err(message) => {
            stderr += &message;
            (fill(t.cli_sync_not_saved, &[("file", &doc_name)]), 1)
        }
    };
    let _ = writeln!(stdout, "{last_line}");
    Outcome {
        stdout,
        stderr,
        code,
    }
}

/// The document's link to `provider` (its mapping and last sync), else a new one with the
/// provider's default mapping; `--base-url`, when given, in place of the link's address.
fn link_for(doc: &SlaDocument, provider: Provider, base_url: Option<&str>) -> CrmLink {
    let mut link = doc
        .tracking
        .crm
        .clone()
        .filter(|l| l.provider == provider)
        .unwrap_or_else(|| CrmLink {
            provider,
            mapping: provider.default_mapping(),
            ..CrmLink::default()
        });
    if let Some(base) = base_url {
        link.base_url = Some(base.to_owned());
    }
    link
}

/// What the fetch read: the summary and the leads outside the period for standard output, the
/// skipped leads the summary does not name for standard error.
fn report(synced: &crm::Synced, language: Language) -> (String, String) {
    let mut stdout = synced.summary(language);
    stdout.push('\n');
    if let Some(outside) = &synced.outside {
        let _ = writeln!(stdout, "{}", outside.describe(language));
    }
    let mut stderr = String::new();
    for skipped in synced.skipped.iter().skip(crm::SUMMARY_NAMED) {
        let _ = writeln!(stderr, "{}", skipped.describe(language));
    }
    (stdout, stderr)
}
