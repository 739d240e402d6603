//! Options that only some operations accept.
//!
//! Each option is a trait implemented by the markers of the operations that
//! accept it (a row lists them: `[IncludeMergeHistory]`), and a method on
//! [`Call`] or [`ListCall`] that exists only for those operations. Asking
//! for an option an endpoint ignores does not compile:
//!
//! ```compile_fail
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::contacts::CreateContact;
//! // `POST /contacts` has no `include_merge_history` parameter.
//! client
//!     .contacts()
//!     .create(CreateContact::with_email("ada@example.com"))
//!     .include_merge_history()
//!     .await?;
//! # Ok(()) }
//! ```
//!
//! ```compile_fail
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! // Only the deleted-conversations listing and merge history take an order.
//! client.contacts().list().order(intercom_api::search::SortOrder::Ascending).await?;
//! # Ok(()) }
//! ```
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! let contact = client
//!     .contacts()
//!     .get("6762f0d01bb69f9f2193bb7d")
//!     .include_merge_history()
//!     .await?;
//! # Ok(()) }
//! ```

use crate::call::Call;
use crate::error::Error;
use crate::pagination::ListCall;
use crate::search::SortOrder;

/// Operations that accept `include_merge_history=true`.
pub trait IncludeMergeHistory {}
/// Operations that accept `display_avatar`.
pub trait DisplayAvatar {}
/// Operations that accept `display_as=plaintext`.
pub trait DisplayAsPlaintext {}
/// Operations that accept `include_translations=true`.
pub trait IncludeTranslations {}
/// Operations that accept `retain_metrics`.
pub trait RetainMetrics {}
/// Operations that accept an `order` (`asc` / `desc`).
pub trait Order {}
/// Operations that accept a `locale`.
pub trait Locale {}

fn order_value(order: SortOrder) -> &'static str {
    match order {
        SortOrder::Ascending => "asc",
        SortOrder::Descending => "desc",
    }
}

impl<C, T, O: IncludeMergeHistory> Call<'_, C, T, O> {
    /// Include `merge_history` in the returned contact.
    pub fn include_merge_history(self) -> Self {
        self.set_query("include_merge_history", "true")
    }
}

impl<C, T, O: IncludeMergeHistory> ListCall<'_, C, T, O> {
    /// Include `merge_history` in every returned contact.
    pub fn include_merge_history(self) -> Self {
        self.set_query("include_merge_history", "true")
    }
}

impl<C, T, O: DisplayAvatar> Call<'_, C, T, O> {
    /// Include each admin's avatar (`display_avatar`).
    pub fn display_avatar(self, yes: bool) -> Self {
        self.set_query("display_avatar", if yes { "true" } else { "false" })
    }
}

impl<C, T, O: DisplayAsPlaintext> Call<'_, C, T, O> {
    /// Return message bodies and subjects as plain text (`display_as=plaintext`).
    pub fn display_as_plaintext(self) -> Self {
        self.set_query("display_as", "plaintext")
    }
}

impl<C, T, O: IncludeTranslations> Call<'_, C, T, O> {
    /// Translate the parts into the conversation's detected language
    /// (`include_translations=true`).
    pub fn include_translations(self) -> Self {
        self.set_query("include_translations", "true")
    }
}

impl<C, T, O: RetainMetrics> Call<'_, C, T, O> {
    /// `true` (Intercom's default): keep reporting data. `false`: delete it
    /// too (needs the `delete_conversations_and_metrics` scope).
    pub fn retain_metrics(self, retain: bool) -> Self {
        self.set_query("retain_metrics", if retain { "true" } else { "false" })
    }
}

impl<C, T, O: Order> ListCall<'_, C, T, O> {
    /// Oldest (`Ascending`) or newest (`Descending`) first.
    pub fn order(self, order: SortOrder) -> Self {
        self.set_query("order", order_value(order))
    }
}

impl<C, T, O: Locale> Call<'_, C, T, O> {
    /// The content in this locale (`en`, `fr`, ...).
    pub fn locale(self, locale: &str) -> Self {
        let locale = locale.to_owned();
        self.try_map_request(move |r| {
            require_locale(&locale)?;
            r.raw.set_query("locale", locale);
            Ok(())
        })
    }
}

impl<C, T, O: Locale> ListCall<'_, C, T, O> {
    /// Only items of this locale (`en`, `fr`, ...).
    pub fn locale(self, locale: &str) -> Self {
        let locale = locale.to_owned();
        self.map_request(move |mut r| {
            require_locale(&locale)?;
            r.raw.set_query("locale", locale);
            Ok(r)
        })
    }
}

fn require_locale(locale: &str) -> Result<(), Error> {
    if locale.trim().is_empty() {
        return Err(Error::invalid("locale", "must not be empty"));
    }
    Ok(())
}

/// Operations that accept `include_count=true`.
pub trait IncludeCount {}
/// Operations that accept `include_archived`.
pub trait IncludeArchived {}
/// Operations that accept an `idle_threshold` (seconds).
pub trait IdleThreshold {}

/// Largest `idle_threshold` Intercom honours (a day, in seconds).
pub const MAX_IDLE_THRESHOLD: u32 = 86_400;

impl<C, T, O: IncludeCount> Call<'_, C, T, O> {
    /// Count the contacts in each segment (`include_count=true`).
    pub fn include_count(self) -> Self {
        self.set_query("include_count", "true")
    }
}

impl<C, T, O: IncludeArchived> Call<'_, C, T, O> {
    /// Include archived items too (`include_archived=true`); Intercom's
    /// default leaves them out.
    pub fn include_archived(self, yes: bool) -> Self {
        self.set_query("include_archived", if yes { "true" } else { "false" })
    }
}

impl<C, T, O: IdleThreshold> Call<'_, C, T, O> {
    /// Count an open conversation as idle after it waited this many seconds
    /// for an admin reply (Intercom's default: 1800). Refused before sending
    /// outside 1..=86400, the range Intercom would clamp it to.
    pub fn idle_threshold(self, seconds: u32) -> Self {
        self.try_map_request(move |r| {
            if seconds == 0 || seconds > MAX_IDLE_THRESHOLD {
                return Err(Error::invalid(
                    "idle_threshold",
                    format!("{seconds} is outside 1..={MAX_IDLE_THRESHOLD} seconds"),
                ));
            }
            r.raw.set_query("idle_threshold", seconds.to_string());
            Ok(())
        })
    }
}

/// Operations that accept `updated_since` (unix seconds).
pub trait UpdatedSince {}

impl<C, T, O: UpdatedSince> ListCall<'_, C, T, O> {
    /// Only items updated after this time (unix seconds). Refused before
    /// sending when negative.
    pub fn updated_since(self, unix: i64) -> Self {
        self.map_request(move |mut r| {
            if unix < 0 {
                return Err(Error::invalid(
                    "updated_since",
                    format!("{unix} is not a unix timestamp (seconds since 1970)"),
                ));
            }
            r.raw.set_query("updated_since", unix.to_string());
            Ok(r)
        })
    }
}
