//! Tab 1, marketing's numbers: the four inputs of the method, then period, seasonality,
//! holidays, funnel stages, lead sources and sales capacity.

use chrono::NaiveDate;
use egui::{Grid, RichText, TextEdit, Ui};

use super::super::theme;
use super::super::widgets::{
    EditBuffer, FieldLabel, FieldValue, Fields, Name, Note, NumberField, NumberInput, header_row,
    message_cell, name_input, number_cell, radio_group, seasonality_bars, unusual_cell,
};
use super::{Messages, section};
use crate::i18n::format::{Misread, currency_symbol};
use crate::i18n::{Language, NO_NUMBER, NumberStyle, Text, fill};
use crate::plan::holidays::{Country, OptionalDay};
use crate::plan::{
    Assumptions, Conversion, Field, FunnelStage, LeadSource, MAX_LAG_MONTHS, Plan, Problem,
    SalesCapacity, Unit, Unusual, YearMonth,
};

impl FieldValue for YearMonth {
    fn show(self, _: NumberStyle, _: Unit) -> String {
        self.to_string()
    }

    fn read(text: &str, _: NumberStyle, _: Unit) -> Result<Self, Misread> {
        text.trim().parse().map_err(|_| Misread::suggesting(None))
    }

    fn invalid(t: &Text) -> &'static str {
        t.type_a_month
    }
}

pub fn show(
    ui: &mut Ui,
    fields: &Fields<'_>,
    messages: &Messages<'_>,
    a: &mut Assumptions,
    plan: &Result<Plan, Vec<Problem>>,
) {
    let t = fields.language.text();
    let plan = plan.as_ref().ok();
    // Allowed but unusual inputs, questioned beside their fields (step one and the sources).
    let unusual = crate::plan::unusual(a);
    step_one(ui, fields, messages, &unusual, a, plan);
    stages(ui, fields, messages, a, plan);
    sources(ui, fields, messages, &unusual, a, plan);
    period(ui, fields, messages, a);
    seasonality(ui, fields, messages, a);
    holidays(ui, fields, a);
    capacity(ui, fields, messages, a);
    ui.add_space(theme::SECTION_SPACE);
    ui.label(RichText::new(t.marketing_footer).weak().small());
}

fn grid(id: &str) -> Grid {
    Grid::new(id).num_columns(3).spacing([12.0, 6.0])
}

/// The method's four inputs and the explicit choice of what gives the lead-to-customer rate.
/// Inputs that the chosen basis does not use stay visible but disabled, with the value in force
/// beside them, so nobody types a rate that is not used.
fn step_one(
    ui: &mut Ui,
    fields: &Fields<'_>,
    messages: &Messages<'_>,
    unusual: &[(Field, Unusual)],
    a: &mut Assumptions,
    plan: Option<&Plan>,
) {
    let t = fields.language.text();
    let n = fields.language.numbers();
    let language = fields.language;
    let currency = fields.currency;
    section(ui, t.step_one_title, t.step_one_note);
    // A problem (out of range) first; else a warning when the value is allowed but unusual.
    let note = |field| {
        messages.of(field, currency).map(Note::Problem).or_else(|| {
            unusual
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, u)| Note::Unusual(language.unusual(*u, currency)))
        })
    };
    grid("step one").show(ui, |ui| {
        NumberField::new(
            fields,
            FieldLabel::new("revenue_goal", t.revenue_goal).hint(t.hint_revenue_goal),
            &mut a.revenue_goal,
            Unit::Money,
        )
        .note(note(Field::RevenueGoal))
        .show(ui);
        NumberField::new(
            fields,
            FieldLabel::new("marketing_share", t.marketing_share).hint(t.hint_marketing_share),
            &mut a.marketing_share_percent,
            Unit::Percent,
        )
        .problem(messages.of(Field::MarketingShare, currency))
        .show(ui);
        ui.label(t.rate_comes_from);
        ui.horizontal(|ui| {
            ui.add_enabled_ui(fields.enabled, |ui| {
                let choices = [
                    Conversion::SingleRate,
                    Conversion::Stages,
                    Conversion::LeadSources,
                ]
                .map(|basis| (basis, language.basis(basis.into())));
                radio_group(ui, &mut a.conversion, &choices);
            });
        });
        ui.label("");
        ui.end_row();
        // Beside an input that is not in force: the value that is, and where it comes from.
        let in_force = |value: Option<String>| {
            let basis = language.basis(a.conversion.into());
            Note::Info(fill(
                t.not_in_force,
                &[
                    ("basis", basis),
                    ("value", &value.unwrap_or(NO_NUMBER.into())),
                ],
            ))
        };
        let by_sources = a.conversion == Conversion::LeadSources;
        let deal_note = if by_sources {
            Some(in_force(
                plan.map(|p| n.money(p.average_deal_size, currency)),
            ))
        } else {
            note(Field::AverageDealSize)
        };
        NumberField::new(
            &fields.enabled_if(!by_sources),
            FieldLabel::new("average_deal_size", t.average_deal_size)
                .hint(t.hint_average_deal_size),
            &mut a.average_deal_size,
            Unit::Money,
        )
        .note(deal_note)
        .show(ui);
        let single = a.conversion == Conversion::SingleRate;
        let rate_note = if single {
            note(Field::LeadToCustomerRate)
        } else {
            Some(in_force(
                plan.map(|p| n.fraction_as_percent(p.lead_to_customer)),
            ))
        };
        NumberField::new(
            &fields.enabled_if(single),
            FieldLabel::new("lead_to_customer_rate", t.lead_to_customer_rate)
                .hint(t.hint_lead_to_customer),
            &mut a.lead_to_customer_percent,
            Unit::Percent,
        )
        .note(rate_note)
        .show(ui);
    });
}

