//! The customer-success flows of a CS tool on Intercom: send an admin
//! message, sync a user with attributes and tags, track a batch of events,
//! and delete a user on a GDPR request.
//!
//! ```text
//! cargo run --example customer_success                               # built-in fake Intercom
//! INTERCOM_ACCESS_TOKEN=dG9r... cargo run --example customer_success # your workspace
//! ```
//!
//! Against a real workspace it creates one contact and deletes it at the
//! end; the custom attributes `health_score`, `plan` and `mrr` must exist
//! there. `INTERCOM_BASE_URL` overrides the API host.

use std::time::{SystemTime, UNIX_EPOCH};

use intercom_api::contacts::{CreateContact, UpdateContact};
use intercom_api::data_events::{CreateDataEvent, EventUser};
use intercom_api::mock::FakeIntercom;
use intercom_api::search::field;
use intercom_api::{Client, Method};
use serde_json::{Value, json};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

#[tokio::main]
async fn main() -> Result<()> {
    let (client, _fake) = connect().await?;
    let now = i64::try_from(SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs())?;
    let external_id = format!("acme-jane-{now}");

    // 1. Sync a user: find by your id, create if missing, then set attributes.
    let found = client
        .contacts()
        .search(field("external_id").eq(external_id.as_str()))
        .await?;
    let contact = match found.items.into_iter().next() {
        Some(c) => c,
        None => {
            client
                .contacts()
                .create(
                    CreateContact::with_external_id(&external_id)
                        .email(format!("{external_id}@acmecorp.example"))
                        .name("Jane Smith"),
                )
                .await?
        }
    };
    let contact = client
        .contacts()
        .update(
            &contact.id,
            UpdateContact::new()
                .custom_attribute("health_score", 85)
                .custom_attribute("plan", "enterprise")
                .custom_attribute("mrr", 15_000),
        )
        .await?;
    println!(
        "Synced {} with {} custom attributes",
        contact.id,
        contact.custom_attributes.len()
    );

    // Tags for segmentation: create (or find) each, then apply it.
    for name in ["enterprise", "onboarding"] {
        let tag = client.tags().create(name).await?;
        client.tags().tag_contact(&contact.id, &tag.id).await?;
    }
    let tags = client.contacts().list_tags(&contact.id).await?;
    let names: Vec<_> = tags.data.iter().filter_map(|t| t.name.as_deref()).collect();
    println!("Tagged with {names:?}");

    // 2. An admin message. The SDK does not type `POST /messages` yet, so
    //    this goes through `client.request`, with the same auth, retries
    //    and error handling as the typed calls.
    let me = client.admins().me().await?;
    let message: Value = client
        .request(Method::POST, "/messages")
        .json(&json!({
            "message_type": "inapp",
            "body": "Welcome to our platform!",
            "from": {"type": "admin", "id": me.id},
            "to": {"type": "user", "id": contact.id},
        }))
        .await?;
    println!(
        "Sent message {} from {}",
        message["id"],
        me.email.as_deref().unwrap_or("admin")
    );

    // 3. A batch of events: one call per event (Intercom has no batch
    //    endpoint); the client paces them under the rate limit.
    let user = EventUser::user_id(&external_id);
    let batch = [
        ("feature-used", "reports"),
        ("feature-used", "exports"),
        ("invited-teammate", "bob"),
    ];
    for (i, (name, detail)) in batch.iter().enumerate() {
        let at = now - (batch.len() - i) as i64;
        client
            .data_events()
            .submit(CreateDataEvent::new(*name, at, user.clone()).metadata("detail", *detail))
            .await?;
    }
    let summary = client.data_events().summary(user).await?;
    for e in &summary.events {
        println!(
            "  event {}: {} time(s)",
            e.name.as_deref().unwrap_or("?"),
            e.count.unwrap_or(0)
        );
    }

    // 4. GDPR: delete the user (and everything Intercom holds on them).
    let deleted = client.contacts().delete(&contact.id).await?;
    println!("Deleted {} (GDPR request)", deleted.id);
    let gone = client.contacts().get(&contact.id).await;
    assert!(gone.is_err_and(|e| e.is_not_found()));
    Ok(())
}

async fn connect() -> Result<(Client, Option<FakeIntercom>)> {
    match std::env::var("INTERCOM_ACCESS_TOKEN") {
        Ok(token) if !token.trim().is_empty() => {
            let mut builder = Client::builder().token(token);
            if let Ok(url) = std::env::var("INTERCOM_BASE_URL") {
                builder = builder.base_url(url);
            }
            Ok((builder.build()?, None))
        }
        _ => {
            let fake = FakeIntercom::start().await;
            println!(
                "INTERCOM_ACCESS_TOKEN is not set: using the built-in fake Intercom at {}",
                fake.uri()
            );
            Ok((fake.client()?, Some(fake)))
        }
    }
}
