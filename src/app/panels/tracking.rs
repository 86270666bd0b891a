//! The top of the Report tab: where both teams stand on a date (`crate::tracking::status`),
//! the hug-the-line charts and sales' follow-up over time (`crate::tracking::series`). The
//! figures and series are computed egui-free; this module only draws them.

use chrono::{Datelike as _, NaiveDate};
use egui::{Grid, RichText, Ui};
use egui_plot::{AxisHints, Line, LineStyle, PlotPoints, Points, Polygon};

use super::super::report_cache::ReportCache;
use super::super::theme;
use super::super::widgets::{FieldLabel, Fields, Note, NumberField};
use super::charts::{self, Along, Key, Mark, hover_nearest, legend, round_marks, still_plot};
use super::section;
use crate::document::{Scenario, SlaDocument};
use crate::i18n::{Language, fill};
use crate::plan::{Plan, Unit};
use crate::report::{
    ChartId, PaceTable, StatusChoice, StatusView, chance_percent, chance_words, forecast_spans,
    sales_lines,
};
use crate::tracking::{
    FanPoint, Forecast, Granularity, LinePoint, Quantity, SalesStatus, Span, SpanForecast, State,
    Won, last_day_with_data,
};

/// The choices of the tracking charts, kept between frames (not in the document).
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    /// The day the status is for.
    pub date: NaiveDate,
    /// The text of the date field while it is being typed.
    pub date_text: Option<String>,
    pub quantity: Quantity,
    /// One source, or all (`None`).
    pub source: Option<String>,
    pub by: Granularity,
    /// The part of the Report tab shown.
    pub part: Part,
}

/// The parts of the Report tab, one at a time, so each fits a laptop screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Part {
    /// Where we stand, with the charts.
    #[default]
    Status,
    /// The results grid.
    Results,
    /// The monthly review and the history of revisions.
    Review,
    /// The agreed targets per month and ISO week.
    Targets,
}

impl View {
    /// Today, if the plan's period covers it; else the last day with results inside the
    /// period; else the period's first day.
    pub fn new(doc: &SlaDocument, plan: &Plan, today: NaiveDate) -> Self {
        let (first, last) = period(plan);
        let date = if (first..=last).contains(&today) {
            today
        } else {
            last_day_with_data(&doc.actuals, plan).unwrap_or(first)
        };
        Self {
            date,
            date_text: None,
            quantity: Quantity::Leads,
            source: None,
            by: Granularity::Month,
            part: Part::Status,
        }
    }
}

/// The first and last day of the plan's period.
fn period(plan: &Plan) -> (NaiveDate, NaiveDate) {
    let first = plan
        .months
        .first()
        .map_or(NaiveDate::MIN, |m| m.month.first_day());
    let last = plan
        .months
        .last()
        .and_then(|m| m.month.end_exclusive().pred_opt())
        .unwrap_or(first);
    (first, last)
}

/// Draws the status and the charts; the tolerance field edits the document.
pub fn show(
    ui: &mut Ui,
    fields: &Fields<'_>,
    doc: &mut SlaDocument,
    agreed: &Scenario,
    plan: &Plan,
    (view, reports): (&mut View, &mut ReportCache),
    today: NaiveDate,
) {
    let language = fields.language;
    let t = language.text();
    section(
        ui,
        &fill(t.status_title, &[("date", &language.long_date(view.date))]),
        t.status_note,
    );
    choices(ui, fields, doc, agreed, plan, view, today);
    let choice = StatusChoice {
        date: view.date,
        quantity: view.quantity,
        source: view.source.clone(),
        by: view.by,
    };
    let computed = reports.status(doc, agreed, plan, &choice, language);
    let status = match &computed.status {
        Ok(status) => status,
        Err(error) => {
            ui.label(RichText::new(error.describe(language)).color(ui.visuals().warn_fg_color));
            return;
        }
    };
    // A plan without any results is not behind: there is nothing to judge yet.
    if doc.actuals.is_empty() {
        ui.label(RichText::new(t.status_no_results).strong());
        return;
    }
    if let Some(pace) = &computed.pace {
        marketing(ui, language, &doc.currency, pace);
    }
    if let Some(forecast) = &computed.forecast {
        forecast_panel(ui, language, forecast, status.date, view.quantity);
    }
    sales(ui, language, doc, &status.sales);
    if let Some(figures) = &computed.won {
        won(ui, language, &doc.currency, figures);
    }

    hug_charts(ui, language, doc, status.month, computed, view);
    for chart in &computed.follow_up {
        ui.label(RichText::new(chart.title).strong());
        let height = match chart.id {
            ChartId::SalesCompliance => theme::PLOT_HEIGHT,
            _ => theme::PLOT_HEIGHT * 0.8,
        };
        charts::draw(ui, chart, language, &doc.currency, height);
    }
}

