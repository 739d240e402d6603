//! [`Client`] and [`ClientBuilder`]: token, region or base URL, API version,
//! timeouts, retry policy and rate-limit pacing.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderValue;
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use url::Url;

use crate::error::Error;
pub use crate::transport::ApiVersion;
use crate::transport::origin::is_loopback;
use crate::transport::{
    Clock, DEFAULT_MAX_RESPONSE_BYTES, RateLimit, RateLimiter, Request, RetryPolicy, SystemClock,
    Transport, decode,
};

/// Where a workspace's data is hosted; each region has its own API host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Region {
    /// `https://api.intercom.io`
    #[default]
    Us,
    /// `https://api.eu.intercom.io`
    Eu,
    /// `https://api.au.intercom.io`
    Au,
}

impl Region {
    /// The API base URL of the region.
    pub fn base_url(self) -> &'static str {
        match self {
            Region::Us => "https://api.intercom.io",
            Region::Eu => "https://api.eu.intercom.io",
            Region::Au => "https://api.au.intercom.io",
        }
    }
}

impl std::str::FromStr for Region {
    type Err = Error;
    /// `us`, `eu` or `au`, in any case.
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "us" | "" => Ok(Region::Us),
            "eu" => Ok(Region::Eu),
            "au" => Ok(Region::Au),
            other => Err(Error::Config(format!(
                "unknown region `{other}` (expected us, eu or au)"
            ))),
        }
    }
}

/// An Intercom API client. Cheap to clone: clones share the connection pool
/// and the rate-limit state.
///
/// ```no_run
/// # async fn run() -> Result<(), intercom_api::Error> {
/// let client = intercom_api::Client::new(std::env::var("INTERCOM_ACCESS_TOKEN").unwrap_or_default())?;
/// let me = client.admins().me().await?;
/// println!("connected to {:?} as {:?}", me.app.as_ref().and_then(|a| a.name.clone()), me.email);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) transport: Arc<Transport>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.transport.base_url.as_str())
            .field("version", &self.transport.version.as_str())
            .field("token", &"[redacted]")
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for the US region with default settings.
    ///
    /// # Errors
    /// [`Error::Config`] when the token is empty or the HTTP client cannot be
    /// built (for example, no TLS backend).
    pub fn new(token: impl Into<SecretString>) -> Result<Self, Error> {
        Client::builder().token(token).build()
    }

    /// Start configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The rate-limit headers of the latest response, from any task using
    /// this client or its clones.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        self.transport.rate.snapshot()
    }

    /// How often and how long the pacer has made calls wait so far.
    pub(crate) fn pacing_stats(&self) -> crate::transport::rate::RateStats {
        self.transport.rate.stats()
    }

    /// Now, on the clock this client paces and times with.
    pub(crate) fn now(&self) -> std::time::SystemTime {
        self.transport.clock.now()
    }

    /// Wait `duration` on the clock this client paces and times with (a
    /// test clock makes it virtual).
    pub(crate) fn sleep(&self, duration: Duration) -> crate::transport::Sleep {
        self.transport.clock.sleep(duration)
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &Url {
        &self.transport.base_url
    }

    /// The `Intercom-Version` this client sends.
    pub fn version(&self) -> &ApiVersion {
        &self.transport.version
    }

    /// Run a request value.
    ///
    /// # Errors
    /// Any [`Error`]: API errors, rate limits past the retry policy, timeouts,
    /// transport and decode failures.
    pub async fn execute<T: DeserializeOwned>(&self, request: Request<T>) -> Result<T, Error> {
        let resp = self.transport.send(&request.raw).await?;
        decode(&resp)
    }
}

