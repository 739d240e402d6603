//! A small service on intercom-api: who am I, one contact, a search, a
//! page stream, an event. The same as ../raw, which does it on bare reqwest.

use futures::TryStreamExt;
use intercom_api::Client;
use intercom_api::data_events::{CreateDataEvent, EventUser};
use intercom_api::search::field;

#[tokio::main]
async fn main() -> Result<(), intercom_api::Error> {
    let client = Client::new(std::env::var("INTERCOM_ACCESS_TOKEN").unwrap_or_default())?;
    let me = client.admins().me().await?;
    println!("{:?}", me.email);
    let contact = client.contacts().get("6762f0dd1bb69f9f2193bb83").await?;
    println!("{:?}", contact.email);
    let found = client
        .contacts()
        .search(field("email").eq("ada@example.com"))
        .await?;
    println!("{}", found.items.len());
    let open: Vec<_> = client
        .conversations()
        .list()
        .per_page(50)
        .items()
        .try_collect()
        .await?;
    println!("{}", open.len());
    client
        .data_events()
        .submit(CreateDataEvent::new(
            "order-paid",
            1_764_580_010,
            EventUser::email("ada@example.com"),
        ))
        .await?;
    Ok(())
}
