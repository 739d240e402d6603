//! OAuth: configuration checks, authorize URL, state, callback parsing, and
//! the code exchange against a wiremock stub.

use std::collections::{BTreeMap, HashSet};

use intercom_api::oauth::{
    AccessToken, AuthorizationCode, OAuthConfig, OAuthError, OAuthErrorCode, State, parse_callback,
};
use intercom_api::{Client, Region};
use secrecy::ExposeSecret;
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const CLIENT_ID: &str = "9a8b7c6d-client-id";
const CLIENT_SECRET: &str = "cs_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
const CODE: &str = "code_1f2e3d4c5b6a79880716a5b4c3d2e1f0";
const TOKEN: &str = "dG9rOjg4NDg3ZjQ2X2Q0ODRfNDg1ZV9hYjU0X2M2YjY0ZDIzOTQ1YjoxOjA=";

fn config(base: &str) -> OAuthConfig {
    OAuthConfig::new(
        CLIENT_ID,
        CLIENT_SECRET,
        "https://app.example.com/intercom/callback",
    )
    .expect("config")
    .token_base_url(base)
    .expect("base")
}

/// Everything a secret must never appear in.
fn assert_no_secrets(text: &str) {
    for secret in [CLIENT_SECRET, CODE, TOKEN] {
        assert!(!text.contains(secret), "secret leaked into: {text}");
    }
}

// ---------------------------------------------------------------------------
// Configuration and URLs
// ---------------------------------------------------------------------------

#[test]
fn redirect_uri_must_be_https_or_loopback_http() {
    for ok in [
        "https://app.example.com/cb",
        "http://127.0.0.1:8917/callback",
        "http://localhost:3000/cb",
        "http://[::1]:9/cb",
    ] {
        assert!(
            OAuthConfig::new(CLIENT_ID, CLIENT_SECRET, ok).is_ok(),
            "{ok}"
        );
    }
    for bad in [
        "http://app.example.com/cb",
        "ftp://example.com/cb",
        "/callback",
        "not a url",
        "https://app.example.com/cb#frag",
    ] {
        let err = OAuthConfig::new(CLIENT_ID, CLIENT_SECRET, bad).expect_err(bad);
        assert!(
            matches!(
                err,
                OAuthError::Config {
                    field: "redirect_uri",
                    ..
                }
            ),
            "{bad}: {err:?}"
        );
    }
    assert!(matches!(
        OAuthConfig::new(" ", CLIENT_SECRET, "https://a.example/cb"),
        Err(OAuthError::Config {
            field: "client_id",
            ..
        })
    ));
    let err = OAuthConfig::new(CLIENT_ID, "", "https://a.example/cb").expect_err("empty secret");
    assert!(matches!(
        err,
        OAuthError::Config {
            field: "client_secret",
            ..
        }
    ));
    assert!(matches!(
        OAuthConfig::new(CLIENT_ID, CLIENT_SECRET, "https://a.example/cb")
            .expect("config")
            .token_base_url("http://intercom.example.com"),
        Err(OAuthError::Config {
            field: "token_base_url",
            ..
        })
    ));
}

#[test]
fn authorize_url_has_exactly_the_documented_query() {
    let config = OAuthConfig::new(
        CLIENT_ID,
        CLIENT_SECRET,
        "https://app.example.com/intercom/callback?tenant=7",
    )
    .expect("config");
    let url = config.authorize_url("st&te=1");
    assert_eq!(
        url.as_str(),
        "https://app.intercom.com/oauth?client_id=9a8b7c6d-client-id&state=st%26te%3D1\
         &redirect_uri=https%3A%2F%2Fapp.example.com%2Fintercom%2Fcallback%3Ftenant%3D7"
    );
    let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert_eq!(
        pairs,
        vec![
            ("client_id".to_owned(), CLIENT_ID.to_owned()),
            ("state".to_owned(), "st&te=1".to_owned()),
            (
                "redirect_uri".to_owned(),
                "https://app.example.com/intercom/callback?tenant=7".to_owned()
            ),
        ]
    );
    assert_no_secrets(url.as_str());

    let custom = config
        .authorize_base_url("https://app.eu.intercom.com/oauth")
        .expect("authorize base");
    assert!(
        custom
            .authorize_url("s")
            .as_str()
            .starts_with("https://app.eu.intercom.com/oauth?client_id=")
    );
}

