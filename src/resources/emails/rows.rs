//! The emails endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::EmailSetting;
use crate::models::List;
use crate::resources::endpoints::endpoints;

endpoints! {
    /// The email settings endpoints. Get one from [`Client::emails`](crate::Client::emails).
    family "emails" => Emails;

    /// Every sender email address of the workspace (not paged).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for sender in client.emails().list().await? {
    ///     println!("{:?} verified: {:?}", sender.email, sender.verified);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized`; API errors.
    "listEmails" GET "/emails"
    fn list() -> Call<List<EmailSetting>>;

    /// One sender email address.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let sender = client.emails().get("10").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "retrieveEmail" GET "/emails/{id}"
    fn get(id) -> Call<EmailSetting>;
}
