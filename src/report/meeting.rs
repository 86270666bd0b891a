//! Meeting mode's figures, large on a projector: the same figures the results panel and every
//! export show (`figures`, `resources`), so a budget of sources without a cost per lead says
//! "at least" here too, and the busiest month's utilisation of the sales reps, which decides
//! whether the plan can be followed up at all.

use super::{Cell, Figure, FigureId, figures, resources};
use crate::i18n::Language;
use crate::plan::Plan;

/// What meeting mode shows of a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingFigures {
    /// Customers and leads needed, the two numbers the room agrees on, shown largest.
    pub key: Vec<Figure>,
    /// Leads per month and per working day, the peak utilisation and the budget, where the
    /// plan has them.
    pub rows: Vec<Figure>,
    /// The busiest month needs more follow-up than the reps can give (utilisation above
    /// 100 %): the peak is shown as a miss, with the plan's warning below.
    pub over_capacity: bool,
}

/// The figures of `plan` for meeting mode, in the order it shows them.
pub fn meeting_figures(plan: &Plan, language: Language) -> MeetingFigures {
    use FigureId as F;
    let mut all = figures(plan, language);
    all.extend(resources(plan, language));
    let mut peak = plan.capacity.as_ref().map(|capacity| Figure {
        id: F::PeakUtilisation,
        label: language.text().whatif_peak_utilisation.to_owned(),
        value: Cell::Share(capacity.peak_utilisation),
    });
    let mut take = |id: FigureId| {
        if id == F::PeakUtilisation {
            return peak.take();
        }
        all.iter().position(|f| f.id == id).map(|i| all.remove(i))
    };
    let mut pick =
        |ids: &[FigureId]| -> Vec<Figure> { ids.iter().filter_map(|id| take(*id)).collect() };
    MeetingFigures {
        key: pick(&[F::Customers, F::Leads]),
        rows: pick(&[
            F::LeadsPerMonth,
            F::LeadsPerWorkingDay,
            F::PeakUtilisation,
            F::Budget,
        ]),
        over_capacity: plan
            .capacity
            .as_ref()
            .is_some_and(|c| c.peak_utilisation > 1.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SlaDocument;
    use crate::plan::compute;

    fn shown(figures: &[Figure]) -> Vec<(String, String)> {
        figures
            .iter()
            .map(|f| (f.label.clone(), f.value.show(Language::English, "EUR")))
            .collect()
    }

    #[test]
    fn the_example_in_the_words_of_the_results_panel() {
        let doc = SlaDocument::example().unwrap();
        let a = &doc.agreed().unwrap().assumptions;
        let plan = compute(a, &doc.sales_commitments).unwrap();
        let meeting = meeting_figures(&plan, Language::English);
        assert_eq!(
            shown(&meeting.key),
            [
                ("Customers needed".to_owned(), "50".to_owned()),
                ("Leads needed".to_owned(), "1,100".to_owned()),
            ]
        );
        let rows = shown(&meeting.rows);
        let labels: Vec<&str> = rows.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Leads per month (average)",
                "Leads per working day (average)",
                "Peak capacity used",
                "Marketing budget",
            ]
        );
        assert_eq!(rows[0].1, "91.6");
        assert_eq!(rows[3].1, "€45,618");
        assert!(!meeting.over_capacity);
    }

    #[test]
    fn a_budget_without_every_cost_per_lead_is_at_least_as_everywhere() {
        let doc = SlaDocument::example().unwrap();
        let mut a = doc.agreed().unwrap().assumptions.clone();
        a.lead_sources[0].cost_per_lead = None;
        let plan = compute(&a, &doc.sales_commitments).unwrap();
        let meeting = meeting_figures(&plan, Language::English);
        let budget = meeting
            .rows
            .iter()
            .find(|f| f.id == FigureId::Budget)
            .unwrap();
        assert!(
            budget
                .value
                .show(Language::English, "EUR")
                .starts_with("at least"),
            "{:?}",
            budget.value
        );
    }
}
