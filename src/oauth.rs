//! OAuth for public apps: send the user to Intercom, check the callback,
//! trade the code for an access token, and build a [`Client`] with it.
//!
//! 1. Generate a [`State`], keep it in the user's session, and redirect the
//!    browser to [`OAuthConfig::authorize_url`]
//!    (`https://app.intercom.com/oauth?client_id=…&state=…&redirect_uri=…`).
//!    Permissions are not part of the URL: they are chosen per app in the
//!    Developer Hub.
//! 2. Intercom redirects back to your redirect URL with `code` and `state`
//!    (or with `error=access_denied` etc.). [`parse_callback`] checks the
//!    state in constant time and returns the [`AuthorizationCode`].
//! 3. [`OAuthConfig::exchange_code`] posts the code with your client id and
//!    secret to `https://api.intercom.io/auth/eagle/token` (form-encoded)
//!    within about five minutes, and returns an [`AccessToken`].
//! 4. [`Client::from_oauth_token`] builds a client for the workspace.
//!
//! **Intercom access tokens do not expire and there is no refresh token.** A
//! token stays valid until the workspace uninstalls your app (or you revoke
//! it); a `401` on a later call means the user must go through the flow again.
//! Store it like a password.
//!
//! ```no_run
//! use intercom_api::{Client, oauth::{OAuthConfig, State, parse_callback}};
//!
//! # async fn run(callback_url_from_request: &str) -> Result<(), Box<dyn std::error::Error>> {
//! let config = OAuthConfig::new(
//!     std::env::var("INTERCOM_CLIENT_ID")?,
//!     std::env::var("INTERCOM_CLIENT_SECRET")?,
//!     "https://example.com/intercom/callback",
//! )?;
//!
//! // 1. Start: keep `state` in the session, redirect to the URL.
//! let state = State::generate()?;
//! let redirect_to = config.authorize_url(state.as_str());
//!
//! // 2. + 3. On the callback request:
//! let code = parse_callback(callback_url_from_request, &state)?;
//! let token = config.exchange_code(&code).await?;
//!
//! // 4. Use it.
//! let client = Client::from_oauth_token(&token)?;
//! let me = client.admins().me().await?;
//! # Ok(()) }
//! ```
//!
//! ## Errors
//!
//! Everything here returns [`OAuthError`], whose messages name the likely
//! cause and the fix (`invalid_client`: wrong client id or secret;
//! `redirect_uri_mismatch`: the redirect URL is not registered exactly;
//! `access_denied`: the user clicked Cancel; an unusable code: expired, used
//! or mistyped). It converts into the crate's [`Error`]. The client secret,
//! the code and the token never appear in `Debug` output or error messages.
//!
//! The token exchange is a plain `reqwest` POST, not a call through the
//! [`Client`] transport: it has no bearer token yet, must not carry
//! `Intercom-Version` or be retried (a code is single-use), and goes to the
//! token endpoint only.

use std::fmt;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{ACCEPT, HeaderValue, USER_AGENT};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use url::Url;

use crate::client::{Client, Region};
use crate::error::Error;
use crate::models::string_enum;
use crate::transport::origin::is_loopback;

/// Where users authorize an app.
pub const AUTHORIZE_URL: &str = "https://app.intercom.com/oauth";

/// The token endpoint's path, under the API host.
pub const TOKEN_PATH: &str = "/auth/eagle/token";

/// The default API host of the token endpoint.
pub const DEFAULT_TOKEN_BASE: &str = "https://api.intercom.io";

