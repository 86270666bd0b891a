//! The app's own widgets: number fields with unit and range message, result rows and the
//! seasonality bar editor. Every one has an accessible name (kittest checks it; screen readers
//! need it).

use egui::text::{CCursor, CCursorRange};
use egui::{Id, Response, RichText, Sense, TextEdit, Ui, WidgetInfo, accesskit::Role};

use super::document_memory;
use crate::document::ScenarioId;
use crate::i18n::format::{Misread, currency_symbol};
use crate::i18n::{Language, NumberStyle, Text, fill};
use crate::plan::Unit;

use super::theme;

/// What the number fields of one frame share.
#[derive(Clone, Copy, Debug)]
pub struct Fields<'a> {
    pub language: Language,
    pub currency: &'a str,
    /// The scenario the fields edit (or the agreed plan, for the document's own fields): each
    /// keeps its own half-typed text.
    pub scenario: ScenarioId,
    /// Read-only documents show values but take no edits.
    pub enabled: bool,
}

impl Fields<'_> {
    /// The same fields, disabled unless `in_force` (inputs the chosen basis does not use).
    pub fn enabled_if(&self, in_force: bool) -> Self {
        Self {
            enabled: self.enabled && in_force,
            ..*self
        }
    }
}

/// A value a number field edits: shown and read in the user's number style.
pub trait FieldValue: Copy + PartialEq + Send + Sync + 'static {
    fn show(self, numbers: NumberStyle, unit: Unit) -> String;
    /// The value of the whole text, or why it is not one (see [`NumberStyle::read`]).
    fn read(text: &str, numbers: NumberStyle, unit: Unit) -> Result<Self, Misread>;
    /// The message for text that does not read and suggests nothing.
    fn invalid(t: &Text) -> &'static str;
}

/// Money has cents; every other unit takes the decimals it is given.
fn max_decimals(unit: Unit) -> Option<usize> {
    (unit == Unit::Money).then_some(2)
}

impl FieldValue for f64 {
    fn show(self, numbers: NumberStyle, unit: Unit) -> String {
        numbers.decimal(self, max_decimals(unit).unwrap_or(4))
    }

    fn read(text: &str, numbers: NumberStyle, unit: Unit) -> Result<Self, Misread> {
        numbers.read(text, max_decimals(unit))
    }

    fn invalid(t: &Text) -> &'static str {
        t.type_a_number
    }
}

impl FieldValue for u32 {
    fn show(self, _: NumberStyle, _: Unit) -> String {
        self.to_string()
    }

    fn read(text: &str, numbers: NumberStyle, _: Unit) -> Result<Self, Misread> {
        let whole = |n: &f64| n.fract() == 0.0 && (0.0..=f64::from(Self::MAX)).contains(n);
        match numbers.read(text, Some(0)) {
            Ok(number) if whole(&number) => Ok(number as Self),
            Ok(_) => Err(Misread::suggesting(None)),
            Err(misread) => Err(Misread {
                suggestion: misread.suggestion.filter(whole),
                ..misread
            }),
        }
    }

    fn invalid(t: &Text) -> &'static str {
        t.type_a_whole_number
    }
}

/// The message beside a field whose text does not read: "Did you mean 1.5?" when the other
/// convention reads it, else what to type.
pub fn misread_message<V: FieldValue>(language: Language, misread: Misread) -> String {
    let t = language.text();
    let n = language.numbers();
    match (misread.suggestion, misread.as_typed) {
        (Some(meant), Some(as_typed)) => fill(
            t.did_you_mean_or,
            &[
                ("value", &n.decimal(meant, 6)),
                ("typed", &n.decimal(as_typed, 6)),
                ("unambiguous", &n.unambiguous(as_typed)),
            ],
        ),
        (Some(meant), None) => fill(t.did_you_mean, &[("value", &n.decimal(meant, 6))]),
        (None, _) => V::invalid(t).to_owned(),
    }
}

/// Text being typed into a field whose value lives in the document. It is kept while the field
/// is edited, so half-typed or invalid text stays on screen, and dropped when the field loses
/// focus with valid text or the document is replaced under it (undo, open: see
/// [`document_memory`](super::document_memory)); then the field shows the document. Invalid text
/// stays after the field loses focus, with its message, so the user sees that it was refused.
/// Each scenario has its own: choosing another scenario never shows one's text in the other's
/// field.
#[derive(Clone, Copy, Debug)]
pub struct EditBuffer {
    id: Id,
}

