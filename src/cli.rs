//! The command line: `plan` (step 1 without a file), `summary FILE`, `check FILE` and
//! `export FILE`; the what-if commands `solve`, `sensitivity` and `diff` live in [`what_if`],
//! the CRM import `import DOC CSV` in [`import`], the CRM sync `sync DOC --crm …` in [`sync`],
//! the three-way `merge` in [`merge`].
//!
//! Output goes to stdout as text for people or as JSON for scripts (documented in README.md);
//! errors go to stderr in plain words with a non-zero exit code.

mod import;
mod merge;
mod status;
mod sync;
mod update;
mod what_if;

pub use import::{ImportArgs, OrderArg};
pub use sync::{CrmArg, SyncArgs};

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::document::{self, Loaded, ScenarioId};
use crate::export;
use crate::i18n::{Language, fill};
use crate::plan::{Assumptions, Period, Plan, SalesCommitments, YearMonth, compute};
use crate::report::Report;

/// Plan, agree and track a combined sales and marketing SLA.
///
/// Numbers on the command line are plain, whatever the language: a point for decimals and no
/// thousands separators (25000, 4.5, 50 or 50% for percentages).
#[derive(Debug, Parser)]
#[command(name = "sla-planner", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// An SLA file (.sla.ron) to open in the app; without one the example opens.
    pub file: Option<PathBuf>,
    /// The language of text output and messages [default: the system's locale]. JSON output
    /// is the same in every language.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Step 1 without a file: the reverse funnel from four numbers.
    Plan(PlanArgs),
    /// The plan of a document's scenario (the agreed plan by default).
    Summary(SummaryArgs),
    /// Validate a document: exit 0 when valid, 1 with every problem listed.
    Check { file: PathBuf },
    /// Goal seek: the value of one input that makes a result hit a target.
    Solve(what_if::SolveArgs),
    /// Each input moved down and up by a step: the effect on leads, customers and budget.
    Sensitivity(what_if::SensitivityArgs),
    /// What changed between two documents: exit 0 when equal, 1 when they differ, 2 on error.
    Diff(what_if::DiffArgs),
    /// A document's plan and agreement as HTML, Markdown or CSV (stdout without -o).
    Export(ExportArgs),
    /// Where marketing and sales stand on a date against the plan: pace and follow-up.
    Status(status::StatusArgs),
    /// A CRM lead export (CSV) into the document's actuals: exit 0 when rows were imported,
    /// 1 when none could be.
    Import(ImportArgs),
    /// Three-way merge of two documents derived from BASE: exit 0 when clean (the merge
    /// written), 1 with the conflicts listed and nothing written, 2 on errors.
    Merge(merge::MergeArgs),
    /// The actuals straight from the CRM (HubSpot): exit 0 when updated, 1 on a CRM or file
    /// error (the document unchanged), 2 on a bad command line.
    Sync(SyncArgs),
}

/// The document a command reads and the scenario it reports on: the same two arguments, with
/// the same help, for every command about one scenario (`--scenario NAME` is resolved once,
/// and a name two scenarios share is refused).
#[derive(Debug, clap::Args)]
pub struct ScenarioArgs {
    /// The SLA document (.sla.ron).
    pub file: PathBuf,
    /// The scenario's name [default: the agreed plan].
    #[arg(long)]
    pub scenario: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct SummaryArgs {
    #[command(flatten)]
    pub document: ScenarioArgs,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Add the chance of winning the customers needed, and the leads for this level (percent).
    #[arg(long, value_parser = what_if::parse_level)]
    pub confidence: Option<f64>,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub document: ScenarioArgs,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// CSV of the ISO weeks instead of the months.
    #[arg(long)]
    pub weeks: bool,
    /// CSV with `;` between fields and decimal commas, as Excel with Dutch settings reads it.
    #[arg(long)]
    pub semicolons: bool,
    /// Write to this file (replaced atomically) instead of stdout. An SLA document (the one
    /// exported above all), a read-only or a hard-linked file is replaced only with --force.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Replace the output file even when it is an SLA document, read-only or hard-linked.
    #[arg(long)]
    pub force: bool,
}

/// The formats of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Html,
    Md,
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// Revenue goal for the whole period.
    #[arg(long, value_parser = parse_number, allow_hyphen_values = true)]
    pub revenue_goal: f64,
    /// Share of revenue from marketing leads, in percent (50 or 50%).
    #[arg(long, value_parser = parse_percent, allow_hyphen_values = true)]
    pub marketing_share: f64,
    /// Average deal size.
    #[arg(long, value_parser = parse_number, allow_hyphen_values = true)]
    pub deal_size: f64,
    /// Lead-to-customer rate, in percent (5 or 5%).
    #[arg(long, value_parser = parse_percent, allow_hyphen_values = true)]
    pub lead_to_customer: f64,
    /// First month, as 2027-01 [default: next month].
    #[arg(long)]
    pub start: Option<YearMonth>,
    /// Months in the period, 1 to 36.
    #[arg(long, default_value_t = 12)]
    pub months: u32,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Add the chance of winning the customers needed, and the leads for this level (percent).
    #[arg(long, value_parser = what_if::parse_level)]
    pub confidence: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

fn parse_number(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("“{text}” is not a number"))?;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(format!("“{text}” is not a finite number"))
    }
}

