//! Hard limits of the format, checked when a file is read and again before one is written, so
//! the app never writes a file it would refuse to open.
//!
//! The limits are one set with the file's size limit ([`MAX_FILE_BYTES`](super::MAX_FILE_BYTES), 10 MiB, which a mail
//! still carries once encoded): a count is never the looser of the two. The smallest record of
//! actuals takes 108 bytes written out (date, source and one count, indented), so 10 MiB hold
//! at most ~97,000 of them beside a plan, and [`MAX_ACTUALS`] is 90,000. A record with every
//! measure filled and three reasons takes ~560 bytes, so ~18,000 of those fill a file: the size
//! of what would be written is therefore checked as well, before every save, import and edit of
//! the results grid (`check_writable`), and the document stays as it was when it is too large.
//!
//! The counts keep every frame of the window within its budget (the scenario list, the stage
//! and source tables and the holiday list are laid out every frame) and `check` fast. The years
//! keep dates readable: chrono reads `27-1-1` as the year 27 and writes years past 9999 as
//! `+10000-…`, which it cannot read back.

use std::collections::BTreeSet;

use chrono::{Datelike as _, NaiveDate};

use super::SlaDocument;
use super::actuals::Impossible;
use super::text::{FieldPath, Step};
use crate::plan::{Assumptions, MAX_SOURCES, MAX_STAGES, YearMonth};

/// At most this many scenarios in a document.
pub const MAX_SCENARIOS: usize = 100;
/// At most this many holidays in a scenario (three years of public and company holidays
/// several times over).
pub const MAX_HOLIDAYS: usize = 500;
/// Records of actuals (one per day and source): as many of the smallest record as a file of
/// [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES) holds beside a plan (10 MiB ÷ 108 bytes ≈ 97,000, less room for the
/// plan); five years of every working day for seventy sources.
pub const MAX_ACTUALS: usize = 90_000;
/// Different rejection reasons in one record of actuals (one day and source). A CRM's list of
/// reasons has a dozen; free text typed per lead is better mapped to fewer first.
pub const MAX_REASONS: usize = 50;
/// Different lead sources named in the actuals: ten times the plan's [`MAX_SOURCES`], for the
/// CRM's finer sources. Each is a row in the report's tables and the results grid.
pub const MAX_ACTUAL_SOURCES: usize = 500;
/// Names (scenarios, funnel stages, lead sources, the sources and rejection reasons of
/// actuals) have at most this many characters: far more than any real name, and few enough
/// that a table column, a terminal line and the file stay of a sane size.
pub const MAX_NAME_CHARS: usize = 100;
pub use crate::plan::calendar::{MAX_YEAR, MIN_YEAR};

/// A document beyond the format's limits.
#[derive(Clone, Debug, PartialEq)]
pub enum Limit {
    /// A list with more entries than allowed.
    TooMany {
        path: FieldPath,
        count: usize,
        max: usize,
    },
    /// A date or month outside [`MIN_YEAR`]–[`MAX_YEAR`].
    Year { path: FieldPath, value: String },
    /// A name longer than [`MAX_NAME_CHARS`].
    TooLong {
        path: FieldPath,
        chars: usize,
        max: usize,
    },
    /// A record of actuals with a value that cannot be (NaN revenue, more contacted in time than
    /// leads): totals and the status would be meaningless, so it is refused like a limit.
    Actual {
        path: FieldPath,
        date: NaiveDate,
        source: String,
        problem: Impossible,
    },
}

impl Limit {
    pub fn path(&self) -> &FieldPath {
        match self {
            Self::TooMany { path, .. }
            | Self::Year { path, .. }
            | Self::TooLong { path, .. }
            | Self::Actual { path, .. } => path,
        }
    }
}

fn field(name: &str) -> Step {
    Step::Field(name.to_owned())
}

fn join(base: &[Step], more: &[Step]) -> FieldPath {
    FieldPath(base.iter().chain(more).cloned().collect())
}

fn year_ok(year: i32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&year)
}

fn date(path: FieldPath, date: Option<NaiveDate>) -> Result<(), Limit> {
    match date {
        Some(d) if !year_ok(d.year()) => Err(Limit::Year {
            path,
            value: d.to_string(),
        }),
        _ => Ok(()),
    }
}

fn month(path: FieldPath, month: YearMonth) -> Result<(), Limit> {
    if year_ok(month.year()) {
        Ok(())
    } else {
        Err(Limit::Year {
            path,
            value: month.to_string(),
        })
    }
}

fn count(path: FieldPath, count: usize, max: usize) -> Result<(), Limit> {
    if count > max {
        Err(Limit::TooMany { path, count, max })
    } else {
        Ok(())
    }
}

fn name(path: FieldPath, name: &str) -> Result<(), Limit> {
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        Err(Limit::TooLong {
            path,
            chars,
            max: MAX_NAME_CHARS,
        })
    } else {
        Ok(())
    }
}

