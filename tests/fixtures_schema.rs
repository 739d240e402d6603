//! Every response fixture conforms to the 2.16 spec.
//!
//! `fixtures/<family>/<operationId>[.<variant>].json` is checked against the
//! `200` `application/json` schema of that operation (a variant such as
//! `page2` is another answer of the same operation); `fixtures/errors/*.json`
//! against `#/components/schemas/error`. The spec is read from
//! `../shared/openapi/intercom-2.16.yaml`; without it the spec-based tests
//! print why and pass (skip). The validator's own tests below need no spec.

mod support;

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::{Value, json};
use support::openapi::Validator;
use support::requests::{
    BuiltRequest, built, check_requests, offline_client, operation_ids, path_matches,
};
use support::spec;

/// `(file name, JSON)` of every `*.json` in `fixtures/<dir>`, sorted.
fn fixtures_in(dir: &str) -> Vec<(String, Value)> {
    let dir = support::manifest_dir().join("fixtures").join(dir);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("dir entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let name = file_name(&path);
        let text = std::fs::read_to_string(&path).expect("readable fixture");
        let value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("fixture {} is not JSON: {e}", path.display()));
        out.push((name, value));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .and_then(|n| n.to_str())
        .expect("UTF-8 file name")
        .to_owned()
}

/// `ShowContact.json` and `ListContacts.page2.json` → the operationId.
fn operation_id_of(file: &str) -> &str {
    file.split('.').next().expect("non-empty file name")
}

/// Fixture folders of API responses and the spec family each one covers.
/// (`errors/` is checked against the error schema below; `webhooks/` holds
/// notifications, which the spec does not describe.)
const FAMILIES: &[(&str, &str)] = &[
    ("contacts", "Contacts"),
    ("companies", "Companies"),
    ("conversations", "Conversations"),
    ("data_events", "Data Events"),
    ("tags", "Tags"),
    ("articles", "Articles"),
    ("help_center", "Help Center"),
    ("admins", "Admins"),
    ("messages", "Messages"),
    ("data_attributes", "Data Attributes"),
    ("segments", "Segments"),
    ("teams", "Teams"),
    ("visitors", "Visitors"),
    ("subscription_types", "Subscription Types"),
    ("away_status_reasons", "Away Status Reasons"),
    ("jobs", "Jobs"),
    ("notes", "Notes"),
    ("conversation_attributes", "Conversations Attributes"),
    ("macros", "Macros"),
    ("office_hours", "Office Hours"),
    ("emails", "Emails"),
    ("brands", "Brands"),
    ("tickets", "Tickets"),
    ("ticket_types", "Ticket Types"),
    // Attribute rows are in the ticket_types family, so are their fixtures.
    ("ticket_types", "Ticket Type Attributes"),
    ("ticket_states", "Ticket States"),
    ("data_export", "Data Export"),
    ("reporting_data_export", "Reporting Data Export"),
    ("news", "News"),
    ("content_snippets", "Content Snippets"),
    ("audiences", "Audiences"),
    ("custom_object_instances", "Custom Object Instances"),
    ("data_connectors", "Data Connectors"),
    ("ip_allowlist", "IP Allowlist"),
    ("phone_call_redirects", "Switch"),
    ("workflows", "Workflows"),
    ("fin_agent", "Fin Agent"),
    ("calls", "Calls"),
];

/// Fixtures whose true shape is not the operation's declared 200 schema:
/// (file name prefix, component schema to check instead, why).
const SCHEMA_OVERRIDES: &[(&str, &str, &str)] = &[
    (
        "lisDataEvents.list",
        "data_event_list",
        "GET /events declares the summary schema for 200, but a plain listing \
     answers with an event.list (ENDPOINTS.md gotcha 2)",
    ),
    (
        "collectFinVoiceCallByPhoneNumber",
        "ai_call_response",
        "GET /fin_voice/phone_number/{phone_number} declares no 200 answer at all; its \
     description says it returns the matched call, as the three other collect operations \
     do with ai_call_response",
    ),
    (
        "listCustomObjectInstances.by_external_id",
        "custom_object_instance",
        "GET /custom_object_instances/{type}?external_id= answers the single instance (as the \
     operation's description says), not the paginated list its 200 schema declares",
    ),
];