/// "50" and "50%" both mean 50 %; "50%%" is a typo, not a number.
fn parse_percent(text: &str) -> Result<f64, String> {
    let trimmed = text.trim();
    let number = trimmed.strip_suffix('%').unwrap_or(trimmed);
    if number.ends_with('%') {
        return Err(format!(
            "“{text}” is not a percentage; write e.g. 50 or 50%"
        ));
    }
    parse_number(number)
}

/// What a command prints, and whether it succeeded.
#[derive(Debug, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    /// 0 on success, 1 when the input is invalid or unreadable.
    pub code: u8,
}

impl Outcome {
    fn ok(stdout: String) -> Self {
        Self {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }

    fn fail(stderr: String) -> Self {
        Self {
            stdout: String::new(),
            stderr,
            code: 1,
        }
    }

    /// Escapes control characters in what reaches a terminal: `\u{…}` in text, `\uXXXX` in
    /// JSON (`serde_json` escapes only the C0 codes itself).
    fn safe_for_terminal(mut self, format: Format) -> Self {
        self.stderr = terminal_safe(&self.stderr);
        self.stdout = match format {
            Format::Text => terminal_safe(&self.stdout),
            Format::Json => json_safe(&self.stdout),
        };
        self
    }
}

/// A language for `--lang`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// English.
    En,
    /// Nederlands.
    Nl,
}

/// The language of the output: `--lang`, else the system's locale, else English.
pub fn language(lang: Option<Lang>) -> Language {
    match lang {
        Some(Lang::En) => Language::English,
        Some(Lang::Nl) => Language::Dutch,
        None => {
            sys_locale::get_locale().map_or_else(Language::default, |l| Language::from_locale(&l))
        }
    }
}

/// Runs a command in the language of `lang` (or the system's); `today` decides the default
/// start month of `plan`.
pub fn run(command: &Command, today: chrono::NaiveDate, lang: Option<Lang>) -> Outcome {
    let language = language(lang);
    match command {
        Command::Plan(args) => run_plan(args, today, language).safe_for_terminal(args.format),
        Command::Summary(args) => run_summary(args, language).safe_for_terminal(args.format),
        Command::Check { file } => run_check(file, language).safe_for_terminal(Format::Text),
        Command::Solve(args) => what_if::run_solve(args, language).safe_for_terminal(args.format),
        Command::Sensitivity(args) => {
            what_if::run_sensitivity(args, language).safe_for_terminal(args.format)
        }
        Command::Diff(args) => what_if::run_diff(args, language).safe_for_terminal(args.format),
        Command::Export(args) => run_export(args, lang).safe_for_terminal(Format::Text),
        Command::Status(args) => {
            status::run_status(args, today, language).safe_for_terminal(args.format)
        }
        Command::Import(args) => import::run_import(args, language).safe_for_terminal(Format::Text),
        Command::Merge(args) => merge::run_merge(args, language).safe_for_terminal(Format::Text),
        Command::Sync(args) => {
            sync::run_sync(args, today, language).safe_for_terminal(Format::Text)
        }
    }
}

fn run_plan(args: &PlanArgs, today: chrono::NaiveDate, language: Language) -> Outcome {
    let start = args
        .start
        .or_else(|| YearMonth::of(today).offset(1))
        .unwrap_or_else(|| YearMonth::of(today));
    let assumptions = Assumptions {
        revenue_goal: args.revenue_goal,
        marketing_share_percent: args.marketing_share,
        average_deal_size: args.deal_size,
        lead_to_customer_percent: args.lead_to_customer,
        period: Period {
            start,
            months: args.months,
        },
        ..Assumptions::default()
    };
    let notes = percent_notes(
        &[
            ("--marketing-share", Some(args.marketing_share)),
            ("--lead-to-customer", Some(args.lead_to_customer)),
            ("--confidence", args.confidence.map(|level| level * 100.0)),
        ],
        language,
    );
    let mut outcome = match compute(&assumptions, &SalesCommitments::default()) {
        Ok(plan) => {
            let confidence = what_if::confidence(&assumptions, &plan, args.confidence);
            Outcome::ok(render(
                &plan,
                None,
                "EUR",
                args.format,
                confidence.as_ref(),
                language,
            ))
        }
        Err(problems) => Outcome::fail(
            problems
                .iter()
                .map(|p| format!("{}\n", language.problem(p, Some(&assumptions))))
                .collect(),
        ),
    };
    outcome.stderr.insert_str(0, &notes);
    outcome
}

