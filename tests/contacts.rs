//! Replay tests for the 22 Contacts operations of Intercom API 2.16.
//!
//! A replay test sends one call through `Harness::replay` (see
//! `tests/support/replay.rs`): the test writes the exact request it expects
//! (method, path, whole query, exact JSON body or none); the call's row
//! names the fixture, `fixtures/contacts/<operationId>.json`; a catch-all
//! answers anything else with a `500` expected zero times. Then it checks
//! the decoded values. Paged operations mount their pages explicitly.
//!
//! A replay test is named after the SDK method it covers
//! (`contacts().list_notes` -> `async fn list_notes`): `tests/coverage.rs`
//! finds it that way for every row. Other tests here cover validation,
//! errors, upsert and paging edge cases.

mod support;

use futures::TryStreamExt;
use intercom_api::contacts::{
    ContactRole, ContactSearch, CreateContact, MergeContacts, UpdateContact,
};
use intercom_api::search::{Query, SortOrder, field};
use intercom_api::segments::SegmentPersonType;
use intercom_api::subscription_types::{ConsentType, SubscriptionState};
use intercom_api::{Cursor, ErrorCode};
use serde_json::{Value, json};
use support::replay::expect;
use support::{
    Harness, error_response, fixture, invalid_field, ok, starting_after, stub, stub_json,
};

/// Maya Okafor, the contact most fixtures are about.
const MAYA: &str = "6643a1f2b8c9d04e5a7f3b21";
/// Tomás Ferreira, the user leads are merged into.
const TOMAS: &str = "663f7a52d1e8b94c07a6f315";
/// A lead merged into Tomás.
const LEAD: &str = "6618c0a1d2e3f4a5b6c7d801";

// ---------------------------------------------------------------------------
// One replay test per operation
// ---------------------------------------------------------------------------

#[tokio::test]
async fn create() {
    let h = Harness::start().await;
    let contact = h
        .replay(
            expect("POST /contacts").json(json!({
                "external_id": "cus_6012",
                "email": "priya.raman@example.com",
                "name": "Priya Raman",
                "custom_attributes": {"plan": "growth", "seats": 12, "trial": false}
            })),
            h.client.contacts().create(
                CreateContact::with_external_id("cus_6012")
                    .email("priya.raman@example.com")
                    .name("Priya Raman")
                    .custom_attribute("plan", "growth")
                    .custom_attribute("seats", 12)
                    .custom_attribute("trial", false),
            ),
        )
        .await;

    assert_eq!(contact.id, "6655e9c1f0a2b3d4c5e6f708");
    assert_eq!(contact.external_id.as_deref(), Some("cus_6012"));
    assert_eq!(contact.role, Some(ContactRole::User));
    assert_eq!(contact.email.as_deref(), Some("priya.raman@example.com"));
    assert_eq!(contact.created_at, Some(1_716_840_897));
    assert_eq!(contact.owner_id, None);
    assert_eq!(contact.last_seen_at, None);
    assert_eq!(contact.custom_attributes["plan"], "growth");
    assert_eq!(contact.custom_attributes["seats"], 12);
    assert_eq!(contact.custom_attributes["trial"], false);
    let location = contact.location.expect("location");
    assert_eq!(location.country, None);
    assert!(contact.social_profiles.expect("profiles").data.is_empty());
}

#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let c = h
        .replay(
            expect(&format!("GET /contacts/{MAYA}")),
            h.client.contacts().get(MAYA),
        )
        .await;

    assert_eq!(c.id, MAYA);
    assert_eq!(c.workspace_id.as_deref(), Some("ecahpwf5"));
    assert_eq!(c.external_id.as_deref(), Some("cus_4821"));
    assert_eq!(c.role, Some(ContactRole::User));
    assert_eq!(c.email.as_deref(), Some("maya.okafor@example.com"));
    assert_eq!(c.email_domain.as_deref(), Some("example.com"));
    assert_eq!(c.phone.as_deref(), Some("+49 30 5557 1234"));
    assert_eq!(c.name.as_deref(), Some("Maya Okafor"));
    assert_eq!(c.owner_id.as_deref(), Some("5281734"));
    assert_eq!(c.has_hard_bounced, Some(false));
    assert_eq!(c.created_at, Some(1_712_147_702));
    assert_eq!(c.updated_at, Some(1_719_493_757));
    assert_eq!(c.signed_up_at, Some(1_711_888_502));
    assert_eq!(c.last_seen_at, Some(1_719_490_157));
    assert_eq!(c.last_email_clicked_at, None);
    assert_eq!(c.browser.as_deref(), Some("chrome"));
    assert_eq!(c.os.as_deref(), Some("macOS 14.4"));
    assert_eq!(c.ios_device, None);
    assert_eq!(c.enabled_push_messaging, Some(true));
    assert_eq!(
        Value::Object(c.custom_attributes.clone()),
        json!({"plan": "growth", "seats": 12, "trial": false, "mrr": 249.5})
    );
    assert_eq!(
        c.avatar.and_then(|a| a.image_url).as_deref(),
        Some("https://static.example.org/avatars/maya-okafor.png")
    );
    let tags = c.tags.expect("tags");
    assert_eq!(
        tags.data.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ["8127403", "8127419"]
    );
    assert_eq!(tags.data[0].kind.as_deref(), Some("tag"));
    assert_eq!(tags.total_count, Some(2));
    assert_eq!(tags.has_more, Some(false));
    let notes = c.notes.expect("notes");
    assert_eq!(notes.data[0].id, "31876452");
    assert_eq!(
        notes.url.as_deref(),
        Some("/contacts/6643a1f2b8c9d04e5a7f3b21/notes")
    );
    let companies = c.companies.expect("companies");
    assert_eq!(companies.data[0].id, "6643a20cb8c9d04e5a7f3c90");
    assert_eq!(
        companies.data[0].url.as_deref(),
        Some("/companies/6643a20cb8c9d04e5a7f3c90")
    );
    let location = c.location.expect("location");
    assert_eq!(location.country.as_deref(), Some("Germany"));
    assert_eq!(location.city.as_deref(), Some("Berlin"));
    let profiles = c.social_profiles.expect("social profiles").data;
    assert_eq!(profiles[0].name.as_deref(), Some("LinkedIn"));
    assert!(c.merge_history.is_none());
}

