//! Replay tests for the 13 Companies operations of Intercom API 2.16.
//!
//! Each replay test runs one call through [`Harness::replay`]: one exact
//! stub (method, path, the whole query string, the standard headers, and the
//! exact JSON body or no body at all) answering with
//! `fixtures/companies/<operationId>.json`, next to a lowest-priority
//! catch-all that answers `500` and expects zero hits; then it checks the
//! decoded values. Paged listings mount one exact stub per page.
//!
//! Replay tests are named after the method. `GET /companies`
//! (`retrieveCompany`) serves four methods; each has its test. Validation,
//! typed errors and the scroll rules follow.

mod support;

use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use intercom_api::companies::{
    CreateOrUpdateCompany, MAX_MONTHLY_SPEND, ScrollFailure, UpdateCompany,
};
use intercom_api::contacts::ContactRole;
use intercom_api::search::SortOrder;
use intercom_api::segments::SegmentPersonType;
use intercom_api::{Client, Cursor, Error, ErrorCode, RetryPolicy};
use serde_json::{Value, json};
use support::replay::expect;
use support::{
    ERROR_REQUEST_ID, Harness, TOKEN, api_error, fixture, invalid_field, ok, stub, stub_json,
};

/// Acme GmbH, the company most fixtures are about.
const ACME: &str = "6643a20cb8c9d04e5a7f3c90";
/// Maya Okafor, a contact of Acme.
const MAYA: &str = "6643a1f2b8c9d04e5a7f3b21";
/// The `scroll_param`s of the scroll fixtures, in order.
const SCROLL_1: &str = "1f0c5a3e-7d2b-4e8a-9b61-3c2d7e4f5a10";
const SCROLL_2: &str = "1f0c5a3e-7d2b-4e8a-9b61-3c2d7e4f5a11";

fn names(companies: &[intercom_api::companies::Company]) -> Vec<&str> {
    companies
        .iter()
        .map(|c| c.name.as_deref().unwrap_or("?"))
        .collect()
}

// ---------------------------------------------------------------------------
// One replay test per operation
// ---------------------------------------------------------------------------

#[tokio::test]
async fn create_or_update() {
    let h = Harness::start().await;
    let body = json!({
            "company_id": "stark-industries",
            "name": "Stark Industries",
            "plan": "Growth",
            "size": 250,
            "website": "https://stark-industries.example.com",
            "industry": "Manufacturing",
            "monthly_spend": 499,
            "custom_attributes": {"tier": "gold", "seats": 40, "sso": true},
            "remote_created_at": 1_700_000_000,
            "update_last_request_at": true
    });
    let company = h
        .replay(
            expect("POST /companies").json(body),
            h.client.companies().create_or_update(
                CreateOrUpdateCompany::new("stark-industries")
                    .name("Stark Industries")
                    .plan("Growth")
                    .size(250)
                    .website("https://stark-industries.example.com")
                    .industry("Manufacturing")
                    .monthly_spend(499)
                    .custom_attribute("tier", "gold")
                    .custom_attribute("seats", 40)
                    .custom_attribute("sso", true)
                    .remote_created_at(1_700_000_000)
                    .update_last_request_at(true),
            ),
        )
        .await;

    assert_eq!(company.id, "6643a20cb8c9d04e5a7f3d02");
    assert_eq!(company.company_id.as_deref(), Some("stark-industries"));
    assert_eq!(company.name.as_deref(), Some("Stark Industries"));
    assert_eq!(company.app_id.as_deref(), Some("ecahpwf5"));
    let plan = company.plan.expect("plan");
    assert_eq!(plan.id.as_deref(), Some("2716"));
    assert_eq!(plan.name.as_deref(), Some("Growth"));
    assert_eq!(company.remote_created_at, Some(1_700_000_000));
    assert_eq!(company.created_at, Some(1_719_492_732));
    assert_eq!(company.size, Some(250));
    assert_eq!(company.monthly_spend, Some(499.0));
    assert_eq!(company.user_count, Some(0));
    assert_eq!(company.custom_attributes["tier"], "gold");
    assert!(company.tags.expect("tags").tags.is_empty());
}

