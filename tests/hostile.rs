//! The client against a hostile server: a raw TCP listener on 127.0.0.1
//! that writes whatever bytes a test scripts, including what no HTTP library
//! would send (bodies shorter or endlessly longer than declared, absurd
//! headers, redirects, cycling cursors).
//!
//! Every test runs with tokio's clock paused: a server that stalls makes the
//! runtime idle, tokio jumps to the next timer, and a timeout fires at once.
//! Nothing waits in real time.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::TryStreamExt;
use intercom_api::contacts::CreateContact;
use intercom_api::{Client, Error, ErrorCode, RetryPolicy};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const TOKEN: &str = "dG9rOmhvc3RpbGU6c2VjcmV0";

/// One request as the server read it.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    target: String,
    body: Vec<u8>,
}

type Reply = Pin<Box<dyn Future<Output = ()> + Send>>;
type Script = Arc<dyn Fn(usize, Seen, TcpStream) -> Reply + Send + Sync>;

/// A raw server: each connection carries one request, answered by `script`
/// (given the request's index, the request and the socket).
struct Hostile {
    base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Hostile {
    async fn start(
        script: impl Fn(usize, Seen, TcpStream) -> Reply + Send + Sync + 'static,
    ) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let script: Script = Arc::new(script);
        let log = Arc::clone(&seen);
        tokio::spawn(async move {
            while let Ok((mut sock, _)) = listener.accept().await {
                let (script, log) = (Arc::clone(&script), Arc::clone(&log));
                tokio::spawn(async move {
                    let Some(req) = read_request(&mut sock).await else {
                        return;
                    };
                    let index = {
                        let mut log = log.lock().unwrap();
                        log.push(req.clone());
                        log.len() - 1
                    };
                    script(index, req, sock).await;
                });
            }
        });
        Hostile { base, seen }
    }

    fn requests(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    fn client(&self, retry: RetryPolicy) -> Client {
        Client::builder()
            .token(TOKEN)
            .base_url(&self.base)
            .retry(retry.jitter(|d| d))
            .build()
            .unwrap()
    }
}

async fn read_request(sock: &mut TcpStream) -> Option<Seen> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = sock.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let (method, target) = (first.next()?.to_owned(), first.next()?.to_owned());
    let length: usize = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end..].to_vec();
    while body.len() < length {
        let n = sock.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(Seen {
        method,
        target,
        body,
    })
}

/// A reply that writes `bytes`, then closes.
fn send(mut sock: TcpStream, bytes: impl Into<Vec<u8>>) -> Reply {
    let bytes = bytes.into();
    Box::pin(async move {
        let _ = sock.write_all(&bytes).await;
        let _ = sock.shutdown().await;
    })
}

/// A reply that writes `bytes`, then holds the connection open forever.
fn send_then_stall(mut sock: TcpStream, bytes: impl Into<Vec<u8>>) -> Reply {
    let bytes = bytes.into();
    Box::pin(async move {
        let _ = sock.write_all(&bytes).await;
        std::future::pending::<()>().await;
        drop(sock);
    })
}

/// A reply that writes `head`, then body bytes until the client hangs up,
/// counting them in `written`; chunked-encoded when `chunked`.
fn endless(mut sock: TcpStream, head: String, chunked: bool, written: Arc<AtomicU64>) -> Reply {
    Box::pin(async move {
        if sock.write_all(head.as_bytes()).await.is_err() {
            return;
        }
        let block = vec![b'x'; 64 * 1024];
        let framed = if chunked {
            let mut f = format!("{:x}\r\n", block.len()).into_bytes();
            f.extend_from_slice(&block);
            f.extend_from_slice(b"\r\n");
            f
        } else {
            block.clone()
        };
        // Stop by itself after 1 GiB so a client that never stops reading
        // fails the test instead of filling the machine.
        for _ in 0..16 * 1024 {
            if sock.write_all(&framed).await.is_err() {
                return;
            }
            written.fetch_add(block.len() as u64, Ordering::Relaxed);
        }
    })
}

fn ok_json(body: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
}

