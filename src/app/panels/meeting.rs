//! Meeting mode (View → Meeting mode, F11; Esc leaves): for a projector in the planning
//! meeting. Large type, sliders for the four inputs of step 1, each lead source's rate and the
//! reps, the key results and one big chart, all live while a slider moves. The sliders edit the
//! selected scenario like the Marketing tab does (one undo step per drag); "Duplicate
//! scenario" keeps a what-if apart from the plan.

use egui::{CentralPanel, Id, Key, Modifiers, RichText, ScrollArea, Slider, TextStyle, Ui};

use super::super::widgets::{Fields, result_row};
use super::super::{App, Command, Tab, theme};
use super::{Messages, charts, command_button, report, sales};
use crate::document::ScenarioId;
use crate::i18n::Language;
use crate::plan::{Assumptions, Plan, Problem};

/// How much larger than on a laptop screen the text is, so the back row can read it.
const TEXT_SCALE: f32 = 1.6;

/// Draws the meeting screen in place of the normal layout.
pub fn show(app: &mut App, ui: &mut Ui, plan: &Result<Plan, Vec<Problem>>) {
    if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        app.queue(Command::MeetingMode);
    }
    let language = app.language;
    let t = language.text();
    let currency = app.editor.document.currency.clone();
    CentralPanel::default().show(ui, |ui| {
        enlarge_text(ui);
        let selected = app.editor.selected();
        let name = app
            .editor
            .selected_scenario()
            .map(|s| s.name.clone())
            .unwrap_or_default();
        ui.horizontal(|ui| {
            ui.heading(RichText::new(name).strong());
            ui.label(RichText::new(t.whatif_meeting_leave).weak());
        });
        ui.add_space(theme::SECTION_SPACE);
        // Ctrl+2 and Ctrl+3 bring the Sales and Report views up in large type; Ctrl+1 (or any
        // other tab) the sliders.
        match app.tab {
            Tab::Sales | Tab::Report => {
                ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| other_view(app, ui, plan));
                return;
            }
            _ => {}
        }
        ui.columns(2, |columns| {
            if let [left, right] = columns {
                if let Some(scenario) = app.editor.document.scenario_mut(selected) {
                    sliders(
                        left,
                        language,
                        &currency,
                        selected,
                        &mut scenario.assumptions,
                    );
                }
                left.add_space(theme::SECTION_SPACE);
                command_button(app, left, Command::DuplicateScenario);
                results(right, language, &currency, plan);
            }
        });
        // The one big chart: the rest of the screen.
        if let Ok(plan) = plan {
            ui.add_space(theme::SECTION_SPACE);
            let height = ui.available_height().max(theme::PLOT_HEIGHT);
            charts::leads_per_month(ui, language, &currency, plan, height);
        }
    });
}

/// The Sales or Report tab, in the meeting's large type.
fn other_view(app: &mut App, ui: &mut Ui, plan: &Result<Plan, Vec<Problem>>) {
    let language = app.language;
    let currency = app.editor.document.currency.clone();
    let problems = plan.as_ref().err().map_or(&[][..], Vec::as_slice);
    let fields = Fields {
        language,
        currency: &currency,
        generation: app.generation,
        enabled: app.editor.newer_version.is_none(),
    };
    if app.tab == Tab::Sales {
        let messages = Messages::new(problems, language);
        sales::show(
            ui,
            &fields,
            &messages,
            &mut app.editor.document.sales_commitments,
            plan,
        );
    } else if let Some(id) = report::show(ui, &fields, &mut app.editor.document, app.today) {
        app.select(id);
    }
}

fn enlarge_text(ui: &mut Ui) {
    let style = ui.style_mut();
    for (text_style, font) in &mut style.text_styles {
        if *text_style != TextStyle::Monospace {
            font.size *= TEXT_SCALE;
        }
    }
    style.spacing.slider_width *= TEXT_SCALE;
    style.spacing.interact_size.y *= TEXT_SCALE;
}

