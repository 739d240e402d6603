//! Companies (13 operations).

use intercom_api::companies::{CreateOrUpdateCompany, UpdateCompany};
use intercom_api::search::SortOrder;

use crate::{conforms, prism};

const ID: &str = "6762f0761bb69f9f2193bae2";
const CONTACT: &str = "6762f0d01bb69f9f2193bb7d";

#[tokio::test]
async fn create_or_update_company() {
    let Some(c) = prism() else { return };
    let req = CreateOrUpdateCompany::new("acme-gmbh")
        .name("Acme GmbH")
        .plan("Scale")
        .size(120)
        .website("https://acme.example.com")
        .industry("Logistics")
        .monthly_spend(1250)
        .remote_created_at(1_708_387_200)
        .update_last_request_at(true)
        // The spec types custom attribute values as strings only.
        .custom_attribute("tier", "gold");
    let company = conforms(
        "createOrUpdateCompany",
        c.companies().create_or_update(req).await,
    );
    assert!(!company.id.is_empty());
}

#[tokio::test]
async fn retrieve_company_by_id() {
    let Some(c) = prism() else { return };
    conforms("RetrieveACompanyById", c.companies().get(ID).await);
}

#[tokio::test]
async fn retrieve_company_lookups_and_filters() {
    let Some(c) = prism() else { return };
    let found = conforms(
        "retrieveCompany",
        c.companies().get_by_company_id("acme-gmbh").await,
    );
    assert!(!found.company.id.is_empty());
    conforms(
        "retrieveCompany",
        c.companies().find_by_name("Acme GmbH").await,
    );
    conforms(
        "retrieveCompany",
        c.companies().list_by_tag("8127403").per_page(20).await,
    );
    conforms(
        "retrieveCompany",
        c.companies()
            .list_by_segment("65a0f1e2d3c4b5a697887766")
            .per_page(20)
            .await,
    );
}

#[tokio::test]
async fn update_company() {
    let Some(c) = prism() else { return };
    let update = UpdateCompany::new()
        .name("Acme Logistics GmbH")
        .plan("Enterprise")
        .size(250)
        .monthly_spend(2400)
        .custom_attribute("region", "EMEA");
    conforms("UpdateCompany", c.companies().update(ID, update).await);
}

#[tokio::test]
async fn delete_company() {
    let Some(c) = prism() else { return };
    conforms("deleteCompany", c.companies().delete(ID).await);
}

#[tokio::test]
async fn attached_objects() {
    let Some(c) = prism() else { return };
    conforms(
        "ListAttachedContacts",
        c.companies().list_contacts(ID).per_page(50).await,
    );
    conforms(
        "ListAttachedSegmentsForCompanies",
        c.companies().list_segments(ID).await,
    );
}

#[tokio::test]
async fn notes() {
    let Some(c) = prism() else { return };
    conforms("listCompanyNotes", c.companies().list_notes(ID).await);
    conforms(
        "createCompanyNote",
        c.companies()
            .create_note(ID, "<p>Renewal in March</p>", Some("991267583"))
            .await,
    );
}

#[tokio::test]
async fn list_all_companies() {
    let Some(c) = prism() else { return };
    conforms(
        "listAllCompanies",
        c.companies()
            .list()
            .order(SortOrder::Ascending)
            .per_page(50)
            .await,
    );
}

#[tokio::test]
async fn scroll_over_all_companies() {
    let Some(c) = prism() else { return };
    let first = conforms("scrollOverAllCompanies", c.companies().scroll().await);
    // The next page, as the stream would ask for it.
    let next = first.next_cursor().cloned().unwrap_or_else(|| {
        intercom_api::Cursor::Scroll("69352cd2-ab5b-42ac-b004-a13d4e55e9b0".into())
    });
    conforms(
        "scrollOverAllCompanies",
        c.companies().scroll().starting_from(next).await,
    );
}

#[tokio::test]
async fn attach_and_detach_contact() {
    let Some(c) = prism() else { return };
    conforms(
        "attachContactToACompany",
        c.companies().attach_contact(CONTACT, ID).await,
    );
    conforms(
        "detachContactFromACompany",
        c.companies().detach_contact(CONTACT, ID).await,
    );
}
