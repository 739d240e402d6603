//! The contact request bodies and the functions that check them.

use serde::Serialize;

use crate::error::Error;
use crate::models::CustomAttributes;
use crate::resources::common::{require_non_empty, shared_methods, validate_custom_attributes};
use crate::resources::shared::ContactRole;
use crate::search::{Query, Sort, SortOrder};
use crate::subscription_types::ConsentType;
use crate::transport::Request;

/// The fields a contact can be created or updated with. Shared by
/// [`CreateContact`] and [`UpdateContact`].
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
struct ContactFields {
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<ContactRole>,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email_verified: Option<bool>,
    /// `Some(None)` sends `null`, which clears the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<Option<String>>,
    /// `Some(None)` sends `null`, which clears the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<Option<String>>,
    /// `Some(None)` sends `null`, which clears the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    avatar: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    signed_up_at: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_seen_at: Option<i64>,
    /// `Some(None)` sends `null`, which clears the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    owner_id: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unsubscribed_from_emails: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    custom_attributes: Option<CustomAttributes>,
    /// Set when `custom_attributes` was given something else than an object.
    #[serde(skip)]
    custom_attributes_not_an_object: bool,
}

impl ContactFields {
    /// Refuse what Intercom would refuse, naming the field.
    fn validate(&self) -> Result<(), Error> {
        for (name, value) in [("email", &self.email), ("external_id", &self.external_id)] {
            if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
                return Err(Error::invalid(name, "must not be empty when given"));
            }
        }
        if self.email_verified.is_some() && self.email.is_none() {
            return Err(Error::invalid(
                "email_verified",
                "Intercom accepts email_verified only together with an email",
            ));
        }
        if self.custom_attributes_not_an_object {
            return Err(Error::invalid(
                "custom_attributes",
                "must be a JSON object of attribute names to values",
            ));
        }
        if let Some(attrs) = &self.custom_attributes {
            validate_custom_attributes(attrs)?;
        }
        Ok(())
    }
}

shared_methods!([CreateContact, UpdateContact] {
            /// User or lead.
            pub fn role(mut self, role: ContactRole) -> Self {
                self.0.role = Some(role);
                self
            }
            /// Your id for the contact.
            pub fn external_id(mut self, id: impl Into<String>) -> Self {
                self.0.external_id = Some(id.into());
                self
            }
            /// Email address.
            pub fn email(mut self, email: impl Into<String>) -> Self {
                self.0.email = Some(email.into());
                self
            }
            /// Whether you verified the email address (needs [`email`](Self::email) too).
            pub fn email_verified(mut self, verified: bool) -> Self {
                self.0.email_verified = Some(verified);
                self
            }
            /// Phone number.
            pub fn phone(mut self, phone: impl Into<String>) -> Self {
                self.0.phone = Some(Some(phone.into()));
                self
            }
            /// Full name.
            pub fn name(mut self, name: impl Into<String>) -> Self {
                self.0.name = Some(Some(name.into()));
                self
            }
            /// Avatar image URL.
            pub fn avatar(mut self, url: impl Into<String>) -> Self {
                self.0.avatar = Some(Some(url.into()));
                self
            }
            /// Sign-up time (unix seconds).
            pub fn signed_up_at(mut self, unix: i64) -> Self {
                self.0.signed_up_at = Some(unix);
                self
            }
            /// Last-seen time (unix seconds).
            pub fn last_seen_at(mut self, unix: i64) -> Self {
                self.0.last_seen_at = Some(unix);
                self
            }
            /// The admin who owns the contact.
            pub fn owner_id(mut self, admin_id: impl Into<String>) -> Self {
                self.0.owner_id = Some(Some(admin_id.into()));
                self
            }
            /// Whether the contact is unsubscribed from emails.
            pub fn unsubscribed_from_emails(mut self, yes: bool) -> Self {
                self.0.unsubscribed_from_emails = Some(yes);
                self
            }
            /// Set one custom attribute (a string, number, boolean or `null`).
            pub fn custom_attribute(
                mut self,
                name: impl Into<String>,
                value: impl Into<serde_json::Value>,
            ) -> Self {
                self.0
                    .custom_attributes
                    .get_or_insert_with(Default::default)
                    .insert(name.into(), value.into());
                self
            }
            /// Set several custom attributes at once: a
            /// [`CustomAttributes`] map or a `json!({..})` object. Anything
            /// but an object is refused when the call is built.
            pub fn custom_attributes(mut self, attrs: impl Into<serde_json::Value>) -> Self {
                match attrs.into() {
                    serde_json::Value::Object(map) => self
                        .0
                        .custom_attributes
                        .get_or_insert_with(Default::default)
                        .extend(map),
                    _ => self.0.custom_attributes_not_an_object = true,
                }
                self
            }
});

/// The body of `POST /contacts`.
///
/// A contact needs an email, an external id, or the lead role; the
/// constructors start from one of them.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CreateContact(ContactFields);

