//! The Intercom 2.16 OpenAPI document, its operations, and how
//! `ENDPOINTS.md` groups them into families.

use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::Value;

/// The families `ENDPOINTS.md` documents in detail. An operation belongs to
/// the first of its tags that is one of these; an operation with none of them
/// belongs to its first tag (e.g. `Notes`, `Tickets`).
pub const MAJOR_FAMILIES: [&str; 8] = [
    "Admins",
    "Contacts",
    "Companies",
    "Conversations",
    "Data Events",
    "Tags",
    "Articles",
    "Help Center",
];

/// Where the spec lives: next to the repository, `../shared/openapi/`.
pub fn openapi_dir() -> PathBuf {
    super::manifest_dir()
        .join("..")
        .join("shared")
        .join("openapi")
}

/// The 2.16 spec as JSON (parsed once per test binary), or `None` (with the
/// reason printed) when the file is not there, so callers can skip.
pub fn load() -> Option<&'static Value> {
    static SPEC: OnceLock<Result<Value, String>> = OnceLock::new();
    let spec = SPEC.get_or_init(|| {
        let file = openapi_dir().join("intercom-2.16.yaml");
        let text = std::fs::read_to_string(&file).map_err(|e| {
            format!(
                "the OpenAPI spec {} cannot be read ({e}); check out the shared spec \
                 next to the repository to run this test",
                file.display()
            )
        })?;
        let spec: Value = serde_yaml_ng::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not valid YAML: {e}", file.display()));
        Ok(spec)
    });
    match spec {
        Ok(spec) => Some(spec),
        Err(reason) => {
            eprintln!("SKIPPED: {reason}");
            None
        }
    }
}

/// `ENDPOINTS.md` next to the spec, if present.
pub fn endpoints_md() -> Option<String> {
    std::fs::read_to_string(openapi_dir().join("ENDPOINTS.md")).ok()
}

/// One operation of the spec.
#[derive(Debug, Clone)]
pub struct Operation {
    pub id: String,
    pub method: String,
    pub path: String,
    pub tags: Vec<String>,
    pub family: String,
    pub body: Value,
}

const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Every operation, in document order. One without an `operationId` (the
/// four Reporting Data Export operations) is named `METHOD /path`, as the
/// coverage manifest and the SDK's rows name it.
pub fn operations(spec: &Value) -> Vec<Operation> {
    let paths = spec["paths"].as_object().expect("the spec has `paths`");
    let mut out = Vec::new();
    for (path, item) in paths {
        let Some(item) = item.as_object() else {
            continue;
        };
        for (method, op) in item {
            if !HTTP_METHODS.contains(&method.as_str()) {
                continue;
            }
            let id = match op["operationId"].as_str() {
                Some(id) => id.to_owned(),
                None => format!("{} {path}", method.to_uppercase()),
            };
            let tags: Vec<String> = op["tags"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            out.push(Operation {
                id,
                method: method.to_uppercase(),
                path: path.clone(),
                family: family_of(&tags),
                tags,
                body: op.clone(),
            });
        }
    }
    out
}

/// The family of an operation with these tags (see [`MAJOR_FAMILIES`]).
pub fn family_of(tags: &[String]) -> String {
    tags.iter()
        .find(|t| MAJOR_FAMILIES.contains(&t.as_str()))
        .or_else(|| tags.first())
        .cloned()
        .unwrap_or_else(|| "(untagged)".to_owned())
}

/// The operation with this id.
pub fn operation<'a>(ops: &'a [Operation], id: &str) -> Option<&'a Operation> {
    ops.iter()
        .find(|o| o.id == id)
        .or_else(|| ops.iter().find(|o| fixture_stem(&o.id) == id))
}

/// The fixture file name (without `.json`) of an operation: its
/// operationId, or for a `METHOD /path` id, a file-safe spelling of it
/// (`POST /export/reporting_data/enqueue` ->
/// `POST_export_reporting_data_enqueue`).
pub fn fixture_stem(id: &str) -> String {
    if !id.contains(' ') {
        return id.to_owned();
    }
    id.replace(" /", "_")
        .replace('/', "_")
        .replace(['{', '}'], "")
}

/// The `application/json` schema of an operation's `200` answer, or of its
/// `201` for an operation that declares no `200` (the office hours creates).
pub fn ok_schema(op: &Operation) -> Option<&Value> {
    let responses = op.body.get("responses")?;
    let ok = responses.get("200").or_else(|| responses.get("201"))?;
    ok.get("content")?.get("application/json")?.get("schema")
}

/// The operationIds `ENDPOINTS.md` lists under `### <family> (N operations)`,
/// with N, or `None` when there is no such section.
pub fn endpoints_md_family(md: &str, family: &str) -> Option<(usize, Vec<String>)> {
    let heading = format!("### {family} (");
    let mut lines = md.lines().skip_while(|l| !l.starts_with(&heading));
    let head = lines.next()?;
    let declared: usize = head[heading.len()..]
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let mut ids = Vec::new();
    for line in lines.take_while(|l| !l.starts_with('#')) {
        // | Method | Path | operationId | ...
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() > 4
            && cells[1].chars().all(|c| c.is_ascii_uppercase())
            && !cells[1].is_empty()
        {
            ids.push(cells[3].trim_matches('`').to_owned());
        }
    }
    Some((declared, ids))
}