/// Configures a [`Client`].
///
/// ```no_run
/// use std::time::Duration;
/// use intercom_api::{Client, Region, RetryPolicy};
///
/// # fn run() -> Result<(), intercom_api::Error> {
/// let client = Client::builder()
///     .token(std::env::var("INTERCOM_ACCESS_TOKEN").unwrap_or_default())
///     .region(Region::Eu)
///     .timeout(Duration::from_secs(10))
///     .retry(RetryPolicy::default().max_retries(5))
///     .user_agent_suffix("my-sync/1.2")
///     .build()?;
/// # Ok(()) }
/// ```
#[derive(Default)]
pub struct ClientBuilder {
    token: Option<SecretString>,
    region: Region,
    base_url: Option<String>,
    version: Option<ApiVersion>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
    user_agent_suffix: Option<String>,
    http: Option<reqwest::Client>,
    pacing: Option<bool>,
    clock: Option<Arc<dyn Clock>>,
    max_response_bytes: Option<u64>,
    shared_quota: Option<crate::quota::SharedQuota>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("token", &self.token.as_ref().map(|_| "[redacted]"))
            .field("region", &self.region)
            .field("base_url", &self.base_url.as_deref().map(redacted))
            .field("version", &self.version)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("user_agent_suffix", &self.user_agent_suffix)
            .field("pacing", &self.pacing)
            .field("max_response_bytes", &self.max_response_bytes)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// The access token (or OAuth token). Required.
    pub fn token(mut self, token: impl Into<SecretString>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// The region whose API host to use (default [`Region::Us`]).
    pub fn region(mut self, region: Region) -> Self {
        self.region = region;
        self
    }

    /// Send requests to this base URL instead of the region's, e.g. a proxy or
    /// a fake server. Must be `https://`, or `http://` on a loopback host,
    /// without a user or password (the token is the only credential; a URL
    /// password would show wherever the URL does).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// The `Intercom-Version` to send (default [`ApiVersion::DEFAULT`]).
    pub fn version(mut self, version: ApiVersion) -> Self {
        self.version = Some(version);
        self
    }

    /// Timeout for each attempt of a request (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Timeout for establishing a connection (default 10 s). Ignored when
    /// [`http_client`](Self::http_client) supplies the client.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// How failed requests are retried (default [`RetryPolicy::default`]).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Appended to the `User-Agent` header after a space, e.g. `my-app/1.0`.
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// Use this `reqwest::Client` (its pool, proxy, TLS settings).
    ///
    /// The client this builder makes follows no redirects; build yours with
    /// `redirect(reqwest::redirect::Policy::none())` too. Whatever its policy,
    /// an answer that comes from another scheme, host or port than the base
    /// URL is refused as [`Error::Redirect`].
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Wait for the rate-limit window to reset when `X-RateLimit-Remaining`
    /// reached 0, instead of sending into a 429 (default on).
    pub fn pacing(mut self, on: bool) -> Self {
        self.pacing = Some(on);
        self
    }

    /// Take each request's rate-limit permit from a budget shared with other
    /// processes of the same app (see [`quota`](crate::quota)), instead of
    /// pacing this process alone. Off by default.
    pub fn shared_quota(mut self, quota: crate::quota::SharedQuota) -> Self {
        self.shared_quota = Some(quota);
        self
    }

    /// The clock used for rate-limit waits and backoff sleeps (default
    /// [`SystemClock`]). Tests use [`TokioClock`](crate::TokioClock) with
    /// `tokio::time::pause()`.
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Some(Arc::new(clock));
        self
    }

    /// The largest response body the client reads (default 32 MiB; at least
    /// 1 KiB). A larger answer ends the call with
    /// [`Error::ResponseTooLarge`]: refused from `Content-Length` before its
    /// body is read, or as soon as an undeclared body passes the limit.
    /// Error answers are read only as far as their first 64 KiB.
    pub fn max_response_bytes(mut self, limit: u64) -> Self {
        self.max_response_bytes = Some(limit.max(1024));
        self
    }

    /// Build the client.
    ///
    /// # Errors
    /// [`Error::Config`] when the token is missing or empty, the base URL is
    /// not https (or http on loopback) or carries a user or password, the
    /// user-agent suffix is not a valid header value, or the HTTP client
    /// cannot be built.
    pub fn build(self) -> Result<Client, Error> {
        let token = self
            .token
            .ok_or_else(|| Error::Config("an access token is required".into()))?;
        if token.expose_secret().trim().is_empty() {
            return Err(Error::Config("the access token is empty".into()));
        }
        let mut auth_header = HeaderValue::from_str(&format!("Bearer {}", token.expose_secret()))
            .map_err(|_| {
            Error::Config("the access token contains characters not allowed in a header".into())
        })?;
        auth_header.set_sensitive(true);

        let base = self
            .base_url
            .unwrap_or_else(|| self.region.base_url().to_owned());
        let base_url = check_base_url(&base)?;

        let mut ua = format!("intercom-api-rust/{}", env!("CARGO_PKG_VERSION"));
        if let Some(suffix) = self.user_agent_suffix.filter(|s| !s.trim().is_empty()) {
            ua.push(' ');
            ua.push_str(suffix.trim());
        }
        let user_agent = HeaderValue::from_str(&ua).map_err(|_| {
            Error::Config("the user-agent suffix is not a valid header value".into())
        })?;

        let http = match self.http {
            Some(c) => c,
            None => reqwest::Client::builder()
                .connect_timeout(self.connect_timeout.unwrap_or(Duration::from_secs(10)))
                // Intercom's API never redirects; a redirect would carry the
                // body (and, on the same host, the token) elsewhere.
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .map_err(|e| Error::Config(format!("cannot build the HTTP client: {e}")))?,
        };

        let version = self.version.unwrap_or(ApiVersion::DEFAULT);
        let version_header = HeaderValue::from_str(version.as_str())
            .map_err(|_| Error::Config("invalid Intercom-Version".into()))?;
        Ok(Client {
            transport: Arc::new(Transport {
                http,
                base_url,
                auth_header,
                version,
                version_header,
                user_agent,
                timeout: self.timeout.unwrap_or(Duration::from_secs(30)),
                retry: self.retry.unwrap_or_default(),
                rate: RateLimiter::new(self.pacing.unwrap_or(true)).with_shared(self.shared_quota),
                clock: self.clock.unwrap_or_else(|| Arc::new(SystemClock)),
                max_response_bytes: self
                    .max_response_bytes
                    .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
            }),
        })
    }
}

