//! Phone call redirects ("phone switch"): deflect a phone call to the
//! Messenger by texting the caller a link to it.
//!
//! The one Switch operation of Intercom API 2.16, on
//! [`PhoneCallRedirects`]. Each call sends an SMS, so it is never retried.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::phone_call_redirects::NewRedirect;
//! client
//!     .phone_call_redirects()
//!     .create(NewRedirect::new("+353871234567").custom_attribute("issue_type", "Billing"))
//!     .await?;
//! # Ok(()) }
//! ```

mod rows;

pub use rows::{PhoneCallRedirects, ops};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::models::CustomAttributes;
use crate::resources::common::{require_e164, validate_custom_attributes};
use crate::transport::Request;

/// The answer to a redirect: the number the SMS went to.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct PhoneCallRedirect {
    /// The number texted, E.164.
    #[serde(default)]
    pub phone: Option<String>,
}

/// The body of `POST /phone_call_redirects`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NewRedirect {
    phone: String,
    #[serde(skip_serializing_if = "CustomAttributes::is_empty")]
    custom_attributes: CustomAttributes,
}

impl NewRedirect {
    /// Text the Messenger link to `phone`, in E.164 form (`+353871234567`).
    pub fn new(phone: impl Into<String>) -> Self {
        NewRedirect {
            phone: phone.into(),
            custom_attributes: CustomAttributes::new(),
        }
    }

    /// Also set this custom attribute on the user or lead (a string, an
    /// integer or a date as unix seconds).
    pub fn custom_attribute(
        mut self,
        name: impl Into<String>,
        value: impl Into<serde_json::Value>,
    ) -> Self {
        self.custom_attributes.insert(name.into(), value.into());
        self
    }
}

pub(crate) fn redirect_body<T>(
    request: Request<T>,
    body: NewRedirect,
) -> Result<Request<T>, Error> {
    require_e164("phone", &body.phone)?;
    validate_custom_attributes(&body.custom_attributes)?;
    request.json(&body)
}
