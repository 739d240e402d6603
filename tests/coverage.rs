//! The operations table ([`intercom_api::operations`], written by the rows),
//! the published manifest (`openapi/coverage.yaml`), the spec and the replay
//! tests, against each other.
//!
//! Fails when:
//! - a row and the manifest disagree (a row not listed, another method, a
//!   listed method no row defines);
//! - a row's method or path template is not the spec's;
//! - for a family listed in the manifest, an operation of that family in the
//!   spec has no entry, or an entry names an operationId that is not in the
//!   spec or belongs to another family;
//! - a row has no replay test: a test function in `tests/*.rs` named after
//!   the method (`contacts().list_notes` -> `fn list_notes`) that calls it.
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

/// A test function in `tests/*.rs`.
#[derive(Debug, Clone)]
struct TestFn {
    at: String,
    name: String,
    attributes: Vec<String>,
    body: String,
}

impl TestFn {
    fn is_test(&self) -> bool {
        self.attributes
            .iter()
            .any(|a| a == "#[test]" || a.starts_with("#[tokio::test"))
    }

    fn is_ignored(&self) -> bool {
        self.attributes.iter().any(|a| a.starts_with("#[ignore"))
    }

    /// Why this function is not a replay test of `accessor().name`, or
    /// `None` when it is: a test, not ignored, that calls the method.
    fn problem(&self, accessor: &str, name: &str) -> Option<String> {
        let at = &self.at;
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

/// Every top-level function of one source file, with the attributes above
/// it and its body (up to the first closing brace in column 0).
fn functions_in(file: &str, source: &str) -> Vec<TestFn> {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line
            .strip_prefix("async fn ")
            .or_else(|| line.strip_prefix("fn "))
        else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let mut attributes = Vec::new();
        for l in lines[..i].iter().rev() {
            let l = l.trim();
            if l.starts_with("#[") {
                attributes.push(l.to_owned());
            } else if !l.starts_with("///") && !l.starts_with("//") {
                break;
            }
        }
        let mut body = String::new();
        for l in &lines[i..] {
            body.push_str(l);
            body.push('\n');
            if l.starts_with('}') {
                break;
            }
        }
        out.push(TestFn {
            at: format!("{file}:{}", i + 1),
            name,
            attributes,
            body,
        });
    }
    out
}

/// Every top-level function in `tests/*.rs`.
fn test_functions() -> Vec<TestFn> {
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
        out.extend(functions_in(&name, &source));
    }
    out
}

/// The rows without a replay test: a test function named after the method
/// that calls it (`contacts().list_notes` -> `fn list_notes`).
fn replay_problems(rows: &[(String, String, String)], tests: &[TestFn]) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, accessor, name) in rows {
        let mine: Vec<&TestFn> = tests.iter().filter(|t| &t.name == name).collect();
        if mine.is_empty() {
            problems.push(format!(
                "{id} ({accessor}().{name}): no replay test; add `#[tokio::test] async fn {name}()`"
            ));
            continue;
        }
        let issues: Vec<String> = mine
            .iter()
            .filter_map(|t| t.problem(accessor, name))
            .collect();
        if issues.len() == mine.len() {
            problems.push(format!(
                "{id} ({accessor}().{name}): no valid replay test: {}",
                issues.join("; ")
            ));
        }
    }
    problems
}

/// The rows, as `(operationId, accessor, method)`.
fn rows() -> Vec<(String, String, String)> {
    intercom_api::operations()
        .map(|op| {
            (
                op.id.to_owned(),
                op.family.to_owned(),
                op.rust_method.to_owned(),
            )
        })
        .collect()
}

/// Every way the manifest and the operations table disagree: the manifest
/// is published, the table is what the code does; nothing may differ.
fn table_problems(entries: &[Entry], ops: &[&intercom_api::Operation]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for op in ops {
        if !ids.insert(op.id) {
            problems.push(format!("{}: two rows have this operationId", op.id));
        }
        match entries.iter().find(|e| e.operation_id == op.id) {
            None => problems.push(format!(
                "{} ({}): a row the manifest does not list",
                op.id,
                op.rust_call()
            )),
            Some(Entry {
                target: Target::Method { accessor, name },
                ..
            }) if *accessor == op.family && *name == op.rust_method => {}
            Some(e) => problems.push(format!(
                "{}: the manifest says {:?}, the row is {}",
                op.id,
                e.target,
                op.rust_call()
            )),
        }
    }
    for e in entries {
        if let Target::Method { accessor, name } = &e.target
            && !ops.iter().any(|op| op.id == e.operation_id)
        {
            problems.push(format!(
                "{} ({accessor}().{name}): the manifest names a method no row defines",
                e.operation_id
            ));
        }
    }
    problems
}

