//! One lead, from whichever reader: a CSV row ([`super::import`]) or a CRM record
//! (`crate::crm`). Both readers hand the values of the mapped fields to [`read_lead`] and the
//! leads it returns to one [`Aggregate`], so the status mapping, the dates, the counts and
//! "contacted in time" exist once.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{
    Outside, Settings, SkipReason, StatusKind, When, parse_amount, parse_count, parse_when,
    status_key, year_outside_range,
};
use crate::document::{ImportField, SourceDay, source_key};
use crate::plan::MAX_AMOUNT;

/// One lead, read and checked: everything it adds.
#[derive(Clone, Debug)]
pub struct Lead<'r> {
    created: When,
    source: &'r str,
    kind: StatusKind,
    reason: &'r str,
    first_contact: Option<When>,
    attempts: Option<u32>,
    closed: Option<NaiveDate>,
    amount: f64,
}

/// How a status value maps to its meaning, built once from the mapping.
#[derive(Clone, Debug, Default)]
pub struct Statuses {
    kinds: HashMap<String, StatusKind>,
}

impl Statuses {
    pub fn new(settings: &Settings) -> Self {
        let mapping = &settings.mapping;
        let mut kinds = HashMap::new();
        for (list, kind) in [
            (&mapping.rejected, StatusKind::Rejected),
            (&mapping.accepted, StatusKind::Accepted),
            (&mapping.customer, StatusKind::Customer),
        ] {
            for value in list {
                kinds.insert(status_key(value), kind);
            }
        }
        Self { kinds }
    }

    fn kind(&self, value: &str) -> StatusKind {
        self.kinds
            .get(&status_key(value))
            .copied()
            .unwrap_or(StatusKind::Other)
    }
}

/// Where a reader finds a lead's values.
pub trait Fields<'r> {
    /// The trimmed value of `field`: `None` when nothing is mapped to it, `Some("")` when the
    /// lead has no value.
    fn value(&self, field: ImportField) -> Option<&'r str>;
    /// The column or property mapped to `field`, to name it in a reason.
    fn name(&self, field: ImportField) -> Option<String>;
}

/// Reads the mapped fields of one lead. `close_date_makes_customer`: a close date alone makes
/// a customer whatever the status (a CRM's stage dates say when a lead became a customer,
/// while its current stage may have moved on); otherwise the status decides and a close date
/// makes a customer only when no status is mapped.
pub fn read_lead<'r>(
    fields: &impl Fields<'r>,
    settings: &Settings,
    statuses: &Statuses,
    close_date_makes_customer: bool,
) -> Result<Lead<'r>, SkipReason> {
    let header = |field: ImportField| fields.name(field).unwrap_or_default();
    let order = settings.date_order;
    let date =
        |field: ImportField| -> Result<Option<When>, SkipReason> {
            match fields.value(field).filter(|v| !v.is_empty()) {
                None => Ok(None),
                Some(value) => parse_when(value, order).map(Some).ok_or_else(|| {
                    match year_outside_range(value, order) {
                        Some(year) => SkipReason::YearOutOfRange {
                            column: header(field),
                            value: value.to_owned(),
                            year,
                        },
                        None => SkipReason::BadDate {
                            column: header(field),
                            value: value.to_owned(),
                            order,
                        },
                    }
                }),
            }
        };
    let created = date(ImportField::Created)?.ok_or_else(|| SkipReason::NoCreated {
        column: header(ImportField::Created),
    })?;
    let first_contact = date(ImportField::FirstContact)?;
    let closed = date(ImportField::Closed)?;
    let attempts = match fields.value(ImportField::Attempts) {
        None => None,
        Some("") => Some(0),
        Some(value) => Some(parse_count(value).ok_or_else(|| SkipReason::BadCount {
            column: header(ImportField::Attempts),
            value: value.to_owned(),
        })?),
    };
    let amount = match fields.value(ImportField::Amount).filter(|v| !v.is_empty()) {
        None => 0.0,
        Some(value) => {
            let amount = parse_amount(value).ok_or_else(|| SkipReason::BadAmount {
                column: header(ImportField::Amount),
                value: value.to_owned(),
            })?;
            if amount > MAX_AMOUNT {
                return Err(SkipReason::AmountTooLarge {
                    column: header(ImportField::Amount),
                    value: value.to_owned(),
                });
            }
            amount
        }
    };
    let status = fields.value(ImportField::Status);
    let kind = match status {
        _ if close_date_makes_customer && closed.is_some() => StatusKind::Customer,
        Some(value) => statuses.kind(value),
        // Without a status column, a close date is what makes a customer.
        None if closed.is_some() => StatusKind::Customer,
        None => StatusKind::Other,
    };
    if kind == StatusKind::Customer && closed.is_none() {
        return Err(SkipReason::NoCloseDate {
            status: status.unwrap_or_default().to_owned(),
            column: fields.name(ImportField::Closed),
        });
    }
    Ok(Lead {
        created,
        source: fields.value(ImportField::Source).unwrap_or_default(),
        kind,
        reason: fields.value(ImportField::Reason).unwrap_or_default(),
        first_contact,
        attempts,
        closed: closed.map(|c| c.date),
        amount,
    })
}

