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

/// Colours of chart series: leads, customers, revenue, value. Chosen to stay distinct for the
/// common colour-vision deficiencies and readable on light and dark backgrounds.
const SERIES: [Color32; 4] = [
    Color32::from_rgb(0x3B, 0x82, 0xC4),
    Color32::from_rgb(0xE0, 0x8A, 0x1E),
    Color32::from_rgb(0x2E, 0x9E, 0x6B),
    Color32::from_rgb(0xB5, 0x4B, 0x9A),
];

/// The colour of chart series `index` (cycling).
pub fn series_color(index: usize) -> Color32 {
    SERIES[index % SERIES.len()]
}