impl EditBuffer {
    pub fn new(field: Id, scenario: ScenarioId) -> Self {
        Self {
            id: field.with(scenario),
        }
    }

    /// The text being typed, if the user is editing the field.
    pub fn text(self, ui: &Ui) -> Option<String> {
        document_memory::recall(ui.ctx(), self.id)
    }

    /// The value the field held before the user started typing: what stays in force while the
    /// typed text does not read.
    pub fn original<V: FieldValue>(self, ui: &Ui, current: V) -> V {
        let id = self.id.with("original");
        document_memory::recall(ui.ctx(), id).unwrap_or_else(|| {
            document_memory::remember(ui.ctx(), id, current);
            current
        })
    }

    /// Keeps `text` after a change and forgets it once the field loses focus with `valid` text.
    /// Returns true when the edit is over.
    pub fn update(self, ui: &Ui, response: &Response, text: &str, valid: bool) -> bool {
        if response.changed() {
            document_memory::remember(ui.ctx(), self.id, text.to_owned());
        }
        let over = response.lost_focus() && valid;
        if over {
            document_memory::forget::<String>(ui.ctx(), self.id);
        }
        over
    }

    /// Forgets the value from before the edit, once the edit is over.
    pub fn forget_original<V: FieldValue>(self, ui: &Ui) {
        document_memory::forget::<V>(ui.ctx(), self.id.with("original"));
    }
}

/// Selects all text of a field that just got keyboard focus, so typing replaces the value.
pub fn select_all_on_focus(ui: &Ui, response: &Response, text: &str) {
    if response.gained_focus() {
        select_all_now(ui, response, text);
    }
}

/// Selects all text of a field.
pub fn select_all_now(ui: &Ui, response: &Response, text: &str) {
    if let Some(mut state) = TextEdit::load_state(ui.ctx(), response.id) {
        let all = CCursorRange::two(CCursor::new(0), CCursor::new(text.chars().count()));
        state.cursor.set_char_range(Some(all));
        state.store(ui.ctx(), response.id);
    }
}

/// How an input gets its accessible name.
#[derive(Clone, Copy, Debug)]
pub enum Name<'a> {
    /// From a visible label beside it.
    LabelledBy(Id),
    /// From a text, for inputs in a table whose header names the column for the eye.
    Text(&'a str),
}

/// A number input: currency symbol, right-aligned text field, unit. Out-of-range values are
/// applied (and flagged by the caller); text that does not read leaves the value from before
/// the edit in force. Returns `(changed, message for text that does not read)`.
pub fn number_input<V: FieldValue>(
    ui: &mut Ui,
    fields: &Fields<'_>,
    id: Id,
    name: Name<'_>,
    value: &mut V,
    unit: Unit,
    width: f32,
) -> (bool, Option<String>) {
    number_input_checked(ui, fields, id, name, value, unit, width, |_| None)
}

/// A [`number_input`] whose value must also pass `refuse` (which returns why a value cannot
/// be, e.g. more contacted in time than the day's leads): a refused value is treated like text
/// that does not read — not applied, its text kept on screen with the message.
#[expect(
    clippy::too_many_arguments,
    reason = "number_input's arguments and the one check"
)]
pub fn number_input_checked<V: FieldValue>(
    ui: &mut Ui,
    fields: &Fields<'_>,
    id: Id,
    name: Name<'_>,
    value: &mut V,
    unit: Unit,
    width: f32,
    refuse: impl Fn(V) -> Option<String>,
) -> (bool, Option<String>) {
    let mut changed = false;
    let mut message = None;
    ui.horizontal(|ui| {
        let n = fields.language.numbers();
        let buffer = EditBuffer::new(id, fields.scenario);
        let typed = buffer.text(ui);
        let editing = typed.is_some();
        let mut text = typed.unwrap_or_else(|| value.show(n, unit));
        if unit == Unit::Money {
            ui.label(currency_symbol(fields.currency).unwrap_or(fields.currency));
        }
        let response = ui.add_enabled(
            fields.enabled,
            TextEdit::singleline(&mut text)
                .id(id)
                .desired_width(width)
                .min_size(egui::vec2(width, 0.0))
                .align(egui::Align2::RIGHT_CENTER),
        );
        let response = match name {
            Name::LabelledBy(label) => response.labelled_by(label),
            Name::Text(label) => name_text_input(response, fields.enabled, label),
        };
        select_all_on_focus(ui, &response, &text);
        let read = V::read(&text, n, unit);
        let refused = read.as_ref().ok().and_then(|v| refuse(*v));
        if response.changed() {
            let original = buffer.original(ui, *value);
            let new = match read {
                Ok(new) if refused.is_none() => new,
                _ => original,
            };
            if new != *value {
                *value = new;
                changed = true;
            }
        }
        if editing || response.changed() {
            message = match read {
                Err(misread) => Some(misread_message::<V>(fields.language, misread)),
                Ok(_) => refused,
            };
        }
        if buffer.update(ui, &response, &text, message.is_none()) {
            buffer.forget_original::<V>(ui);
        }
        let suffix = unit_suffix(fields.language, unit);
        if !suffix.is_empty() {
            ui.label(suffix);
        }
    });
    (changed, message)
}