fn assumptions(base: &[Step], a: &Assumptions) -> Result<(), Limit> {
    for (i, stage) in a.funnel_stages.iter().enumerate() {
        let at = [field("funnel_stages"), Step::Index(i), field("name")];
        name(join(base, &at), &stage.name)?;
    }
    for (i, source) in a.lead_sources.iter().enumerate() {
        let at = [field("lead_sources"), Step::Index(i), field("name")];
        name(join(base, &at), &source.name)?;
    }
    count(
        join(base, &[field("funnel_stages")]),
        a.funnel_stages.len(),
        MAX_STAGES,
    )?;
    count(
        join(base, &[field("lead_sources")]),
        a.lead_sources.len(),
        MAX_SOURCES,
    )?;
    count(
        join(base, &[field("holidays")]),
        a.holidays.len(),
        MAX_HOLIDAYS,
    )?;
    month(
        join(base, &[field("period"), field("start")]),
        a.period.start,
    )?;
    for (i, day) in a.holidays.iter().enumerate() {
        date(join(base, &[field("holidays"), Step::Index(i)]), Some(*day))?;
    }
    Ok(())
}

/// The first limit the document breaks, in the order of the file.
pub fn check(doc: &SlaDocument) -> Result<(), Limit> {
    date(
        FieldPath(vec![field("effective_date"), Step::Some]),
        doc.effective_date,
    )?;
    count(
        FieldPath(vec![field("scenarios")]),
        doc.scenarios.len(),
        MAX_SCENARIOS,
    )?;
    for (i, scenario) in doc.scenarios.iter().enumerate() {
        name(
            FieldPath(vec![field("scenarios"), Step::Index(i), field("name")]),
            &scenario.name,
        )?;
        assumptions(
            &[field("scenarios"), Step::Index(i), field("assumptions")],
            &scenario.assumptions,
        )?;
    }
    count(
        FieldPath(vec![field("actuals")]),
        doc.actuals.len(),
        MAX_ACTUALS,
    )?;
    let sources: BTreeSet<&str> = doc
        .actuals
        .records()
        .iter()
        .map(|d| d.source.as_str())
        .collect();
    count(
        FieldPath(vec![field("actuals"), field("source")]),
        sources.len(),
        MAX_ACTUAL_SOURCES,
    )?;
    for (i, day) in doc.actuals.records().iter().enumerate() {
        count(
            FieldPath(vec![
                field("actuals"),
                Step::Index(i),
                field("rejected_reasons"),
            ]),
            day.rejected_reasons.len(),
            MAX_REASONS,
        )?;
        date(
            FieldPath(vec![field("actuals"), Step::Index(i), field("date")]),
            Some(day.date),
        )?;
        name(
            FieldPath(vec![field("actuals"), Step::Index(i), field("source")]),
            &day.source,
        )?;
        for reason in day.rejected_reasons.keys() {
            let at = [field("actuals"), Step::Index(i), field("rejected_reasons")];
            name(FieldPath(at.to_vec()), reason)?;
        }
        if let Some(problem) = day.impossible() {
            return Err(Limit::Actual {
                path: FieldPath(vec![
                    field("actuals"),
                    Step::Index(i),
                    field(problem.measure().field()),
                ]),
                date: day.date,
                source: day.source.clone(),
                problem,
            });
        }
    }
    for (i, revision) in doc.revisions.iter().enumerate() {
        let base = [field("revisions"), Step::Index(i)];
        date(join(&base, &[field("date"), Step::Some]), revision.date)?;
        for side in ["before", "after"] {
            let revised = if side == "before" {
                &revision.before
            } else {
                &revision.after
            };
            assumptions(&[field("revisions"), Step::Index(i), field(side)], revised)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Actuals, SourceDay, to_ron};

    /// The example's plan with `count` records of the smallest kind (one lead of a source).
    fn with_small_records(count: usize) -> SlaDocument {
        let first = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let records = (0..count)
            .map(|i| {
                let day = first + chrono::Duration::days((i / 50) as i64);
                let mut record = SourceDay::new(day, &format!("S{}", i % 50));
                record.leads = 1;
                record
            })
            .collect();
        let mut doc = SlaDocument::example().unwrap();
        doc.actuals = Actuals::from_records(records);
        doc
    }

    #[test]
    fn the_most_records_a_document_holds_fit_in_a_file() {
        let doc = with_small_records(MAX_ACTUALS);
        assert_eq!(check(&doc), Ok(()));
        let bytes = to_ron(&doc).unwrap().len() as u64;
        assert!(bytes <= super::super::MAX_FILE_BYTES, "{bytes} bytes");
        assert!(matches!(
            check(&with_small_records(MAX_ACTUALS + 1)),
            Err(Limit::TooMany { count, max: MAX_ACTUALS, .. }) if count == MAX_ACTUALS + 1
        ));
    }

    #[test]
    fn reasons_and_sources_of_the_actuals_are_capped() {
        let day = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        let mut record = SourceDay::new(day, "Web");
        record.leads = 60;
        record.rejected = 60;
        for reason in 0..=MAX_REASONS {
            record
                .rejected_reasons
                .insert(format!("reason {reason}"), 1);
        }
        let mut doc = SlaDocument::example().unwrap();
        doc.actuals = Actuals::from_records(vec![record]);
        assert_eq!(
            check(&doc).unwrap_err().path().to_string(),
            "actuals[0].rejected_reasons"
        );

        let records = (0..=MAX_ACTUAL_SOURCES)
            .map(|i| {
                let mut record = SourceDay::new(day, &format!("Campaign {i}"));
                record.leads = 1;
                record
            })
            .collect();
        doc.actuals = Actuals::from_records(records);
        assert_eq!(
            check(&doc),
            Err(Limit::TooMany {
                path: FieldPath(vec![field("actuals"), field("source")]),
                count: MAX_ACTUAL_SOURCES + 1,
                max: MAX_ACTUAL_SOURCES,
            })
        );
    }
}
