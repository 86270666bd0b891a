//! The report as one self-contained HTML file: inline CSS, charts as inline SVG, no scripts and
//! no external requests. Readable on a phone (each table row becomes a card of label and value,
//! the charts' text grows, every other month label gives way), and printed
//! to A4 each section starts on a new page, table headers repeat and rows are never cut.
//! Every piece of text goes through [`escape`], so a scenario named `<script>` stays text, and
//! text that is the user's alone (a name in a table cell, the company) is isolated in `<bdi>`,
//! so a right-to-left name cannot reorder the app's words around it.

use std::fmt::Write as _;

use super::svg;
use crate::i18n::fill;
use crate::report::{Cell, Figure, PaceTable, Report, Table, Tracking};

const STYLE: &str = "\
:root{color-scheme:light;--ink:#1d2433;--weak:#5a6478;--line:#d5dae3;--band:#f3f5f9;--accent:#2458a6}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:var(--ink);background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0 .25rem}
h2{font-size:1.25rem;margin:0 0 .5rem;color:var(--accent)}
h3{font-size:1.05rem;margin:1rem 0 .25rem}
header p{margin:0;color:var(--weak)}
section{margin-top:2rem}
p{margin:.4rem 0}
.note{color:var(--weak);font-size:.9rem}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;font-size:.9rem;font-variant-numeric:tabular-nums}
th,td{padding:.3rem .6rem;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
th{background:var(--band)}
td.n,th.n{text-align:right}
table.figures th{background:none;font-weight:normal;color:var(--weak);white-space:normal}
table.figures td{white-space:normal}
figure{margin:1rem 0}
figcaption{font-weight:600;margin-bottom:.25rem}
svg{width:100%;height:auto;max-width:40rem;display:block}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}
ul.legend{list-style:none;display:flex;flex-wrap:wrap;gap:.2rem 1rem;padding:0;margin:0 0 .25rem;font-size:.9rem}
.key{display:inline-block;width:.8rem;height:.8rem;margin-right:.35rem;vertical-align:-.05rem}
.key.line{height:.2rem;vertical-align:.2rem}
.key.dot{border-radius:50%}
@media screen and (max-width:40rem){
main{padding:.75rem}
svg text{font-size:20px}
svg text.alt{display:none}
table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.stack tr{border-bottom:1px solid var(--line);padding:.35rem 0}
table.stack td{display:flex;justify-content:space-between;gap:1rem;border:0;padding:.1rem .3rem;white-space:normal}
table.stack td::before{content:attr(data-label);color:var(--weak);text-align:left}
table.stack td:first-child{font-weight:600}
table.stack td:first-child::before{content:none}
}
ul{padding-left:1.2rem}
.signatures{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem 2rem}
.signature{break-inside:avoid}
.signature h4{margin:.75rem 0 .25rem;font-size:1rem}
.signature p{display:flex;gap:.5rem;margin:.6rem 0}
.signature span.line{flex:1;border-bottom:1px solid var(--ink);min-height:1.4em}
.signature p:last-child span.line{min-height:3em}
@page{size:A4;margin:15mm}
@media print{
body{font-size:10pt}
main{max-width:none;padding:0}
section{margin-top:1.5rem}
section.page{break-before:page;margin-top:0}
h2,h3{break-after:avoid}
h2,h3,figure,.review{break-inside:avoid}
.scroll{overflow:visible}
table{font-size:8.5pt;width:100%}
th,td{padding:.15rem .35rem}
thead{display:table-header-group}
tr{break-inside:avoid}
}
";

