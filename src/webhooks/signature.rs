//! `X-Hub-Signature`: HMAC-SHA1 of the raw body, keyed with the app's
//! client secret. Signing, constant-time verification, and the sealed
//! [`SigningKey`] trait that keeps key bytes inside the crate.

use hmac::{Hmac, KeyInit, Mac};
use reqwest::header::HeaderMap;
use secrecy::{ExposeSecret, SecretSlice, SecretString};
use sha1::Sha1;

/// The header Intercom puts the signature in.
pub const SIGNATURE_HEADER: &str = "X-Hub-Signature";

/// The scheme prefix of the signature header value.
const PREFIX: &str = "sha1";

/// Hex characters in an HMAC-SHA1 signature.
const SIGNATURE_HEX_LEN: usize = 40;

type HmacSha1 = Hmac<Sha1>;

pub(crate) mod sealed {
    /// Gives the crate, and only the crate, the key bytes of a secret.
    pub trait Sealed {
        fn key_bytes(&self) -> &[u8];
    }
}

/// A secret that can key an HMAC: [`SecretString`] or
/// [`SecretSlice<u8>`](secrecy::SecretSlice) (and references to them).
///
/// The trait is sealed; the key bytes are reachable only inside this crate,
/// so passing a secret here never exposes it.
pub trait SigningKey: sealed::Sealed {}

impl sealed::Sealed for SecretString {
    fn key_bytes(&self) -> &[u8] {
        self.expose_secret().as_bytes()
    }
}
impl SigningKey for SecretString {}

impl sealed::Sealed for SecretSlice<u8> {
    fn key_bytes(&self) -> &[u8] {
        self.expose_secret()
    }
}
impl SigningKey for SecretSlice<u8> {}

impl<T: SigningKey + ?Sized> sealed::Sealed for &T {
    fn key_bytes(&self) -> &[u8] {
        (**self).key_bytes()
    }
}
impl<T: SigningKey + ?Sized> SigningKey for &T {}

/// `true` for a secret that is empty or only whitespace (an unset or
/// blank environment variable): the same test everywhere a secret is taken.
pub(crate) fn is_blank(key: &[u8]) -> bool {
    match std::str::from_utf8(key) {
        Ok(s) => s.trim().is_empty(),
        Err(_) => false,
    }
}

fn hmac_sha1(key: &[u8], body: &[u8]) -> HmacSha1 {
    // HMAC takes keys of any length (long keys are hashed first), so this
    // cannot fail; the fallback keeps the function total without a panic.
    let mut mac = <HmacSha1 as KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| <HmacSha1 as KeyInit>::new(&Default::default()));
    mac.update(body);
    mac
}

/// Why a signature was refused. Every variant means "do not trust this body".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// The request has no `X-Hub-Signature` header (or it is empty). Intercom
    /// signs every notification, so an unsigned request did not come from it.
    #[error("missing X-Hub-Signature header")]
    MissingHeader,
    /// The secret to verify with is empty or only whitespace: the client
    /// secret is not configured
    /// (an unset environment variable, typically). Refused rather than
    /// computing a signature anyone could forge.
    #[error("the webhook secret is empty; configure the app's client secret")]
    EmptySecret,
    /// The header does not start with `sha1=`.
    #[error("X-Hub-Signature must start with `sha1=`, found `{found}`")]
    WrongPrefix {
        /// What came before the `=` (at most 16 characters; empty when there
        /// is no `=`).
        found: String,
    },
    /// The signature is not hexadecimal.
    #[error("X-Hub-Signature is not hexadecimal")]
    InvalidHex,
    /// The signature has the wrong number of hex digits (truncated header).
    #[error("X-Hub-Signature has {found} hex digits, expected {expected}")]
    WrongLength {
        /// 40: an HMAC-SHA1 is 20 bytes.
        expected: usize,
        /// How many were sent.
        found: usize,
    },
    /// The signature does not match the body: the body was altered, or it was
    /// signed with another secret (check that you use the client secret of
    /// the app the webhook subscription belongs to).
    #[error("X-Hub-Signature does not match the body")]
    Mismatch,
}