/// Parse a base URL; refuse plain http except on loopback, so a token is
/// never sent in clear text over a network, and a user or password, which
/// would leak wherever the URL is shown. Errors never quote the password.
fn check_base_url(raw: &str) -> Result<Url, Error> {
    let url = Url::parse(raw)
        .map_err(|e| Error::Config(format!("invalid base URL `{}`: {e}", redacted(raw))))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::Config(format!(
            "refusing base URL `{}` with a user or password: the access token is the only credential",
            redacted(raw)
        )));
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(Error::Config(format!(
                "refusing plain-http base URL `{}`: use https (http is allowed only on loopback)",
                redacted(raw)
            )));
        }
        other => {
            return Err(Error::Config(format!(
                "unsupported URL scheme `{other}` in base URL"
            )));
        }
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::Config(
            "the base URL must not have a query or fragment".into(),
        ));
    }
    Ok(url)
}

/// `raw` with anything between `://` and the last `@` of the authority
/// replaced by `***`, so a `user:password@` part never shows.
fn redacted(raw: &str) -> String {
    let Some(scheme_end) = raw.find("://").map(|i| i + 3) else {
        return raw.to_owned();
    };
    let rest = &raw[scheme_end..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{}***{}", &raw[..scheme_end], &rest[at..]),
        None => raw.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_map_to_hosts() {
        assert_eq!(Region::Us.base_url(), "https://api.intercom.io");
        assert_eq!(Region::Eu.base_url(), "https://api.eu.intercom.io");
        assert_eq!(Region::Au.base_url(), "https://api.au.intercom.io");
        assert_eq!("EU".parse::<Region>().ok(), Some(Region::Eu));
        assert!("mars".parse::<Region>().is_err());
    }

    #[test]
    fn plain_http_only_on_loopback() {
        assert!(check_base_url("http://127.0.0.1:8080").is_ok());
        assert!(check_base_url("http://localhost:1").is_ok());
        assert!(check_base_url("http://[::1]:1").is_ok());
        assert!(check_base_url("https://proxy.example.com/intercom").is_ok());
        let err = check_base_url("http://proxy.example.com").expect_err("refused");
        assert!(err.to_string().contains("refusing plain-http"), "{err}");
        assert!(check_base_url("ftp://x").is_err());
    }

    #[test]
    fn a_base_url_with_credentials_is_refused_and_never_printed() {
        for raw in [
            "https://user:hunter2pw@proxy.example.com/intercom",
            "https://:hunter2pw@proxy.example.com",
            "https://user@proxy.example.com",
            "http://user:hunter2pw@127.0.0.1:1",
        ] {
            let err = check_base_url(raw).expect_err("refused");
            assert!(matches!(err, Error::Config(_)), "{err:?}");
            assert!(!err.to_string().contains("hunter2pw"), "{err}");
            let builder = Client::builder().token("t").base_url(raw);
            assert!(!format!("{builder:?}").contains("hunter2pw"));
            let err = builder.build().expect_err("refused");
            assert!(!format!("{err} {err:?}").contains("hunter2pw"), "{err:?}");
        }
        // Not even an unparsable URL is quoted with its password.
        let err = check_base_url("https://u:hunter2pw@exa mple.com").expect_err("bad");
        assert!(!err.to_string().contains("hunter2pw"), "{err}");
        assert_eq!(redacted("https://a:b@h/p@q"), "https://***@h/p@q");
        assert_eq!(redacted("https://h/p"), "https://h/p");
    }

    #[test]
    fn versions_are_checked() {
        assert_eq!(ApiVersion::DEFAULT.as_str(), "2.16");
        assert!(ApiVersion::new("2.11").is_ok());
        assert!(ApiVersion::new("Unstable").is_ok());
        assert!(ApiVersion::new("2.x").is_err());
        assert!(ApiVersion::new("latest").is_err());
    }

    #[test]
    fn empty_token_is_refused() {
        let err = Client::new("  ").expect_err("refused");
        assert!(matches!(err, Error::Config(_)));
    }

    #[test]
    fn debug_never_shows_the_token() {
        let token = "dG9rOjE6c2VjcmV0LXRva2VuLXZhbHVl";
        let builder = Client::builder().token(token).user_agent_suffix("x/1");
        assert!(!format!("{builder:?}").contains(token));
        let client = builder.build().expect("client");
        let dbg = format!("{client:?} {:?}", client.transport);
        assert!(!dbg.contains(token), "{dbg}");
        assert!(!dbg.contains("c2VjcmV0"), "{dbg}");
    }
}
