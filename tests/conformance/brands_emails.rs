//! Brands (2 operations) and Emails (2 operations).

use crate::{check, prism};

#[tokio::test]
async fn list_brands() {
    let Some(c) = prism() else { return };
    let brands = check(c.brands().list()).await;
    assert!(!brands.is_empty());
}

#[tokio::test]
async fn retrieve_brand() {
    let Some(c) = prism() else { return };
    let brand = check(c.brands().get("15")).await;
    assert!(!brand.id.is_empty());
}

#[tokio::test]
async fn list_emails() {
    let Some(c) = prism() else { return };
    let senders = check(c.emails().list()).await;
    assert!(!senders.is_empty());
}

#[tokio::test]
async fn retrieve_email() {
    let Some(c) = prism() else { return };
    let sender = check(c.emails().get("10")).await;
    assert!(!sender.id.is_empty());
}
