//! Stream behaviours that cut across families: prefetching.

use std::time::Duration;

use futures::StreamExt;
use intercom_api::{Client, RetryPolicy};
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn page(ids: &[&str], next: Option<&str>) -> serde_json::Value {
    let data: Vec<_> = ids
        .iter()
        .map(|id| json!({"type": "contact", "id": id}))
        .collect();
    let next = next.map(|c| json!({"per_page": 2, "starting_after": c}));
    json!({"type": "list", "data": data, "total_count": 5,
           "pages": {"type": "pages", "per_page": 2, "total_pages": 3, "next": next}})
}

async fn three_pages() -> MockServer {
    let server = MockServer::start().await;
    for (after, body) in [
        (Some("c2"), page(&["c3", "c4"], Some("c4"))),
        (Some("c4"), page(&["c5"], None)),
    ] {
        Mock::given(method("GET"))
            .and(path("/contacts"))
            .and(query_param("starting_after", after.unwrap()))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .expect(1)
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path("/contacts"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(&["c1", "c2"], Some("c2"))))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    server
}

fn client(server: &MockServer) -> Client {
    Client::builder()
        .token("test-token")
        .base_url(server.uri())
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

async fn requests(server: &MockServer) -> usize {
    server.received_requests().await.map_or(0, |r| r.len())
}

#[tokio::test]
async fn the_next_page_is_requested_before_the_caller_asks_for_it() {
    let server = three_pages().await;
    let client = client(&server);
    let mut pages = std::pin::pin!(client.contacts().list().per_page(2).pages_prefetched());

    let first = pages.next().await.unwrap().unwrap();
    assert_eq!(
        first
            .items
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        ["c1", "c2"]
    );
    // Without asking for page 2, its request arrives (bounded wait, real ms).
    let mut seen = requests(&server).await;
    for _ in 0..200 {
        if seen >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
        seen = requests(&server).await;
    }
    assert_eq!(seen, 2, "page 2 was prefetched while page 1 was in hand");

    let rest: Vec<String> = pages
        .map(|p| {
            p.unwrap()
                .items
                .into_iter()
                .map(|c| c.id)
                .collect::<Vec<_>>()
        })
        .concat()
        .await;
    assert_eq!(rest, ["c3", "c4", "c5"]);
    assert_eq!(requests(&server).await, 3, "no request after the last page");
}

#[tokio::test]
async fn prefetching_yields_the_same_pages_as_plain_paging() {
    let server = three_pages().await;
    let plain: Vec<_> = client(&server)
        .contacts()
        .list()
        .per_page(2)
        .pages()
        .map(|p| p.unwrap().items.len())
        .collect()
        .await;
    let server = three_pages().await;
    let prefetched: Vec<_> = client(&server)
        .contacts()
        .list()
        .per_page(2)
        .pages_prefetched()
        .map(|p| p.unwrap().items.len())
        .collect()
        .await;
    assert_eq!(plain, [2, 2, 1]);
    assert_eq!(prefetched, plain);
}

#[tokio::test]
async fn an_invalid_argument_is_the_only_item() {
    let server = MockServer::start().await;
    let items: Vec<_> = client(&server)
        .contacts()
        .list()
        .per_page(500)
        .pages_prefetched()
        .collect()
        .await;
    assert_eq!(items.len(), 1);
    assert!(
        matches!(&items[0], Err(intercom_api::Error::InvalidInput { field, .. }) if field == "per_page")
    );
    assert_eq!(requests(&server).await, 0);
}