#[test]
fn every_response_fixture_matches_its_schema() {
    let Some(spec) = spec::load() else { return };
    let ops = spec::operations(spec);
    let validator = Validator::new(spec);
    let mut problems = Vec::new();
    let mut checked = 0;
    for (dir, _) in FAMILIES {
        for (file, body) in &fixtures_in(dir) {
            let id = operation_id_of(file);
            let Some(op) = spec::operation(&ops, id) else {
                problems.push(format!("{dir}/{file}: no operation `{id}` in the spec"));
                continue;
            };
            if let Some((_, component, _)) = SCHEMA_OVERRIDES
                .iter()
                .find(|(prefix, _, _)| file.starts_with(prefix))
            {
                for e in validator.validate_component(component, body) {
                    problems.push(format!("{dir}/{file} ({component}): {e}"));
                }
                checked += 1;
                continue;
            }
            let Some(schema) = spec::ok_schema(op) else {
                problems.push(format!(
                    "{dir}/{file}: {} {} ({id}) has no 200 application/json schema",
                    op.method, op.path
                ));
                continue;
            };
            for e in validator.validate(schema, body) {
                problems.push(format!("{dir}/{file} ({id}): {e}"));
            }
            checked += 1;
        }
    }
    assert!(
        problems.is_empty(),
        "{} fixture mismatch(es):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
    assert!(checked >= 22, "only {checked} fixtures were checked");
}

/// The fixture folder of an operation: the family of its row when it has
/// one (the replay helper reads `fixtures/<row family>/<operationId>.json`,
/// so `attachTagToArticle`, a `tags()` row, lives in `tags/`), else the
/// folder of its spec family.
fn fixture_dir_of<'a>(id: &str, spec_dir: &'a str) -> &'a str {
    match intercom_api::operations().find(|op| op.id == id) {
        Some(op) => op.family,
        None => spec_dir,
    }
}

