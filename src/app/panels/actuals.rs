//! The actuals grid of the Report tab: one row per day and lead source of a month, with week
//! and month totals. Every cell is edited like the form's fields (same reading of numbers, same
//! messages, one undo step per cell); a block copied from a spreadsheet and pasted with Ctrl+V
//! fills the cells from the focused one on, as one undo step.
//!
//! The table is virtualised (`egui_extras::TableBuilder`): only the rows on screen are laid out,
//! so a month of fifty sources costs no more per frame than a month of one.

use chrono::{Datelike as _, Duration, NaiveDate, Weekday};
use egui::{Event, Id, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::super::widgets::{FieldValue, Fields, Name, NumberInput};
use crate::document::{Actuals, Measure, SourceDay, Totals, source_key};
use crate::i18n::format::Misread;
use crate::i18n::{Language, NumberStyle, Text, fill};
use crate::plan::{Unit, YearMonth, calendar::WorkingCalendar};

/// One row of the grid.
#[derive(Clone, Debug, PartialEq)]
pub enum GridRow {
    /// What one source reported on one day: editable.
    Day { date: NaiveDate, source: String },
    /// Consecutive days, `from` to `to`, shown as one thin row: days without work and without
    /// results while the user does not ask to see them.
    Folded { from: NaiveDate, to: NaiveDate },
    /// The sum of the days of one ISO week within the month.
    Week {
        week: u32,
        from: NaiveDate,
        to: NaiveDate,
    },
    /// The sum of the month.
    Month,
}

/// The rows of `month`: every calendar day (leads arrive at weekends too) for each source, a
/// week total after each Sunday and at the month's end (unless all its days are folded), and
/// the month total. Each run of days for which `folded` holds (in the window: days without work
/// and without results, unless the user asks to see them) is one thin `Folded` row instead, so
/// a month's working days fit on a laptop's screen and no reported number is ever hidden.
pub fn grid_rows(
    month: YearMonth,
    sources: &[String],
    folded: impl Fn(NaiveDate) -> bool,
) -> Vec<GridRow> {
    let mut rows = Vec::new();
    let end = month.end_exclusive();
    let mut week_from = month.first_day();
    let mut week_has_days = false;
    let mut date = month.first_day();
    while date < end {
        if !folded(date) {
            week_has_days = true;
            rows.extend(sources.iter().map(|source| GridRow::Day {
                date,
                source: source.clone(),
            }));
        } else if let Some(GridRow::Folded { to, .. }) = rows.last_mut() {
            *to = date;
        } else {
            rows.push(GridRow::Folded {
                from: date,
                to: date,
            });
        }
        let last_of_month = date + Duration::days(1) == end;
        if date.weekday() == Weekday::Sun || last_of_month {
            // A week of folded days only (New Year's Day and a weekend) has nothing to add up.
            if week_has_days {
                rows.push(GridRow::Week {
                    week: date.iso_week().week(),
                    from: week_from,
                    to: date,
                });
            }
            week_from = date + Duration::days(1);
            week_has_days = false;
        }
        date += Duration::days(1);
    }
    rows.push(GridRow::Month);
    rows
}

/// The sources the grid shows for `month`: the plan's, in its order ("" when the plan has none:
/// leads of any source), then any other source that reported in that month, so no reported
/// number is hidden.
pub fn grid_sources(plan_sources: &[String], actuals: &Actuals, month: YearMonth) -> Vec<String> {
    let mut sources: Vec<String> = if plan_sources.is_empty() {
        vec![String::new()]
    } else {
        plan_sources.to_vec()
    };
    let mut known: Vec<String> = sources.iter().map(|s| source_key(s)).collect();
    let last = month.end_exclusive() - Duration::days(1);
    for record in actuals.between(month.first_day(), last) {
        let key = record.source_key();
        if !known.contains(&key) {
            known.push(key);
            sources.push(record.source.trim().to_owned());
        }
    }
    sources
}

/// The sum of the records of `sources` from `from` up to and including `to`.
fn total(actuals: &Actuals, sources: &[String], from: NaiveDate, to: NaiveDate) -> Totals {
    let keys: Vec<String> = sources.iter().map(|s| source_key(s)).collect();
    Totals::of(
        actuals
            .between(from, to)
            .iter()
            .filter(|record| keys.contains(&record.source_key())),
    )
}

/// A measure's column header.
pub fn measure_name(language: Language, measure: Measure, minimum_attempts: u32) -> String {
    let t = language.text();
    match measure {
        Measure::Leads => t.measure_leads.to_owned(),
        Measure::Accepted => t.measure_accepted.to_owned(),
        Measure::Rejected => t.measure_rejected.to_owned(),
        Measure::ContactedInTime => t.measure_contacted_in_time.to_owned(),
        Measure::ContactAttempts => t.measure_attempts.to_owned(),
        Measure::ReachedAttempts => fill(
            t.measure_reached_attempts,
            &[("n", &minimum_attempts.to_string())],
        ),
        Measure::Customers => t.measure_customers.to_owned(),
        Measure::Revenue => t.measure_revenue.to_owned(),
    }
}

/// A source as the grid names it: the plan's name, "All sources" for leads of any source, and a
/// mark on a source the plan does not know.
pub fn source_label(language: Language, source: &str, plan_sources: &[String]) -> String {
    let t = language.text();
    if source.trim().is_empty() {
        return if plan_sources.is_empty() {
            t.source_any.to_owned()
        } else {
            t.source_unknown.to_owned()
        };
    }
    let known = plan_sources
        .iter()
        .any(|s| source_key(s) == source_key(source));
    if known {
        source.to_owned()
    } else {
        fill(t.source_not_in_plan, &[("source", source)])
    }
}

/// The focused cell, remembered for a paste: its position among the editable rows and columns.
#[derive(Clone, Copy, Debug, PartialEq)]
struct FocusedCell {
    id: Id,
    row: usize,
    column: usize,
}

/// What the grid needs to know besides the actuals.
#[derive(Clone, Copy, Debug)]
pub struct GridContext<'a> {
    pub month: YearMonth,
    pub plan_sources: &'a [String],
    pub calendar: &'a WorkingCalendar,
    pub minimum_attempts: u32,
    /// The agreed plan's whole leads per ISO week, by the week's Monday: the goal a week's
    /// total is read against.
    pub week_goals: &'a [(NaiveDate, String)],
    /// Whether days without work and without results get their full rows (else one thin row
    /// per run of them). A paste fills the rows shown.
    pub show_closed_days: bool,
}