/// How a form field is named: a stable key for egui (never the translated label, so half-typed
/// text survives a change of language), the label the user reads and an optional hint.
#[derive(Clone, Copy, Debug)]
pub struct FieldLabel<'a> {
    key: &'a str,
    text: &'a str,
    hint: Option<&'a str>,
}

impl<'a> FieldLabel<'a> {
    pub fn new(key: &'a str, text: &'a str) -> Self {
        Self {
            key,
            text,
            hint: None,
        }
    }

    /// A hint shown when the label is hovered.
    pub fn hint(self, hint: &'a str) -> Self {
        Self {
            hint: Some(hint),
            ..self
        }
    }
}

/// A labelled number field as a 3-column grid row: label | input and unit | message.
/// Returns true when `value` changed.
pub fn number_field<V: FieldValue>(
    ui: &mut Ui,
    fields: &Fields<'_>,
    label: FieldLabel<'_>,
    value: &mut V,
    unit: Unit,
    problem: Option<String>,
) -> bool {
    number_field_with_note(ui, fields, label, value, unit, problem.map(Note::Problem))
}

/// What stands beside a field.
#[derive(Clone, Debug)]
pub enum Note {
    /// Something wrong with the value (red, with ⚠).
    Problem(String),
    /// Information, e.g. which value is in force instead (quiet).
    Info(String),
    /// An allowed value that is unlikely for its kind (orange, with ⚠): a warning that does
    /// not block, e.g. a deal size under €100.
    Unusual(String),
}

/// [`number_field`] with any kind of note beside it.
pub fn number_field_with_note<V: FieldValue>(
    ui: &mut Ui,
    fields: &Fields<'_>,
    label: FieldLabel<'_>,
    value: &mut V,
    unit: Unit,
    note: Option<Note>,
) -> bool {
    let label_response = ui.label(label.text);
    if let Some(hint) = label.hint {
        label_response.clone().on_hover_text(hint);
    }
    let id = ui.scope_id().with(label.key);
    let (info, problem, unusual) = match note {
        Some(Note::Info(info)) => (Some(info), None, None),
        Some(Note::Problem(problem)) => (None, Some(problem), None),
        Some(Note::Unusual(unusual)) => (None, None, Some(unusual)),
        None => (None, None, None),
    };
    // Information goes right beside the value it is about; problems in the message column.
    let (changed, misread) = ui
        .horizontal(|ui| {
            let result = number_input(
                ui,
                fields,
                id,
                Name::LabelledBy(label_response.id),
                value,
                unit,
                theme::FIELD_WIDTH,
            );
            if let Some(info) = &info {
                ui.label(RichText::new(info).weak());
            }
            result
        })
        .inner;
    match (misread.or(problem), unusual) {
        (None, Some(unusual)) => unusual_cell(ui, &unusual),
        (message, _) => message_cell(ui, message.as_deref()),
    }
    ui.end_row();
    changed
}

/// The unit written after a field: "%", "months", "hours", "days".
fn unit_suffix(language: Language, unit: Unit) -> &'static str {
    let t = language.text();
    match unit {
        Unit::Percent => "%",
        Unit::Months => t.unit_months,
        Unit::Hours => t.unit_hours,
        Unit::Days => t.unit_days,
        Unit::Money | Unit::Plain => "",
    }
}

/// A validation message beside a field, or an empty cell.
pub fn message_cell(ui: &mut Ui, message: Option<&str>) {
    match message {
        Some(message) => {
            ui.label(RichText::new(format!("⚠ {message}")).color(ui.visuals().error_fg_color));
        }
        None => {
            ui.label("");
        }
    }
}

