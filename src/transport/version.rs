//! [`ApiVersion`]: the `Intercom-Version` header a call sends.
//!
//! It lives in the transport, which sends it; the client and the per-call
//! options only name it.

use std::borrow::Cow;
use std::fmt;

use crate::error::Error;

/// An `Intercom-Version` header value, such as `2.16`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ApiVersion(Cow<'static, str>);

impl ApiVersion {
    /// Version 2.16, the version this crate's models are written against.
    pub const V2_16: ApiVersion = ApiVersion(Cow::Borrowed("2.16"));

    /// The version a client sends unless told otherwise: [`ApiVersion::V2_16`].
    pub const DEFAULT: ApiVersion = ApiVersion::V2_16;

    /// Any version Intercom accepts: `major.minor` (e.g. `2.11`) or
    /// `Unstable` / `Preview`.
    ///
    /// # Errors
    /// [`Error::Config`] for anything else, since Intercom would answer every
    /// call with `intercom_version_invalid`.
    pub fn new(version: impl Into<String>) -> Result<Self, Error> {
        let v = version.into();
        let numeric = v
            .split_once('.')
            .is_some_and(|(a, b)| is_digits(a) && is_digits(b));
        if numeric || v == "Unstable" || v == "Preview" {
            Ok(ApiVersion(Cow::Owned(v)))
        } else {
            Err(Error::Config(format!(
                "`{v}` is not an Intercom API version (expected e.g. `2.16`)"
            )))
        }
    }

    /// The header value.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
