//! Numbers that must agree (issue 17, points 1–7): the parts of a count add up to its whole,
//! every place shows a count by the same rule, and the smaller cases (a confidence level below
//! one, a negative zero, an empty CSV line).

use crate::process;

use sla_planner::document::SlaDocument;
use sla_planner::export::{self, Format, csv};
use sla_planner::i18n::Language;
use sla_planner::plan::funnel::whole_up;
use sla_planner::plan::{
    Assumptions, Conversion, LeadSource, Period, Plan, SalesCommitments, YearMonth, compute,
};
use sla_planner::report::{Cell, Report};
use sla_planner::tracking::import::{self, CsvText, Progress, Settings};
use sla_planner::whatif::{self, Goal, Input, LeadMix, Metric, Solution};

fn source(name: &str, share: f64, rate: f64, deal: f64) -> LeadSource {
    LeadSource {
        name: name.to_owned(),
        share_percent: share,
        lead_to_customer_percent: rate,
        average_deal_size: deal,
        cost_per_lead: None,
        ..LeadSource::default()
    }
}

fn with_sources(sources: Vec<LeadSource>) -> Assumptions {
    Assumptions {
        conversion: Conversion::LeadSources,
        lead_sources: sources,
        ..Assumptions::default()
    }
}

fn plan(a: &Assumptions) -> Plan {
    compute(a, &SalesCommitments::default()).unwrap()
}

/// P(X ≥ k) for X the sum of independent binomials, by direct convolution of the exact
/// probability mass functions (an independent check of the engine's log-space method).
fn chance(parts: &[(u64, f64)], k: u64) -> f64 {
    let mut total = vec![1.0];
    for &(n, p) in parts {
        let mut pmf = vec![0.0; n as usize + 1];
        let mut choose = 1.0;
        for i in 0..=n {
            pmf[i as usize] = choose * p.powi(i as i32) * (1.0 - p).powi((n - i) as i32);
            choose = choose * (n - i) as f64 / (i + 1) as f64;
        }
        let mut next = vec![0.0; total.len() + pmf.len() - 1];
        for (i, a) in total.iter().enumerate() {
            for (j, b) in pmf.iter().enumerate() {
                next[i + j] += a * b;
            }
        }
        total = next;
    }
    total.iter().skip(k as usize).sum()
}

#[test]
fn confidence_splits_the_planned_leads_exactly_by_largest_remainder() {
    // Point 1: 79 leads at 23.7 / 31.1 / 45.2 % are 19 + 24 + 36 = 79 (largest remainder:
    // quotas 18.72, 24.57, 35.71 → floors 18 + 24 + 35 = 77, the two largest remainders
    // (.72 and .71) get one more each), not 19 + 25 + 36 = 80.
    let a = with_sources(vec![
        source("A", 23.7, 10.0, 10_000.0),
        source("B", 31.1, 5.0, 20_000.0),
        source("C", 45.2, 2.0, 40_000.0),
    ]);
    let mix = LeadMix::of(&a, &plan(&a));
    assert_eq!(mix.split(79), [19, 24, 36]);
    for leads in [0, 1, 2, 3, 79, 1_100, 1_175, 9_999] {
        assert_eq!(mix.split(leads).iter().sum::<u64>(), leads, "{leads}");
    }
    let expected = chance(&[(19, 0.10), (24, 0.05), (36, 0.02)], 4);
    let computed = mix.chance(79, 4).unwrap();
    assert!((computed - expected).abs() < 1e-12, "{computed} {expected}");

    // Three leads over two sources are 2 + 1, never 2 + 2.
    let two = with_sources(vec![
        source("A", 50.0, 90.0, 10_000.0),
        source("B", 50.0, 80.0, 10_000.0),
    ]);
    let mix = LeadMix::of(&two, &plan(&two));
    assert_eq!(mix.split(3), [2, 1]);
    let three = mix.chance(3, 3).unwrap();
    assert!((three - 0.9 * 0.9 * 0.8).abs() < 1e-12, "{three}");

    // Ten sources of 10 % at 1,175 leads: 118 × 5 + 117 × 5 (ties by the order of the list).
    let ten = with_sources(
        (0..10)
            .map(|i| source(&format!("S{i}"), 10.0, 5.0, 25_000.0))
            .collect(),
    );
    let mix = LeadMix::of(&ten, &plan(&ten));
    assert_eq!(
        mix.split(1_175),
        [118, 118, 118, 118, 118, 117, 117, 117, 117, 117]
    );
}