fn period(ui: &mut Ui, fields: &Fields<'_>, messages: &Messages<'_>, a: &mut Assumptions) {
    let t = fields.language.text();
    let currency = fields.currency;
    section(ui, t.period_title, t.period_note);
    grid("period").show(ui, |ui| {
        NumberField::new(
            fields,
            FieldLabel::new("start_month", t.start_month).hint(t.hint_start_month),
            &mut a.period.start,
            Unit::Plain,
        )
        .show(ui);
        if NumberField::new(
            fields,
            FieldLabel::new("months", t.months),
            &mut a.period.months,
            Unit::Months,
        )
        .problem(messages.of(Field::Months, currency))
        .show(ui)
            && !a.seasonality.is_empty()
        {
            let months = a.period.months.min(crate::plan::Period::MAX_MONTHS) as usize;
            a.seasonality.resize(months, 1.0);
        }
        let spread = !a.sales_cycle_lag_spread_percent.is_empty();
        NumberField::new(
            &fields.enabled_if(!spread),
            FieldLabel::new("sales_cycle_lag", t.sales_cycle_lag).hint(t.hint_sales_cycle_lag),
            &mut a.sales_cycle_lag_months,
            Unit::Months,
        )
        .problem(messages.of(Field::SalesCycleLag, currency))
        .show(ui);
        lag_spread(ui, fields, messages, a);
    });
}

