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

/// The operations whose answer is a file (see `intercom_api::Download`).
const DOWNLOADS: &[&str] = &[
    "downloadDataExport",
    "showCallRecording",
    "showCallTranscript",
    "GET /download/reporting_data/{job_identifier}",
];

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
    let internal_article = post(
        "/internal_articles",
        json!({"title": "Refund SOP", "owner_id": 1, "author_id": 1, "body": "<p>30 days</p>"}),
    )
    .await;
    let internal_article = text(&internal_article["id"]);
    for (kind, id) in [
        ("tickets", "ticket_1"),
        ("internal_articles", internal_article.as_str()),
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
    // A content export, read once (which completes it).
    let export = post(
        "/export/content/data",
        json!({"created_at_after": 1_700_000_000, "created_at_before": 1_700_086_400}),
    )
    .await;
    let export = text(&export["job_identifier"]);
    let _: Value = client
        .request(Method::GET, format!("/export/content/data/{export}"))
        .await
        .expect("export status");
    ids.0.insert("export", export);
    let report = post(
        "/export/reporting_data/enqueue",
        json!({"dataset_id": "conversation", "attribute_ids": ["conversation.conversation_id"], "start_time": 1, "end_time": 2}),
    )
    .await;
    let report = text(&report["job_identifier"]);
    let _: Value = client
        .request(Method::GET, format!("/export/reporting_data/{report}"))
        .query("app_id", "fakeapp1")
        .query("client_id", "walk")
        .await
        .expect("report status");
    ids.0.insert("report", report);
    let news_item = post(
        "/news/news_items",
        json!({"title": "Spring release", "sender_id": 1, "state": "live",
               "newsfeed_assignments": [{"newsfeed_id": 1}]}),
    )
    .await;
    ids.0.insert("news_item", text(&news_item["id"]));
    let snippet = post(
        "/content_snippets",
        json!({"title": "Refund window", "body_markdown": "Within **30 days**."}),
    )
    .await;
    ids.0.insert("snippet", text(&snippet["id"]));
    let audience = post(
        "/audiences",
        json!({"name": "Enterprise", "predicates": [{"attribute": "custom_attributes.plan",
               "type": "string", "comparison": "eq", "value": "enterprise"}]}),
    )
    .await;
    ids.0.insert("audience", text(&audience["id"]));
    ids.0.insert("internal_article", internal_article);
    let import_source = post(
        "/ai/content_import_sources",
        json!({"sync_behavior": "api", "url": "https://docs.example.com"}),
    )
    .await;
    let import_source = text(&import_source["id"]);
    let page = post(
        "/ai/external_pages",
        json!({"title": "Export", "html": "<p>Share, then Export</p>", "locale": "en",
               "source_id": import_source.parse::<i64>().unwrap_or(0), "external_id": "kb-1"}),
    )
    .await;
    ids.0.insert("external_page", text(&page["id"]));
    ids.0.insert("import_source", import_source);
    seed_desk(&client, &mut ids).await;
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
    let registered = post(
        "/fin_voice/register",
        json!({"phone_number": "+15551234567", "call_id": "walk-call-1"}),
    )
    .await;
    ids.0.insert("fin_voice", text(&registered["id"]));
    ids
}