#[tokio::test]
async fn get() {
    let h = Harness::start().await;
    let c = h
        .replay(
            expect(&format!("GET /companies/{ACME}")),
            h.client.companies().get(ACME),
        )
        .await;

    assert_eq!(c.id, ACME);
    assert_eq!(c.company_id.as_deref(), Some("acme-gmbh"));
    assert_eq!(c.name.as_deref(), Some("Acme GmbH"));
    assert_eq!(c.remote_created_at, Some(1_708_387_200));
    assert_eq!(c.created_at, Some(1_709_251_200));
    assert_eq!(c.updated_at, Some(1_711_843_200));
    assert_eq!(c.last_request_at, Some(1_711_841_200));
    assert_eq!(c.size, Some(120));
    assert_eq!(c.website.as_deref(), Some("https://acme-gmbh.example.com"));
    assert_eq!(c.industry.as_deref(), Some("Logistics"));
    assert_eq!(c.monthly_spend, Some(1250.0));
    assert_eq!(c.session_count, Some(518));
    assert_eq!(c.user_count, Some(14));
    assert_eq!(
        Value::Object(c.custom_attributes.clone()),
        json!({"region": "EMEA", "tier": "gold", "renewal_quarter": "Q3"})
    );
    let tags = c.tags.expect("tags").tags;
    assert_eq!(tags[0].id, "8127403");
    assert_eq!(tags[0].name.as_deref(), Some("VIP"));
    let segments = c.segments.expect("segments").segments;
    assert_eq!(segments[0].id, "65a0f1e2d3c4b5a697887766");
    assert_eq!(segments[0].person_type, Some(SegmentPersonType::User));
    let notes = c.notes.expect("notes").notes;
    assert_eq!(notes[0].id, "31876480");
    assert_eq!(
        notes[0].company.as_ref().and_then(|r| r.id.as_deref()),
        Some(ACME)
    );
    assert_eq!(
        notes[0].author.as_ref().and_then(|a| a.name.as_deref()),
        Some("Sofia Brandt")
    );
}

#[tokio::test]
async fn get_by_company_id() {
    let h = Harness::start().await;
    // Intercom answers a lookup with the company itself (the spec declares a
    // list; see `lookups_accept_the_list_the_spec_declares`).
    let found = h
        .replay(
            expect("GET /companies")
                .query(&[("company_id", "acme-gmbh")])
                .fixture("companies/RetrieveACompanyById"),
            h.client.companies().get_by_company_id("acme-gmbh"),
        )
        .await;

    assert_eq!(found.company.id, ACME);
    assert_eq!(found.company.company_id.as_deref(), Some("acme-gmbh"));
    assert_eq!(found.company.user_count, Some(14));
}

#[tokio::test]
async fn find_by_name() {
    let h = Harness::start().await;
    let found = h
        .replay(
            expect("GET /companies")
                .query(&[("name", "Acme GmbH & Co. KG/Süd")])
                .fixture("companies/RetrieveACompanyById"),
            h.client.companies().find_by_name("Acme GmbH & Co. KG/Süd"),
        )
        .await;

    assert_eq!(found.company.id, ACME);
    assert_eq!(found.company.name.as_deref(), Some("Acme GmbH"));
}

#[tokio::test]
async fn list_by_tag() {
    let h = Harness::start().await;
    stub(
        "GET",
        "/companies",
        &[("tag_id", "8127403"), ("per_page", "2")],
    )
    .respond_with(ok(fixture("companies/retrieveCompany")))
    .expect(1)
    .mount(&h.server)
    .await;
    stub(
        "GET",
        "/companies",
        &[("tag_id", "8127403"), ("per_page", "2"), ("page", "2")],
    )
    .respond_with(ok(fixture("companies/retrieveCompany.page2")))
    .expect(1)
    .mount(&h.server)
    .await;

    let pages: Vec<_> = h
        .client
        .companies()
        .list_by_tag("8127403")
        .per_page(2)
        .pages()
        .try_collect()
        .await
        .expect("pages");

    assert_eq!(pages.len(), 2);
    assert_eq!(names(&pages[0].items), ["Acme GmbH", "Umbrella Health"]);
    assert_eq!(pages[0].total_count, Some(3));
    assert_eq!(pages[0].page, Some(1));
    assert_eq!(pages[0].total_pages, Some(2));
    assert_eq!(pages[0].next, Some(Cursor::Page(2)));
    assert_eq!(names(&pages[1].items), ["Globex Corporation"]);
    assert!(pages[1].is_last());
    h.finish().await;
}

