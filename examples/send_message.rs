//! Send a message from an admin to a contact: the admin found by email or
//! name among the workspace's admins, the contact by email.
//!
//! ```text
//! cargo run --example send_message                                   # built-in fake Intercom
//! INTERCOM_ACCESS_TOKEN=dG9r... cargo run --example send_message \
//!     -- --admin "grace@example.com" --to "maya@example.com" [--email]  # your workspace
//! ```
//!
//! `--admin` matches an admin's email, or else their name (case-insensitive);
//! `--to` is the contact's email (the contact must exist); `--email` sends an
//! email instead of an in-app message. With a token, `INTERCOM_REGION` (`us`,
//! `eu` or `au`) picks the API host and `INTERCOM_BASE_URL` overrides it.
//! Against a real workspace this sends a real message.
//!
//! Without a token it runs against the fake Intercom (`intercom_api::mock`),
//! whose admins include Grace Hopper (the default `--admin`); the message
//! starts a conversation there, which `conversations().list` then shows.

use intercom_api::contacts::{ContactRole, CreateContact};
use intercom_api::messages::{CreateMessage, Recipient};
use intercom_api::mock::FakeIntercom;
use intercom_api::search::field;
use intercom_api::{Client, Region};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse()?;
    // Keep the fake (if any) alive until the end: dropping it stops it.
    let (client, _fake) = connect(&args).await?;

    // 1. The admin who writes: by email, else by name.
    let admins = client.admins().list().await?;
    let wanted = args.admin.to_lowercase();
    let admin = admins
        .iter()
        .find(|a| a.email.as_deref().map(str::to_lowercase) == Some(wanted.clone()))
        .or_else(|| {
            admins
                .iter()
                .find(|a| a.name.as_deref().map(str::to_lowercase) == Some(wanted.clone()))
        })
        .ok_or_else(|| format!("no admin has the email or name `{}`", args.admin))?;
    println!(
        "From: {} (admin {})",
        admin.name.as_deref().unwrap_or("(no name)"),
        admin.id
    );

    // 2. The contact it goes to, by email.
    let found = client
        .contacts()
        .search(field("email").eq(&args.to))
        .per_page(1)
        .await?;
    let contact = found
        .items
        .first()
        .ok_or_else(|| format!("no contact has the email `{}`", args.to))?;
    let to = match contact.role {
        Some(ContactRole::Lead) => Recipient::lead(&contact.id),
        _ => Recipient::user(&contact.id),
    };
    println!("To:   {} (contact {})", args.to, contact.id);

    // 3. Send it. A message is not retried after a 5xx or a timeout: it may
    //    have been sent.
    let message = if args.email {
        CreateMessage::email(
            &admin.id,
            to,
            "Your workspace is ready",
            "<p>Hi, your workspace is ready. Reply to this email if anything is missing.</p>",
        )
    } else {
        CreateMessage::in_app(
            &admin.id,
            to,
            "Your workspace is ready. Reply here if anything is missing.",
        )
    }
    .create_conversation_without_contact_reply(true);
    let sent = client.messages().create(message).await?;
    println!(
        "Sent {} message {} (conversation {})",
        sent.message_type
            .as_ref()
            .map_or("(unknown type)", |t| t.as_str()),
        sent.id,
        sent.conversation_id.as_deref().unwrap_or("(none yet)")
    );
    Ok(())
}

struct Args {
    admin: String,
    to: String,
    email: bool,
}

impl Args {
    fn parse() -> Result<Self, String> {
        let mut args = Args {
            admin: "Grace Hopper".to_owned(),
            to: "maya.okafor@example.com".to_owned(),
            email: false,
        };
        let mut it = std::env::args().skip(1);
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "--admin" => args.admin = it.next().ok_or("--admin needs a value")?,
                "--to" => args.to = it.next().ok_or("--to needs a value")?,
                "--email" => args.email = true,
                other => return Err(format!("unknown argument `{other}`")),
            }
        }
        Ok(args)
    }
}

/// A client for your workspace when `INTERCOM_ACCESS_TOKEN` is set, else for
/// a fake Intercom started here (returned too, to keep it running).
async fn connect(
    args: &Args,
) -> Result<(Client, Option<FakeIntercom>), Box<dyn std::error::Error>> {
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
            let client = fake.client()?;
            client
                .contacts()
                .create(CreateContact::with_email(&args.to).name("Maya Okafor"))
                .await?;
            println!(
                "INTERCOM_ACCESS_TOKEN is not set: using the built-in fake Intercom at {}",
                fake.uri()
            );
            Ok((client, Some(fake)))
        }
    }
}