string_enum! {
    /// An OAuth error code, from the callback's `error` parameter or the
    /// token endpoint's answer.
    pub enum OAuthErrorCode {
        /// The user refused (clicked Cancel on the consent screen).
        AccessDenied = "access_denied",
        /// Wrong client id or client secret.
        InvalidClient = "invalid_client",
        /// The redirect URI is not one of the app's registered redirect URLs.
        RedirectUriMismatch = "redirect_uri_mismatch",
        /// The authorization code is wrong, expired or already used.
        InvalidGrant = "invalid_grant",
        /// A required parameter is missing or malformed.
        InvalidRequest = "invalid_request",
        /// The app may not use this flow.
        UnauthorizedClient = "unauthorized_client",
        /// The grant type is not supported.
        UnsupportedGrantType = "unsupported_grant_type",
        /// The requested scope is not allowed.
        InvalidScope = "invalid_scope",
        /// Intercom failed.
        ServerError = "server_error",
        /// Intercom is temporarily unavailable.
        TemporarilyUnavailable = "temporarily_unavailable",
    }
}

impl OAuthErrorCode {
    /// What most likely went wrong, and what to do about it.
    pub fn likely_cause(&self) -> &'static str {
        match self {
            OAuthErrorCode::AccessDenied => {
                "the user clicked Cancel or denied access on Intercom's consent screen; \
                 start the flow again and choose Authorize access"
            }
            OAuthErrorCode::InvalidClient => {
                "the client ID or client secret is wrong or belongs to another app; copy both \
                 from Developer Hub > your app > Basic information"
            }
            OAuthErrorCode::RedirectUriMismatch => {
                "the redirect_uri is not one of the app's redirect URLs (Developer Hub > \
                 Authentication); it must match exactly, including scheme, path and trailing slash"
            }
            OAuthErrorCode::InvalidGrant => {
                "the authorization code is wrong, already used, or expired (codes last about \
                 five minutes); restart the flow and exchange the new code at once"
            }
            OAuthErrorCode::InvalidRequest => {
                "a required parameter (code, client_id, client_secret) is missing or malformed"
            }
            OAuthErrorCode::UnauthorizedClient => {
                "the app is not set up for OAuth; tick Use OAuth in Developer Hub > Authentication"
            }
            OAuthErrorCode::UnsupportedGrantType | OAuthErrorCode::InvalidScope => {
                "the request asked for something Intercom's OAuth does not offer; \
                 permissions are chosen in the Developer Hub, not in the request"
            }
            OAuthErrorCode::ServerError | OAuthErrorCode::TemporarilyUnavailable => {
                "Intercom could not complete the request; try the flow again later"
            }
            OAuthErrorCode::Unknown(_) => "see the error description",
        }
    }
}

/// Everything that can go wrong in the OAuth flow.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OAuthError {
    /// The configuration cannot work (empty client id or secret, a redirect
    /// URI that is not https, a bad base URL).
    #[error("invalid OAuth configuration for `{field}`: {reason}")]
    Config {
        /// The setting at fault.
        field: &'static str,
        /// Why.
        reason: String,
    },
    /// Intercom redirected back with `error=…` instead of a code.
    #[error("{}", describe(code, description.as_deref(), "Intercom redirected back with"))]
    Authorization {
        /// The `error` parameter.
        code: OAuthErrorCode,
        /// The `error_description` parameter, if any.
        description: Option<String>,
    },
    /// The callback has no `code`.
    #[error("the OAuth callback has no `code` parameter")]
    MissingCode,
    /// The callback has no `state`.
    #[error("the OAuth callback has no `state` parameter; refuse it and restart the flow")]
    MissingState,
    /// The callback's `state` is not the one this flow started with: a forged
    /// request (CSRF), or a callback from another tab or an older attempt.
    #[error(
        "the OAuth callback's `state` does not match this flow's (forged request, or a callback \
         from another tab or attempt); refuse it and restart the flow"
    )]
    StateMismatch,
    /// The callback query is malformed (for example, `code` given twice).
    #[error("malformed OAuth callback: {0}")]
    MalformedCallback(String),
    /// The token endpoint refused the exchange.
    #[error("{}{}", describe(code, message.as_deref(), &format!("token exchange refused ({status}):")), request_id.as_ref().map(|r| format!(" (request_id={r})")).unwrap_or_default())]
    TokenRejected {
        /// HTTP status.
        status: StatusCode,
        /// The error code, from `error`, `errors[].code`, or inferred from the
        /// message.
        code: OAuthErrorCode,
        /// Intercom's message (`error_description` or `errors[].message`).
        message: Option<String>,
        /// Intercom's request id, if given.
        request_id: Option<String>,
    },
    /// The token endpoint answered something that is not a token.
    #[error("unexpected answer from the token endpoint ({status}): {reason}")]
    InvalidResponse {
        /// HTTP status.
        status: StatusCode,
        /// What is wrong with it.
        reason: String,
    },
    /// The request failed below HTTP (DNS, connect, TLS, timeout).
    #[error("OAuth token request failed: {0}")]
    Transport(#[source] reqwest::Error),
    /// The operating system's random number generator failed.
    #[error("could not generate an OAuth state: {0}")]
    Randomness(String),
}