#[tokio::test]
async fn get_by_external_id() {
    let h = Harness::start().await;
    let c = h
        .replay(
            expect("GET /contacts/find_by_external_id/cus_5390"),
            h.client.contacts().get_by_external_id("cus_5390"),
        )
        .await;

    assert_eq!(c.id, "6651b0e4a7d3c28f91e4a062");
    assert_eq!(c.external_id.as_deref(), Some("cus_5390"));
    assert_eq!(c.name.as_deref(), Some("Jonas Lindqvist"));
    assert_eq!(c.email_domain.as_deref(), Some("example.org"));
    assert_eq!(c.custom_attributes["trial"], true);
    assert_eq!(c.browser_language.as_deref(), Some("sv"));
    assert_eq!(
        c.location.and_then(|l| l.city).as_deref(),
        Some("Stockholm")
    );
}

#[tokio::test]
async fn update() {
    let h = Harness::start().await;
    let c = h
        .replay(
            expect(&format!("PUT /contacts/{MAYA}")).json(json!({
                "name": "Maya Okafor-Reyes",
                "custom_attributes": {"plan": "enterprise", "seats": 40, "mrr": 1190.0}
            })),
            h.client.contacts().update(
                MAYA,
                UpdateContact::new()
                    .name("Maya Okafor-Reyes")
                    .custom_attribute("plan", "enterprise")
                    .custom_attribute("seats", 40)
                    .custom_attribute("mrr", 1190.0),
            ),
        )
        .await;

    assert_eq!(c.id, MAYA);
    assert_eq!(c.name.as_deref(), Some("Maya Okafor-Reyes"));
    assert_eq!(c.updated_at, Some(1_719_580_211));
    assert_eq!(c.custom_attributes["plan"], "enterprise");
    assert_eq!(c.custom_attributes["seats"], 40);
    assert_eq!(c.custom_attributes["mrr"], 1190.0);
}

#[tokio::test]
async fn delete() {
    let h = Harness::start().await;
    let deleted = h
        .replay(
            expect(&format!("DELETE /contacts/{MAYA}")),
            h.client.contacts().delete(MAYA),
        )
        .await;

    assert_eq!(deleted.id, MAYA);
    assert_eq!(deleted.external_id.as_deref(), Some("cus_4821"));
    assert!(deleted.deleted);
}

#[tokio::test]
async fn merge() {
    let h = Harness::start().await;
    let user = h
        .replay(
            expect("POST /contacts/merge")
                .json(json!({"from": LEAD, "into": TOMAS, "skip_duplicate_validation": true})),
            h.client
                .contacts()
                .merge(MergeContacts::new(LEAD, TOMAS).skip_duplicate_validation(true)),
        )
        .await;

    assert_eq!(user.id, TOMAS);
    assert_eq!(user.role, Some(ContactRole::User));
    assert_eq!(user.name.as_deref(), Some("Tomás Ferreira"));
    assert_eq!(user.custom_attributes["referral_code"], "TF-2024");
    assert_eq!(user.notes.expect("notes").data.len(), 2);
}

#[tokio::test]
async fn search() {
    let h = Harness::start().await;
    let query = json!({
        "operator": "AND",
        "value": [
            {"field": "custom_attributes.plan", "operator": "=", "value": "enterprise"},
            {"field": "created_at", "operator": ">", "value": 1_714_000_000}
        ]
    });
    let sort = json!({"field": "created_at", "order": "ascending"});
    let cursor = starting_after("contacts/SearchContacts");
    stub_json(
        "POST",
        "/contacts/search",
        &[],
        json!({"query": query, "sort": sort, "pagination": {"per_page": 2}}),
    )
    .respond_with(ok(fixture("contacts/SearchContacts")))
    .expect(2) // the first page, then again from the stream
    .mount(&h.server)
    .await;
    stub_json(
        "POST",
        "/contacts/search",
        &[],
        json!({
            "query": query,
            "sort": sort,
            "pagination": {"per_page": 2, "starting_after": cursor}
        }),
    )
    .respond_with(ok(fixture("contacts/SearchContacts.page2")))
    .expect(1)
    .mount(&h.server)
    .await;

    let search = || {
        ContactSearch::new(Query::and([
            field("custom_attributes.plan").eq("enterprise"),
            field("created_at").gt(1_714_000_000),
        ]))
        .sort("created_at", SortOrder::Ascending)
    };
    let contacts = h.client.contacts();

    let page = contacts.search(search()).per_page(2).await.expect("page");
    assert_eq!(
        page.items.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["6630aa11bb22cc33dd44ee01", "6630aa11bb22cc33dd44ee02"]
    );
    assert_eq!(page.items[0].name.as_deref(), Some("Lena Fischer"));
    assert_eq!(page.items[1].custom_attributes["seats"], 31);
    assert_eq!(page.total_count, Some(3));
    assert_eq!(page.page, Some(1));
    assert_eq!(page.per_page, Some(2));
    assert_eq!(page.total_pages, Some(2));
    assert_eq!(page.next, Some(Cursor::StartingAfter(cursor.clone())));
    assert!(!page.is_last());

    let all: Vec<_> = contacts
        .search(search())
        .per_page(2)
        .items()
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(
        all.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        [
            "6630aa11bb22cc33dd44ee01",
            "6630aa11bb22cc33dd44ee02",
            "6630aa11bb22cc33dd44ee03"
        ]
    );
    assert_eq!(all[2].name.as_deref(), Some("Inès Moreau"));
    h.finish().await;
}

#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let cursor = starting_after("contacts/ListContacts");
    stub("GET", "/contacts", &[("per_page", "2")])
        .respond_with(ok(fixture("contacts/ListContacts")))
        .expect(2)
        .mount(&h.server)
        .await;
    stub(
        "GET",
        "/contacts",
        &[("per_page", "2"), ("starting_after", &cursor)],
    )
    .respond_with(ok(fixture("contacts/ListContacts.page2")))
    .expect(1)
    .mount(&h.server)
    .await;
    let contacts = h.client.contacts();

    let page = contacts.list().per_page(2).await.expect("page");
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.items[0].id, "6621d3b0e5f4a1c2b3d4e581");
    assert_eq!(page.items[0].name.as_deref(), Some("Amara Diallo"));
    assert_eq!(page.items[1].role, Some(ContactRole::Lead));
    assert_eq!(page.items[1].external_id, None);
    assert_eq!(page.items[1].custom_attributes["utm_source"], "newsletter");
    assert_eq!(page.total_count, Some(3));
    assert_eq!(page.next_cursor(), Some(&Cursor::StartingAfter(cursor)));

    let mut seen = Vec::new();
    let mut items = std::pin::pin!(contacts.list().per_page(2).items());
    while let Some(c) = items.try_next().await.expect("item") {
        seen.push(c.id);
    }
    assert_eq!(
        seen,
        [
            "6621d3b0e5f4a1c2b3d4e581",
            "6621d3b0e5f4a1c2b3d4e5a9",
            "6621d3b0e5f4a1c2b3d4e5f2"
        ]
    );
    h.finish().await;
}