const ME: &str = r#"{"type":"admin","id":"991267","email":"ops@example.com","name":"Ops"}"#;

// ------------------------------------------------------------ rate headers

#[tokio::test(start_paused = true)]
async fn a_reset_past_what_system_time_holds_does_not_panic() {
    for reset in [
        "9223372036854775808",  // 2^63
        "18446744073709551615", // 2^64 - 1
        "9223372036854775807",  // 2^63 - 1: representable, absurdly far
    ] {
        let server = Hostile::start(move |_, _, sock| {
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-ratelimit-limit: 100\r\nx-ratelimit-remaining: 99\r\nx-ratelimit-reset: {reset}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{ME}",
                ME.len()
            );
            send(sock, head)
        })
        .await;
        let client = server.client(RetryPolicy::none());
        let me = client.admins().me().await.expect("decodes");
        assert_eq!(
            me.email.as_deref(),
            Some("ops@example.com"),
            "reset {reset}"
        );
    }
}

#[tokio::test(start_paused = true)]
async fn a_429_with_an_overflowing_reset_is_still_a_typed_error() {
    let server = Hostile::start(|_, _, sock| {
        let body = r#"{"type":"error.list","request_id":"req-429","errors":[{"code":"rate_limit_exceeded"}]}"#;
        send(
            sock,
            format!(
                "HTTP/1.1 429 Too Many Requests\r\nx-ratelimit-limit: 10\r\nx-ratelimit-remaining: 0\r\nx-ratelimit-reset: 18446744073709551615\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            ),
        )
    })
    .await;
    let err = server
        .client(RetryPolicy::default().max_retries(1))
        .admins()
        .me()
        .await
        .expect_err("429");
    assert!(
        matches!(err, Error::RateLimited { attempts: 2, .. }),
        "{err:?}"
    );
    assert_eq!(err.request_id(), Some("req-429"));
}

// ------------------------------------------------------------ body size

/// A call transcript read as text: an endless chunked body stops at the
/// caller's limit, and a body cut before its declared length is a
/// truncation, never a short transcript.
#[tokio::test(start_paused = true)]
async fn a_transcript_is_bounded_and_never_cut_silently() {
    let written = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&written);
    let server = Hostile::start(move |index, _, sock| {
        if index == 0 {
            let head = "HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked\r\n\r\n";
            endless(sock, head.to_owned(), true, Arc::clone(&counter))
        } else {
            let mut reply = b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 500\r\nconnection: close\r\n\r\n".to_vec();
            reply.extend_from_slice(&[b'a'; 120]);
            send(sock, reply)
        }
    })
    .await;
    let client = server.client(RetryPolicy::none());

    let dl = client.calls().transcript("1").await.expect("headers");
    assert_eq!(dl.content_length(), None);
    match dl.text(100 * 1024).await.unwrap_err() {
        Error::ResponseTooLarge {
            limit,
            content_length,
            ..
        } => assert_eq!((limit, content_length), (100 * 1024, None)),
        other => panic!("expected ResponseTooLarge, got {other:?}"),
    }
    // The server stopped at the hang-up, far short of its 1 GiB.
    assert!(written.load(Ordering::Relaxed) < 64 * 1024 * 1024);

    let dl = client.calls().transcript("1").await.expect("headers");
    match dl.text(1 << 20).await.unwrap_err() {
        Error::DownloadTruncated { received, expected } => {
            assert_eq!((received, expected), (120, Some(500)));
        }
        other => panic!("expected DownloadTruncated, got {other:?}"),
    }
    let seen = server.requests();
    assert_eq!(seen.len(), 2);
    assert!(
        seen.iter()
            .all(|r| r.method == "GET" && r.target == "/calls/1/transcript")
    );
}

