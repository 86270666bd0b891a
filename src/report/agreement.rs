//! The agreement in sentences, generated from the plan, the sales commitments and the document,
//! never typed by hand: parties and period, marketing's commitment, sales' commitment,
//! capacity, reporting and review, notes and the change history. It changes as the inputs do.

use crate::document::{Approval, ReportFrequency, ReviewCadence, SlaDocument};
use crate::i18n::{Language, fill};
use crate::plan::funnel::whole_up;
use crate::plan::{Plan, ResponseClock, SalesCommitments, Unit};

/// A section of the agreement: a heading and its sentences, one paragraph each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<String>,
    /// The table of targets per month follows this section (marketing's commitment, whose
    /// sentences refer to it).
    pub month_table: bool,
}

fn section(heading: &str, paragraphs: Vec<String>) -> Section {
    Section {
        heading: heading.to_owned(),
        paragraphs,
        month_table: false,
    }
}

/// The sections of the agreement of `scenario`'s plan.
pub fn sections(
    document: &SlaDocument,
    scenario: &str,
    plan: &Plan,
    language: Language,
) -> Vec<Section> {
    let t = language.text();
    let mut sections = vec![
        parties(document, scenario, plan, language),
        marketing(document, plan, language),
        sales(document, plan, language),
        capacity(plan, language),
    ];
    let cadence = match document.review_cadence {
        ReviewCadence::Weekly => t.agreement_cadence_weekly,
        ReviewCadence::Monthly => t.agreement_cadence_monthly,
        ReviewCadence::Quarterly => t.agreement_cadence_quarterly,
    };
    let frequency = match document.progress_reports {
        ReportFrequency::Daily => t.agreement_progress_daily,
        ReportFrequency::Weekly => t.agreement_progress_weekly,
        ReportFrequency::Monthly => t.agreement_progress_monthly,
    };
    sections.push(section(
        t.agreement_review_heading,
        vec![
            fill(
                t.agreement_progress,
                &[
                    ("frequency", frequency),
                    (
                        "whom",
                        or_unnamed(document.report_to.trim(), t.agreement_progress_both_teams),
                    ),
                ],
            ),
            t.agreement_reporting.to_owned(),
            fill(
                t.agreement_tolerance,
                &[(
                    "tolerance",
                    &language
                        .numbers()
                        .percent(document.tracking.tolerance_percent),
                )],
            ),
            fill(t.agreement_review, &[("cadence", cadence)]),
        ],
    ));
    if !document.notes.trim().is_empty() {
        sections.push(section(
            t.agreement_notes_heading,
            document
                .notes
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned)
                .collect(),
        ));
    }
    let history = if document.revisions.is_empty() {
        vec![t.agreement_no_revisions.to_owned()]
    } else {
        document
            .revisions
            .iter()
            .map(|r| {
                fill(
                    t.agreement_revision,
                    &[
                        (
                            "date",
                            &r.date.map(|d| language.long_date(d)).unwrap_or_default(),
                        ),
                        ("author", &r.author),
                        ("note", &r.note),
                    ],
                )
            })
            .collect()
    };
    sections.push(section(t.agreement_history_heading, history));
    if !document.sign_offs.is_empty() {
        sections.push(section(
            t.agreement_approvals_heading,
            document
                .sign_offs
                .iter()
                .map(|a| approval(document, a, language))
                .collect(),
        ));
    }
    sections
}

/// Where an approval stands: given for the agreed plan as it is, given for an earlier plan
/// (cleared: it must stand out, the plan needs approving again), or not given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApprovalState {
    Approved,
    Cleared,
    NotApproved,
}

impl ApprovalState {
    pub fn of(document: &SlaDocument, approval: &Approval) -> Self {
        match approval.date {
            None => Self::NotApproved,
            Some(_) if approval.is_current(document) => Self::Approved,
            Some(_) => Self::Cleared,
        }
    }
}