#[test]
fn goal_seek_finds_a_cost_per_lead_for_a_source_that_has_none() {
    // Point 2: budget = marketing revenue × Σ shareᵢ × costᵢ ÷ V, linear in Web's cost.
    let mut a = with_sources(vec![
        source("Web", 40.0, 5.0, 25_000.0),
        source("Events", 60.0, 4.0, 30_000.0),
    ]);
    a.lead_sources[1].cost_per_lead = Some(50.0);
    let input = Input::parse("source_cost_per_lead:Web", &a).unwrap();
    let goal = Goal {
        metric: Metric::Budget,
        target: 30_000.0,
    };
    let solution = whatif::solve(&a, &SalesCommitments::default(), input, goal).unwrap();
    let Solution::Reached {
        value,
        achieved,
        assumptions,
    } = solution
    else {
        panic!("{solution:?}");
    };
    assert!((achieved - 30_000.0).abs() < 1e-6, "{achieved}");
    let p = plan(&a);
    let expected = (30_000.0 - p.leads_needed * 0.6 * 50.0) / (p.leads_needed * 0.4);
    assert!((value - expected).abs() < 1e-9, "{value} {expected}");
    assert_eq!(assumptions.lead_sources[0].cost_per_lead, Some(value));

    // No source has a cost yet: the budget is Web's alone.
    a.lead_sources[1].cost_per_lead = None;
    let solution = whatif::solve(&a, &SalesCommitments::default(), input, goal).unwrap();
    let value = solution.value().unwrap();
    assert!(
        (value - 30_000.0 / (p.leads_needed * 0.4)).abs() < 1e-9,
        "{solution:?}"
    );
    assert!((solution.achieved().unwrap() - 30_000.0).abs() < 1e-6);

    // The command line says the same.
    let doc = tempfile::tempdir().unwrap();
    let path = doc.path().join("web.sla.ron");
    let mut document = SlaDocument::example().unwrap();
    document.scenarios[0].assumptions.lead_sources[1].cost_per_lead = None;
    sla_planner::document::save(&document, &path).unwrap();
    let output = process::run(&[
        "solve",
        path.to_str().unwrap(),
        "--scenario",
        &document.scenarios[0].name,
        "--target",
        "budget=40000",
        "--vary",
        "source_cost_per_lead:Webinars",
    ]);
    let text = process::stdout(&output);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{text}{}",
        process::stderr(&output)
    );
    assert!(text.contains("Value needed"), "{text}");
}

/// The rows of a CSV export, and the index of the column headed `name`.
fn csv_column(text: &str, name: &str) -> Vec<f64> {
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let index = headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {headers:?}"));
    reader
        .records()
        .map(|r| r.unwrap()[index].parse::<f64>().unwrap())
        .collect()
}

fn months_csv(a: &Assumptions) -> String {
    let report = Report::of_plan(&plan(a), None, "EUR", Language::English);
    export::render(&report, Format::Csv(csv::Rows::Months, csv::Dialect::Comma))
}

fn weeks_csv(a: &Assumptions) -> String {
    let report = Report::of_plan(&plan(a), None, "EUR", Language::English);
    export::render(&report, Format::Csv(csv::Rows::Weeks, csv::Dialect::Comma))
}

/// Adds up in order, as a reader's spreadsheet does.
fn in_order(values: &[f64]) -> f64 {
    values.iter().fold(0.0, |sum, v| sum + v)
}

