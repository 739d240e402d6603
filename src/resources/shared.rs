//! Models that more than one family returns: a contact is listed by
//! [`companies().list_contacts`](crate::companies::Companies::list_contacts)
//! as well as by the contacts endpoints, so it lives here, below both
//! families (each re-exports it: `intercom_api::contacts::Contact`).

use serde::Deserialize;

use crate::models::{
    AddressableList, Avatar, CustomAttributes, null_as_default, opt_string_or_number, string_enum,
};

string_enum! {
    /// Whether a contact is a user (identified) or a lead.
    pub enum ContactRole {
        /// An identified user.
        User = "user",
        /// A lead (an anonymous or not yet identified person).
        Lead = "lead",
    }
}

/// A contact: a user or a lead.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Contact {
    /// Intercom's id for the contact.
    pub id: String,
    /// The workspace the contact belongs to.
    #[serde(default)]
    pub workspace_id: Option<String>,
    /// Your id for the contact.
    #[serde(default)]
    pub external_id: Option<String>,
    /// User or lead.
    #[serde(default)]
    pub role: Option<ContactRole>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// The domain of the email address.
    #[serde(default)]
    pub email_domain: Option<String>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Full name.
    #[serde(default)]
    pub name: Option<String>,
    /// The admin who owns the contact.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub owner_id: Option<String>,
    /// Whether an email to the contact hard-bounced.
    #[serde(default)]
    pub has_hard_bounced: Option<bool>,
    /// Whether the contact marked an email as spam.
    #[serde(default)]
    pub marked_email_as_spam: Option<bool>,
    /// Whether the contact unsubscribed from emails.
    #[serde(default)]
    pub unsubscribed_from_emails: Option<bool>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// Sign-up time you reported (unix seconds).
    #[serde(default)]
    pub signed_up_at: Option<i64>,
    /// Last seen in the Messenger or as reported (unix seconds).
    #[serde(default)]
    pub last_seen_at: Option<i64>,
    /// Last message from the contact (unix seconds).
    #[serde(default)]
    pub last_replied_at: Option<i64>,
    /// Last message to the contact (unix seconds).
    #[serde(default)]
    pub last_contacted_at: Option<i64>,
    /// Last email opened (unix seconds).
    #[serde(default)]
    pub last_email_opened_at: Option<i64>,
    /// Last email link clicked (unix seconds).
    #[serde(default)]
    pub last_email_clicked_at: Option<i64>,
    /// Messenger language override, e.g. `en`.
    #[serde(default)]
    pub language_override: Option<String>,
    /// Browser name.
    #[serde(default)]
    pub browser: Option<String>,
    /// Browser version.
    #[serde(default)]
    pub browser_version: Option<String>,
    /// Browser language.
    #[serde(default)]
    pub browser_language: Option<String>,
    /// Operating system.
    #[serde(default)]
    pub os: Option<String>,
    /// Android app name.
    #[serde(default)]
    pub android_app_name: Option<String>,
    /// Android app version.
    #[serde(default)]
    pub android_app_version: Option<String>,
    /// Android device.
    #[serde(default)]
    pub android_device: Option<String>,
    /// Android OS version.
    #[serde(default)]
    pub android_os_version: Option<String>,
    /// Android SDK version.
    #[serde(default)]
    pub android_sdk_version: Option<String>,
    /// Last seen on Android (unix seconds).
    #[serde(default)]
    pub android_last_seen_at: Option<i64>,
    /// iOS app name.
    #[serde(default)]
    pub ios_app_name: Option<String>,
    /// iOS app version.
    #[serde(default)]
    pub ios_app_version: Option<String>,
    /// iOS device.
    #[serde(default)]
    pub ios_device: Option<String>,
    /// iOS version.
    #[serde(default)]
    pub ios_os_version: Option<String>,
    /// iOS SDK version.
    #[serde(default)]
    pub ios_sdk_version: Option<String>,
    /// Last seen on iOS (unix seconds).
    #[serde(default)]
    pub ios_last_seen_at: Option<i64>,
    /// Custom attributes, as JSON.
    #[serde(default, deserialize_with = "null_as_default")]
    pub custom_attributes: CustomAttributes,
    /// Avatar.
    #[serde(default)]
    pub avatar: Option<Avatar>,
    /// The first tags, with a link to all of them.
    #[serde(default)]
    pub tags: Option<AddressableList>,
    /// The first notes, with a link to all of them.
    #[serde(default)]
    pub notes: Option<AddressableList>,
    /// The first companies, with a link to all of them.
    #[serde(default)]
    pub companies: Option<AddressableList>,
    /// Location, as Intercom inferred it.
    #[serde(default)]
    pub location: Option<Location>,
    /// Social profiles.
    #[serde(default)]
    pub social_profiles: Option<SocialProfiles>,
    /// Contacts merged into this one (only with `include_merge_history`).
    #[serde(default)]
    pub merge_history: Option<Vec<MergeHistoryItem>>,
    /// Whether push messaging is enabled.
    #[serde(default)]
    pub enabled_push_messaging: Option<bool>,
}

/// Where a contact is.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct Location {
    /// Country name.
    #[serde(default)]
    pub country: Option<String>,
    /// Region or state.
    #[serde(default)]
    pub region: Option<String>,
    /// City.
    #[serde(default)]
    pub city: Option<String>,
}

/// A contact's social profiles.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct SocialProfiles {
    /// The profiles.
    #[serde(default, deserialize_with = "null_as_default")]
    pub data: Vec<SocialProfile>,
}

/// One social profile.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct SocialProfile {
    /// Network name, e.g. `Twitter`.
    #[serde(default)]
    pub name: Option<String>,
    /// Profile URL.
    #[serde(default)]
    pub url: Option<String>,
}

/// A contact that was merged into another.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct MergeHistoryItem {
    /// The id of the contact merged away.
    #[serde(default)]
    pub source_contact_id: Option<String>,
    /// Its role at merge time.
    #[serde(default)]
    pub source_contact_role: Option<ContactRole>,
    /// Merge time (unix seconds).
    #[serde(default)]
    pub merged_at: Option<i64>,
}
