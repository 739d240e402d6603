//! The coverage manifest (`openapi/coverage.yaml`) against the spec and the
//! replay tests.
//!
//! Fails when, for a family listed in the manifest:
//! - an operation of that family in the spec has no entry;
//! - an entry names an operationId that is not in the spec, or that belongs
//!   to another family;
//! - a mapped method has no replay test: a test function in `tests/*.rs`
//!   named after the method, with `// operationId: <id>` on the line
//!   directly above its attributes (see the top of `tests/contacts.rs`).
//!
//! Family membership follows `ENDPOINTS.md` (first tag that is one of its
//! eight families, else the first tag); when `ENDPOINTS.md` is present its
//! tables are cross-checked too. Without the spec the spec-based checks print
//! why and pass (skip); the manifest/replay-test checks need no spec.

mod support;

use std::collections::{BTreeMap, BTreeSet};

use support::spec;

/// What the manifest says about one operation.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// Served by this call on a `Client`, e.g. `contacts().get`.
    Method { accessor: String, name: String },
    /// Deliberately not modelled.
    Unsupported(String),
}

#[derive(Debug, Clone)]
struct Entry {
    family: String,
    operation_id: String,
    target: Target,
}

/// Parse the manifest; every format error is collected.
fn parse_manifest(text: &str) -> Result<Vec<Entry>, Vec<String>> {
    use serde_yaml_ng::Value;
    let doc: Value = serde_yaml_ng::from_str(text).map_err(|e| vec![format!("not YAML: {e}")])?;
    let Value::Mapping(families) = doc else {
        return Err(vec!["the top level must be a map of families".into()]);
    };
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for (family, ops) in &families {
        let Some(family) = family.as_str() else {
            errors.push(format!("family key {family:?} is not a string"));
            continue;
        };
        let Value::Mapping(ops) = ops else {
            errors.push(format!("{family}: must map operationIds to methods"));
            continue;
        };
        for (id, target) in ops {
            let Some(id) = id.as_str() else {
                errors.push(format!("{family}: key {id:?} is not an operationId"));
                continue;
            };
            match parse_target(target) {
                Ok(target) => entries.push(Entry {
                    family: family.to_owned(),
                    operation_id: id.to_owned(),
                    target,
                }),
                Err(e) => errors.push(format!("{family}.{id}: {e}")),
            }
        }
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(errors)
    }
}

fn parse_target(v: &serde_yaml_ng::Value) -> Result<Target, String> {
    if let Some(s) = v.as_str() {
        // `<accessor>().<method>`, both snake_case identifiers.
        let ident = |s: &str| {
            !s.is_empty()
                && s.starts_with(|c: char| c.is_ascii_lowercase())
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        };
        return match s.split_once("().") {
            Some((accessor, name)) if ident(accessor) && ident(name) => Ok(Target::Method {
                accessor: accessor.to_owned(),
                name: name.to_owned(),
            }),
            _ => Err(format!(
                "`{s}` is not `<accessor>().<method>` (e.g. `contacts().get`)"
            )),
        };
    }
    if let Some(reason) = v.get("unsupported").and_then(|r| r.as_str()) {
        let single_key = v.as_mapping().is_some_and(|m| m.len() == 1);
        if single_key && !reason.trim().is_empty() {
            return Ok(Target::Unsupported(reason.to_owned()));
        }
    }
    Err(format!(
        "expected a method like `contacts().get` or `{{unsupported: <reason>}}`, got {v:?}"
    ))
}

fn load_manifest() -> Vec<Entry> {
    let file = support::manifest_dir()
        .join("openapi")
        .join("coverage.yaml");
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
    parse_manifest(&text).unwrap_or_else(|errors| {
        panic!(
            "{} is malformed:\n  {}",
            file.display(),
            errors.join("\n  ")
        )
    })
}

/// A `// operationId: <id>` marker and the function under it.
#[derive(Debug, Clone)]
struct Marker {
    at: String,
    operation_id: String,
    fn_name: Option<String>,
    attributes: Vec<String>,
    body: String,
}

impl Marker {
    fn is_test(&self) -> bool {
        self.attributes
            .iter()
            .any(|a| a == "#[test]" || a.starts_with("#[tokio::test"))
    }

    fn is_ignored(&self) -> bool {
        self.attributes.iter().any(|a| a.starts_with("#[ignore"))
    }