/// What the grid has to tell the user after a frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GridNotes {
    /// A cell whose text does not read, named ("Leads, Webinars, Mon 4 Jan: …"): shown while
    /// the text stays.
    pub cell: Option<String>,
    /// The outcome of a paste this frame: `Ok` how many values, `Err` why nothing was pasted.
    pub paste: Option<Result<String, String>>,
}

/// Draws the grid of one month and applies edits and pastes to `actuals`.
pub fn show(
    ui: &mut Ui,
    fields: &Fields<'_>,
    actuals: &mut Actuals,
    context: GridContext<'_>,
) -> GridNotes {
    let language = fields.language;
    let t = language.text();
    let n = language.numbers();
    let grid_id = ui.scope_id().with("actuals grid");
    let focus_key = grid_id.with("focused cell");
    let (sources, rows) = month_rows(actuals, &context);
    let day_rows: Vec<(NaiveDate, &str)> = rows
        .iter()
        .filter_map(|row| match row {
            GridRow::Day { date, source } => Some((*date, source.as_str())),
            _ => None,
        })
        .collect();

    let mut notes = GridNotes {
        cell: None,
        paste: paste(ui, fields, actuals, &day_rows, focus_key, context),
    };

    let (row_height, heights) = row_heights(ui, &rows);
    let row_of = day_row_numbers(&rows);
    let headers: Vec<String> = Measure::ALL
        .iter()
        .map(|&m| measure_name(language, m, context.minimum_attempts))
        .collect();
    let widths = column_widths(ui, &headers);
    let cells = Cells {
        fields,
        grid_id,
        headers: &headers,
        context: &context,
    };
    let mut focused = None;
    let mut table = TableBuilder::new(ui)
        .id_salt(grid_id)
        .striped(true)
        .resizable(false)
        .max_scroll_height(420.0)
        .column(Column::exact(86.0))
        .column(Column::exact(150.0));
    for width in widths {
        table = table.column(Column::exact(width));
    }
    table
        .header(row_height + 12.0, |header| header_row(header, t, &headers))
        .body(|mut body| {
            let view = body.ui_mut().clip_rect();
            body.heterogeneous_rows(heights.into_iter(), |mut table_row| {
                let index = table_row.index();
                let Some(row) = rows.get(index) else {
                    return;
                };
                match row {
                    GridRow::Day { date, source } => {
                        let first_of_day = index == 0
                            || !matches!(rows.get(index - 1), Some(GridRow::Day { date: d, .. }) if d == date);
                        let row = DayRow {
                            date: *date,
                            source,
                            first_of_day,
                            number: row_of[index],
                        };
                        if let Some(cell) = cells.day_row(&mut table_row, actuals, &row, &mut notes) {
                            focused = Some(cell);
                        }
                    }
                    GridRow::Folded { from, to } => {
                        folded_row(&mut table_row, language, (*from, *to), grid_id, view);
                    }
                    GridRow::Week { week, from, to } => {
                        let sum = total(actuals, &sources, *from, *to);
                        let goal = week_goal(context.week_goals, *from);
                        total_row(&mut table_row, &language.week(*week), goal, &sum, n, true);
                    }
                    GridRow::Month => {
                        let last = context.month.end_exclusive() - Duration::days(1);
                        let sum = total(actuals, &sources, context.month.first_day(), last);
                        let label = fill(
                            t.grid_month_total,
                            &[("month", &language.month(context.month))],
                        );
                        total_row(&mut table_row, &label, None, &sum, n, false);
                    }
                }
            });
        });
    if let Some(focused) = focused {
        ui.data_mut(|d| d.insert_temp(focus_key, focused));
    }
    notes
}