/// The lag spread over months, below the single shift's field: a check box, then one
/// percentage per month of delay with the total. Switching it on starts from the single
/// shift (100 % after its months); switching it off keeps the spread's mean delay, rounded.
fn lag_spread(ui: &mut Ui, fields: &Fields<'_>, messages: &Messages<'_>, a: &mut Assumptions) {
    let language = fields.language;
    let t = language.text();
    let currency = fields.currency;
    let mut spread = !a.sales_cycle_lag_spread_percent.is_empty();
    ui.label("");
    let toggled = ui
        .add_enabled(
            fields.enabled,
            egui::Checkbox::new(&mut spread, t.lag_spread),
        )
        .on_hover_text(t.hint_lag_spread)
        .changed();
    ui.label("");
    ui.end_row();
    if toggled {
        let shares = &mut a.sales_cycle_lag_spread_percent;
        if spread {
            let months = (a.sales_cycle_lag_months as usize).min(MAX_LAG_MONTHS);
            *shares = vec![0.0; months + 1];
            shares[months] = 100.0;
        } else {
            let mean: f64 = shares
                .iter()
                .enumerate()
                .map(|(k, w)| k as f64 * w)
                .sum::<f64>()
                / shares.iter().sum::<f64>();
            if mean.is_finite() {
                a.sales_cycle_lag_months = mean.round().clamp(0.0, MAX_LAG_MONTHS as f64) as u32;
            }
            shares.clear();
        }
    }
    if a.sales_cycle_lag_spread_percent.is_empty() {
        return;
    }
    for k in 0..a.sales_cycle_lag_spread_percent.len() {
        let key = format!("lag_share_{k}");
        let label = language.lag_delay(k);
        let problem = messages.of(Field::SalesCycleLagShare(k), currency);
        NumberField::new(
            fields,
            FieldLabel::new(&key, &label),
            &mut a.sales_cycle_lag_spread_percent[k],
            Unit::Percent,
        )
        .problem(problem)
        .show(ui);
    }
    let shares = &mut a.sales_cycle_lag_spread_percent;
    ui.label("");
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                fields.enabled && shares.len() <= MAX_LAG_MONTHS,
                egui::Button::new(t.lag_add_month),
            )
            .clicked()
        {
            shares.push(0.0);
        }
        if ui
            .add_enabled(
                fields.enabled && shares.len() > 1,
                egui::Button::new(t.lag_remove_month),
            )
            .clicked()
        {
            shares.pop();
        }
        let total: f64 = shares.iter().sum();
        ui.label(fill(
            t.lag_spread_total,
            &[("total", &language.numbers().percent(total))],
        ));
    });
    message_cell(
        ui,
        messages.of(Field::SalesCycleLagShares, currency).as_deref(),
    );
    ui.end_row();
}

fn seasonality(ui: &mut Ui, fields: &Fields<'_>, messages: &Messages<'_>, a: &mut Assumptions) {
    let t = fields.language.text();
    section(ui, t.seasonality, t.seasonality_note);
    let months = a.period.month_list();
    if months.is_empty() {
        return;
    }
    let mut weights = if a.seasonality.len() == months.len() {
        a.seasonality.clone()
    } else {
        vec![1.0; months.len()]
    };
    let labels: Vec<String> = months
        .iter()
        .map(|m| t.month_initials[(m.month() as usize + 11) % 12].to_owned())
        .collect();
    let names: Vec<String> = months
        .iter()
        .map(|m| format!("{} › {}", t.seasonality, fields.language.month(*m)))
        .collect();
    let n = fields.language.numbers();
    let mut changed = seasonality_bars(ui, &mut weights, &labels, &names, n, fields.enabled);
    let mut misread = None;
    // The same weights as numbers, for whoever prefers typing (or a keyboard alone).
    egui::CollapsingHeader::new(t.type_weights)
        .id_salt("type weights")
        .show(ui, |ui| {
            Grid::new("weights")
                .num_columns(8)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    for (i, (month, weight)) in months.iter().zip(weights.iter_mut()).enumerate() {
                        let name = format!("{} › {}", t.weight, fields.language.month(*month));
                        ui.label(fields.language.month(*month));
                        let (weight_changed, message) = NumberInput::new(
                            fields,
                            ui.scope_id().with(("weight", i)),
                            weight,
                            Unit::Plain,
                        )
                        .named(Name::Text(&name))
                        .width(theme::TABLE_FIELD_WIDTH)
                        .show(ui);
                        changed |= weight_changed;
                        if misread.is_none() {
                            misread = message;
                        }
                        if i % 4 == 3 {
                            ui.end_row();
                        }
                    }
                });
            if let Some(message) = &misread {
                message_cell(ui, Some(message));
            }
        });
    if changed {
        a.seasonality = weights;
    }
    ui.horizontal(|ui| {
        let even = a.seasonality.is_empty();
        if ui
            .add_enabled(fields.enabled && !even, egui::Button::new(t.spread_evenly))
            .clicked()
        {
            a.seasonality.clear();
        }
        if even {
            ui.label(RichText::new(t.spread_is_even).weak());
        }
    });
    let problem = messages.problems.iter().find(|p| {
        matches!(
            p.field,
            Field::SeasonalityWeights | Field::SeasonalityWeight(_)
        )
    });
    if let Some(problem) = problem {
        message_cell(ui, Some(&messages.language.rule(problem, fields.currency)));
    }
}

