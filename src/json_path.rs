//! Where a JSON document failed to decode, as a path (`data[1].created_at`),
//! found from the position serde_json reports.
//!
//! A decode error names the failing field. Tracking the path while decoding
//! (as `serde_path_to_error` does) costs a second copy of every model's
//! decoder, compiled in every crate that decodes it; here the path is read
//! off the document instead, by one small non-generic scanner that walks
//! the bytes up to the error's line and column, and only after a failure.

use serde::de::DeserializeOwned;

/// One open container while scanning.
#[derive(Debug)]
enum Frame {
    /// An object: the key being read or whose value is being read.
    Object { key: Option<String> },
    /// An array: the index of the element being read, once one began.
    Array { index: usize, started: bool },
}

/// The path of `error` in `body`: the keys and indices of the value being
/// read where serde_json stopped, `.` at the root. A missing field names the
/// object it is missing from.
pub(crate) fn error_path(body: &[u8], error: &serde_json::Error) -> String {
    let missing_field = error.to_string().starts_with("missing field");
    path_at(
        body,
        offset_of(body, error.line(), error.column()),
        missing_field,
    )
}

/// `message` without serde_json's ` at line L column C` suffix.
pub(crate) fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&suffix) {
        Some(message) => message.to_owned(),
        None => text,
    }
}

/// Decode `value` as `T`; after a failure, the reason with the path where
/// it failed (`path: reason`, or the reason alone at the root).
///
/// # Errors
/// The reason, as text.
pub(crate) fn from_value_named<T: DeserializeOwned>(
    value: &serde_json::Value,
) -> Result<T, String> {
    let first = match T::deserialize(value) {
        Ok(typed) => return Ok(typed),
        Err(e) => e,
    };
    // Written out, the document has positions to find the path by.
    let Ok(bytes) = serde_json::to_vec(value) else {
        return Err(first.to_string());
    };
    match serde_json::from_slice::<T>(&bytes) {
        Ok(typed) => Ok(typed),
        Err(e) => {
            let path = error_path(&bytes, &e);
            let reason = without_position(&e);
            Err(if path == "." {
                reason
            } else {
                format!("{path}: {reason}")
            })
        }
    }
}

/// The byte offset of a 1-based `line` and `column` (serde_json counts
/// columns in bytes), capped to the document.
fn offset_of(body: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match body[start..].iter().position(|b| *b == b'\n') {
            Some(n) => start += n + 1,
            None => return body.len(),
        }
    }
    start.saturating_add(column).min(body.len())
}

/// The path of the value being read at byte `offset` of `body`.
fn path_at(body: &[u8], offset: usize, missing_field: bool) -> String {
    let mut stack: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    let end = offset.min(body.len());
    while i < end {
        let b = body[i];
        // Anything but white space, `]` or `,` starts an array's element.
        if !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b']' | b',') {
            if let Some(Frame::Array { started, .. }) = stack.last_mut() {
                *started = true;
            }
        }
        match b {
            b'{' => {
                stack.push(Frame::Object { key: None });
                expect_key = true;
            }
            b'[' => stack.push(Frame::Array {
                index: 0,
                started: false,
            }),
            b'}' | b']' => {
                stack.pop();
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key }) => {
                    *key = None;
                    expect_key = true;
                }
                Some(Frame::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                None => {}
            },
            b':' => expect_key = false,
            b'"' => {
                let (text, next) = string_at(body, i + 1);
                if expect_key {
                    if let Some(Frame::Object { key }) = stack.last_mut() {
                        *key = Some(text);
                    }
                }
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if missing_field {
        if let Some(Frame::Object { key }) = stack.last_mut() {
            *key = None;
        }
    }
    render(&stack)
}

/// The text of the string whose body starts at `from` (escapes kept as
/// written, which is how a key reads in a path), and the offset after its
/// closing quote.
fn string_at(body: &[u8], from: usize) -> (String, usize) {
    let mut i = from;
    while i < body.len() {
        match body[i] {
            b'\\' => i += 2,
            b'"' => {
                let text = String::from_utf8_lossy(&body[from..i]).into_owned();
                return (text, i + 1);
            }
            _ => i += 1,
        }
    }
    let end = body.len();
    (
        String::from_utf8_lossy(&body[from.min(end)..]).into_owned(),
        end,
    )
}

fn render(stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(k) } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Array {
                index,
                started: true,
            } => path.push_str(&format!("[{index}]")),
            _ => {}
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        #[serde(default)]
        created_at: Option<i64>,
        #[serde(default)]
        tags: Vec<u32>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Page {
        data: Vec<Item>,
    }

    fn path_of<T: DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
        let e = serde_json::from_str::<T>(json).expect_err("fails");
        error_path(json.as_bytes(), &e)
    }

    #[test]
    fn the_path_names_the_failing_value() {
        let doc =
            r#"{"data": [{"id": "a", "created_at": 1}, {"id": "b", "created_at": "yesterday"}]}"#;
        assert_eq!(path_of::<Page>(doc), "data[1].created_at");
        let doc = r#"{"data": [{"id": "a", "tags": [1, 2, "x"]}]}"#;
        assert_eq!(path_of::<Page>(doc), "data[0].tags[2]");
        let doc = r#"{"data": [{"id": 5}]}"#;
        assert_eq!(path_of::<Page>(doc), "data[0].id");
        let doc = r#"{"data": [{"id": "a", "created_at": {"nested": true}}]}"#;
        assert_eq!(path_of::<Page>(doc), "data[0].created_at");
        let doc = r#"{"data": [{"id": "a", "tags": {"k": 1}}]}"#;
        assert_eq!(path_of::<Page>(doc), "data[0].tags");
    }

    #[test]
    fn a_missing_field_names_its_object() {
        let doc = "{\n  \"data\": [\n    {\"id\": \"a\"},\n    {\"created_at\": 1}\n  ]\n}";
        assert_eq!(path_of::<Page>(doc), "data[1]");
        assert_eq!(path_of::<Page>("{}"), ".");
    }

    #[test]
    fn keys_with_escapes_and_brackets_inside_strings_do_not_confuse_it() {
        let doc = r#"{"data": [{"id": "a]},{\"x", "odd\"key": "[{", "created_at": false}]}"#;
        assert_eq!(path_of::<Page>(doc), "data[0].created_at");
    }

    #[test]
    fn the_root_and_broken_documents() {
        // A struct may come as an array of its fields: the first is wrong.
        assert_eq!(path_of::<Page>("[1, 2]"), "[0]");
        assert_eq!(path_of::<Page>("true"), ".");
        assert_eq!(path_of::<Page>(r#"{"data": [{"id": "a"}"#), "data[0]");
        assert_eq!(path_of::<Page>(r#"{"data": []} trailing"#), ".");
        // Positions past the end, odd bytes: a path, never a panic.
        assert_eq!(path_at(b"\"\\", 99, false), ".");
        assert_eq!(offset_of(b"a\nb", 7, 3), 3);
    }

    #[test]
    fn a_value_decode_names_the_path() {
        let value = serde_json::json!({"data": [{"id": "a"}, {"id": "b", "created_at": "x"}]});
        let err = from_value_named::<Page>(&value).expect_err("fails");
        assert_eq!(
            err,
            "data[1].created_at: invalid type: string \"x\", expected i64"
        );
        let ok = from_value_named::<Page>(&serde_json::json!({"data": []})).expect("decodes");
        assert!(ok.data.is_empty());
        let root = from_value_named::<Page>(&serde_json::json!("x")).expect_err("fails");
        assert_eq!(root, "invalid type: string \"x\", expected struct Page");
    }
}