/// What the cells of one month's grid share.
struct Cells<'a> {
    fields: &'a Fields<'a>,
    grid_id: Id,
    /// The measures' column headers, in the order of [`Measure::ALL`].
    headers: &'a [String],
    context: &'a GridContext<'a>,
}

/// One row of a day and source.
struct DayRow<'a> {
    date: NaiveDate,
    source: &'a str,
    /// The day's first row shows the day.
    first_of_day: bool,
    /// Its number among the day rows (where a paste into it starts).
    number: usize,
}

impl Cells<'_> {
    /// A day and source: the day (on its first row), the source, and a cell per measure that
    /// edits `actuals`; a refused value's message goes to `notes`. Returns the cell that has
    /// the keyboard focus, if one of this row's has.
    fn day_row(
        &self,
        table_row: &mut egui_extras::TableRow<'_, '_>,
        actuals: &mut Actuals,
        row: &DayRow<'_>,
        notes: &mut GridNotes,
    ) -> Option<FocusedCell> {
        let language = self.fields.language;
        let t = language.text();
        let (date, source) = (row.date, row.source);
        let working = self.context.calendar.is_working_day(date);
        table_row.col(|ui| {
            if row.first_of_day {
                let text = RichText::new(language.day(date));
                ui.label(if working { text } else { text.weak() });
            }
        });
        let label = source_label(language, source, self.context.plan_sources);
        table_row.col(|ui| {
            ui.label(&label);
        });
        let record = actuals.get(date, source).cloned();
        let mut focused = None;
        for (column, &measure) in Measure::ALL.iter().enumerate() {
            table_row.col(|ui| {
                let id = self.grid_id.with((date, source_key(source), measure));
                let name = fill(
                    t.grid_cell_name,
                    &[
                        ("measure", &self.headers[column]),
                        ("source", &label),
                        ("day", &language.day(date)),
                    ],
                );
                let value = record.as_ref().map_or(0.0, |r| r.get(measure));
                let refuse = |v: f64| {
                    let mut changed = record
                        .clone()
                        .unwrap_or_else(|| SourceDay::new(date, source));
                    changed.set(measure, v);
                    let problem = changed.impossible()?;
                    let column = Measure::ALL
                        .iter()
                        .position(|&m| m == problem.measure())
                        .and_then(|i| self.headers.get(i))
                        .map_or("", String::as_str);
                    Some(problem.describe(language, column))
                };
                if let Some(problem) =
                    cell(ui, self.fields, id, &name, measure, value, refuse, |v| {
                        actuals.set(date, source, measure, v);
                    })
                {
                    notes.cell = Some(format!("{name}: {problem}"));
                }
                if ui.memory(|m| m.has_focus(id)) {
                    focused = Some(FocusedCell {
                        id,
                        row: row.number,
                        column,
                    });
                }
            });
        }
        focused
    }
}

