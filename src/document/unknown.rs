//! Fields this version does not know. The format lets a newer version add fields without a new
//! format version, and people mistype names by hand; either way the field must not vanish on
//! the next save. Serde tells which fields it skipped, the text outline tells where they are;
//! the loader reports them (with "did you mean …?") and the writer puts their text back.

use serde::{Deserialize, Serialize};

use super::text::{FieldPath, Outline, Step, line_col, outline};

/// A field this version does not know, kept as written so the next save writes it back.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct KeptField {
    /// Where the field sits, its own name last.
    pub path: FieldPath,
    /// The field exactly as written: `name: value`, comments inside the value included.
    pub text: String,
}

/// An unknown field as the loader reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownField {
    pub path: FieldPath,
    /// Line and column of the field's name, from 1; 0 when the text could not be matched.
    pub line: usize,
    pub col: usize,
    /// A known field with a similar name, for a likely typo.
    pub suggestion: Option<&'static str>,
}

/// Converts `serde_ignored`'s path to ours.
pub(super) fn path_of(path: &serde_ignored::Path<'_>) -> FieldPath {
    let mut steps = Vec::new();
    let mut current = path;
    loop {
        match current {
            serde_ignored::Path::Root => break,
            serde_ignored::Path::Seq { parent, index } => {
                steps.push(Step::Index(*index));
                current = parent;
            }
            serde_ignored::Path::Map { parent, key } => {
                steps.push(Step::Field(key.clone()));
                current = parent;
            }
            serde_ignored::Path::Some { parent }
            | serde_ignored::Path::NewtypeStruct { parent }
            | serde_ignored::Path::NewtypeVariant { parent } => {
                steps.push(Step::Some);
                current = parent;
            }
        }
    }
    steps.reverse();
    FieldPath(steps)
}

/// Finds the ignored fields in `text`: what to keep and what to report.
pub(super) fn locate(text: &str, ignored: &[FieldPath]) -> (Vec<KeptField>, Vec<UnknownField>) {
    let outline = outline(text, None);
    let mut kept = Vec::new();
    let mut reported = Vec::new();
    for path in ignored {
        let span = outline.fields.iter().find(|f| f.path == *path);
        let (line, col) = span.map_or((0, 0), |span| line_col(text, span.start));
        if let Some(span) = span {
            kept.push(KeptField {
                path: path.clone(),
                text: text[span.start..span.end].to_owned(),
            });
        }
        reported.push(UnknownField {
            path: path.clone(),
            line,
            col,
            suggestion: path.last_field().and_then(suggest),
        });
    }
    kept.sort();
    (kept, reported)
}

/// Writes the kept fields back into `text` (this version's output), each at the end of the
/// struct it was found in. A field whose struct no longer exists (its scenario was deleted,
/// capacity switched off) goes with it.
pub(super) fn restore(text: &str, kept: &[KeptField]) -> String {
    if kept.is_empty() {
        return text.to_owned();
    }
    let outline: Outline = outline(text, None);
    // (offset, text to insert), applied from the end so earlier offsets stay valid.
    let mut inserts: Vec<(usize, String)> = Vec::new();
    for end in &outline.struct_ends {
        let fields: Vec<&str> = kept
            .iter()
            .filter(|k| k.path.parent() == end.path)
            .map(|k| k.text.as_str())
            .collect();
        if fields.is_empty() {
            continue;
        }
        let line_start = text[..end.close].rfind('\n').map_or(0, |i| i + 1);
        let before_close = &text[line_start..end.close];
        if before_close.trim().is_empty() {
            // `)` on a line of its own (pretty output): one line per field, one level deeper.
            let insert: String = fields
                .iter()
                .map(|field| format!("{before_close}    {field},\n"))
                .collect();
            inserts.push((line_start, insert));
            if let (Some(value_end), false) = (end.last_value_end, end.trailing_comma) {
                inserts.push((value_end, ",".to_owned()));
            }
        } else {
            let separator = match (end.last_value_end, end.trailing_comma) {
                (Some(_), false) => ", ",
                (Some(_), true) => " ",
                (None, _) => "",
            };
            inserts.push((end.close, format!("{separator}{}", fields.join(", "))));
        }
    }
    inserts.sort_by_key(|insert| std::cmp::Reverse(insert.0));
    let mut out = text.to_owned();
    for (offset, insert) in inserts {
        out.insert_str(offset, &insert);
    }
    out
}

/// Every field name the document's types know, for "did you mean …?".
fn known_fields() -> Vec<&'static str> {
    use super::{
        CrmLink, ImportMapping, LastSync, Owners, Revision, Scenario, SlaDocument, SourceDay,
        Tracking,
    };
    use crate::plan::{
        Assumptions, FunnelStage, LeadSource, Period, SalesCapacity, SalesCommitments,
    };
    let mut names = Vec::new();
    names.extend(fields_of::<SlaDocument>());
    names.extend(fields_of::<Owners>());
    names.extend(fields_of::<Scenario>());
    names.extend(fields_of::<Assumptions>());
    names.extend(fields_of::<FunnelStage>());
    names.extend(fields_of::<Period>());
    names.extend(fields_of::<LeadSource>());
    names.extend(fields_of::<SalesCapacity>());
    names.extend(fields_of::<SalesCommitments>());
    names.extend(fields_of::<SourceDay>());
    names.extend(fields_of::<Tracking>());
    names.extend(fields_of::<ImportMapping>());
    names.extend(fields_of::<CrmLink>());
    names.extend(fields_of::<LastSync>());
    names.extend(fields_of::<Revision>());
    names.sort_unstable();
    names.dedup();
    names
}

/// The field names of a struct, as its derived `Deserialize` announces them.
fn fields_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(FieldsProbe(&mut fields));
    fields
}

/// A deserializer that only records the field list of the struct asked for, then stops.
struct FieldsProbe<'a>(&'a mut &'static [&'static str]);

impl<'de> serde::Deserializer<'de> for FieldsProbe<'_> {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(serde::de::Error::custom("only struct fields are probed"))
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(serde::de::Error::custom("probed"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The known field closest to `name`, when it is close enough to be a typo. Names longer than
/// any field are no typo (and would make the distance table needlessly big).
fn suggest(name: &str) -> Option<&'static str> {
    if name.len() > 64 {
        return None;
    }
    let limit = (name.chars().count() / 4).clamp(1, 3);
    known_fields()
        .into_iter()
        .map(|known| (edit_distance(name, known), known))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, known)| known)
}

/// Levenshtein distance, with a swap of two neighbours counted as one edit (the commonest
/// typo: `revenue_gaol`).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_field_a_typo_meant() {
        assert_eq!(suggest("revenue_gaol"), Some("revenue_goal"));
        assert_eq!(suggest("curency"), Some("currency"));
        assert_eq!(suggest("approvals"), None);
    }

    #[test]
    fn the_probe_sees_every_field_of_the_document() {
        let known = known_fields();
        for name in [
            "format_version",
            "revenue_goal",
            "reps",
            "accept_within_hours",
        ] {
            assert!(known.contains(&name), "{name}");
        }
        assert!(
            !known.contains(&"unknown_fields"),
            "not written, so not known"
        );
    }
}