/// One approval in words: given, given for an earlier plan (cleared), or not given.
pub fn approval(document: &SlaDocument, approval: &Approval, language: Language) -> String {
    let t = language.text();
    let template = match ApprovalState::of(document, approval) {
        ApprovalState::NotApproved => t.agreement_not_approved,
        ApprovalState::Approved => t.agreement_approved,
        ApprovalState::Cleared => t.agreement_approval_cleared,
    };
    fill(
        template,
        &[
            ("who", &approver(approval, language)),
            (
                "date",
                &approval
                    .date
                    .map(|d| language.long_date(d))
                    .unwrap_or_default(),
            ),
        ],
    )
}

/// "Sanne de Vries (Marketing)", "Marketing (name not filled in)", or "An approver whose name
/// is not filled in": never a placeholder in brackets.
fn approver(approval: &Approval, language: Language) -> String {
    let t = language.text();
    match (approval.name.trim(), approval.role.trim()) {
        ("", "") => t.agreement_approver_unnamed.to_owned(),
        ("", role) => fill(t.agreement_approver_role_only, &[("role", role)]),
        (name, "") => name.to_owned(),
        (name, role) => format!("{name} ({role})"),
    }
}

/// One signature block of the printed agreement: the party, who signs for it, and the
/// approval given in the app, if any. The lines for a pen stay on paper either way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// "For marketing", "For sales", or "Approver" for anyone else who approves.
    pub party: String,
    /// The owner or approver as the document names them; empty: a line to fill in.
    pub name: String,
    pub role: String,
    /// "approved in SLA Planner on 4 January 2027", for an approval of the plan as it is.
    pub approved: Option<String>,
}

