//! Recognising a CRM export: which header names which field, and which status values mean
//! accepted, rejected or customer. Only suggestions: the user confirms or corrects them in the
//! mapping step (`--map` on the command line), and the confirmed mapping is remembered.

use std::collections::BTreeMap;

use crate::document::{ImportField, ImportMapping};

/// A header or status reduced to its letters and digits, lowercased: "Create Date",
/// `create_date` and "CREATEDATE" are one name.
pub fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The header names each field goes by in HubSpot, Salesforce and common Dutch exports,
/// normalised, best first (a file with "First Contact Date" and "Last Contacted" gets the
/// first).
fn known_headers(field: ImportField) -> &'static [&'static str] {
    match field {
        ImportField::Created => &[
            "createdate",
            "createddate",
            "leadcreateddate",
            "datecreated",
            "creationdate",
            "createdat",
            "created",
            "aanmaakdatum",
            "aangemaakt",
            "aangemaaktop",
            "datumaangemaakt",
            "aanmaakdatumlead",
            "datum",
        ],
        ImportField::Source => &[
            "originalsource",
            "leadsource",
            "source",
            "oorspronkelijkebron",
            "leadbron",
            "bron",
            "channel",
            "kanaal",
        ],
        ImportField::FirstContact => &[
            "firstcontactdate",
            "firstcontact",
            "firstcontacted",
            "firstcontactedat",
            "firstactivitydate",
            "firstactivity",
            "firstcalldate",
            "datefirstcontacted",
            "eerstecontact",
            "eerstecontactdatum",
            "datumeerstecontact",
            "eerstecontactmoment",
            "lastcontacted",
            "laatstgecontacteerd",
        ],
        ImportField::Attempts => &[
            "numberofsalesactivities",
            "attempts",
            "callattempts",
            "contactattempts",
            "numberofattempts",
            "numberofcallattempts",
            "aantalpogingen",
            "pogingen",
            "belpogingen",
            "contactpogingen",
        ],
        ImportField::Status => &[
            "lifecyclestage",
            "leadstatus",
            "status",
            "stage",
            "levenscyclusfase",
            "fase",
            "leadfase",
        ],
        ImportField::Reason => &[
            "rejectionreason",
            "disqualificationreason",
            "unqualifiedreason",
            "reason",
            "redenafwijzing",
            "afwijzingsreden",
            "afwijsreden",
            "reden",
        ],
        ImportField::Closed => &[
            "closedate",
            "becameacustomerdate",
            "converteddate",
            "closeddate",
            "wondate",
            "sluitdatum",
            "datumgewonnen",
            "klantsinds",
            "klantdatum",
        ],
        ImportField::Amount => &[
            "amount",
            "dealamount",
            "revenue",
            "value",
            "bedrag",
            "dealbedrag",
            "omzet",
            "waarde",
        ],
    }
}

/// The column each field probably is, by header; each header is used once.
pub fn suggest_columns(headers: &[String]) -> BTreeMap<ImportField, String> {
    let normalised: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let mut taken = vec![false; headers.len()];
    let mut columns = BTreeMap::new();
    for field in ImportField::ALL {
        let found = known_headers(field).iter().find_map(|known| {
            normalised
                .iter()
                .enumerate()
                .position(|(i, h)| !taken.get(i).copied().unwrap_or(true) && h == known)
        });
        if let (Some(i), Some(header)) = (found, headers.get(found.unwrap_or(0))) {
            if let Some(t) = taken.get_mut(i) {
                *t = true;
            }
            columns.insert(field, header.trim().to_owned());
        }
    }
    columns
}

/// What a status value means for the import.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusKind {
    Accepted,
    Rejected,
    Customer,
    /// Neither: a lead still open, a subscriber, an unknown value.
    Other,
}

impl StatusKind {
    pub const ALL: [Self; 4] = [Self::Accepted, Self::Rejected, Self::Customer, Self::Other];
}

