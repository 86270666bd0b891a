//! Any bytes given to the loader must give a document or an error, never a panic; a document
//! that loads must plan or list its problems without panicking, and survive a save round trip:
//! parse → save → parse gives the same document, the fields this version does not know
//! included.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use sla_planner::document;
use sla_planner::plan::compute;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(loaded) = document::parse(text, Path::new("fuzz.sla.ron")) else {
        return;
    };
    let doc = loaded.document;
    let _ = doc.problems();
    for scenario in &doc.scenarios {
        let _ = compute(&scenario.assumptions, &doc.sales_commitments);
    }
    let Ok(written) = document::to_ron(&doc) else {
        return;
    };
    let again = match document::parse(&written, Path::new("fuzz.sla.ron")) {
        Ok(again) => again.document,
        Err(error) => panic!("a saved document must load again: {error}\n{written}"),
    };
    assert_eq!(
        again.unknown_fields, doc.unknown_fields,
        "unknown fields are kept"
    );
    // Compared as text: NaN is not equal to itself, but it is written the same way.
    let rewritten = document::to_ron(&again).ok();
    assert_eq!(rewritten.as_deref(), Some(written.as_str()), "the same document");
});
