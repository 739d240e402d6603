//! Subscription types: the kinds of messages a contact can opt in to or out of.

use serde::Deserialize;

use crate::models::string_enum;

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
    #[serde(default)]
    pub translations: Vec<Translation>,
    /// Opt-in or opt-out.
    #[serde(default)]
    pub consent_type: Option<ConsentType>,
    /// The message kinds it covers: `email`, `sms_message`.
    #[serde(default)]
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
