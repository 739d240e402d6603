//! The ticket type request bodies and the functions that check them.

use serde::Serialize;

use super::models::{TicketAttributeType, TicketCategory};
use crate::error::Error;
use crate::resources::common::{require_non_empty, shared_methods, truncate};
use crate::transport::Request;

/// The fields a ticket type is created or updated with.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
struct TicketTypeFields {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<TicketCategory>,
    #[serde(skip_serializing_if = "Option::is_none")]
    icon: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archived: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_internal: Option<bool>,
}

impl TicketTypeFields {
    fn validate(&self) -> Result<(), Error> {
        if let Some(name) = &self.name {
            require_non_empty("name", name)?;
        }
        if let Some(icon) = &self.icon {
            require_non_empty("icon", icon)?;
        }
        if let Some(TicketCategory::Unknown(c)) = &self.category {
            return Err(Error::invalid(
                "category",
                format!(
                    "`{}` is not a ticket category; Intercom accepts Customer, Back-office or Tracker",
                    truncate(c, 40)
                ),
            ));
        }
        Ok(())
    }
}

shared_methods!([CreateTicketType, UpdateTicketType] {
    /// Description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.0.description = Some(description.into());
        self
    }
    /// Customer, back-office or tracker.
    pub fn category(mut self, category: TicketCategory) -> Self {
        self.0.category = Some(category);
        self
    }
    /// An emoji, e.g. `"🐞"` (Intercom's default is `"🎟️"`).
    pub fn icon(mut self, emoji: impl Into<String>) -> Self {
        self.0.icon = Some(emoji.into());
        self
    }
    /// Internal only (not shared with customers); a limited attribute.
    pub fn is_internal(mut self, internal: bool) -> Self {
        self.0.is_internal = Some(internal);
        self
    }
});

/// The body of `POST /ticket_types`.
///
/// Intercom gives every new type the attributes `_default_title_` and
/// `_default_description_`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CreateTicketType(TicketTypeFields);

impl CreateTicketType {
    /// A ticket type named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateTicketType(TicketTypeFields {
            name: Some(name.into()),
            ..TicketTypeFields::default()
        })
    }
}

/// The body of `PUT /ticket_types/{ticket_type_id}`: only the fields set
/// are changed.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UpdateTicketType(TicketTypeFields);

impl UpdateTicketType {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        UpdateTicketType::default()
    }

    /// Rename the type.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.0.name = Some(name.into());
        self
    }

    /// Archive (`true`) or unarchive (`false`) the type.
    pub fn archived(mut self, archived: bool) -> Self {
        self.0.archived = Some(archived);
        self
    }
}

/// The fields an attribute is created or updated with.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
struct AttributeFields {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_type: Option<TicketAttributeType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    required_to_create: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    required_to_create_for_contacts: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    visible_on_create: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    visible_to_contacts: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    multiline: Option<bool>,
    /// Comma-separated, as Intercom takes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    list_items: Option<String>,
    #[serde(skip)]
    list_items_error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    allow_multiple_values: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archived: Option<bool>,
}

impl AttributeFields {
    fn validate(&self) -> Result<(), Error> {
        if let Some(name) = &self.name {
            require_non_empty("name", name)?;
        }
        if let Some(why) = &self.list_items_error {
            return Err(Error::invalid("list_items", why.clone()));
        }
        // Options that only apply to one data type, when the type is known.
        if let Some(data_type) = &self.data_type {
            if let TicketAttributeType::Unknown(t) = data_type {
                return Err(Error::invalid(
                    "data_type",
                    format!("`{}` is not a ticket attribute type", truncate(t, 40)),
                ));
            }
            let only = |set: bool, field: &'static str, wanted: TicketAttributeType| {
                if set && *data_type != wanted {
                    return Err(Error::invalid(
                        field,
                        format!("applies only to {wanted} attributes, not {data_type}"),
                    ));
                }
                Ok(())
            };
            only(
                self.multiline.is_some(),
                "multiline",
                TicketAttributeType::String,
            )?;
            only(
                self.list_items.is_some(),
                "list_items",
                TicketAttributeType::List,
            )?;
            only(
                self.allow_multiple_values.is_some(),
                "allow_multiple_values",
                TicketAttributeType::Files,
            )?;
            if *data_type == TicketAttributeType::List && self.list_items.is_none() {
                return Err(Error::invalid(
                    "list_items",
                    "a list attribute needs its items",
                ));
            }
        }
        Ok(())
    }
}