fn describe(code: &OAuthErrorCode, detail: Option<&str>, lead: &str) -> String {
    let mut s = format!("{lead} `{code}`");
    if let Some(d) = detail.filter(|d| !d.trim().is_empty()) {
        s.push_str(&format!(" ({})", d.trim()));
    }
    s.push_str(": likely cause: ");
    s.push_str(code.likely_cause());
    s
}

impl OAuthError {
    /// The OAuth error code, for callback and token-endpoint errors.
    pub fn code(&self) -> Option<&OAuthErrorCode> {
        match self {
            OAuthError::Authorization { code, .. } | OAuthError::TokenRejected { code, .. } => {
                Some(code)
            }
            _ => None,
        }
    }

    /// The likely cause, for callback and token-endpoint errors.
    pub fn likely_cause(&self) -> Option<&'static str> {
        self.code().map(OAuthErrorCode::likely_cause)
    }

    fn config(field: &'static str, reason: impl Into<String>) -> Self {
        OAuthError::Config {
            field,
            reason: reason.into(),
        }
    }
}

impl From<OAuthError> for Error {
    fn from(e: OAuthError) -> Self {
        match e {
            OAuthError::Config { .. } | OAuthError::Randomness(_) => Error::Config(e.to_string()),
            OAuthError::Transport(t) => Error::Transport(t),
            OAuthError::TokenRejected { ref code, .. }
            | OAuthError::Authorization { ref code, .. } => {
                let field = match code {
                    OAuthErrorCode::InvalidGrant => "code",
                    OAuthErrorCode::InvalidClient => "client_secret",
                    OAuthErrorCode::RedirectUriMismatch => "redirect_uri",
                    _ => "oauth",
                };
                Error::invalid(field, e.to_string())
            }
            OAuthError::MissingCode => Error::invalid("code", e.to_string()),
            OAuthError::MissingState | OAuthError::StateMismatch => {
                Error::invalid("state", e.to_string())
            }
            other => Error::invalid("oauth", other.to_string()),
        }
    }
}

// ---------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------

/// The `state` parameter: 32 bytes (256 bits) from the operating system's
/// random number generator, as 64 lowercase hex characters (URL-safe).
///
/// Store it in the user's session before redirecting, and compare it with
/// the callback's in constant time ([`matches`](Self::matches)). `Debug`
/// does not show it.
///
/// ```
/// use intercom_api::oauth::State;
/// let state = State::generate()?;
/// assert_eq!(state.as_str().len(), 64);
/// assert!(state.matches(state.as_str()));
/// assert!(!state.matches("forged"));
/// # Ok::<(), intercom_api::oauth::OAuthError>(())
/// ```
#[derive(Clone)]
pub struct State(String);

impl State {
    /// Random bytes in a state.
    pub const BYTES: usize = 32;

    /// A fresh random state.
    ///
    /// # Errors
    /// [`OAuthError::Randomness`] if the OS random number generator fails.
    pub fn generate() -> Result<State, OAuthError> {
        let mut bytes = [0u8; Self::BYTES];
        getrandom::fill(&mut bytes).map_err(|e| OAuthError::Randomness(e.to_string()))?;
        Ok(State(hex::encode(bytes)))
    }