/// The header: day, source, then each measure (wrapping between words).
fn header_row(mut header: egui_extras::TableRow<'_, '_>, t: &Text, headers: &[String]) {
    header.col(|ui| {
        ui.strong(t.grid_day);
    });
    header.col(|ui| {
        ui.strong(t.grid_source);
    });
    for name in headers {
        header.col(|ui| {
            ui.add(egui::Label::new(RichText::new(name).strong()).wrap());
        });
    }
}

/// The sources of the month's grid and its rows: a day without work and without results
/// folds into its neighbours' thin row unless closed days are shown.
fn month_rows(actuals: &Actuals, context: &GridContext<'_>) -> (Vec<String>, Vec<GridRow>) {
    let sources = grid_sources(context.plan_sources, actuals, context.month);
    let folded = |date: NaiveDate| {
        !context.show_closed_days
            && !context.calendar.is_working_day(date)
            && sources
                .iter()
                .all(|source| actuals.get(date, source).is_none())
    };
    let rows = grid_rows(context.month, &sources, folded);
    (sources, rows)
}

/// The height of a row with inputs, and of each row of the grid: a folded run of days is thin.
fn row_heights(ui: &Ui, rows: &[GridRow]) -> (f32, Vec<f32>) {
    let text_height = ui.text_style_height(&egui::TextStyle::Body);
    let row_height = text_height + 2.0 * ui.spacing().button_padding.y + 4.0;
    let heights = rows
        .iter()
        .map(|row| match row {
            GridRow::Folded { .. } => text_height + 4.0,
            _ => row_height,
        })
        .collect();
    (row_height, heights)
}

/// The width of each measure's column: a header wraps between words, never inside one
/// ("Geaccepteer-d"), so each column is at least as wide as its longest word.
fn column_widths(ui: &Ui, headers: &[String]) -> Vec<f32> {
    headers
        .iter()
        .zip(Measure::ALL)
        .map(|(name, measure)| {
            let least = if measure == Measure::Revenue {
                120.0
            } else {
                76.0
            };
            longest_word(ui, name).max(least)
        })
        .collect()
}

/// For each row of the grid, the number of day rows above it: a focused cell's row among the
/// day rows, where a paste starts.
fn day_row_numbers(rows: &[GridRow]) -> Vec<usize> {
    let mut day_rows = 0;
    rows.iter()
        .map(|row| {
            let above = day_rows;
            if matches!(row, GridRow::Day { .. }) {
                day_rows += 1;
            }
            above
        })
        .collect()
}

