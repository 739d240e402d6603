//! The phone call redirect endpoint (see
//! [`endpoints!`](crate::resources::endpoints)).

use super::{NewRedirect, PhoneCallRedirect, redirect_body};
use crate::resources::endpoints::endpoints;

endpoints! {
    /// The phone call redirect endpoint. Get one from
    /// [`Client::phone_call_redirects`](crate::Client::phone_call_redirects).
    family "phone_call_redirects" => PhoneCallRedirects;

    /// Text the caller a link to continue in the Messenger, and set the
    /// custom attributes given on the user or lead with that number. Not
    /// retried: a retry could send a second SMS. Intercom may answer
    /// `null`, hence the `Option`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::phone_call_redirects::NewRedirect;
    /// let sent = client
    ///     .phone_call_redirects()
    ///     .create(NewRedirect::new("+14155550123"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// a number that is not E.164 or an attribute name over 190 or string
    /// value over 255 characters; `400` when Intercom cannot text the number;
    /// `422` for a number it does not serve.
    "createPhoneSwitch" POST "/phone_call_redirects"
    fn create(redirect: NewRedirect) -> Call<Option<PhoneCallRedirect>> = redirect_body;
}