/// Names matched by [`source_key`], kept in the spelling of the plan (or the first seen).
#[derive(Debug, Default)]
struct Names {
    by_key: HashMap<String, usize>,
    names: Vec<String>,
}

impl Names {
    fn new(known: &[String]) -> Self {
        let mut names = Self::default();
        for name in known {
            names.index(name);
        }
        names
    }

    fn index(&mut self, name: &str) -> usize {
        let key = source_key(name);
        if let Some(i) = self.by_key.get(&key) {
            return *i;
        }
        self.names.push(name.trim().to_owned());
        self.by_key.insert(key, self.names.len() - 1);
        self.names.len() - 1
    }

    fn name(&self, index: usize) -> &str {
        self.names.get(index).map_or("", String::as_str)
    }
}

/// The leads read so far, summed per day and source. Memory grows with the days and sources,
/// not with the leads: a reader hands each lead over and forgets it.
#[derive(Debug)]
pub struct Aggregate<'s> {
    settings: &'s Settings,
    sources: Names,
    reasons: Names,
    days: HashMap<(NaiveDate, usize), SourceDay>,
    /// Leads added.
    pub imported: usize,
    pub outside: Option<Outside>,
}

impl<'s> Aggregate<'s> {
    pub fn new(settings: &'s Settings) -> Self {
        Self {
            settings,
            sources: Names::new(&settings.plan_sources),
            reasons: Names::new(&settings.rejection_reasons),
            days: HashMap::new(),
            imported: 0,
            outside: None,
        }
    }

    /// Adds a lead: per (created day, source) the leads, accepted (customers count as accepted
    /// too), rejected with their reasons, contacted in time (first contact − created ≤ the
    /// promised hours, counted on the agreed clock; no first contact is not in time), contact
    /// attempts (summed) and leads that reached the promised attempts (attempts ≥ minimum);
    /// per (close day, source) the customers and their revenue.
    pub fn add(&mut self, lead: &Lead<'_>) {
        let settings = self.settings;
        self.imported += 1;
        if let Some(period) = settings.period {
            let close_day = lead.closed.filter(|_| lead.kind == StatusKind::Customer);
            let days: Vec<NaiveDate> = std::iter::once(lead.created.date)
                .chain(close_day)
                .collect();
            Outside::count(&mut self.outside, period, &days);
        }
        let source = self.sources.index(lead.source);
        let name = self.sources.name(source);
        let day = day_of(&mut self.days, lead.created.date, source, name);
        day.leads += 1;
        match lead.kind {
            StatusKind::Accepted | StatusKind::Customer => day.accepted += 1,
            StatusKind::Rejected => {
                day.rejected += 1;
                if !lead.reason.is_empty() {
                    let reason = self.reasons.index(lead.reason);
                    *day.rejected_reasons
                        .entry(self.reasons.name(reason).to_owned())
                        .or_default() += 1;
                }
            }
            StatusKind::Other => {}
        }
        if lead.first_contact.is_some_and(|c| {
            let (from, to) = lead.created.wall_clocks(&c);
            settings.clock.within(
                from,
                to,
                settings.first_contact_within_hours,
                &settings.holidays,
            )
        }) {
            day.contacted_in_time += 1;
        }
        if let Some(attempts) = lead.attempts {
            day.contact_attempts = day.contact_attempts.saturating_add(attempts);
            day.reached_attempts += u32::from(attempts >= settings.minimum_attempts);
        }
        if let (StatusKind::Customer, Some(closed)) = (lead.kind, lead.closed) {
            let won = day_of(&mut self.days, closed, source, name);
            won.customers += 1;
            won.revenue += lead.amount;
        }
    }

    /// The records per day and source, sorted by day and source key.
    pub fn records(self) -> Vec<SourceDay> {
        let mut records: Vec<SourceDay> = self.days.into_values().collect();
        records.sort_by_cached_key(|r| (r.date, r.source_key()));
        records
    }
}

/// The record of `source` (named `name`) on `date`, created when there is none yet.
fn day_of<'d>(
    days: &'d mut HashMap<(NaiveDate, usize), SourceDay>,
    date: NaiveDate,
    source: usize,
    name: &str,
) -> &'d mut SourceDay {
    days.entry((date, source))
        .or_insert_with(|| SourceDay::new(date, name))
}
