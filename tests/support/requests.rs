//! Requests the SDK builds (and never sends), checked against the spec's
//! operations: method, path template and request-body schema.
//!
//! A test lists what it builds with [`built`] (one [`BuiltRequest`] per
//! request, named by the operationId it is meant to call), hands the list to
//! [`check_requests`], and asserts the problems are none and that the
//! operations it cares about are covered ([`operation_ids`], [`uncovered`]).

use std::collections::BTreeSet;

use intercom_api::{Call, Client, Error, Request};
use serde_json::Value;

use super::openapi::Validator;
use super::spec::{self, Operation};

/// A client for building requests only: it is never awaited, and points at
/// a closed loopback port all the same.
pub fn offline_client() -> Client {
    Client::builder()
        .token(super::TOKEN)
        .base_url("http://127.0.0.1:9")
        .build()
        .expect("client")
}

/// Method, path and body of a built (never sent) request, the operationId
/// it is meant to call, and how to check its body.
#[derive(Debug, Clone)]
pub struct BuiltRequest {
    pub operation_id: &'static str,
    pub method: String,
    pub path: String,
    pub body: Option<Value>,
    /// Check the body against this `oneOf`/`anyOf` branch of the
    /// operation's request schema (a component name) instead of the whole.
    branch: Option<&'static str>,
    /// The request may leave out a body the spec declares but does not
    /// require.
    body_optional: bool,
}

impl BuiltRequest {
    /// The request `req`, meant to call `operation_id`.
    pub fn new<T>(operation_id: &'static str, req: Request<T>) -> Self {
        BuiltRequest {
            operation_id,
            method: req.method().to_string(),
            path: req.path().to_owned(),
            body: req.body(),
            branch: None,
            body_optional: false,
        }
    }

    /// Check the body against the branch `#/components/schemas/<component>`
    /// of the operation's `oneOf` (or `anyOf`) request schema, which must be
    /// one of its branches: for operations whose branches overlap so much
    /// that the whole schema cannot tell the body forms apart.
    pub fn branch(mut self, component: &'static str) -> Self {
        self.branch = Some(component);
        self
    }

    /// Let this request leave out a body the spec declares, unless the spec
    /// marks it `required`. Without this, a declared body must be sent.
    pub fn body_optional(mut self) -> Self {
        self.body_optional = true;
        self
    }
}

/// What [`built`] accepts: a [`Request`], the `Result` of an
/// `into_request()`, or a [`Call`].
pub trait Buildable {
    type Output;
    fn into_request(self) -> Result<Request<Self::Output>, Error>;
}

impl<T> Buildable for Request<T> {
    type Output = T;
    fn into_request(self) -> Result<Request<T>, Error> {
        Ok(self)
    }
}

impl<T> Buildable for Result<Request<T>, Error> {
    type Output = T;
    fn into_request(self) -> Result<Request<T>, Error> {
        self
    }
}

impl<C, T, O> Buildable for Call<'_, C, T, O> {
    type Output = T;
    fn into_request(self) -> Result<Request<T>, Error> {
        Call::into_request(self)
    }
}

/// The request `req` builds, for the operation of the row it comes from;
/// panics when the SDK refuses to build it or it comes from no row.
pub fn built(req: impl Buildable) -> BuiltRequest {
    let req = req
        .into_request()
        .unwrap_or_else(|e| panic!("the request does not build: {e}"));
    let op = req
        .operation()
        .unwrap_or_else(|| panic!("{} {} comes from no row", req.method(), req.path()));
    BuiltRequest::new(op.id, req)
}

/// [`built`] for a request that comes from no row (families not yet
/// written as rows): the test names the operationId.
pub fn built_named(operation_id: &'static str, req: impl Buildable) -> BuiltRequest {
    let req = req
        .into_request()
        .unwrap_or_else(|e| panic!("{operation_id}: the request does not build: {e}"));
    BuiltRequest::new(operation_id, req)
}

