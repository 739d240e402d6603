//! Subscription types: the kinds of messages a contact can opt in to or out of.
//!
//! A contact's own subscriptions are read and changed through
//! [`contacts()`](crate::contacts::Contacts::list_subscriptions); this family
//! lists the workspace's subscription types.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::subscription_types::ConsentType;
//! let types = client.subscription_types().list().await?;
//! let opt_in: Vec<_> = types.iter().filter(|t| t.consent_type == Some(ConsentType::OptIn)).collect();
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::models::{List, string_enum};
use crate::resources::endpoints::endpoints;

string_enum! {
    /// How consent works for a subscription type.
    pub enum ConsentType {
        /// Contacts receive it until they opt out.
        OptOut = "opt_out",
        /// Contacts receive it only after opting in.
        OptIn = "opt_in",
    }
}

string_enum! {
    /// The lifecycle state of a subscription type.
    pub enum SubscriptionState {
        /// In use.
        Live = "live",
        /// Not yet published.
        Draft = "draft",
        /// No longer in use.
        Archived = "archived",
    }
}

/// A subscription type.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct SubscriptionType {
    /// The subscription type id.
    pub id: String,
    /// Its state.
    #[serde(default)]
    pub state: Option<SubscriptionState>,
    /// The name and description in the default language.
    #[serde(default)]
    pub default_translation: Option<Translation>,
    /// The name and description in every configured language.
    #[serde(default, deserialize_with = "crate::models::null_as_default")]
    pub translations: Vec<Translation>,
    /// Opt-in or opt-out.
    #[serde(default)]
    pub consent_type: Option<ConsentType>,
    /// The message kinds it covers: `email`, `sms_message`.
    #[serde(default, deserialize_with = "crate::models::null_as_default")]
    pub content_types: Vec<String>,
}

/// A localized name and description.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Translation {
    /// The name.
    #[serde(default)]
    pub name: Option<String>,
    /// The description.
    #[serde(default)]
    pub description: Option<String>,
    /// The locale, e.g. `en`.
    #[serde(default)]
    pub locale: Option<String>,
}

endpoints! {
    /// The subscription types endpoint. Get one from
    /// [`Client::subscription_types`](crate::Client::subscription_types).
    family "subscription_types" => SubscriptionTypes;

    /// Every subscription type of the workspace, with its translations.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for t in client.subscription_types().list().await? {
    ///     let name = t.default_translation.and_then(|d| d.name);
    ///     println!("{} {:?} {:?}", t.id, name, t.state);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized` and other API errors.
    "listSubscriptionTypes" GET "/subscription_types"
    fn list() -> Call<List<SubscriptionType>>;
}