/// The hug-the-line charts: the status month's, with the forecast's fan, and the period's by
/// week or month (with the choice between them).
fn hug_charts(
    ui: &mut Ui,
    language: Language,
    doc: &SlaDocument,
    month: crate::plan::YearMonth,
    computed: &StatusView,
    view: &mut View,
) {
    let t = language.text();
    section(
        ui,
        &fill(t.hug_title, &[("month", &language.month(month))]),
        &fill(
            t.hug_note,
            &[(
                "tolerance",
                &language.numbers().percent(doc.tracking.tolerance_percent),
            )],
        ),
    );
    if let Some(line) = &computed.month {
        let x: Vec<f64> = line.days.iter().map(|p| f64::from(p.date.day())).collect();
        let names: Vec<String> = line
            .days
            .iter()
            .map(|p| language.long_date(p.date))
            .collect();
        let fan: Vec<(f64, FanPoint)> = computed
            .fan
            .iter()
            .map(|f| (f64::from(f.date.day()), *f))
            .collect();
        hug_chart(
            ui,
            language,
            &doc.currency,
            "hug the line: month",
            &x,
            &names,
            &line.days,
            &fan,
            view.quantity,
            5.0,
            |v| format!("{}", v.round()),
        );
    }

    ui.horizontal(|ui| {
        ui.selectable_value(&mut view.by, Granularity::Week, t.by_week);
        ui.selectable_value(&mut view.by, Granularity::Month, t.by_month);
    });
    if let Some(points) = &computed.period {
        let labels: Vec<String> = points
            .iter()
            .map(|(span, _)| span_label(language, *span))
            .collect();
        let names = labels.clone();
        let x: Vec<f64> = (0..points.len()).map(|i| i as f64).collect();
        let line: Vec<LinePoint> = points.iter().map(|(_, p)| *p).collect();
        let fan: Vec<(f64, FanPoint)> = computed
            .period_fan
            .iter()
            .map(|(i, f)| (*i as f64, *f))
            .collect();
        ui.label(RichText::new(t.period_chart_title).strong());
        hug_chart(
            ui,
            language,
            &doc.currency,
            "hug the line: period",
            &x,
            &names,
            &line,
            &fan,
            view.quantity,
            if view.by == Granularity::Week {
                4.0
            } else {
                1.0
            },
            move |v| {
                labels
                    .get(v.round().max(0.0) as usize)
                    .cloned()
                    .unwrap_or_default()
            },
        );
    }
}