/// The goal of the ISO week that `day` falls in, as its total row says it (`report::week_goals`).
fn week_goal(goals: &[(NaiveDate, String)], day: NaiveDate) -> Option<String> {
    let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
    goals
        .iter()
        .find(|(starts, _)| *starts == monday)
        .map(|(_, goal)| goal.clone())
}

/// One thin row for a run of days without work and without results ("Sat 2 Jan – Sun 3 Jan:
/// no working day, nothing reported"). The text runs over the row's empty cells, which each
/// clip their own contents: the last cell paints it from the first cell's corner, clipped to
/// the table's `view`, and names it for screen readers.
fn folded_row(
    table_row: &mut egui_extras::TableRow<'_, '_>,
    language: Language,
    (from, to): (NaiveDate, NaiveDate),
    grid_id: Id,
    view: egui::Rect,
) {
    let days = if from == to {
        language.day(from)
    } else {
        format!("{} – {}", language.day(from), language.day(to))
    };
    let text = fill(language.text().grid_closed_days, &[("days", &days)]);
    let (_, first) = table_row.col(|_| {});
    for _ in 2..Measure::ALL.len() + 2 {
        table_row.col(|_| {});
    }
    table_row.col(|ui| {
        let rect = egui::Rect::from_min_max(first.rect.min, ui.max_rect().max);
        let color = ui.visuals().weak_text_color();
        let font = egui::TextStyle::Body.resolve(ui.style());
        let galley = ui.painter().layout_no_wrap(text.clone(), font, color);
        let at = egui::pos2(rect.left(), rect.center().y - galley.size().y / 2.0);
        // A painter of the layer: the cell's own would keep its clip.
        let mut painter = ui.ctx().layer_painter(ui.layer_id());
        painter.set_clip_rect(view.intersect(rect));
        painter.galley(at, galley, color);
        ui.interact(rect, grid_id.with(("folded", from)), egui::Sense::hover())
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
    });
}

/// A cell's number: a count of leads or customers, or an amount of revenue. Zero shows as an
/// empty cell (a month of mostly quiet days stays readable) and an emptied cell is zero.
#[derive(Clone, Copy, Debug, PartialEq)]
struct CellValue {
    value: f64,
    /// Counts are whole; amounts have cents.
    whole: bool,
}

impl FieldValue for CellValue {
    fn show(self, numbers: NumberStyle, _: Unit) -> String {
        if self.value == 0.0 {
            String::new()
        } else if self.whole {
            numbers.decimal(self.value, 0)
        } else {
            numbers.decimal(self.value, 2)
        }
    }

    /// `unit` tells the kinds apart: `Money` is an amount (cents allowed), anything else a count
    /// (whole numbers only).
    fn read(text: &str, numbers: NumberStyle, unit: Unit) -> Result<Self, Misread> {
        let whole = unit != Unit::Money;
        if text.trim().is_empty() {
            return Ok(Self { value: 0.0, whole });
        }
        let value = numbers.read(text, Some(if whole { 0 } else { 2 }))?;
        if value < 0.0 || (whole && value > f64::from(u32::MAX)) {
            return Err(Misread::suggesting(None));
        }
        Ok(Self { value, whole })
    }

    fn invalid(t: &Text) -> &'static str {
        t.grid_type_a_number
    }
}

/// One editable cell; `set` is called with the new value. Returns the message of text that does
/// not read (or a negative amount) or of a value `refuse` gives a reason against (more
/// contacted in time than the day's leads), which leaves the value as it was.
#[expect(
    clippy::too_many_arguments,
    reason = "the cell's place, name and value, and what to do with a new value"
)]
fn cell(
    ui: &mut Ui,
    fields: &Fields<'_>,
    id: Id,
    name: &str,
    measure: Measure,
    value: f64,
    refuse: impl Fn(f64) -> Option<String>,
    mut set: impl FnMut(f64),
) -> Option<String> {
    let width = if measure.is_count() { 60.0 } else { 84.0 };
    let unit = if measure.is_count() {
        Unit::Plain
    } else {
        Unit::Money
    };
    let mut cell = CellValue {
        value,
        whole: measure.is_count(),
    };
    let (changed, problem) = NumberInput::new(fields, id, &mut cell, unit)
        .named(Name::Text(name))
        .width(width)
        .refusing(|c: CellValue| refuse(c.value))
        .show(ui);
    if changed {
        set(cell.value);
    }
    problem
}