#[tokio::test(start_paused = true)]
async fn a_declared_2_gib_body_is_refused_before_reading() {
    let server = Hostile::start(|_, _, sock| {
        // Declares 2 GiB, sends nothing: a client that starts reading waits
        // for the timeout instead of failing at once.
        send_then_stall(
            sock,
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2147483648\r\n\r\n",
        )
    })
    .await;
    let err = server
        .client(RetryPolicy::none())
        .admins()
        .me()
        .await
        .expect_err("too large");
    match err {
        Error::ResponseTooLarge {
            status,
            limit,
            content_length,
            ..
        } => {
            assert_eq!(status.as_u16(), 200);
            assert_eq!(limit, 32 * 1024 * 1024);
            assert_eq!(content_length, Some(2_147_483_648));
        }
        other => panic!("expected ResponseTooLarge, got {other:?}"),
    }
}

#[tokio::test(start_paused = true)]
async fn an_endless_chunked_body_stops_at_the_configured_limit() {
    let written = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&written);
    let server = Hostile::start(move |_, _, sock| {
        endless(
            sock,
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n".into(),
            true,
            Arc::clone(&counter),
        )
    })
    .await;
    let client = Client::builder()
        .token(TOKEN)
        .base_url(&server.base)
        .retry(RetryPolicy::none())
        .max_response_bytes(1024 * 1024)
        .build()
        .unwrap();
    let err = client.admins().me().await.expect_err("too large");
    assert!(
        matches!(
            err,
            Error::ResponseTooLarge {
                limit: 1_048_576,
                content_length: None,
                ..
            }
        ),
        "{err:?}"
    );
    // The client hung up: what the server managed to write is the limit
    // plus socket buffers, far from the 1 GiB it would have sent.
    tokio::task::yield_now().await;
    assert!(written.load(Ordering::Relaxed) < 64 * 1024 * 1024);
}

#[tokio::test(start_paused = true)]
async fn a_100_mib_error_page_is_read_only_as_far_as_needed_on_every_retry() {
    let written = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&written);
    let server = Hostile::start(move |_, _, sock| {
        endless(
            sock,
            "HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/html\r\ncontent-length: 104857600\r\nx-request-id: req-503\r\nconnection: close\r\n\r\n<html>".into(),
            false,
            Arc::clone(&counter),
        )
    })
    .await;
    let err = server
        .client(RetryPolicy::default())
        .admins()
        .me()
        .await
        .expect_err("503");
    let api = err.as_api().expect("an API error");
    assert_eq!(api.status.as_u16(), 503);
    assert_eq!(api.request_id.as_deref(), Some("req-503"));
    assert!(
        api.body_snippet.starts_with("<html>xxx"),
        "{}",
        api.body_snippet
    );
    assert_eq!(api.body_snippet.len(), 512);
    // A GET: retried three times, four reads in all, none of them whole.
    assert_eq!(server.requests().len(), 4);
    tokio::task::yield_now().await;
    assert!(written.load(Ordering::Relaxed) < 100 * 1024 * 1024);
}