#[tokio::test]
async fn list_by_segment() {
    let h = Harness::start().await;
    let segment = "65a0f1e2d3c4b5a697887766";
    stub("GET", "/companies", &[("segment_id", segment)])
        .respond_with(ok(fixture("companies/retrieveCompany")))
        .expect(1)
        .mount(&h.server)
        .await;
    stub(
        "GET",
        "/companies",
        &[("segment_id", segment), ("page", "2")],
    )
    .respond_with(ok(fixture("companies/retrieveCompany.page2")))
    .expect(1)
    .mount(&h.server)
    .await;

    let companies = h
        .client
        .companies()
        .list_by_segment(segment)
        .collect_at_most(10)
        .await
        .expect("companies");

    assert_eq!(
        names(&companies),
        ["Acme GmbH", "Umbrella Health", "Globex Corporation"]
    );
    assert_eq!(companies[1].monthly_spend, Some(8800.0));
    h.finish().await;
}

#[tokio::test]
async fn update() {
    let h = Harness::start().await;
    let c = h
        .replay(
            expect(&format!("PUT /companies/{ACME}")).json(json!({
                "plan": "Enterprise",
                "size": 250,
                "custom_attributes": {"renewal_quarter": "Q3", "seats": 60}
            })),
            h.client.companies().update(
                ACME,
                UpdateCompany::new()
                    .plan("Enterprise")
                    .size(250)
                    .custom_attributes(json!({"renewal_quarter": "Q3", "seats": 60})),
            ),
        )
        .await;

    assert_eq!(c.id, ACME);
    assert_eq!(c.plan.and_then(|p| p.name).as_deref(), Some("Enterprise"));
    assert_eq!(c.size, Some(250));
    assert_eq!(c.updated_at, Some(1_719_493_757));
}

#[tokio::test]
async fn delete() {
    let h = Harness::start().await;
    let deleted = h
        .replay(
            expect(&format!("DELETE /companies/{ACME}")),
            h.client.companies().delete(ACME),
        )
        .await;

    assert_eq!(deleted.id, ACME);
    assert_eq!(deleted.object.as_deref(), Some("company"));
    assert!(deleted.deleted);
}

#[tokio::test]
async fn list_contacts() {
    let h = Harness::start().await;
    let at = format!("/companies/{ACME}/contacts");
    stub("GET", &at, &[("per_page", "2")])
        .respond_with(ok(fixture("companies/ListAttachedContacts")))
        .expect(1)
        .mount(&h.server)
        .await;
    stub("GET", &at, &[("per_page", "2"), ("page", "2")])
        .respond_with(ok(fixture("companies/ListAttachedContacts.page2")))
        .expect(1)
        .mount(&h.server)
        .await;

    let contacts: Vec<_> = h
        .client
        .companies()
        .list_contacts(ACME)
        .per_page(2)
        .items()
        .try_collect()
        .await
        .expect("contacts");

    let emails: Vec<_> = contacts.iter().filter_map(|c| c.email.as_deref()).collect();
    assert_eq!(
        emails,
        [
            "maya.okafor@example.com",
            "jonas.weber@example.com",
            "lena.fischer@example.com"
        ]
    );
    assert_eq!(contacts[0].id, MAYA);
    assert_eq!(contacts[0].role, Some(ContactRole::User));
    assert_eq!(contacts[0].owner_id.as_deref(), Some("5281734"));
    assert_eq!(contacts[0].custom_attributes["seats"], 12);
    let companies = contacts[0].companies.as_ref().expect("companies");
    assert_eq!(companies.data[0].id, ACME);
    h.finish().await;
}

#[tokio::test]
async fn list_segments() {
    let h = Harness::start().await;
    let segments = h
        .replay(
            expect(&format!("GET /companies/{ACME}/segments")),
            h.client.companies().list_segments(ACME),
        )
        .await;

    assert_eq!(segments.len(), 2);
    assert_eq!(segments[0].name.as_deref(), Some("Enterprise accounts"));
    assert_eq!(segments[1].id, "65a0f1e2d3c4b5a6978877a1");
    assert_eq!(segments[1].created_at, Some(1_701_000_000));
    assert_eq!(segments[1].count, None);
}

