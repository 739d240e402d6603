//! Audiences (5 operations).

use intercom_api::audiences::{NewAudience, Predicate, UpdateAudience};

use crate::{check, prism};

#[tokio::test]
async fn list_audiences() {
    let Some(c) = prism() else { return };
    let page = check(c.audiences().list().per_page(50)).await;
    assert!(!page.items.is_empty());
}

#[tokio::test]
async fn create_audience() {
    let Some(c) = prism() else { return };
    let a = check(
        c.audiences().create(
            NewAudience::new("VIP customers")
                .predicate(Predicate::new("company.name", "string", "contains", "Acme"))
                .role_predicate(Predicate::role("user")),
        ),
    )
    .await;
    assert!(!a.id.is_empty());
}

#[tokio::test]
async fn retrieve_audience() {
    let Some(c) = prism() else { return };
    check(c.audiences().get("123")).await;
}

#[tokio::test]
async fn update_audience() {
    let Some(c) = prism() else { return };
    check(
        c.audiences().update(
            "123",
            UpdateAudience::new()
                .name("Enterprise accounts")
                .predicate(Predicate::new(
                    "custom_attributes.plan",
                    "string",
                    "eq",
                    "enterprise",
                )),
        ),
    )
    .await;
}

#[tokio::test]
async fn delete_audience() {
    let Some(c) = prism() else { return };
    check(c.audiences().delete("123")).await;
}