/// The date, what is counted, which source, and the tolerance.
fn choices(
    ui: &mut Ui,
    fields: &Fields<'_>,
    doc: &mut SlaDocument,
    agreed: &Scenario,
    plan: &Plan,
    view: &mut View,
    today: NaiveDate,
) {
    let language = fields.language;
    let t = language.text();
    Grid::new("tracking choices")
        .num_columns(3)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            date_row(ui, fields, doc, plan, view, today);

            ui.label(t.status_count);
            ui.horizontal(|ui| {
                ui.selectable_value(&mut view.quantity, Quantity::Leads, t.leads);
                ui.selectable_value(&mut view.quantity, Quantity::LeadValue, t.lead_value);
            });
            ui.label("");
            ui.end_row();

            let label = ui.label(t.grid_source);
            let name =
                |source: &Option<String>| source.clone().unwrap_or_else(|| t.source_any.to_owned());
            let mut sources: Vec<Option<String>> = vec![None];
            sources.extend(
                agreed
                    .assumptions
                    .lead_sources
                    .iter()
                    .map(|s| Some(s.name.clone())),
            );
            egui::ComboBox::from_id_salt("tracking source")
                .selected_text(name(&view.source))
                .show_ui(ui, |ui| {
                    for source in sources {
                        let text = name(&source);
                        ui.selectable_value(&mut view.source, source, text);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.label("");
            ui.end_row();

            let tolerance = doc.tracking.tolerance_percent;
            let note = (!(0.0..=100.0).contains(&tolerance)).then(|| {
                Note::Problem(fill(
                    t.tolerance_range,
                    &[("value", &language.numbers().percent(tolerance))],
                ))
            });
            NumberField::new(
                fields,
                FieldLabel::new("tolerance", t.tolerance).hint(t.tolerance_hint),
                &mut doc.tracking.tolerance_percent,
                Unit::Percent,
            )
            .note(note)
            .show(ui);
            NumberField::new(
                fields,
                FieldLabel::new("prior strength", t.forecast_prior_strength)
                    .hint(t.forecast_prior_strength_hint),
                &mut doc.tracking.prior_strength_days,
                Unit::Days,
            )
            .note(None)
            .show(ui);
        });
}

/// The date the status and the review are for, as a row of a three-column grid: label, field
/// with "Today", and a message when the text is not a date.
pub fn date_row(
    ui: &mut Ui,
    fields: &Fields<'_>,
    doc: &SlaDocument,
    plan: &Plan,
    view: &mut View,
    today: NaiveDate,
) {
    let t = fields.language.text();
    let label = ui.label(t.status_date);
    let message = ui
        .horizontal(|ui| {
            let mut text = view
                .date_text
                .clone()
                .unwrap_or_else(|| fields.language.date(view.date));
            // 100 points at the normal text size, growing with the text: meeting mode's large
            // type clipped a fixed 100 to "26-2-202".
            let body = |style: &egui::Style| egui::TextStyle::Body.resolve(style).size;
            let width = 100.0 * body(ui.style()) / body(&egui::Style::default());
            let response = ui
                .add(egui::TextEdit::singleline(&mut text).desired_width(width))
                .labelled_by(label.id);
            let message = if response.changed() {
                let read = fields.language.read_date(&text);
                if let Some(date) = read {
                    view.date = date;
                }
                view.date_text = Some(text.clone());
                read.is_none()
            } else {
                view.date_text
                    .as_deref()
                    .is_some_and(|t| fields.language.read_date(t).is_none())
            };
            if response.lost_focus() && !message {
                view.date_text = None;
            }
            if ui
                .button(t.status_today)
                .on_hover_text(t.status_today_tip)
                .clicked()
            {
                view.date = View::new(doc, plan, today).date;
                view.date_text = None;
            }
            message
        })
        .inner;
    if message {
        ui.label(RichText::new(t.status_bad_date).color(ui.visuals().warn_fg_color));
    } else {
        ui.label("");
    }
    ui.end_row();
}

/// The pace of the month, the week and the period to date side by side
/// (`report::pace_table`), each span's state in its colour, and the advice for the month.
fn marketing(ui: &mut Ui, language: Language, currency: &str, pace: &PaceTable) {
    let t = language.text();
    ui.add_space(6.0);
    ui.label(&pace.working_days);
    Grid::new("status marketing")
        .striped(true)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for column in &pace.columns {
                ui.label(RichText::new(column).strong());
            }
            ui.end_row();
            for (label, cells) in &pace.rows {
                ui.label(*label);
                for cell in cells {
                    let text = cell.show(language, currency);
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(text);
                    });
                }
                ui.end_row();
            }
            ui.label(t.status_state);
            for state in pace.states {
                ui.label(
                    RichText::new(state.name(language))
                        .color(charts::state_colour(ui, state))
                        .strong(),
                );
            }
            ui.end_row();
        });
    ui.label(RichText::new(pace.advice).color(charts::state_colour(ui, pace.states[0])));
}