    /// Why this marker does not make a replay test of `accessor().name`,
    /// or `None` when it does.
    fn problem(&self, accessor: &str, name: &str) -> Option<String> {
        let at = &self.at;
        match self.fn_name.as_deref() {
            None => return Some(format!("{at}: no function follows the marker")),
            Some(f) if f != name => {
                return Some(format!(
                    "{at}: the test is `fn {f}`, expected `fn {name}` (named after the method)"
                ));
            }
            Some(_) => {}
        }
        if !self.is_test() {
            return Some(format!("{at}: `fn {name}` is not a #[test]/#[tokio::test]"));
        }
        if self.is_ignored() {
            return Some(format!("{at}: `fn {name}` is #[ignore]d"));
        }
        let call = format!(".{name}(");
        let handle = format!("{accessor}()");
        if !self.body.contains(&call) || !self.body.contains(&handle) {
            return Some(format!(
                "{at}: `fn {name}` never calls `{accessor}()…{call}`"
            ));
        }
        None
    }
}

/// Every marker in one source file.
fn markers_in(file: &str, source: &str) -> Vec<Marker> {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(id) = line.trim().strip_prefix("// operationId:") else {
            continue;
        };
        let mut attributes = Vec::new();
        let mut fn_name = None;
        let mut body = String::new();
        let mut j = i + 1;
        while j < lines.len() {
            let l = lines[j].trim();
            if l.starts_with("#[") {
                attributes.push(l.to_owned());
            } else if l.starts_with("///") {
                // doc comments may sit between the marker and the function
            } else {
                if let Some(rest) = l
                    .strip_prefix("async fn ")
                    .or_else(|| l.strip_prefix("fn "))
                {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    fn_name = Some(name);
                    // The body runs to the first closing brace in column 0.
                    for l in &lines[j..] {
                        body.push_str(l);
                        body.push('\n');
                        if l.starts_with('}') {
                            break;
                        }
                    }
                }
                break;
            }
            j += 1;
        }
        out.push(Marker {
            at: format!("{file}:{}", i + 1),
            operation_id: id.trim().to_owned(),
            fn_name,
            attributes,
            body,
        });
    }
    out
}

/// Every marker in `tests/*.rs`.
fn replay_markers() -> Vec<Marker> {
    let dir = support::manifest_dir().join("tests");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/ is readable")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("rs"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let source = std::fs::read_to_string(&path).expect("readable test file");
        let name = format!(
            "tests/{}",
            path.file_name()
                .and_then(|n| n.to_str())
                .expect("UTF-8 name")
        );
        out.extend(markers_in(&name, &source));
    }
    out
}

/// Every way `entries` and `markers` disagree.
fn replay_problems(entries: &[Entry], markers: &[Marker]) -> Vec<String> {
    let mut problems = Vec::new();
    let known: BTreeSet<&str> = entries.iter().map(|e| e.operation_id.as_str()).collect();
    for m in markers {
        if !known.contains(m.operation_id.as_str()) {
            problems.push(format!(
                "{}: marker names `{}`, which the manifest does not list",
                m.at, m.operation_id
            ));
        }
    }
    for e in entries {
        let Target::Method { accessor, name } = &e.target else {
            continue;
        };
        let mine: Vec<&Marker> = markers
            .iter()
            .filter(|m| m.operation_id == e.operation_id)
            .collect();
        if mine.is_empty() {
            problems.push(format!(
                "{} ({}().{name}): no replay test; add `// operationId: {}` above `#[tokio::test] async fn {name}()`",
                e.operation_id, accessor, e.operation_id
            ));
            continue;
        }
        let issues: Vec<String> = mine
            .iter()
            .filter_map(|m| m.problem(accessor, name))
            .collect();
        if issues.len() == mine.len() {
            problems.push(format!(
                "{} ({accessor}().{name}): no valid replay test: {}",
                e.operation_id,
                issues.join("; ")
            ));
        }
    }
    problems
}

/// Every way `entries` and the spec's operations disagree.
fn spec_problems(entries: &[Entry], ops: &[spec::Operation]) -> Vec<String> {
    let mut problems = Vec::new();
    let by_id: BTreeMap<&str, &spec::Operation> = ops.iter().map(|o| (o.id.as_str(), o)).collect();
    let families: BTreeSet<&str> = ops.iter().map(|o| o.family.as_str()).collect();
    let mut listed: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for e in entries {
        if !families.contains(e.family.as_str()) {
            problems.push(format!(
                "family `{}` is not a family of the spec (known: {families:?})",
                e.family
            ));
        }
        if let Some(other) = seen.insert(&e.operation_id, &e.family) {
            problems.push(format!(
                "{} is listed twice (under {other} and {})",
                e.operation_id, e.family
            ));
        }
        listed.entry(&e.family).or_default().insert(&e.operation_id);
        match by_id.get(e.operation_id.as_str()) {
            None => problems.push(format!(
                "{}.{}: no operation with this operationId in the spec",
                e.family, e.operation_id
            )),
            Some(op) if op.family != e.family => problems.push(format!(
                "{}.{}: {} {} belongs to family {} (tags {:?})",
                e.family, e.operation_id, op.method, op.path, op.family, op.tags
            )),
            Some(_) => {}
        }
    }
    for (family, ids) in &listed {
        for op in ops.iter().filter(|o| o.family == *family) {
            if !ids.contains(op.id.as_str()) {
                problems.push(format!(
                    "{family}.{}: {} {} is missing from the manifest",
                    op.id, op.method, op.path
                ));
            }
        }
    }
    problems
}

