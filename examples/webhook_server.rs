//! An Intercom webhook endpoint with axum.
//!
//! It verifies `X-Hub-Signature` over the raw body, refuses replays, and
//! dispatches by topic, printing one line per notification. Answers:
//! `200` for a valid notification (and for a duplicate, so Intercom stops
//! re-sending it), `401` for a missing or wrong signature, `400` for a signed
//! body that is not a notification or is too old.
//!
//! ```text
//! INTERCOM_CLIENT_SECRET=… PORT=8080 cargo run --example webhook_server
//! ```
//!
//! Without `INTERCOM_CLIENT_SECRET` it runs offline with a demo secret and
//! sends itself a signed ping, a tampered one and an unsigned one, to show
//! the three answers. It serves until interrupted (Ctrl-C), or for
//! `WEBHOOK_SERVER_SECONDS` seconds when that is set.
//!
//! The router is built by [`router`], which `tests/webhooks.rs` reuses.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use intercom_api::webhooks::{self, Item, Notification, ReplayError, ReplayGuard, Topic, Verifier};

/// Where Intercom should post: `http(s)://<host>/webhooks/intercom`.
pub const PATH: &str = "/webhooks/intercom";

/// Used when `INTERCOM_CLIENT_SECRET` is not set, so the example runs offline.
const DEMO_SECRET: &str = "demo-client-secret";

struct AppState {
    verifier: Verifier,
    replays: ReplayGuard,
}

/// The webhook router: `POST /webhooks/intercom`.
///
/// Intercom may hold back throttled notifications for up to two hours, so
/// the replay guard accepts notifications up to three hours old and
/// remembers ids as long.
pub fn router(verifier: Verifier) -> Router {
    let three_hours = Duration::from_secs(3 * 3600);
    let state = AppState {
        verifier,
        replays: ReplayGuard::new(three_hours, three_hours),
    };
    Router::new()
        .route(PATH, post(receive))
        .with_state(Arc::new(state))
}

async fn receive(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, &'static str) {
    // Verify the bytes as received, then parse. Never parse first.
    let notification = match state.verifier.verify_and_parse_headers(&body, &headers) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("refused ({}): {e}", e.status().as_u16());
            let text = match e {
                webhooks::WebhookError::Verify(_) => "invalid signature",
                _ => "not a notification",
            };
            return (e.status(), text);
        }
    };
    match state.replays.check_now(&notification) {
        Ok(()) => {}
        Err(ReplayError::Replayed { id }) => {
            println!("duplicate {id}, ignored");
            return (StatusCode::OK, "duplicate");
        }
        Err(e) => {
            eprintln!("refused (400): {e}");
            return (StatusCode::BAD_REQUEST, "stale notification");
        }
    }
    println!("{}", describe(&notification));
    (StatusCode::OK, "ok")
}

/// One line per notification, by topic.
pub fn describe(n: &Notification) -> String {
    let id = n.id.as_deref().unwrap_or("-");
    match (&n.topic, &n.item) {
        (Topic::Ping, _) => format!("[{id}] ping from workspace {:?}", n.app_id),
        (
            Topic::ContactUserCreated | Topic::ContactLeadCreated | Topic::ContactCreated,
            Item::Contact(c),
        ) => format!("[{id}] new contact {} ({:?})", c.id, c.email),
        (
            Topic::ConversationUserCreated | Topic::ConversationAdminSingleCreated,
            Item::Conversation(c),
        ) => {
            format!("[{id}] new conversation {}", c.id)
        }
        (Topic::ConversationAdminClosed, Item::Conversation(c)) => {
            format!("[{id}] conversation {} closed", c.id)
        }
        (Topic::ConversationAdminOpened, Item::Conversation(c)) => {
            format!("[{id}] conversation {} reopened", c.id)
        }
        (Topic::ConversationAdminAssigned, Item::Conversation(c)) => {
            format!("[{id}] conversation {} assigned", c.id)
        }
        (topic, Item::Ticket(t)) if topic.family() == "ticket" => {
            format!("[{id}] {topic}: ticket {} (#{:?})", t.id, t.ticket_id)
        }
        (topic, _) => match &n.item_error {
            Some(err) => format!("[{id}] {topic} (kept as JSON: {err})"),
            None => format!("[{id}] {topic} (unhandled)"),
        },
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let configured = std::env::var("INTERCOM_CLIENT_SECRET")
        .ok()
        .filter(|s| !s.trim().is_empty());
    let demo = configured.is_none();
    let verifier = Verifier::new(configured.unwrap_or_else(|| DEMO_SECRET.to_owned()))?;
    let port: u16 = match std::env::var("PORT") {
        Ok(p) => p.parse()?,
        Err(_) => 0,
    };
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let url = format!("http://{}{PATH}", listener.local_addr()?);
    println!("listening on {url}");
    let server = tokio::spawn(async move { axum::serve(listener, router(verifier)).await });

    if demo {
        println!("INTERCOM_CLIENT_SECRET is not set: demo mode with secret `{DEMO_SECRET}`");
        self_test(&url).await?;
    }

    match std::env::var("WEBHOOK_SERVER_SECONDS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    {
        Some(secs) => {
            tokio::time::sleep(Duration::from_secs(secs)).await;
            println!("stopping after {secs}s");
        }
        None => {
            println!("serving until interrupted (Ctrl-C)");
            server.await??;
        }
    }
    Ok(())
}

/// Post a signed ping, a tampered copy and an unsigned copy to ourselves.
async fn self_test(url: &str) -> Result<(), Box<dyn std::error::Error>> {
    let secret = secrecy::SecretString::from(DEMO_SECRET);
    let now = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
    let body = format!(
        r#"{{"type":"notification_event","app_id":"demo","data":{{"type":"notification_event_data","item":{{"type":"ping","message":"hello"}}}},"id":null,"topic":"ping","delivery_attempts":1,"first_sent_at":{now},"created_at":{now}}}"#
    );
    let signature = webhooks::sign(&secret, body.as_bytes());
    let http = reqwest::Client::new();
    let cases = [
        ("signed", body.clone(), Some(signature.clone())),
        ("tampered", body.replace("hello", "hellO"), Some(signature)),
        ("unsigned", body, None),
    ];
    for (name, body, signature) in cases {
        let mut request = http
            .post(url)
            .header("content-type", "application/json")
            .body(body);
        if let Some(sig) = signature {
            request = request.header(webhooks::SIGNATURE_HEADER, sig);
        }
        let status = request.send().await?.status();
        println!("self-test: {name} ping -> {}", status.as_u16());
    }
    Ok(())
}
