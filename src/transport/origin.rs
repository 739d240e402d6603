//! Where a URL points: a leaf both the client's checks and the download
//! redirect rule read.

use std::net::IpAddr;

use url::Url;

/// Whether `url` names this machine (`localhost`, `127.0.0.0/8`, `::1`).
pub(crate) fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}