/// A row of sums, in bold for the month; beside a week's label, its goal.
fn total_row(
    row: &mut egui_extras::TableRow<'_, '_>,
    label: &str,
    goal: Option<String>,
    sum: &Totals,
    n: NumberStyle,
    week: bool,
) {
    let text = |s: String| {
        let text = RichText::new(s);
        if week { text.italics() } else { text.strong() }
    };
    row.col(|ui| {
        ui.label(text(label.to_owned()));
    });
    row.col(|ui| {
        if let Some(goal) = goal {
            ui.label(text(goal));
        }
    });
    for measure in Measure::ALL {
        row.col(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let value = sum.get(measure);
                let shown = if measure.is_count() {
                    n.decimal(value, 0)
                } else {
                    n.decimal(value, 2)
                };
                ui.label(text(shown));
            });
        });
    }
}

/// The width of the longest word of a column header, in the header's strong text.
fn longest_word(ui: &Ui, header: &str) -> f32 {
    header
        .split_whitespace()
        .map(|word| {
            egui::WidgetText::from(RichText::new(word).strong())
                .into_galley(
                    ui,
                    Some(egui::TextWrapMode::Extend),
                    f32::INFINITY,
                    egui::TextStyle::Body,
                )
                .size()
                .x
        })
        .fold(0.0, f32::max)
        + 8.0
}