fn fail_on(problems: Vec<String>, what: &str) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s)\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

#[test]
fn manifest_matches_the_spec() {
    let entries = load_manifest();
    let Some(spec) = spec::load() else { return };
    let ops = spec::operations(spec);
    fail_on(
        spec_problems(&entries, &ops),
        "openapi/coverage.yaml vs the spec",
    );
}

#[test]
fn manifest_families_match_endpoints_md() {
    let entries = load_manifest();
    let Some(md) = spec::endpoints_md() else {
        eprintln!("SKIPPED: ../shared/openapi/ENDPOINTS.md is absent");
        return;
    };
    let mut problems = Vec::new();
    let families: BTreeSet<&str> = entries.iter().map(|e| e.family.as_str()).collect();
    for family in families {
        let Some((declared, ids)) = spec::endpoints_md_family(&md, family) else {
            continue; // a family ENDPOINTS.md does not detail
        };
        let listed: BTreeSet<&str> = entries
            .iter()
            .filter(|e| e.family == family)
            .map(|e| e.operation_id.as_str())
            .collect();
        let documented: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
        if documented.len() != declared {
            problems.push(format!(
                "ENDPOINTS.md `{family}` says {declared} operations but its table has {}",
                documented.len()
            ));
        }
        for id in documented.difference(&listed) {
            problems.push(format!(
                "{family}.{id}: in ENDPOINTS.md, not in the manifest"
            ));
        }
        for id in listed.difference(&documented) {
            problems.push(format!(
                "{family}.{id}: in the manifest, not in ENDPOINTS.md"
            ));
        }
    }
    fail_on(problems, "openapi/coverage.yaml vs ENDPOINTS.md");
}

#[test]
fn every_mapped_method_has_a_replay_test() {
    let entries = load_manifest();
    let markers = replay_markers();
    fail_on(
        replay_problems(&entries, &markers),
        "openapi/coverage.yaml vs tests/*.rs",
    );
}

#[test]
fn contacts_family_is_fully_mapped_to_methods() {
    let entries = load_manifest();
    let contacts: Vec<&Entry> = entries.iter().filter(|e| e.family == "Contacts").collect();
    assert_eq!(contacts.len(), 22, "{contacts:#?}");
    let unsupported: Vec<&str> = contacts
        .iter()
        .filter(|e| matches!(e.target, Target::Unsupported(_)))
        .map(|e| e.operation_id.as_str())
        .collect();
    assert!(unsupported.is_empty(), "unsupported: {unsupported:?}");
}

// ---- the checks themselves can fail ----

fn entry(family: &str, id: &str, target: &str) -> Entry {
    let target = parse_target(&serde_yaml_ng::from_str(target).expect("yaml")).expect("target");
    Entry {
        family: family.into(),
        operation_id: id.into(),
        target,
    }
}

#[test]
fn manifest_parser_rejects_malformed_entries() {
    let ok = parse_manifest(
        "Contacts:\n  ShowContact: contacts().get\n  X: {unsupported: not modelled yet}\n",
    )
    .expect("valid");
    assert_eq!(
        ok[0].target,
        Target::Method {
            accessor: "contacts".into(),
            name: "get".into()
        }
    );
    assert_eq!(ok[1].target, Target::Unsupported("not modelled yet".into()));

    for bad in [
        "Contacts:\n  ShowContact: contacts.get\n",
        "Contacts:\n  ShowContact: get\n",
        "Contacts:\n  ShowContact: Contacts().Get\n",
        "Contacts:\n  ShowContact: {unsupported: ''}\n",
        "Contacts:\n  ShowContact: {unsupported: x, extra: y}\n",
        "Contacts:\n  ShowContact: 3\n",
        "Contacts: [ShowContact]\n",
        "- Contacts\n",
    ] {
        assert!(parse_manifest(bad).is_err(), "accepted: {bad}");
    }
}