#[tokio::test]
async fn list_notes() {
    let h = Harness::start().await;
    let at = format!("/companies/{ACME}/notes");
    stub("GET", &at, &[])
        .respond_with(ok(fixture("companies/listCompanyNotes")))
        .expect(1)
        .mount(&h.server)
        .await;
    stub("GET", &at, &[("page", "2")])
        .respond_with(ok(fixture("companies/listCompanyNotes.page2")))
        .expect(1)
        .mount(&h.server)
        .await;

    let notes: Vec<_> = h
        .client
        .companies()
        .list_notes(ACME)
        .items()
        .try_collect()
        .await
        .expect("notes");

    let ids: Vec<_> = notes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["31876480", "31876455", "31876401"]);
    assert_eq!(notes[0].created_at, Some(1_719_402_000));
    assert_eq!(
        notes[1].body.as_deref(),
        Some("<p>Asked for a <b>security review</b> pack.</p>")
    );
    assert!(notes[0].contact.is_none());
    assert_eq!(
        notes[2].author.as_ref().map(|a| a.id.as_str()),
        Some("5281734")
    );
    h.finish().await;
}

#[tokio::test]
async fn create_note() {
    let h = Harness::start().await;
    let note = h
        .replay(
            expect(&format!("POST /companies/{ACME}/notes"))
                .json(json!({"body": "<p>Renewal in March</p>", "admin_id": "5281734"})),
            h.client
                .companies()
                .create_note(ACME, "<p>Renewal in March</p>", Some("5281734")),
        )
        .await;

    assert_eq!(note.id, "31876502");
    assert_eq!(note.body.as_deref(), Some("<p>Renewal in March</p>"));
    assert_eq!(
        note.company.as_ref().and_then(|r| r.kind.as_deref()),
        Some("company")
    );
    assert_eq!(
        note.author.as_ref().and_then(|a| a.email.as_deref()),
        Some("sofia.brandt@example.com")
    );
}

#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    stub(
        "POST",
        "/companies/list",
        &[("order", "asc"), ("per_page", "2")],
    )
    .respond_with(ok(fixture("companies/listAllCompanies")))
    .expect(1)
    .mount(&h.server)
    .await;
    stub(
        "POST",
        "/companies/list",
        &[("order", "asc"), ("per_page", "2"), ("page", "2")],
    )
    .respond_with(ok(fixture("companies/listAllCompanies.page2")))
    .expect(1)
    .mount(&h.server)
    .await;

    let pages: Vec<_> = h
        .client
        .companies()
        .list()
        .order(SortOrder::Ascending)
        .per_page(2)
        .pages()
        .try_collect()
        .await
        .expect("pages");

    assert_eq!(pages.len(), 2);
    assert_eq!(names(&pages[0].items), ["Umbrella Health", "Acme GmbH"]);
    assert_eq!(pages[0].total_count, Some(4));
    assert_eq!(pages[0].per_page, Some(2));
    assert_eq!(names(&pages[1].items), ["Globex Corporation", "Initech"]);
    // Initech has no plan: `plan: {}`.
    let initech_plan = pages[1].items[1].plan.as_ref().expect("plan object");
    assert_eq!(initech_plan.id, None);
    assert_eq!(pages[1].next, None);
    h.finish().await;
}

#[tokio::test]
async fn scroll() {
    let h = Harness::start().await;
    stub("GET", "/companies/scroll", &[])
        .respond_with(ok(fixture("companies/scrollOverAllCompanies")))
        .expect(1)
        .mount(&h.server)
        .await;
    stub("GET", "/companies/scroll", &[("scroll_param", SCROLL_1)])
        .respond_with(ok(fixture("companies/scrollOverAllCompanies.page2")))
        .expect(1)
        .mount(&h.server)
        .await;
    // Reading to the empty page closes the scroll on Intercom's side.
    stub("GET", "/companies/scroll", &[("scroll_param", SCROLL_2)])
        .respond_with(ok(fixture("companies/scrollOverAllCompanies.end")))
        .expect(1)
        .mount(&h.server)
        .await;

    let pages: Vec<_> = h
        .client
        .companies()
        .scroll()
        .pages()
        .try_collect()
        .await
        .expect("pages");

    assert_eq!(pages.len(), 3);
    assert_eq!(
        names(&pages[0].items),
        ["Umbrella Health", "Acme GmbH", "Globex Corporation"]
    );
    assert_eq!(pages[0].next, Some(Cursor::Scroll(SCROLL_1.into())));
    assert_eq!(pages[0].total_count, None);
    assert_eq!(names(&pages[1].items), ["Initech"]);
    assert!(pages[2].items.is_empty());
    assert!(pages[2].is_last());
    h.finish().await;
}