#[tokio::test]
async fn list_companies() {
    let h = Harness::start().await;
    let at = format!("/contacts/{MAYA}/companies");
    stub("GET", &at, &[])
        .respond_with(ok(fixture("contacts/listCompaniesForAContact")))
        .expect(2)
        .mount(&h.server)
        .await;
    stub("GET", &at, &[("page", "2")])
        .respond_with(ok(fixture("contacts/listCompaniesForAContact.page2")))
        .expect(1)
        .mount(&h.server)
        .await;
    let contacts = h.client.contacts();

    let page = contacts.list_companies(MAYA).await.expect("page");
    assert_eq!(page.items.len(), 2);
    let acme = &page.items[0];
    assert_eq!(acme.id, "6643a20cb8c9d04e5a7f3c90");
    assert_eq!(acme.company_id.as_deref(), Some("acme-gmbh"));
    assert_eq!(acme.name.as_deref(), Some("Acme GmbH"));
    assert_eq!(
        acme.plan.as_ref().and_then(|p| p.name.as_deref()),
        Some("Scale")
    );
    assert_eq!(acme.monthly_spend, Some(1250.0));
    assert_eq!(acme.user_count, Some(14));
    assert_eq!(acme.custom_attributes["tier"], "gold");
    assert_eq!(
        acme.tags.as_ref().expect("tags").tags[0].name.as_deref(),
        Some("VIP")
    );
    assert_eq!(
        acme.segments.as_ref().expect("segments").segments[0].id,
        "65a0f1e2d3c4b5a697887766"
    );
    assert_eq!(page.total_count, Some(3));
    assert_eq!(page.page, Some(1));
    assert_eq!(page.total_pages, Some(2));
    assert_eq!(page.next, Some(Cursor::Page(2)));

    let all = contacts
        .list_companies(MAYA)
        .collect_at_most(100)
        .await
        .expect("every page");
    assert_eq!(
        all.iter()
            .map(|c| c.name.as_deref().unwrap_or_default())
            .collect::<Vec<_>>(),
        ["Acme GmbH", "Northwind AB", "Globex SA"]
    );
    h.finish().await;
}

#[tokio::test]
async fn list_notes() {
    let h = Harness::start().await;
    let at = format!("/contacts/{MAYA}/notes");
    stub("GET", &at, &[])
        .respond_with(ok(fixture("contacts/listNotes")))
        .expect(2)
        .mount(&h.server)
        .await;
    stub("GET", &at, &[("page", "2")])
        .respond_with(ok(fixture("contacts/listNotes.page2")))
        .expect(1)
        .mount(&h.server)
        .await;
    let contacts = h.client.contacts();

    let page = contacts.list_notes(MAYA).await.expect("page");
    assert_eq!(page.items.len(), 2);
    let note = &page.items[0];
    assert_eq!(note.id, "31876452");
    assert_eq!(note.created_at, Some(1_719_401_122));
    assert_eq!(
        note.body.as_deref(),
        Some("<p>Asked about SSO on the Growth plan.</p>")
    );
    assert_eq!(
        note.contact.as_ref().and_then(|c| c.id.as_deref()),
        Some(MAYA)
    );
    assert!(note.company.is_none());
    let author = note.author.as_ref().expect("author");
    assert_eq!(author.id, "5281734");
    assert_eq!(author.name.as_deref(), Some("Sofia Brandt"));
    assert_eq!(author.team_ids, [7_301_245]);
    assert_eq!(page.total_count, Some(3));
    assert_eq!(page.next, Some(Cursor::Page(2)));

    let ids: Vec<String> = contacts
        .list_notes(MAYA)
        .items()
        .map_ok(|n| n.id)
        .try_collect()
        .await
        .expect("every page");
    assert_eq!(ids, ["31876452", "31876431", "31876407"]);
    h.finish().await;
}

#[tokio::test]
async fn create_note() {
    let h = Harness::start().await;
    let note = h
        .replay(
            expect(&format!("POST /contacts/{MAYA}/notes")).json(
                json!({"body": "<p>Renewal call booked for 3 July.</p>", "admin_id": "5281734"}),
            ),
            h.client.contacts().create_note(
                MAYA,
                "<p>Renewal call booked for 3 July.</p>",
                Some("5281734"),
            ),
        )
        .await;

    assert_eq!(note.id, "31876490");
    assert_eq!(note.created_at, Some(1_719_581_337));
    assert_eq!(
        note.body.as_deref(),
        Some("<p>Renewal call booked for 3 July.</p>")
    );
    assert_eq!(
        note.author.and_then(|a| a.email).as_deref(),
        Some("sofia.brandt@example.com")
    );
}

#[tokio::test]
async fn list_segments() {
    let h = Harness::start().await;
    let segments = h
        .replay(
            expect(&format!("GET /contacts/{MAYA}/segments")),
            h.client.contacts().list_segments(MAYA),
        )
        .await;

    assert_eq!(segments.len(), 2);
    assert_eq!(segments[0].id, "65a0f1e2d3c4b5a697887766");
    assert_eq!(segments[0].name.as_deref(), Some("Enterprise accounts"));
    assert_eq!(segments[0].person_type, Some(SegmentPersonType::User));
    assert_eq!(segments[0].count, None);
    assert_eq!(segments[1].person_type, Some(SegmentPersonType::Contact));
    assert_eq!(segments[1].count, Some(1834));
    assert_eq!(segments[1].created_at, Some(1_702_998_811));
}

#[tokio::test]
async fn list_subscriptions() {
    let h = Harness::start().await;
    let subs = h
        .replay(
            expect(&format!("GET /contacts/{MAYA}/subscriptions")),
            h.client.contacts().list_subscriptions(MAYA),
        )
        .await;

    assert_eq!(subs.len(), 2);
    assert_eq!(subs[0].id, "37912");
    assert_eq!(subs[0].state, Some(SubscriptionState::Live));
    assert_eq!(subs[0].consent_type, Some(ConsentType::OptOut));
    assert_eq!(subs[0].content_types, ["email"]);
    assert_eq!(
        subs[0]
            .translations
            .iter()
            .map(|t| t.locale.as_deref().unwrap_or_default())
            .collect::<Vec<_>>(),
        ["en", "de"]
    );
    assert_eq!(
        subs[1]
            .default_translation
            .as_ref()
            .and_then(|t| t.name.as_deref()),
        Some("SMS reminders")
    );
    assert_eq!(subs[1].consent_type, Some(ConsentType::OptIn));
}