/// The signature blocks: a line to write on for every value not given, so the printed page
/// can be signed before anyone approved in the app.
fn signatures(out: &mut String, report: &Report) {
    if report.signatures.is_empty() {
        return;
    }
    let t = report.language.text();
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<div class=\"signatures\">",
        escape(t.agreement_signatures_heading)
    );
    for signature in &report.signatures {
        let _ = writeln!(
            out,
            "<div class=\"signature\">\n<h4>{}</h4>",
            escape(&signature.party)
        );
        for (label, value) in signature.lines(report.language) {
            let _ = writeln!(
                out,
                "<p><span>{}:</span> <span class=\"line\">{}</span></p>",
                escape(label),
                escape(value)
            );
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
}

/// `text` safe inside HTML elements and attribute values. Characters that would change how
/// the page reads rather than what it says are replaced by U+FFFD (visible as �): control
/// characters (NUL and the like, which HTML does not allow), and the explicit bidirectional
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which could reverse the
/// app's own sentences around a name. Right-to-left letters themselves are kept.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_disruptive(c) => out.push(char::REPLACEMENT_CHARACTER),
            c => out.push(c),
        }
    }
    out
}

/// A control character other than a line break or tab, or an explicit bidirectional
/// formatting character: text that must not reach an export as it is.
pub fn is_disruptive(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The user's own text (a name), escaped and isolated from the text around it.
fn user(text: &str) -> String {
    format!("<bdi>{}</bdi>", escape(text))
}

/// The whole report as an HTML document.
pub fn render(report: &Report) -> String {
    let t = report.language.text();
    let lang = match report.language {
        crate::i18n::Language::English => "en",
        crate::i18n::Language::Dutch => "nl",
    };
    let title = escape(&report.title());
    let heading = user(&report.title());
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n<header>\n\
         <h1>{heading}</h1>\n"
    );
    if !report.heading.company.trim().is_empty() {
        let _ = writeln!(out, "<p>{}</p>", user(&report.heading.company));
    }
    if let Some(subtitle) = report.subtitle() {
        let _ = writeln!(out, "<p>{}</p>", escape(&subtitle));
    }
    out.push_str("</header>\n");
    if !report.agreement.is_empty() {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(t.agreement_title));
        for part in &report.agreement {
            let _ = writeln!(out, "<h3>{}</h3>", escape(&part.heading));
            for paragraph in &part.paragraphs {
                let _ = writeln!(out, "<p>{}</p>", escape(paragraph));
            }
        }
        signatures(&mut out, report);
        out.push_str("</section>\n");
    }
    // With the agreement before them, the figures start a page of their own.
    let after_agreement = !report.agreement.is_empty();
    section_start(&mut out, t.report_figures, "", after_agreement);
    figures(
        &mut out,
        report,
        report.figures.iter().chain(&report.resources),
    );
    out.push_str("</section>\n");
    section_start(&mut out, report.months.title, report.months.note, false);
    table(&mut out, report, &report.months);
    for note in &report.month_notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
    }
    if let Some(before) = &report.leads_before_period {
        let _ = writeln!(out, "<p>{}</p>", escape(before));
    }
    out.push_str("</section>\n");
    section_start(&mut out, t.report_charts, "", true);
    for chart in &report.charts {
        let _ = writeln!(
            out,
            "<figure>\n<figcaption>{}</figcaption>\n{}{}</figure>",
            escape(chart.title),
            svg::chart_legend(chart, report.language),
            svg::chart(chart, report.language, &report.currency)
        );
    }
    out.push_str("</section>\n");
    if let Some(tracking) = &report.tracking {
        tracking_section(&mut out, report, tracking);
    }
    for (i, extra) in report.detail_tables().enumerate() {
        // The long week table starts a page; stages and sources follow it.
        section_start(&mut out, extra.title, extra.note, i == 0);
        table(&mut out, report, extra);
        out.push_str("</section>\n");
    }
    if !report.warnings.is_empty() {
        section_start(&mut out, t.warnings, "", false);
        out.push_str("<ul>\n");
        for warning in &report.warnings {
            let _ = writeln!(out, "<li>{}</li>", escape(warning));
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Step 3: the status in sentences, the hug-the-line chart of its month, sales' follow-up and
/// the monthly review.
fn tracking_section(out: &mut String, report: &Report, tracking: &Tracking) {
    let t = report.language.text();
    let note = fill(
        t.tracking_section_note,
        &[("date", &tracking.date.to_string())],
    );
    section_start(out, t.tracking_section, &note, true);
    let _ = writeln!(out, "<p>{}</p>", escape(&tracking.text.heading));
    pace_table(out, report, &tracking.pace);
    for block in &tracking.text.blocks {
        let _ = writeln!(out, "<h3>{}</h3>", escape(&block.title));
        for line in &block.lines {
            let _ = writeln!(out, "<p>{}</p>", escape(line));
        }
    }
    if let Some(won) = &tracking.won {
        let _ = writeln!(out, "<p>{}</p>", escape(won));
    }
    let title = fill(
        t.chart_hug_line,
        &[("month", &report.language.month(tracking.status.month))],
    );
    let _ = writeln!(
        out,
        "<figure>\n<figcaption>{}</figcaption>\n{}{}</figure>",
        escape(&title),
        svg::hug_legend(&tracking.hug, report.language),
        svg::hug_line(&tracking.hug, &title)
    );
    for chart in &tracking.follow_up {
        let _ = writeln!(
            out,
            "<figure>\n<figcaption>{}</figcaption>\n{}{}</figure>",
            escape(chart.title),
            svg::chart_legend(chart, report.language),
            svg::chart(chart, report.language, &report.currency)
        );
    }
    if let Some(review) = &tracking.review {
        // One block on paper: the cohort sentence explains the table's "see below".
        out.push_str("<div class=\"review\">\n");
        let _ = writeln!(out, "<h3>{}</h3>", escape(&review.title));
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&review.note));
        table(out, report, &review.table());
        if let Some(cohort) = &review.cohort {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(cohort));
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

/// The pace of the month, the week and the period to date: a row per figure, a column per
/// span, each span's state in the last row.
fn pace_table(out: &mut String, report: &Report, pace: &PaceTable) {
    let _ = writeln!(out, "<p>{}</p>", escape(&pace.working_days));
    out.push_str("<div class=\"scroll\"><table>\n<thead><tr>");
    for (i, column) in pace.columns.iter().enumerate() {
        let class = if i == 0 { "" } else { " class=\"n\"" };
        let _ = write!(out, "<th scope=\"col\"{class}>{}</th>", escape(column));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let t = report.language.text();
    let states = pace
        .states
        .map(|s| Cell::Text(s.name(report.language).to_owned()));
    for (label, cells) in pace
        .rows
        .iter()
        .map(|(label, cells)| (*label, cells))
        .chain(std::iter::once((t.status_state, &states)))
    {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(label));
        for cell in cells {
            let _ = write!(
                out,
                "<td class=\"n\">{}</td>",
                escape(&cell.show(report.language, &report.currency))
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
    let _ = writeln!(out, "<p>{}</p>", escape(pace.advice));
}

/// Opens a section; `page` starts it on a new page when printed.
fn section_start(out: &mut String, title: &str, note: &str, page: bool) {
    let class = if page { " class=\"page\"" } else { "" };
    let _ = writeln!(out, "<section{class}>\n<h2>{}</h2>", escape(title));
    if !note.is_empty() {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
    }
}

fn figures<'a>(out: &mut String, report: &Report, figures: impl Iterator<Item = &'a Figure>) {
    out.push_str("<div class=\"scroll\"><table class=\"figures\">\n");
    for figure in figures {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td></tr>",
            escape(&figure.label),
            escape(&figure.value.show(report.language, &report.currency))
        );
    }
    out.push_str("</table></div>\n");
}

fn table(out: &mut String, report: &Report, table: &Table) {
    let class = |numeric: bool| if numeric { " class=\"n\"" } else { "" };
    out.push_str("<div class=\"scroll\"><table class=\"stack\">\n<thead><tr>");
    for column in &table.columns {
        let _ = write!(
            out,
            "<th scope=\"col\"{}>{}</th>",
            class(column.numeric),
            escape(column.label)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (cell, column) in row.iter().zip(&table.columns) {
            let text = match cell {
                Cell::Text(name) => user(name),
                other => escape(&other.show(report.language, &report.currency)),
            };
            // The column's name beside each value when the rows stack on a phone.
            let _ = write!(
                out,
                "<td{} data-label=\"{}\">{text}</td>",
                class(column.numeric),
                escape(column.label)
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
}