/// Will we make it? Per span the chance in words and as a number, the 80 % range and the
/// chance of flooding the reps, coloured by the tab's state rules; one sentence says what the
/// chance means and hovering a span shows the model and its inputs. All figures come from
/// `tracking::forecast`; in lead value the chance is the value goal's.
fn forecast_panel(
    ui: &mut Ui,
    language: Language,
    forecast: &Forecast,
    date: NaiveDate,
    quantity: Quantity,
) {
    let t = language.text();
    let n = language.numbers();
    ui.add_space(8.0);
    ui.label(RichText::new(t.forecast_heading).strong());
    Grid::new("status forecast")
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            for header in [
                t.forecast_col_chance,
                t.forecast_col_range,
                t.forecast_col_flood,
            ] {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for (name, span) in forecast_spans(forecast, date, language) {
                let label = ui.label(RichText::new(&name).strong());
                let Some(f) = span else {
                    ui.label(fill(t.forecast_none, &[("span", &name)]));
                    ui.end_row();
                    continue;
                };
                label.on_hover_text(model_text(language, f));
                let chance = match quantity {
                    Quantity::Leads => f.chance,
                    Quantity::LeadValue => f.chance_value.unwrap_or(f.chance),
                };
                ui.label(
                    RichText::new(format!(
                        "{} ({})",
                        chance_percent(chance, language),
                        chance_words(chance, language)
                    ))
                    .color(charts::state_colour(ui, f.state()))
                    .strong(),
                );
                ui.label(fill(
                    t.forecast_range,
                    &[
                        ("goal", &n.count_up(f.goal)),
                        ("p10", &n.decimal(f.p10, 0)),
                        ("p90", &n.decimal(f.p90, 0)),
                    ],
                ));
                ui.label(
                    RichText::new(chance_percent(f.chance_above_tolerance, language)).color(
                        if f.state() == State::Ahead {
                            charts::state_colour(ui, State::Ahead)
                        } else {
                            ui.visuals().text_color()
                        },
                    ),
                );
                ui.end_row();
            }
            if let Some(c) = &forecast.customers {
                let label = ui.label(RichText::new(t.forecast_customers).strong());
                label.on_hover_text(fill(
                    t.forecast_customers_model,
                    &[("rate", &n.share(c.rate))],
                ));
                let state = if c.chance < 0.5 {
                    State::Behind
                } else {
                    State::OnTrack
                };
                ui.label(
                    RichText::new(format!(
                        "{} ({})",
                        chance_percent(c.chance, language),
                        chance_words(c.chance, language)
                    ))
                    .color(charts::state_colour(ui, state))
                    .strong(),
                );
                ui.label(fill(
                    t.forecast_range,
                    &[
                        ("goal", &n.count_up(c.goal)),
                        ("p10", &n.decimal(c.p10, 0)),
                        ("p90", &n.decimal(c.p90, 0)),
                    ],
                ));
                ui.label(fill(t.forecast_won, &[("won", &c.won.to_string())]));
                ui.end_row();
            }
        });
    ui.label(RichText::new(t.forecast_explain).weak());
}