/// A question about an allowed but unusual value, in the message column: orange, not red,
/// because nothing is refused.
pub fn unusual_cell(ui: &mut Ui, question: &str) {
    ui.label(RichText::new(format!("⚠ {question}")).color(ui.visuals().warn_fg_color));
}

/// One result: name on the left, value right-aligned, as one accessible list item whose label
/// is the name and whose value is the value (so a screen reader says "Leads needed, 480"). When
/// both do not fit on one line (a narrow panel, zoomed in), the value goes on a line of its own.
pub fn result_row(ui: &mut Ui, name: &str, value: &str, strong: bool, tooltip: &str) -> Response {
    let visuals = ui.visuals();
    let value_color = if strong {
        visuals.strong_text_color()
    } else {
        visuals.text_color()
    };
    let name_color = visuals.text_color();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let value_font = if strong {
        egui::FontId::new(font.size + 1.0, font.family.clone())
    } else {
        font.clone()
    };
    let name_galley = ui
        .painter()
        .layout_no_wrap(name.to_owned(), font, name_color);
    let value_galley = ui
        .painter()
        .layout_no_wrap(value.to_owned(), value_font, value_color);
    let width = ui.available_width();
    let line = ui.text_style_height(&egui::TextStyle::Body) + theme::ROW_PADDING;
    let gap = ui.spacing().item_spacing.x * 2.0;
    let one_line = name_galley.size().x + gap + value_galley.size().x <= width;
    let height = if one_line { line } else { line * 2.0 };
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::hover());
    if ui.is_rect_visible(rect) {
        let (name_rect, value_rect) = if one_line {
            (rect, rect)
        } else {
            rect.split_top_bottom_at_fraction(0.5)
        };
        let name_pos = name_rect.left_center() - egui::vec2(0.0, name_galley.size().y / 2.0);
        let value_pos = value_rect.right_center()
            - egui::vec2(value_galley.size().x, value_galley.size().y / 2.0);
        let painter = ui.painter();
        painter.galley(name_pos, name_galley, name_color);
        painter.galley(value_pos, value_galley, value_color);
    }
    response.widget_info(|| {
        let mut info = WidgetInfo::labeled(Role::ListItem, true, name);
        info.current_text_value = Some(value.to_owned());
        info
    });
    if tooltip.is_empty() {
        response
    } else {
        response.on_hover_text(tooltip)
    }
}

/// A bar per month whose height is the month's seasonality weight. Dragging a bar moves its
/// weight by 0.01 per pixel (0.001 with Shift), relative to where the drag started, so a bar
/// never jumps to the pointer; a focused bar takes ↑/↓ in steps of 0.1 and keeps the focus.
/// While a bar is dragged or focused, each month's share of the year is written above it.
/// Returns true when a weight changed.
pub fn seasonality_bars(
    ui: &mut Ui,
    weights: &mut [f64],
    labels: &[String],
    accessible_names: &[String],
    numbers: NumberStyle,
    enabled: bool,
) -> bool {
    let mut changed = false;
    let count = weights.len().max(1) as f32;
    let spacing = ui.spacing().item_spacing.x;
    let width = ((ui.available_width() - spacing * (count - 1.0)) / count).clamp(14.0, 48.0);
    let total: f64 = weights.iter().sum();
    let shares: Vec<f64> = weights
        .iter()
        .map(|w| if total > 0.0 { w / total } else { 0.0 })
        .collect();
    let mut active = false;
    let mut share_rects = Vec::with_capacity(weights.len());
    let small = egui::TextStyle::Small.resolve(ui.style());
    ui.horizontal(|ui| {
        for (i, weight) in weights.iter_mut().enumerate() {
            ui.vertical(|ui| {
                let sense = if enabled {
                    Sense::click_and_drag()
                } else {
                    Sense::hover()
                };
                let share_height = small.size + 2.0;
                let (rect, response) = ui.allocate_exact_size(
                    egui::vec2(width, theme::SEASONALITY_HEIGHT + share_height),
                    sense,
                );
                let (share_rect, rect) = rect.split_top_bottom_at_y(rect.top() + share_height);
                changed |= drag_weight(ui, &response, weight);
                changed |= step_weight(ui, &response, weight);
                active |= response.dragged() || response.has_focus();
                paint_weight_bar(ui, rect, *weight, &response);
                let share = shares.get(i).copied().unwrap_or(0.0);
                share_rects.push(share_rect);
                let name = accessible_names.get(i).map_or("", String::as_str);
                let value_text =
                    format!("{} ({})", numbers.fixed(*weight, 2), numbers.share(share));
                response.widget_info(|| {
                    let mut info = WidgetInfo::labeled(Role::Slider, enabled, name);
                    info.value = Some(*weight);
                    info
                });
                response.on_hover_text(format!("{name}: {value_text}"));
                let label = labels.get(i).map_or("", String::as_str);
                ui.add_sized(
                    egui::vec2(width, 14.0),
                    egui::Label::new(RichText::new(label).small()),
                );
            });
        }
    });
    if active {
        let color = ui.visuals().strong_text_color();
        for (share, rect) in shares.iter().zip(&share_rects) {
            ui.painter().text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                numbers.share(*share),
                small.clone(),
                color,
            );
        }
    }
    changed
}