    /// A state restored from where you kept it (session, signed cookie).
    pub fn from_stored(state: impl Into<String>) -> State {
        State(state.into())
    }

    /// The value, to store and to put in the authorize URL.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Constant-time comparison with the callback's `state`.
    pub fn matches(&self, got: &str) -> bool {
        State::verify(&self.0, got)
    }

    /// Constant-time comparison of an expected state with the callback's.
    /// An empty expected state never matches.
    pub fn verify(expected: &str, got: &str) -> bool {
        !expected.is_empty() && constant_time_eq(expected.as_bytes(), got.as_bytes())
    }
}

impl AsRef<str> for State {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("State([redacted])")
    }
}

/// Compares without an early exit; only the length (not secret: states have
/// a fixed length) affects timing.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

// ---------------------------------------------------------------------------
// Callback
// ---------------------------------------------------------------------------

/// The authorization code from the callback. Single-use, valid for about five
/// minutes; `Debug` does not show it.
#[derive(Clone)]
pub struct AuthorizationCode(SecretString);

impl AuthorizationCode {
    /// A code obtained some other way.
    pub fn new(code: impl Into<SecretString>) -> Self {
        AuthorizationCode(code.into())
    }
}

impl ExposeSecret<str> for AuthorizationCode {
    fn expose_secret(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for AuthorizationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AuthorizationCode([redacted])")
    }
}

impl From<&str> for AuthorizationCode {
    fn from(s: &str) -> Self {
        AuthorizationCode::new(s)
    }
}

impl From<String> for AuthorizationCode {
    fn from(s: String) -> Self {
        AuthorizationCode::new(s)
    }
}

impl From<&AuthorizationCode> for AuthorizationCode {
    fn from(c: &AuthorizationCode) -> Self {
        c.clone()
    }
}

/// Read the callback Intercom redirected the browser to, check its `state`,
/// and return the code.
///
/// `callback` is the full URL (`https://example.com/cb?code=…&state=…`), a
/// path with query (`/cb?code=…`), or the bare query string (`code=…&state=…`).
///
/// ```
/// use intercom_api::oauth::{parse_callback, OAuthError, OAuthErrorCode, State};
/// let state = State::from_stored("5f2b");
/// assert!(parse_callback("/cb?code=abc&state=5f2b", &state).is_ok());
/// assert!(matches!(parse_callback("code=abc&state=evil", &state), Err(OAuthError::StateMismatch)));
/// let denied = parse_callback("error=access_denied&state=5f2b", &state).err();
/// assert_eq!(denied.and_then(|e| e.code().cloned()), Some(OAuthErrorCode::AccessDenied));
/// ```
///
/// # Errors
/// [`OAuthError::Authorization`] when Intercom sent `error=…` (checked first,
/// so the reason is reported even without a state), then
/// [`MissingState`](OAuthError::MissingState),
/// [`StateMismatch`](OAuthError::StateMismatch),
/// [`MissingCode`](OAuthError::MissingCode), or
/// [`MalformedCallback`](OAuthError::MalformedCallback) when a parameter is
/// repeated.
pub fn parse_callback(
    callback: &str,
    expected_state: &impl AsRef<str>,
) -> Result<AuthorizationCode, OAuthError> {
    let without_fragment = callback.split('#').next().unwrap_or_default();
    let query = match without_fragment.split_once('?') {
        Some((_, q)) => q,
        None if without_fragment.contains('=') => without_fragment,
        None => "",
    };
    let mut error = None;
    let mut description = None;
    let mut code = None;
    let mut state = None;
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
        let slot = match k.as_ref() {
            "error" => &mut error,
            "error_description" => &mut description,
            "code" => &mut code,
            "state" => &mut state,
            _ => continue,
        };
        if slot.is_some() {
            return Err(OAuthError::MalformedCallback(format!(
                "the `{k}` parameter appears more than once"
            )));
        }
        *slot = Some(v.into_owned());
    }
    if let Some(error) = error {
        return Err(OAuthError::Authorization {
            code: OAuthErrorCode::from(error.as_str()),
            description,
        });
    }
    let state = state
        .filter(|s| !s.is_empty())
        .ok_or(OAuthError::MissingState)?;
    if !State::verify(expected_state.as_ref(), &state) {
        return Err(OAuthError::StateMismatch);
    }
    let code = code
        .filter(|c| !c.is_empty())
        .ok_or(OAuthError::MissingCode)?;
    Ok(AuthorizationCode::new(code))
}

