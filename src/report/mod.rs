//! One report model: a plan (and, with a document, its agreement) turned into what every
//! renderer shows — key figures, tables of months, ISO weeks, stages and sources, notes,
//! warnings, chart series and the agreement in sentences.
//!
//! The Report tab, the command line's text, and the HTML, Markdown and CSV exports all render
//! this one model, so a column or a sentence exists once. Cells keep their typed value (a month,
//! a count with its whole target, an amount): a screen shows them in the user's language, a
//! terminal compactly, a CSV file as plain numbers with full precision. No egui here.

mod agreement;
mod cell;
pub mod charts;
mod compare;
mod forecast;
mod hug;
mod meeting;
mod review;
mod status;
mod tables;
mod tracking;
mod whatif;

pub use agreement::{ApprovalState, Section, Signature, approval, sales_promises};
pub use cell::Cell;
pub use charts::{Chart, ChartId, ChartKind, Series, Target};
pub use compare::{
    CompareCell, CompareRow, CompareTable, MonthlyBars, compare_table, monthly_bars, series_name,
    show_value,
};
pub use forecast::{ForecastRow, ForecastTable, forecast_table};
pub use hug::{Axis, HugChart, HugFan, HugPoint, Values};
pub use meeting::{MeetingFigures, meeting_figures};
pub use review::{ReviewRow, ReviewTable, review_table, revision_lines, revision_name};
pub use status::{PaceTable, StatusChoice, StatusView, pace_table, status_view};
pub use tables::{
    MonthTargets, figures, figures_without_plan, month_targets, resources, week_goals,
};
pub use tracking::{StatusText, TextBlock, Tracking, follow_up, sales_lines, status_text};
pub use whatif::{ConfidenceChart, Tornado, TornadoRow, confidence_chart, tornado};

use crate::document::{ScenarioId, SlaDocument};
use crate::i18n::{Language, fill};
use crate::plan::Plan;

/// A column of a table: its heading, and whether it holds numbers (aligned right).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub label: &'static str,
    pub numeric: bool,
}

/// A table of the report: a heading, its columns and one row of cells per month, week, stage
/// or source.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub title: &'static str,
    /// What the table's numbers mean, in one sentence; may be empty.
    pub note: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

/// A labelled value, such as "Leads needed: 1,100".
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub id: FigureId,
    pub label: String,
    pub value: Cell,
}

/// Which figure it is, so a screen can choose some and explain them (the results panel shows
/// the funnel's results and leaves out the inputs the form beside it shows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureId {
    Period,
    RevenueGoal,
    MarketingRevenue,
    AverageDealSize,
    LeadToCustomer,
    Customers,
    Leads,
    LeadValue,
    LeadsPerMonth,
    LeadsPerWeek,
    LeadsPerWorkingDay,
    Budget,
    CostPerCustomer,
    ReturnOnSpend,
    Capacity,
    RepsNeeded,
    /// The whole leads target of one month.
    MonthLeads,
    /// The whole customers target of one month.
    MonthCustomers,
    /// One month's leads per working day.
    MonthLeadsPerWorkingDay,
    /// The busiest month's utilisation of the sales reps alone (meeting mode).
    PeakUtilisation,
}

/// Who the agreement is between and what it is called; empty without a document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Heading {
    pub title: String,
    pub company: String,
    /// The scenario the numbers are of; `None` for a plan without a document.
    pub scenario: Option<String>,
}

/// Everything a renderer shows of one scenario's plan, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub language: Language,
    /// ISO code of every amount.
    pub currency: String,
    pub heading: Heading,
    /// The period and the reverse funnel: the command line's summary, the export's first table.
    pub figures: Vec<Figure>,
    pub months: Table,
    /// What the month table's numbers mean: lead value and whole counts.
    pub month_notes: Vec<String>,
    /// Leads that must arrive before the period (sales-cycle lag), by month.
    pub leads_before_period: Option<String>,
    pub weeks: Table,
    /// With funnel stages in force.
    pub stages: Option<Table>,
    /// With lead sources in force.
    pub sources: Option<Table>,
    /// Budget and sales capacity, when planned.
    pub resources: Vec<Figure>,
    pub warnings: Vec<String>,
    pub charts: Vec<Chart>,
    /// The agreement in sentences; empty for a plan without a document.
    pub agreement: Vec<Section>,
    /// The signature blocks under the agreement; empty for a plan without a document.
    pub signatures: Vec<Signature>,
    /// Step 3, when the document has actuals in the plan's period.
    pub tracking: Option<Tracking>,
}

impl Report {
    /// The report of a plan without a document (the command line's `plan`, a scenario shown
    /// before anything is agreed): figures, tables, notes, warnings and charts.
    pub fn of_plan(
        plan: &Plan,
        scenario: Option<&str>,
        currency: &str,
        language: Language,
    ) -> Self {
        Self {
            language,
            currency: currency.to_owned(),
            heading: Heading {
                scenario: scenario.map(str::to_owned),
                ..Heading::default()
            },
            figures: figures(plan, language),
            months: tables::months(plan, language),
            month_notes: tables::month_notes(plan, currency, language),
            leads_before_period: tables::leads_before_period(plan, language),
            weeks: tables::weeks(plan, language),
            stages: tables::stages(plan, language),
            sources: tables::sources(plan, language),
            resources: resources(plan, language),
            warnings: plan.warnings.iter().map(|w| language.warning(w)).collect(),
            charts: charts::charts(plan, language),
            agreement: Vec::new(),
            signatures: Vec::new(),
            tracking: None,
        }
    }

    /// The report of one scenario of a document: [`Self::of_plan`] with the document's title,
    /// company and currency, and the agreement in sentences generated from the plan and the
    /// sales commitments.
    ///
    /// `scenario` is the scenario's id, not its name: names may repeat, and the tracking
    /// section must take the holidays and lead sources of the scenario whose plan it is.
    pub fn of_document(
        document: &SlaDocument,
        scenario: ScenarioId,
        plan: &Plan,
        language: Language,
    ) -> Self {
        let name = document.scenario(scenario).map_or("", |s| s.name.as_str());
        let mut report = Self::of_plan(plan, Some(name), &document.currency, language);
        report.heading.title = document.title.clone();
        report.heading.company = document.company.clone();
        report.agreement = agreement::sections(document, name, plan, language);
        report.signatures = agreement::signatures(document, language);
        report.tracking = tracking::tracking(document, scenario, plan, language);
        report
    }

    /// The report's title line: the document's title, else the scenario's name, else the
    /// language's word for a plan.
    pub fn title(&self) -> String {
        let t = self.language.text();
        [
            Some(self.heading.title.as_str()),
            self.heading.scenario.as_deref(),
        ]
        .into_iter()
        .flatten()
        .find(|s| !s.trim().is_empty())
        .map_or_else(|| t.report_plan_title.to_owned(), str::to_owned)
    }

    /// "Scenario: Plan 2027", the line under the title, when the title is not the scenario's.
    pub fn subtitle(&self) -> Option<String> {
        let scenario = self.heading.scenario.as_deref()?;
        if self.heading.title.trim().is_empty() {
            return None;
        }
        let t = self.language.text();
        Some(fill(t.report_scenario_line, &[("scenario", scenario)]))
    }

    /// The tables that follow the month table, in order: weeks, stages, sources.
    pub fn detail_tables(&self) -> impl Iterator<Item = &Table> {
        std::iter::once(&self.weeks)
            .chain(self.stages.as_ref())
            .chain(self.sources.as_ref())
    }
}