#[tokio::test]
async fn attach_subscription() {
    let h = Harness::start().await;
    let sub = h
        .replay(
            expect(&format!("POST /contacts/{MAYA}/subscriptions"))
                .json(json!({"id": "37915", "consent_type": "opt_in"})),
            h.client
                .contacts()
                .attach_subscription(MAYA, "37915", ConsentType::OptIn),
        )
        .await;

    assert_eq!(sub.id, "37915");
    assert_eq!(sub.consent_type, Some(ConsentType::OptIn));
    assert_eq!(sub.content_types, ["sms_message"]);
}

#[tokio::test]
async fn detach_subscription() {
    let h = Harness::start().await;
    let sub = h
        .replay(
            expect(&format!("DELETE /contacts/{MAYA}/subscriptions/37912")),
            h.client.contacts().detach_subscription(MAYA, "37912"),
        )
        .await;

    assert_eq!(sub.id, "37912");
    assert_eq!(sub.consent_type, Some(ConsentType::OptOut));
    assert_eq!(
        sub.default_translation.and_then(|t| t.name).as_deref(),
        Some("Product updates")
    );
}

#[tokio::test]
async fn list_tags() {
    let h = Harness::start().await;
    let tags = h
        .replay(
            expect(&format!("GET /contacts/{MAYA}/tags")),
            h.client.contacts().list_tags(MAYA),
        )
        .await;

    assert_eq!(tags.len(), 2);
    assert_eq!(tags[0].id, "8127403");
    assert_eq!(tags[0].name.as_deref(), Some("VIP"));
    assert_eq!(tags[0].applied_at, Some(1_716_900_021));
    let by = tags[0].applied_by.as_ref().expect("applied_by");
    assert_eq!(by.kind.as_deref(), Some("admin"));
    assert_eq!(by.id.as_deref(), Some("5281734"));
    assert_eq!(tags[1].name.as_deref(), Some("Renewal Q3"));
    assert_eq!(tags[1].applied_at, None);
    assert_eq!(tags[1].applied_by, None);
}

#[tokio::test]
async fn list_banners() {
    let h = Harness::start().await;
    let banners = h
        .replay(
            expect(&format!("GET /contacts/{MAYA}/banners")),
            h.client.contacts().list_banners(MAYA),
        )
        .await;

    assert_eq!(banners.len(), 2);
    assert_eq!(banners[0].id, "41207");
    assert_eq!(banners[0].view_id.as_deref(), Some("bv_88123457"));
    assert_eq!(banners[0].title.as_deref(), Some("Scheduled maintenance"));
    assert_eq!(banners[0].style.as_deref(), Some("inline"));
    assert_eq!(banners[0].show_dismiss_button, Some(true));
    assert_eq!(
        banners[0].action.as_ref().expect("action")["target"],
        "https://status.example.com/maintenance"
    );
    assert_eq!(banners[1].title, None);
    assert_eq!(banners[1].position.as_deref(), Some("bottom"));
    assert_eq!(
        banners[1].action.as_ref().expect("action")["reaction_set"][0]["unicode_emoticon"],
        "👍"
    );
    assert_eq!(banners[1].created_at, Some(1_719_288_000));
}

#[tokio::test]
async fn dismiss_banner() {
    let h = Harness::start().await;
    let dismissed = h
        .replay(
            expect(&format!(
                "POST /contacts/{MAYA}/banners/bv_88123457/dismiss"
            )),
            h.client.contacts().dismiss_banner(MAYA, "bv_88123457"),
        )
        .await;

    assert_eq!(dismissed.view_id.as_deref(), Some("bv_88123457"));
    assert_eq!(dismissed.dismissed, Some(true));
}

#[tokio::test]
async fn archive() {
    let h = Harness::start().await;
    let archived = h
        .replay(
            expect(&format!("POST /contacts/{MAYA}/archive")),
            h.client.contacts().archive(MAYA),
        )
        .await;

    assert_eq!(archived.id, MAYA);
    assert_eq!(archived.external_id.as_deref(), Some("cus_4821"));
    assert!(archived.archived);
}

#[tokio::test]
async fn unarchive() {
    let h = Harness::start().await;
    let unarchived = h
        .replay(
            expect(&format!("POST /contacts/{MAYA}/unarchive")),
            h.client.contacts().unarchive(MAYA),
        )
        .await;

    assert_eq!(unarchived.id, MAYA);
    assert!(!unarchived.archived);
}

#[tokio::test]
async fn block() {
    let h = Harness::start().await;
    let blocked = h
        .replay(
            expect(&format!("POST /contacts/{MAYA}/block")),
            h.client.contacts().block(MAYA),
        )
        .await;

    assert_eq!(blocked.id, MAYA);
    assert_eq!(blocked.external_id.as_deref(), Some("cus_4821"));
    assert!(blocked.blocked);
}

#[tokio::test]
async fn list_merge_history() {
    let h = Harness::start().await;
    let at = format!("/contacts/{MAYA}/merge_history");
    let cursor = fixture("contacts/ListContactMergeHistory")["next_cursor"]
        .as_str()
        .expect("next_cursor")
        .to_owned();
    stub("GET", &at, &[("per_page", "2"), ("order", "asc")])
        .respond_with(ok(fixture("contacts/ListContactMergeHistory")))
        .expect(2)
        .mount(&h.server)
        .await;
    stub(
        "GET",
        &at,
        &[("per_page", "2"), ("order", "asc"), ("cursor", &cursor)],
    )
    .respond_with(ok(fixture("contacts/ListContactMergeHistory.page2")))
    .expect(1)
    .mount(&h.server)
    .await;
    let contacts = h.client.contacts();
    let call = || {
        contacts
            .list_merge_history(MAYA)
            .per_page(2)
            .order(SortOrder::Ascending)
    };

    let page = call().await.expect("page");
    assert_eq!(page.items.len(), 2);
    assert_eq!(
        page.items[0].source_contact_id.as_deref(),
        Some("6618c0a1d2e3f4a5b6c7d801")
    );
    assert_eq!(page.items[0].source_contact_role, Some(ContactRole::Lead));
    assert_eq!(page.items[0].merged_at, Some(1_713_001_234));
    assert_eq!(page.items[1].source_contact_role, Some(ContactRole::User));
    assert_eq!(page.next, Some(Cursor::Opaque(cursor)));

    let all = call().collect_at_most(10).await.expect("every page");
    assert_eq!(
        all.iter()
            .map(|m| m.source_contact_id.as_deref().unwrap_or_default())
            .collect::<Vec<_>>(),
        [
            "6618c0a1d2e3f4a5b6c7d801",
            "6618c0a1d2e3f4a5b6c7d8ff",
            "6618c0a1d2e3f4a5b6c7d9a3"
        ]
    );
    assert_eq!(all[2].merged_at, None);
    h.finish().await;
}

