//! The app's own widgets: number fields with unit and range message, result rows and the
//! seasonality bar editor. Every one has an accessible name (kittest checks it; screen readers
//! need it).

use egui::{Id, Response, RichText, Sense, TextEdit, Ui, WidgetInfo, accesskit::Role};

use crate::i18n::{Language, NumberStyle, Text, format::currency_symbol};
use crate::plan::Unit;

use super::theme;

/// What the number fields of one frame share.
#[derive(Debug)]
pub struct Fields<'a> {
    pub language: Language,
    pub currency: &'a str,
    /// Bumped when the document changes under the fields (undo, open, another scenario), so
    /// half-typed text of the old document is dropped.
    pub generation: u64,
    /// Read-only documents show values but take no edits.
    pub enabled: bool,
}

/// A value a number field edits: shown and parsed in the user's number style.
pub trait FieldValue: Copy + PartialEq {
    fn show(self, numbers: NumberStyle) -> String;
    fn parse(text: &str, numbers: NumberStyle) -> Option<Self>;
    /// The message for text that does not parse.
    fn invalid(t: &Text) -> &'static str;
}

impl FieldValue for f64 {
    fn show(self, numbers: NumberStyle) -> String {
        numbers.decimal(self, 4)
    }

    fn parse(text: &str, numbers: NumberStyle) -> Option<Self> {
        numbers.parse(text)
    }

    fn invalid(t: &Text) -> &'static str {
        t.type_a_number
    }
}

impl FieldValue for u32 {
    fn show(self, _: NumberStyle) -> String {
        self.to_string()
    }

    fn parse(text: &str, numbers: NumberStyle) -> Option<Self> {
        let number = numbers.parse(text)?;
        let whole = number.fract() == 0.0 && (0.0..=f64::from(Self::MAX)).contains(&number);
        whole.then_some(number as Self)
    }

    fn invalid(t: &Text) -> &'static str {
        t.type_a_whole_number
    }
}

/// Text being typed into a field whose value lives in the document. It is kept while the field
/// is edited, so half-typed or invalid text stays on screen, and dropped when the field loses
/// focus or the document changes under it (`generation`); then the field shows the document.
#[derive(Clone, Copy, Debug)]
pub struct EditBuffer {
    id: Id,
}

impl EditBuffer {
    pub fn new(field: Id, generation: u64) -> Self {
        Self {
            id: field.with(generation),
        }
    }

    /// The text being typed, if the user is editing the field.
    pub fn text(self, ui: &Ui) -> Option<String> {
        ui.data(|d| d.get_temp::<String>(self.id))
    }

