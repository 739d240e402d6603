//! Quickstart: who am I, then one contact from creation to deletion.
//!
//! ```text
//! cargo run --example quickstart                                  # built-in fake Intercom
//! INTERCOM_ACCESS_TOKEN=dG9r... cargo run --example quickstart    # your workspace
//! ```
//!
//! With a token, `INTERCOM_REGION` (`us`, `eu` or `au`; default `us`) picks the
//! API host and `INTERCOM_BASE_URL` overrides it (a proxy, a mock server).
//! Against a real workspace the example creates one contact and deletes it
//! again; the custom attribute `plan` must exist there (Settings > Data >
//! People), and search may take a few seconds to see a new contact.

use std::time::{SystemTime, UNIX_EPOCH};

use futures::TryStreamExt;
use intercom_api::contacts::{CreateContact, UpdateContact};
use intercom_api::mock::FakeIntercom;
use intercom_api::search::field;
use intercom_api::{Client, Region};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Keep the fake (if any) alive until the end: dropping it stops it.
    let (client, _fake) = connect().await?;

    // 1. Who am I? The cheapest way to check a token.
    let me = client.admins().me().await?;
    let workspace = me.app.as_ref().and_then(|a| a.name.as_deref());
    println!(
        "Signed in as {} in workspace {}",
        me.email.as_deref().unwrap_or("(no email)"),
        workspace.unwrap_or("(unnamed)")
    );

    // 2. Create a contact, keyed by your own id (unique per run here).
    let millis = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis();
    let external_id = format!("quickstart-{millis}");
    let contact = client
        .contacts()
        .create(
            CreateContact::with_external_id(&external_id)
                .email(format!("{external_id}@example.com"))
                .name("Ada Lovelace"),
        )
        .await?;
    println!("Created contact {} (external_id {external_id})", contact.id);

    // 3. Update a custom attribute.
    let contact = client
        .contacts()
        .update(
            &contact.id,
            UpdateContact::new().custom_attribute("plan", "pro"),
        )
        .await?;
    if let Some(plan) = contact.custom_attributes.get("plan") {
        println!("Set custom attribute plan = {plan}");
    }

    // 4. Search for it.
    let found = client
        .contacts()
        .search(field("external_id").eq(&external_id))
        .await?;
    println!(
        "Search by external_id found {} contact(s)",
        found.items.len()
    );

    // 5. List contacts: a lazy stream that fetches pages as it goes.
    println!("First contacts of the workspace:");
    let mut contacts = std::pin::pin!(client.contacts().list().per_page(5).items());
    let mut shown = 0;
    while let Some(c) = contacts.try_next().await? {
        println!(
            "  - {} {}",
            c.id,
            c.email.as_deref().unwrap_or("(no email)")
        );
        shown += 1;
        if shown == 5 {
            break;
        }
    }

    // 6. Delete it again.
    let deleted = client.contacts().delete(&contact.id).await?;
    if deleted.deleted {
        println!("Deleted contact {}", deleted.id);
    }

    // 7. How much of the rate limit is left, from the latest response.
    if let Some(rl) = client.rate_limit() {
        let resets_in = rl
            .reset_at
            .duration_since(SystemTime::now())
            .unwrap_or_default();
        println!(
            "Rate limit: {} of {} requests left, window resets in {}s",
            rl.remaining,
            rl.limit,
            resets_in.as_secs()
        );
    }
    Ok(())
}

/// A client for your workspace when `INTERCOM_ACCESS_TOKEN` is set, else for
/// a fake Intercom started here (returned too, to keep it running).
async fn connect() -> Result<(Client, Option<FakeIntercom>), Box<dyn std::error::Error>> {
    match std::env::var("INTERCOM_ACCESS_TOKEN") {
        Ok(token) if !token.trim().is_empty() => {
            let region: Region = std::env::var("INTERCOM_REGION")
                .unwrap_or_default()
                .parse()?;
            let mut builder = Client::builder().token(token).region(region);
            if let Ok(url) = std::env::var("INTERCOM_BASE_URL") {
                builder = builder.base_url(url);
            }
            let client = builder.build()?;
            println!("Using Intercom at {}", client.base_url());
            Ok((client, None))
        }
        _ => {
            let fake = FakeIntercom::start().await;
            fake.seed_contacts(3);
            println!(
                "INTERCOM_ACCESS_TOKEN is not set: using the built-in fake Intercom at {}",
                fake.uri()
            );
            Ok((fake.client()?, Some(fake)))
        }
    }
}