#[test]
fn token_url_follows_region_and_base() {
    let base = OAuthConfig::new(CLIENT_ID, CLIENT_SECRET, "https://a.example/cb").expect("config");
    assert_eq!(
        base.token_url().as_str(),
        "https://api.intercom.io/auth/eagle/token"
    );
    assert_eq!(
        base.clone().region(Region::Eu).token_url().as_str(),
        "https://api.eu.intercom.io/auth/eagle/token"
    );
    assert_eq!(
        base.clone().region(Region::Au).token_url().as_str(),
        "https://api.au.intercom.io/auth/eagle/token"
    );
    assert_eq!(
        base.token_base_url("https://proxy.example.com/intercom/")
            .expect("base")
            .token_url()
            .as_str(),
        "https://proxy.example.com/intercom/auth/eagle/token"
    );
}

// ---------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------

#[test]
fn states_are_long_unique_and_url_safe() {
    let mut seen = HashSet::new();
    for _ in 0..2000 {
        let s = State::generate().expect("rng");
        assert_eq!(s.as_str().len(), 64, "256 bits as hex");
        assert!(
            s.as_str()
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert!(seen.insert(s.as_str().to_owned()), "duplicate state");
    }
    // Not all the same nibble distribution: every hex digit shows up.
    let all: String = seen.iter().take(50).cloned().collect();
    for d in "0123456789abcdef".chars() {
        assert!(all.contains(d));
    }
}

#[test]
fn state_comparison() {
    let s = State::generate().expect("rng");
    assert!(s.matches(s.as_str()));
    assert!(State::verify(s.as_str(), s.as_str()));
    let mut other = s.as_str().to_owned();
    let last = if other.ends_with('0') { "1" } else { "0" };
    other.replace_range(63..64, last);
    assert!(!s.matches(&other));
    assert!(!s.matches(&s.as_str()[..63]));
    assert!(!s.matches(""));
    assert!(
        !State::verify("", ""),
        "an empty expected state never matches"
    );
    assert_eq!(format!("{s:?}"), "State([redacted])");
    let restored = State::from_stored(s.as_str());
    assert!(restored.matches(s.as_str()));
}

// ---------------------------------------------------------------------------
// Callback
// ---------------------------------------------------------------------------

#[test]
fn callback_forms_are_accepted() {
    let state = State::from_stored("f00d");
    for callback in [
        format!("https://app.example.com/intercom/callback?code={CODE}&state=f00d"),
        format!("/intercom/callback?state=f00d&code={CODE}#_=_"),
        format!("?code={CODE}&state=f00d"),
        format!("code={CODE}&state=f00d&extra=1"),
    ] {
        let code = parse_callback(&callback, &state).expect(&callback);
        assert_eq!(code.expose_secret(), CODE);
        assert_eq!(format!("{code:?}"), "AuthorizationCode([redacted])");
    }
}

#[test]
fn callback_errors_name_the_cause() {
    let state = State::from_stored("f00d");
    let cases = [
        ("access_denied", OAuthErrorCode::AccessDenied, "Cancel"),
        ("invalid_client", OAuthErrorCode::InvalidClient, "client ID"),
        (
            "redirect_uri_mismatch",
            OAuthErrorCode::RedirectUriMismatch,
            "redirect URLs",
        ),
    ];
    for (wire, code, hint) in cases {
        let err = parse_callback(
            &format!("/cb?error={wire}&error_description=The+user+said+no&state=f00d"),
            &state,
        )
        .expect_err(wire);
        assert_eq!(err.code(), Some(&code));
        let text = err.to_string();
        assert!(text.contains(wire) && text.contains(hint), "{text}");
        assert!(text.contains("The user said no"), "{text}");
        assert!(matches!(
            intercom_api::Error::from(err),
            intercom_api::Error::InvalidInput { .. }
        ));
    }
    // Errors are reported even when Intercom sends no state.
    let err = parse_callback("error=access_denied", &state).expect_err("denied");
    assert_eq!(err.code(), Some(&OAuthErrorCode::AccessDenied));
}

#[test]
fn callback_state_is_enforced() {
    let state = State::from_stored("f00d");
    assert!(matches!(
        parse_callback(&format!("code={CODE}"), &state),
        Err(OAuthError::MissingState)
    ));
    assert!(matches!(
        parse_callback(&format!("code={CODE}&state="), &state),
        Err(OAuthError::MissingState)
    ));
    assert!(matches!(
        parse_callback(&format!("code={CODE}&state=f00e"), &state),
        Err(OAuthError::StateMismatch)
    ));
    assert!(matches!(
        parse_callback("state=f00d", &state),
        Err(OAuthError::MissingCode)
    ));
    assert!(matches!(
        parse_callback(&format!("code={CODE}&code=evil&state=f00d"), &state),
        Err(OAuthError::MalformedCallback(_))
    ));
    assert!(matches!(
        parse_callback("code=a&state=f00d&state=f00d", &state),
        Err(OAuthError::MalformedCallback(_))
    ));
    assert!(matches!(
        parse_callback("", &state),
        Err(OAuthError::MissingState)
    ));
    // Works with a plain &str expected state too.
    assert!(parse_callback(&format!("code={CODE}&state=abc"), &"abc").is_ok());
    let mismatch = parse_callback(&format!("code={CODE}&state=x"), &state).expect_err("mismatch");
    assert_no_secrets(&format!("{mismatch} {mismatch:?}"));
}

// ---------------------------------------------------------------------------
// Code exchange
// ---------------------------------------------------------------------------

#[tokio::test]
async fn exchange_posts_the_documented_form() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/eagle/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "token",
            "token": TOKEN,
            "access_token": TOKEN,
            "token_type": "Bearer"
        })))
        .expect(1)
        .mount(&server)
        .await;

    let config = config(&server.uri());
    let token = config.exchange_code(CODE).await.expect("token");
    assert_eq!(token.expose_secret(), TOKEN);
    assert_eq!(token.token_type(), "Bearer");

    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests.len(), 1);
    let req = &requests[0];
    assert_eq!(req.method.as_str(), "POST");
    assert_eq!(req.url.path(), "/auth/eagle/token");
    assert_eq!(
        req.url.query(),
        None,
        "credentials go in the body, not the URL"
    );
    assert_eq!(
        req.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        req.headers.get("accept").and_then(|v| v.to_str().ok()),
        Some("application/json")
    );
    assert!(req.headers.get("authorization").is_none());
    assert!(req.headers.get("intercom-version").is_none());
    let fields: BTreeMap<String, String> = url::form_urlencoded::parse(&req.body)
        .into_owned()
        .collect();
    let expected: BTreeMap<String, String> = [
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
        ("code", CODE),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    assert_eq!(fields, expected);

    assert_no_secrets(&format!("{token:?} {config:?}"));
    assert_eq!(
        format!("{token:?}"),
        r#"AccessToken { token: "[redacted]", token_type: "Bearer" }"#
    );
}