    /// Keeps `text` after a change and forgets it once the field loses focus.
    pub fn update(self, ui: &Ui, response: &Response, text: &str) {
        if response.changed() {
            ui.data_mut(|d| d.insert_temp(self.id, text.to_owned()));
        }
        if response.lost_focus() {
            ui.data_mut(|d| d.remove::<String>(self.id));
        }
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
/// applied (and flagged by the caller); text that does not parse is not applied. Returns
/// `(changed, invalid_text)`.
pub fn number_input<V: FieldValue>(
    ui: &mut Ui,
    fields: &Fields<'_>,
    id: Id,
    name: Name<'_>,
    value: &mut V,
    unit: Unit,
    width: f32,
) -> (bool, bool) {
    let mut changed = false;
    let mut invalid = false;
    ui.horizontal(|ui| {
        let n = fields.language.numbers();
        let buffer = EditBuffer::new(id, fields.generation);
        let typed = buffer.text(ui);
        let editing = typed.is_some();
        let mut text = typed.unwrap_or_else(|| value.show(n));
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
        let parsed = V::parse(&text, n);
        if response.changed()
            && let Some(parsed) = parsed.filter(|p| p != value)
        {
            *value = parsed;
            changed = true;
        }
        invalid = (editing || response.changed()) && parsed.is_none();
        buffer.update(ui, &response, &text);
        let suffix = unit_suffix(fields.language, unit);
        if !suffix.is_empty() {
            ui.label(suffix);
        }
    });
    (changed, invalid)
}

/// A labelled number field as a 3-column grid row: label | input and unit | message.
/// Returns true when `value` changed.
pub fn number_field<V: FieldValue>(
    ui: &mut Ui,
    fields: &Fields<'_>,
    label: &str,
    hint: Option<&str>,
    value: &mut V,
    unit: Unit,
    problem: Option<String>,
) -> bool {
    let label_response = ui.label(label);
    if let Some(hint) = hint {
        label_response.clone().on_hover_text(hint);
    }
    let id = ui.scope_id().with(label);
    let (changed, invalid) = number_input(
        ui,
        fields,
        id,
        Name::LabelledBy(label_response.id),
        value,
        unit,
        theme::FIELD_WIDTH,
    );
    let message = if invalid {
        Some(V::invalid(fields.language.text()).to_owned())
    } else {
        problem
    };
    message_cell(ui, message.as_deref());
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

/// One result: name on the left, value right-aligned, as one accessible list item whose label
/// is the name and whose value is the value (so a screen reader says "Leads needed, 480").
pub fn result_row(ui: &mut Ui, name: &str, value: &str, strong: bool, tooltip: &str) -> Response {
    let height = ui.text_style_height(&egui::TextStyle::Body) + theme::ROW_PADDING;
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), height), Sense::hover());
    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        let name_color = visuals.text_color();
        let value_color = if strong {
            visuals.strong_text_color()
        } else {
            visuals.text_color()
        };
        let font = egui::TextStyle::Body.resolve(ui.style());
        let value_font = if strong {
            egui::FontId::new(font.size + 1.0, font.family.clone())
        } else {
            font.clone()
        };
        let painter = ui.painter();
        painter.text(
            rect.left_center(),
            egui::Align2::LEFT_CENTER,
            name,
            font,
            name_color,
        );
        painter.text(
            rect.right_center(),
            egui::Align2::RIGHT_CENTER,
            value,
            value_font,
            value_color,
        );
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

/// A bar per month whose height is the month's seasonality weight: drag a bar (or focus it and
/// press ↑/↓) to change it. Returns true when a weight changed.
pub fn seasonality_bars(
    ui: &mut Ui,
    weights: &mut [f64],
    labels: &[String],
    accessible_names: &[String],
    enabled: bool,
) -> bool {
    const MAX_WEIGHT: f64 = 2.0;
    const STEP: f64 = 0.1;
    let mut changed = false;
    let count = weights.len().max(1) as f32;
    let spacing = ui.spacing().item_spacing.x;
    let width = ((ui.available_width() - spacing * (count - 1.0)) / count).clamp(14.0, 48.0);
    let total: f64 = weights.iter().sum();
    ui.horizontal(|ui| {
        for (i, weight) in weights.iter_mut().enumerate() {
            ui.vertical(|ui| {
                let sense = if enabled {
                    Sense::click_and_drag()
                } else {
                    Sense::hover()
                };
                let (rect, response) =
                    ui.allocate_exact_size(egui::vec2(width, theme::SEASONALITY_HEIGHT), sense);
                if let Some(pointer) = response.interact_pointer_pos() {
                    let fraction = f64::from((rect.bottom() - pointer.y) / rect.height());
                    let new = (fraction * MAX_WEIGHT).clamp(0.0, MAX_WEIGHT);
                    let new = (new * 20.0).round() / 20.0;
                    if new.to_bits() != weight.to_bits() {
                        *weight = new;
                        changed = true;
                    }
                }
                if response.has_focus() {
                    let (up, down) = ui.input(|i| {
                        (
                            i.key_pressed(egui::Key::ArrowUp),
                            i.key_pressed(egui::Key::ArrowDown),
                        )
                    });
                    if up || down {
                        let delta = if up { STEP } else { -STEP };
                        *weight = ((*weight + delta) * 10.0)
                            .round()
                            .clamp(0.0, 10.0 * MAX_WEIGHT)
                            / 10.0;
                        changed = true;
                    }
                }
                let painter = ui.painter();
                let visuals = ui.visuals();
                painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
                let fraction = (*weight / MAX_WEIGHT).clamp(0.0, 1.0) as f32;
                let mut bar = rect;
                bar.set_top(rect.bottom() - rect.height() * fraction);
                let color = if response.hovered() || response.has_focus() {
                    visuals.selection.bg_fill
                } else {
                    theme::series_color(0)
                };
                painter.rect_filled(bar, 2.0, color);
                let share = if total > 0.0 {
                    *weight / total * 100.0
                } else {
                    0.0
                };
                let name = accessible_names.get(i).map_or("", String::as_str);
                let value_text = format!("{weight:.2} ({share:.1}%)");
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
    changed
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
