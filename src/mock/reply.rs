//! What the fake answers with: JSON bodies, Intercom `error.list` bodies and
//! proxy-style HTML pages, turned into a wiremock `ResponseTemplate` at the
//! very end so faults can still change them (delay, truncation).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};
use wiremock::ResponseTemplate;
use wiremock::http::{HeaderName, HeaderValue};

/// The fake workspace's id (`app.id_code`, contacts' `workspace_id`).
pub(crate) const WORKSPACE_ID: &str = "fakeapp1";

/// Unix seconds of a time (0 before the epoch).
pub(crate) fn unix_secs(t: SystemTime) -> i64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Per-request facts every handler may need.
#[derive(Debug)]
pub(crate) struct Ctx {
    /// The request's time on the fake's clock, in unix seconds.
    pub(crate) now: i64,
    /// The `request_id` of the answer (body of errors, `X-Request-Id` header).
    pub(crate) request_id: String,
}

impl Ctx {
    /// An Intercom error list with one entry.
    pub(crate) fn error(&self, status: u16, code: &str, message: impl Into<String>) -> Reply {
        self.error_entry(status, json!({"code": code, "message": message.into()}))
    }

    /// An Intercom error list whose entry names the field in error.
    pub(crate) fn field_error(
        &self,
        status: u16,
        code: &str,
        field: &str,
        message: impl Into<String>,
    ) -> Reply {
        self.error_entry(
            status,
            json!({"code": code, "message": message.into(), "field": field}),
        )
    }

    fn error_entry(&self, status: u16, entry: Value) -> Reply {
        Reply::json(
            status,
            &json!({
                "type": "error.list",
                "request_id": self.request_id,
                "errors": [entry],
            }),
        )
    }

    /// `400 parameter_invalid` naming a field.
    pub(crate) fn invalid(&self, field: &str, message: impl Into<String>) -> Reply {
        self.field_error(400, "parameter_invalid", field, message)
    }
}

/// A response being built.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    content_type: &'static str,
    pub(crate) body: Vec<u8>,
    headers: Vec<(&'static str, String)>,
    delay: Option<Duration>,
}

impl Reply {
    /// A JSON body with any status.
    pub(crate) fn json(status: u16, body: &Value) -> Reply {
        Reply {
            status: valid_status(status),
            content_type: "application/json; charset=utf-8",
            // Serializing a `Value` cannot fail (its map keys are strings).
            body: serde_json::to_vec(body).unwrap_or_default(),
            headers: Vec::new(),
            delay: None,
        }
    }

    /// `200` with a JSON body.
    pub(crate) fn ok(body: &Value) -> Reply {
        Reply::json(200, body)
    }

    /// Raw bytes (a download) with any status.
    pub(crate) fn bytes(status: u16, content_type: &'static str, body: Vec<u8>) -> Reply {
        Reply {
            status: valid_status(status),
            content_type,
            body,
            headers: Vec::new(),
            delay: None,
        }
    }

    /// `204 No Content`, as Intercom answers some deletes.
    pub(crate) fn no_content() -> Reply {
        Reply {
            body: Vec::new(),
            ..Reply::json(204, &Value::Null)
        }
    }

    /// An HTML error page, as a proxy or load balancer in front of Intercom
    /// would send it.
    pub(crate) fn html(status: u16) -> Reply {
        let status = valid_status(status);
        let reason = reason(status);
        let page = format!(
            "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n\
             <center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n\
             </body>\r\n</html>\r\n"
        );
        Reply {
            status,
            content_type: "text/html",
            body: page.into_bytes(),
            headers: Vec::new(),
            delay: None,
        }
    }

    /// Add a header (dropped at the end if its value is not a valid header
    /// value, rather than panicking).
    pub(crate) fn header(mut self, name: &'static str, value: impl Into<String>) -> Reply {
        self.headers.push((name, value.into()));
        self
    }

    /// Send the answer after `delay`.
    pub(crate) fn delayed(mut self, delay: Duration) -> Reply {
        self.delay = Some(delay);
        self
    }