/// Applies a block pasted into a focused cell: tab-separated columns, one line per row, filled
/// from the focused cell to the right and down over the editable rows. Every value is read
/// first; one that does not read refuses the whole paste with its position, so a paste is never
/// half applied. A blank cell in the block empties its target, as in a spreadsheet. A single
/// value without tab or line break is left to the cell itself.
fn paste(
    ui: &mut Ui,
    fields: &Fields<'_>,
    actuals: &mut Actuals,
    day_rows: &[(NaiveDate, &str)],
    focus_key: Id,
    context: GridContext<'_>,
) -> Option<Result<String, String>> {
    let focused: FocusedCell = ui.data(|d| d.get_temp(focus_key))?;
    if !ui.memory(|m| m.has_focus(focused.id)) {
        return None;
    }
    let block = ui.input(|i| {
        i.events.iter().find_map(|event| match event {
            Event::Paste(text) if text.contains(['\t', '\n']) => Some(text.clone()),
            _ => None,
        })
    })?;
    ui.input_mut(|i| i.events.retain(|e| !matches!(e, Event::Paste(_))));
    let t = fields.language.text();
    if !fields.enabled {
        return None;
    }
    let n = fields.language.numbers();
    let mut changes = Vec::new();
    for (line_index, line) in block.trim_end_matches(['\r', '\n']).lines().enumerate() {
        for (column_index, text) in line.trim_end_matches('\r').split('\t').enumerate() {
            let text = text.trim();
            let row = focused.row + line_index;
            let column = focused.column + column_index;
            let (Some(&(date, source)), Some(&measure)) =
                (day_rows.get(row), Measure::ALL.get(column))
            else {
                return Some(Err(t.paste_too_big.to_owned()));
            };
            let value = if text.is_empty() {
                Ok(0.0)
            } else {
                n.read(text, if measure.is_count() { Some(0) } else { Some(2) })
            };
            match value {
                Ok(v) if v >= 0.0 && (measure == Measure::Revenue || v <= f64::from(u32::MAX)) => {
                    changes.push((date, source, measure, v));
                }
                _ => {
                    return Some(Err(fill(
                        t.paste_bad_value,
                        &[
                            ("line", &(line_index + 1).to_string()),
                            ("column", &(column_index + 1).to_string()),
                            ("text", text),
                        ],
                    )));
                }
            }
        }
    }
    let count = changes.len();
    let mut pasted = actuals.clone();
    for &(date, source, measure, value) in &changes {
        pasted.set(date, source, measure, value);
    }
    for &(date, source, _, _) in &changes {
        let problem = pasted.get(date, source).and_then(SourceDay::impossible);
        if let Some(problem) = problem {
            let field = measure_name(fields.language, problem.measure(), context.minimum_attempts);
            return Some(Err(fill(
                t.paste_impossible,
                &[
                    ("day", &fields.language.day(date)),
                    (
                        "source",
                        &source_label(fields.language, source, context.plan_sources),
                    ),
                    ("problem", &problem.describe(fields.language, &field)),
                ],
            )));
        }
    }
    *actuals = pasted;
    // The paste is its own undo step, not part of typing in the focused cell.
    ui.memory_mut(|m| m.surrender_focus(focused.id));
    Some(Ok(fill(t.paste_done, &[("count", &count.to_string())])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_has_every_day_per_source_and_a_total_per_week() {
        let january = YearMonth::new(2027, 1).unwrap_or_else(|| unreachable!());
        let rows = grid_rows(january, &["A".into(), "B".into()], |_| false);
        let days = rows
            .iter()
            .filter(|r| matches!(r, GridRow::Day { .. }))
            .count();
        assert_eq!(days, 62);
        let weeks: Vec<_> = rows
            .iter()
            .filter_map(|r| match r {
                GridRow::Week { week, from, to } => Some((*week, from.day(), to.day())),
                _ => None,
            })
            .collect();
        // 1 January 2027 is a Friday in ISO week 53 of 2026.
        assert_eq!(
            weeks,
            [
                (53, 1, 3),
                (1, 4, 10),
                (2, 11, 17),
                (3, 18, 24),
                (4, 25, 31)
            ]
        );
        assert_eq!(rows.last(), Some(&GridRow::Month));
    }

    #[test]
    fn a_run_of_folded_days_is_one_row_and_a_week_of_them_has_no_total() {
        let january = YearMonth::new(2027, 1).unwrap_or_else(|| unreachable!());
        let closed = |d: NaiveDate| d.weekday().number_from_monday() > 5 || d.day() == 1;
        let rows = grid_rows(january, &["A".into()], closed);
        let day = |d: i64| january.first_day() + Duration::days(d - 1);
        let a_day = |d| GridRow::Day {
            date: day(d),
            source: "A".into(),
        };
        assert_eq!(
            rows[..8],
            [
                GridRow::Folded {
                    from: day(1),
                    to: day(3)
                },
                a_day(4),
                a_day(5),
                a_day(6),
                a_day(7),
                a_day(8),
                GridRow::Folded {
                    from: day(9),
                    to: day(10)
                },
                GridRow::Week {
                    week: 1,
                    from: day(4),
                    to: day(10)
                },
            ],
            "no total for week 53, whose days are all folded"
        );
        assert_eq!(
            rows.iter()
                .filter(|r| matches!(r, GridRow::Day { .. }))
                .count(),
            20,
            "the 20 working days of January 2027 after New Year's Day"
        );
    }

    #[test]
    fn a_source_the_plan_does_not_know_gets_rows_too() {
        let january = YearMonth::new(2027, 1).unwrap_or_else(|| unreachable!());
        let mut actuals = Actuals::default();
        let day = january.first_day() + Duration::days(3);
        actuals.set(day, "Partner", Measure::Leads, 2.0);
        actuals.set(day, "website", Measure::Leads, 2.0);
        let sources = grid_sources(&["Website".into()], &actuals, january);
        assert_eq!(sources, ["Website", "Partner"]);
        let sum = total(&actuals, &sources, day, day);
        assert_eq!(sum.leads, 4);
    }
}
