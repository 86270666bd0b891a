//! Any bytes given to the loader must give a document or an error, never a panic; a document
//! that loads must plan or list its problems without panicking, and survive a save round trip.
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
    if let Ok(written) = document::to_ron(&doc) {
        let again = document::parse(&written, Path::new("fuzz.sla.ron"));
        assert!(again.is_ok(), "a saved document must load again: {again:?}");
    }
});
