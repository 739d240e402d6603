//! Walks every typed operation against the fake Intercom: none may be
//! answered as an unknown route, and each, called with plausible arguments
//! against a seeded fake, must succeed.
//!
//! The operations are the SDK's table (`intercom_api::operations()`, one
//! row per endpoint) and, until every family is rows, the operations the
//! coverage manifest (`openapi/coverage.yaml`) maps, resolved to method and
//! path through the 2.16 spec. Each operation runs on its own freshly
//! seeded fake, so a delete or a merge cannot disturb the next one. Requests
//! go through the client's transport (`Client::request`), with the path
//! filled in from the seeded ids and the body from [`body_for`].

mod support;

use std::collections::BTreeMap;

use intercom_api::RetryPolicy;
use intercom_api::mock::{FakeIntercom, ROUTE_NOT_FOUND};
use reqwest::Method;
use serde_json::{Value, json};
use support::spec;

/// One operation to walk.
#[derive(Debug, Clone)]
struct Op {
    id: String,
    method: String,
    path: String,
}

/// The operations table plus the manifest's operations, by operationId.
fn operations_to_walk() -> Option<Vec<Op>> {
    let mut ops: BTreeMap<String, Op> = BTreeMap::new();
    for row in intercom_api::operations() {
        ops.insert(
            row.id.to_owned(),
            Op {
                id: row.id.to_owned(),
                method: row.method.to_owned(),
                path: row.path.to_owned(),
            },
        );
    }
    let spec = spec::load()?;
    let manifest: Value = serde_yaml_ng::from_str(
        &std::fs::read_to_string(support::manifest_dir().join("openapi/coverage.yaml"))
            .expect("coverage manifest"),
    )
    .expect("manifest is YAML");
    let mapped: Vec<&str> = manifest
        .as_object()
        .into_iter()
        .flat_map(|families| families.values())
        .filter_map(Value::as_object)
        .flat_map(|family| family.iter())
        .filter(|(_, method)| method.is_string())
        .map(|(id, _)| id.as_str())
        .collect();
    for op in spec::operations(spec) {
        if mapped.contains(&op.id.as_str()) && !ops.contains_key(&op.id) {
            ops.insert(
                op.id.clone(),
                Op {
                    id: op.id,
                    method: op.method,
                    path: op.path,
                },
            );
        }
    }
    Some(ops.into_values().collect())
}