/// Upper ends of the money and reps sliders, fixed when meeting mode first shows a scenario
/// (twice its value then), so a slider's scale does not move under the mouse while dragging.
/// Kept per scenario id: a scenario that moves up the list keeps its own scale.
#[derive(Clone, Copy, Debug)]
struct Ranges {
    revenue_goal: f64,
    deal_size: f64,
    reps: u32,
}

impl Ranges {
    fn around(a: &Assumptions) -> Self {
        Self {
            revenue_goal: (a.revenue_goal * 2.0).max(1_000.0),
            deal_size: (a.average_deal_size * 2.0).max(100.0),
            reps: a.capacity.map_or(10, |c| (c.reps * 2).max(10)),
        }
    }
}

fn sliders(
    ui: &mut Ui,
    language: Language,
    currency: &str,
    scenario: ScenarioId,
    a: &mut Assumptions,
) {
    let t = language.text();
    let n = language.numbers();
    let id = Id::unique(("meeting ranges", scenario));
    let ranges = ui
        .data(|d| d.get_temp::<Ranges>(id))
        .unwrap_or_else(|| Ranges::around(a));
    ui.data_mut(|d| d.insert_temp(id, ranges));
    let money = move |v: f64, _: std::ops::RangeInclusive<usize>| n.money(v, currency);
    let percent = move |v: f64, _: std::ops::RangeInclusive<usize>| n.percent(v);
    ui.add(
        Slider::new(&mut a.revenue_goal, 0.0..=ranges.revenue_goal)
            .text(t.revenue_goal)
            .custom_formatter(money),
    );
    ui.add(
        Slider::new(&mut a.marketing_share_percent, 0.0..=100.0)
            .text(t.marketing_share)
            .custom_formatter(percent),
    );
    if a.lead_sources.is_empty() {
        ui.add(
            Slider::new(&mut a.average_deal_size, 0.01..=ranges.deal_size)
                .text(t.average_deal_size)
                .custom_formatter(money),
        );
        ui.add(
            Slider::new(&mut a.lead_to_customer_percent, 0.01..=100.0)
                .logarithmic(true)
                .text(t.lead_to_customer_rate)
                .custom_formatter(percent),
        );
    }
    if !a.lead_sources.is_empty() {
        ui.label(RichText::new(t.lead_to_customer_rate).weak());
    }
    for source in &mut a.lead_sources {
        ui.add(
            Slider::new(&mut source.lead_to_customer_percent, 0.01..=100.0)
                .logarithmic(true)
                .text(&source.name)
                .custom_formatter(percent),
        );
    }
    if let Some(capacity) = &mut a.capacity {
        ui.add(Slider::new(&mut capacity.reps, 1..=ranges.reps).text(t.reps));
    }
}

fn results(ui: &mut Ui, language: Language, currency: &str, plan: &Result<Plan, Vec<Problem>>) {
    let t = language.text();
    let n = language.numbers();
    let Ok(plan) = plan else {
        ui.label(t.fix_inputs_first);
        return;
    };
    let per_day = plan
        .leads_per_working_day
        .map_or_else(|| crate::i18n::NO_NUMBER.to_owned(), |v| n.decimal(v, 1));
    let mut rows = vec![
        (t.customers_needed, n.count_up(plan.customers_needed), true),
        (t.leads_needed, n.count_up(plan.leads_needed), true),
        (t.leads_per_month, n.decimal(plan.leads_per_month, 1), false),
        (t.leads_per_working_day, per_day, false),
    ];
    if let Some(capacity) = &plan.capacity {
        rows.push((
            t.whatif_peak_utilisation,
            n.share(capacity.peak_utilisation),
            false,
        ));
    }
    if let Some(budget) = &plan.budget {
        rows.push((t.marketing_budget, n.money(budget.total, currency), false));
    }
    for (name, value, strong) in rows {
        result_row(ui, name, &value, strong, "");
    }
}
