//! Requests to a CRM's REST API with the care the APIs ask for: HTTPS only (plain HTTP only to
//! a loopback address, for tests and local proxies), a timeout on every request, `429` waited
//! out as `Retry-After` says (or with a doubling backoff), `5xx` retried a few times, `401` and
//! `403` reported as a wrong token or a missing scope, and a body that is no JSON reported as
//! a broken answer. Blocking (`ureq`): it runs on a worker thread or in the command line.

use std::net::IpAddr;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::{CrmError, Provider};
use crate::tracking::import::Progress;

/// The longest a request may take, from connecting to the last byte of the answer.
pub const TIMEOUT: Duration = Duration::from_secs(60);
/// The largest answer read: a page of 200 contacts is well under a megabyte.
const MAX_BODY: u64 = 64 * 1024 * 1024;
/// How often a `5xx` or a broken connection is retried before the sync gives up.
const SERVER_RETRIES: u32 = 3;
/// How often a `429` is waited out before the sync gives up.
const RATE_RETRIES: u32 = 8;
/// The longest single wait a `Retry-After` may ask for; longer asks are refused as a limit
/// the sync cannot wait out (a daily quota).
const MAX_WAIT: Duration = Duration::from_secs(120);
/// The first backoff when the answer does not say how long to wait; doubled on each retry.
const FIRST_BACKOFF: Duration = Duration::from_millis(250);

/// A client of one CRM's API: its base URL and how it is authenticated.
pub struct Client {
    agent: ureq::Agent,
    provider: Provider,
    base: String,
    auth: (&'static str, String),
    /// The token, only to blank it out of any text the CRM sends back.
    secret: String,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("provider", &self.provider)
            .field("base", &self.base)
            .finish()
    }
}

/// What a request sends.
enum Method<'a> {
    Get(&'a [(&'a str, &'a str)]),
    Post(String),
}

/// Whether `url` may be called: `https://`, or `http://` to a loopback address. Returns the
/// URL without a trailing `/`.
pub fn check_base(url: &str) -> Result<String, CrmError> {
    let url = url.trim().trim_end_matches('/');
    let bad = || CrmError::BadUrl {
        url: url.to_owned(),
    };
    let (scheme, rest) = url.split_once("://").ok_or_else(bad)?;
    let host_port = rest.split('/').next().unwrap_or_default();
    if host_port.is_empty() || host_port.contains('@') {
        return Err(bad());
    }
    match scheme.to_ascii_lowercase().as_str() {
        "https" => Ok(url.to_owned()),
        "http" if is_loopback(host_port) => Ok(url.to_owned()),
        "http" => Err(CrmError::Insecure {
            url: url.to_owned(),
        }),
        _ => Err(bad()),
    }
}