/// A country's public holidays, added to the list by rule for the period's years. For the
/// Netherlands, Goede Vrijdag and Bevrijdingsdag are offered apart, unticked: they are public
/// holidays but no common day off.
fn public_holidays(ui: &mut Ui, fields: &Fields<'_>, a: &mut Assumptions) -> Country {
    let t = fields.language.text();
    let language = fields.language;
    let id = ui.make_persistent_id("holiday country");
    let (mut country, mut optional) = ui
        .data(|d| d.get_temp::<(Country, Vec<OptionalDay>)>(id))
        .unwrap_or((Country::Netherlands, Vec::new()));
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t.public_holidays_of);
        egui::ComboBox::from_id_salt(id)
            .selected_text(language.country(country))
            .show_ui(ui, |ui| {
                for option in Country::ALL {
                    ui.selectable_value(&mut country, option, language.country(option));
                }
            })
            .response
            .labelled_by(label.id);
        if ui
            .add_enabled(fields.enabled, egui::Button::new(t.add_public_holidays))
            .on_hover_text(t.tip_add_public_holidays)
            .clicked()
        {
            a.add_public_holidays(country, &optional);
        }
    });
    if country == Country::Netherlands {
        ui.horizontal_wrapped(|ui| {
            for (day, label, tip) in [
                (
                    OptionalDay::GoodFriday,
                    t.holiday_also_good_friday,
                    t.tip_good_friday,
                ),
                (
                    OptionalDay::LiberationDay,
                    t.holiday_also_liberation_day,
                    t.tip_liberation_day,
                ),
            ] {
                let mut on = optional.contains(&day);
                if ui
                    .add_enabled(fields.enabled, egui::Checkbox::new(&mut on, label))
                    .on_hover_text(tip)
                    .changed()
                {
                    optional.retain(|d| *d != day);
                    if on {
                        optional.push(day);
                    }
                }
            }
        });
    }
    ui.data_mut(|d| d.insert_temp(id, (country, optional)));
    country
}

/// Holidays as text, one date a line; applied once every line is a date.
fn holidays(ui: &mut Ui, fields: &Fields<'_>, a: &mut Assumptions) {
    let t = fields.language.text();
    section(ui, t.holidays, t.holidays_note);
    let country = public_holidays(ui, fields, a);
    let id = ui.scope_id().with("holidays");
    let buffer = EditBuffer::new(id, fields.scenario);
    let mut text = buffer.text(ui).unwrap_or_else(|| {
        a.holidays
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    });
    let label = ui.label(t.holiday_dates);
    // The dates, and beside each line the day's name, so the list says which days they are.
    let response = ui
        .horizontal_top(|ui| {
            let response = ui
                .add_enabled(
                    fields.enabled,
                    TextEdit::multiline(&mut text)
                        .id(id)
                        .desired_rows(3)
                        .desired_width(theme::FIELD_WIDTH * 1.5)
                        .hint_text("2027-04-27"),
                )
                .labelled_by(label.id);
            holiday_names(ui, fields.language, country, &text);
            response
        })
        .inner;
    let parsed: Vec<Result<NaiveDate, (usize, &str)>> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            NaiveDate::parse_from_str(line.trim(), "%Y-%m-%d").map_err(|_| (i + 1, line.trim()))
        })
        .collect();
    let bad: Vec<String> = parsed
        .iter()
        .filter_map(|p| p.as_ref().err())
        .map(|(line, text)| {
            fill(
                t.bad_holiday,
                &[("line", &line.to_string()), ("text", text)],
            )
        })
        .collect();
    if response.changed() && bad.is_empty() {
        a.holidays = parsed.iter().filter_map(|p| p.ok()).collect();
    }
    buffer.update(ui, &response, &text, bad.is_empty());
    for message in &bad {
        message_cell(ui, Some(message));
    }
}

