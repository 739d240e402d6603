//! Faults the fake can inject: queued ones ([`Fault`]) and random ones at
//! a rate per status (the standalone server's `--fault-rate`).

use std::time::Duration;

/// A fault to inject into the fake's next answers, with
/// [`FakeIntercom::inject`](super::FakeIntercom::inject).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Answer with this status and an Intercom `error.list` body whose code
    /// fits it: `500 server_error`, `503 service_unavailable`,
    /// `429 rate_limit_exceeded` (with rate-limit headers showing 0 left),
    /// `408`/`504 request_timeout`, `401 unauthorized`, `404 not_found`, ...
    /// The request is not processed. A status outside 200..=599 becomes 500.
    ///
    /// A client with the default retry policy waits for the window to reset
    /// after a 429, as it would with Intercom; give the fake and the client
    /// the same hand-moved [`Clock`](crate::Clock) to make that wait instant, or use
    /// [`RetryPolicy::none`](crate::RetryPolicy::none) to see the 429 itself.
    Status(u16),
    /// Process the request normally, but answer only after this delay.
    Delay(Duration),
    /// Process the request normally, then cut its answer's body in half: a
    /// `200` with cut-off JSON, as when a connection drops mid-response.
    /// Changes the request made (a created contact) are kept.
    TruncatedBody,
    /// Answer with an HTML error page and this status, as a proxy or load
    /// balancer in front of Intercom does (e.g. `502`). The request is not
    /// processed.
    Html(u16),
}

/// Parse a fault-rate list such as `503:0.05,429:0.01`: statuses with the
/// chance (0 to 1) that any one request is answered with it.
///
/// # Errors
/// A message naming the entry that is not `STATUS:RATE` with a status in
/// 400..=599 and a rate in 0..=1.
pub fn parse_fault_rates(text: &str) -> Result<Vec<(u16, f64)>, String> {
    text.split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|entry| {
            let bad = || format!("`{entry}` is not STATUS:RATE (e.g. 503:0.05)");
            let (status, rate) = entry.trim().split_once(':').ok_or_else(bad)?;
            let status: u16 = status.trim().parse().map_err(|_| bad())?;
            let rate: f64 = rate.trim().parse().map_err(|_| bad())?;
            if !(400..=599).contains(&status) || !(0.0..=1.0).contains(&rate) {
                return Err(bad());
            }
            Ok((status, rate))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fault_rates_parse() {
        assert_eq!(
            parse_fault_rates("503:0.05, 429:1").unwrap(),
            vec![(503, 0.05), (429, 1.0)]
        );
        assert!(parse_fault_rates("503").is_err());
        assert!(parse_fault_rates("200:0.5").is_err());
        assert!(parse_fault_rates("503:2").is_err());
        assert_eq!(parse_fault_rates("").unwrap(), vec![]);
    }
}