#[tokio::test(start_paused = true)]
async fn a_body_shorter_than_declared_is_a_transport_error_with_its_cause() {
    let server = Hostile::start(|_, _, sock| {
        send(
            sock,
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\nconnection: close\r\n\r\n{\"type\":\"adm",
        )
    })
    .await;
    let err = server
        .client(RetryPolicy::none())
        .admins()
        .me()
        .await
        .expect_err("truncated");
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    // The message says why, not only "error decoding response body".
    let text = err.to_string();
    assert!(text.matches(": ").count() >= 2, "{text}");
}

#[tokio::test(start_paused = true)]
async fn a_body_that_trickles_forever_is_cut_by_the_timeout() {
    let server = Hostile::start(|_, _, mut sock| {
        Box::pin(async move {
            let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{";
            if sock.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            loop {
                tokio::time::sleep(Duration::from_secs(1)).await;
                if sock.write_all(b" ").await.is_err() {
                    return;
                }
            }
        })
    })
    .await;
    let started = tokio::time::Instant::now();
    let err = server
        .client(RetryPolicy::none())
        .admins()
        .me()
        .timeout(Duration::from_secs(5))
        .await
        .expect_err("timeout");
    assert!(matches!(err, Error::Timeout { attempts: 1, .. }), "{err:?}");
    let took = started.elapsed();
    assert!(
        took >= Duration::from_secs(5) && took < Duration::from_secs(7),
        "{took:?}"
    );
}

// ------------------------------------------------------------ redirects

#[tokio::test(start_paused = true)]
async fn a_307_on_a_post_is_not_followed_and_names_the_location() {
    let elsewhere = Hostile::start(|_, _, sock| send(sock, ok_json("{}"))).await;
    let target = format!("{}/steal", elsewhere.base);
    let server = Hostile::start(move |_, _, sock| {
        send(
            sock,
            format!(
                "HTTP/1.1 307 Temporary Redirect\r\nlocation: {target}\r\nx-request-id: req-307\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
            ),
        )
    })
    .await;
    let err = server
        .client(RetryPolicy::default())
        .contacts()
        .create(CreateContact::with_email("ada@example.com"))
        .await
        .expect_err("redirect");
    match &err {
        Error::Redirect {
            status,
            location,
            request_id,
            ..
        } => {
            assert_eq!(status.as_u16(), 307);
            assert_eq!(
                location.as_deref(),
                Some(format!("{}/steal", elsewhere.base).as_str())
            );
            assert_eq!(request_id.as_deref(), Some("req-307"));
        }
        other => panic!("expected Redirect, got {other:?}"),
    }
    assert_eq!(err.status().map(|s| s.as_u16()), Some(307));
    let sent = server.requests();
    assert_eq!(sent.len(), 1, "not retried");
    assert_eq!(sent[0].method, "POST");
    assert!(elsewhere.requests().is_empty(), "the body went elsewhere");
}

#[tokio::test(start_paused = true)]
async fn an_answer_a_supplied_client_fetched_elsewhere_is_refused() {
    let elsewhere = Hostile::start(|_, _, sock| send(sock, ok_json(ME))).await;
    let target = format!("{}/admins/me", elsewhere.base);
    let server = Hostile::start(move |_, _, sock| {
        send(
            sock,
            format!(
                "HTTP/1.1 302 Found\r\nlocation: {target}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
            ),
        )
    })
    .await;
    // reqwest's default client follows redirects.
    let client = Client::builder()
        .token(TOKEN)
        .base_url(&server.base)
        .http_client(reqwest::Client::new())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.admins().me().await.expect_err("refused");
    assert!(
        matches!(&err, Error::Redirect { location: Some(l), .. } if l.starts_with(&elsewhere.base)),
        "{err:?}"
    );
}

// ------------------------------------------------------------ malformed

#[tokio::test(start_paused = true)]
async fn malformed_answers_are_typed_errors() {
    let answers: Vec<(&str, String)> = vec![
        ("garbage status line", "HTTP/1.1 abc\r\n\r\n".into()),
        ("not HTTP at all", "\u{0}\u{1}\u{2}hello\r\n\r\n".into()),
        (
            "a header without a colon",
            "HTTP/1.1 200 OK\r\nthis is not a header\r\ncontent-length: 2\r\n\r\n{}".into(),
        ),
        (
            "two conflicting content-lengths",
            "HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 5\r\n\r\n{}".into(),
        ),
        ("truncated JSON", ok_json(r#"{"type":"admin","id":"#)),
        ("JSON of the wrong shape", ok_json(r#"[1,2,3]"#)),
    ];
    for (what, answer) in answers {
        let server = Hostile::start(move |_, _, sock| send(sock, answer.clone())).await;
        let err = server
            .client(RetryPolicy::none())
            .admins()
            .me()
            .await
            .expect_err(what);
        assert!(
            matches!(err, Error::Transport(_) | Error::Decode(_)),
            "{what}: {err:?}"
        );
        if let Error::Decode(d) = &err {
            assert_eq!(d.status.as_u16(), 200, "{what}");
        }
    }
}

#[tokio::test(start_paused = true)]
async fn nonsense_rate_limit_headers_are_ignored() {
    let server = Hostile::start(|_, _, sock| {
        send(
            sock,
            format!(
                "HTTP/1.1 200 OK\r\nx-ratelimit-limit: -1\r\nx-ratelimit-remaining: 1e9\r\nx-ratelimit-reset: soon\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{ME}",
                ME.len()
            ),
        )
    })
    .await;
    let client = server.client(RetryPolicy::none());
    client.admins().me().await.expect("decodes");
    assert_eq!(client.rate_limit(), None);
}

// ------------------------------------------------------------ 429 details

#[tokio::test(start_paused = true)]
async fn a_429_after_the_retries_keeps_request_id_errors_and_snippet() {
    let server = Hostile::start(|_, _, sock| {
        let body = r#"{"type":"error.list","request_id":"req-throttled","errors":[{"code":"rate_limit_exceeded","message":"Exceeded rate limit of 10 in 10 seconds"},{"code":"brand_new_code","message":"second"}]}"#;
        send(
            sock,
            format!(
                "HTTP/1.1 429 Too Many Requests\r\ncontent-type: application/json\r\nretry-after: 1\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            ),
        )
    })
    .await;
    let err = server
        .client(RetryPolicy::default().max_retries(2))
        .admins()
        .me()
        .await
        .expect_err("429");
    let Error::RateLimited {
        attempts, response, ..
    } = &err
    else {
        panic!("expected RateLimited, got {err:?}");
    };
    assert_eq!(*attempts, 3);
    let api = response.as_deref().expect("the last 429 answer");
    assert_eq!(api.status.as_u16(), 429);
    assert_eq!(api.request_id.as_deref(), Some("req-throttled"));
    assert_eq!(api.errors.len(), 2);
    assert_eq!(api.errors[0].code, ErrorCode::RateLimitExceeded);
    assert_eq!(
        api.errors[1].code,
        ErrorCode::Unknown("brand_new_code".into())
    );
    assert!(api.body_snippet.contains("Exceeded rate limit"));
    assert_eq!(err.request_id(), Some("req-throttled"));
    assert_eq!(err.code(), Some(&ErrorCode::RateLimitExceeded));
    assert!(
        err.to_string().contains("request_id=req-throttled"),
        "{err}"
    );
    assert_eq!(server.requests().len(), 3);
}

// ------------------------------------------------------------ transport

#[tokio::test(start_paused = true)]
async fn a_refused_connection_says_why() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let client = Client::builder()
        .token(TOKEN)
        .base_url(format!("http://{addr}"))
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.admins().me().await.expect_err("refused");
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    let text = err.to_string().to_lowercase();
    assert!(text.contains("refused"), "{text}");
    assert!(!text.contains(TOKEN));
}

// ------------------------------------------------------------ cursors

#[tokio::test(start_paused = true)]
async fn cursors_cycling_a_b_a_b_end_the_stream() {
    let server = Hostile::start(|_, req, sock| {
        let next = if req.target.contains("starting_after=A") {
            "B"
        } else {
            "A"
        };
        send(
            sock,
            ok_json(&format!(
                r#"{{"type":"list","data":[{{"type":"contact","id":"c-{next}"}}],"pages":{{"type":"pages","next":{{"starting_after":"{next}"}}}}}}"#
            )),
        )
    })
    .await;
    let client = server.client(RetryPolicy::none());
    let pages: Vec<_> = tokio::time::timeout(
        Duration::from_secs(60),
        client.contacts().list().pages().try_collect::<Vec<_>>(),
    )
    .await
    .expect("the stream ended")
    .expect("pages");
    assert_eq!(pages.len(), 3);
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets.len(), 3, "{targets:?}");
    assert!(targets[1].contains("starting_after=A") && targets[2].contains("starting_after=B"));
}

#[tokio::test(start_paused = true)]
async fn the_raw_server_sees_the_body_as_written() {
    let server =
        Hostile::start(|_, _, sock| send(sock, ok_json(r#"{"type":"contact","id":"c1"}"#))).await;
    server
        .client(RetryPolicy::none())
        .contacts()
        .create(CreateContact::with_email("ada@example.com").name("Ada"))
        .await
        .expect("created");
    let sent = server.requests();
    assert_eq!(sent[0].method, "POST");
    let body: serde_json::Value = serde_json::from_slice(&sent[0].body).unwrap();
    assert_eq!(body["email"], "ada@example.com");
    assert_eq!(body["name"], "Ada");
}
