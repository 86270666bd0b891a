//! The What-if tab's charts in words and numbers, egui-free: the tornado of the sensitivity
//! (each input moved down and up, and the leads needed with each) and the confidence curve
//! (the chance of the customers needed against the number of leads). The window draws these
//! and `sla-planner what-if sensitivity` prints the same rows, so an input's range is worded
//! once.

use crate::i18n::Language;
use crate::plan::Assumptions;
use crate::whatif::{Confidence, Swing};

/// The tornado: one row per input, largest swing first; the bars start at the plan's leads
/// needed.
#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    pub rows: Vec<TornadoRow>,
    /// The chart for a screen reader: per input the range of leads needed it spans.
    pub description: String,
}

/// One input of the tornado.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoRow {
    /// The input's full name, as the Marketing tab names the field ("Lead sources › Webinars
    /// › Share").
    pub name: String,
    /// The input moved down and up, with its unit ("€25,200", "54%").
    pub low: String,
    pub high: String,
    /// The leads needed with the input at `low` and at `high`.
    pub leads_low: f64,
    pub leads_high: f64,
    /// What hovering the row says: the name, then each end's input and leads needed.
    pub hover: String,
}

/// The tornado of `swings` (as `whatif::sensitivity` sorts them) for the scenario `a`.
pub fn tornado(swings: &[Swing], a: &Assumptions, currency: &str, language: Language) -> Tornado {
    let t = language.text();
    let leads = |v: f64| language.numbers().count_up(v);
    let rows: Vec<TornadoRow> = swings
        .iter()
        .map(|s| {
            let name = s.input.name(language, a);
            let unit = s.input.field().unit();
            let low = language.with_unit(s.low, unit, currency);
            let high = language.with_unit(s.high, unit, currency);
            let hover = format!(
                "{name}\n{}: {low}, {}: {}\n{}: {high}, {}: {}",
                t.whatif_low,
                t.leads_needed,
                leads(s.leads_needed_low),
                t.whatif_high,
                t.leads_needed,
                leads(s.leads_needed_high)
            );
            TornadoRow {
                name,
                low,
                high,
                leads_low: s.leads_needed_low,
                leads_high: s.leads_needed_high,
                hover,
            }
        })
        .collect();
    let description = format!(
        "{}: {}",
        t.whatif_sensitivity_title,
        rows.iter()
            .map(|r| format!(
                "{} {}–{}",
                r.name,
                leads(r.leads_low.min(r.leads_high)),
                leads(r.leads_low.max(r.leads_high))
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Tornado { rows, description }
}

/// The confidence chart: the curve, what hovering a point says, and the sentence the tab
/// shows above it, which is also the chart's description.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfidenceChart {
    /// `[leads, chance in percent]`, as `Confidence::curve` gives it.
    pub curve: Vec<[f64; 2]>,
    /// Per point of the curve its leads and what hovering it says.
    pub hover: Vec<(f64, String)>,
    /// `Confidence::sentence`: the chance with the planned leads and the leads for the level.
    pub sentence: String,
    /// The chart for a screen reader: its title and the sentence.
    pub description: String,
}

/// The confidence chart of `confidence` along `curve`.
pub fn confidence_chart(
    confidence: &Confidence,
    curve: Vec<[f64; 2]>,
    language: Language,
) -> ConfidenceChart {
    let t = language.text();
    let n = language.numbers();
    let hover = curve
        .iter()
        .map(|[leads, chance]| {
            (
                *leads,
                format!(
                    "{}: {}\n{}: {}",
                    t.leads,
                    n.decimal(*leads, 0),
                    t.whatif_chance,
                    n.percent(*chance)
                ),
            )
        })
        .collect();
    let sentence = confidence.sentence(language);
    let description = format!("{}: {sentence}", t.whatif_confidence_title);
    ConfidenceChart {
        curve,
        hover,
        sentence,
        description,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SlaDocument;
    use crate::plan::compute;
    use crate::whatif::{LeadMix, confidence, sensitivity};

    #[test]
    fn the_tornado_names_each_end_and_spans_the_leads_it_moves() {
        let doc = SlaDocument::example().unwrap();
        let a = &doc.agreed().unwrap().assumptions;
        let swings = sensitivity(a, &doc.sales_commitments, 0.1).unwrap();
        let chart = tornado(&swings, a, &doc.currency, Language::English);
        assert_eq!(chart.rows.len(), swings.len());
        // The marketing share moved by ±10 % of its 60 %: 54 % and 66 %, and the leads needed
        // move in proportion (1,100 × 0.9 = 990, × 1.1 = 1,210), rounded up to whole leads.
        let share = chart
            .rows
            .iter()
            .find(|r| r.name == "Marketing share of revenue")
            .unwrap();
        assert_eq!((share.low.as_str(), share.high.as_str()), ("54%", "66%"));
        assert!(
            share.hover.ends_with(
                "Input down: 54%, Leads needed: 990\nInput up: 66%, Leads needed: 1,210"
            ),
            "{}",
            share.hover
        );
        assert!(
            chart
                .description
                .contains("Marketing share of revenue 990–1,210"),
            "{}",
            chart.description
        );
    }

    #[test]
    fn the_confidence_chart_says_its_sentence_and_each_point() {
        let doc = SlaDocument::example().unwrap();
        let a = &doc.agreed().unwrap().assumptions;
        let plan = compute(a, &doc.sales_commitments).unwrap();
        let c = confidence(a, &plan, 0.9);
        let curve = c.curve(&LeadMix::of(a, &plan), 4);
        let chart = confidence_chart(&c, curve.clone(), Language::English);
        assert_eq!(chart.curve, curve);
        assert_eq!(chart.hover.len(), curve.len());
        let [leads, _] = curve[0];
        assert_eq!(chart.hover[0].0, leads);
        assert!(chart.hover[0].1.starts_with("Leads: "));
        assert_eq!(chart.sentence, c.sentence(Language::English));
        assert!(chart.description.ends_with(&chart.sentence));
    }
}