/// The name of the day on each line of the holidays' text, aligned with the lines: the
/// country's holiday, "own day off" for another date, nothing for a line that is no date.
fn holiday_names(ui: &mut Ui, language: Language, country: Country, text: &str) {
    let t = language.text();
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = 0.0;
        // The text field's inner margin, so each name stands beside its date.
        ui.add_space(ui.spacing().button_padding.y);
        for line in text.lines() {
            let name = NaiveDate::parse_from_str(line.trim(), "%Y-%m-%d")
                .ok()
                .map_or("", |day| country.name_of(day).unwrap_or(t.holiday_own));
            ui.label(RichText::new(name).weak());
        }
    });
}

fn stages(
    ui: &mut Ui,
    fields: &Fields<'_>,
    messages: &Messages<'_>,
    a: &mut Assumptions,
    plan: Option<&Plan>,
) {
    let t = fields.language.text();
    let n = fields.language.numbers();
    let in_force = a.conversion == Conversion::Stages;
    let fields = &fields.enabled_if(in_force);
    let note = if in_force {
        t.stages_note_in_use
    } else {
        t.stages_note_unused
    };
    section(ui, t.funnel_stages, note);
    let mut remove = None;
    Grid::new("stages")
        .num_columns(5)
        .spacing([12.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new(t.stage).strong());
            ui.label(RichText::new(format!("{} (%)", t.rate_to_next)).strong());
            ui.label(RichText::new(t.volume).strong());
            ui.label("");
            ui.label("");
            ui.end_row();
            for (i, stage) in a.funnel_stages.iter_mut().enumerate() {
                let row = fill(t.numbered_stage, &[("n", &(i + 1).to_string())]);
                // By id: text being typed stays with its stage when a row above is removed.
                let row_id = ui.scope_id().with(("stage", stage.id));
                name_input(
                    ui,
                    fields,
                    row_id,
                    &format!("{} › {row}", t.funnel_stages),
                    &mut stage.name,
                );
                let (_, misread) = NumberInput::new(
                    fields,
                    row_id.with("rate"),
                    &mut stage.rate_to_next_percent,
                    Unit::Plain,
                )
                .named(Name::Text(&format!(
                    "{} › {} › {}",
                    t.funnel_stages, stage.name, t.rate_to_next
                )))
                .width(theme::TABLE_FIELD_WIDTH)
                .show(ui);
                let volume = plan
                    .and_then(|p| p.stages.get(i))
                    .map_or(String::new(), |s| n.count_up(s.volume));
                ui.label(volume);
                if ui
                    .add_enabled(fields.enabled, egui::Button::new("🗑"))
                    .on_hover_text(t.remove_stage)
                    .clicked()
                {
                    remove = Some(stage.id);
                }
                let message = misread.or_else(|| messages.of(Field::StageRate(i), fields.currency));
                message_cell(ui, message.as_deref());
                ui.end_row();
            }
        });
    if let Some(id) = remove {
        a.funnel_stages.retain(|s| s.id != id);
    }
    if ui
        .add_enabled(
            fields.enabled && a.funnel_stages.len() < crate::plan::MAX_STAGES,
            egui::Button::new(t.add_stage),
        )
        .clicked()
    {
        let name = fill(
            t.numbered_stage,
            &[("n", &(a.funnel_stages.len() + 1).to_string())],
        );
        a.add_stage(FunnelStage::new(&name, 50.0));
    }
    if let Some(message) = messages.of(Field::FunnelStages, fields.currency) {
        message_cell(ui, Some(&message));
    }
}

