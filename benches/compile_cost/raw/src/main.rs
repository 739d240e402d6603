//! The service of ../sdk on bare reqwest + serde_json: the same calls, with
//! hand-written models, auth, version header and paging.

use serde::{Deserialize, Serialize};

const BASE: &str = "https://api.intercom.io";

#[derive(Debug, Deserialize)]
struct Admin {
    email: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Contact {
    email: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Conversation {
    #[allow(dead_code)]
    id: String,
}

#[derive(Debug, Deserialize)]
struct List<T> {
    #[serde(default = "Vec::new")]
    data: Vec<T>,
    pages: Option<Pages>,
}

#[derive(Debug, Deserialize)]
struct ConversationList {
    conversations: Vec<Conversation>,
    pages: Option<Pages>,
}

#[derive(Debug, Deserialize)]
struct Pages {
    next: Option<Next>,
}

#[derive(Debug, Deserialize)]
struct Next {
    starting_after: Option<String>,
}

#[derive(Serialize)]
struct Event<'a> {
    event_name: &'a str,
    created_at: i64,
    email: &'a str,
}

fn request(http: &reqwest::Client, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
    let token = std::env::var("INTERCOM_ACCESS_TOKEN").unwrap_or_default();
    http.request(method, format!("{BASE}{path}"))
        .bearer_auth(token)
        .header("Intercom-Version", "2.16")
        .header("Accept", "application/json")
}

#[tokio::main]
async fn main() -> Result<(), reqwest::Error> {
    let http = reqwest::Client::new();
    let get = reqwest::Method::GET;
    let me: Admin = request(&http, get.clone(), "/me")
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    println!("{:?}", me.email);
    let contact: Contact = request(&http, get.clone(), "/contacts/6762f0dd1bb69f9f2193bb83")
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    println!("{:?}", contact.email);
    let query = serde_json::json!({"query": {"field": "email", "operator": "=", "value": "ada@example.com"}});
    let found: List<Contact> = request(&http, reqwest::Method::POST, "/contacts/search")
        .json(&query)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    println!("{} {}", found.data.len(), found.pages.is_some());
    let mut open = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut req = request(&http, get.clone(), "/conversations").query(&[("per_page", "50")]);
        if let Some(a) = &after {
            req = req.query(&[("starting_after", a)]);
        }
        let page: ConversationList = req.send().await?.error_for_status()?.json().await?;
        open.extend(page.conversations);
        after = page
            .pages
            .and_then(|p| p.next)
            .and_then(|n| n.starting_after);
        if after.is_none() {
            break;
        }
    }
    println!("{}", open.len());
    let event = Event {
        event_name: "order-paid",
        created_at: 1_764_580_010,
        email: "ada@example.com",
    };
    request(&http, reqwest::Method::POST, "/events")
        .json(&event)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