shared_methods!([CreateTicketTypeAttribute, UpdateTicketTypeAttribute] {
    /// Required when a teammate creates a ticket in the Inbox.
    pub fn required_to_create(mut self, yes: bool) -> Self {
        self.0.required_to_create = Some(yes);
        self
    }
    /// Required when a contact creates a ticket in the Messenger.
    pub fn required_to_create_for_contacts(mut self, yes: bool) -> Self {
        self.0.required_to_create_for_contacts = Some(yes);
        self
    }
    /// Shown to teammates when they create a ticket.
    pub fn visible_on_create(mut self, yes: bool) -> Self {
        self.0.visible_on_create = Some(yes);
        self
    }
    /// Shown to contacts in the Messenger.
    pub fn visible_to_contacts(mut self, yes: bool) -> Self {
        self.0.visible_to_contacts = Some(yes);
        self
    }
    /// Several lines of text (string attributes only).
    pub fn multiline(mut self, yes: bool) -> Self {
        self.0.multiline = Some(yes);
        self
    }
    /// The items of a list attribute. Intercom takes them comma-separated,
    /// so an item may not contain a comma; an empty item or list is refused
    /// too (when the call is built).
    pub fn list_items<I, S>(mut self, items: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let items: Vec<String> = items.into_iter().map(Into::into).collect();
        let bad = items.iter().find(|i| i.trim().is_empty() || i.contains(','));
        self.0.list_items_error = if items.is_empty() {
            Some("a list attribute needs at least one item".to_owned())
        } else {
            bad.map(|bad| {
                format!(
                    "item `{}` is empty or contains a comma (Intercom takes the items comma-separated)",
                    truncate(bad, 40)
                )
            })
        };
        self.0.list_items = Some(items.join(","));
        self
    }
    /// Several files per ticket (files attributes only).
    pub fn allow_multiple_values(mut self, yes: bool) -> Self {
        self.0.allow_multiple_values = Some(yes);
        self
    }
});

/// The body of `POST /ticket_types/{ticket_type_id}/attributes`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CreateTicketTypeAttribute(AttributeFields);

impl CreateTicketTypeAttribute {
    /// An attribute `name` of `data_type`, described to teammates and
    /// contacts by `description`.
    pub fn new(
        name: impl Into<String>,
        data_type: TicketAttributeType,
        description: impl Into<String>,
    ) -> Self {
        CreateTicketTypeAttribute(AttributeFields {
            name: Some(name.into()),
            description: Some(description.into()),
            data_type: Some(data_type),
            ..AttributeFields::default()
        })
    }
}

/// The body of `PUT /ticket_types/{ticket_type_id}/attributes/{attribute_id}`:
/// only the fields set are changed (the data type cannot change).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UpdateTicketTypeAttribute(AttributeFields);

impl UpdateTicketTypeAttribute {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        UpdateTicketTypeAttribute::default()
    }

    /// Rename the attribute.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.0.name = Some(name.into());
        self
    }

    /// The description shown to teammates and contacts.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.0.description = Some(description.into());
        self
    }

    /// Archive the attribute: it is no longer asked for on new tickets but
    /// stays on existing ones.
    pub fn archived(mut self, archived: bool) -> Self {
        self.0.archived = Some(archived);
        self
    }
}

// --- The bodies the rows send (see `rows.rs`).

pub(super) fn create_body<T>(
    req: Request<T>,
    ticket_type: CreateTicketType,
) -> Result<Request<T>, Error> {
    ticket_type.0.validate()?;
    req.json(&ticket_type)
}

pub(super) fn update_body<T>(
    req: Request<T>,
    update: UpdateTicketType,
) -> Result<Request<T>, Error> {
    update.0.validate()?;
    req.json(&update)
}

pub(super) fn create_attribute_body<T>(
    req: Request<T>,
    attribute: CreateTicketTypeAttribute,
) -> Result<Request<T>, Error> {
    attribute.0.validate()?;
    req.json(&attribute)
}

pub(super) fn update_attribute_body<T>(
    req: Request<T>,
    update: UpdateTicketTypeAttribute,
) -> Result<Request<T>, Error> {
    update.0.validate()?;
    req.json(&update)
}
