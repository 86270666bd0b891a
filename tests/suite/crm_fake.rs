//! Fakes of the CRMs' APIs on 127.0.0.1, started by a test: [`Fake::serve`] runs a small HTTP
//! server around an answering function, and [`Fake::hubspot`] is HubSpot's contacts search
//! ([`Fake::salesforce`] and [`Fake::pipedrive`] are the other two). The HubSpot fake holds
//! contacts and answers `POST /crm/v3/objects/contacts/search` as the documented API does (a `createdate`
//! range in epoch milliseconds, `limit`, `after`, `total`, `paging.next.after`, 400 past
//! 10,000 results, every property value a string or `null`). A test can put answers in front
//! (a 429, a 500, a 401, a broken body). Bounded: it serves at most `max_requests` requests,
//! then stops listening.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use serde_json::{Map, Value, json};

/// One request as the fake received it.
#[derive(Clone, Debug)]
pub struct Received {
    pub method: String,
    pub path: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// An answer: status, headers and body.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn new(status: u16, body: &str) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: body.to_owned(),
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
}

/// A running fake.
pub struct Fake {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    pub received: Arc<Mutex<Vec<Received>>>,
    /// Answers given before the contacts' own, first first.
    pub scripted: Arc<Mutex<Vec<Reply>>>,
}

/// One contact: its id and properties (values as HubSpot sends them).
#[derive(Clone, Debug)]
pub struct Contact {
    pub id: u64,
    /// `createdate` in epoch milliseconds, for the range filter.
    pub created_ms: i64,
    pub properties: Map<String, Value>,
}

impl Fake {
    /// Starts a fake holding `contacts` that serves at most `max_requests` requests.
    pub fn hubspot(mut contacts: Vec<Contact>, max_requests: usize) -> Self {
        contacts.sort_by_key(|c| (c.created_ms, c.id));
        Self::serve("fake hubspot", max_requests, move |request| {
            search(&contacts, request)
        })
    }

    /// Starts a fake that answers with `answer` whatever no scripted reply answers, at most
    /// `max_requests` requests.
    pub fn serve(
        name: &str,
        max_requests: usize,
        mut answer: impl FnMut(&Received) -> Reply + Send + 'static,
    ) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let received = Arc::new(Mutex::new(Vec::new()));
        let scripted: Arc<Mutex<Vec<Reply>>> = Arc::new(Mutex::new(Vec::new()));
        let (log, script) = (Arc::clone(&received), Arc::clone(&scripted));
        std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                for _ in 0..max_requests {
                    let Ok((stream, _)) = listener.accept() else {
                        return;
                    };
                    stream
                        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
                        .unwrap();
                    let mut reader = BufReader::new(stream.try_clone().unwrap());
                    let Some(request) = read_request(&mut reader) else {
                        continue;
                    };
                    log.lock().unwrap().push(request.clone());
                    let reply = {
                        let mut script = script.lock().unwrap();
                        if script.is_empty() {
                            None
                        } else {
                            Some(script.remove(0))
                        }
                    }
                    .unwrap_or_else(|| answer(&request));
                    let mut stream = stream;
                    let mut head = format!(
                        "HTTP/1.1 {} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
                        reply.status,
                        reply.body.len()
                    );
                    for (name, value) in &reply.headers {
                        head.push_str(&format!("{name}: {value}\r\n"));
                    }
                    head.push_str("\r\n");
                    let _ = stream.write_all(head.as_bytes());
                    let _ = stream.write_all(reply.body.as_bytes());
                    let _ = stream.flush();
                }
            })
            .unwrap();
        Self {
            url,
            received,
            scripted,
        }
    }

    /// Puts `reply` in front of the contacts' answers.
    pub fn script(&self, reply: Reply) {
        self.scripted.lock().unwrap().push(reply);
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

fn read_request(reader: &mut BufReader<std::net::TcpStream>) -> Option<Received> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_owned();
    let path = parts.next()?.to_owned();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_lowercase(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .map_or(0, |(_, v)| v.parse().unwrap());
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Received {
        method,
        path,
        headers,
        body: String::from_utf8(body).unwrap(),
    })
}

/// The portal the fake's account details name.
pub const PORTAL_ID: u64 = 62515;