#[tokio::test]
async fn attach_contact() {
    let h = Harness::start().await;
    let c = h
        .replay(
            expect(&format!("POST /contacts/{MAYA}/companies")).json(json!({"id": ACME})),
            h.client.companies().attach_contact(MAYA, ACME),
        )
        .await;

    assert_eq!(c.id, ACME);
    assert_eq!(c.user_count, Some(15));
    assert_eq!(c.updated_at, Some(1_719_494_000));
}

#[tokio::test]
async fn detach_contact() {
    let h = Harness::start().await;
    let c = h
        .replay(
            expect(&format!("DELETE /contacts/{MAYA}/companies/{ACME}")),
            h.client.companies().detach_contact(MAYA, ACME),
        )
        .await;

    assert_eq!(c.id, ACME);
    assert_eq!(c.user_count, Some(13));
}

// ---------------------------------------------------------------------------
// Decoding beyond the fixtures
// ---------------------------------------------------------------------------

/// The 2.16 spec declares `company_list` for `GET /companies?company_id=`;
/// a one-item list decodes as the company, an empty one is
/// `404 company_not_found` (not a decode error), by id and by name.
#[tokio::test]
async fn lookups_accept_the_list_the_spec_declares() {
    let h = Harness::start().await;
    let mut one = fixture("companies/retrieveCompany");
    one["data"] = json!([one["data"][0].clone()]);
    one["pages"] = json!({"type": "pages", "page": 1, "per_page": 15, "total_pages": 1});
    one["total_count"] = json!(1);
    stub("GET", "/companies", &[("company_id", "acme-gmbh")])
        .respond_with(ok(one))
        .expect(1)
        .mount(&h.server)
        .await;
    for (key, value) in [("name", "Nobody Ltd"), ("company_id", "nobody")] {
        stub("GET", "/companies", &[(key, value)])
            .respond_with(ok(json!({"type": "list", "data": [], "total_count": 0})))
            .expect(1)
            .mount(&h.server)
            .await;
    }

    let found = h
        .client
        .companies()
        .get_by_company_id("acme-gmbh")
        .await
        .expect("found");
    assert_eq!(found.company.id, ACME);
    let company: intercom_api::companies::Company = found.into();
    assert_eq!(company.name.as_deref(), Some("Acme GmbH"));

    let err = h
        .client
        .companies()
        .find_by_name("Nobody Ltd")
        .await
        .expect_err("an empty list holds no company");
    assert!(err.is_not_found(), "{err:?}");
    assert_eq!(err.code(), Some(&ErrorCode::CompanyNotFound));
    assert!(matches!(err, Error::Api(_)), "{err:?}");

    let err = h
        .client
        .companies()
        .get_by_company_id("nobody")
        .await
        .expect_err("an empty list holds no company");
    assert!(err.is_not_found(), "{err:?}");
    assert_eq!(err.code(), Some(&ErrorCode::CompanyNotFound));
    h.finish().await;
}

/// Intercom stores numbers and booleans in company custom attributes (the
/// spec says strings only); unknown fields and `null` lists are tolerated.
#[tokio::test]
async fn custom_attributes_keep_their_json_types() {
    let h = Harness::start().await;
    let mut body = fixture("companies/RetrieveACompanyById");
    body["custom_attributes"] = json!({"seats": 40, "paid": true, "mrr": 155.98, "note": null});
    body["segments"]["segments"] = Value::Null;
    body["a_field_from_the_future"] = json!({"x": 1});
    body["plan"]["id"] = json!(2718);
    stub("GET", &format!("/companies/{ACME}"), &[])
        .respond_with(ok(body))
        .expect(1)
        .mount(&h.server)
        .await;

    let c = h.client.companies().get(ACME).await.expect("company");

    assert_eq!(
        Value::Object(c.custom_attributes.clone()),
        json!({"seats": 40, "paid": true, "mrr": 155.98, "note": null})
    );
    assert!(c.segments.expect("segments").segments.is_empty());
    assert_eq!(c.plan.and_then(|p| p.id).as_deref(), Some("2718"));
    h.finish().await;
}

// ---------------------------------------------------------------------------
// Validation: refused before anything is sent
// ---------------------------------------------------------------------------