// ---------------------------------------------------------------------------
// Token
// ---------------------------------------------------------------------------

/// An OAuth access token for one workspace.
///
/// Intercom tokens **do not expire** and come **without a refresh token**;
/// they work until the workspace uninstalls the app. `Debug` shows
/// `[redacted]`; [`expose_secret`](ExposeSecret::expose_secret) gives the
/// value to store (encrypted) or to send.
#[derive(Clone)]
pub struct AccessToken {
    token: SecretString,
    token_type: String,
}

impl AccessToken {
    /// A token you stored earlier.
    pub fn new(token: impl Into<SecretString>) -> Self {
        AccessToken {
            token: token.into(),
            token_type: "Bearer".to_owned(),
        }
    }

    /// The token as a [`SecretString`], e.g. for
    /// [`ClientBuilder::token`](crate::ClientBuilder::token).
    pub fn secret(&self) -> &SecretString {
        &self.token
    }

    /// The token type Intercom reported (`Bearer`).
    pub fn token_type(&self) -> &str {
        &self.token_type
    }
}

impl ExposeSecret<str> for AccessToken {
    fn expose_secret(&self) -> &str {
        self.token.expose_secret()
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("token", &"[redacted]")
            .field("token_type", &self.token_type)
            .finish()
    }
}

// ---------------------------------------------------------------------------
// Config
// ---------------------------------------------------------------------------

/// An app's OAuth credentials and redirect URL.
#[derive(Clone)]
pub struct OAuthConfig {
    client_id: String,
    client_secret: SecretString,
    redirect_uri: Url,
    authorize_url: Url,
    token_base: Url,
    http: Option<reqwest::Client>,
    timeout: Duration,
}

impl fmt::Debug for OAuthConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthConfig")
            .field("client_id", &self.client_id)
            .field("client_secret", &"[redacted]")
            .field("redirect_uri", &self.redirect_uri.as_str())
            .field("authorize_url", &self.authorize_url.as_str())
            .field("token_base", &self.token_base.as_str())
            .finish_non_exhaustive()
    }
}

impl OAuthConfig {
    /// Credentials from Developer Hub → your app → Basic information, and one
    /// of the app's redirect URLs.
    ///
    /// Intercom requires `https` redirect URLs; `http` is accepted here only on
    /// a loopback host (`127.0.0.1`, `[::1]`, `localhost`) for local tests.
    ///
    /// # Errors
    /// [`OAuthError::Config`] when the client id or secret is empty, or the
    /// redirect URI is not an absolute `https` URL (or `http` on loopback),
    /// or has a fragment.
    pub fn new(
        client_id: impl Into<String>,
        client_secret: impl Into<SecretString>,
        redirect_uri: &str,
    ) -> Result<Self, OAuthError> {
        let client_id = client_id.into().trim().to_owned();
        if client_id.is_empty() {
            return Err(OAuthError::config("client_id", "the client ID is empty"));
        }
        let client_secret = client_secret.into();
        if client_secret.expose_secret().trim().is_empty() {
            return Err(OAuthError::config(
                "client_secret",
                "the client secret is empty",
            ));
        }
        let redirect_uri = checked_url("redirect_uri", redirect_uri)?;
        if redirect_uri.fragment().is_some() {
            return Err(OAuthError::config(
                "redirect_uri",
                "a redirect URI cannot have a #fragment",
            ));
        }
        Ok(OAuthConfig {
            client_id,
            client_secret,
            redirect_uri,
            authorize_url: parse_const(AUTHORIZE_URL)?,
            token_base: parse_const(DEFAULT_TOKEN_BASE)?,
            http: None,
            timeout: Duration::from_secs(30),
        })
    }