#[tokio::test]
async fn token_field_alone_is_accepted() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/eagle/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"token": TOKEN})))
        .mount(&server)
        .await;
    let token = config(&server.uri())
        .exchange_code(AuthorizationCode::new(CODE))
        .await
        .expect("token");
    assert_eq!(token.expose_secret(), TOKEN);
    assert_eq!(token.token_type(), "Bearer");
}

async fn rejected(status: u16, body: serde_json::Value) -> OAuthError {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/eagle/token"))
        .respond_with(
            ResponseTemplate::new(status)
                .set_body_json(body)
                .insert_header("x-request-id", "req-hdr-1"),
        )
        .mount(&server)
        .await;
    config(&server.uri())
        .exchange_code(CODE)
        .await
        .expect_err("rejected")
}

#[tokio::test]
async fn token_errors_name_the_likely_cause() {
    let err = rejected(
        400,
        json!({"error": "invalid_client", "error_description": "Client authentication failed"}),
    )
    .await;
    assert_eq!(err.code(), Some(&OAuthErrorCode::InvalidClient));
    let text = err.to_string();
    assert!(
        text.contains("client ID or client secret is wrong"),
        "{text}"
    );
    assert!(text.contains("Client authentication failed"), "{text}");
    assert!(text.contains("req-hdr-1"), "{text}");
    assert!(matches!(err, OAuthError::TokenRejected { status, .. } if status.as_u16() == 400));

    let err = rejected(400, json!({"error": "redirect_uri_mismatch"})).await;
    assert_eq!(err.code(), Some(&OAuthErrorCode::RedirectUriMismatch));
    assert!(err.to_string().contains("redirect URLs"), "{err}");

    // Intercom's own error shape for a used or expired code.
    let err = rejected(
        401,
        json!({"type": "error.list", "request_id": "req-body-2",
               "errors": [{"code": "unauthorized", "message": "Unauthorized Code"}]}),
    )
    .await;
    assert_eq!(err.code(), Some(&OAuthErrorCode::InvalidGrant));
    let text = err.to_string();
    assert!(
        text.contains("expired") && text.contains("req-body-2"),
        "{text}"
    );
    match intercom_api::Error::from(err) {
        intercom_api::Error::InvalidInput { field, .. } => assert_eq!(field, "code"),
        other => panic!("{other:?}"),
    }

    let err = rejected(500, json!({"whatever": true})).await;
    assert_eq!(err.code(), Some(&OAuthErrorCode::ServerError));
}