/// The model of a span's forecast and its inputs, for the hover text.
fn model_text(language: Language, f: &SpanForecast) -> String {
    let n = language.numbers();
    let m = &f.model;
    fill(
        language.text().forecast_model,
        &[
            ("pace", &n.decimal(m.planned_per_working_day, 1)),
            ("prior", &n.decimal(m.prior_days, 1)),
            ("actual", &n.decimal(m.actual, 0)),
            ("elapsed", &m.days_elapsed.to_string()),
            ("due", &n.decimal(m.elapsed, 1)),
            ("left", &m.days_left.to_string()),
            ("remaining", &n.decimal(m.remaining, 1)),
            ("alpha", &n.decimal(m.alpha, 1)),
            ("q", &n.decimal(m.q, 3)),
        ],
    )
}

/// Sales' follow-up of the month's leads so far, in the report's sentences (`sales_lines`),
/// the first in the colour of its state.
fn sales(ui: &mut Ui, language: Language, doc: &SlaDocument, sales: &SalesStatus) {
    ui.add_space(8.0);
    ui.label(RichText::new(language.text().status_sales).strong());
    let [contacted, attempts, accepted] =
        sales_lines(sales, &doc.sales_commitments, &doc.currency, language);
    ui.label(RichText::new(contacted).color(charts::state_colour(ui, sales.state)));
    ui.label(attempts);
    ui.label(accepted);
}

/// Customers and revenue won in the month so far against the month's plan.
fn won(ui: &mut Ui, language: Language, currency: &str, won: &Won) {
    let t = language.text();
    let n = language.numbers();
    ui.label(fill(
        t.status_won,
        &[
            ("customers", &won.customers.to_string()),
            ("planned", &n.count_up(won.planned_customers)),
            ("revenue", &n.money_to(won.revenue, 0, currency)),
            (
                "planned_revenue",
                &n.money_to(won.planned_revenue, 0, currency),
            ),
        ],
    ));
}

/// A week or month under the period chart: "wk 3" / "Jan".
fn span_label(language: Language, span: Span) -> String {
    match span {
        Span::Week { week, .. } => language.week(week),
        Span::Month(month) => language.month_short(month, false),
    }
}

