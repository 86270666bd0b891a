//! "Will we make it?" on the Report tab: the report's forecast table
//! (`report::forecast_table`) in a grid, each chance in the colour of its state.

use egui::{Grid, RichText, Ui};

use super::super::charts;
use crate::report::{ForecastRow, ForecastTable};

/// Will we make it? The report's forecast table (`report::forecast_table`): per span the
/// chance in words and as a number, the 80 % range and the chance of flooding the reps, each
/// in the colour of its state; hovering a name shows the model and its inputs.
pub(super) fn forecast_panel(ui: &mut Ui, table: &ForecastTable) {
    ui.add_space(8.0);
    ui.label(RichText::new(table.heading).strong());
    Grid::new("status forecast")
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            for header in table.columns {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for row in &table.rows {
                forecast_row(ui, row);
                ui.end_row();
            }
        });
    ui.label(RichText::new(table.explain).weak());
}

/// One row of the forecast table; a span without a forecast has only the sentence why.
fn forecast_row(ui: &mut Ui, row: &ForecastRow) {
    let label = ui.label(RichText::new(&row.name).strong());
    if let Some(model) = &row.model {
        label.on_hover_text(model);
    }
    let Some(state) = row.state else {
        ui.label(&row.chance);
        return;
    };
    ui.label(
        RichText::new(&row.chance)
            .color(charts::state_colour(ui, state))
            .strong(),
    );
    ui.label(&row.range);
    let flood = match row.flood_state {
        Some(state) => charts::state_colour(ui, state),
        None => ui.visuals().text_color(),
    };
    ui.label(RichText::new(&row.flood).color(flood));
}