// ---------------------------------------------------------------------------
// Client-side validation: refused before anything is sent
// ---------------------------------------------------------------------------

#[tokio::test]
async fn create_without_email_external_id_or_lead_role_is_refused_before_sending() {
    let h = Harness::start().await;
    let nobody = CreateContact::lead().role(ContactRole::User).name("Nobody");
    let err = h
        .client
        .contacts()
        .create(nobody)
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "email");
    // Each of the three identities alone is enough.
    for ok_contact in [
        CreateContact::with_email("a@example.com"),
        CreateContact::with_external_id("cus_1"),
        CreateContact::lead(),
    ] {
        assert!(
            h.client
                .contacts()
                .create(ok_contact)
                .into_request()
                .is_ok()
        );
    }
    h.assert_no_requests().await;
    h.finish().await;
}

#[tokio::test]
async fn custom_attribute_name_over_190_chars_is_refused_before_sending() {
    let h = Harness::start().await;
    let long = "a".repeat(191);
    let err = h
        .client
        .contacts()
        .update(MAYA, UpdateContact::new().custom_attribute(long, "x"))
        .await
        .expect_err("refused");
    let field = invalid_field(err);
    assert!(
        field.starts_with("custom_attributes.aaaa"),
        "field `{field}` should name the attribute"
    );
    let err = h
        .client
        .contacts()
        .create(CreateContact::with_email("a@example.com").custom_attribute("b".repeat(191), 1))
        .await
        .expect_err("refused");
    assert!(invalid_field(err).starts_with("custom_attributes.bbbb"));
    // 190 is the limit, not past it.
    let at_limit = UpdateContact::new().custom_attribute("a".repeat(190), "x");
    assert!(
        h.client
            .contacts()
            .update(MAYA, at_limit)
            .into_request()
            .is_ok()
    );
    h.assert_no_requests().await;
    h.finish().await;
}

#[tokio::test]
async fn custom_attribute_string_over_255_chars_is_refused_before_sending() {
    let h = Harness::start().await;
    let err = h
        .client
        .contacts()
        .create(CreateContact::with_external_id("cus_1").custom_attribute("bio", "x".repeat(256)))
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "custom_attributes.bio");
    let at_limit = UpdateContact::new().custom_attribute("bio", "x".repeat(255));
    assert!(
        h.client
            .contacts()
            .update(MAYA, at_limit)
            .into_request()
            .is_ok()
    );
    // Numbers are not strings: no length limit applies.
    let number = UpdateContact::new().custom_attribute("big", 10_i64.pow(18));
    assert!(
        h.client
            .contacts()
            .update(MAYA, number)
            .into_request()
            .is_ok()
    );
    h.assert_no_requests().await;
    h.finish().await;
}

#[tokio::test]
async fn per_page_over_150_is_refused_before_sending() {
    let h = Harness::start().await;
    let contacts = h.client.contacts();
    let err = contacts.list().per_page(151).await.expect_err("refused");
    assert_eq!(invalid_field(err), "per_page");
    let err = contacts
        .search(field("role").eq("user"))
        .per_page(151)
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "per_page");
    let err = contacts
        .list_merge_history(MAYA)
        .per_page(151)
        .collect_at_most(1)
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "per_page");
    let err = contacts.list().per_page(0).await.expect_err("refused");
    assert_eq!(invalid_field(err), "per_page");
    assert!(contacts.list().per_page(150).into_request().is_ok());
    h.assert_no_requests().await;
    h.finish().await;
}

#[tokio::test]
async fn search_nested_three_levels_deep_is_refused_before_sending() {
    let h = Harness::start().await;
    let too_deep = Query::and([Query::or([Query::and([field("role").eq("user")])])]);
    let err = h
        .client
        .contacts()
        .search(too_deep)
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "query.value[0].value[0]");
    h.assert_no_requests().await;
    h.finish().await;
}

#[tokio::test]
async fn search_with_16_filters_in_a_group_is_refused_before_sending() {
    let h = Harness::start().await;
    let group = |n: i64| Query::or((0..n).map(|i| field("custom_attributes.seats").eq(i)));
    let err = h
        .client
        .contacts()
        .search(group(16))
        .items()
        .try_collect::<Vec<_>>()
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "query");
    let nested = Query::and([field("role").eq("user"), group(16)]);
    let err = h
        .client
        .contacts()
        .search(nested)
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "query.value[1]");
    assert!(h.client.contacts().search(group(15)).into_request().is_ok());
    h.assert_no_requests().await;
    h.finish().await;
}

#[tokio::test]
async fn empty_ids_are_refused_before_sending() {
    let h = Harness::start().await;
    let c = h.client.contacts();
    assert_eq!(
        invalid_field(c.get("").await.expect_err("get")),
        "contact_id"
    );
    assert_eq!(
        invalid_field(c.delete("  ").await.expect_err("delete")),
        "contact_id"
    );
    assert_eq!(
        invalid_field(
            c.update("", UpdateContact::new())
                .await
                .expect_err("update")
        ),
        "contact_id"
    );
    assert_eq!(
        invalid_field(c.archive("").await.expect_err("archive")),
        "contact_id"
    );
    assert_eq!(
        invalid_field(c.block("").await.expect_err("block")),
        "contact_id"
    );
    assert_eq!(
        invalid_field(c.list_notes("").await.expect_err("list_notes")),
        "contact_id"
    );
    assert_eq!(
        invalid_field(c.list_companies("").await.expect_err("list_companies")),
        "contact_id"
    );
    assert_eq!(
        invalid_field(c.list_merge_history("").await.expect_err("merge_history")),
        "id"
    );
    assert_eq!(
        invalid_field(c.get_by_external_id("").await.expect_err("by external id")),
        "external_id"
    );
    assert_eq!(
        invalid_field(
            c.detach_subscription(MAYA, "")
                .await
                .expect_err("detach_subscription")
        ),
        "subscription_id"
    );
    assert_eq!(
        invalid_field(
            c.dismiss_banner(MAYA, "")
                .await
                .expect_err("dismiss_banner")
        ),
        "view_id"
    );
    assert_eq!(
        invalid_field(
            c.merge(MergeContacts::new(LEAD, ""))
                .await
                .expect_err("merge")
        ),
        "into"
    );
    assert_eq!(
        invalid_field(c.create_note(MAYA, " ", None).await.expect_err("note")),
        "body"
    );
    h.assert_no_requests().await;
    h.finish().await;
}