    /// Exchange codes at the API host of this region (`https://api.eu.intercom.io`, …)
    /// instead of `https://api.intercom.io`.
    pub fn region(mut self, region: Region) -> Self {
        if let Ok(url) = Url::parse(region.base_url()) {
            self.token_base = url;
        }
        self
    }

    /// Exchange codes at this base URL (`{base}/auth/eagle/token`): a proxy,
    /// or a local fake in tests.
    ///
    /// # Errors
    /// [`OAuthError::Config`] unless it is an `https` URL, or `http` on loopback.
    pub fn token_base_url(mut self, base: &str) -> Result<Self, OAuthError> {
        self.token_base = checked_url("token_base_url", base)?;
        Ok(self)
    }

    /// Send users to this authorize page instead of [`AUTHORIZE_URL`].
    ///
    /// # Errors
    /// [`OAuthError::Config`] unless it is an `https` URL, or `http` on loopback.
    pub fn authorize_base_url(mut self, url: &str) -> Result<Self, OAuthError> {
        self.authorize_url = checked_url("authorize_base_url", url)?;
        Ok(self)
    }

    /// Use this HTTP client for the token exchange.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Timeout of the token exchange (default 30 s; ignored with
    /// [`http_client`](Self::http_client)).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The client id.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The redirect URI.
    pub fn redirect_uri(&self) -> &Url {
        &self.redirect_uri
    }

    /// The URL of the token endpoint.
    pub fn token_url(&self) -> Url {
        let mut url = self.token_base.clone();
        let path = format!("{}{TOKEN_PATH}", url.path().trim_end_matches('/'));
        url.set_path(&path);
        url.set_query(None);
        url
    }

    /// Where to send the user: the authorize page with `client_id`, `state`
    /// and `redirect_uri`, in that order, form-encoded.
    ///
    /// ```
    /// # fn main() -> Result<(), intercom_api::oauth::OAuthError> {
    /// let config = intercom_api::oauth::OAuthConfig::new("abc-123", "secret", "https://example.com/cb")?;
    /// assert_eq!(
    ///     config.authorize_url("xyz").as_str(),
    ///     "https://app.intercom.com/oauth?client_id=abc-123&state=xyz&redirect_uri=https%3A%2F%2Fexample.com%2Fcb",
    /// );
    /// # Ok(()) }
    /// ```
    pub fn authorize_url(&self, state: &str) -> Url {
        let mut url = self.authorize_url.clone();
        url.query_pairs_mut()
            .append_pair("client_id", &self.client_id)
            .append_pair("state", state)
            .append_pair("redirect_uri", self.redirect_uri.as_str());
        url
    }