/// Every operation of a fixture family that answers with a JSON body has a
/// fixture; and every fixture is named after an operation of its folder
/// (see [`fixture_dir_of`]). (The per-family test files rely on this and on
/// the test above instead of checking their own fixtures.)
#[test]
fn every_operation_of_a_fixture_family_has_a_fixture() {
    let Some(spec) = spec::load() else { return };
    let ops = spec::operations(spec);
    let mut problems = Vec::new();
    let dir_of_family = |family: &str| {
        FAMILIES
            .iter()
            .find(|(_, f)| *f == family)
            .map(|(dir, _)| *dir)
    };
    let in_folder = |dir: &str| -> BTreeSet<String> {
        ops.iter()
            .filter(|o| {
                dir_of_family(&o.family)
                    .is_some_and(|spec_dir| fixture_dir_of(&o.id, spec_dir) == dir)
            })
            .map(|o| spec::fixture_stem(&o.id))
            .collect()
    };
    for (dir, family) in FAMILIES {
        let files: BTreeSet<String> = fixtures_in(dir).into_iter().map(|f| f.0).collect();
        for o in ops
            .iter()
            .filter(|o| o.family == *family && spec::ok_schema(o).is_some())
        {
            let at = fixture_dir_of(&o.id, dir);
            let id = &o.id;
            let stem = spec::fixture_stem(id);
            if !fixtures_in(at)
                .iter()
                .any(|f| f.0 == format!("{stem}.json"))
            {
                problems.push(format!("{at}: no fixture for {id}"));
            }
        }
        let all = in_folder(dir);
        for f in &files {
            if !all.contains(operation_id_of(f)) {
                problems.push(format!(
                    "{dir}/{f}: not named after an operation whose fixtures live in {dir}/"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_contacts_family_has_its_22_operations() {
    let Some(spec) = spec::load() else { return };
    let ops = spec::operations(spec);
    let family = ops.iter().filter(|o| o.family == "Contacts").count();
    assert_eq!(family, 22);
}

#[test]
fn error_fixtures_match_the_error_schema() {
    let Some(spec) = spec::load() else { return };
    let validator = Validator::new(spec);
    let fixtures = fixtures_in("errors");
    let names: BTreeSet<&str> = fixtures.iter().map(|f| f.0.as_str()).collect();
    for expected in [
        "not_found.json",
        "conflict.json",
        "unauthorized.json",
        "contact_merged.json",
    ] {
        assert!(
            names.contains(expected),
            "missing fixtures/errors/{expected}"
        );
    }
    let mut problems = Vec::new();
    for (file, body) in &fixtures {
        for e in validator.validate_component("error", body) {
            problems.push(format!("{file}: {e}"));
        }
        assert_eq!(body["type"], "error.list", "{file}");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The real `contact` schema catches a broken contact: proof that the
/// fixtures test validates something.
#[test]
fn the_spec_schemas_reject_a_broken_contact() {
    let Some(spec) = spec::load() else { return };
    let ops = spec::operations(spec);
    let validator = Validator::new(spec);
    let schema = spec::ok_schema(spec::operation(&ops, "ShowContact").expect("ShowContact"))
        .expect("ShowContact has a 200 schema");
    let mut contact = support::fixture("contacts/ShowContact");
    assert_eq!(validator.validate(schema, &contact), Vec::<String>::new());

    contact["created_at"] = json!("2024-04-03T12:35:02Z");
    contact["email"] = Value::Null;
    contact["enabled_push_messaging"] = json!("yes");
    contact["tags"]["data"][0]["id"] = json!(8127403);
    contact["merge_history"] = json!([{"source_contact_role": "visitor"}]);
    let errors = validator.validate(schema, &contact);
    for expected in [
        "$.created_at: expected integer",
        "$.email: null",
        "$.enabled_push_messaging: expected boolean",
        "$.tags.data[0].id: expected string",
        "$.merge_history[0].source_contact_role: \"visitor\" is not one of",
    ] {
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "no error starting with `{expected}` in {errors:#?}"
        );
    }
    assert_eq!(errors.len(), 5, "{errors:#?}");

    let list = spec::ok_schema(spec::operation(&ops, "ListContacts").expect("ListContacts"))
        .expect("ListContacts has a 200 schema");
    let mut page = support::fixture("contacts/ListContacts");
    page["pages"]["next"] = json!("not-an-object");
    let errors = validator.validate(list, &page);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("$.pages.next: expected object"),
        "{errors:#?}"
    );
}

// ---- the validator itself, on a tiny document (no spec file needed) ----

fn doc() -> Value {
    json!({
        "components": { "schemas": {
            "pet": {
                "type": "object",
                "required": ["id", "kind"],
                "properties": {
                    "id": {"type": "string"},
                    "kind": {"type": "string", "enum": ["cat", "dog"]},
                    "age": {"type": "integer", "nullable": true},
                    "weight": {"type": "number"},
                    "vaccinated": {"type": "boolean"},
                    "owner": {"$ref": "#/components/schemas/owner"},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "labels": {"type": "object", "additionalProperties": {"type": "string"}}
                }
            },
            "owner": {
                "type": "object",
                "properties": {"name": {"type": "string"}}
            },
            "cat": {"type": "object", "required": ["meows"], "properties": {"meows": {"type": "boolean"}}},
            "dog": {"type": "object", "required": ["barks"], "properties": {"barks": {"type": "boolean"}}},
            "animal": {"oneOf": [{"$ref": "#/components/schemas/cat"}, {"$ref": "#/components/schemas/dog"}]},
            "either": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
            "stamped_pet": {
                "allOf": [{"$ref": "#/components/schemas/pet"}],
                "properties": {"stamp": {"type": "integer"}}
            },
            "closed": {
                "type": "object",
                "properties": {"a": {"type": "string"}},
                "additionalProperties": false
            }
        }}
    })
}

/// The errors, sorted (property order depends on serde_json's features).
fn errors_for(schema: &str, instance: Value) -> Vec<String> {
    let d = doc();
    let mut errors = Validator::new(&d).validate_component(schema, &instance);
    errors.sort();
    errors
}

fn valid_pet() -> Value {
    json!({
        "id": "p1", "kind": "cat", "age": 3, "weight": 4.2, "vaccinated": true,
        "owner": {"name": "Ada"}, "tags": ["indoor"], "labels": {"color": "grey"}
    })
}

#[test]
fn validator_accepts_a_valid_instance() {
    assert_eq!(errors_for("pet", valid_pet()), Vec::<String>::new());
    let mut null_age = valid_pet();
    null_age["age"] = Value::Null;
    assert_eq!(errors_for("pet", null_age), Vec::<String>::new());
    assert!(errors_for("animal", json!({"barks": true})).is_empty());
    assert!(errors_for("either", json!(7)).is_empty());
    assert!(errors_for("closed", json!({"a": "x"})).is_empty());
    // Unknown properties are allowed unless additionalProperties says otherwise.
    let mut extra = valid_pet();
    extra["brand_new_field"] = json!({"anything": [1, 2]});
    assert!(errors_for("pet", extra).is_empty());
}

#[test]
fn validator_rejects_wrong_types_with_their_paths() {
    let mut pet = valid_pet();
    pet["id"] = json!(17);
    pet["age"] = json!(2.5);
    pet["weight"] = json!("heavy");
    pet["vaccinated"] = json!("yes");
    pet["tags"] = json!(["indoor", 3]);
    pet["owner"] = json!({"name": false});
    let errors = errors_for("pet", pet);
    assert_eq!(
        errors,
        vec![
            "$.age: expected integer, got number 2.5",
            "$.id: expected string, got integer 17",
            "$.owner.name: expected string, got boolean false",
            "$.tags[1]: expected string, got integer 3",
            "$.vaccinated: expected boolean, got string \"yes\"",
            "$.weight: expected number, got string \"heavy\"",
        ]
    );
    assert_eq!(
        errors_for("pet", json!([])),
        vec!["$: expected object, got array []"]
    );
}

#[test]
fn validator_rejects_missing_required_properties() {
    let errors = errors_for("pet", json!({"age": 1}));
    assert_eq!(
        errors,
        vec![
            "$: missing required property `id`",
            "$: missing required property `kind`",
        ]
    );
}

#[test]
fn validator_rejects_values_outside_the_enum() {
    let mut pet = valid_pet();
    pet["kind"] = json!("ferret");
    assert_eq!(
        errors_for("pet", pet),
        vec!["$.kind: \"ferret\" is not one of the enum values [\"cat\",\"dog\"]"]
    );
}

#[test]
fn validator_rejects_null_where_not_nullable() {
    let mut pet = valid_pet();
    pet["weight"] = Value::Null;
    pet["owner"] = Value::Null;
    assert_eq!(
        errors_for("pet", pet),
        vec![
            "$.owner: null, but the schema is a non-nullable object",
            "$.weight: null, but the schema is a non-nullable number",
        ]
    );
}

#[test]
fn validator_rejects_when_no_one_of_branch_matches() {
    let errors = errors_for("animal", json!({"purrs": true}));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("$: matches none of the 2 oneOf branches"),
        "{errors:?}"
    );
    assert!(errors[0].contains("missing required property `meows`"));
    assert!(errors[0].contains("missing required property `barks`"));
    let errors = errors_for("either", json!(true));
    assert!(
        errors[0].starts_with("$: matches none of the 2 anyOf branches"),
        "{errors:?}"
    );
}

#[test]
fn validator_applies_every_all_of_branch_and_sibling_properties() {
    let mut pet = valid_pet();
    pet["stamp"] = json!("today");
    pet["kind"] = json!("cow");
    let errors = errors_for("stamped_pet", pet);
    assert_eq!(
        errors,
        vec![
            "$.kind: \"cow\" is not one of the enum values [\"cat\",\"dog\"]",
            "$.stamp: expected integer, got string \"today\"",
        ]
    );
}

#[test]
fn validator_checks_additional_properties() {
    let mut pet = valid_pet();
    pet["labels"] = json!({"color": "grey", "lives": 9});
    assert_eq!(
        errors_for("pet", pet),
        vec!["$.labels.lives: expected string, got integer 9"]
    );
    assert_eq!(
        errors_for("closed", json!({"a": "x", "b": 1})),
        vec!["$: property `b` is not allowed"]
    );
}

#[test]
fn validator_reports_unresolvable_refs() {
    let d = doc();
    let errors =
        Validator::new(&d).validate(&json!({"$ref": "#/components/schemas/nope"}), &json!({}));
    assert_eq!(
        errors,
        vec!["$: unresolvable $ref `#/components/schemas/nope`"]
    );
}

// ---- the SDK's requests against the spec's operations ----

/// Every Contacts request the SDK builds has the spec's method and path, and
/// a body that conforms to the operation's request schema (or no body when
/// the operation takes none).
#[test]
fn sdk_requests_match_the_spec_operations() {
    use intercom_api::contacts::{
        ContactRole, ContactSearch, CreateContact, MergeContacts, UpdateContact,
    };
    use intercom_api::search::{Query, SortOrder, field};
    use intercom_api::subscription_types::ConsentType;

    let Some(spec) = spec::load() else { return };
    // Building requests sends nothing.
    let client = offline_client();
    let c = client.contacts();
    let id = "6643a1f2b8c9d04e5a7f3b21";
    // The 2.16 schema types a group's `value` as an array of filters *or* an
    // array of groups, never a mix (though Intercom's own examples mix them),
    // so this query nests groups only.
    let search = ContactSearch::new(Query::or([
        Query::and([
            field("role").eq("user"),
            field("custom_attributes.seats").ge(10),
        ]),
        Query::and([
            field("email").ends_with("@example.com"),
            field("unsubscribed_from_emails").eq(false),
        ]),
    ]))
    .sort("created_at", SortOrder::Descending);

    let requests = [
        built(c.get(id).into_request().unwrap()),
        built(c.get_by_external_id("cus_4821").into_request().unwrap()),
        built(
            c.create(
                CreateContact::with_external_id("cus_4821")
                    .email("maya.okafor@example.com")
                    .email_verified(true)
                    .role(ContactRole::User)
                    .phone("+49 30 5557 1234")
                    .name("Maya Okafor")
                    .avatar("https://static.example.org/avatars/maya-okafor.png")
                    .signed_up_at(1_711_888_502)
                    .last_seen_at(1_719_490_157)
                    .owner_id("5281734")
                    .unsubscribed_from_emails(false)
                    .custom_attribute("plan", "growth"),
            )
            .into_request()
            .unwrap(),
        ),
        built(c.create(CreateContact::lead()).into_request().unwrap()),
        built(
            c.update(
                id,
                UpdateContact::new()
                    .email("maya@example.org")
                    .role(ContactRole::User)
                    .custom_attribute("seats", 40),
            )
            .into_request()
            .unwrap(),
        ),
        built(c.delete(id).into_request().unwrap()),
        built(
            c.merge(MergeContacts::new("lead-1", id).skip_duplicate_validation(false))
                .into_request()
                .unwrap(),
        ),
        built(
            c.search(search.clone())
                .per_page(150)
                .into_request()
                .unwrap(),
        ),
        built(
            c.search(field("email").is_in(vec!["a@example.com", "b@example.com"]))
                .starting_from(intercom_api::Cursor::StartingAfter("WzE3MTk=".into()))
                .into_request()
                .unwrap(),
        ),
        built(c.list().per_page(50).into_request().unwrap()),
        built(c.archive(id).into_request().unwrap()),
        built(c.unarchive(id).into_request().unwrap()),
        built(c.block(id).into_request().unwrap()),
        built(c.list_merge_history(id).into_request().unwrap()),
        built(c.list_companies(id).into_request().unwrap()),
        built(c.list_notes(id).into_request().unwrap()),
        built(
            c.create_note(id, "<p>Hi</p>", Some("5281734"))
                .into_request()
                .unwrap(),
        ),
        built(c.create_note(id, "<p>Hi</p>", None).into_request().unwrap()),
        built(c.list_segments(id).into_request().unwrap()),
        built(c.list_subscriptions(id).into_request().unwrap()),
        built(
            c.attach_subscription(id, "37915", ConsentType::OptIn)
                .into_request()
                .unwrap(),
        ),
        built(c.detach_subscription(id, "37915").into_request().unwrap()),
        built(c.list_tags(id).into_request().unwrap()),
        built(c.list_banners(id).into_request().unwrap()),
        built(c.dismiss_banner(id, "bv_88123457").into_request().unwrap()),
    ];

    let problems = check_requests(spec, &requests);
    assert!(
        problems.is_empty(),
        "{} problem(s):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
    let covered = operation_ids(&requests);
    assert_eq!(covered.len(), 22, "every Contacts operation is built once");
}

/// A request built by hand (no SDK method), as `built` would record it.
fn by_hand(
    operation_id: &'static str,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> BuiltRequest {
    let mut req = intercom_api::Request::<Value>::new(method.parse().expect("a method"), path);
    if let Some(body) = body {
        req = req.json(&body).expect("JSON");
    }
    BuiltRequest::new(operation_id, req)
}

/// The shared request check finds each kind of mistake it looks for, with
/// the request and the spec's answer in the message: proof that the
/// per-family `sdk_requests_match_the_spec_operations` tests can fail.
#[test]
fn the_request_check_reports_every_kind_of_mismatch() {
    let Some(spec) = spec::load() else { return };
    let one = |r: BuiltRequest| check_requests(spec, &[r]);

    let fine = [
        by_hand("ShowContact", "GET", "/contacts/abc", None),
        by_hand(
            "UpdateContact",
            "PUT",
            "/contacts/abc",
            Some(json!({"email": "a@example.com"})),
        ),
        by_hand("CreateContact", "POST", "/contacts", None).body_optional(),
        by_hand(
            "createTag",
            "POST",
            "/tags",
            Some(json!({"name": "VIP", "companies": [{"id": "1"}]})),
        )
        .branch("tag_company_request"),
    ];
    assert_eq!(check_requests(spec, &fine), Vec::<String>::new());

    let cases: [(BuiltRequest, &str); 9] = [
        (
            by_hand("NoSuchOperation", "GET", "/contacts", None),
            "NoSuchOperation (GET /contacts): no operation `NoSuchOperation` in the spec",
        ),
        (
            by_hand("ShowContact", "DELETE", "/contacts/abc", None),
            "ShowContact (DELETE /contacts/abc): the spec says GET",
        ),
        (
            by_hand("ShowContact", "GET", "/contacts/abc/notes", None),
            "ShowContact (GET /contacts/abc/notes): does not match the spec path /contacts/{contact_id}",
        ),
        (
            by_hand(
                "DeleteContact",
                "DELETE",
                "/contacts/abc",
                Some(json!({"x": 1})),
            ),
            "DeleteContact (DELETE /contacts/abc): sends a body the spec does not declare: {\"x\":1}",
        ),
        (
            by_hand("CreateContact", "POST", "/contacts", None),
            "CreateContact (POST /contacts): sends no body, the spec declares one",
        ),
        (
            by_hand(
                "searchActivityLogs",
                "POST",
                "/admins/activity_logs/search",
                None,
            )
            .body_optional(),
            "searchActivityLogs (POST /admins/activity_logs/search): sends no body, the spec requires one",
        ),
        (
            by_hand(
                "UpdateContact",
                "PUT",
                "/contacts/abc",
                Some(json!({"email": 5})),
            ),
            "UpdateContact (PUT /contacts/abc): body $: matches none of the 1 oneOf branches",
        ),
        (
            by_hand(
                "createTag",
                "POST",
                "/tags",
                Some(json!({"name": "VIP", "companies": []})),
            )
            .branch("tag_multiple_users_request"),
            "createTag (POST /tags): body $: missing required property `users`",
        ),
        (
            by_hand("createTag", "POST", "/tags", Some(json!({"name": "VIP"})))
                .branch("update_contact_request"),
            "createTag (POST /tags): `update_contact_request` is not a oneOf/anyOf branch of the request schema",
        ),
    ];
    for (request, expected) in cases {
        let problems = one(request);
        assert_eq!(problems.len(), 1, "{expected}: {problems:#?}");
        assert!(
            problems[0].starts_with(expected),
            "expected `{expected}`, got `{}`",
            problems[0]
        );
    }
}

#[test]
fn path_templates_match_concrete_paths() {
    assert!(path_matches(
        "/contacts/{contact_id}/notes",
        "/contacts/abc/notes"
    ));
    assert!(!path_matches(
        "/contacts/{contact_id}/notes",
        "/contacts/abc/tags"
    ));
    assert!(!path_matches(
        "/contacts/{contact_id}",
        "/contacts/abc/notes"
    ));
    assert!(!path_matches("/contacts/{contact_id}", "/contacts/"));
}