// ---------------------------------------------------------------------------
// upsert_by_external_id
// ---------------------------------------------------------------------------

fn upsert_fields() -> (CreateContact, Value) {
    (
        CreateContact::with_external_id("cus_4821")
            .email("maya.okafor@example.com")
            .name("Maya Okafor-Reyes"),
        json!({
            "external_id": "cus_4821",
            "email": "maya.okafor@example.com",
            "name": "Maya Okafor-Reyes"
        }),
    )
}

#[tokio::test]
async fn upsert_by_external_id_creates_when_there_is_no_conflict() {
    let h = Harness::start().await;
    let (contact, body) = upsert_fields();
    stub_json("POST", "/contacts", &[], body)
        .respond_with(ok(fixture("contacts/CreateContact")))
        .expect(1)
        .mount(&h.server)
        .await;

    let up = h
        .client
        .contacts()
        .upsert_by_external_id(contact)
        .await
        .expect("upserted");

    assert!(up.created);
    assert_eq!(up.contact.id, "6655e9c1f0a2b3d4c5e6f708");
    assert_eq!(h.requests().await.len(), 1);
    h.finish().await;
}

#[tokio::test]
async fn upsert_by_external_id_updates_after_a_409() {
    let h = Harness::start().await;
    let (contact, body) = upsert_fields();
    stub_json("POST", "/contacts", &[], body.clone())
        .respond_with(error_response(409, "conflict"))
        .expect(1)
        .mount(&h.server)
        .await;
    stub_json(
        "POST",
        "/contacts/search",
        &[],
        json!({
            "query": {"field": "external_id", "operator": "=", "value": "cus_4821"},
            "pagination": {"per_page": 1}
        }),
    )
    .respond_with(ok(json!({
        "type": "list",
        "data": [fixture("contacts/ShowContact")],
        "total_count": 1,
        "pages": {"type": "pages", "page": 1, "per_page": 1, "total_pages": 1, "next": null}
    })))
    .expect(1)
    .mount(&h.server)
    .await;
    stub_json("PUT", &format!("/contacts/{MAYA}"), &[], body)
        .respond_with(ok(fixture("contacts/UpdateContact")))
        .expect(1)
        .mount(&h.server)
        .await;

    let up = h
        .client
        .contacts()
        .upsert_by_external_id(contact)
        .await
        .expect("upserted");

    assert!(!up.created);
    assert_eq!(up.contact.id, MAYA);
    assert_eq!(up.contact.name.as_deref(), Some("Maya Okafor-Reyes"));
    let order: Vec<String> = h
        .requests()
        .await
        .iter()
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .collect();
    assert_eq!(
        order,
        [
            "POST /contacts",
            "POST /contacts/search",
            &format!("PUT /contacts/{MAYA}")
        ]
    );
    h.finish().await;
}

#[tokio::test]
async fn upsert_by_external_id_returns_the_conflict_when_the_search_finds_nobody() {
    let h = Harness::start().await;
    let (contact, body) = upsert_fields();
    stub_json("POST", "/contacts", &[], body)
        .respond_with(error_response(409, "conflict"))
        .expect(1)
        .mount(&h.server)
        .await;
    stub_json(
        "POST",
        "/contacts/search",
        &[],
        json!({
            "query": {"field": "external_id", "operator": "=", "value": "cus_4821"},
            "pagination": {"per_page": 1}
        }),
    )
    .respond_with(ok(json!({
        "type": "list",
        "data": [],
        "total_count": 0,
        "pages": {"type": "pages", "page": 1, "per_page": 1, "total_pages": 0, "next": null}
    })))
    .expect(1)
    .mount(&h.server)
    .await;

    let err = h
        .client
        .contacts()
        .upsert_by_external_id(contact)
        .await
        .expect_err("the conflict");

    assert!(err.is_conflict(), "{err}");
    assert_eq!(err.code(), Some(&ErrorCode::Conflict));
    assert_eq!(
        err.request_id(),
        Some("2b7e9a10-6c3f-4d8e-b1a2-9f8e7d6c5b4a")
    );
    h.finish().await;
}

#[tokio::test]
async fn upsert_by_external_id_needs_an_external_id() {
    let h = Harness::start().await;
    let err = h
        .client
        .contacts()
        .upsert_by_external_id(CreateContact::with_email("maya.okafor@example.com"))
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "external_id");
    h.assert_no_requests().await;
    h.finish().await;
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

