//! A fake of HubSpot's contacts search on 127.0.0.1, started by a test: it holds contacts and
//! answers `POST /crm/v3/objects/contacts/search` as the documented API does (a `createdate`
//! range in epoch milliseconds, `limit`, `after`, `total`, `paging.next.after`, 400 past
//! 10,000 results, every property value a string or `null`). A test can put answers in front
//! (a 429, a 500, a 401, a broken body). Bounded: it serves at most `max_requests` requests,
//! then stops listening.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

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
    pub properties: serde_json::Map<String, Value>,
}

impl Fake {
    /// Starts a fake holding `contacts` that serves at most `max_requests` requests.
    pub fn hubspot(mut contacts: Vec<Contact>, max_requests: usize) -> Self {
        contacts.sort_by_key(|c| (c.created_ms, c.id));
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let received = Arc::new(Mutex::new(Vec::new()));
        let scripted: Arc<Mutex<Vec<Reply>>> = Arc::new(Mutex::new(Vec::new()));
        let (log, script) = (Arc::clone(&received), Arc::clone(&scripted));
        std::thread::Builder::new()
            .name("fake hubspot".into())
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
                .unwrap_or_else(|| search(&contacts, &request));
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
            let properties: serde_json::Map<String, Value> = c
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