    /// Cut the body in half, as a connection dropped mid-response would.
    pub(crate) fn truncated(mut self) -> Reply {
        let keep = self.body.len() / 2;
        self.body.truncate(keep.max(1).min(self.body.len()));
        self
    }

    /// The wiremock response.
    pub(crate) fn into_template(self) -> ResponseTemplate {
        let mut t = ResponseTemplate::new(self.status).set_body_raw(self.body, self.content_type);
        for (name, value) in self.headers {
            if let Ok(value) = HeaderValue::from_str(&value) {
                t = t.insert_header(HeaderName::from_static(name), value);
            }
        }
        if let Some(d) = self.delay {
            t = t.set_delay(d);
        }
        t
    }
}

/// A status wiremock can send: 200..=599, anything else becomes 500.
fn valid_status(status: u16) -> u16 {
    if (200..=599).contains(&status) {
        status
    } else {
        500
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Temporarily Unavailable",
        504 => "Gateway Time-out",
        _ => "Error",
    }
}

/// The `errors[].code` and message Intercom uses for a status.
pub(crate) fn code_for_status(status: u16) -> (&'static str, &'static str) {
    match status {
        400 => ("parameter_invalid", "Bad request"),
        401 => ("unauthorized", "Access Token Invalid"),
        403 => ("forbidden", "Not authorized to access resource"),
        404 => ("not_found", "Resource Not Found"),
        408 => ("request_timeout", "The request timed out"),
        409 => ("conflict", "Conflict"),
        429 => ("rate_limit_exceeded", "Exceeded rate limit"),
        500 => ("server_error", "An internal server error occurred"),
        502 => ("server_error", "Bad gateway"),
        503 => ("service_unavailable", "Service Unavailable"),
        504 => ("request_timeout", "The request timed out"),
        s if s >= 500 => ("server_error", "An internal server error occurred"),
        _ => ("parameter_invalid", "Bad request"),
    }
}

/// A small, fast pseudo-random generator (splitmix64) for ids. Seeded from
/// the standard library's per-process random hash keys; not for secrets.
#[derive(Debug)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new() -> Rng {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(0x1CE_C0DE);
        Rng(h.finish())
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A 24-hex-digit id like Intercom's (a Mongo ObjectId: creation time,
    /// then random bits).
    pub(crate) fn object_id(&mut self, now: i64) -> String {
        // ObjectIds hold the time as 32 bits; wrapping is what they do too.
        let secs = (now as u64) & 0xFFFF_FFFF;
        format!("{secs:08x}{:016x}", self.next_u64())
    }

    /// A version-4-shaped UUID, like Intercom's `request_id`.
    pub(crate) fn uuid(&mut self) -> String {
        let a = self.next_u64();
        let b = self.next_u64();
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xFFFF,
            a & 0x0FFF,
            0x8000 | ((b >> 48) & 0x3FFF),
            b & 0xFFFF_FFFF_FFFF
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_intercoms_shape() {
        let mut rng = Rng::new();
        let id = rng.object_id(1_734_537_437);
        assert_eq!(id.len(), 24);
        assert!(id.starts_with("6762f0dd"), "{id}");
        let uuid = rng.uuid();
        let parts: Vec<_> = uuid.split('-').map(str::len).collect();
        assert_eq!(parts, vec![8, 4, 4, 4, 12], "{uuid}");
        assert_ne!(rng.uuid(), uuid);
    }

    #[test]
    fn truncation_cuts_json() {
        let r = Reply::ok(&json!({"type": "contact", "id": "abc"})).truncated();
        assert!(serde_json::from_slice::<Value>(&r.body).is_err());
        assert!(!r.body.is_empty());
    }

    #[test]
    fn odd_statuses_do_not_panic() {
        assert_eq!(Reply::html(42).status, 500);
        assert_eq!(Reply::json(1000, &json!({})).status, 500);
        let _ = Reply::ok(&json!({}))
            .header("link", "bad\nvalue")
            .into_template();
    }
}