#[tokio::test]
async fn get_404_is_not_found_with_request_id() {
    let h = Harness::start().await;
    stub("GET", "/contacts/000000000000000000000000", &[])
        .respond_with(error_response(404, "not_found"))
        .expect(1)
        .mount(&h.server)
        .await;

    let err = h
        .client
        .contacts()
        .get("000000000000000000000000")
        .await
        .expect_err("404");

    assert!(err.is_not_found(), "{err}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(err.code(), Some(&ErrorCode::NotFound));
    assert_eq!(
        err.request_id(),
        Some("8f0c2b9e-3d4a-4e51-9a7b-1c2d3e4f5a6b")
    );
    let api = err.as_api().expect("an API error");
    assert_eq!(api.message(), Some("User Not Found"));
    assert_eq!(api.merged_into(), None);
    assert!(!err.is_retryable());
    h.finish().await;
}

#[tokio::test]
async fn get_401_is_unauthorized() {
    let h = Harness::start().await;
    stub("GET", &format!("/contacts/{MAYA}"), &[])
        .respond_with(error_response(401, "unauthorized"))
        .expect(1)
        .mount(&h.server)
        .await;

    let err = h.client.contacts().get(MAYA).await.expect_err("401");

    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(err.code(), Some(&ErrorCode::Unauthorized));
    assert_eq!(
        err.as_api().and_then(|a| a.message()),
        Some("Access Token Invalid")
    );
    h.finish().await;
}

#[tokio::test]
async fn get_410_contact_merged_names_the_surviving_contact() {
    let h = Harness::start().await;
    stub("GET", &format!("/contacts/{LEAD}"), &[])
        .respond_with(error_response(410, "contact_merged").insert_header(
            "link",
            format!("</contacts/{TOMAS}>; rel=\"canonical\"").as_str(),
        ))
        .expect(1)
        .mount(&h.server)
        .await;

    let err = h.client.contacts().get(LEAD).await.expect_err("410");

    assert_eq!(err.status().map(|s| s.as_u16()), Some(410));
    assert_eq!(err.code(), Some(&ErrorCode::ContactMerged));
    let api = err.as_api().expect("an API error");
    assert_eq!(api.merged_into(), Some(TOMAS));
    assert_eq!(
        api.link.as_deref(),
        Some("</contacts/663f7a52d1e8b94c07a6f315>; rel=\"canonical\"")
    );
    assert_eq!(
        api.request_id.as_deref(),
        Some("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9")
    );
    h.finish().await;
}

#[tokio::test]
async fn get_by_external_id_410_contact_merged_names_the_surviving_contact() {
    let h = Harness::start().await;
    stub("GET", "/contacts/find_by_external_id/cus_0917", &[])
        .respond_with(error_response(410, "contact_merged").insert_header(
            "link",
            format!("</contacts/{TOMAS}>; rel=\"canonical\"").as_str(),
        ))
        .expect(1)
        .mount(&h.server)
        .await;

    let err = h
        .client
        .contacts()
        .get_by_external_id("cus_0917")
        .await
        .expect_err("410");

    assert_eq!(err.code(), Some(&ErrorCode::ContactMerged));
    assert_eq!(err.as_api().and_then(|a| a.merged_into()), Some(TOMAS));
    assert!(!err.is_not_found());
    assert!(!err.is_retryable());
    h.finish().await;
}

#[tokio::test]
async fn a_failing_page_ends_the_stream_with_the_error() {
    let h = Harness::start().await;
    let cursor = starting_after("contacts/ListContacts");
    stub("GET", "/contacts", &[])
        .respond_with(ok(fixture("contacts/ListContacts")))
        .expect(1)
        .mount(&h.server)
        .await;
    stub("GET", "/contacts", &[("starting_after", &cursor)])
        .respond_with(error_response(401, "unauthorized"))
        .expect(1)
        .mount(&h.server)
        .await;

    let mut items = std::pin::pin!(h.client.contacts().list().items());
    assert!(items.try_next().await.expect("first").is_some());
    assert!(items.try_next().await.expect("second").is_some());
    let err = items.try_next().await.expect_err("page 2 fails");
    assert_eq!(err.code(), Some(&ErrorCode::Unauthorized));
    assert!(items.try_next().await.expect("ended").is_none());
    h.finish().await;
}

// ---------------------------------------------------------------------------
// Query parameters, cursors, decoding
// ---------------------------------------------------------------------------

fn with_merge_history(mut contact: Value) -> Value {
    contact["merge_history"] = json!([
        {"type": "merge_history_item", "source_contact_id": LEAD,
         "source_contact_role": "lead", "merged_at": 1_713_001_234}
    ]);
    contact
}

#[tokio::test]
async fn include_merge_history_adds_the_query_parameter() {
    let h = Harness::start().await;
    stub(
        "GET",
        &format!("/contacts/{MAYA}"),
        &[("include_merge_history", "true")],
    )
    .respond_with(ok(with_merge_history(fixture("contacts/ShowContact"))))
    .expect(1)
    .mount(&h.server)
    .await;
    stub(
        "GET",
        "/contacts/find_by_external_id/cus_5390",
        &[("include_merge_history", "true")],
    )
    .respond_with(ok(fixture("contacts/ShowContactByExternalId")))
    .expect(1)
    .mount(&h.server)
    .await;
    stub(
        "GET",
        "/contacts",
        &[("per_page", "2"), ("include_merge_history", "true")],
    )
    .respond_with(ok(fixture("contacts/ListContacts")))
    .expect(1)
    .mount(&h.server)
    .await;
    stub_json(
        "POST",
        "/contacts/search",
        &[("include_merge_history", "true")],
        json!({"query": {"field": "role", "operator": "=", "value": "user"}}),
    )
    .respond_with(ok(fixture("contacts/SearchContacts")))
    .expect(1)
    .mount(&h.server)
    .await;
    stub_json(
        "PUT",
        &format!("/contacts/{MAYA}"),
        &[("include_merge_history", "true")],
        json!({"name": "Maya Okafor-Reyes"}),
    )
    .respond_with(ok(fixture("contacts/UpdateContact")))
    .expect(1)
    .mount(&h.server)
    .await;
    stub_json(
        "POST",
        "/contacts/merge",
        &[("include_merge_history", "true")],
        json!({"from": LEAD, "into": TOMAS}),
    )
    .respond_with(ok(with_merge_history(fixture("contacts/MergeContact"))))
    .expect(1)
    .mount(&h.server)
    .await;
    let contacts = h.client.contacts();

    let c = contacts
        .get(MAYA)
        .include_merge_history()
        .await
        .expect("contact");
    let history = c.merge_history.expect("merge_history");
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].source_contact_id.as_deref(), Some(LEAD));
    assert_eq!(history[0].source_contact_role, Some(ContactRole::Lead));
    assert_eq!(history[0].merged_at, Some(1_713_001_234));

    contacts
        .get_by_external_id("cus_5390")
        .include_merge_history()
        .await
        .expect("by external id");
    contacts
        .list()
        .per_page(2)
        .include_merge_history()
        .await
        .expect("list");
    contacts
        .search(field("role").eq("user"))
        .include_merge_history()
        .await
        .expect("search");
    contacts
        .update(MAYA, UpdateContact::new().name("Maya Okafor-Reyes"))
        .include_merge_history()
        .await
        .expect("update");
    contacts
        .merge(MergeContacts::new(LEAD, TOMAS))
        .include_merge_history()
        .await
        .expect("merge");
    h.finish().await;
}

