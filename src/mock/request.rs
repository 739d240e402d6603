//! A request as the fake's routes see it: method, decoded path segments,
//! query and body.

use serde_json::{Map, Value};

use super::reply::{Ctx, Reply};

/// A request as the routes see it.
#[derive(Debug)]
pub(crate) struct Incoming<'a> {
    /// Upper-case method, e.g. `GET`.
    pub(crate) method: &'a str,
    /// The raw (percent-encoded) path.
    pub(crate) path: &'a str,
    /// Percent-decoded, non-empty path segments.
    pub(crate) segments: Vec<String>,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) body: &'a [u8],
}

impl Incoming<'_> {
    /// The path segments as `&str`, for matching.
    pub(crate) fn segs(&self) -> Vec<&str> {
        self.segments.iter().map(String::as_str).collect()
    }

    /// The first value of a query parameter.
    pub(crate) fn query(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The body as a JSON object; an empty body is an empty object.
    pub(crate) fn object(&self, ctx: &Ctx) -> Result<Map<String, Value>, Reply> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Map::new());
        }
        match serde_json::from_slice::<Value>(self.body) {
            Ok(Value::Object(m)) => Ok(m),
            Ok(_) => Err(ctx.error(
                400,
                "parameter_invalid",
                "The request body must be a JSON object",
            )),
            Err(e) => Err(ctx.error(
                400,
                "parameter_invalid",
                format!("The request body is not valid JSON: {e}"),
            )),
        }
    }
}

/// A required, non-blank string field of a body, else
/// `400 parameter_not_found` naming it.
pub(crate) fn required<'b>(
    ctx: &Ctx,
    body: &'b Map<String, Value>,
    key: &str,
) -> Result<&'b str, Reply> {
    match body.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s),
        None | Some(Value::Null) => Err(ctx.field_error(
            400,
            "parameter_not_found",
            key,
            format!("{key} is required"),
        )),
        Some(_) => Err(ctx.invalid(key, format!("{key} must be a non-empty string"))),
    }
}

/// An id that may come as a string or a number, as text.
pub(crate) fn id_text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A note body as Intercom stores it: HTML as given, plain text in a
/// paragraph.
pub(crate) fn as_html(text: &str) -> String {
    if text.trim_start().starts_with('<') {
        text.to_owned()
    } else {
        format!("<p>{text}</p>")
    }
}

/// A JSON value as an object (anything else is an empty object).
pub(crate) fn object(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// A body field as a string, when it is a non-blank string or a number.
pub(crate) fn text_field(body: &Map<String, Value>, key: &str) -> Option<String> {
    id_text(body.get(key))
}

/// `{id, object, deleted: true}`, as Intercom answers a delete.
pub(crate) fn deleted(id: &str, object: &str) -> Value {
    serde_json::json!({"id": id, "object": object, "deleted": true})
}

/// Decode `%XX` escapes of a path segment (invalid escapes stay as they are).
pub(crate) fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let Some(b) = bytes
                .get(i + 1..i + 3)
                .and_then(|hex| hex::decode(hex).ok())
                .and_then(|v| v.first().copied())
            {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%2Fb%20c%3Fd"), "a/b c?d");
        assert_eq!(percent_decode("%C3%A9"), "é");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }
}