/// The largest seasonality weight a bar shows (and a drag or key sets).
const MAX_WEIGHT: f64 = 2.0;

/// Drags a seasonality bar: 0.01 per pixel (0.001 with Shift) from the weight the drag
/// started at, rounded to that step. Returns true when the weight changed.
fn drag_weight(ui: &Ui, response: &Response, weight: &mut f64) -> bool {
    const PER_PIXEL: f64 = 0.01;
    let start_id = response.id.with("drag start");
    if response.drag_started() {
        ui.data_mut(|d| d.insert_temp(start_id, *weight));
    }
    let (Some(origin), Some(pointer)) = (
        ui.input(|i| i.pointer.press_origin()),
        response.interact_pointer_pos(),
    ) else {
        return false;
    };
    if !response.dragged() {
        return false;
    }
    let start = ui.data(|d| d.get_temp::<f64>(start_id)).unwrap_or(*weight);
    let fine = ui.input(|i| i.modifiers.shift);
    let (per_pixel, scale) = if fine {
        (PER_PIXEL / 10.0, 1000.0)
    } else {
        (PER_PIXEL, 100.0)
    };
    let moved = f64::from(origin.y - pointer.y) * per_pixel;
    let new = (((start + moved) * scale).round() / scale).clamp(0.0, MAX_WEIGHT);
    let changed = new.to_bits() != weight.to_bits();
    *weight = new;
    changed
}

/// ↑/↓ on a focused seasonality bar: steps of 0.1, and the focus stays on the bar. Returns
/// true when the weight changed.
fn step_weight(ui: &Ui, response: &Response, weight: &mut f64) -> bool {
    const STEP: f64 = 0.1;
    if !response.has_focus() {
        return false;
    }
    // Arrow keys change the weight instead of moving the focus away.
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            response.id,
            egui::EventFilter {
                vertical_arrows: true,
                ..Default::default()
            },
        );
    });
    let (up, down) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::ArrowUp),
            i.key_pressed(egui::Key::ArrowDown),
        )
    });
    if !(up || down) {
        return false;
    }
    let delta = if up { STEP } else { -STEP };
    *weight = ((*weight + delta) * 10.0)
        .round()
        .clamp(0.0, 10.0 * MAX_WEIGHT)
        / 10.0;
    true
}

/// A seasonality bar: its frame, and the weight's part of it filled (highlighted while
/// hovered, focused or dragged).
fn paint_weight_bar(ui: &Ui, rect: egui::Rect, weight: f64, response: &Response) {
    let painter = ui.painter();
    let visuals = ui.visuals();
    painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
    painter.rect_stroke(
        rect,
        2.0,
        visuals.widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Inside,
    );
    let fraction = (weight / MAX_WEIGHT).clamp(0.0, 1.0) as f32;
    let mut bar = rect;
    bar.set_top(rect.bottom() - rect.height() * fraction);
    let color = if response.hovered() || response.has_focus() || response.dragged() {
        visuals.selection.bg_fill
    } else {
        theme::series_color(visuals.dark_mode, 0)
    };
    painter.rect_filled(bar, 2.0, color);
}

/// A number in a table cell, right-aligned so that digits line up.
pub fn number_cell(ui: &mut Ui, text: &str) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.label(text);
    });
}