#[tokio::test]
async fn a_resumed_list_sends_the_saved_cursor() {
    let h = Harness::start().await;
    let cursor = starting_after("contacts/ListContacts");
    stub(
        "GET",
        "/contacts",
        &[("per_page", "2"), ("starting_after", &cursor)],
    )
    .respond_with(ok(fixture("contacts/ListContacts.page2")))
    .expect(2)
    .mount(&h.server)
    .await;

    // A cursor saved by an earlier run, e.g. as JSON.
    let saved = serde_json::to_string(&Cursor::StartingAfter(cursor.clone())).expect("ser");
    let resumed: Cursor = serde_json::from_str(&saved).expect("de");

    let page = h
        .client
        .contacts()
        .list()
        .per_page(2)
        .starting_from(resumed.clone())
        .await
        .expect("page 2");
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].id, "6621d3b0e5f4a1c2b3d4e5f2");
    assert!(page.is_last());

    let rest = h
        .client
        .contacts()
        .list()
        .per_page(2)
        .starting_from(resumed)
        .collect_at_most(10)
        .await
        .expect("the rest");
    assert_eq!(rest.len(), 1);
    h.finish().await;
}

#[tokio::test]
async fn a_resumed_search_puts_the_cursor_in_the_body() {
    let h = Harness::start().await;
    let cursor = starting_after("contacts/SearchContacts");
    stub_json(
        "POST",
        "/contacts/search",
        &[],
        json!({
            "query": {"field": "role", "operator": "=", "value": "user"},
            "pagination": {"starting_after": cursor}
        }),
    )
    .respond_with(ok(fixture("contacts/SearchContacts.page2")))
    .expect(1)
    .mount(&h.server)
    .await;

    let page = h
        .client
        .contacts()
        .search(field("role").eq("user"))
        .starting_from(Cursor::StartingAfter(cursor))
        .await
        .expect("page 2");
    assert_eq!(page.items[0].id, "6630aa11bb22cc33dd44ee03");
    assert_eq!(page.next, None);
    h.finish().await;
}

#[tokio::test]
async fn a_cursor_of_the_wrong_kind_is_refused_before_sending() {
    let h = Harness::start().await;
    let err = h
        .client
        .contacts()
        .list()
        .starting_from(Cursor::Page(2))
        .await
        .expect_err("refused");
    assert_eq!(invalid_field(err), "cursor");
    h.assert_no_requests().await;
    h.finish().await;
}

#[tokio::test]
async fn collect_at_most_stops_fetching_once_it_has_enough() {
    let h = Harness::start().await;
    stub("GET", "/contacts", &[("per_page", "2")])
        .respond_with(ok(fixture("contacts/ListContacts")))
        .expect(1)
        .mount(&h.server)
        .await;
    // No stub for page 2: fetching it would hit the catch-all and fail.
    let two = h
        .client
        .contacts()
        .list()
        .per_page(2)
        .collect_at_most(2)
        .await
        .expect("two contacts");
    assert_eq!(two.len(), 2);
    h.finish().await;
}

#[tokio::test]
async fn unknown_fields_and_an_unknown_role_decode() {
    let h = Harness::start().await;
    let mut body = fixture("contacts/ShowContact");
    body["role"] = json!("visitor");
    body["brand_new_field"] = json!({"nested": [1, 2, 3], "flag": true});
    body["location"]["postal_code"] = json!("10115");
    body["tags"]["data"][0]["applied_at"] = json!(1_716_900_021);
    body["custom_attributes"]["nested_object"] = json!({"a": {"b": null}});
    stub("GET", &format!("/contacts/{MAYA}"), &[])
        .respond_with(ok(body))
        .expect(1)
        .mount(&h.server)
        .await;

    let c = h.client.contacts().get(MAYA).await.expect("decodes");

    assert_eq!(c.role, Some(ContactRole::Unknown("visitor".into())));
    assert_eq!(c.role.as_ref().map(ContactRole::as_str), Some("visitor"));
    assert_eq!(c.email.as_deref(), Some("maya.okafor@example.com"));
    assert_eq!(c.location.and_then(|l| l.city).as_deref(), Some("Berlin"));
    assert_eq!(c.custom_attributes["nested_object"]["a"]["b"], Value::Null);
    h.finish().await;
}

#[tokio::test]
async fn get_by_external_id_keeps_the_id_in_one_path_segment() {
    let h = Harness::start().await;
    stub(
        "GET",
        "/contacts/find_by_external_id/org%2F42%20%C3%A9",
        &[],
    )
    .respond_with(ok(fixture("contacts/ShowContactByExternalId")))
    .expect(1)
    .mount(&h.server)
    .await;

    h.client
        .contacts()
        .get_by_external_id("org/42 é")
        .await
        .expect("contact");
    h.finish().await;
}

#[tokio::test]
async fn the_catch_all_fails_loudly_on_a_request_no_stub_expects() {
    // The harness itself: a request that misses every exact stub gets the
    // catch-all's 500, naming what was sent.
    let h = Harness::start().await;
    stub(
        "GET",
        &format!("/contacts/{MAYA}"),
        &[("include_merge_history", "true")],
    )
    .respond_with(ok(fixture("contacts/ShowContact")))
    .mount(&h.server)
    .await;

    let err = h
        .client
        .contacts()
        .get(MAYA)
        .await
        .expect_err("missed the stub");

    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    let message = err.as_api().and_then(|a| a.message()).unwrap_or_default();
    assert!(
        message.contains(&format!("GET /contacts/{MAYA}")),
        "{message}"
    );
    // The catch-all expects zero hits, so verifying now must fail.
    let verified = tokio::spawn(async move { h.server.verify().await }).await;
    assert!(
        verified.is_err(),
        "the catch-all hit must fail verification"
    );
}

#[test]
fn update_can_clear_nullable_fields() {
    let update = UpdateContact::new().clear_phone().clear_owner().name("Ada");
    let req = intercom_api::Client::new("t")
        .unwrap()
        .contacts()
        .update("c1", update)
        .into_request()
        .unwrap();
    assert_eq!(
        req.body(),
        Some(serde_json::json!({"phone": null, "owner_id": null, "name": "Ada"}))
    );
}

#[test]
fn repeated_query_options_replace_instead_of_repeating() {
    let client = intercom_api::Client::new("t").unwrap();
    let req = client
        .contacts()
        .get("c1")
        .include_merge_history()
        .include_merge_history()
        .into_request()
        .unwrap();
    let url = format!("{req:?}");
    assert_eq!(url.matches("include_merge_history").count(), 1, "{url}");
}