/// The `X-Hub-Signature` value Intercom would send for `body`:
/// `sha1=` followed by 40 lowercase hex digits. For tests and fakes.
///
/// ```
/// use secrecy::SecretString;
/// let secret = SecretString::from("Jefe");
/// assert_eq!(
///     intercom_api::webhooks::sign(&secret, b"what do ya want for nothing?"),
///     "sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
/// );
/// ```
pub fn sign(secret: &impl SigningKey, body: &[u8]) -> String {
    let tag = hmac_sha1(secret.key_bytes(), body).finalize().into_bytes();
    format!("{PREFIX}={}", hex::encode(tag))
}

/// Check an `X-Hub-Signature` value against the raw body, in constant time.
///
/// The `sha1` prefix and the hex digits may be upper- or lower-case;
/// surrounding whitespace is ignored.
///
/// ```
/// use secrecy::SecretString;
/// use intercom_api::webhooks::{self, VerifyError};
///
/// let secret = SecretString::from("client-secret");
/// let body = br#"{"topic":"ping"}"#;
/// let header = webhooks::sign(&secret, body);
/// assert!(webhooks::verify(&secret, body, &header).is_ok());
/// assert_eq!(webhooks::verify(&secret, b"{}", &header), Err(VerifyError::Mismatch));
/// ```
///
/// # Errors
/// A [`VerifyError`] naming what is wrong: empty header
/// ([`MissingHeader`](VerifyError::MissingHeader)), empty or blank secret, prefix,
/// hex, length, or a signature that does not match.
pub fn verify(
    secret: &impl SigningKey,
    raw_body: &[u8],
    x_hub_signature: &str,
) -> Result<(), VerifyError> {
    let key = secret.key_bytes();
    if is_blank(key) {
        return Err(VerifyError::EmptySecret);
    }
    let header = x_hub_signature.trim();
    if header.is_empty() {
        return Err(VerifyError::MissingHeader);
    }
    let Some((scheme, digits)) = header.split_once('=') else {
        return Err(VerifyError::WrongPrefix {
            found: String::new(),
        });
    };
    if !scheme.trim().eq_ignore_ascii_case(PREFIX) {
        return Err(VerifyError::WrongPrefix {
            found: scheme.chars().take(16).collect(),
        });
    }
    let digits = digits.trim();
    if digits.len() != SIGNATURE_HEX_LEN {
        return Err(VerifyError::WrongLength {
            expected: SIGNATURE_HEX_LEN,
            found: digits.len(),
        });
    }
    let tag = hex::decode(digits).map_err(|_| VerifyError::InvalidHex)?;
    hmac_sha1(key, raw_body)
        .verify_slice(&tag)
        .map_err(|_| VerifyError::Mismatch)
}

/// [`verify`] for a header that may be absent.
///
/// # Errors
/// [`VerifyError::MissingHeader`] for `None`, else as [`verify`].
pub fn verify_header(
    secret: &impl SigningKey,
    raw_body: &[u8],
    x_hub_signature: Option<&str>,
) -> Result<(), VerifyError> {
    verify(
        secret,
        raw_body,
        x_hub_signature.ok_or(VerifyError::MissingHeader)?,
    )
}

/// [`verify`] reading `X-Hub-Signature` from request headers (the
/// `http::HeaderMap` that axum, hyper and reqwest share).
///
/// # Errors
/// As [`verify_header`]; a header value that is not visible ASCII is
/// [`VerifyError::InvalidHex`].
pub fn verify_headers(
    secret: &impl SigningKey,
    raw_body: &[u8],
    headers: &HeaderMap,
) -> Result<(), VerifyError> {
    match headers.get(SIGNATURE_HEADER) {
        None => Err(VerifyError::MissingHeader),
        Some(value) => {
            let value = value.to_str().map_err(|_| VerifyError::InvalidHex)?;
            verify(secret, raw_body, value)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_secrets_are_refused_like_verifier_new_refuses_them() {
        let body = br#"{"topic":"ping"}"#;
        for blank in ["", " ", "\t\n ", "\u{a0}\u{3000}"] {
            let secret = SecretString::from(blank);
            // A signature made with the blank key must not verify.
            let forged = sign(&secret, body);
            assert_eq!(
                verify(&secret, body, &forged),
                Err(VerifyError::EmptySecret),
                "{blank:?}"
            );
            let bytes = SecretSlice::from(blank.as_bytes().to_vec());
            assert_eq!(verify(&bytes, body, &forged), Err(VerifyError::EmptySecret));
        }
        assert!(!is_blank(b" s "));
        assert!(!is_blank(&[0xff, b' ']));
    }
}
