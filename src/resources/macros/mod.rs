//! Macros: the saved replies teammates insert into conversations.
//!
//! Both Macros operations of Intercom API 2.16, on [`Macros`]. Intercom
//! returns only the macros the token's admin may see, and rewrites
//! placeholders in [`Macro::body`] from `{{user.name | fallback: 'there'}}`
//! to `<attribute key="user.name" default="there"/>`; [`Macro::body_text`]
//! keeps the original form.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use futures::TryStreamExt;
//! let mut macros = std::pin::pin!(client.macros().list().updated_since(1_719_474_966).items());
//! while let Some(m) = macros.try_next().await? {
//!     println!("{} {:?}", m.id, m.name);
//! }
//! # Ok(()) }
//! ```

mod rows;

pub use rows::{MAX_PER_PAGE, Macros, ops};

use serde::Deserialize;

use crate::models::{null_as_default, string_enum, string_or_number};

string_enum! {
    /// Who can see a macro.
    pub enum MacroVisibility {
        /// Every teammate.
        Everyone = "everyone",
        /// Only members of [`Macro::visible_to_team_ids`].
        SpecificTeams = "specific_teams",
    }
}

string_enum! {
    /// Where a macro can be used.
    pub enum MacroChannel {
        /// In the Inbox, replying to conversations.
        Inbox = "inbox",
        /// In the Messenger.
        Messenger = "messenger",
    }
}

/// A macro (saved reply).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Macro {
    /// The macro id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The macro's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The body as HTML, placeholders written as
    /// `<attribute key="…" default="…"/>`. Intercom may leave it out (`null`)
    /// on long lists.
    #[serde(default)]
    pub body: Option<String>,
    /// The body as plain text, placeholders in Intercom's `{{…}}` form.
    #[serde(default)]
    pub body_text: Option<String>,
    /// Creation time, ISO 8601 (e.g. `2025-07-17T11:18:08.000Z`).
    #[serde(default)]
    pub created_at: Option<String>,
    /// Last change, ISO 8601.
    #[serde(default)]
    pub updated_at: Option<String>,
    /// Who can see the macro.
    #[serde(default)]
    pub visible_to: Option<MacroVisibility>,
    /// The teams that can see it when [`visible_to`](Self::visible_to) is
    /// [`MacroVisibility::SpecificTeams`].
    #[serde(default, deserialize_with = "null_as_default")]
    pub visible_to_team_ids: Vec<String>,
    /// Where it can be used.
    #[serde(default, deserialize_with = "null_as_default")]
    pub available_on: Vec<MacroChannel>,
}