impl CreateContact {
    /// A user identified by email.
    pub fn with_email(email: impl Into<String>) -> Self {
        CreateContact(ContactFields::default()).email(email)
    }

    /// A user identified by your id.
    pub fn with_external_id(id: impl Into<String>) -> Self {
        CreateContact(ContactFields::default()).external_id(id)
    }

    /// A lead (email and external id optional).
    pub fn lead() -> Self {
        CreateContact(ContactFields::default()).role(ContactRole::Lead)
    }

    fn validate(&self) -> Result<(), Error> {
        let f = &self.0;
        if f.email.is_none() && f.external_id.is_none() && f.role != Some(ContactRole::Lead) {
            return Err(Error::invalid(
                "email",
                "a contact needs an email, an external_id, or role lead",
            ));
        }
        f.validate()
    }

    /// The external id, if set.
    pub fn get_external_id(&self) -> Option<&str> {
        self.0.external_id.as_deref()
    }
}

/// The body of `PUT /contacts/{id}`: only the fields set are changed.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UpdateContact(ContactFields);

impl UpdateContact {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        UpdateContact::default()
    }

    /// Remove the phone number (sends `"phone": null`).
    pub fn clear_phone(mut self) -> Self {
        self.0.phone = Some(None);
        self
    }

    /// Remove the name (sends `"name": null`).
    pub fn clear_name(mut self) -> Self {
        self.0.name = Some(None);
        self
    }

    /// Remove the avatar (sends `"avatar": null`).
    pub fn clear_avatar(mut self) -> Self {
        self.0.avatar = Some(None);
        self
    }

    /// Remove the owner (sends `"owner_id": null`).
    pub fn clear_owner(mut self) -> Self {
        self.0.owner_id = Some(None);
        self
    }
}

impl From<CreateContact> for UpdateContact {
    fn from(c: CreateContact) -> Self {
        UpdateContact(c.0)
    }
}

/// The body of `POST /contacts/merge`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MergeContacts {
    from: String,
    into: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    skip_duplicate_validation: Option<bool>,
}

impl MergeContacts {
    /// Merge the lead `from` into the user `into`.
    pub fn new(from_lead: impl Into<String>, into_user: impl Into<String>) -> Self {
        MergeContacts {
            from: from_lead.into(),
            into: into_user.into(),
            skip_duplicate_validation: None,
        }
    }

    /// Merge even when the two share no email or phone.
    pub fn skip_duplicate_validation(mut self, yes: bool) -> Self {
        self.skip_duplicate_validation = Some(yes);
        self
    }
}

/// The body of `POST /contacts/search`: a query and an optional sort.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactSearch {
    query: Query,
    #[serde(skip_serializing_if = "Option::is_none")]
    sort: Option<Sort>,
}

impl ContactSearch {
    /// Search with `query`, in Intercom's default order.
    pub fn new(query: Query) -> Self {
        ContactSearch { query, sort: None }
    }

    /// Sort the results by `field`.
    pub fn sort(mut self, field: impl Into<String>, order: SortOrder) -> Self {
        self.sort = Some(Sort {
            field: field.into(),
            order,
        });
        self
    }
}

impl From<Query> for ContactSearch {
    fn from(query: Query) -> Self {
        ContactSearch::new(query)
    }
}

// --- The bodies the rows send (see `rows.rs`).

pub(super) fn create_body<T>(req: Request<T>, contact: CreateContact) -> Result<Request<T>, Error> {
    contact.validate()?;
    req.json(&contact)
}

pub(super) fn update_body<T>(req: Request<T>, update: UpdateContact) -> Result<Request<T>, Error> {
    update.0.validate()?;
    req.json(&update)
}

pub(super) fn merge_body<T>(req: Request<T>, merge: MergeContacts) -> Result<Request<T>, Error> {
    require_non_empty("from", &merge.from)?;
    require_non_empty("into", &merge.into)?;
    req.json(&merge)
}

pub(super) fn search_body<T>(
    req: Request<T>,
    search: impl Into<ContactSearch>,
) -> Result<Request<T>, Error> {
    let search = search.into();
    search.query.validate()?;
    req.json(&search)
}

pub(super) fn note_body<T>(
    req: Request<T>,
    body: &str,
    admin_id: Option<&str>,
) -> Result<Request<T>, Error> {
    #[derive(Serialize)]
    struct Body<'a> {
        body: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        admin_id: Option<&'a str>,
    }
    require_non_empty("body", body)?;
    req.json(&Body { body, admin_id })
}

pub(super) fn subscription_body<T>(
    req: Request<T>,
    subscription_id: &str,
    consent_type: ConsentType,
) -> Result<Request<T>, Error> {
    #[derive(Serialize)]
    struct Body<'a> {
        id: &'a str,
        consent_type: &'a ConsentType,
    }
    require_non_empty("subscription_id", subscription_id)?;
    req.json(&Body {
        id: subscription_id,
        consent_type: &consent_type,
    })
}