fn sources(
    ui: &mut Ui,
    fields: &Fields<'_>,
    messages: &Messages<'_>,
    unusual: &[(Field, Unusual)],
    a: &mut Assumptions,
    plan: Option<&Plan>,
) {
    let t = fields.language.text();
    let currency = fields.currency;
    let in_force = a.conversion == Conversion::LeadSources;
    let fields = &fields.enabled_if(in_force);
    let note = if in_force {
        t.sources_note
    } else {
        t.sources_note_unused
    };
    section(ui, t.lead_sources, note);
    let table = SourcesTable {
        fields,
        messages,
        unusual,
        plan,
    };
    let mut remove = None;
    if !a.lead_sources.is_empty() {
        // Wider than the tab on small screens: it scrolls sideways with the whole tab.
        Grid::new("sources")
            .num_columns(8)
            .spacing([8.0, 6.0])
            .striped(true)
            .show(ui, |ui| {
                table.header(ui);
                for (i, source) in a.lead_sources.iter_mut().enumerate() {
                    if table.row(ui, i, source) {
                        remove = Some(source.id);
                    }
                }
            });
    }
    if let Some(id) = remove {
        a.lead_sources.retain(|s| s.id != id);
    }
    add_source(ui, fields, a);
    if let Some(message) = messages
        .of(Field::LeadSources, currency)
        .or_else(|| messages.of(Field::SourceShares, currency))
    {
        message_cell(ui, Some(&message));
    }
}

/// The lead sources' table: per source its name and inputs, its lead value and leads from the
/// plan, a remove button, and below the row what is wrong or unusual in it.
struct SourcesTable<'a> {
    fields: &'a Fields<'a>,
    messages: &'a Messages<'a>,
    unusual: &'a [(Field, Unusual)],
    plan: Option<&'a Plan>,
}

impl SourcesTable<'_> {
    /// The column names; the header carries the units, so the cells stay narrow.
    fn header(&self, ui: &mut Ui) {
        let t = self.fields.language.text();
        let currency = self.fields.currency;
        let symbol = currency_symbol(currency).unwrap_or(currency);
        header_row(
            ui,
            &[
                t.source,
                &format!("{} (%)", t.share),
                &format!("{} (%)", t.column_rate),
                &format!("{} ({symbol})", t.column_deal_size),
                &format!("{} ({symbol})", t.cost_per_lead),
                t.value_per_lead,
                t.leads,
                "",
            ],
        );
    }

    /// Source `i`'s row, and its message row when it needs one. Returns whether its remove
    /// button was clicked.
    fn row(&self, ui: &mut Ui, i: usize, source: &mut LeadSource) -> bool {
        let t = self.fields.language.text();
        let n = self.fields.language.numbers();
        // By id: a refused text stays with its source when a row above is removed.
        let row_id = ui.scope_id().with(("source", source.id));
        let row = fill(t.numbered_source, &[("n", &(i + 1).to_string())]);
        name_input(
            ui,
            self.fields,
            row_id,
            &format!("{} › {row}", t.lead_sources),
            &mut source.name,
        );
        let misread = self.inputs(ui, row_id, source);
        let part = self.plan.and_then(|p| p.sources.get(i));
        number_cell(
            ui,
            &part.map_or(String::new(), |s| {
                n.money(s.lead_value, self.fields.currency)
            }),
        );
        let leads = self
            .plan
            .and_then(|p| p.whole_source_leads().get(i).copied());
        number_cell(ui, &leads.map_or(String::new(), |l| n.decimal(l, 0)));
        let removed = ui
            .add_enabled(self.fields.enabled, egui::Button::new("🗑"))
            .on_hover_text(t.remove_source)
            .clicked();
        ui.end_row();
        self.message_row(ui, i, misread);
        removed
    }

    /// The source's share, rate, deal size and cost per lead; returns the message of a text
    /// that does not read as a number.
    fn inputs(&self, ui: &mut Ui, row_id: egui::Id, source: &mut LeadSource) -> Option<String> {
        let t = self.fields.language.text();
        let fields = self.fields;
        let prefix = format!("{} › {}", t.lead_sources, source.name);
        let mut misread = None;
        for (salt, label, value) in [
            ("share", t.share, &mut source.share_percent),
            (
                "rate",
                t.lead_to_customer_rate,
                &mut source.lead_to_customer_percent,
            ),
            ("deal", t.average_deal_size, &mut source.average_deal_size),
        ] {
            let name = format!("{prefix} › {label}");
            let (_, message) = NumberInput::new(fields, row_id.with(salt), value, Unit::Plain)
                .named(Name::Text(&name))
                .width(theme::TABLE_FIELD_WIDTH)
                .show(ui);
            misread = misread.or(message);
        }
        let mut cost = source.cost_per_lead.unwrap_or(0.0);
        let name = format!("{prefix} › {}", t.cost_per_lead);
        let (changed, bad) = NumberInput::new(fields, row_id.with("cost"), &mut cost, Unit::Plain)
            .named(Name::Text(&name))
            .width(theme::TABLE_FIELD_WIDTH)
            .show(ui);
        if changed {
            source.cost_per_lead = Some(cost);
        }
        misread.or(bad)
    }

    /// Below source `i`'s row: a text that does not read or a problem of its fields, else an
    /// unusual rate or deal size; nothing when all is well.
    fn message_row(&self, ui: &mut Ui, i: usize, misread: Option<String>) {
        let messages = self.messages;
        let currency = self.fields.currency;
        let problem = messages.problems.iter().find(|p| {
            matches!(p.field, Field::SourceShare(j) | Field::SourceRate(j)
            | Field::SourceDealSize(j) | Field::SourceCostPerLead(j) if j == i)
        });
        if misread.is_some() || problem.is_some() {
            ui.label("");
            let message = misread.unwrap_or_else(|| {
                problem.map_or(String::new(), |p| {
                    messages.language.problem_in(p, None, currency)
                })
            });
            message_cell(ui, Some(&message));
            ui.end_row();
        } else if let Some((_, why)) = self.unusual.iter().find(|(field, _)| {
            matches!(field, Field::SourceRate(j) | Field::SourceDealSize(j) if *j == i)
        }) {
            ui.label("");
            unusual_cell(ui, &messages.language.unusual(*why, currency));
            ui.end_row();
        }
    }
}