#[test]
fn csv_months_add_up_to_the_totals_exactly() {
    // Point 3: €1,000,000 at €10,000 deals and 10 %: 1,000 leads over 12 even months.
    let even = Assumptions {
        revenue_goal: 1_000_000.0,
        marketing_share_percent: 100.0,
        average_deal_size: 10_000.0,
        lead_to_customer_percent: 10.0,
        ..Assumptions::default()
    };
    // One month: 100,000 ÷ 3,300 ÷ 10 % = 303.03… leads.
    let one = Assumptions {
        revenue_goal: 100_000.0,
        average_deal_size: 3_300.0,
        marketing_share_percent: 100.0,
        lead_to_customer_percent: 10.0,
        period: Period {
            start: YearMonth::new(2027, 1).unwrap(),
            months: 1,
        },
        ..Assumptions::default()
    };
    let seasonal = Assumptions {
        seasonality: vec![3.0, 1.0, 7.0, 2.0, 2.0, 5.0, 1.0, 1.0, 9.0, 3.0, 3.0, 3.0],
        sales_cycle_lag_months: 2,
        ..even.clone()
    };
    let mut sources = SlaDocument::example().unwrap().scenarios[0]
        .assumptions
        .clone();
    sources.revenue_goal = 2_345_678.9;
    for a in [even, one, seasonal, sources] {
        let p = plan(&a);
        let text = months_csv(&a);
        assert_eq!(
            in_order(&csv_column(&text, "Leads (exact)")),
            p.leads_needed
        );
        assert_eq!(
            in_order(&csv_column(&text, "Customers (exact)")),
            p.customers_needed
        );
        assert_eq!(in_order(&csv_column(&text, "Revenue")), p.revenue);
        assert_eq!(
            in_order(&csv_column(&text, "Lead value")),
            p.marketing_revenue
        );
        assert_eq!(
            in_order(&csv_column(&text, "Leads")),
            whole_up(p.leads_needed)
        );
        let weeks = weeks_csv(&a);
        assert_eq!(
            in_order(&csv_column(&weeks, "Leads (exact)")),
            p.leads_needed
        );
        assert_eq!(
            in_order(&csv_column(&weeks, "Leads")),
            whole_up(p.leads_needed)
        );
    }
}

/// The whole numbers in `text`, thousands separators removed.
fn numbers_in(text: &str) -> Vec<u64> {
    text.split(|c: char| !(c.is_ascii_digit() || c == ','))
        .map(|w| w.trim_matches(','))
        .filter(|w| !w.is_empty())
        .filter_map(|w| w.replace(',', "").parse().ok())
        .collect()
}

/// The leads per month before the period as the report lists them, and the warning's total.
fn before_period(a: &Assumptions) -> (Vec<u64>, u64) {
    let report = Report::of_plan(&plan(a), None, "EUR", Language::English);
    let listed = report.leads_before_period.unwrap();
    // "Leads needed before the period starts: November 2026: 74, December 2026: 82."
    let counts: Vec<u64> = listed
        .split(", ")
        .map(|part| {
            *numbers_in(part.rsplit(": ").next().unwrap())
                .last()
                .unwrap()
        })
        .collect();
    let warning = report
        .warnings
        .iter()
        .find(|w| w.contains("before the period"))
        .unwrap();
    (counts, numbers_in(warning)[0])
}

#[test]
fn leads_before_the_period_add_up_to_the_warning() {
    // Point 4: the example's two months are 74 + 82 = 156, as the warning says.
    let example = SlaDocument::example().unwrap().scenarios[0]
        .assumptions
        .clone();
    let (months, total) = before_period(&example);
    assert_eq!(months.iter().sum::<u64>(), total, "{months:?}");
    assert_eq!((months, total), (vec![74, 82], 156));
    // 36 months with a lag of 3: 9,984 leads are 277.3 a month, 278 + 277 + 277 = 832.
    let long = Assumptions {
        revenue_goal: 9_984_000.0,
        marketing_share_percent: 50.0,
        average_deal_size: 20_000.0,
        lead_to_customer_percent: 2.5,
        period: Period {
            start: YearMonth::new(2027, 1).unwrap(),
            months: 36,
        },
        sales_cycle_lag_months: 3,
        ..Assumptions::default()
    };
    let (months, total) = before_period(&long);
    assert_eq!((months, total), (vec![278, 277, 277], 832));
    // The Markdown and HTML show the same numbers.
    let document = SlaDocument::example().unwrap();
    let p = plan(&document.scenarios[0].assumptions);
    let report = Report::of_document(&document, document.scenarios[0].id, &p, Language::English);
    for format in [Format::Markdown, Format::Html] {
        let text = export::render(&report, format);
        assert!(
            text.contains("November 2026: 74, December 2026: 82"),
            "{format:?}"
        );
        assert!(
            text.contains("156 leads must arrive before the period"),
            "{format:?}"
        );
    }
}