/// The ideal line, the tolerance band and the actual line, each actual point coloured by its
/// state; `x` places the points, `x_label` names a position on the axis and `names` each point
/// in its hover text (a date, a week). The legend stands above the plot, and hovering anywhere
/// shows the nearest point's actual, plan and tolerance.
#[expect(
    clippy::too_many_arguments,
    reason = "the points, their positions and how the axis names them are one drawing; issue 16 moves the chart into the report model"
)]
fn hug_chart(
    ui: &mut Ui,
    language: Language,
    currency: &str,
    id: &str,
    x: &[f64],
    names: &[String],
    points: &[LinePoint],
    fan: &[(f64, FanPoint)],
    quantity: Quantity,
    step: f64,
    x_label: impl Fn(f64) -> String + 'static,
) {
    let t = language.text();
    let n = language.numbers();
    let dark = ui.visuals().dark_mode;
    let series = |f: fn(&LinePoint) -> f64| -> PlotPoints<'static> {
        x.iter().zip(points).map(|(x, p)| [*x, f(p)]).collect()
    };
    let actual: Vec<[f64; 2]> = x
        .iter()
        .zip(points)
        .filter_map(|(x, p)| p.actual.map(|a| [*x, a]))
        .collect();
    let by_state = |state: State| -> Vec<[f64; 2]> {
        x.iter()
            .zip(points)
            .filter(|(_, p)| p.state == Some(state))
            .filter_map(|(x, p)| p.actual.map(|a| [*x, a]))
            .collect()
    };
    let counted = |v: f64| match quantity {
        Quantity::Leads => n.count_up(v),
        Quantity::LeadValue => n.money_to(v, 0, currency),
    };
    let description = describe_line(language, points, &counted);
    let hover: Vec<(f64, String)> = x
        .iter()
        .zip(points)
        .zip(names)
        .map(|((x, p), name)| {
            let mut lines = vec![name.clone()];
            if let Some(actual) = p.actual {
                let state = p
                    .state
                    .map_or_else(String::new, |s| format!(" ({})", s.name(language)));
                lines.push(format!("{}: {}{state}", t.tracking_actual, counted(actual)));
            }
            lines.push(format!("{}: {}", t.tracking_ideal, counted(p.ideal)));
            lines.push(format!(
                "{}: {}–{}",
                t.tracking_band,
                counted(p.lower),
                counted(p.upper)
            ));
            (*x, lines.join("\n"))
        })
        .collect();
    let currency = currency.to_owned();
    let y_label = move |v: f64| match quantity {
        Quantity::Leads => n.decimal(v, 0),
        Quantity::LeadValue => n.money_to(v, 0, &currency),
    };
    let warn = ui.visuals().warn_fg_color;
    let good = theme::good_color(dark);
    // The plan in the text colour, so the colours stay for the actuals and their states.
    let pace = ui.visuals().strong_text_color();
    let band = ui.visuals().weak_text_color();
    let line_colour = theme::series_color(dark, 0);
    let states = [
        (State::OnTrack, good, Mark::Dot),
        (State::Behind, warn, Mark::Down),
        (State::Ahead, warn, Mark::Up),
    ];
    let mut keys = vec![Key {
        name: t.tracking_actual.to_owned(),
        colour: line_colour,
        mark: Mark::Line,
    }];
    keys.extend(
        states
            .iter()
            .filter(|(state, _, _)| !by_state(*state).is_empty())
            .map(|(state, colour, mark)| Key {
                name: state.name(language).to_owned(),
                colour: *colour,
                mark: *mark,
            }),
    );
    keys.push(Key {
        name: t.tracking_ideal.to_owned(),
        colour: pace,
        mark: Mark::Dashed,
    });
    keys.push(Key {
        name: t.tracking_band.to_owned(),
        colour: band,
        mark: Mark::Dotted,
    });
    let forecast_colour = theme::series_color(dark, 1);
    let band90 = forecast_colour.gamma_multiply(0.18);
    let band50 = forecast_colour.gamma_multiply(0.38);
    if !fan.is_empty() {
        keys.push(Key {
            name: t.chart_forecast_median.to_owned(),
            colour: forecast_colour,
            mark: Mark::Line,
        });
        keys.push(Key {
            name: t.chart_forecast_band50.to_owned(),
            colour: band50,
            mark: Mark::Bar,
        });
        keys.push(Key {
            name: t.chart_forecast_band90.to_owned(),
            colour: band90,
            mark: Mark::Bar,
        });
    }
    // Each day's slice of a band is a convex quadrilateral: egui fills only convex shapes.
    let slices = |band: fn(&FanPoint) -> (f64, f64)| -> Vec<Vec<[f64; 2]>> {
        fan.windows(2)
            .filter_map(|pair| {
                let [(x0, a), (x1, b)] = pair else {
                    return None;
                };
                let (low0, high0) = band(a);
                let (low1, high1) = band(b);
                Some(vec![[*x0, low0], [*x1, low1], [*x1, high1], [*x0, high0]])
            })
            .collect()
    };
    let slices90 = slices(|f| f.band90);
    let slices50 = slices(|f| f.band50);
    let median: Vec<[f64; 2]> = fan.iter().map(|(x, f)| [*x, f.median]).collect();
    legend(ui, language, id, &keys);
    let response = still_plot(id, theme::PLOT_HEIGHT * 1.2)
        .include_y(0.0)
        .x_grid_spacer(move |input| marks_every(step, input.bounds))
        .y_grid_spacer(|input| round_marks(input.bounds))
        .custom_x_axes(vec![AxisHints::new_x().formatter(move |mark, _| {
            if (mark.value - mark.value.round()).abs() < 1e-6 {
                x_label(mark.value)
            } else {
                String::new()
            }
        })])
        .custom_y_axes(vec![
            AxisHints::new_y().formatter(move |mark, _| y_label(mark.value)),
        ])
        .label_formatter(hover_nearest(Along::X, hover))
        .show(ui, |plot| {
            for (slices, colour, name) in [
                (slices90, band90, t.chart_forecast_band90),
                (slices50, band50, t.chart_forecast_band50),
            ] {
                for slice in slices {
                    plot.polygon(
                        Polygon::new(name, PlotPoints::from(slice))
                            .fill_color(colour)
                            .stroke(egui::Stroke::NONE)
                            .allow_hover(false),
                    );
                }
            }
            if !median.is_empty() {
                plot.line(
                    Line::new(t.chart_forecast_median, PlotPoints::from(median))
                        .color(forecast_colour)
                        .style(LineStyle::dashed_dense())
                        .allow_hover(false),
                );
            }
            plot.line(
                Line::new(t.tracking_band, series(|p| p.upper))
                    .color(band)
                    .style(LineStyle::dotted_dense())
                    .allow_hover(false),
            );
            plot.line(
                Line::new(t.tracking_band, series(|p| p.lower))
                    .color(band)
                    .style(LineStyle::dotted_dense())
                    .allow_hover(false),
            );
            plot.line(
                Line::new(t.tracking_ideal, series(|p| p.ideal))
                    .color(pace)
                    .style(LineStyle::dashed_loose())
                    .allow_hover(false),
            );
            plot.line(
                Line::new(t.tracking_actual, PlotPoints::from(actual))
                    .color(line_colour)
                    .width(2.0)
                    .allow_hover(false),
            );
            for (state, color, mark) in states {
                plot.points(
                    Points::new(state.name(language), PlotPoints::from(by_state(state)))
                        .color(color)
                        .radius(3.5)
                        .shape(match mark {
                            Mark::Down => egui_plot::MarkerShape::Down,
                            Mark::Up => egui_plot::MarkerShape::Up,
                            _ => egui_plot::MarkerShape::Circle,
                        })
                        .allow_hover(false),
                );
            }
        })
        .response;
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &description)
    });
}

