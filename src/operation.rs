//! [`Operation`]: one endpoint of Intercom's API, as one row defines it.
//!
//! Every endpoint of this crate is written once, as a row in its family's
//! table (see [`resources`](crate::resources)). The row produces the method
//! on the family's handle and an [`Operation`] value: the same facts
//! (operationId, method, path template, Rust method) that the tests, the
//! coverage manifest and the fake Intercom read through
//! [`operations()`](crate::operations).

use std::borrow::Cow;

use crate::error::Error;

/// One operation of Intercom's API 2.16 and the Rust method that calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Operation {
    /// The spec's `operationId`, e.g. `getContact`, or `METHOD /path` for
    /// the few operations the spec leaves unnamed.
    pub id: &'static str,
    /// The HTTP method, upper case: `GET`, `POST`, `PUT` or `DELETE`.
    pub method: &'static str,
    /// The path template, e.g. `/contacts/{id}/notes`.
    pub path: &'static str,
    /// The family: the name of the handle on the client, e.g. `contacts`.
    pub family: &'static str,
    /// The method on that handle, e.g. `list_notes`.
    pub rust_method: &'static str,
    /// Whether the method returns a [`ListCall`](crate::ListCall) (pages)
    /// rather than a [`Call`](crate::Call).
    pub paged: bool,
    /// Whether the transport may retry it after a 5xx or a timeout.
    pub idempotent: bool,
}

impl Operation {
    /// How a caller writes it: `client.contacts().list_notes(..)`.
    pub fn rust_call(&self) -> String {
        format!("{}().{}", self.family, self.rust_method)
    }

    /// The reqwest method.
    pub fn http_method(&self) -> reqwest::Method {
        match self.method {
            "GET" => reqwest::Method::GET,
            "POST" => reqwest::Method::POST,
            "PUT" => reqwest::Method::PUT,
            "DELETE" => reqwest::Method::DELETE,
            "PATCH" => reqwest::Method::PATCH,
            other => reqwest::Method::from_bytes(other.as_bytes()).unwrap_or_default(),
        }
    }

    /// The path with each `{name}` replaced by its percent-encoded value.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the parameter when a value is empty or
    /// blank (it would turn `/contacts/{id}` into `/contacts/`), or when a
    /// placeholder has no value.
    pub fn fill(&self, values: &[(&'static str, &str)]) -> Result<String, Error> {
        fill(self.path, values)
    }
}

/// `template` with each `{name}` replaced by its percent-encoded value.
pub(crate) fn fill(template: &str, values: &[(&'static str, &str)]) -> Result<String, Error> {
    for (name, value) in values {
        if value.trim().is_empty() {
            return Err(Error::invalid(*name, "must not be empty"));
        }
    }
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or(after.len());
        let name = &after[..close];
        let Some((_, value)) = values.iter().find(|(n, _)| *n == name) else {
            return Err(Error::invalid("path", format!("no value for `{{{name}}}`")));
        };
        out.push_str(&encode_segment(value));
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(out)
}

/// Whether the `{placeholders}` of `template` are exactly `names`, in order.
/// Rows assert it at compile time, so a row cannot name a parameter its
/// path does not have (or miss one).
pub const fn placeholders_are(template: &str, names: &[&str]) -> bool {
    let t = template.as_bytes();
    let mut i = 0;
    let mut n = 0;
    while i < t.len() {
        if t[i] == b'{' {
            if n >= names.len() {
                return false;
            }
            let name = names[n].as_bytes();
            let mut j = 0;
            i += 1;
            while i < t.len() && t[i] != b'}' {
                if j >= name.len() || name[j] != t[i] {
                    return false;
                }
                i += 1;
                j += 1;
            }
            if j != name.len() {
                return false;
            }
            n += 1;
        }
        i += 1;
    }
    n == names.len()
}

/// Percent-encode one path segment: everything but RFC 3986 unreserved
/// characters, so an id like `a/b?c` stays one segment.
pub(crate) fn encode_segment(segment: &str) -> Cow<'_, str> {
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
    if segment.bytes().all(unreserved) {
        return Cow::Borrowed(segment);
    }
    let mut out = String::with_capacity(segment.len() * 3);
    for b in segment.bytes() {
        if unreserved(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_must_match_in_order() {
        assert!(placeholders_are("/contacts", &[]));
        assert!(placeholders_are("/contacts/{id}", &["id"]));
        assert!(placeholders_are(
            "/contacts/{contact_id}/companies/{id}",
            &["contact_id", "id"]
        ));
        assert!(!placeholders_are("/contacts/{id}", &[]));
        assert!(!placeholders_are("/contacts", &["id"]));
        assert!(!placeholders_are("/contacts/{id}", &["i"]));
        assert!(!placeholders_are("/contacts/{i}", &["id"]));
        assert!(!placeholders_are("/a/{x}/b/{y}", &["y", "x"]));
    }

    #[test]
    fn fill_encodes_and_refuses_empty_values() {
        assert_eq!(
            fill("/contacts/{id}/notes", &[("id", "a/b c")]).expect("fill"),
            "/contacts/a%2Fb%20c/notes"
        );
        let err = fill("/contacts/{id}", &[("id", " ")]).expect_err("blank");
        assert!(err.to_string().contains("id"), "{err}");
        assert!(fill("/contacts/{id}", &[]).is_err());
    }
}
