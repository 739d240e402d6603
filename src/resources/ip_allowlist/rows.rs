//! The IP allowlist endpoints: one row each (see
//! [`endpoints!`](crate::resources::endpoints)).

use super::{AllowlistUpdate, IpAllowlistSettings, update_body};
use crate::resources::endpoints::endpoints;

endpoints! {
    /// The IP allowlist endpoints. Get one from
    /// [`Client::ip_allowlist`](crate::Client::ip_allowlist).
    family "ip_allowlist" => IpAllowlist;

    /// The current allowlist.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let allow = client.ip_allowlist().get().await?;
    /// println!("{:?}: {:?}", allow.enabled, allow.ip_allowlist);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401`/`403` without access to the workspace's security settings.
    "getIpAllowlist" GET "/ip_allowlist"
    fn get() -> Call<IpAllowlistSettings>;

    /// Replace the allowlist. Retried after a 5xx or timeout: the body is
    /// the whole setting.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::ip_allowlist::AllowlistUpdate;
    /// client
    ///     .ip_allowlist()
    ///     .update(AllowlistUpdate::enable(["203.0.113.0/24", "2001:db8::/32"]))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an entry that is not an IP address or CIDR range, or for enabling
    /// an empty list; `422` when the update would lock out the caller's
    /// address.
    "updateIpAllowlist" PUT "/ip_allowlist"
    fn update(update: AllowlistUpdate) -> Call<IpAllowlistSettings> = update_body;
}