#[tokio::test]
async fn invalid_input_is_refused_before_sending() {
    let h = Harness::start().await;
    let companies = h.client.companies();
    let long_name = "x".repeat(191);
    let cases: Vec<(&str, Result<(), Error>)> = vec![
        (
            "company_id",
            companies
                .create_or_update(CreateOrUpdateCompany::new("  ").name("Acme"))
                .await
                .map(drop),
        ),
        (
            "monthly_spend",
            companies
                .create_or_update(
                    CreateOrUpdateCompany::new("acme-gmbh").monthly_spend(MAX_MONTHLY_SPEND + 1),
                )
                .await
                .map(drop),
        ),
        (
            "custom_attributes.plan",
            companies
                .create_or_update(
                    CreateOrUpdateCompany::new("acme-gmbh")
                        .custom_attribute("plan", "p".repeat(256)),
                )
                .await
                .map(drop),
        ),
        (
            "custom_attributes.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…",
            companies
                .update(ACME, UpdateCompany::new().custom_attribute(long_name, 1))
                .await
                .map(drop),
        ),
        (
            "monthly_spend",
            companies
                .update(ACME, UpdateCompany::new().monthly_spend(i64::MAX))
                .await
                .map(drop),
        ),
        (
            "custom_attributes",
            companies
                .update(
                    ACME,
                    UpdateCompany::new().custom_attributes(json!(["plan"])),
                )
                .await
                .map(drop),
        ),
        (
            "company_id",
            companies.update("", UpdateCompany::new()).await.map(drop),
        ),
        ("company_id", companies.get("").await.map(drop)),
        ("company_id", companies.delete(" ").await.map(drop)),
        (
            "company_id",
            companies.get_by_company_id("").await.map(drop),
        ),
        ("name", companies.find_by_name("").await.map(drop)),
        ("tag_id", companies.list_by_tag("").await.map(drop)),
        ("segment_id", companies.list_by_segment("").await.map(drop)),
        ("company_id", companies.list_contacts("").await.map(drop)),
        ("company_id", companies.list_segments("").await.map(drop)),
        ("company_id", companies.list_notes("").await.map(drop)),
        (
            "company_id",
            companies.create_note("", "<p>Hi</p>", None).await.map(drop),
        ),
        (
            "body",
            companies.create_note(ACME, " ", None).await.map(drop),
        ),
        (
            "admin_id",
            companies
                .create_note(ACME, "<p>Hi</p>", Some(""))
                .await
                .map(drop),
        ),
        (
            "per_page",
            companies
                .list()
                .order(SortOrder::Descending)
                .per_page(0)
                .await
                .map(drop),
        ),
        (
            "company_id",
            companies.attach_contact(MAYA, "").await.map(drop),
        ),
        (
            "contact_id",
            companies.attach_contact("", ACME).await.map(drop),
        ),
        (
            "contact_id",
            companies.detach_contact("", ACME).await.map(drop),
        ),
        (
            "company_id",
            companies.detach_contact(MAYA, " ").await.map(drop),
        ),
        (
            "cursor",
            companies
                .scroll()
                .starting_from(Cursor::Page(2))
                .await
                .map(drop),
        ),
    ];
    for (want, got) in cases {
        let err = got.expect_err(want);
        assert_eq!(invalid_field(err), want);
    }
    h.assert_no_requests().await;
    h.finish().await;
}

#[tokio::test]
async fn monthly_spend_at_the_limit_is_sent() {
    let h = Harness::start().await;
    stub_json(
        "POST",
        "/companies",
        &[],
        json!({"company_id": "acme-gmbh", "monthly_spend": MAX_MONTHLY_SPEND}),
    )
    .respond_with(ok(fixture("companies/RetrieveACompanyById")))
    .expect(1)
    .mount(&h.server)
    .await;

    h.client
        .companies()
        .create_or_update(CreateOrUpdateCompany::new("acme-gmbh").monthly_spend(MAX_MONTHLY_SPEND))
        .await
        .expect("sent");
    h.finish().await;
}

// ---------------------------------------------------------------------------
// Typed errors
// ---------------------------------------------------------------------------

#[tokio::test]
async fn unknown_company_is_company_not_found() {
    let h = Harness::start().await;
    stub("GET", "/companies/6643a20cb8c9d04e5a7f0000", &[])
        .respond_with(api_error(404, "company_not_found", "Company Not Found"))
        .expect(1)
        .mount(&h.server)
        .await;

    let err = h
        .client
        .companies()
        .get("6643a20cb8c9d04e5a7f0000")
        .await
        .expect_err("404");

    assert!(err.is_not_found());
    assert_eq!(err.code(), Some(&ErrorCode::CompanyNotFound));
    assert_eq!(err.request_id(), Some(ERROR_REQUEST_ID));
    h.finish().await;
}