/// `localhost`, `127.x.x.x` or `[::1]`, with or without a port.
fn is_loopback(host_port: &str) -> bool {
    let host = if let Some(rest) = host_port.strip_prefix('[') {
        rest.split(']').next().unwrap_or_default()
    } else {
        host_port.split(':').next().unwrap_or_default()
    };
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

impl Client {
    /// A client of `provider`'s API at `base`, authenticated with `token` as the provider
    /// documents: `Authorization: Bearer` (HubSpot, Salesforce) or `x-api-token` (Pipedrive).
    pub fn new(provider: Provider, base: &str, token: &str) -> Result<Self, CrmError> {
        let base = check_base(base)?;
        let auth = match provider {
            Provider::HubSpot | Provider::Salesforce => {
                ("Authorization", format!("Bearer {token}"))
            }
            Provider::Pipedrive => ("x-api-token", token.to_owned()),
        };
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .https_only(!base.to_ascii_lowercase().starts_with("http://"))
            .timeout_global(Some(TIMEOUT))
            // A redirect could carry the token to another host.
            .max_redirects(0)
            .build();
        Ok(Self {
            agent: config.new_agent(),
            provider,
            base,
            auth,
            secret: token.to_owned(),
        })
    }

    /// `POST path` (from the base URL) with a JSON body; the answer's JSON.
    pub fn post(&self, path: &str, body: &Value, progress: &Progress) -> Result<Value, CrmError> {
        self.send(path, &Method::Post(body.to_string()), progress)
    }

    /// `GET path` (from the base URL) with the query parameters `query` (percent-encoded
    /// here); the answer's JSON.
    pub fn get(
        &self,
        path: &str,
        query: &[(&str, &str)],
        progress: &Progress,
    ) -> Result<Value, CrmError> {
        self.send(path, &Method::Get(query), progress)
    }

    fn send(
        &self,
        path: &str,
        method: &Method<'_>,
        progress: &Progress,
    ) -> Result<Value, CrmError> {
        let url = format!("{}{path}", self.base);
        let mut server_tries = 0;
        let mut rate_tries = 0;
        loop {
            if progress.is_cancelled() {
                return Err(CrmError::Cancelled);
            }
            let answer = match self.call(&url, method) {
                Ok(response) => Answer::read(response),
                Err(ureq::Error::Timeout(_)) => return Err(CrmError::Timeout),
                Err(_) if server_tries < SERVER_RETRIES => {
                    server_tries += 1;
                    wait(backoff(server_tries), progress)?;
                    continue;
                }
                Err(error) => {
                    return Err(CrmError::Network {
                        reason: self.redact(&error.to_string()),
                    });
                }
            };
            match answer.status {
                200..=299 => return self.json(answer, progress),
                429 if rate_tries < RATE_RETRIES => {
                    rate_tries += 1;
                    let pause = answer.asked_wait().unwrap_or_else(|| backoff(rate_tries));
                    if pause > MAX_WAIT {
                        return Err(self.rate_limited(answer.body()));
                    }
                    wait(pause, progress)?;
                }
                429 => return Err(self.rate_limited(answer.body())),
                500..=599 if server_tries < SERVER_RETRIES => {
                    server_tries += 1;
                    wait(backoff(server_tries), progress)?;
                }
                401 => return Err(CrmError::Unauthorized),
                403 => return Err(self.forbidden(answer.body())),
                status => {
                    return Err(CrmError::Refused {
                        status,
                        message: answer
                            .body()
                            .and_then(message_of)
                            .map(|m| self.redact(&m))
                            .unwrap_or_default(),
                    });
                }
            }
        }
    }

    /// One request with the provider's auth header: a GET asking for JSON, or a POST of JSON.
    fn call(
        &self,
        url: &str,
        method: &Method<'_>,
    ) -> Result<ureq::http::Response<ureq::Body>, ureq::Error> {
        match method {
            Method::Get(query) => self
                .agent
                .get(url)
                .header(self.auth.0, &self.auth.1)
                .header("Accept", "application/json")
                .query_pairs(query.iter().copied())
                .call(),
            Method::Post(body) => self
                .agent
                .post(url)
                .header(self.auth.0, &self.auth.1)
                .header("Content-Type", "application/json")
                .send(body),
        }
    }

    /// A `2xx` answer's JSON. When HubSpot says this second's allowance is used up, it is
    /// waited out here rather than earning a `429` with the next request.
    fn json(&self, answer: Answer, progress: &Progress) -> Result<Value, CrmError> {
        let text = answer.text.map_err(|e| CrmError::Malformed {
            reason: self.redact(&e.to_string()),
        })?;
        let value = serde_json::from_str(&text).map_err(|e| CrmError::Malformed {
            reason: e.to_string(),
        })?;
        if answer.secondly_left.as_deref().map(str::trim) == Some("0") {
            wait(Duration::from_secs(1), progress)?;
        }
        Ok(value)
    }

    /// A `403` in the provider's terms: HubSpot names the missing scope; Salesforce answers
    /// `REQUEST_LIMIT_EXCEEDED` when the org's daily API requests are used up (a limit, not a
    /// permission) and otherwise names what is not allowed; Pipedrive says it in `error`.
    fn forbidden(&self, body: Option<&str>) -> CrmError {
        match self.provider {
            Provider::HubSpot => CrmError::Forbidden {
                scope: body.and_then(scope_of).map(|s| self.redact(&s)),
            },
            Provider::Salesforce
                if body.and_then(salesforce_code).as_deref() == Some("REQUEST_LIMIT_EXCEEDED") =>
            {
                CrmError::RateLimited {
                    policy: Some("REQUEST_LIMIT_EXCEEDED".to_owned()),
                }
            }
            Provider::Salesforce | Provider::Pipedrive => CrmError::Denied {
                message: body
                    .and_then(message_of)
                    .map(|m| self.redact(&m))
                    .unwrap_or_default(),
            },
        }
    }

    fn rate_limited(&self, body: Option<&str>) -> CrmError {
        let policy = body
            .and_then(|b| serde_json::from_str::<Value>(b).ok())
            .and_then(|v| {
                v.get("policyName")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            });
        CrmError::RateLimited {
            policy: policy.map(|p| self.redact(&p)),
        }
    }

    /// `text` with the token blanked out: no error message may carry it.
    fn redact(&self, text: &str) -> String {
        if self.secret.is_empty() {
            text.to_owned()
        } else {
            text.replace(&self.secret, "…")
        }
    }
}

/// An answer as read: its status, the headers the retries go by and its body (at most
/// [`MAX_BODY`]).
struct Answer {
    status: u16,
    /// `Retry-After`, else Pipedrive's `X-RateLimit-Reset`: Pipedrive says when its window
    /// resets rather than when to retry.
    retry_after: Option<String>,
    /// HubSpot's requests left in this second.
    secondly_left: Option<String>,
    text: Result<String, ureq::Error>,
}

impl Answer {
    fn read(mut response: ureq::http::Response<ureq::Body>) -> Self {
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let retry_after = header("retry-after").or_else(|| header("x-ratelimit-reset"));
        let secondly_left = header("x-hubspot-ratelimit-secondly-remaining");
        let text = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_string();
        Self {
            status: response.status().as_u16(),
            retry_after,
            secondly_left,
            text,
        }
    }

    /// The body, if it could be read.
    fn body(&self) -> Option<&str> {
        self.text.as_deref().ok()
    }

    /// The wait the answer asks for, in (fractional) seconds.
    fn asked_wait(&self) -> Option<Duration> {
        self.retry_after
            .as_deref()
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s >= 0.0)
            .map(Duration::from_secs_f64)
    }
}

