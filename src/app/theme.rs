//! Design tokens: sizes, spacing and chart colours in one place, so panels stay consistent.

use egui::Color32;

/// Width of a number field, enough for "1,000,000,000".
pub const FIELD_WIDTH: f32 = 110.0;
/// Width of a number field in a table row (stages, sources).
pub const TABLE_FIELD_WIDTH: f32 = 56.0;
/// Width of a name field in the stage and source tables.
pub const NAME_WIDTH: f32 = 120.0;
/// Extra height of a result row over its text.
pub const ROW_PADDING: f32 = 6.0;
/// Height of the seasonality bars.
pub const SEASONALITY_HEIGHT: f32 = 70.0;
/// Default width of the scenario list.
pub const SCENARIO_PANEL_WIDTH: f32 = 190.0;
/// Default width of the results panel (numbers and charts).
pub const RESULTS_PANEL_WIDTH: f32 = 420.0;
/// Height of each chart in the results panel.
pub const PLOT_HEIGHT: f32 = 190.0;
/// Space between sections of a panel.
pub const SECTION_SPACE: f32 = 10.0;

/// Colours of chart series on a dark background: leads, customers, revenue, value. Chosen to
/// stay distinct for the common colour-vision deficiencies.
const SERIES_DARK: [Color32; 4] = [
    Color32::from_rgb(0x4C, 0x95, 0xD9),
    Color32::from_rgb(0xE8, 0x95, 0x2B),
    Color32::from_rgb(0x3C, 0xB3, 0x7D),
    Color32::from_rgb(0xC8, 0x62, 0xAE),
];

/// The same hues, deeper, so bars stand out on a light background.
const SERIES_LIGHT: [Color32; 4] = [
    Color32::from_rgb(0x1F, 0x5F, 0xA8),
    Color32::from_rgb(0xC0, 0x65, 0x00),
    Color32::from_rgb(0x1A, 0x7A, 0x4C),
    Color32::from_rgb(0x96, 0x2D, 0x7D),
];

/// The colour of chart series `index` (cycling) for the theme in use.
pub fn series_color(dark_mode: bool, index: usize) -> Color32 {
    let series = if dark_mode {
        &SERIES_DARK
    } else {
        &SERIES_LIGHT
    };
    series[index % series.len()]
}

/// "On track" and "target met": the green of the series, readable as text on either theme.
pub fn good_color(dark_mode: bool) -> Color32 {
    series_color(dark_mode, 2)
}

/// The light theme with inputs that stand out: white fields with a visible border on a grey
/// panel (egui's default puts white fields on a near-white panel).
pub fn light_visuals() -> egui::Visuals {
    let mut visuals = egui::Visuals::light();
    visuals.panel_fill = Color32::from_gray(236);
    visuals.window_fill = Color32::from_gray(244);
    visuals.faint_bg_color = Color32::from_gray(228);
    visuals.extreme_bg_color = Color32::WHITE;
    visuals.text_edit_bg_color = Some(Color32::WHITE);
    visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, Color32::from_gray(150));
    visuals.widgets.noninteractive.bg_stroke = egui::Stroke::new(1.0, Color32::from_gray(190));
    visuals.selection.bg_fill = Color32::from_rgb(0x2B, 0x6C, 0xB0);
    visuals.selection.stroke = egui::Stroke::new(1.0, Color32::WHITE);
    visuals
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative luminance contrast (WCAG) between two colours.
    fn contrast(a: Color32, b: Color32) -> f32 {
        let luminance = |c: Color32| {
            let channel = |v: u8| {
                let v = f32::from(v) / 255.0;
                if v <= 0.03928 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
        };
        let (l1, l2) = (luminance(a), luminance(b));
        (l1.max(l2) + 0.05) / (l1.min(l2) + 0.05)
    }

    #[test]
    fn light_inputs_stand_out_from_the_panel_and_bars_from_the_background() {
        let light = light_visuals();
        let field = light.text_edit_bg_color();
        // egui's own light theme: white fields on a near-white panel (contrast ≈ 1.05).
        assert!(contrast(field, light.panel_fill) > 1.15);
        assert!(contrast(light.widgets.inactive.bg_stroke.color, field) > 2.5);
        for i in 0..4 {
            assert!(
                contrast(series_color(false, i), light.extreme_bg_color) >= 3.0,
                "{i}"
            );
            let dark = egui::Visuals::dark();
            assert!(
                contrast(series_color(true, i), dark.extreme_bg_color) >= 3.0,
                "{i}"
            );
        }
        // Selected text stays readable on the selection colour.
        assert!(contrast(light.selection.stroke.color, light.selection.bg_fill) >= 4.5);
    }
}