/// A share, rate or confidence level between 0 and 1 given in percent was probably meant as
/// a fraction (`--marketing-share 0.5` for 50 %, `--confidence 0.9` for 90 %): it is used as
/// given, with a note on stderr. `options` are the option and its value in percent, if given.
fn percent_notes(options: &[(&str, Option<f64>)], language: Language) -> String {
    let t = language.text();
    options
        .iter()
        .filter_map(|(option, value)| value.map(|value| (*option, value)))
        .filter(|(_, value)| *value > 0.0 && *value < 1.0)
        .map(|(option, value)| {
            // Rounded so 0.07 reads 7, not 7.000000000000001 (and a level read as a fraction
            // and multiplied back, 0.9, not 0.8999999999999999).
            let value = (value * 1e9).round() / 1e9;
            let meant = (value * 1e8).round() / 1e6;
            format!(
                "{}\n",
                fill(
                    t.cli_percent_below_one,
                    &[
                        ("option", option),
                        ("value", &value.to_string()),
                        ("meant", &meant.to_string()),
                    ],
                )
            )
        })
        .collect()
}

fn open(file: &std::path::Path, language: Language) -> Result<Loaded, String> {
    document::load(file).map_err(|e| format!("{}\n", e.describe(language)))
}

/// What `check` and `summary` both say about a file: its problems (each once, with a count
/// when repeated) and notes that are no problem (a newer format, its unknown fields).
struct Findings {
    problems: Vec<String>,
    notes: Vec<String>,
}

/// Validates a loaded file the one way `check` and `summary` share: the document's problems,
/// and fields this version does not know (a typo uses a default silently, so it is a problem;
/// in a newer version's file unknown fields are expected, so they are only mentioned).
fn findings(loaded: &Loaded, file: &std::path::Path, language: Language) -> Findings {
    let t = language.text();
    let doc = &loaded.document;
    let mut notes = Vec::new();
    let mut unknown = Vec::new();
    for field in &loaded.unknown_fields {
        let mut text = fill(
            t.cli_unknown_field,
            &[
                ("line", &field.line.to_string()),
                ("col", &field.col.to_string()),
                ("field", &field.path.to_string()),
            ],
        );
        if let Some(known) = field.suggestion {
            text.push(' ');
            text.push_str(&fill(t.cli_did_you_mean, &[("field", known)]));
        }
        unknown.push(text);
    }
    if let Some(version) = loaded.newer_version {
        notes.push(fill(
            t.cli_newer_read_only,
            &[
                ("path", &file.display().to_string()),
                ("version", &version.to_string()),
            ],
        ));
        notes.append(&mut unknown);
    }
    let lines = unknown.into_iter().chain(
        doc.problems()
            .into_iter()
            .map(|p| p.describe(language, doc)),
    );
    Findings {
        problems: counted(lines, language),
        notes,
    }
}

/// Each distinct line once, in order of first appearance, with "(N times)" when repeated.
fn counted(lines: impl Iterator<Item = String>, language: Language) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for line in lines {
        let count = counts.entry(line.clone()).or_default();
        if *count == 0 {
            order.push(line);
        }
        *count += 1;
    }
    order
        .into_iter()
        .map(|line| match counts.get(&line).copied().unwrap_or(1) {
            1 => line,
            n => format!(
                "{line} {}",
                fill(language.text().cli_times, &[("count", &n.to_string())])
            ),
        })
        .collect()
}

fn problem_list(file: &std::path::Path, problems: &[String], language: Language) -> String {
    let mut out = fill(
        language.text().cli_problems,
        &[
            ("path", &file.display().to_string()),
            ("count", &problems.len().to_string()),
        ],
    );
    out.push('\n');
    for problem in problems {
        let _ = writeln!(out, "  • {problem}");
    }
    out
}

