//! The workspace's IP allowlist: the addresses API and app access is
//! allowed from.
//!
//! Both IP Allowlist operations of Intercom API 2.16, on [`IpAllowlist`].
//! Intercom refuses (`422`) an update that would lock out the caller's own
//! address: include it when enabling the allowlist.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::ip_allowlist::AllowlistUpdate;
//! let current = client.ip_allowlist().get().await?;
//! if current.enabled != Some(true) {
//!     client
//!         .ip_allowlist()
//!         .update(AllowlistUpdate::enable(["203.0.113.0/24", "198.51.100.7"]))
//!         .await?;
//! }
//! # Ok(()) }
//! ```

mod rows;

pub use rows::{IpAllowlist, ops};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::models::null_as_default;
use crate::resources::common::truncate;
use crate::transport::Request;

/// The IP allowlist settings.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct IpAllowlistSettings {
    /// Whether the allowlist is enforced.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// The allowed addresses and CIDR ranges (`192.168.0.1`,
    /// `192.168.0.0/24`, IPv6 too).
    #[serde(default, deserialize_with = "null_as_default")]
    pub ip_allowlist: Vec<String>,
}

/// The body of `PUT /ip_allowlist`: the whole setting, replacing the
/// current one.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AllowlistUpdate {
    enabled: bool,
    ip_allowlist: Vec<String>,
}

impl AllowlistUpdate {
    /// Enforce the allowlist: only these addresses and CIDR ranges may
    /// reach the workspace.
    pub fn enable<I: Into<String>>(entries: impl IntoIterator<Item = I>) -> Self {
        AllowlistUpdate {
            enabled: true,
            ip_allowlist: entries.into_iter().map(Into::into).collect(),
        }
    }

    /// Stop enforcing it, keeping `entries` stored for later.
    pub fn disable<I: Into<String>>(entries: impl IntoIterator<Item = I>) -> Self {
        AllowlistUpdate {
            enabled: false,
            ip_allowlist: entries.into_iter().map(Into::into).collect(),
        }
    }
}

/// An IPv4 or IPv6 address, or one with a CIDR prefix length in range.
fn check_entry(field: &str, entry: &str) -> Result<(), Error> {
    let (addr, prefix) = match entry.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (entry, None),
    };
    let ok = addr.parse::<std::net::IpAddr>().ok().is_some_and(|ip| {
        let max = if ip.is_ipv4() { 32 } else { 128 };
        prefix.is_none_or(|p| {
            p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u8>().is_ok_and(|p| p <= max)
        })
    });
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            field.to_owned(),
            format!(
                "`{}` is not an IP address or CIDR range such as 192.168.0.0/24",
                truncate(entry, 60)
            ),
        ))
    }
}

pub(crate) fn update_body<T>(
    request: Request<T>,
    update: AllowlistUpdate,
) -> Result<Request<T>, Error> {
    if update.enabled && update.ip_allowlist.is_empty() {
        return Err(Error::invalid(
            "ip_allowlist",
            "enabling an empty allowlist would lock every address out",
        ));
    }
    for (i, entry) in update.ip_allowlist.iter().enumerate() {
        check_entry(&format!("ip_allowlist[{i}]"), entry)?;
    }
    request.json(&update)
}
