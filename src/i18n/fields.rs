//! An assumption's path in a diff (`lead_sources["Web"].share_percent`) as the form names it
//! ("Lead sources › Web › Share"), with the unit its values are shown in, so a revision's
//! preview reads like the Marketing tab rather than like the file.

use super::Language;
use crate::plan::Unit;

impl Language {
    /// The name and unit of the field at `path`, a path inside a scenario's assumptions as the
    /// document diff writes it; `None` for a path the form has no field for (shown as written).
    pub fn assumption_field(self, path: &str) -> Option<(String, Unit)> {
        let t = self.text();
        let (list, rest) = match path.split_once('[') {
            Some((list, rest)) => (list, Some(rest)),
            None => (path, None),
        };
        let Some(rest) = rest else {
            let (name, unit) = match path {
                "revenue_goal" => (t.revenue_goal, Unit::Money),
                "marketing_share_percent" => (t.marketing_share, Unit::Percent),
                "average_deal_size" => (t.average_deal_size, Unit::Money),
                "lead_to_customer_percent" => (t.lead_to_customer_rate, Unit::Percent),
                "sales_cycle_lag_months" => (t.sales_cycle_lag, Unit::Months),
                "period.months" => (t.months, Unit::Months),
                "capacity.reps" => (t.reps, Unit::Plain),
                "capacity.leads_per_rep_per_month" => (t.leads_per_rep, Unit::Plain),
                _ => return None,
            };
            return Some((name.to_owned(), unit));
        };
        // `["Web"].share_percent` (a named row) or `[3]` (a month's weight).
        let (key, field) = rest.split_once(']')?;
        let key: String = serde_json::from_str(key).unwrap_or_else(|_| key.to_owned());
        let field = field.strip_prefix('.').unwrap_or(field);
        let nested = |parts: &[&str]| parts.join(" › ");
        match (list, field) {
            ("seasonality", "") => {
                let month = key.parse::<usize>().ok()? + 1;
                let numbered = super::fill(t.numbered_month, &[("n", &month.to_string())]);
                Some((nested(&[t.seasonality, &numbered]), Unit::Plain))
            }
            ("lead_sources", field) => {
                let (name, unit) = match field {
                    "share_percent" => (t.share, Unit::Percent),
                    "lead_to_customer_percent" => (t.lead_to_customer_rate, Unit::Percent),
                    "average_deal_size" => (t.average_deal_size, Unit::Money),
                    "cost_per_lead" => (t.cost_per_lead, Unit::Money),
                    _ => return None,
                };
                Some((nested(&[t.lead_sources, &key, name]), unit))
            }
            ("sales_cycle_lag_spread_percent", "") => {
                let delay = self.lag_delay(key.parse::<usize>().ok()?);
                Some((nested(&[t.sales_cycle_lag, &delay]), Unit::Percent))
            }
            ("funnel_stages", "rate_to_next_percent") => Some((
                nested(&[t.funnel_stages, &key, t.rate_to_next]),
                Unit::Percent,
            )),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_the_form_names_them() {
        let english = Language::English;
        assert_eq!(
            english.assumption_field(r#"lead_sources["Demo \"A\""].share_percent"#),
            Some((
                "Lead sources › Demo \"A\" › Share".to_owned(),
                Unit::Percent
            ))
        );
        assert_eq!(
            english.assumption_field("average_deal_size"),
            Some(("Average deal size".to_owned(), Unit::Money))
        );
        assert_eq!(
            Language::Dutch
                .assumption_field("seasonality[2]")
                .map(|(name, _)| name),
            Some("Seizoenspatroon › maand 3".to_owned())
        );
        assert_eq!(english.assumption_field("holidays[0]"), None);
    }
}