fn run_summary(args: &SummaryArgs, language: Language) -> Outcome {
    let (format, confidence) = (args.format, args.confidence);
    match planned(&args.document, language) {
        Ok(found) => {
            let chance = found
                .document
                .scenario(found.scenario)
                .and_then(|s| what_if::confidence(&s.assumptions, &found.plan, confidence));
            let mut outcome = Outcome::ok(render(
                &found.plan,
                Some(&found.name),
                &found.document.currency,
                format,
                chance.as_ref(),
                language,
            ));
            outcome.stderr = percent_notes(
                &[("--confidence", confidence.map(|level| level * 100.0))],
                language,
            );
            outcome.stderr.push_str(&found.notes);
            outcome
        }
        Err(outcome) => outcome,
    }
}

/// The scenario `name` names, or the agreed plan without a name. A name is resolved once, here:
/// names may repeat, so a name that two scenarios have is refused with their places in the
/// list and their ids, instead of taking the first.
pub(crate) fn choose_scenario<'a>(
    doc: &'a document::SlaDocument,
    name: Option<&str>,
    language: Language,
) -> Result<&'a document::Scenario, String> {
    let t = language.text();
    let missing = || {
        let names: Vec<&str> = doc.scenarios.iter().map(|s| s.name.as_str()).collect();
        format!(
            "{}\n",
            fill(
                t.cli_no_such_scenario,
                &[
                    ("name", name.unwrap_or_default()),
                    ("names", &names.join(", "))
                ]
            )
        )
    };
    let Some(name) = name else {
        return doc.agreed().ok_or_else(missing);
    };
    match doc.scenarios_named(name).as_slice() {
        [] => Err(missing()),
        [(_, scenario)] => Ok(scenario),
        several => {
            let positions: Vec<String> = several.iter().map(|(i, _)| (i + 1).to_string()).collect();
            let ids: Vec<String> = several.iter().map(|(_, s)| s.id.0.to_string()).collect();
            Err(format!(
                "{}\n",
                fill(
                    t.cli_ambiguous_scenario,
                    &[
                        ("name", name),
                        ("count", &several.len().to_string()),
                        ("positions", &language.list(&positions)),
                        ("ids", &language.list(&ids)),
                    ]
                )
            ))
        }
    }
}

/// A document's scenario and its plan, with the notes about the file for stderr.
struct Planned {
    document: document::SlaDocument,
    /// The scenario, by id: its name may be another scenario's too.
    scenario: ScenarioId,
    name: String,
    plan: Plan,
    notes: String,
}

/// Opens `file`, resolves a scenario name (a name two scenarios have is refused before
/// anything else, as the most precise answer to what the user asked), validates the document
/// the way `check` does and plans the named scenario or the agreed plan; what `summary`,
/// `export` and `status` share. The error is the failed outcome.
fn planned(args: &ScenarioArgs, language: Language) -> Result<Planned, Outcome> {
    let scenario = args.scenario.as_deref();
    let loaded = open(&args.file, language).map_err(Outcome::fail)?;
    let named = match scenario {
        Some(_) => Some(
            choose_scenario(&loaded.document, scenario, language)
                .map_err(Outcome::fail)?
                .id,
        ),
        None => None,
    };
    let found = findings(&loaded, &args.file, language);
    let notes: String = found.notes.iter().map(|n| format!("{n}\n")).collect();
    if !found.problems.is_empty() {
        let mut outcome = Outcome::fail(problem_list(&args.file, &found.problems, language));
        outcome.stderr.insert_str(0, &notes);
        return Err(outcome);
    }
    let doc = loaded.document;
    let chosen = match named {
        Some(id) => doc.scenario(id),
        None => doc.agreed(),
    };
    // A valid document has at least one scenario, so one is always chosen here.
    let Some(chosen) = chosen else {
        return Err(Outcome::fail(String::new()));
    };
    match compute(&chosen.assumptions, &doc.sales_commitments) {
        Ok(plan) => Ok(Planned {
            scenario: chosen.id,
            name: chosen.name.clone(),
            plan,
            notes,
            document: doc,
        }),
        Err(problems) => {
            let mut outcome = Outcome::fail(
                problems
                    .iter()
                    .map(|p| {
                        format!(
                            "{}\n",
                            language.problem_in(p, Some(&chosen.assumptions), &doc.currency)
                        )
                    })
                    .collect(),
            );
            outcome.stderr.insert_str(0, &notes);
            Err(outcome)
        }
    }
}

