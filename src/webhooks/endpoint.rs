//! What a webhook endpoint calls: verify then parse, with one error type
//! that says which status to answer, and [`Verifier`], which holds the
//! secret checked once at startup.

use std::fmt;

use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use secrecy::{ExposeSecret, SecretString};

use super::notification::{Notification, ParseError, parse};
use super::signature::{SIGNATURE_HEADER, VerifyError, sign, verify_header, verify_headers};
use super::signature::{SigningKey, is_blank};
use crate::error::Error;

/// Verify, then parse. The body is parsed only when the signature is valid.
///
/// # Errors
/// [`WebhookError::Verify`] (answer `401`) or [`WebhookError::Parse`]
/// (answer `400`); [`WebhookError::status`] picks the code.
pub fn verify_and_parse(
    secret: &impl SigningKey,
    raw_body: &[u8],
    x_hub_signature: Option<&str>,
) -> Result<Notification, WebhookError> {
    verify_header(secret, raw_body, x_hub_signature)?;
    Ok(parse(raw_body)?)
}

/// [`verify_and_parse`] reading the signature from request headers.
///
/// # Errors
/// As [`verify_and_parse`].
pub fn verify_and_parse_headers(
    secret: &impl SigningKey,
    raw_body: &[u8],
    headers: &HeaderMap,
) -> Result<Notification, WebhookError> {
    verify_headers(secret, raw_body, headers)?;
    Ok(parse(raw_body)?)
}

/// Holds the client secret for a webhook endpoint; checks it is not empty
/// once, at startup, instead of refusing every request later.
///
/// ```
/// use intercom_api::webhooks::Verifier;
/// # fn run(headers: &reqwest::header::HeaderMap, body: &[u8]) -> Result<(), Box<dyn std::error::Error>> {
/// let verifier = Verifier::new(std::env::var("INTERCOM_CLIENT_SECRET").unwrap_or_default())?;
/// let notification = verifier.verify_and_parse_headers(body, headers)?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Verifier {
    secret: SecretString,
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verifier")
            .field("secret", &"[redacted]")
            .finish()
    }
}

impl Verifier {
    /// A verifier keyed with the app's client secret.
    ///
    /// # Errors
    /// [`VerifyError::EmptySecret`] when the secret is empty or blank.
    pub fn new(client_secret: impl Into<SecretString>) -> Result<Self, VerifyError> {
        let secret = client_secret.into();
        if is_blank(secret.expose_secret().as_bytes()) {
            return Err(VerifyError::EmptySecret);
        }
        Ok(Verifier { secret })
    }

    /// See [`verify_header`].
    ///
    /// # Errors
    /// As [`verify_header`].
    pub fn verify(
        &self,
        raw_body: &[u8],
        x_hub_signature: Option<&str>,
    ) -> Result<(), VerifyError> {
        verify_header(&self.secret, raw_body, x_hub_signature)
    }

    /// See [`verify_headers`].
    ///
    /// # Errors
    /// As [`verify_headers`].
    pub fn verify_headers(&self, raw_body: &[u8], headers: &HeaderMap) -> Result<(), VerifyError> {
        verify_headers(&self.secret, raw_body, headers)
    }

    /// See [`verify_and_parse`].
    ///
    /// # Errors
    /// As [`verify_and_parse`].
    pub fn verify_and_parse(
        &self,
        raw_body: &[u8],
        x_hub_signature: Option<&str>,
    ) -> Result<Notification, WebhookError> {
        verify_and_parse(&self.secret, raw_body, x_hub_signature)
    }

    /// See [`verify_and_parse_headers`].
    ///
    /// # Errors
    /// As [`verify_and_parse_headers`].
    pub fn verify_and_parse_headers(
        &self,
        raw_body: &[u8],
        headers: &HeaderMap,
    ) -> Result<Notification, WebhookError> {
        verify_and_parse_headers(&self.secret, raw_body, headers)
    }

    /// See [`sign`].
    pub fn sign(&self, body: &[u8]) -> String {
        sign(&self.secret, body)
    }
}

/// A webhook request that must be refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The signature is missing or wrong: answer `401`.
    #[error(transparent)]
    Verify(#[from] VerifyError),
    /// Signed, but not a notification: answer `400`.
    #[error(transparent)]
    Parse(#[from] ParseError),
}

impl WebhookError {
    /// The status to answer with: `401 Unauthorized` for signature problems,
    /// `400 Bad Request` for bodies that do not parse.
    pub fn status(&self) -> StatusCode {
        match self {
            WebhookError::Verify(_) => StatusCode::UNAUTHORIZED,
            WebhookError::Parse(_) => StatusCode::BAD_REQUEST,
        }
    }
}

impl From<VerifyError> for Error {
    fn from(e: VerifyError) -> Self {
        Error::invalid(SIGNATURE_HEADER, e.to_string())
    }
}

impl From<ParseError> for Error {
    fn from(e: ParseError) -> Self {
        Error::invalid("webhook body", e.to_string())
    }
}

impl From<WebhookError> for Error {
    fn from(e: WebhookError) -> Self {
        match e {
            WebhookError::Verify(v) => v.into(),
            WebhookError::Parse(p) => p.into(),
        }
    }
}