/// The search endpoint over `contacts` (sorted by creation), as documented, and the account
/// details (`GET /account-info/v3/details`) with the fields every portal has.
fn search(contacts: &[Contact], request: &Received) -> Reply {
    if request.method == "GET" && request.path == "/account-info/v3/details" {
        let details = json!({
            "portalId": PORTAL_ID,
            "accountType": "STANDARD",
            "timeZone": "Europe/Amsterdam",
            "companyCurrency": "EUR",
            "additionalCurrencies": [],
            "utcOffset": "+01:00",
            "utcOffsetMilliseconds": 3_600_000,
            "uiDomain": "app-eu1.hubspot.com",
            "dataHostingLocation": "eu1",
        });
        return Reply::new(200, &details.to_string());
    }
    if request.method != "POST" || request.path != "/crm/v3/objects/contacts/search" {
        return Reply::new(404, r#"{"status":"error","message":"not found"}"#);
    }
    let body: Value = serde_json::from_str(&request.body).unwrap();
    let filters = body["filterGroups"][0]["filters"].as_array().unwrap();
    let bound = |operator: &str| {
        filters
            .iter()
            .find(|f| f["propertyName"] == "createdate" && f["operator"] == operator)
            .map(|f| f["value"].as_str().unwrap().parse::<i64>().unwrap())
    };
    let (from, to) = (
        bound("GTE").unwrap_or(i64::MIN),
        bound("LT").unwrap_or(i64::MAX),
    );
    let limit = body["limit"].as_u64().unwrap() as usize;
    assert!(limit <= 200, "HubSpot allows at most 200 a page");
    let after: usize = body["after"].as_str().map_or(0, |a| a.parse().unwrap());
    if after + limit > 10_000 {
        return Reply::new(
            400,
            r#"{"status":"error","message":"There was a problem with the request.","category":"VALIDATION_ERROR"}"#,
        );
    }
    let wanted: Vec<&str> = body["properties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    // The contacts are sorted by creation: the range is a slice.
    let start = contacts.partition_point(|c| c.created_ms < from);
    let end = contacts.partition_point(|c| c.created_ms < to);
    let matching = &contacts[start..end.max(start)];
    let page: Vec<Value> = matching
        .iter()
        .skip(after)
        .take(limit)
        .map(|c| {
            let properties: Map<String, Value> = c
                .properties
                .iter()
                .filter(|(name, _)| wanted.contains(&name.as_str()))
                .map(|(n, v)| (n.clone(), v.clone()))
                .collect();
            json!({
                "id": c.id.to_string(),
                "properties": properties,
                "createdAt": "2027-01-01T00:00:00.000Z",
                "updatedAt": "2027-01-01T00:00:00.000Z",
                "archived": false,
            })
        })
        .collect();
    let mut answer = json!({"total": matching.len(), "results": page});
    if after + limit < matching.len() {
        answer["paging"] =
            json!({"next": {"after": (after + limit).to_string(), "link": "?after="}});
    }
    Reply::new(200, &answer.to_string())
}

/// A record of Salesforce or Pipedrive: when it was created (for the filters and the order)
/// and its fields as the API sends them.
#[derive(Clone, Debug)]
pub struct Item {
    pub created_ms: i64,
    pub fields: Map<String, Value>,
}

/// What the Salesforce fake holds.
#[derive(Clone, Debug, Default)]
pub struct Org {
    pub name: String,
    /// Leads, with `Id`, `CreatedDate`, … and `ConvertedOpportunityId`.
    pub leads: Vec<Item>,
    /// Opportunities, with `Id`, `IsWon`, `CloseDate`, `Amount`.
    pub opportunities: Vec<Map<String, Value>>,
    /// Records a page (Salesforce's default is 2,000).
    pub batch: usize,
}

/// `%XX` and `+` decoded.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}

/// The query parameters of a request's path, decoded.
pub fn query_of(path: &str) -> Vec<(String, String)> {
    path.split_once('?')
        .map(|(_, q)| {
            q.split('&')
                .filter_map(|pair| pair.split_once('='))
                .map(|(k, v)| (percent_decode(k), percent_decode(v)))
                .collect()
        })
        .unwrap_or_default()
}

fn parameter<'q>(query: &'q [(String, String)], name: &str) -> Option<&'q str> {
    query
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Epoch milliseconds of an ISO date-time (`Z`, `+00:00` or `+0000`).
pub fn iso_ms(text: &str) -> i64 {
    chrono::DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z")
        .or_else(|_| chrono::DateTime::parse_from_rfc3339(text))
        .unwrap()
        .timestamp_millis()
}

/// The fields `select` names of `record`, with `null` for those it lacks (as Salesforce sends
/// every field asked for), and the record's `attributes`.
fn project(record: &Map<String, Value>, object: &str, select: &[&str]) -> Value {
    let mut out = Map::new();
    out.insert(
        "attributes".into(),
        json!({"type": object, "url": format!("/services/data/v62.0/sobjects/{object}/{}", record["Id"].as_str().unwrap_or_default())}),
    );
    for field in select {
        out.insert(
            (*field).to_owned(),
            record.get(*field).cloned().unwrap_or(Value::Null),
        );
    }
    Value::Object(out)
}

impl Fake {
    /// Salesforce's REST query resource over `org`, as documented: `GET
    /// /services/data/v62.0/query?q=…` for the organization's name, the count of leads from a
    /// day, the leads from a day (oldest first, `batch` a page, `nextRecordsUrl` and `done`) and
    /// the opportunities of a list of ids; every record with its `attributes`.
    pub fn salesforce(mut org: Org, max_requests: usize) -> Self {
        org.leads.sort_by_key(|l| l.created_ms);
        let opportunities: std::collections::HashMap<String, Map<String, Value>> = org
            .opportunities
            .drain(..)
            .map(|o| (o["Id"].as_str().unwrap().to_owned(), o))
            .collect();
        // Each query run, to page on by its locator: the leads from an index with the fields
        // asked for (projected page by page, so a long benchmark does not pile them up), or
        // the opportunities found.
        let mut runs: Vec<(usize, Vec<String>, Vec<Value>)> = Vec::new();
        Self::serve("fake salesforce", max_requests, move |request| {
            let not_found = Reply::new(
                404,
                r#"[{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]"#,
            );
            if request.method != "GET" {
                return not_found;
            }
            let page = |runs: &Vec<(usize, Vec<String>, Vec<Value>)>, run: usize, offset: usize| {
                let (from, select, found) = &runs[run];
                let select: Vec<&str> = select.iter().map(String::as_str).collect();
                let total = if select.is_empty() {
                    found.len()
                } else {
                    org.leads.len() - from
                };
                let end = (offset + org.batch).min(total);
                let records: Vec<Value> = if select.is_empty() {
                    found[offset..end].to_vec()
                } else {
                    org.leads[from + offset..from + end]
                        .iter()
                        .map(|l| project(&l.fields, "Lead", &select))
                        .collect()
                };
                let mut answer = json!({
                    "totalSize": total,
                    "done": end == total,
                    "records": records,
                });
                if end < total {
                    answer["nextRecordsUrl"] =
                        json!(format!("/services/data/v62.0/query/01gFAKE{run}-{end}"));
                }
                Reply::new(200, &answer.to_string())
            };
            let path = request.path.split('?').next().unwrap();
            if let Some(locator) = path.strip_prefix("/services/data/v62.0/query/01gFAKE") {
                let (run, offset) = locator.split_once('-').unwrap();
                return page(&runs, run.parse().unwrap(), offset.parse().unwrap());
            }
            if path != "/services/data/v62.0/query" {
                return not_found;
            }
            let query = query_of(&request.path);
            let soql = parameter(&query, "q").unwrap().to_owned();
            if soql == "SELECT Name FROM Organization" {
                let answer = json!({"totalSize": 1, "done": true, "records": [
                    {"attributes": {"type": "Organization"}, "Name": org.name},
                ]});
                return Reply::new(200, &answer.to_string());
            }
            let (select, rest) = soql
                .strip_prefix("SELECT ")
                .unwrap()
                .split_once(" FROM ")
                .unwrap();
            let select: Vec<&str> = select.split(", ").collect();
            if let Some(condition) = rest.strip_prefix("Lead WHERE CreatedDate >= ") {
                let since = iso_ms(condition.split(' ').next().unwrap());
                let from = org.leads.partition_point(|l| l.created_ms < since);
                if select == ["COUNT()"] {
                    let answer =
                        json!({"totalSize": org.leads.len() - from, "done": true, "records": []});
                    return Reply::new(200, &answer.to_string());
                }
                assert!(rest.ends_with(" ORDER BY CreatedDate"), "{soql}");
                runs.push((
                    from,
                    select.iter().map(|s| (*s).to_owned()).collect(),
                    Vec::new(),
                ));
                return page(&runs, runs.len() - 1, 0);
            }
            if let Some(ids) = rest.strip_prefix("Opportunity WHERE Id IN ('") {
                let ids: Vec<&str> = ids.strip_suffix("')").unwrap().split("','").collect();
                assert!(ids.len() <= 200, "at most 200 ids a query");
                runs.push((
                    0,
                    Vec::new(),
                    ids.iter()
                        .filter_map(|id| opportunities.get(*id))
                        .map(|o| project(o, "Opportunity", &select))
                        .collect(),
                ));
                return page(&runs, runs.len() - 1, 0);
            }
            Reply::new(
                400,
                &json!([{"errorCode": "MALFORMED_QUERY", "message": format!("unexpected query: {soql}")}]).to_string(),
            )
        })
    }

    /// Pipedrive's API over `leads` and `deals`, as documented: `GET /api/v1/users/me`
    /// (`company_name`), `GET /api/v1/leads` (`limit` up to 500, `start`, `sort`,
    /// `archived_status`; `additional_data.more_items_in_collection`) and `GET /api/v2/deals`
    /// (`limit`, `cursor`, `updated_since`, `sort_by`; `additional_data.next_cursor`), `page`
    /// items a page at most.
    pub fn pipedrive(
        company: &str,
        mut leads: Vec<Item>,
        mut deals: Vec<Item>,
        page: usize,
        max_requests: usize,
    ) -> Self {
        leads.sort_by_key(|l| std::cmp::Reverse(l.created_ms));
        deals.sort_by_key(|d| d.created_ms);
        let company = company.to_owned();
        Self::serve("fake pipedrive", max_requests, move |request| {
            let path = request.path.split('?').next().unwrap();
            let query = query_of(&request.path);
            let number = |name: &str| parameter(&query, name).map(|v| v.parse::<usize>().unwrap());
            match (request.method.as_str(), path) {
                ("GET", "/api/v1/users/me") => Reply::new(
                    200,
                    &json!({"success": true, "data": {"id": 1, "name": "Ann", "company_name": company, "company_domain": "acme"}}).to_string(),
                ),
                ("GET", "/api/v1/leads") => {
                    let limit = number("limit").unwrap_or(100);
                    assert!(limit <= 500, "Pipedrive allows at most 500 a page");
                    assert_eq!(parameter(&query, "sort"), Some("add_time DESC"));
                    assert_eq!(parameter(&query, "archived_status"), Some("all"));
                    let start = number("start").unwrap_or(0);
                    let end = (start + limit.min(page)).min(leads.len());
                    let data: Vec<&Map<String, Value>> =
                        leads[start.min(end)..end].iter().map(|l| &l.fields).collect();
                    let answer = json!({
                        "success": true,
                        "data": if data.is_empty() { Value::Null } else { json!(data) },
                        "additional_data": {"start": start, "limit": limit, "more_items_in_collection": end < leads.len()},
                    });
                    Reply::new(200, &answer.to_string())
                }
                ("GET", "/api/v2/deals") => {
                    let limit = number("limit").unwrap_or(100);
                    assert!(limit <= 500, "Pipedrive allows at most 500 a page");
                    let since = iso_ms(parameter(&query, "updated_since").unwrap());
                    let from = deals.partition_point(|d| d.created_ms < since);
                    let start = parameter(&query, "cursor")
                        .map_or(from, |c| c.strip_prefix("eyJpZCI6").unwrap().parse().unwrap());
                    let end = (start + limit.min(page)).min(deals.len());
                    let data: Vec<&Map<String, Value>> =
                        deals[start..end].iter().map(|d| &d.fields).collect();
                    let next = (end < deals.len()).then(|| format!("eyJpZCI6{end}"));
                    let answer = json!({
                        "success": true,
                        "data": data,
                        "additional_data": {"next_cursor": next},
                    });
                    Reply::new(200, &answer.to_string())
                }
                _ => Reply::new(
                    404,
                    r#"{"success":false,"error":"Resource not found","errorCode":404}"#,
                ),
            }
        })
    }
}