#[tokio::test]
async fn contact_company_limit_is_typed() {
    let h = Harness::start().await;
    stub_json(
        "POST",
        &format!("/contacts/{MAYA}/companies"),
        &[],
        json!({"id": ACME}),
    )
    .respond_with(api_error(
        400,
        "contact_company_limit_exceeded",
        "Contact has reached the maximum of 1000 company associations",
    ))
    .expect(1)
    .mount(&h.server)
    .await;

    let err = h
        .client
        .companies()
        .attach_contact(MAYA, ACME)
        .await
        .expect_err("400");

    assert_eq!(err.code(), Some(&ErrorCode::ContactCompanyLimitExceeded));
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    h.finish().await;
}

// ---------------------------------------------------------------------------
// The scroll rules: one open scroll, one minute between pages, no restarts
// ---------------------------------------------------------------------------

/// A client that retries like the default policy, without waiting.
fn retrying_client(h: &Harness) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(h.server.uri())
        .retry(
            RetryPolicy::default()
                .base_delay(Duration::from_millis(1))
                .jitter(|_| Duration::ZERO),
        )
        .build()
        .expect("client")
}

#[tokio::test]
async fn a_second_scroll_is_refused_as_already_open() {
    let h = Harness::start().await;
    stub("GET", "/companies/scroll", &[])
        .respond_with(api_error(
            400,
            "scroll_exists",
            "scroll already exists for this workspace",
        ))
        .expect(1)
        .mount(&h.server)
        .await;

    let mut items = std::pin::pin!(h.client.companies().scroll().items());
    let err = items.try_next().await.expect_err("scroll_exists");
    assert_eq!(err.code(), Some(&ErrorCode::ScrollExists));
    assert_eq!(ScrollFailure::of(&err), Some(ScrollFailure::AlreadyOpen));
    // The stream ends with the error: no retry, no second attempt.
    assert!(items.try_next().await.expect("ended").is_none());
    h.finish().await;
}

#[tokio::test]
async fn an_expired_scroll_ends_with_an_error_and_never_restarts() {
    let h = Harness::start().await;
    let client = retrying_client(&h);
    stub("GET", "/companies/scroll", &[])
        .respond_with(ok(fixture("companies/scrollOverAllCompanies")))
        .expect(1)
        .mount(&h.server)
        .await;
    stub("GET", "/companies/scroll", &[("scroll_param", SCROLL_1)])
        .respond_with(api_error(404, "not_found", "scroll parameter not found"))
        .expect(1)
        .mount(&h.server)
        .await;

    let mut items = std::pin::pin!(client.companies().scroll().items());
    let mut seen = Vec::new();
    let err = loop {
        match items.try_next().await {
            Ok(Some(c)) => seen.push(c.id),
            Ok(None) => panic!("the stream ended without reporting the expired scroll"),
            Err(e) => break e,
        }
    };
    assert_eq!(seen.len(), 3, "the first page arrives in full");
    assert!(err.is_not_found());
    assert_eq!(ScrollFailure::of(&err), Some(ScrollFailure::Expired));
    assert!(items.try_next().await.expect("ended").is_none());
    // One scroll opened, one continuation: nothing started over.
    assert_eq!(h.requests().await.len(), 2);
    h.finish().await;
}

#[tokio::test]
async fn resuming_with_an_expired_scroll_param_is_an_error_not_a_restart() {
    let h = Harness::start().await;
    stub("GET", "/companies/scroll", &[("scroll_param", SCROLL_2)])
        .respond_with(api_error(404, "not_found", "scroll parameter not found"))
        .expect(1)
        .mount(&h.server)
        .await;

    let err = h
        .client
        .companies()
        .scroll()
        .starting_from(Cursor::Scroll(SCROLL_2.into()))
        .await
        .expect_err("expired");

    assert_eq!(ScrollFailure::of(&err), Some(ScrollFailure::Expired));
    h.finish().await;
}