/// Every row whose method or path is not the spec's.
fn row_spec_problems(
    ops: &[&intercom_api::Operation],
    spec_ops: &[spec::Operation],
) -> Vec<String> {
    let mut problems = Vec::new();
    for op in ops {
        match spec_ops.iter().find(|s| s.id == op.id) {
            None => problems.push(format!("{}: no such operation in the spec", op.id)),
            Some(s) if !s.method.eq_ignore_ascii_case(op.method) || s.path != op.path => problems
                .push(format!(
                    "{}: the row says {} {}, the spec {} {}",
                    op.id, op.method, op.path, s.method, s.path
                )),
            Some(_) => {}
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

/// One line of README's coverage table: family, typed, total, handles.
fn readme_table(readme: &str) -> Vec<(String, usize, usize, String)> {
    readme
        .lines()
        .skip_while(|l| !l.starts_with("| family | operations | handle |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .filter_map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            let [family, counts, handles] = cells.as_slice() else {
                return None;
            };
            let counts = counts.trim_matches('*');
            let (typed, total) = counts.split_once(" / ")?;
            Some((
                family.trim_matches('*').to_owned(),
                typed.trim().parse().ok()?,
                total.trim().parse().ok()?,
                (*handles).to_owned(),
            ))
        })
        .collect()
}

/// README's coverage table says what the manifest and the spec say: one
/// line per manifest family, typed / total counts, the handles the family's
/// methods hang on, and the total over the whole spec.
#[test]
fn readme_coverage_table_is_up_to_date() {
    let entries = load_manifest();
    let readme =
        std::fs::read_to_string(support::manifest_dir().join("README.md")).expect("README");
    let table = readme_table(&readme);
    let spec_ops = spec::load().map(spec::operations);
    let mut problems = Vec::new();
    let mut families: BTreeMap<&str, (usize, usize, BTreeSet<String>)> = BTreeMap::new();
    for e in &entries {
        let f = families.entry(e.family.as_str()).or_default();
        f.1 += 1;
        if let Target::Method { accessor, .. } = &e.target {
            f.0 += 1;
            f.2.insert(format!("`client.{accessor}()`"));
        }
    }
    let (mut typed_sum, mut total_sum) = (0, 0);
    for (family, typed, total, handles) in &table {
        if family == "total" {
            let spec_total = spec_ops.as_ref().map_or(total_sum, Vec::len);
            if (*typed, *total) != (typed_sum, spec_total) {
                problems.push(format!(
                    "total: README says {typed} / {total}, the table sums to {typed_sum} and the spec has {spec_total}"
                ));
            }
            continue;
        }
        let Some((want_typed, want_total, want_handles)) = families.remove(family.as_str()) else {
            problems.push(format!("{family}: not a family of openapi/coverage.yaml"));
            continue;
        };
        let spec_total = spec_ops.as_ref().map_or(want_total, |ops| {
            ops.iter().filter(|o| o.family == *family).count()
        });
        if (*typed, *total) != (want_typed, spec_total) {
            problems.push(format!(
                "{family}: README says {typed} / {total}, the manifest types {want_typed} of {spec_total}"
            ));
        }
        for h in want_handles {
            if !handles.contains(&h) {
                problems.push(format!("{family}: the handle {h} is missing"));
            }
        }
        typed_sum += typed;
        total_sum += total;
    }
    for family in families.keys() {
        problems.push(format!("{family}: in the manifest, not in README's table"));
    }
    if !table.iter().any(|(f, ..)| f == "total") {
        problems.push("README's table has no total line".into());
    }
    fail_on(problems, "README's coverage table");
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
fn every_row_has_a_replay_test() {
    fail_on(
        replay_problems(&rows(), &test_functions()),
        "operations table vs tests/*.rs",
    );
}

/// The rows no Prism conformance test calls (`tests/conformance/*.rs`):
/// `family().method(`, or `x.method(` after `let x = c.family();`.
fn conformance_gaps(rows: &[(String, String, String)], sources: &str) -> Vec<String> {
    let flat: String = sources.chars().filter(|c| !c.is_whitespace()).collect();
    let calls = |accessor: &str, name: &str| {
        if flat.contains(&format!("{accessor}().{name}(")) {
            return true;
        }
        // `letconversations=c.conversations();` then `conversations.reply(`
        flat.split("let")
            .filter_map(|s| s.split_once('='))
            .filter(|(_, rhs)| {
                rhs.ends_with(&format!(".{accessor}();"))
                    || rhs.starts_with(&format!("c.{accessor}();"))
            })
            .any(|(alias, _)| flat.contains(&format!("{alias}.{name}(")))
    };
    rows.iter()
        .filter(|(_, accessor, name)| !calls(accessor, name))
        .map(|(id, accessor, name)| {
            format!("{id} ({accessor}().{name}): no Prism check in tests/conformance/")
        })
        .collect()
}

#[test]
fn every_row_has_a_prism_check() {
    let dir = support::manifest_dir().join("tests").join("conformance");
    let mut sources = String::new();
    for entry in std::fs::read_dir(&dir).expect("tests/conformance is readable") {
        let path = entry.expect("dir entry").path();
        if path.extension().and_then(|e| e.to_str()) == Some("rs") {
            sources.push_str(&std::fs::read_to_string(&path).expect("readable"));
        }
    }
    fail_on(
        conformance_gaps(&rows(), &sources),
        "rows vs tests/conformance",
    );
    let gaps = conformance_gaps(
        &[("ShowContact".into(), "contacts".into(), "get".into())],
        "c.contacts()\n    .get_by_external_id(ID)",
    );
    assert_eq!(gaps.len(), 1, "the check itself must be able to fail");
}

#[test]
fn manifest_agrees_with_the_operations_table() {
    let ops: Vec<_> = intercom_api::operations().collect();
    fail_on(
        table_problems(&load_manifest(), &ops),
        "openapi/coverage.yaml vs intercom_api::operations()",
    );
}

#[test]
fn rows_have_the_spec_method_and_path() {
    let Some(spec) = spec::load() else { return };
    let ops: Vec<_> = intercom_api::operations().collect();
    fail_on(
        row_spec_problems(&ops, &spec::operations(spec)),
        "intercom_api::operations() vs the spec",
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
    let row = |id: &str, name: &str| (id.to_owned(), "contacts".to_owned(), name.to_owned());
    let rows = [
        row("ShowContact", "get"),
        row("DeleteContact", "delete"),
        row("BlockContact", "block"),
        row("ArchiveContact", "archive"),
        row("UnarchiveContact", "unarchive"),
    ];
    let source = r#"
#[tokio::test]
async fn get() {
    let c = h.client.contacts().get(MAYA).await;
}

#[tokio::test]
async fn remove() {
    h.client.contacts().delete(MAYA).await;
}

#[tokio::test]
#[ignore]
async fn block() {
    h.client.contacts().block(MAYA).await;
}

async fn archive() {
    h.client.contacts().archive(MAYA).await;
}

#[tokio::test]
async fn unarchive() {
    h.client.contacts().get(MAYA).await;
}
"#;
    let tests = functions_in("tests/x.rs", source);
    assert_eq!(tests.len(), 5);
    assert_eq!(tests[0].name, "get");
    assert!(tests[0].problem("contacts", "get").is_none());

    let problems = replay_problems(&rows, &tests);
    let expect = [
        "DeleteContact (contacts().delete): no replay test",
        "BlockContact (contacts().block): no valid replay test: tests/x.rs:14: `fn block` is #[ignore]d",
        "ArchiveContact (contacts().archive): no valid replay test: tests/x.rs:18: `fn archive` is not a #[test]",
        "UnarchiveContact (contacts().unarchive): no valid replay test: tests/x.rs:23: `fn unarchive` never calls",
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
fn table_check_rejects_unlisted_renamed_and_orphan_entries() {
    let get = intercom_api::operations()
        .find(|op| op.id == "ShowContact")
        .expect("row");
    let list = intercom_api::operations()
        .find(|op| op.id == "ListContacts")
        .expect("row");
    let entries = [
        entry("Contacts", "ShowContact", "contacts().fetch"),
        entry("Contacts", "GoneContact", "contacts().gone"),
        entry("Contacts", "MergeContact", "{unsupported: later}"),
    ];
    let problems = table_problems(&entries, &[get, list]);
    let expect = [
        "ShowContact: the manifest says",
        "ListContacts (contacts().list): a row the manifest does not list",
        "GoneContact (contacts().gone): the manifest names a method no row defines",
    ];
    for e in expect {
        assert!(
            problems.iter().any(|p| p.starts_with(e)),
            "no problem starting with `{e}` in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), expect.len(), "{problems:#?}");
}