    /// Trade an authorization code for an access token:
    /// `POST {base}/auth/eagle/token` with the form fields `code`,
    /// `client_id` and `client_secret`. Not retried: a code works once.
    ///
    /// The answer's `access_token` (or `token`, which Intercom sends with the
    /// same value) becomes the [`AccessToken`].
    ///
    /// # Errors
    /// [`OAuthError::TokenRejected`] when Intercom refuses (with the likely
    /// cause: a bad code, wrong client credentials, ...),
    /// [`OAuthError::InvalidResponse`] for a success answer without a token,
    /// [`OAuthError::Transport`] when the request fails,
    /// [`OAuthError::MissingCode`] for an empty code.
    pub async fn exchange_code(
        &self,
        code: impl Into<AuthorizationCode>,
    ) -> Result<AccessToken, OAuthError> {
        let code = code.into();
        if code.expose_secret().trim().is_empty() {
            return Err(OAuthError::MissingCode);
        }
        let http = match &self.http {
            Some(c) => c.clone(),
            None => reqwest::Client::builder()
                .timeout(self.timeout)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .map_err(|e| {
                    OAuthError::config("http_client", format!("cannot build the HTTP client: {e}"))
                })?,
        };
        let user_agent = format!("intercom-api-rust/{}", env!("CARGO_PKG_VERSION"));
        let form = [
            ("code", code.expose_secret()),
            ("client_id", self.client_id.as_str()),
            ("client_secret", self.client_secret.expose_secret()),
        ];
        let response = http
            .post(self.token_url())
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .header(
                USER_AGENT,
                HeaderValue::from_str(&user_agent)
                    .unwrap_or_else(|_| HeaderValue::from_static("intercom-api-rust")),
            )
            .form(&form)
            .send()
            .await
            .map_err(OAuthError::Transport)?;
        let status = response.status();
        let request_id = response
            .headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response.bytes().await.map_err(OAuthError::Transport)?;
        let redact = |s: &str| self.redact(s, code.expose_secret());
        if status.is_success() {
            token_from_success(status, &body)
        } else {
            Err(token_error(status, &body, request_id, &redact))
        }
    }

    /// Remove the client secret and the code from text that goes into an error.
    fn redact(&self, text: &str, code: &str) -> String {
        let mut out = text.to_owned();
        for secret in [self.client_secret.expose_secret(), code] {
            if secret.len() >= 4 {
                out = out.replace(secret, "[redacted]");
            }
        }
        out
    }
}

fn token_from_success(status: StatusCode, body: &[u8]) -> Result<AccessToken, OAuthError> {
    #[derive(Deserialize)]
    struct Answer {
        #[serde(default)]
        access_token: Option<String>,
        #[serde(default)]
        token: Option<String>,
        #[serde(default)]
        token_type: Option<String>,
    }
    // Never quote a success body in an error: it may hold a token.
    let answer: Answer = serde_json::from_slice(body).map_err(|_| OAuthError::InvalidResponse {
        status,
        reason: format!(
            "the body ({} bytes) is not the expected JSON object",
            body.len()
        ),
    })?;
    let token = answer
        .access_token
        .filter(|t| !t.trim().is_empty())
        .or(answer.token.filter(|t| !t.trim().is_empty()))
        .ok_or_else(|| OAuthError::InvalidResponse {
            status,
            reason: "the answer has no `access_token` or `token`".into(),
        })?;
    Ok(AccessToken {
        token: SecretString::from(token),
        token_type: answer
            .token_type
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| "Bearer".to_owned()),
    })
}

fn token_error(
    status: StatusCode,
    body: &[u8],
    header_request_id: Option<String>,
    redact: &dyn Fn(&str) -> String,
) -> OAuthError {
    #[derive(Deserialize)]
    struct Entry {
        #[serde(default)]
        code: Option<String>,
        #[serde(default)]
        message: Option<String>,
    }
    #[derive(Deserialize)]
    struct Answer {
        #[serde(default)]
        error: Option<String>,
        #[serde(default)]
        error_description: Option<String>,
        #[serde(default)]
        errors: Vec<Entry>,
        #[serde(default)]
        request_id: Option<String>,
    }
    let (raw_code, message, request_id) = match serde_json::from_slice::<Answer>(body) {
        Ok(a) => {
            let first = a.errors.into_iter().next();
            let raw_code = a
                .error
                .or_else(|| first.as_ref().and_then(|e| e.code.clone()));
            let message = a
                .error_description
                .or_else(|| first.and_then(|e| e.message));
            (raw_code, message, a.request_id.or(header_request_id))
        }
        Err(_) => {
            let text = String::from_utf8_lossy(body);
            let snippet: String = text.trim().chars().take(200).collect();
            let message = (!snippet.is_empty()).then_some(snippet);
            (None, message, header_request_id)
        }
    };
    let message = message.map(|m| redact(&m));
    let code = classify(status, raw_code.as_deref(), message.as_deref());
    OAuthError::TokenRejected {
        status,
        code,
        message,
        request_id,
    }
}