#[test]
fn spec_check_reports_missing_unknown_and_misplaced_operations() {
    let op = |id: &str, tags: &[&str]| {
        let tags: Vec<String> = tags.iter().map(|t| (*t).to_owned()).collect();
        spec::Operation {
            id: id.into(),
            method: "GET".into(),
            path: format!("/{id}"),
            family: spec::family_of(&tags),
            tags,
            body: serde_json::Value::Null,
        }
    };
    let ops = [
        op("ShowContact", &["Contacts"]),
        op("listNotes", &["Notes", "Contacts"]),
        op("tagContact", &["Tags", "Contacts"]),
        op("listAllNotes", &["Notes"]),
    ];
    assert_eq!(ops[1].family, "Contacts");
    assert_eq!(ops[2].family, "Tags");
    assert_eq!(ops[3].family, "Notes");

    let good = [
        entry("Contacts", "ShowContact", "contacts().get"),
        entry("Contacts", "listNotes", "contacts().list_notes"),
    ];
    assert_eq!(spec_problems(&good, &ops), Vec::<String>::new());

    let problems = spec_problems(
        &[
            entry("Contacts", "ShowContact", "contacts().get"),
            entry("Contacts", "tagContact", "contacts().tag"),
            entry("Contacts", "NoSuchOperation", "contacts().nope"),
            entry("Widgets", "ShowContact", "widgets().get"),
        ],
        &ops,
    );
    let expect = [
        "Contacts.tagContact: GET /tagContact belongs to family Tags",
        "Contacts.NoSuchOperation: no operation with this operationId",
        "family `Widgets` is not a family of the spec",
        "ShowContact is listed twice",
        "Widgets.ShowContact: GET /ShowContact belongs to family Contacts",
        "Contacts.listNotes: GET /listNotes is missing from the manifest",
    ];
    for e in expect {
        assert!(
            problems.iter().any(|p| p.starts_with(e)),
            "no problem starting with `{e}` in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), expect.len(), "{problems:#?}");
}

#[test]
fn replay_check_rejects_missing_misnamed_ignored_and_non_tests() {
    let entries = [
        entry("Contacts", "ShowContact", "contacts().get"),
        entry("Contacts", "DeleteContact", "contacts().delete"),
        entry("Contacts", "BlockContact", "contacts().block"),
        entry("Contacts", "ArchiveContact", "contacts().archive"),
        entry("Contacts", "UnarchiveContact", "contacts().unarchive"),
        entry("Contacts", "MergeContact", "{unsupported: later}"),
    ];
    let source = r#"
@marker ShowContact
#[tokio::test]
async fn get() {
    let c = h.client.contacts().get(MAYA).await;
}

@marker DeleteContact
#[tokio::test]
async fn remove() {
    h.client.contacts().delete(MAYA).await;
}

@marker BlockContact
#[tokio::test]
#[ignore]
async fn block() {
    h.client.contacts().block(MAYA).await;
}

@marker ArchiveContact
async fn archive() {
    h.client.contacts().archive(MAYA).await;
}

@marker UnarchiveContact
#[tokio::test]
async fn unarchive() {
    h.client.contacts().get(MAYA).await;
}

@marker ShowContactTypo
#[tokio::test]
async fn get_again() {}
"#
    // Spelled differently here, so the scan of tests/*.rs does not see these.
    .replace("@marker ", "// operationId: ");
    let markers = markers_in("tests/x.rs", &source);
    assert_eq!(markers.len(), 6);
    assert_eq!(markers[0].fn_name.as_deref(), Some("get"));
    assert!(markers[0].problem("contacts", "get").is_none());

    let problems = replay_problems(&entries, &markers);
    let expect = [
        "tests/x.rs:32: marker names `ShowContactTypo`",
        "DeleteContact (contacts().delete): no valid replay test: tests/x.rs:8: the test is `fn remove`",
        "BlockContact (contacts().block): no valid replay test: tests/x.rs:14: `fn block` is #[ignore]d",
        "ArchiveContact (contacts().archive): no valid replay test: tests/x.rs:21: `fn archive` is not a #[test]",
        "UnarchiveContact (contacts().unarchive): no valid replay test: tests/x.rs:26: `fn unarchive` never calls",
    ];
    for e in expect {
        assert!(
            problems.iter().any(|p| p.starts_with(e)),
            "no problem starting with `{e}` in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), expect.len(), "{problems:#?}");

    let no_marker = replay_problems(&entries[..1], &[]);
    assert_eq!(no_marker.len(), 1);
    assert!(no_marker[0].starts_with("ShowContact (contacts().get): no replay test"));
}
