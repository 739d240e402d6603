//! The visitor request bodies and the functions that check them.

use serde::Serialize;

use crate::contacts::validate_custom_attributes;
use crate::error::Error;
use crate::models::CustomAttributes;
use crate::resources::common::require_non_empty;
use crate::transport::Request;

/// The body of `PUT /visitors`: the visitor, by Intercom id or by
/// `user_id`, and the fields to change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UpdateVisitor {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    custom_attributes: Option<CustomAttributes>,
}

impl UpdateVisitor {
    /// Update the visitor with this Intercom id.
    pub fn by_id(id: impl Into<String>) -> Self {
        UpdateVisitor {
            id: Some(id.into()),
            user_id: None,
            name: None,
            custom_attributes: None,
        }
    }

    /// Update the visitor with this `user_id`.
    pub fn by_user_id(user_id: impl Into<String>) -> Self {
        UpdateVisitor {
            id: None,
            user_id: Some(user_id.into()),
            name: None,
            custom_attributes: None,
        }
    }

    /// Set the visitor's name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Set one custom attribute.
    pub fn custom_attribute(
        mut self,
        name: impl Into<String>,
        value: impl Into<serde_json::Value>,
    ) -> Self {
        self.custom_attributes
            .get_or_insert_with(Default::default)
            .insert(name.into(), value.into());
        self
    }
}

/// Who a visitor is, or who it becomes: by Intercom id, by `user_id`
/// (your id, an `external_id` once converted) or by email.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Identifier {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
}

impl Identifier {
    /// By Intercom id.
    pub fn id(id: impl Into<String>) -> Self {
        Identifier {
            id: Some(id.into()),
            ..Identifier::default()
        }
    }

    /// By `user_id`.
    pub fn user_id(user_id: impl Into<String>) -> Self {
        Identifier {
            user_id: Some(user_id.into()),
            ..Identifier::default()
        }
    }

    /// By email.
    pub fn email(email: impl Into<String>) -> Self {
        Identifier {
            email: Some(email.into()),
            ..Identifier::default()
        }
    }

    /// Also this email (kept on the contact).
    pub fn and_email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

    fn validate(&self, field: &'static str) -> Result<(), Error> {
        let given = [&self.id, &self.user_id, &self.email];
        if given.iter().all(|v| v.is_none()) {
            return Err(Error::invalid(field, "needs an id, a user_id or an email"));
        }
        for value in given.into_iter().flatten() {
            require_non_empty(field, value)?;
        }
        Ok(())
    }
}

/// The body of `POST /visitors/convert`: a visitor becomes a user or a
/// lead. When the user exists, the visitor is merged into it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConvertVisitor {
    #[serde(rename = "type")]
    role: &'static str,
    user: Identifier,
    visitor: Identifier,
}

impl ConvertVisitor {
    /// Convert `visitor` into the user `user` (merged into it when it
    /// exists).
    pub fn to_user(visitor: Identifier, user: Identifier) -> Self {
        ConvertVisitor {
            role: "user",
            user,
            visitor,
        }
    }

    /// Convert `visitor` into a lead identified by `lead`.
    pub fn to_lead(visitor: Identifier, lead: Identifier) -> Self {
        ConvertVisitor {
            role: "lead",
            user: lead,
            visitor,
        }
    }
}

// --- The bodies the rows send.

pub(super) fn user_id_query<T>(req: Request<T>, user_id: &str) -> Result<Request<T>, Error> {
    require_non_empty("user_id", user_id)?;
    Ok(req.query("user_id", user_id))
}

pub(super) fn update_body<T>(req: Request<T>, update: UpdateVisitor) -> Result<Request<T>, Error> {
    match (&update.id, &update.user_id) {
        (Some(id), _) => require_non_empty("id", id)?,
        (None, Some(user_id)) => require_non_empty("user_id", user_id)?,
        (None, None) => return Err(Error::invalid("id", "needs an id or a user_id")),
    }
    if let Some(attrs) = &update.custom_attributes {
        validate_custom_attributes(attrs)?;
    }
    req.json(&update)
}

pub(super) fn convert_body<T>(
    req: Request<T>,
    convert: ConvertVisitor,
) -> Result<Request<T>, Error> {
    convert.visitor.validate("visitor")?;
    convert.user.validate("user")?;
    req.json(&convert)
}
