//! Tab 2, sales' numbers: how fast and how deeply sales follows up every marketing lead, with
//! the research behind each commitment on hover.

use egui::{Grid, RichText, Ui};

use super::super::widgets::{FieldLabel, Fields, number_field};
use super::{Messages, section};
use crate::i18n::fill;
use crate::plan::{Field, Plan, Problem, SalesCommitments, Unit};

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
            number_field(
                ui,
                fields,
                FieldLabel::new("first_contact_within", t.first_contact_within)
                    .hint(t.evidence_first_contact),
                &mut c.first_contact_within_hours,
                Unit::Hours,
                messages.of(Field::FirstContactHours, currency),
            );
            number_field(
                ui,
                fields,
                FieldLabel::new("minimum_attempts", t.minimum_attempts).hint(t.evidence_attempts),
                &mut c.minimum_attempts,
                Unit::Plain,
                messages.of(Field::MinimumAttempts, currency),
            );
            number_field(
                ui,
                fields,
                FieldLabel::new("attempts_within", t.attempts_within)
                    .hint(t.evidence_attempts_within),
                &mut c.attempts_within_days,
                Unit::Days,
                messages.of(Field::AttemptsWithinDays, currency),
            );
            number_field(
                ui,
                fields,
                FieldLabel::new("accept_within", t.accept_within).hint(t.evidence_accept),
                &mut c.accept_within_hours,
                Unit::Hours,
                messages.of(Field::AcceptWithinHours, currency),
            );
            number_field(
                ui,
                fields,
                FieldLabel::new("compliance_target", t.compliance_target)
                    .hint(t.evidence_compliance),
                &mut c.compliance_target_percent,
                Unit::Percent,
                messages.of(Field::ComplianceTarget, currency),
            );
        });

    section(ui, t.commitment_in_words, "");
    ui.label(fill(
        t.commitment_sentence,
        &[
            (
                "hours",
                &language.with_unit(c.first_contact_within_hours, Unit::Hours, currency),
            ),
            ("attempts", &c.minimum_attempts.to_string()),
            (
                "days",
                &language.with_unit(f64::from(c.attempts_within_days), Unit::Days, currency),
            ),
            (
                "accept",
                &language.with_unit(c.accept_within_hours, Unit::Hours, currency),
            ),
        ],
    ));
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
