//! The `intercom.request` span (feature `tracing`), seen through a small
//! subscriber written here that keeps every span's fields.
#![cfg(feature = "tracing")]

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use intercom_api::contacts::CreateContact;
use intercom_api::mock::{FakeIntercom, Fault};
use intercom_api::{Clock, Sleep};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

type Fields = BTreeMap<String, String>;

/// Keeps the name and fields of every span, in creation order.
#[derive(Default, Clone)]
struct Recorder {
    spans: Arc<Mutex<Vec<(String, Fields)>>>,
    next: Arc<AtomicU64>,
}

struct Collect<'a>(&'a mut Fields);

impl Visit for Collect<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
}

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut fields = Fields::new();
        span.record(&mut Collect(&mut fields));
        let mut spans = self.spans.lock().unwrap();
        spans.push((span.metadata().name().to_owned(), fields));
        self.next.store(spans.len() as u64, Ordering::SeqCst);
        Id::from_u64(spans.len() as u64)
    }
    fn record(&self, span: &Id, values: &Record<'_>) {
        let mut spans = self.spans.lock().unwrap();
        let index = usize::try_from(span.into_u64()).unwrap() - 1;
        values.record(&mut Collect(&mut spans[index].1));
    }
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, _: &Event<'_>) {}
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

impl Recorder {
    fn requests(&self) -> Vec<Fields> {
        self.spans
            .lock()
            .unwrap()
            .iter()
            .filter(|(name, _)| name == "intercom.request")
            .map(|(_, f)| f.clone())
            .collect()
    }
}

fn fields(pairs: &[(&str, &str)]) -> Fields {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// A clock that jumps to the end of every sleep at once.
#[derive(Debug, Clone)]
struct JumpClock(Arc<Mutex<SystemTime>>);

impl Clock for JumpClock {
    fn now(&self) -> SystemTime {
        *self.0.lock().unwrap()
    }
    fn sleep(&self, d: Duration) -> Sleep {
        *self.0.lock().unwrap() += d;
        Box::pin(std::future::ready(()))
    }
}

#[tokio::test]
async fn one_span_per_call_with_the_template_status_and_request_id() {
    let recorder = Recorder::default();
    let _guard = tracing::subscriber::set_default(recorder.clone());
    let fake = FakeIntercom::start().await;
    let client = fake.client().unwrap();

    let ada = client
        .contacts()
        .create(CreateContact::with_email("ada@example.com"))
        .await
        .unwrap();
    client.contacts().get(&ada.id).await.unwrap();
    let missing = client.contacts().get("no-such-contact").await.unwrap_err();

    let spans = recorder.requests();
    assert_eq!(spans.len(), 3, "{spans:#?}");
    let request_id = |i: usize| spans[i]["request_id"].clone();
    assert_eq!(
        spans[0],
        fields(&[
            ("method", "POST"),
            ("path", "/contacts"),
            ("attempt", "1"),
            ("wait_ms", "0"),
            ("status", "200"),
            ("rate_limit_remaining", "9999"),
            ("request_id", &request_id(0)),
        ])
    );
    assert_eq!(
        spans[1],
        fields(&[
            ("method", "GET"),
            ("path", "/contacts/{id}"),
            ("attempt", "1"),
            ("wait_ms", "0"),
            ("status", "200"),
            ("rate_limit_remaining", "9998"),
            ("request_id", &request_id(1)),
        ])
    );
    assert_eq!(spans[2]["status"], "404");
    assert_eq!(spans[2]["path"], "/contacts/{id}");
    assert_eq!(
        Some(spans[2]["request_id"].as_str()),
        missing.request_id(),
        "the span's request_id is the error's"
    );
    assert_eq!(request_id(0).len(), 36, "a uuid: {}", request_id(0));

    // Never the token, ids, emails or bodies.
    let all = format!("{spans:?}");
    for secret in [
        fake.token(),
        ada.id.as_str(),
        "ada@example.com",
        "no-such-contact",
    ] {
        assert!(!all.contains(secret), "{secret} leaked: {all}");
    }
}

#[tokio::test]
async fn retries_show_as_the_attempt_and_the_wait() {
    let recorder = Recorder::default();
    let _guard = tracing::subscriber::set_default(recorder.clone());
    let clock = JumpClock(Arc::new(Mutex::new(
        UNIX_EPOCH + Duration::from_secs(1_750_000_000),
    )));
    let fake = FakeIntercom::builder()
        .quota(100, Duration::from_secs(10))
        .clock(clock.clone())
        .start()
        .await;
    let client = fake.client_builder().clock(clock).build().unwrap();
    fake.inject(Fault::Status(429), 1);

    client.admins().me().await.unwrap();

    let spans = recorder.requests();
    assert_eq!(spans.len(), 1, "one span for the call, not per attempt");
    let span = &spans[0];
    assert_eq!(span["path"], "/me");
    assert_eq!(span["attempt"], "2");
    assert_eq!(span["status"], "200");
    // The 429 came at the window's start: the client waited 10 s + 50 ms.
    assert_eq!(span["wait_ms"], "10050");
    assert_eq!(span["rate_limit_remaining"], "99");
}