#[test]
fn the_sources_table_has_whole_customers_and_leads_that_add_up() {
    // Point 5: 49.47 customers over 21.98 / 16.49 / 10.99 are 22 + 17 + 11 = 50, not 22.0 /
    // 16.5 / 11.0; leads 220 + 330 + 550 = 1,100.
    let document = SlaDocument::example().unwrap();
    let p = plan(&document.scenarios[0].assumptions);
    let report = Report::of_plan(&p, None, "EUR", Language::English);
    let table = report.sources.unwrap();
    let column = |label: &str| table.columns.iter().position(|c| c.label == label).unwrap();
    let whole = |index: usize| -> Vec<f64> {
        table
            .rows
            .iter()
            .map(|row| match &row[index] {
                Cell::Count { whole, .. } => *whole,
                other => panic!("not a count: {other:?}"),
            })
            .collect()
    };
    let customers = whole(column("Customers"));
    assert_eq!(customers, [22.0, 17.0, 11.0]);
    assert_eq!(customers.iter().sum::<f64>(), whole_up(p.customers_needed));
    let leads = whole(column("Leads"));
    assert_eq!(leads.iter().sum::<f64>(), whole_up(p.leads_needed));
}

#[test]
fn a_confidence_level_below_one_gets_the_note_shares_get() {
    // Point 7: `--confidence 0.9` is 0.9 %, said on stderr as for `--marketing-share 0.5`.
    let output = process::run(&["summary", "assets/example.sla.ron", "--confidence", "0.9"]);
    let stderr = process::stderr(&output);
    assert!(
        stderr.contains("--confidence 0.9 means 0.9%. If you meant 90%, write 90."),
        "{stderr}"
    );
    let output = process::run(&[
        "plan",
        "--revenue-goal",
        "1200000",
        "--marketing-share",
        "50",
        "--deal-size",
        "25000",
        "--lead-to-customer",
        "5",
        "--confidence",
        "0.5",
    ]);
    assert!(
        process::stderr(&output).contains("--confidence 0.5 means 0.5%"),
        "{}",
        process::stderr(&output)
    );
    let output = process::run(&["summary", "assets/example.sla.ron", "--confidence", "90"]);
    assert_eq!(process::stderr(&output), "");
}

#[test]
fn solve_never_prints_a_negative_zero() {
    // Point 7: zero leads need a revenue goal of 0, not −0.
    for format in ["json", "text"] {
        let output = process::run(&[
            "solve",
            "assets/example.sla.ron",
            "--target",
            "leads_needed=0",
            "--vary",
            "revenue_goal",
            "--format",
            format,
        ]);
        let text = process::stdout(&output);
        assert!(!text.contains("-0") && !text.contains("−0"), "{text}");
    }
}

#[test]
fn an_empty_csv_line_is_counted_and_listed_as_skipped() {
    // Point 7: line 3 is empty, line 4 holds only blanks; both are rows skipped and listed.
    let bytes = b"Create Date,Original Source\n2027-01-15,Webinars\n\n  \n2027-01-16,Webinars\n";
    let text = CsvText::decode(bytes).unwrap();
    let preview = import::analyse(&text, &Progress::default()).unwrap();
    let doc = SlaDocument::example().unwrap();
    let mut mapping = preview.suggested_mapping(&doc.tracking.import);
    let order = preview.date_evidence(&mapping).resolve(None, None).unwrap();
    mapping.date_order = Some(order);
    let settings = Settings::for_document(&doc, mapping, order);
    let imported = import::import(&text, &settings, &Progress::default()).unwrap();
    let lines: Vec<u64> = imported.skipped.iter().map(|s| s.line).collect();
    assert_eq!(lines, [3, 4]);
    assert_eq!((imported.rows, imported.imported), (4, 2));
}
