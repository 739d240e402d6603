//! A connector pushing its users into Intercom, as a CDP sync does:
//! resolve each user's identity (external id, then email), create the data
//! attributes it writes when they are missing, upsert the contact, and sync
//! its tags to the user's segments (add what is new, remove what is gone).
//!
//! ```text
//! cargo run --example connector_push                               # built-in fake Intercom
//! INTERCOM_ACCESS_TOKEN=dG9r... cargo run --example connector_push # your workspace
//! ```
//!
//! Against a real workspace it writes the `connector_*` attributes and tags
//! and two contacts. `INTERCOM_BASE_URL` overrides the API host.

use std::collections::BTreeSet;

use intercom_api::contacts::{Contact, CreateContact, UpdateContact};
use intercom_api::mock::FakeIntercom;
use intercom_api::search::field;
use intercom_api::{Client, Method};
use serde_json::{Value, json};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A user as the connector's source holds it.
struct SourceUser {
    id: &'static str,
    email: &'static str,
    name: &'static str,
    plan: &'static str,
    seats: i64,
    segments: &'static [&'static str],
}

const USERS: [SourceUser; 2] = [
    SourceUser {
        id: "u-100",
        email: "grace@example.com",
        name: "Grace",
        plan: "pro",
        seats: 12,
        segments: &["connector_paying", "connector_power"],
    },
    SourceUser {
        id: "u-101",
        email: "alan@example.com",
        name: "Alan",
        plan: "free",
        seats: 1,
        segments: &["connector_trial"],
    },
];

/// The attributes the connector writes, with their Intercom data types.
const ATTRIBUTES: [(&str, &str); 2] =
    [("connector_plan", "string"), ("connector_seats", "integer")];

#[tokio::main]
async fn main() -> Result<()> {
    let (client, fake) = connect().await?;
    if let Some(fake) = &fake {
        // The source's second user is already in Intercom, known by email
        // only: identity resolution must find it rather than duplicate it.
        fake.insert_contact(json!({"email": "alan@example.com", "role": "lead"}));
    }

    // Data attributes: create the ones that are missing. The SDK does not
    // type `/data_attributes` yet, so these go through `client.request`.
    let existing: Value = client
        .request(Method::GET, "/data_attributes")
        .query("model", "contact")
        .await?;
    let have: BTreeSet<&str> = existing["data"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["name"].as_str())
        .collect();
    for (name, data_type) in ATTRIBUTES.iter().filter(|(n, _)| !have.contains(n)) {
        let _: Value = client
            .request(Method::POST, "/data_attributes")
            .json(&json!({"name": name, "model": "contact", "data_type": data_type}))
            .await?;
        println!("Created data attribute {name} ({data_type})");
    }

    for user in &USERS {
        let contact = resolve(&client, user).await?;
        let contact = client
            .contacts()
            .update(
                &contact.id,
                UpdateContact::new()
                    .external_id(user.id)
                    .name(user.name)
                    .custom_attribute("connector_plan", user.plan)
                    .custom_attribute("connector_seats", user.seats),
            )
            .await?;
        sync_tags(&client, &contact, user.segments).await?;
        println!("Pushed {} as {}", user.id, contact.id);
    }
    Ok(())
}

/// The user's contact: by external id, else by email, else a new one.
async fn resolve(client: &Client, user: &SourceUser) -> Result<Contact> {
    for query in [
        field("external_id").eq(user.id),
        field("email").eq(user.email),
    ] {
        if let Some(found) = client
            .contacts()
            .search(query)
            .await?
            .items
            .into_iter()
            .next()
        {
            println!("Resolved {} to existing contact {}", user.id, found.id);
            return Ok(found);
        }
    }
    let created = client
        .contacts()
        .create(CreateContact::with_external_id(user.id).email(user.email))
        .await?;
    println!("Created contact {} for {}", created.id, user.id);
    Ok(created)
}

/// Make the contact's `connector_*` tags exactly the user's segments.
async fn sync_tags(client: &Client, contact: &Contact, segments: &[&str]) -> Result<()> {
    let current = client.contacts().list_tags(&contact.id).await?.data;
    for tag in &current {
        let name = tag.name.as_deref().unwrap_or_default();
        if name.starts_with("connector_") && !segments.contains(&name) {
            client.tags().untag_contact(&contact.id, &tag.id).await?;
            println!("  untagged {name}");
        }
    }
    for segment in segments {
        if !current.iter().any(|t| t.name.as_deref() == Some(*segment)) {
            let tag = client.tags().create(segment).await?;
            client.tags().tag_contact(&contact.id, &tag.id).await?;
            println!("  tagged {segment}");
        }
    }
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
