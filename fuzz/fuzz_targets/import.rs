//! Any bytes given to the CRM importer must give an import or an error, never a panic or a
//! hang, in bounded memory: decode → analyse → import → apply into the example, as the
//! command and the window do. Every row read is either imported or skipped with lines that
//! make sense. Seed it with `tests/files/crm`:
//! `cargo +nightly fuzz run import fuzz/corpus/import tests/files/crm -- -rss_limit_mb=512`.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sla_planner::document::{DateOrder, ImportField, SlaDocument};
use sla_planner::tracking::import::{self, CsvText, Progress, Settings};

/// The example, loaded once: parsing it for every input would be most of the run.
fn example() -> &'static Option<SlaDocument> {
    static EXAMPLE: OnceLock<Option<SlaDocument>> = OnceLock::new();
    EXAMPLE.get_or_init(|| SlaDocument::example().ok())
}

fuzz_target!(|data: &[u8]| {
    let Some(mut doc) = example().clone() else {
        return;
    };
    let Ok(text) = CsvText::decode(data) else {
        return;
    };
    let _ = text.note("fuzz.csv", sla_planner::i18n::Language::English);
    let progress = Progress::default();
    let Ok(preview) = import::analyse(&text, &progress) else {
        return;
    };
    assert!(preview.first_rows.len() <= import::PREVIEW_ROWS);
    let mut mapping = preview.suggested_mapping(&doc.tracking.import);
    // Whatever the headers, some column is the created date, so every file gets imported.
    if let Some(first) = preview.headers.first() {
        mapping
            .columns
            .entry(ImportField::Created)
            .or_insert_with(|| first.clone());
    }
    let order = preview
        .date_evidence(&mapping)
        .resolve(None, Some(DateOrder::DayMonthYear))
        .unwrap_or(DateOrder::DayMonthYear);
    mapping.date_order = Some(order);
    let settings = Settings::for_document(&doc, mapping.clone(), order);
    let Ok(imported) = import::import(&text, &settings, &progress) else {
        return;
    };
    assert_eq!(imported.rows, preview.rows, "both steps read the same rows");
    assert_eq!(imported.imported + imported.skipped_count(), imported.rows);
    let mut previous = 0;
    for skipped in &imported.skipped {
        assert!(skipped.line > previous && skipped.line <= skipped.last_line);
        previous = skipped.last_line;
        let _ = skipped.describe(sla_planner::i18n::Language::Dutch);
    }
    import::apply(&mut doc, &imported, mapping);
    let _ = doc.problems();
});