#[tokio::test]
async fn errors_never_echo_secrets() {
    // A misbehaving server that echoes what it got.
    let echo =
        format!("bad request: code={CODE}&client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}");
    let err = rejected(
        400,
        json!({"error": "invalid_request", "error_description": echo}),
    )
    .await;
    assert_no_secrets(&format!("{err} {err:?}"));

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/eagle/token"))
        .respond_with(
            ResponseTemplate::new(502).set_body_string(format!("<html>{CLIENT_SECRET}</html>")),
        )
        .mount(&server)
        .await;
    let err = config(&server.uri())
        .exchange_code(CODE)
        .await
        .expect_err("502");
    assert_eq!(err.code(), Some(&OAuthErrorCode::ServerError));
    assert_no_secrets(&format!("{err} {err:?}"));
}

#[tokio::test]
async fn success_without_token_is_refused_without_quoting_it() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/eagle/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"tokn": TOKEN})))
        .mount(&server)
        .await;
    let err = config(&server.uri())
        .exchange_code(CODE)
        .await
        .expect_err("no token");
    assert!(matches!(err, OAuthError::InvalidResponse { .. }), "{err:?}");
    assert_no_secrets(&format!("{err} {err:?}"));

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/eagle/token"))
        .respond_with(ResponseTemplate::new(200).set_body_string(format!("access_token={TOKEN}")))
        .mount(&server)
        .await;
    let err = config(&server.uri())
        .exchange_code(CODE)
        .await
        .expect_err("not json");
    assert!(matches!(err, OAuthError::InvalidResponse { .. }), "{err:?}");
    assert_no_secrets(&format!("{err} {err:?}"));
}

#[tokio::test]
async fn empty_code_and_unreachable_host() {
    let server = MockServer::start().await;
    let err = config(&server.uri())
        .exchange_code("")
        .await
        .expect_err("empty");
    assert!(matches!(err, OAuthError::MissingCode));
    assert!(
        server
            .received_requests()
            .await
            .expect("recorded")
            .is_empty()
    );

    // A port nothing listens on.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    drop(listener);
    let err = config(&format!("http://{addr}"))
        .exchange_code(CODE)
        .await
        .expect_err("down");
    assert!(matches!(err, OAuthError::Transport(_)), "{err:?}");
    assert_no_secrets(&format!("{err} {err:?}"));
    assert!(matches!(
        intercom_api::Error::from(err),
        intercom_api::Error::Transport(_)
    ));
}

// ---------------------------------------------------------------------------
// Client from a token
// ---------------------------------------------------------------------------

#[tokio::test]
async fn clients_from_oauth_tokens() {
    let token = AccessToken::new(TOKEN);
    let us = Client::from_oauth_token(&token).expect("client");
    assert_eq!(us.base_url().as_str(), "https://api.intercom.io/");
    let eu = Client::from_oauth_token_in(&token, Region::Eu).expect("client");
    assert_eq!(eu.base_url().as_str(), "https://api.eu.intercom.io/");
    assert_no_secrets(&format!("{us:?} {eu:?} {token:?}"));

    // The token is sent as a bearer token.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/me"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "admin", "id": "991267", "email": "grace@example.com",
            "app": {"type": "app", "id_code": "a86dr8yl", "name": "Acme"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .token(token.secret().clone())
        .base_url(server.uri())
        .build()
        .expect("client");
    let me = client.admins().me().await.expect("me");
    assert_eq!(me.app.and_then(|a| a.id_code).as_deref(), Some("a86dr8yl"));
}
