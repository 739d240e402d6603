//! Audiences: groups of contacts, defined by predicates, that Fin's
//! content (e.g. [content snippets](crate::content_snippets)) can target.
//!
//! The five Audiences operations of Intercom API 2.16, on [`Audiences`].
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::audiences::{NewAudience, Predicate};
//! let vip = client
//!     .audiences()
//!     .create(
//!         NewAudience::new("Enterprise accounts")
//!             .predicate(Predicate::new("custom_attributes.plan", "string", "eq", "enterprise"))
//!             .role_predicate(Predicate::role("user")),
//!     )
//!     .await?;
//! println!("{}", vip.id);
//! # Ok(()) }
//! ```

mod rows;

pub use rows::{Audiences, MAX_PER_PAGE, ops};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::models::{null_as_default, string_or_number};
use crate::resources::common::shared_methods;
use crate::transport::Request;

/// A condition on contacts: `attribute` (of type `type`) compared with
/// `value`, e.g. `company.name` `contains` `Acme`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Predicate {
    /// The attribute, e.g. `company.name` or `custom_attributes.plan`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
    /// The attribute's type, e.g. `string`, `role`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The comparison, e.g. `eq`, `contains`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<String>,
    /// The value compared with (a string in 2.16; kept as JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
}

impl Predicate {
    /// `attribute` (of type `kind`) `comparison` `value`.
    pub fn new(
        attribute: impl Into<String>,
        kind: impl Into<String>,
        comparison: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        Predicate {
            attribute: Some(attribute.into()),
            kind: Some(kind.into()),
            comparison: Some(comparison.into()),
            value: Some(serde_json::Value::String(value.into())),
        }
    }

    /// Contacts of this role (`user` or `lead`), as a role predicate.
    pub fn role(role: impl Into<String>) -> Self {
        Predicate::new("role", "role", "eq", role)
    }

    fn validate(&self) -> Result<(), Error> {
        for (field, v) in [
            ("predicates.attribute", &self.attribute),
            ("predicates.comparison", &self.comparison),
        ] {
            if v.as_deref().is_none_or(|s| s.trim().is_empty()) {
                return Err(Error::invalid(field, "must not be empty"));
            }
        }
        Ok(())
    }
}

/// An audience.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Audience {
    /// The audience id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// The conditions a contact must meet.
    #[serde(default, deserialize_with = "null_as_default")]
    pub predicates: Vec<Predicate>,
    /// The conditions on the contact's role.
    #[serde(default, deserialize_with = "null_as_default")]
    pub role_predicates: Vec<Predicate>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last change (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

/// An audience to create.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct NewAudience {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    predicates: Option<Vec<Predicate>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role_predicates: Option<Vec<Predicate>>,
}

impl NewAudience {
    /// An audience named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        NewAudience {
            name: name.into(),
            predicates: None,
            role_predicates: None,
        }
    }
}

/// The changes to make to an audience; fields left unset are kept.
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct UpdateAudience {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    predicates: Option<Vec<Predicate>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role_predicates: Option<Vec<Predicate>>,
}

impl UpdateAudience {
    /// No changes yet.
    pub fn new() -> Self {
        UpdateAudience::default()
    }

    /// A new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}

shared_methods!([NewAudience, UpdateAudience] {
    /// Add a condition on contacts (an update replaces the whole list with
    /// the ones added here).
    pub fn predicate(mut self, predicate: Predicate) -> Self {
        self.predicates.get_or_insert_with(Vec::new).push(predicate);
        self
    }

    /// Add a condition on the contact's role (an update replaces the whole
    /// list with the ones added here).
    pub fn role_predicate(mut self, predicate: Predicate) -> Self {
        self.role_predicates.get_or_insert_with(Vec::new).push(predicate);
        self
    }
});

fn check(name: Option<&str>, lists: [&Option<Vec<Predicate>>; 2]) -> Result<(), Error> {
    if name.is_some_and(|n| n.trim().is_empty()) {
        return Err(Error::invalid("name", "must not be empty"));
    }
    lists
        .into_iter()
        .flatten()
        .flatten()
        .try_for_each(Predicate::validate)
}

pub(super) fn create_body<T>(req: Request<T>, audience: NewAudience) -> Result<Request<T>, Error> {
    check(
        Some(&audience.name),
        [&audience.predicates, &audience.role_predicates],
    )?;
    req.json(&audience)
}

pub(super) fn update_body<T>(req: Request<T>, update: UpdateAudience) -> Result<Request<T>, Error> {
    check(
        update.name.as_deref(),
        [&update.predicates, &update.role_predicates],
    )?;
    req.json(&update)
}