/// Gives a text input in a table its accessible name (the column header names it for the eye).
fn name_text_input(response: Response, enabled: bool, name: &str) -> Response {
    response.widget_info(|| WidgetInfo::labeled(Role::TextInput, enabled, name));
    response
}

/// A text input for a name in a table row (a stage, a lead source).
pub fn name_input(ui: &mut Ui, fields: &Fields<'_>, id: Id, name: &str, value: &mut String) {
    let response = ui.add_enabled(
        fields.enabled,
        TextEdit::singleline(value)
            .id(id)
            .desired_width(theme::NAME_WIDTH)
            .min_size(egui::vec2(theme::NAME_WIDTH, 0.0)),
    );
    name_text_input(response, fields.enabled, name);
}

/// The header row of a table: one strong label per column.
pub fn header_row(ui: &mut Ui, headers: &[&str]) {
    for header in headers {
        ui.label(RichText::new(*header).strong());
    }
    ui.end_row();
}

/// A row of radio buttons that is one Tab stop, as on every desktop: only the chosen button
/// takes the keyboard focus, and the arrow keys move the choice (and the focus with it) inside
/// the group. egui's own radios are a Tab stop each, so a Tab meant for the next field landed
/// on the next radio and the typed number went into the field after it.
pub fn radio_group<T: PartialEq + Copy>(ui: &mut Ui, value: &mut T, choices: &[(T, &str)]) {
    let chosen = choices.iter().position(|(choice, _)| choice == value);
    let mut ids = Vec::with_capacity(choices.len());
    let mut moved = None;
    for (i, (choice, label)) in choices.iter().enumerate() {
        let checked = Some(i) == chosen;
        let response = group_radio(ui, checked, label);
        if response.clicked() {
            *value = *choice;
        }
        if response.has_focus() {
            // Arrows stay with the group instead of moving the focus away.
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    response.id,
                    egui::EventFilter {
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        ..Default::default()
                    },
                );
            });
            let step = ui.input(|input| {
                let pressed = |key| input.key_pressed(key) && input.modifiers.is_none();
                if pressed(egui::Key::ArrowRight) || pressed(egui::Key::ArrowDown) {
                    Some(1)
                } else if pressed(egui::Key::ArrowLeft) || pressed(egui::Key::ArrowUp) {
                    Some(choices.len() - 1)
                } else {
                    None
                }
            });
            moved = step.map(|step| (i + step) % choices.len());
        }
        ids.push(response.id);
    }
    if let Some(next) = moved
        && ui.is_enabled()
    {
        *value = choices[next].0;
        ui.memory_mut(|m| m.request_focus(ids[next]));
    }
}

/// One radio button of [`radio_group`]: painted as egui's, focusable only when `checked`.
fn group_radio(ui: &mut Ui, checked: bool, label: &str) -> Response {
    let sense = if checked {
        Sense::click()
    } else {
        Sense::CLICK
    };
    let icon = egui::IdSalt::new("group_radio_icon");
    let spacing = ui.spacing();
    let min_size = egui::Vec2::splat(spacing.interact_size.y.max(spacing.icon_width));
    let icon_size = egui::vec2(spacing.icon_width, min_size.y);
    let mut atoms = egui::Atoms::new(label);
    atoms.push_left(egui::Atom::custom(icon, icon_size));
    let mut prepared = egui::WidgetAtom::new(atoms)
        .sense(sense)
        .min_size(min_size)
        .allocate(ui);
    prepared
        .response
        .widget_info(|| WidgetInfo::selected(Role::RadioButton, ui.is_enabled(), checked, label));
    if !ui.is_rect_visible(prepared.response.rect) {
        return prepared.response;
    }
    let visuals = *ui.style().interact(&prepared.response);
    prepared.fallback_text_color = visuals.text_color();
    let painted = prepared.paint(ui);
    if let Some(rect) = painted.rect(icon) {
        let (small, big) = ui.spacing().icon_rectangles(rect);
        let painter = ui.painter();
        painter.add(egui::epaint::CircleShape {
            center: big.center(),
            radius: big.width() * 0.5 + visuals.expansion,
            fill: visuals.bg_fill,
            stroke: visuals.bg_stroke,
        });
        if checked {
            painter.add(egui::epaint::CircleShape {
                center: small.center(),
                radius: small.width() / 3.0,
                fill: visuals.fg_stroke.color,
                stroke: egui::Stroke::NONE,
            });
        }
    }
    painted.response
}
