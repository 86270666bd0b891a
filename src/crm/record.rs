//! One CRM record's values of the mapped fields, as text, handed to
//! [`crate::tracking::import::read_lead`] as a CSV row would be: the JSON values of Salesforce
//! and Pipedrive (strings, numbers, truth values, `null`, Pipedrive's money objects) written
//! the way an export of the same record writes them.

use serde_json::Value;

use crate::document::{ImportField, ImportMapping};
use crate::tracking::import::Fields;

/// A JSON value as text: a string trimmed, `null` or a missing field empty, a number or a
/// truth value as JSON writes it, and a money object (`{"amount": 1250.5, "currency": "EUR"}`,
/// Pipedrive's lead value) as its amount. Anything else (a list, another object) is written
/// as JSON, which no date, count or amount reads: the lead is skipped with the field named.
pub fn text_of(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Object(map)) if map.contains_key("amount") => text_of(map.get("amount")),
        Some(other) => other.to_string(),
    }
}

/// A record's values of the mapped fields.
#[derive(Debug)]
pub struct Record<'m> {
    mapping: &'m ImportMapping,
    values: [Option<String>; ImportField::ALL.len()],
}

impl<'m> Record<'m> {
    /// The values of the fields `mapping` names, each found by `value` from the field's
    /// property name (`None` for a field nothing is mapped to).
    pub fn read(mapping: &'m ImportMapping, value: impl Fn(&str) -> String) -> Self {
        let values = ImportField::ALL.map(|field| mapping.columns.get(&field).map(|n| value(n)));
        Self { mapping, values }
    }
}

impl<'c> Fields<'c> for &'c Record<'_> {
    fn value(&self, field: ImportField) -> Option<&'c str> {
        let record: &'c Record<'_> = self;
        let index = ImportField::ALL.iter().position(|f| *f == field)?;
        record.values.get(index)?.as_deref()
    }

    fn name(&self, field: ImportField) -> Option<String> {
        self.mapping.columns.get(&field).cloned()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn values_read_as_an_export_writes_them() {
        assert_eq!(text_of(Some(&json!(" Web "))), "Web");
        assert_eq!(text_of(Some(&json!(1250.5))), "1250.5");
        assert_eq!(text_of(Some(&json!(true))), "true");
        assert_eq!(text_of(Some(&Value::Null)), "");
        assert_eq!(text_of(None), "");
        assert_eq!(
            text_of(Some(&json!({"amount": 300, "currency": "EUR"}))),
            "300"
        );
        assert_eq!(text_of(Some(&json!([1]))), "[1]");
    }
}
