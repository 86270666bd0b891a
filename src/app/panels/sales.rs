//! Tab 2, sales' numbers: how fast and how deeply sales follows up every marketing lead, with
//! the research behind each commitment on hover.

use egui::{Grid, RichText, Ui};

use super::super::widgets::{FieldLabel, Fields, NumberField};
use super::{Messages, section};
use chrono::{NaiveTime, Timelike as _};

use crate::i18n::fill;
use crate::plan::{Field, Plan, Problem, ResponseClock, SalesCommitments, Unit};
use crate::report::sales_promises;

pub fn show(
    ui: &mut Ui,
    fields: &Fields<'_>,
    messages: &Messages<'_>,
    c: &mut SalesCommitments,
    plan: &Result<Plan, Vec<Problem>>,
) {
    let language = fields.language;
    let t = language.text();
    let n = language.numbers();
    let currency = fields.currency;
    section(ui, t.step_two_title, t.step_two_note);
    Grid::new("commitments")
        .num_columns(3)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            NumberField::new(
                fields,
                FieldLabel::new("first_contact_within", t.first_contact_within)
                    .hint(t.evidence_first_contact),
                &mut c.first_contact_within_hours,
                Unit::Hours,
            )
            .problem(messages.of(Field::FirstContactHours, currency))
            .show(ui);
            NumberField::new(
                fields,
                FieldLabel::new("minimum_attempts", t.minimum_attempts).hint(t.evidence_attempts),
                &mut c.minimum_attempts,
                Unit::Plain,
            )
            .problem(messages.of(Field::MinimumAttempts, currency))
            .show(ui);
            NumberField::new(
                fields,
                FieldLabel::new("attempts_within", t.attempts_within)
                    .hint(t.evidence_attempts_within),
                &mut c.attempts_within_days,
                Unit::Days,
            )
            .problem(messages.of(Field::AttemptsWithinDays, currency))
            .show(ui);
            NumberField::new(
                fields,
                FieldLabel::new("accept_within", t.accept_within).hint(t.evidence_accept),
                &mut c.accept_within_hours,
                Unit::Hours,
            )
            .problem(messages.of(Field::AcceptWithinHours, currency))
            .show(ui);
            NumberField::new(
                fields,
                FieldLabel::new("compliance_target", t.compliance_target)
                    .hint(t.evidence_compliance),
                &mut c.compliance_target_percent,
                Unit::Percent,
            )
            .problem(messages.of(Field::ComplianceTarget, currency))
            .show(ui);
        });

    clock(ui, fields, &mut c.clock);

    section(ui, t.commitment_in_words, "");
    for sentence in sales_promises(c, language) {
        ui.label(sentence);
    }
    if let Ok(plan) = plan {
        ui.add_space(4.0);
        ui.label(fill(
            t.commitment_volume,
            &[
                ("leads", &n.count_up(plan.leads_per_month)),
                (
                    "per_day",
                    &plan
                        .leads_per_working_day
                        .map_or(String::from("—"), |d| n.decimal(d, 1)),
                ),
                (
                    "attempts",
                    &n.count_up(plan.leads_per_month * f64::from(c.minimum_attempts)),
                ),
            ],
        ));
    }

    section(ui, t.research_title, "");
    for line in t.research_lines {
        ui.label(RichText::new(format!("• {line}")).weak());
    }
}

/// How the promised hours are counted: working hours with the business day's start and end
/// (half-hour steps; the end always after the start), or calendar hours.
fn clock(ui: &mut Ui, fields: &Fields<'_>, clock: &mut ResponseClock) {
    let t = fields.language.text();
    let (start, end) = match *clock {
        ResponseClock::Working { start, end } => (start, end),
        ResponseClock::Calendar => match ResponseClock::OFFICE_HOURS {
            ResponseClock::Working { start, end } => (start, end),
            ResponseClock::Calendar => (NaiveTime::MIN, NaiveTime::MIN),
        },
    };
    let working = matches!(clock, ResponseClock::Working { .. });
    ui.add_space(6.0);
    ui.add_enabled_ui(fields.enabled, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(t.hours_count).on_hover_text(t.tip_clock);
            if ui
                .radio(working, t.clock_working)
                .on_hover_text(t.tip_clock)
                .clicked()
            {
                *clock = ResponseClock::Working { start, end };
            }
            let mut new_start = start;
            let mut new_end = end;
            ui.add_enabled_ui(working, |ui| {
                time_choice(ui, t.business_day_start, &mut new_start, half_hours(0, 47));
                ui.label(t.clock_until);
                let first = half_hour_index(new_start) + 1;
                time_choice(ui, t.business_day_end, &mut new_end, half_hours(first, 47));
            });
            if working && (new_start, new_end) != (start, end) {
                if new_end <= new_start {
                    new_end = new_start + chrono::TimeDelta::minutes(30);
                }
                *clock = ResponseClock::Working {
                    start: new_start,
                    end: new_end,
                };
            }
            if ui
                .radio(!working, t.clock_calendar)
                .on_hover_text(t.tip_clock)
                .clicked()
            {
                *clock = ResponseClock::Calendar;
            }
        });
    });
}

/// A time of day chosen from a list, labelled for screen readers.
fn time_choice(ui: &mut Ui, label: &str, time: &mut NaiveTime, options: Vec<NaiveTime>) {
    let shown = |t: NaiveTime| t.format("%-H:%M").to_string();
    egui::ComboBox::from_id_salt(label)
        .selected_text(shown(*time))
        .width(64.0)
        .show_ui(ui, |ui| {
            for option in options {
                ui.selectable_value(time, option, shown(option));
            }
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::ComboBox, true, label));
}

/// The half hours of the day from index `first` to `last` (0 = 0:00, 47 = 23:30).
fn half_hours(first: u32, last: u32) -> Vec<NaiveTime> {
    (first..=last)
        .filter_map(|i| NaiveTime::from_hms_opt(i / 2, (i % 2) * 30, 0))
        .collect()
}

/// The half hour a time falls in.
fn half_hour_index(time: NaiveTime) -> u32 {
    time.hour() * 2 + time.minute() / 30
}