/// `/contacts/{contact_id}/notes` matches `/contacts/abc/notes`: the same
/// number of segments, each equal or filling a non-empty `{parameter}`.
pub fn path_matches(template: &str, path: &str) -> bool {
    let t: Vec<&str> = template.split('/').collect();
    let p: Vec<&str> = path.split('/').collect();
    t.len() == p.len()
        && t.iter()
            .zip(&p)
            .all(|(t, p)| (t.starts_with('{') && t.ends_with('}') && !p.is_empty()) || t == p)
}

/// Every problem of `requests` against the operations of `spec`, one line
/// each: an operationId the spec does not have, another method, a path that
/// does not fit the operation's template, a body that does not conform to
/// the request schema (or to the chosen [`BuiltRequest::branch`]), a body
/// the operation does not declare, and a missing body the operation declares
/// (see [`BuiltRequest::body_optional`]). Empty when all is well.
pub fn check_requests(spec: &Value, requests: &[BuiltRequest]) -> Vec<String> {
    let ops = spec::operations(spec);
    let validator = Validator::new(spec);
    let mut problems = Vec::new();
    for r in requests {
        let at = format!("{} ({} {})", r.operation_id, r.method, r.path);
        let Some(op) = spec::operation(&ops, r.operation_id) else {
            problems.push(format!(
                "{at}: no operation `{}` in the spec",
                r.operation_id
            ));
            continue;
        };
        if r.method != op.method {
            problems.push(format!("{at}: the spec says {}", op.method));
        }
        if !path_matches(&op.path, &r.path) {
            problems.push(format!("{at}: does not match the spec path {}", op.path));
        }
        let declared = op
            .body
            .pointer("/requestBody/content/application~1json/schema");
        let required = op
            .body
            .pointer("/requestBody/required")
            .and_then(Value::as_bool)
            == Some(true);
        let schema = match (r.branch, declared) {
            (Some(name), Some(declared)) => {
                let reference = format!("#/components/schemas/{name}");
                if !branch_refs(spec, declared).contains(&reference.as_str()) {
                    problems.push(format!(
                        "{at}: `{name}` is not a oneOf/anyOf branch of the request schema"
                    ));
                }
                Some(serde_json::json!({ "$ref": reference }))
            }
            (_, declared) => declared.cloned(),
        };
        match (schema, &r.body) {
            (Some(schema), Some(body)) => {
                for e in validator.validate(&schema, body) {
                    problems.push(format!("{at}: body {e}"));
                }
            }
            (Some(_), None) if required => {
                problems.push(format!("{at}: sends no body, the spec requires one"));
            }
            (Some(_), None) if !r.body_optional => {
                problems.push(format!("{at}: sends no body, the spec declares one"));
            }
            (Some(_), None) => {}
            (None, Some(body)) => {
                problems.push(format!(
                    "{at}: sends a body the spec does not declare: {body}"
                ));
            }
            (None, None) => {}
        }
    }
    problems
}

/// The `$ref`s of the `oneOf`/`anyOf` branches of `schema` (itself
/// possibly a `$ref`).
fn branch_refs<'a>(spec: &'a Value, mut schema: &'a Value) -> Vec<&'a str> {
    // A few hops at most: a cyclic `$ref` must not hang the test.
    for _ in 0..8 {
        let Some(target) = schema["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix('#'))
            .and_then(|pointer| spec.pointer(pointer))
        else {
            break;
        };
        schema = target;
    }
    ["oneOf", "anyOf"]
        .iter()
        .filter_map(|k| schema[*k].as_array())
        .flatten()
        .filter_map(|branch| branch["$ref"].as_str())
        .collect()
}

/// The operationIds `requests` call.
pub fn operation_ids(requests: &[BuiltRequest]) -> BTreeSet<&'static str> {
    requests.iter().map(|r| r.operation_id).collect()
}

/// The operations of `families` that none of `requests` calls.
pub fn uncovered<'a>(
    ops: &'a [Operation],
    families: &[&str],
    requests: &[BuiltRequest],
) -> Vec<&'a str> {
    let covered = operation_ids(requests);
    ops.iter()
        .filter(|o| families.contains(&o.family.as_str()))
        .map(|o| o.id.as_str())
        .filter(|id| !covered.contains(id))
        .collect()
}
