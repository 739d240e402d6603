//! The OAuth flow end to end, with a local callback server on 127.0.0.1.
//!
//! It prints the authorize URL, receives Intercom's redirect, checks the
//! `state`, exchanges the code for a token and calls `GET /me` with it.
//!
//! With real credentials:
//!
//! ```text
//! INTERCOM_CLIENT_ID=… INTERCOM_CLIENT_SECRET=… \
//! INTERCOM_REDIRECT_URI=https://<your tunnel>/callback OAUTH_PORT=8917 \
//!   cargo run --example oauth_flow
//! ```
//!
//! `INTERCOM_REDIRECT_URI` must be one of the app's redirect URLs (Intercom
//! requires https, so point an https tunnel at `OAUTH_PORT`); it defaults to
//! `http://127.0.0.1:<OAUTH_PORT>/callback`.
//!
//! Without credentials it runs offline: a local stub (wiremock) plays
//! Intercom's token endpoint and `/me`, and the example plays the browser,
//! first with a forged `state` (refused), then with the real one.

use std::time::Duration;

use axum::Router;
use axum::extract::{RawQuery, State as AxumState};
use axum::routing::get;
use intercom_api::Client;
use intercom_api::oauth::{OAuthConfig, State, parse_callback};
use serde_json::json;
use tokio::sync::mpsc;
use wiremock::matchers::{body_string_contains, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

const OFFLINE_CODE: &str = "offline-demo-code";
const OFFLINE_TOKEN: &str = "tok_offline_demo_0123456789";

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let id = std::env::var("INTERCOM_CLIENT_ID")
        .ok()
        .filter(|s| !s.trim().is_empty());
    let secret = std::env::var("INTERCOM_CLIENT_SECRET")
        .ok()
        .filter(|s| !s.trim().is_empty());
    match (id, secret) {
        (Some(id), Some(secret)) => online(id, secret).await,
        _ => {
            println!(
                "INTERCOM_CLIENT_ID / INTERCOM_CLIENT_SECRET not set: running offline against a local stub"
            );
            offline().await
        }
    }
}

/// A callback server: every request to `/callback` sends its raw query here.
async fn callback_server(port: u16) -> Result<(String, mpsc::Receiver<String>), BoxError> {
    let (tx, rx) = mpsc::channel::<String>(4);
    let app = Router::new()
        .route(
            "/callback",
            get(|AxumState(tx): AxumState<mpsc::Sender<String>>, RawQuery(query): RawQuery| async move {
                let _ = tx.send(query.unwrap_or_default()).await;
                "Intercom authorization received; you can close this tab."
            }),
        )
        .with_state(tx);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let base = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok((base, rx))
}

/// Wait for the callback, check it, exchange the code, call `/me`.
async fn finish(
    config: &OAuthConfig,
    state: &State,
    callbacks: &mut mpsc::Receiver<String>,
    api_base: Option<&str>,
) -> Result<(), BoxError> {
    loop {
        let query = tokio::time::timeout(Duration::from_secs(300), callbacks.recv())
            .await
            .map_err(|_| "no callback within 5 minutes")?
            .ok_or("callback server stopped")?;
        let code = match parse_callback(&query, state) {
            Ok(code) => code,
            Err(e) => {
                // A forged or stale callback: refuse it and keep waiting.
                println!("callback refused: {e}");
                if e.code().is_some() {
                    return Err(e.into());
                }
                continue;
            }
        };
        println!("callback accepted: {code:?}");
        let token = config.exchange_code(&code).await?;
        println!("token received: {token:?} (Intercom tokens do not expire; store it securely)");
        let client = match api_base {
            Some(base) => Client::builder()
                .token(token.secret().clone())
                .base_url(base)
                .build()?,
            None => Client::from_oauth_token(&token)?,
        };
        let me = client.admins().me().await?;
        println!(
            "connected as {} <{}> to workspace {:?} ({:?})",
            me.name.as_deref().unwrap_or("?"),
            me.email.as_deref().unwrap_or("?"),
            me.app.as_ref().and_then(|a| a.name.as_deref()),
            me.app.as_ref().and_then(|a| a.id_code.as_deref()),
        );
        return Ok(());
    }
}

async fn online(client_id: String, client_secret: String) -> Result<(), BoxError> {
    let port: u16 = match std::env::var("OAUTH_PORT") {
        Ok(p) => p.parse()?,
        Err(_) => 8917,
    };
    let (base, mut callbacks) = callback_server(port).await?;
    let redirect = std::env::var("INTERCOM_REDIRECT_URI").unwrap_or(format!("{base}/callback"));
    let config = OAuthConfig::new(client_id, client_secret, &redirect)?;
    let state = State::generate()?;
    println!("callback server on {base}/callback");
    println!(
        "open this URL in a browser and authorize the app:\n\n  {}\n",
        config.authorize_url(state.as_str())
    );
    finish(&config, &state, &mut callbacks, None).await
}

async fn offline() -> Result<(), BoxError> {
    // The stub plays Intercom: the token endpoint and /me.
    let intercom = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/eagle/token"))
        .and(body_string_contains(format!("code={OFFLINE_CODE}")))
        .and(body_string_contains("client_id=offline-client-id"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "token",
            "token": OFFLINE_TOKEN,
            "access_token": OFFLINE_TOKEN,
            "token_type": "Bearer"
        })))
        .expect(1)
        .mount(&intercom)
        .await;
    Mock::given(method("GET"))
        .and(path("/me"))
        .and(header(
            "authorization",
            format!("Bearer {OFFLINE_TOKEN}").as_str(),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "admin",
            "id": "991267",
            "name": "Grace Hopper",
            "email": "grace@example.com",
            "email_verified": true,
            "app": {
                "type": "app",
                "id_code": "a86dr8yl",
                "name": "Offline Workspace",
                "region": "US",
                "timezone": "Europe/Dublin",
                "created_at": 1_700_000_000,
                "identity_verification": true
            }
        })))
        .mount(&intercom)
        .await;

    let (base, mut callbacks) = callback_server(0).await?;
    let redirect = format!("{base}/callback");
    let config = OAuthConfig::new("offline-client-id", "offline-client-secret", &redirect)?
        .token_base_url(&intercom.uri())?;
    let state = State::generate()?;
    println!("callback server on {redirect}");
    println!(
        "authorize URL (not opened offline):\n\n  {}\n",
        config.authorize_url(state.as_str())
    );

    // Play the browser: a forged redirect first, then Intercom's real one.
    let browser = reqwest::Client::new();
    let forged = format!("{redirect}?code=stolen&state=not-the-state");
    let genuine = format!("{redirect}?code={OFFLINE_CODE}&state={}", state.as_str());
    for url in [forged, genuine] {
        browser.get(&url).send().await?.error_for_status()?;
    }
    finish(&config, &state, &mut callbacks, Some(&intercom.uri())).await?;
    println!("offline OAuth flow completed");
    Ok(())
}