/// Add source (a new source has the single rate's rate and deal size; the first takes the
/// whole share) and the total of the shares.
fn add_source(ui: &mut Ui, fields: &Fields<'_>, a: &mut Assumptions) {
    let t = fields.language.text();
    let n = fields.language.numbers();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                fields.enabled && a.lead_sources.len() < crate::plan::MAX_SOURCES,
                egui::Button::new(t.add_source),
            )
            .clicked()
        {
            let name = fill(
                t.numbered_source,
                &[("n", &(a.lead_sources.len() + 1).to_string())],
            );
            let share = if a.lead_sources.is_empty() {
                100.0
            } else {
                0.0
            };
            a.add_source(LeadSource {
                name,
                share_percent: share,
                lead_to_customer_percent: a.lead_to_customer_percent,
                average_deal_size: a.average_deal_size,
                cost_per_lead: None,
                ..LeadSource::default()
            });
        }
        if !a.lead_sources.is_empty() {
            let total: f64 = a.lead_sources.iter().map(|s| s.share_percent).sum();
            ui.label(fill(t.shares_total, &[("total", &n.percent(total))]));
        }
    });
}

fn capacity(ui: &mut Ui, fields: &Fields<'_>, messages: &Messages<'_>, a: &mut Assumptions) {
    let t = fields.language.text();
    let currency = fields.currency;
    section(ui, t.capacity_title, t.capacity_note);
    let mut planned = a.capacity.is_some();
    if ui
        .add_enabled(
            fields.enabled,
            egui::Checkbox::new(&mut planned, t.plan_capacity),
        )
        .changed()
    {
        a.capacity = planned.then(SalesCapacity::default);
    }
    if let Some(capacity) = &mut a.capacity {
        grid("capacity").show(ui, |ui| {
            NumberField::new(
                fields,
                FieldLabel::new("reps", t.reps),
                &mut capacity.reps,
                Unit::Plain,
            )
            .problem(messages.of(Field::Reps, currency))
            .show(ui);
            NumberField::new(
                fields,
                FieldLabel::new("leads_per_rep", t.leads_per_rep).hint(t.hint_leads_per_rep),
                &mut capacity.leads_per_rep_per_month,
                Unit::Plain,
            )
            .problem(messages.of(Field::LeadsPerRep, currency))
            .show(ui);
        });
    }
}
