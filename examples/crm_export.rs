//! Writes `assets/example-crm-export.csv`: a HubSpot-style lead export for the embedded
//! example's agreed plan, 2027-01-04 … 2027-02-26, for a new user to try File ▸ Import leads
//! from CRM (CSV)… and `sla-planner import`.
//!
//! Deterministic (a fixed linear congruential generator), so running it again gives the same
//! file: `cargo run --example crm_export`. The paces follow the plan: January slightly behind
//! (92 % of the month's leads per working day), February ahead (115 %); sales contacts about
//! 85 % of the leads within the promised hour. A few rows come from a source the plan does not
//! know ("Podcast"), and four rows are malformed on purpose (a bad date, a bad amount, a
//! missing column, no create date), so the import shows how it reports them.

#![allow(clippy::expect_used, reason = "a generator stops on a broken example")]

use std::fmt::Write as _;

use chrono::{Datelike as _, Days, NaiveDate, Weekday};
use sla_planner::document::SlaDocument;
use sla_planner::plan::{YearMonth, compute};

/// Numbers from a linear congruential generator (Knuth's MMIX constants).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        (self.below(1_000_000) as f64) < p * 1_000_000.0
    }
}

const FIRST: [&str; 12] = [
    "Anna", "Bram", "Chris", "Daan", "Eva", "Fleur", "Gijs", "Hanna", "Iris", "Jeroen", "Kim",
    "Lars",
];
const LAST: [&str; 10] = [
    "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos",
    "Peters",
];

fn main() {
    let doc = SlaDocument::example().expect("the example loads");
    let scenario = doc.agreed().expect("the example has an agreed plan");
    let plan = compute(&scenario.assumptions, &doc.sales_commitments).expect("the example plans");
    let holidays = &scenario.assumptions.holidays;
    let sources: Vec<(&str, f64)> = scenario
        .assumptions
        .lead_sources
        .iter()
        .map(|s| (s.name.as_str(), s.share_percent / 100.0))
        .collect();
    // The agreement's rejection reasons; the example names none yet, so common ones then.
    let mut reasons: Vec<&str> = doc
        .rejection_reasons
        .iter()
        .map(String::as_str)
        .filter(|r| !r.trim().is_empty())
        .collect();
    if reasons.is_empty() {
        reasons = vec![
            "No budget",
            "Too small",
            "Student or job seeker",
            "Bad timing",
        ];
    }
    let mut random = Random(2027);
    let mut out = String::from(
        "Record ID,First Name,Last Name,Email,Create Date,Original Source,Lifecycle Stage,\
         First Contact Date,Number of Sales Activities,Became a Customer Date,Amount,\
         Rejection Reason\n",
    );
    let first = NaiveDate::from_ymd_opt(2027, 1, 4).expect("a date");
    let last = NaiveDate::from_ymd_opt(2027, 2, 26).expect("a date");
    let mut id = 1000;
    let mut day = first;
    // Leads per day are drawn around the paced target; the fraction carries to the next day
    // so the month's total follows the pace, not the rounding.
    let mut carry = 0.0;
    while day <= last {
        let working =
            !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !holidays.contains(&day);
        if working {
            let month = plan
                .months
                .iter()
                .find(|m| m.month == YearMonth::of(day))
                .expect("the plan covers the export");
            let pace = if day.month() == 1 { 0.92 } else { 1.15 };
            let per_day = month.leads_per_working_day.unwrap_or(0.0) * pace;
            let wobble = (random.below(41) as f64 - 20.0) / 100.0;
            let wanted = per_day * (1.0 + wobble) + carry;
            let count = wanted.floor().max(0.0);
            carry = wanted - count;
            for _ in 0..count as u64 {
                id += 1;
                let source = pick_source(&mut random, &sources);
                out.push_str(&lead(&mut random, id, day, source, &reasons, last));
            }
            if random.chance(0.15) {
                id += 1;
                out.push_str(&lead(&mut random, id, day, "Podcast", &reasons, last));
            }
        }
        day = day + Days::new(1);
    }
    // Malformed rows, as real exports have them.
    out.push_str("9001,Mila,Dekker,mila@example.com,2027-02-30 10:00,Webinars,Lead,,0,,,\n");
    out.push_str(
        "9002,Noah,Hendriks,noah@example.com,2027-02-10 11:00,Demo requests,Customer,\
         2027-02-10 11:20,7,2027-02-24,n/a,\n",
    );
    out.push_str("9003,Olivia,Kok,olivia@example.com,2027-02-11 09:00,Webinars\n");
    out.push_str("9004,Pim,Vermeulen,pim@example.com,,Whitepaper downloads,Lead,,0,,,\n");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/example-crm-export.csv");
    std::fs::write(path, out).expect("the export is written");
}

fn pick_source<'a>(random: &mut Random, sources: &[(&'a str, f64)]) -> &'a str {
    let mut draw = random.below(10_000) as f64 / 10_000.0;
    for (name, share) in sources {
        if draw < *share {
            return name;
        }
        draw -= share;
    }
    sources.last().map_or("Website", |(name, _)| name)
}

/// One lead's row. Its stage follows the funnel: most are still a lead or MQL, some sales
/// accepted (SQL, Opportunity), some rejected with a reason, a few won before the export.
fn lead(
    random: &mut Random,
    id: u32,
    day: NaiveDate,
    source: &str,
    reasons: &[&str],
    export_day: NaiveDate,
) -> String {
    let first = FIRST[random.below(FIRST.len() as u64) as usize];
    let last = LAST[random.below(LAST.len() as u64) as usize];
    let email = format!(
        "{}.{}@example.com",
        first.to_lowercase(),
        last.replace(' ', "").to_lowercase()
    );
    let minute = 8 * 60 + random.below(10 * 60);
    let created = format!("{day} {:02}:{:02}", minute / 60, minute % 60);
    let stage_draw = random.below(100);
    let mut stage = match stage_draw {
        0..=29 => "Lead",
        30..=44 => "Marketing Qualified Lead",
        45..=71 => "Sales Qualified Lead",
        72..=83 => "Opportunity",
        _ => "Unqualified",
    };
    let mut row = String::new();
    // 85 % within the hour, the rest later, a few not yet.
    let contact = if random.chance(0.85) {
        Some(minute + 3 + random.below(55))
    } else if random.chance(0.8) {
        Some(minute + 75 + random.below(24 * 60))
    } else {
        None
    };
    let first_contact = contact.map_or_else(String::new, |m| {
        let date = day + Days::new(m / (24 * 60));
        let m = m % (24 * 60);
        format!("{date} {:02}:{:02}", m / 60, m % 60)
    });
    let attempts = if contact.is_some() {
        2 + random.below(7)
    } else {
        0
    };
    let mut closed = String::new();
    let mut amount = String::new();
    if stage == "Opportunity" && random.chance(0.35) {
        let close = day + Days::new(14 + random.below(30));
        if close <= export_day {
            stage = "Customer";
            closed = close.to_string();
            let value = 15_000 + random.below(50) * 500;
            amount = format!("{value}.00");
        }
    }
    let reason = if stage == "Unqualified" && !reasons.is_empty() {
        reasons[random.below(reasons.len() as u64) as usize]
    } else {
        ""
    };
    let _ = writeln!(
        row,
        "{id},{first},{last},{email},{created},{source},{stage},{first_contact},{attempts},\
         {closed},{amount},{}",
        quote(reason)
    );
    row
}

/// A field quoted when it holds a comma or a quote.
fn quote(field: &str) -> String {
    if field.contains([',', '"']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}