/// The meaning of a status value as CRMs commonly use it (HubSpot lifecycle stages, Salesforce
/// lead statuses, Dutch words); `Other` when it is not one of them.
pub fn suggest_status(value: &str) -> StatusKind {
    const CUSTOMER: &[&str] = &[
        "customer",
        "closedwon",
        "won",
        "klant",
        "gewonnen",
        "dealgewonnen",
    ];
    const ACCEPTED: &[&str] = &[
        "sql",
        "salesqualifiedlead",
        "salesqualified",
        "opportunity",
        "salesaccepted",
        "salesacceptedlead",
        "sal",
        "working",
        "workingcontacted",
        "qualified",
        "converted",
        "closedconverted",
        "accepted",
        "geaccepteerd",
        "gekwalificeerd",
        "verkoopkans",
        "inbehandeling",
    ];
    const REJECTED: &[&str] = &[
        "unqualified",
        "disqualified",
        "rejected",
        "badtiming",
        "closednotconverted",
        "notinterested",
        "afgewezen",
        "nietgekwalificeerd",
        "gediskwalificeerd",
        "geeninteresse",
        "closedlost",
        "lost",
        "verloren",
    ];
    let key = normalise(value);
    if CUSTOMER.contains(&key.as_str()) {
        StatusKind::Customer
    } else if ACCEPTED.contains(&key.as_str()) {
        StatusKind::Accepted
    } else if REJECTED.contains(&key.as_str()) {
        StatusKind::Rejected
    } else {
        StatusKind::Other
    }
}

/// How status values are compared: trimmed, ignoring case.
pub fn status_key(value: &str) -> String {
    value.trim().to_lowercase()
}

/// Which kind the mapping gives a status value (compared trimmed and ignoring case).
pub fn status_kind(mapping: &ImportMapping, value: &str) -> Option<StatusKind> {
    let value = status_key(value);
    let has = |list: &[String]| list.iter().any(|v| status_key(v) == value);
    if has(&mapping.customer) {
        Some(StatusKind::Customer)
    } else if has(&mapping.accepted) {
        Some(StatusKind::Accepted)
    } else if has(&mapping.rejected) {
        Some(StatusKind::Rejected)
    } else {
        None
    }
}

/// Sets the kind of a status value in the mapping (removing it from the other lists).
pub fn set_status_kind(mapping: &mut ImportMapping, value: &str, kind: StatusKind) {
    let value = value.trim();
    for list in [
        &mut mapping.accepted,
        &mut mapping.rejected,
        &mut mapping.customer,
    ] {
        list.retain(|v| status_key(v) != status_key(value));
    }
    let list = match kind {
        StatusKind::Accepted => &mut mapping.accepted,
        StatusKind::Rejected => &mut mapping.rejected,
        StatusKind::Customer => &mut mapping.customer,
        StatusKind::Other => return,
    };
    list.push(value.to_owned());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hubspot_salesforce_and_dutch_headers_are_recognised() {
        let headers = |names: &[&str]| names.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let hubspot = suggest_columns(&headers(&[
            "Record ID",
            "Create Date",
            "Original Source",
            "Lifecycle Stage",
            "Last Contacted",
            "First Contact Date",
            "Number of Sales Activities",
            "Became a Customer Date",
            "Amount",
            "Rejection Reason",
        ]));
        assert_eq!(
            hubspot.get(&ImportField::FirstContact).map(String::as_str),
            Some("First Contact Date")
        );
        assert_eq!(hubspot.len(), 8);
        let salesforce = suggest_columns(&headers(&[
            "Created Date",
            "Lead Source",
            "Lead Status",
            "Converted Date",
            "Disqualification Reason",
        ]));
        assert_eq!(
            salesforce.get(&ImportField::Closed).map(String::as_str),
            Some("Converted Date")
        );
        assert_eq!(
            salesforce.get(&ImportField::Reason).map(String::as_str),
            Some("Disqualification Reason")
        );
        let dutch = suggest_columns(&headers(&[
            "Aanmaakdatum",
            "Bron",
            "Status",
            "Reden",
            "Bedrag",
        ]));
        assert_eq!(dutch.len(), 5);
    }

    #[test]
    fn status_values_are_suggested_and_set() {
        assert_eq!(suggest_status("Sales Qualified Lead"), StatusKind::Accepted);
        assert_eq!(
            suggest_status("Closed - Not Converted"),
            StatusKind::Rejected
        );
        assert_eq!(suggest_status("Closed Won"), StatusKind::Customer);
        assert_eq!(suggest_status("Subscriber"), StatusKind::Other);
        let mut mapping = ImportMapping::default();
        set_status_kind(&mut mapping, "SQL", StatusKind::Accepted);
        set_status_kind(&mut mapping, "sql ", StatusKind::Rejected);
        assert_eq!(status_kind(&mapping, "Sql"), Some(StatusKind::Rejected));
        assert!(mapping.accepted.is_empty());
    }
}