/// Ids of what [`seed`] made.
#[derive(Debug, Default)]
struct Seeded(BTreeMap<&'static str, String>);

impl Seeded {
    fn get(&self, key: &str) -> String {
        self.0
            .get(key)
            .cloned()
            .unwrap_or_else(|| format!("missing-{key}"))
    }
}

/// A fake with one of everything, made through the API itself.
async fn seed(fake: &FakeIntercom) -> Seeded {
    let client = fake.client().expect("client");
    let mut ids = Seeded::default();
    let admin = fake.admin_ids().first().cloned().unwrap_or_default();
    ids.0.insert("admin", admin.clone());
    let post = async |path: &str, body: Value| -> Value {
        client
            .request::<Value>(Method::POST, path.to_owned())
            .json(&body)
            .await
            .unwrap_or_else(|e| panic!("seeding POST {path}: {e}"))
    };
    let user = post(
        "/contacts",
        json!({"email": "ada@example.com", "external_id": "ada-1", "name": "Ada"}),
    )
    .await;
    let lead = post(
        "/contacts",
        json!({"role": "lead", "email": "lead@example.com"}),
    )
    .await;
    let other = post("/contacts", json!({"email": "bob@example.com"})).await;
    let company = post("/companies", json!({"company_id": "acme", "name": "Acme"})).await;
    let tag = post("/tags", json!({"name": "vip"})).await;
    let spare = post("/tags", json!({"name": "unused"})).await;
    let started = post(
        "/conversations",
        json!({"from": {"type": "user", "id": user["id"]}, "body": "Hello"}),
    )
    .await;
    let second = post(
        "/conversations",
        json!({"from": {"type": "user", "id": other["id"]}, "body": "Hi too"}),
    )
    .await;
    let conversation = text(&started["conversation_id"]);
    let replied = post(
        &format!("/conversations/{conversation}/reply"),
        json!({"message_type": "comment", "type": "admin", "admin_id": admin, "body": "Hi Ada"}),
    )
    .await;
    let part = replied["conversation_parts"]["conversation_parts"][0]["id"].clone();
    let article = post(
        "/articles",
        json!({"title": "Getting started", "author_id": admin.parse::<i64>().unwrap_or(1)}),
    )
    .await;
    let article_id = text(&article["id"]);
    let versions: Value = client
        .request(Method::GET, format!("/articles/{article_id}/versions"))
        .await
        .expect("versions");
    let collection = post("/help_center/collections", json!({"name": "Guides"})).await;
    let redirect = post(
        "/help_center/help_centers/1/redirects",
        json!({"from_url": "https://help.example.com/old", "target_type": "article", "target_id": article_id}),
    )
    .await;
    // The attachments every detach needs.
    let user_id = text(&user["id"]);
    let tag_id = text(&tag["id"]);
    post(&format!("/contacts/{user_id}/tags"), json!({"id": tag_id})).await;
    post(
        &format!("/contacts/{user_id}/companies"),
        json!({"id": company["id"]}),
    )
    .await;
    post(
        &format!("/conversations/{conversation}/tags"),
        json!({"id": tag_id, "admin_id": admin}),
    )
    .await;
    post(
        &format!("/articles/{article_id}/tags"),
        json!({"id": tag_id}),
    )
    .await;
    for (kind, id) in [
        ("tickets", "ticket_1"),
        ("internal_articles", "ia_1"),
        ("content_snippets", "cs_1"),
    ] {
        post(
            &format!("/{kind}/{id}/tags"),
            json!({"id": tag_id, "admin_id": admin}),
        )
        .await;
    }
    ids.0.insert("contact", user_id);
    ids.0.insert("lead", text(&lead["id"]));
    ids.0.insert("other", text(&other["id"]));
    ids.0.insert("company", text(&company["id"]));
    ids.0.insert("tag", tag_id);
    ids.0.insert("spare_tag", text(&spare["id"]));
    ids.0.insert("conversation", conversation);
    ids.0.insert("second", text(&second["conversation_id"]));
    ids.0.insert("part", text(&part));
    ids.0.insert("source", text(&started["id"]));
    ids.0.insert("article", article_id);
    ids.0.insert("version", text(&versions["data"][0]["id"]));
    ids.0.insert("collection", text(&collection["id"]));
    ids.0.insert("redirect", text(&redirect["id"]));
    // Issue 11, part c.
    for ext in ["ORD-1", "ORD-2"] {
        let order = post(
            "/custom_object_instances/Order",
            json!({"external_id": ext, "custom_attributes": {"status": "paid"}}),
        )
        .await;
        ids.0.insert(
            if ext == "ORD-1" { "order" } else { "order_2" },
            text(&order["id"]),
        );
    }
    let connector = post("/data_connectors", json!({"name": "Order status"})).await;
    let connector_id = text(&connector["id"]);
    let execution = fake
        .record_execution(&connector_id, json!({"success": true, "http_status": 200}))
        .expect("the connector exists");
    ids.0.insert("connector", connector_id);
    ids.0.insert("execution", execution);
    post(
        "/fin/start",
        json!({"conversation_id": "fin-1", "user": {"id": "ada-1"},
               "message": {"author": "user", "body": "Hi", "timestamp": "2026-04-12T09:30:00Z"}}),
    )
    .await;
    ids
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The value of a path placeholder, from the literal segment before it.
/// A tag in use cannot be deleted (as in Intercom), so `deleteTag` gets
/// the spare tag.
fn fill(op: &Op, ids: &Seeded) -> String {
    let path = op.path.as_str();
    let mut out = Vec::new();
    let mut before = "";
    for seg in path.split('/') {
        if seg.starts_with('{') {
            let v = match before {
                "contacts" => ids.get("contact"),
                "companies" => ids.get("company"),
                "conversations" => ids.get("conversation"),
                "customers" => ids.get("contact"),
                "tags" if op.id == "deleteTag" => ids.get("spare_tag"),
                "tags" => ids.get("tag"),
                "articles" => ids.get("article"),
                "versions" => ids.get("version"),
                "help_centers" => "1".to_owned(),
                "redirects" => ids.get("redirect"),
                "collections" => ids.get("collection"),
                "admins" => ids.get("admin"),
                "find_by_external_id" => "ada-1".to_owned(),
                "subscriptions" => "sub_1".to_owned(),
                "banners" => "view_1".to_owned(),
                "tickets" => "ticket_1".to_owned(),
                "internal_articles" => "ia_1".to_owned(),
                "content_snippets" => "cs_1".to_owned(),
                // Issue 11, part c.
                "custom_object_instances" => "Order".to_owned(),
                "{custom_object_type_identifier}" => ids.get("order"),
                "data_connectors" => ids.get("connector"),
                "execution_results" => ids.get("execution"),
                "workflows" => intercom_api::mock::FAKE_WORKFLOW_ID.to_owned(),
                other => panic!("no value for a placeholder after `{other}` in {path}"),
            };
            out.push(v);
        } else {
            out.push(seg.to_owned());
        }
        before = seg;
    }
    out.join("/")
}

/// The query and body each operation is called with, keyed by operationId.
/// `$name` strings are replaced by the seeded ids.
fn body_for(id: &str) -> (Vec<(&'static str, &'static str)>, Option<Value>) {
    let none = Vec::new();
    let (query, body) = match id {
        "CreateContact" => (none, json!({"email": "new@example.com"})),
        "UpdateContact" => (none, json!({"name": "Ada Lovelace"})),
        "SearchContacts" => (
            none,
            json!({"query": {"field": "email", "operator": "=", "value": "ada@example.com"}}),
        ),
        "MergeContact" => (none, json!({"from": "$lead", "into": "$contact"})),
        "createNote" => (none, json!({"body": "Called her", "admin_id": "$admin"})),
        "attachSubscriptionTypeToContact" => {
            (none, json!({"id": "sub_1", "consent_type": "opt_in"}))
        }
        "attachTagToContact" => (none, json!({"id": "$tag"})),
        "attachContactToACompany" => (none, json!({"id": "$company"})),
        "createConversation" => (
            none,
            json!({"from": {"type": "user", "id": "$contact"}, "body": "Help"}),
        ),
        "updateConversation" => (none, json!({"read": true, "title": "Billing"})),
        "searchConversations" => (
            none,
            json!({"query": {"field": "state", "operator": "=", "value": "open"}}),
        ),
        "replyConversation" => (
            none,
            json!({"message_type": "comment", "type": "admin", "admin_id": "$admin", "body": "On it"}),
        ),
        "manageConversation" => (
            none,
            json!({"message_type": "close", "type": "admin", "admin_id": "$admin"}),
        ),
        "attachContactToConversation" => (
            none,
            json!({"admin_id": "$admin", "customer": {"intercom_user_id": "$other"}}),
        ),
        "detachContactFromConversation" => (none, json!({"admin_id": "$admin"})),
        "redactConversation" => (
            none,
            json!({"type": "conversation_part", "conversation_id": "$conversation", "conversation_part_id": "$part"}),
        ),
        "mergeConversation" => (none, json!({"merge_into_conversation_id": "$second"})),
        "convertConversationToTicket" => (none, json!({"ticket_type_id": "53"})),
        "attachTagToConversation" | "attachTagToTicket" => {
            (none, json!({"id": "$tag", "admin_id": "$admin"}))
        }
        "detachTagFromConversation" | "detachTagFromTicket" => {
            (none, json!({"admin_id": "$admin"}))
        }
        "attachTagToInternalArticle" | "attachTagToContentSnippet" => (none, json!({"id": "$tag"})),
        "createTag" => (none, json!({"name": "churn-risk"})),
        "createOrUpdateCompany" => (none, json!({"company_id": "globex", "name": "Globex"})),
        "retrieveCompany" => (vec![("company_id", "acme")], Value::Null),
        "UpdateCompany" => (none, json!({"industry": "Software"})),
        "createCompanyNote" => (none, json!({"body": "Renewal call", "admin_id": "$admin"})),
        "setAwayAdmin" => (
            none,
            json!({"away_mode_enabled": true, "away_mode_reassign": false}),
        ),
        "listActivityLogs" => (vec![("created_at_after", "0")], Value::Null),
        "searchActivityLogs" => (none, json!({"created_at_after": 0})),
        "createDataEvent" => (
            none,
            json!({"event_name": "placed-order", "created_at": 1_700_000_000, "user_id": "ada-1"}),
        ),
        "lisDataEvents" => (vec![("type", "user"), ("user_id", "ada-1")], Value::Null),
        "dataEventSummaries" => (
            none,
            json!({"user_id": "ada-1", "event_summaries": {"event_name": "login", "count": 3, "first": 1_700_000_000, "last": 1_700_000_100}}),
        ),
        "createArticle" => (
            none,
            json!({"title": "FAQ", "author_id": 991267, "state": "published"}),
        ),
        "updateArticle" | "stageArticleDraft" => (none, json!({"title": "Getting started, again"})),
        "publishArticleDraft" => (none, json!({})),
        "attachTagToArticle" => (none, json!({"id": "$tag"})),
        "searchArticles" => (vec![("phrase", "started")], Value::Null),
        "createCollection" => (none, json!({"name": "Billing"})),
        "updateCollection" => (none, json!({"name": "Guides and tips"})),
        "createHelpCenterRedirect" => (
            none,
            json!({"from_url": "https://help.example.com/older", "target_type": "collection", "target_id": "$collection"}),
        ),
        // Issue 11, part c.
        "createCustomObjectInstances" => (
            none,
            json!({"external_id": "ORD-3", "custom_attributes": {"status": "paid"}}),
        ),
        "deleteCustomObjectInstancesById" => (vec![("external_id", "ORD-2")], Value::Null),
        "createDataConnector" => (
            none,
            json!({"name": "Refunds", "http_method": "post", "url": "https://shop.example.com/refunds"}),
        ),
        "updateDataConnector" => (none, json!({"state": "live"})),
        "updateIpAllowlist" => (
            none,
            json!({"enabled": true, "ip_allowlist": ["127.0.0.1", "10.0.0.0/8"]}),
        ),
        "createPhoneSwitch" => (none, json!({"phone": "+353871234567"})),
        "startFinConversation" | "replyToFin" => (
            none,
            json!({"conversation_id": "fin-1", "user": {"id": "ada-1"},
                   "message": {"author": "user", "body": "Where is my parcel?", "timestamp": "2026-04-12T09:31:00Z"}}),
        ),
        "submitFinCsat" => (none, json!({"conversation_id": "fin-1", "rating": "good"})),
        _ => (none, Value::Null),
    };
    (query, (!body.is_null()).then_some(body))
}

/// Replace `"$name"` strings with the seeded ids.
fn resolve(v: Value, ids: &Seeded) -> Value {
    match v {
        Value::String(s) if s.starts_with('$') => json!(ids.get(&s[1..])),
        Value::Array(a) => Value::Array(a.into_iter().map(|v| resolve(v, ids)).collect()),
        Value::Object(m) => {
            Value::Object(m.into_iter().map(|(k, v)| (k, resolve(v, ids))).collect())
        }
        other => other,
    }
}

#[tokio::test]
async fn every_operation_is_answered_by_the_fake() {
    let Some(ops) = operations_to_walk() else {
        return;
    };
    assert!(ops.len() >= 99, "only {} operations to walk", ops.len());
    let mut failures = Vec::new();
    for op in &ops {
        let fake = FakeIntercom::start().await;
        let ids = seed(&fake).await;
        let client = fake
            .client_builder()
            .retry(RetryPolicy::none())
            .pacing(false)
            .build()
            .expect("client");
        let method = Method::from_bytes(op.method.as_bytes()).expect("method");
        let path = fill(op, &ids);
        let (query, body) = body_for(&op.id);
        let mut call = client.request::<Value>(method, path.clone());
        for (k, v) in query {
            call = call.query(k, v);
        }
        if let Some(body) = body {
            call = call.json(&resolve(body, &ids));
        }
        match call.await {
            Ok(_) => {}
            Err(e) => {
                let unknown = e.code().map(|c| c.as_str()) == Some(ROUTE_NOT_FOUND);
                let what = if unknown { "UNKNOWN ROUTE" } else { "error" };
                failures.push(format!("{} {} {path} ({what}): {e}", op.id, op.method));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} operations failed against the fake:\n{}",
        failures.len(),
        ops.len(),
        failures.join("\n")
    );
    eprintln!("walked {} operations, all answered", ops.len());
}