/// The doubling backoff of the `n`th retry (1-based): 250 ms, 500 ms, 1 s, …
fn backoff(n: u32) -> Duration {
    FIRST_BACKOFF.saturating_mul(1 << n.saturating_sub(1).min(8))
}

/// Sleeps `pause`, looking at the cancel flag every 50 ms.
fn wait(pause: Duration, progress: &Progress) -> Result<(), CrmError> {
    let end = Instant::now() + pause;
    loop {
        if progress.is_cancelled() {
            return Err(CrmError::Cancelled);
        }
        let now = Instant::now();
        if now >= end {
            return Ok(());
        }
        std::thread::sleep((end - now).min(Duration::from_millis(50)));
    }
}

/// The scope a `403` names: HubSpot's `errors[].context.requiredGranularScopes` (or
/// `requiredScopes`), else the scope named in its message.
fn scope_of(body: &str) -> Option<String> {
    let value: Value = serde_json::from_str(body).ok()?;
    let errors = value.get("errors").and_then(Value::as_array);
    for error in errors.into_iter().flatten() {
        let context = error.get("context");
        for key in ["requiredGranularScopes", "requiredScopes"] {
            let scopes: Vec<&str> = context
                .and_then(|c| c.get(key))
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            if !scopes.is_empty() {
                return Some(scopes.join(", "));
            }
        }
    }
    message_of(body)
}

/// The `errorCode` of Salesforce's error answer `[{"message": …, "errorCode": …}]`.
fn salesforce_code(body: &str) -> Option<String> {
    let value: Value = serde_json::from_str(body).ok()?;
    let first = value.as_array()?.first()?;
    first
        .get("errorCode")
        .and_then(Value::as_str)
        .map(str::to_owned)
}

/// The message of an error answer: HubSpot's `message`, Salesforce's `[{"message"}]` (with
/// its `errorCode` after it, the name Salesforce's documentation explains it under),
/// Pipedrive's `error`.
fn message_of(body: &str) -> Option<String> {
    let value: Value = serde_json::from_str(body).ok()?;
    let first = value.as_array().and_then(|a| a.first()).unwrap_or(&value);
    let message: String = ["message", "error"]
        .iter()
        .find_map(|key| first.get(key).and_then(Value::as_str))?
        .chars()
        .take(300)
        .collect();
    match first.get("errorCode").and_then(Value::as_str) {
        Some(code) if value.is_array() => Some(format!("{message} ({code})")),
        _ => Some(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_or_loopback_is_called() {
        assert!(check_base("https://api.hubapi.com/").is_ok());
        assert!(check_base("http://127.0.0.1:8080").is_ok());
        assert!(check_base("http://localhost:1").is_ok());
        assert!(check_base("http://[::1]:1/x").is_ok());
        assert!(matches!(
            check_base("http://api.hubapi.com"),
            Err(CrmError::Insecure { .. })
        ));
        assert!(matches!(
            check_base("http://127.0.0.1@evil.example"),
            Err(CrmError::BadUrl { .. })
        ));
        assert!(matches!(
            check_base("ftp://x"),
            Err(CrmError::BadUrl { .. })
        ));
        assert!(matches!(
            check_base("api.hubapi.com"),
            Err(CrmError::BadUrl { .. })
        ));
    }

    #[test]
    fn a_missing_scope_is_named() {
        let body = r#"{"status":"error","message":"This app hasn't been granted all required scopes.","errors":[{"message":"One or more of the following scopes are required.","context":{"requiredGranularScopes":["crm.objects.contacts.read"]}}],"category":"MISSING_SCOPES"}"#;
        assert_eq!(scope_of(body).as_deref(), Some("crm.objects.contacts.read"));
        assert_eq!(backoff(1), Duration::from_millis(250));
        assert_eq!(backoff(3), Duration::from_secs(1));
    }

    #[test]
    fn salesforce_and_pipedrive_errors_are_read() {
        let salesforce =
            r#"[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]"#;
        assert_eq!(
            message_of(salesforce).as_deref(),
            Some("Session expired or invalid (INVALID_SESSION_ID)")
        );
        assert_eq!(
            salesforce_code(salesforce).as_deref(),
            Some("INVALID_SESSION_ID")
        );
        let pipedrive = r#"{"success":false,"error":"unauthorized access","errorCode":401}"#;
        assert_eq!(
            message_of(pipedrive).as_deref(),
            Some("unauthorized access")
        );
        assert_eq!(salesforce_code(pipedrive), None);
    }
}