/// `export`: the report of a document's scenario as HTML, Markdown or CSV, to stdout or
/// written atomically to `output`.
/// `--lang` decides the language of an export; without it the document's export language, and
/// without that the system's.
fn run_export(args: &ExportArgs, lang: Option<Lang>) -> Outcome {
    let found = match planned(&args.document, language(lang)) {
        Ok(found) => found,
        Err(outcome) => return outcome,
    };
    let language = match lang {
        Some(_) => language(lang),
        None => found
            .document
            .export_language
            .unwrap_or_else(|| language(None)),
    };
    let report = Report::of_document(&found.document, found.scenario, &found.plan, language);
    let rows = if args.weeks {
        export::csv::Rows::Weeks
    } else {
        export::csv::Rows::Months
    };
    let dialect = if args.semicolons {
        export::csv::Dialect::Semicolon
    } else {
        export::csv::Dialect::Comma
    };
    let format = match args.format {
        ExportFormat::Html => export::Format::Html,
        ExportFormat::Md => export::Format::Markdown,
        ExportFormat::Csv => export::Format::Csv(rows, dialect),
    };
    let text = export::render(&report, format);
    let mut outcome = match &args.output {
        None => Outcome::ok(text),
        Some(path) => {
            match document::write_export(path, &text, Some(&args.document.file), args.force) {
                Ok(()) => Outcome::ok(String::new()),
                Err(error) => {
                    let mut message = error.describe(language);
                    if error.can_force() {
                        message.push(' ');
                        message.push_str(language.text().cli_export_force_hint);
                    }
                    Outcome::fail(format!("{message}\n"))
                }
            }
        }
    };
    outcome.stderr.insert_str(0, &found.notes);
    outcome
}

fn run_check(file: &std::path::Path, language: Language) -> Outcome {
    let t = language.text();
    let loaded = match open(file, language) {
        Ok(loaded) => loaded,
        Err(message) => return Outcome::fail(message),
    };
    let found = findings(&loaded, file, language);
    let notes: String = found.notes.iter().map(|n| format!("{n}\n")).collect();
    if found.problems.is_empty() {
        Outcome::ok(format!(
            "{notes}{}\n",
            fill(
                t.cli_valid,
                &[
                    ("path", &file.display().to_string()),
                    ("count", &loaded.document.scenarios.len().to_string())
                ]
            )
        ))
    } else {
        Outcome::fail(format!(
            "{notes}{}",
            problem_list(file, &found.problems, language)
        ))
    }
}

fn needs_escape(c: char) -> bool {
    let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    (c.is_control() && c != '\n' && c != '\t') || bidi
}

/// JSON with the characters of [`needs_escape`] as `\uXXXX` escapes; they can only occur
/// inside strings, where such an escape means the same character.
fn json_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if needs_escape(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` with every control character (ESC, OSC, C1 codes, bidirectional overrides) shown as
/// `\u{…}`, so names and currencies from a file cannot drive the terminal (colours, cursor
/// moves, clipboard writes through OSC 52, text hidden by reordering). New lines and tabs stay.
pub fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if needs_escape(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// The JSON of `plan` and `summary`: the plan as the engine serialises it, with what the
/// plan does not know (scenario, currency) and the warnings in words; documented in README.md.
#[derive(Serialize)]
struct PlanJson<'a> {
    scenario: Option<&'a str>,
    currency: &'a str,
    start: String,
    months_in_period: usize,
    #[serde(flatten)]
    plan: &'a Plan,
    warnings: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<what_if::ConfidenceJson>,
}

fn render(
    plan: &Plan,
    scenario: Option<&str>,
    currency: &str,
    format: Format,
    confidence: Option<&crate::whatif::Confidence>,
    language: Language,
) -> String {
    match format {
        Format::Json => {
            let json = PlanJson {
                scenario,
                currency,
                start: plan
                    .months
                    .first()
                    .map(|m| m.month.to_string())
                    .unwrap_or_default(),
                months_in_period: plan.months.len(),
                plan,
                // JSON is the same in every language: its sentences are English.
                warnings: plan
                    .warnings
                    .iter()
                    .map(|w| Language::English.warning(w))
                    .collect(),
                confidence: confidence.map(what_if::ConfidenceJson::of),
            };
            // Serialising plain numbers and strings cannot fail; an empty object is the
            // harmless fallback should serde_json ever change that.
            let mut text = serde_json::to_string_pretty(&json).unwrap_or_else(|_| "{}".into());
            text.push('\n');
            text
        }
        Format::Text => {
            let mut text = render_text(plan, scenario, currency, language);
            if let Some(confidence) = confidence {
                let _ = writeln!(text, "\n{}", what_if::confidence_line(confidence, language));
            }
            text
        }
    }
}

fn render_text(plan: &Plan, scenario: Option<&str>, currency: &str, language: Language) -> String {
    export::text::summary(&Report::of_plan(plan, scenario, currency, language))
}

/// Today in the user's time zone; `plan` starts the month after it by default.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