/// The issue-10 families: tickets (one linked to a conversation), a job,
/// a note, office hours, conversation and data attributes.
async fn seed_desk(client: &intercom_api::Client, ids: &mut Seeded) {
    let post = async |path: &str, body: Value| -> Value {
        client
            .request::<Value>(Method::POST, path.to_owned())
            .json(&body)
            .await
            .unwrap_or_else(|e| panic!("seeding POST {path}: {e}"))
    };
    let contact = ids.get("contact");
    let title = json!({"_default_title_": "Cannot log in"});
    let ticket = post(
        "/tickets",
        json!({"ticket_type_id": "1", "contacts": [{"id": contact}], "ticket_attributes": title}),
    )
    .await;
    let tracker = post(
        "/tickets",
        json!({"ticket_type_id": "3", "contacts": [{"id": contact}], "ticket_attributes": title}),
    )
    .await;
    let tracker_id = text(&tracker["id"]);
    post(
        &format!("/tickets/{tracker_id}/linked_conversations"),
        json!({"conversation_id": ids.get("conversation")}),
    )
    .await;
    let job = post(
        "/tickets/enqueue",
        json!({"ticket_type_id": "1", "contacts": [{"id": contact}], "ticket_attributes": title}),
    )
    .await;
    let customer_type = post(
        "/ticket_types",
        json!({"name": "Feature request", "category": "Customer", "icon": "💡"}),
    )
    .await;
    let type_attribute =
        &customer_type["ticket_type_attributes"]["ticket_type_attributes"][0]["id"];
    let note = post(
        &format!("/contacts/{contact}/notes"),
        json!({"body": "Prefers email", "admin_id": ids.get("admin")}),
    )
    .await;
    let schedule = post(
        "/office_hours_schedules",
        json!({"name": "Support", "time_zone_name": "Europe/Paris",
               "time_intervals": [{"start_minute": 540, "end_minute": 1020}]}),
    )
    .await;
    let schedule_id = text(&schedule["id"]);
    let exception = post(
        &format!("/office_hours_schedules/{schedule_id}/office_hours_exceptions"),
        json!({"exception_date": "2026-12-25", "exception_type": "closed", "name": "Christmas"}),
    )
    .await;
    let attribute = post(
        "/conversations/attributes",
        json!({"name": "Plan", "data_type": "list",
               "options": [{"label": "Free"}, {"label": "Pro"}, {"label": "Enterprise"}]}),
    )
    .await;
    let data_attribute = post(
        "/data_attributes",
        json!({"name": "tier", "model": "contact", "data_type": "string"}),
    )
    .await;
    ids.0.insert("ticket", text(&ticket["id"]));
    ids.0.insert("tracker", tracker_id);
    ids.0.insert("job", text(&job["id"]));
    ids.0.insert("customer_type", text(&customer_type["id"]));
    ids.0.insert("type_attribute", text(type_attribute));
    ids.0.insert("note", text(&note["id"]));
    ids.0.insert("schedule", schedule_id);
    ids.0.insert("exception", text(&exception["id"]));
    ids.0.insert("conv_attribute", text(&attribute["id"]));
    ids.0.insert("option", text(&attribute["options"][0]["id"]));
    ids.0.insert("data_attribute", text(&data_attribute["id"]));
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
                "tickets" if op.id.contains("Tag") => "ticket_1".to_owned(),
                "internal_articles" => ids.get("internal_article"),
                // The stored snippet (tagging keeps `cs_1`).
                "content_snippets" if op.path == "/content_snippets/{id}" => ids.get("snippet"),
                "content_snippets" => "cs_1".to_owned(),
                "data" | "cancel" => ids.get("export"),
                "reporting_data" => ids.get("report"),
                "news_items" => ids.get("news_item"),
                "newsfeeds" => "1".to_owned(),
                "audiences" => ids.get("audience"),
                "content_import_sources" => ids.get("import_source"),
                "external_pages" => ids.get("external_page"),
                // Only Tracker tickets link to conversations.
                "tickets"
                    if op.id.contains("ConversationToTicket")
                        || op.id.contains("ConversationFromTicket") =>
                {
                    ids.get("tracker")
                }
                "tickets" => ids.get("ticket"),
                "linked_conversations" => ids.get("conversation"),
                "ticket_types" => ids.get("customer_type"),
                "attributes" if op.id.contains("TicketType") => ids.get("type_attribute"),
                "attributes" => ids.get("conv_attribute"),
                "options" => ids.get("option"),
                "office_hours_schedules" => ids.get("schedule"),
                "office_hours_exceptions" => ids.get("exception"),
                "data_attributes" => ids.get("data_attribute"),
                "segments" => "5f1a1".to_owned(),
                "teams" => "814860".to_owned(),
                "status" => ids.get("job"),
                "notes" => ids.get("note"),
                "macros" => "501".to_owned(),
                "emails" => "301".to_owned(),
                "brands" => "77".to_owned(),
                "custom_object_instances" => "Order".to_owned(),
                "{custom_object_type_identifier}" => ids.get("order"),
                "data_connectors" => ids.get("connector"),
                "execution_results" => ids.get("execution"),
                "workflows" => intercom_api::mock::FAKE_WORKFLOW_ID.to_owned(),
                "calls" => intercom_api::mock::FAKE_CALL_ID.to_owned(),
                "collect" => ids.get("fin_voice"),
                "external_id" => "walk-call-1".to_owned(),
                "phone_number" => "+15551234567".to_owned(),
                "conversation" => intercom_api::mock::FAKE_CALL_CONVERSATION_ID.to_owned(),
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
        "createDataExport" => (
            none,
            json!({"created_at_after": 1_700_000_000, "created_at_before": 1_700_086_400}),
        ),
        "POST /export/reporting_data/enqueue" => (
            none,
            json!({"dataset_id": "conversation", "attribute_ids": ["conversation.channel"], "start_time": 1, "end_time": 2}),
        ),
        "GET /export/reporting_data/{job_identifier}" => (
            vec![
                ("app_id", "fakeapp1"),
                ("client_id", "walk"),
                ("job_identifier", "$report"),
            ],
            Value::Null,
        ),
        "GET /download/reporting_data/{job_identifier}" => {
            (vec![("app_id", "fakeapp1")], Value::Null)
        }
        "createNewsItem" | "updateNewsItem" => (
            none,
            json!({"title": "Invoices in PDF", "sender_id": 1, "state": "live",
                   "newsfeed_assignments": [{"newsfeed_id": 1}]}),
        ),
        "createContentSnippet" => (
            none,
            json!({"title": "Shipping", "body_markdown": "5 to 7 days.", "ai_chatbot_availability": true}),
        ),
        "updateContentSnippet" => (none, json!({"title": "Refund window (EU)"})),
        "createAudience" => (
            none,
            json!({"name": "Trial leads", "role_predicates": [{"attribute": "role",
                   "type": "role", "comparison": "eq", "value": "lead"}]}),
        ),
        "updateAudience" => (none, json!({"name": "Enterprise accounts"})),
        "createInternalArticle" => (
            none,
            json!({"title": "Escalations", "owner_id": 1, "author_id": 1}),
        ),
        "updateInternalArticle" => (none, json!({"title": "Refund SOP (2026)"})),
        "createContentImportSource" => (
            none,
            json!({"sync_behavior": "api", "url": "https://partners.example.com"}),
        ),
        "updateContentImportSource" => (
            none,
            json!({"sync_behavior": "api", "url": "https://docs.example.com", "status": "deactivated"}),
        ),
        "createExternalPage" | "updateExternalPage" => (
            none,
            json!({"title": "Reset", "html": "<p>Settings</p>", "url": "https://docs.example.com/r",
                   "locale": "en", "source_id": "$import_source", "external_id": "kb-2"}),
        ),
        "bulkContentActions" => (
            none,
            json!({"action": "set_availability", "content_ids": [{"type": "internal_article", "id": "$internal_article"}],
                   "availability": {"copilot": true}}),
        ),
        "searchContent" => (vec![("query", "refund")], Value::Null),
        "createMessage" => (
            none,
            json!({"message_type": "inapp", "from": {"type": "admin", "id": "$admin"},
                   "to": {"type": "user", "id": "$contact"}, "body": "Welcome aboard",
                   "create_conversation_without_contact_reply": true}),
        ),
        "RetrieveWhatsAppMessageStatus" => (vec![("message_id", "wamid.1")], Value::Null),
        "getWhatsAppMessageStatus" => (vec![("ruleset_id", "ruleset_1")], Value::Null),
        "createDataAttribute" => (
            none,
            json!({"name": "plan_tier", "model": "company", "data_type": "string"}),
        ),
        "updateDataAttribute" => (none, json!({"description": "The customer's tier"})),
        "listSegments" => (vec![("include_count", "true")], Value::Null),
        "retrieveVisitorWithUserId" => (vec![("user_id", "visitor-1")], Value::Null),
        "updateVisitor" => (none, json!({"user_id": "visitor-1", "name": "Vera"})),
        "convertVisitor" => (
            none,
            json!({"type": "user", "user": {"email": "vera@example.com"}, "visitor": {"user_id": "visitor-1"}}),
        ),
        "createConversationAttribute" => {
            (none, json!({"name": "Order number", "data_type": "string"}))
        }
        "updateConversationAttribute" => (none, json!({"description": "From the shop"})),
        "createConversationAttributeOption" | "updateConversationAttributeOption" => {
            (none, json!({"label": "Business"}))
        }
        "createOfficeHoursSchedule" => (
            none,
            json!({"name": "Weekend", "time_zone_name": "Europe/Paris",
                   "time_intervals": [{"start_minute": 7200, "end_minute": 7800}]}),
        ),
        "updateOfficeHoursSchedule" | "updateOfficeHoursException" => {
            (none, json!({"name": "Renamed"}))
        }
        "createOfficeHoursException" => (
            none,
            json!({"exception_date": "2026-12-31", "exception_type": "custom_hours",
                   "time_intervals": [{"start_minute": 540, "end_minute": 720}]}),
        ),
        "createTicket" | "enqueueCreateTicket" => (
            none,
            json!({"ticket_type_id": "1", "contacts": [{"email": "reporter@example.com"}],
                   "ticket_attributes": {"_default_title_": "Export fails"}}),
        ),
        "updateTicket" => (none, json!({"ticket_state_id": "2", "admin_id": "$admin"})),
        "replyTicket" => (
            none,
            json!({"message_type": "comment", "type": "admin", "admin_id": "$admin", "body": "Looking"}),
        ),
        "changeTicketType" => (
            none,
            json!({"ticket_type_id": "$customer_type", "ticket_state_id": "3"}),
        ),
        "linkConversationToTicket" => (none, json!({"conversation_id": "$second"})),
        "searchTickets" => (
            none,
            json!({"query": {"field": "state", "operator": "=", "value": "submitted"}}),
        ),
        "createTicketType" => (
            none,
            json!({"name": "Billing question", "category": "Customer", "icon": "💳"}),
        ),
        "updateTicketType" => (none, json!({"name": "Feature requests"})),
        "createTicketTypeAttribute" => (
            none,
            json!({"name": "Severity", "description": "How bad", "data_type": "list",
                   "list_items": "Low,High"}),
        ),
        "updateTicketTypeAttribute" => (none, json!({"description": "What went wrong"})),
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
        "listCallsWithTranscripts" => (
            none,
            json!({"conversation_ids": [intercom_api::mock::FAKE_CALL_CONVERSATION_ID]}),
        ),
        "registerFinVoiceCall" => (
            none,
            json!({"phone_number": "+15551234567", "call_id": "walk-call-2", "source": "five9"}),
        ),
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
        if DOWNLOADS.contains(&op.id.as_str()) {
            // A file, not JSON: streamed to a sink.
            let mut call = client.download(method, path.clone());
            for (k, v) in query {
                call = call.query(k, v);
            }
            let result = match call.await {
                Ok(dl) => dl.to_writer(&mut tokio::io::sink()).await.map(drop),
                Err(e) => Err(e),
            };
            if let Err(e) = result {
                failures.push(format!("{} {} {path} (download): {e}", op.id, op.method));
            }
            continue;
        }
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