impl Signature {
    /// The block's lines, label and value; an empty value is a line to write on.
    pub fn lines(&self, language: Language) -> [(&'static str, &str); 4] {
        let t = language.text();
        [
            (t.signature_name, self.name.as_str()),
            (t.signature_role, self.role.as_str()),
            (t.signature_date, self.approved.as_deref().unwrap_or("")),
            (t.signature_line, ""),
        ]
    }
}

/// The signature blocks: marketing's and sales' owners always (so the page can be signed
/// before anyone approved in the app), then every other approver.
pub fn signatures(document: &SlaDocument, language: Language) -> Vec<Signature> {
    let t = language.text();
    let approved = |a: &Approval| {
        (ApprovalState::of(document, a) == ApprovalState::Approved).then(|| {
            fill(
                t.signature_approved,
                &[(
                    "date",
                    &a.date.map(|d| language.long_date(d)).unwrap_or_default(),
                )],
            )
        })
    };
    let mut matched = vec![false; document.sign_offs.len()];
    let mut blocks = Vec::new();
    for (party, owner) in [
        (t.signature_for_marketing, document.owners.marketing.trim()),
        (t.signature_for_sales, document.owners.sales.trim()),
    ] {
        let found = document.sign_offs.iter().position(|a| {
            let name = a.name.trim().to_lowercase();
            !name.is_empty() && owner.to_lowercase().contains(&name)
        });
        let approval = found.and_then(|i| {
            matched[i] = true;
            document.sign_offs.get(i)
        });
        blocks.push(Signature {
            party: party.to_owned(),
            name: owner.to_owned(),
            role: approval
                .map(|a| a.role.trim().to_owned())
                .unwrap_or_default(),
            approved: approval.and_then(approved),
        });
    }
    for (approval, _) in document
        .sign_offs
        .iter()
        .zip(matched)
        .filter(|(_, matched)| !matched)
    {
        blocks.push(Signature {
            party: t.signature_for.to_owned(),
            name: approval.name.trim().to_owned(),
            role: approval.role.trim().to_owned(),
            approved: approved(approval),
        });
    }
    blocks
}

fn or_unnamed<'a>(name: &'a str, unnamed: &'a str) -> &'a str {
    if name.trim().is_empty() {
        unnamed
    } else {
        name
    }
}

fn parties(document: &SlaDocument, scenario: &str, plan: &Plan, language: Language) -> Section {
    let t = language.text();
    let month = |m: Option<&crate::plan::MonthPlan>| m.map(|m| language.month(m.month));
    let mut paragraphs = vec![fill(
        t.agreement_parties,
        &[
            (
                "marketing",
                or_unnamed(&document.owners.marketing, t.agreement_unnamed),
            ),
            (
                "sales",
                or_unnamed(&document.owners.sales, t.agreement_unnamed),
            ),
            (
                "company",
                or_unnamed(&document.company, t.agreement_unnamed_company),
            ),
            ("from", &month(plan.months.first()).unwrap_or_default()),
            ("to", &month(plan.months.last()).unwrap_or_default()),
            ("months", &plan.months.len().to_string()),
            ("days", &plan.working_days.to_string()),
        ],
    )];
    if let Some(date) = document.effective_date {
        paragraphs.push(fill(
            t.agreement_effective,
            &[("date", &language.long_date(date))],
        ));
    }
    paragraphs.push(fill(t.agreement_scenario, &[("scenario", scenario)]));
    section(t.agreement_parties_heading, paragraphs)
}

fn marketing(document: &SlaDocument, plan: &Plan, language: Language) -> Section {
    let t = language.text();
    let n = language.numbers();
    let currency = document.currency.as_str();
    let months = plan.months.len().max(1) as f64;
    let mut paragraphs = vec![
        fill(
            t.agreement_marketing_total,
            &[
                ("leads", &n.count_up(plan.leads_needed)),
                ("value", &n.money(plan.lead_value_goal, currency)),
                ("customers", &n.count_up(plan.customers_needed)),
                ("revenue", &n.money(plan.marketing_revenue, currency)),
            ],
        ),
        fill(
            t.agreement_marketing_rates,
            &[
                ("per_month", &n.decimal(plan.leads_per_month, 1)),
                (
                    "value_per_month",
                    &n.money(plan.lead_value_goal / months, currency),
                ),
                ("per_week", &n.decimal(plan.leads_per_week, 1)),
                (
                    "per_day",
                    &plan
                        .leads_per_working_day
                        .map_or(crate::i18n::NO_NUMBER.to_owned(), |v| n.decimal(v, 1)),
                ),
            ],
        ),
        fill(
            t.agreement_lead_value,
            &[
                ("value", &n.money(plan.lead_value, currency)),
                ("rate", &n.fraction_as_percent(plan.lead_to_customer)),
                ("basis", language.basis(plan.basis)),
            ],
        ),
    ];
    let definition = document.mql_definition.trim();
    if !definition.is_empty() {
        // A sentence ends with a full stop, also when the definition was typed without one.
        let end = if definition.ends_with(['.', '!', '?']) {
            ""
        } else {
            "."
        };
        paragraphs.push(format!(
            "{}{end}",
            fill(t.agreement_mql, &[("definition", definition)])
        ));
    }
    for (source, leads) in plan.sources.iter().zip(plan.whole_source_leads()) {
        paragraphs.push(fill(
            t.agreement_source,
            &[
                ("source", &source.name),
                ("leads", &n.decimal(leads, 0)),
                ("per_month", &n.decimal(source.leads / months, 1)),
                ("value", &n.money(source.value, currency)),
                ("share", &n.share(source.share)),
            ],
        ));
    }
    Section {
        month_table: true,
        ..section(t.agreement_marketing_heading, paragraphs)
    }
}

/// Sales' promises in sentences: the same words on the Sales tab, in the agreement and in every
/// export, so the promise the teams sign is the one the report measures.
pub fn sales_promises(c: &SalesCommitments, language: Language) -> Vec<String> {
    let t = language.text();
    let clock = match c.clock {
        ResponseClock::Calendar => t.agreement_clock_calendar.to_owned(),
        ResponseClock::Working { start, end } => fill(
            t.agreement_clock_working,
            &[
                ("start", &start.format("%-H:%M").to_string()),
                ("end", &end.format("%-H:%M").to_string()),
            ],
        ),
    };
    vec![
        fill(
            t.agreement_follow_up,
            &[
                (
                    "first",
                    &language.with_unit(c.first_contact_within_hours, Unit::Hours, ""),
                ),
                ("clock", &clock),
                (
                    "target",
                    &language.numbers().percent(c.compliance_target_percent),
                ),
                ("attempts", &c.minimum_attempts.to_string()),
                (
                    "days",
                    &language.with_unit(f64::from(c.attempts_within_days), Unit::Days, ""),
                ),
            ],
        ),
        fill(
            t.agreement_accept,
            &[(
                "hours",
                &language.with_unit(c.accept_within_hours, Unit::Hours, ""),
            )],
        ),
    ]
}

fn sales(document: &SlaDocument, plan: &Plan, language: Language) -> Section {
    let t = language.text();
    let mut paragraphs = sales_promises(&plan.commitments, language);
    let reasons: Vec<&str> = document
        .rejection_reasons
        .iter()
        .map(|r| r.trim())
        .filter(|r| !r.is_empty())
        .collect();
    if !reasons.is_empty() {
        paragraphs.push(fill(
            t.agreement_reasons,
            &[("reasons", &reasons.join("; "))],
        ));
    }
    section(t.agreement_sales_heading, paragraphs)
}

fn capacity(plan: &Plan, language: Language) -> Section {
    let t = language.text();
    let n = language.numbers();
    let Some(capacity) = &plan.capacity else {
        return section(
            t.agreement_capacity_heading,
            vec![t.agreement_capacity_none.to_owned()],
        );
    };
    let verdict = if capacity.peak_utilisation > 1.0 {
        fill(
            t.agreement_capacity_short,
            &[("needed", &capacity.reps_needed.to_string())],
        )
    } else {
        t.agreement_capacity_ok.to_owned()
    };
    section(
        t.agreement_capacity_heading,
        vec![
            fill(
                t.agreement_capacity,
                &[
                    (
                        "capacity",
                        &n.decimal(whole_up(capacity.leads_per_month), 0),
                    ),
                    ("peak", &n.share(capacity.peak_utilisation)),
                    ("average", &n.share(capacity.average_utilisation)),
                ],
            ),
            verdict,
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{SalesCapacity, compute};

    fn agreement(change: impl FnOnce(&mut SlaDocument), language: Language) -> String {
        let mut doc = SlaDocument::example().unwrap_or_default();
        change(&mut doc);
        let scenario = &doc.scenarios[0];
        let Ok(plan) = compute(&scenario.assumptions, &doc.sales_commitments) else {
            return String::new();
        };
        sections(&doc, &scenario.name, &plan, language)
            .iter()
            .flat_map(|s| std::iter::once(s.heading.clone()).chain(s.paragraphs.clone()))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn capacity_says_when_the_reps_are_too_few() {
        let text = agreement(
            |doc| {
                doc.scenarios[0].assumptions.capacity = Some(SalesCapacity {
                    reps: 1,
                    leads_per_rep_per_month: 50.0,
                });
            },
            Language::English,
        );
        assert!(text.contains("The busiest month needs 3 reps"), "{text}");
        let none = agreement(
            |doc| doc.scenarios[0].assumptions.capacity = None,
            Language::English,
        );
        assert!(none.contains("Sales capacity is not planned"), "{none}");
    }

    #[test]
    fn every_section_is_there_in_dutch_with_the_plan_numbers() {
        let text = agreement(
            |doc| {
                doc.owners.sales = String::new();
                doc.review_cadence = ReviewCadence::Quarterly;
                doc.mql_definition = "Een contactpersoon die een demo aanvroeg.".into();
                doc.rejection_reasons =
                    vec!["Geen budget".into(), " ".into(), "Geen beslisser".into()];
            },
            Language::Dutch,
        );
        for part in [
            "Partijen en periode",
            "sales (nog niet benoemd)",
            "januari 2027",
            "Marketing levert in de periode 1.100 leads",
            "Uit Webinars: 330 leads",
            "binnen 1 uur",
            "elk kwartaal",
            "Een lead telt als marketing-gekwalificeerd als: Een contactpersoon",
            "Een weigering noemt een van deze redenen: Geen budget; Geen beslisser.",
            "Wijzigingen",
        ] {
            assert!(text.contains(part), "missing “{part}” in:\n{text}");
        }
    }
}