/// A grid line, and so an axis label, at every multiple of `step` (a day, a week, a month).
fn marks_every(step: f64, (min, max): (f64, f64)) -> Vec<egui_plot::GridMark> {
    let first = (min / step).ceil().max(0.0) as i64;
    let last = (max / step).floor().max(0.0) as i64;
    (first..=last)
        .map(|i| egui_plot::GridMark {
            value: i as f64 * step,
            step_size: step,
        })
        .collect()
}

/// The chart in words for screen readers: the last actual against the ideal.
fn describe_line(
    language: Language,
    points: &[LinePoint],
    value: &dyn Fn(f64) -> String,
) -> String {
    let t = language.text();
    let last = points.iter().rev().find(|p| p.actual.is_some());
    match last {
        Some(p) => fill(
            t.hug_description,
            &[
                ("date", &language.long_date(p.date)),
                ("actual", &value(p.actual.unwrap_or(0.0))),
                ("ideal", &value(p.ideal)),
                ("state", p.state.map_or("", |s| s.name(language))),
            ],
        ),
        None => t.hug_no_results.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Actuals;

    #[test]
    fn the_status_opens_on_a_day_inside_the_period() {
        let doc = SlaDocument::example().unwrap_or_default();
        let plan = crate::plan::compute(&doc.scenarios[0].assumptions, &doc.sales_commitments);
        let Ok(plan) = plan else {
            unreachable!("the example plans")
        };
        let before = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default();
        assert_eq!(
            View::new(&doc, &plan, before).date.to_string(),
            "2027-02-26",
            "the last day with results"
        );
        let empty = SlaDocument {
            actuals: Actuals::default(),
            ..doc.clone()
        };
        assert_eq!(
            View::new(&empty, &plan, before).date.to_string(),
            "2027-01-01"
        );
        let inside = NaiveDate::from_ymd_opt(2027, 3, 3).unwrap_or_default();
        assert_eq!(View::new(&doc, &plan, inside).date, inside);
    }
}