/// Standard OAuth codes are taken as they are; Intercom's own (`unauthorized`,
/// `not_found`, …) are mapped from the message when it names the culprit.
fn classify(status: StatusCode, raw_code: Option<&str>, message: Option<&str>) -> OAuthErrorCode {
    if let Some(raw) = raw_code {
        let code = OAuthErrorCode::from(raw);
        if !matches!(code, OAuthErrorCode::Unknown(_)) {
            return code;
        }
    }
    let text = format!("{} {}", raw_code.unwrap_or(""), message.unwrap_or("")).to_ascii_lowercase();
    if text.contains("redirect") {
        OAuthErrorCode::RedirectUriMismatch
    } else if text.contains("client") || text.contains("secret") {
        OAuthErrorCode::InvalidClient
    } else if text.contains("code") || text.contains("grant") {
        OAuthErrorCode::InvalidGrant
    } else if status.is_server_error() {
        OAuthErrorCode::ServerError
    } else if let Some(raw) = raw_code {
        OAuthErrorCode::Unknown(raw.to_owned())
    } else if status == StatusCode::UNAUTHORIZED {
        // A 401 without details: Intercom refuses unusable codes this way.
        OAuthErrorCode::InvalidGrant
    } else {
        OAuthErrorCode::Unknown(format!("http_{}", status.as_u16()))
    }
}

fn parse_const(url: &str) -> Result<Url, OAuthError> {
    Url::parse(url).map_err(|e| OAuthError::config("url", e.to_string()))
}

/// An absolute `https` URL, or `http` on a loopback host.
fn checked_url(field: &'static str, raw: &str) -> Result<Url, OAuthError> {
    let url = Url::parse(raw.trim())
        .map_err(|e| OAuthError::config(field, format!("`{raw}` is not an absolute URL: {e}")))?;
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) => Ok(url),
        "http" => Err(OAuthError::config(
            field,
            format!(
                "`{raw}` must use https (http is accepted only on 127.0.0.1, [::1] or localhost)"
            ),
        )),
        other => Err(OAuthError::config(
            field,
            format!("unsupported URL scheme `{other}`"),
        )),
    }
}

impl Client {
    /// A client for the workspace an OAuth token opens (US host, which
    /// routes to the workspace's region; see
    /// [`from_oauth_token_in`](Self::from_oauth_token_in) to pin one).
    ///
    /// # Errors
    /// As [`ClientBuilder::build`](crate::ClientBuilder::build).
    pub fn from_oauth_token(token: &AccessToken) -> Result<Client, Error> {
        Client::builder().token(token.secret().clone()).build()
    }

    /// A client for the workspace an OAuth token opens, on a region's host.
    ///
    /// # Errors
    /// As [`ClientBuilder::build`](crate::ClientBuilder::build).
    pub fn from_oauth_token_in(token: &AccessToken, region: Region) -> Result<Client, Error> {
        Client::builder()
            .token(token.secret().clone())
            .region(region)
            .build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_names_the_culprit() {
        let s = StatusCode::UNAUTHORIZED;
        assert_eq!(
            classify(s, Some("invalid_client"), None),
            OAuthErrorCode::InvalidClient
        );
        assert_eq!(
            classify(s, Some("unauthorized"), Some("Unauthorized Code")),
            OAuthErrorCode::InvalidGrant
        );
        assert_eq!(classify(s, None, None), OAuthErrorCode::InvalidGrant);
        assert_eq!(
            classify(StatusCode::BAD_GATEWAY, None, Some("<html>")),
            OAuthErrorCode::ServerError
        );
        assert_eq!(
            classify(StatusCode::BAD_REQUEST, Some("weird"), None),
            OAuthErrorCode::Unknown("weird".into())
        );
    }

    #[test]
    fn constant_time_eq_basics() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
        assert!(!State::verify("", ""));
    }
}