#[tokio::test]
async fn a_failed_scroll_page_is_not_retried_while_a_failed_list_page_is() {
    let h = Harness::start().await;
    let client = retrying_client(&h);
    stub("GET", "/companies/scroll", &[])
        .respond_with(ok(fixture("companies/scrollOverAllCompanies")))
        .expect(1)
        .mount(&h.server)
        .await;
    stub("GET", "/companies/scroll", &[("scroll_param", SCROLL_1)])
        .respond_with(api_error(
            500,
            "server_error",
            "Request failed due to an internal network error. Please restart the scroll operation.",
        ))
        .expect(1)
        .mount(&h.server)
        .await;

    let pages: Vec<_> = client.companies().scroll().pages().collect().await;
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0].as_ref().expect("first page").items.len(), 3);
    let err = pages[1].as_ref().expect_err("interrupted");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    assert_eq!(ScrollFailure::of(err), Some(ScrollFailure::Interrupted));

    // The same policy retries a 5xx on `POST /companies/list`, which only reads.
    stub("POST", "/companies/list", &[("order", "desc")])
        .respond_with(api_error(503, "service_unavailable", "try again"))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&h.server)
        .await;
    stub("POST", "/companies/list", &[("order", "desc")])
        .respond_with(ok(fixture("companies/listAllCompanies")))
        .with_priority(2)
        .expect(1)
        .mount(&h.server)
        .await;
    let page = client
        .companies()
        .list()
        .order(SortOrder::Descending)
        .await
        .expect("retried");
    assert_eq!(page.items.len(), 2);
    h.finish().await;
}

#[test]
fn scroll_failure_ignores_errors_unrelated_to_the_scroll() {
    let err = Error::InvalidInput {
        field: "cursor".into(),
        reason: "wrong kind".into(),
    };
    assert_eq!(ScrollFailure::of(&err), None);
}

/// If Intercom hands back the same `scroll_param` on every page (a scroll
/// session id rather than a per-page cursor), the stream must keep going
/// until the empty page. The shared pager currently ends a list when a
/// cursor repeats, which would cut such a scroll after its second page, so
/// the pager lets a scroll repeat its cursor and ends it on an empty page.
#[tokio::test]
async fn a_scroll_that_repeats_its_scroll_param_is_read_to_the_end() {
    let h = Harness::start().await;
    // Three pages of companies and the empty end, all with one scroll_param.
    let mut bodies = vec![
        fixture("companies/scrollOverAllCompanies"),
        fixture("companies/scrollOverAllCompanies.page2"),
        fixture("companies/retrieveCompany.page2"),
        fixture("companies/scrollOverAllCompanies.end"),
    ];
    for body in &mut bodies {
        body["scroll_param"] = json!(SCROLL_1);
    }
    let mut bodies = bodies.into_iter();
    stub("GET", "/companies/scroll", &[])
        .respond_with(ok(bodies.next().expect("first")))
        .expect(1)
        .mount(&h.server)
        .await;
    for (priority, body) in (1..).zip(bodies) {
        stub("GET", "/companies/scroll", &[("scroll_param", SCROLL_1)])
            .respond_with(ok(body))
            .up_to_n_times(1)
            .with_priority(priority)
            .expect(1)
            .mount(&h.server)
            .await;
    }

    let companies = h
        .client
        .companies()
        .scroll()
        .collect_at_most(100)
        .await
        .expect("companies");
    assert_eq!(
        names(&companies),
        [
            "Umbrella Health",
            "Acme GmbH",
            "Globex Corporation",
            "Initech",
            "Globex Corporation"
        ]
    );
    h.finish().await;
}

/// The blocking client runs the same scroll definition with the same rules.
#[cfg(feature = "blocking")]
#[test]
fn the_blocking_client_scrolls_by_the_same_rules() {
    let h = support::BlockingHarness::start();
    h.mount(
        stub("GET", "/companies/scroll", &[])
            .respond_with(ok(fixture("companies/scrollOverAllCompanies")))
            .expect(1),
    );
    h.mount(
        stub("GET", "/companies/scroll", &[("scroll_param", SCROLL_1)])
            .respond_with(api_error(404, "not_found", "scroll parameter not found"))
            .expect(1),
    );
    let client = &h.client;

    let results: Vec<_> = client.companies().scroll().items().collect();

    assert_eq!(results.len(), 4, "three companies, then the error");
    assert!(results[..3].iter().all(Result::is_ok));
    let err = results[3].as_ref().expect_err("expired");
    assert_eq!(ScrollFailure::of(err), Some(ScrollFailure::Expired));
    h.rt.block_on(h.server.verify());
}
