//! The data attribute models: what Intercom answers.

use serde::Deserialize;

use crate::models::{null_as_default, opt_string_or_number, string_enum};

string_enum! {
    /// What a data attribute describes.
    pub enum DataAttributeModel {
        /// Contacts (users and leads).
        Contact = "contact",
        /// Companies.
        Company = "company",
        /// Conversations: older answers only. Conversation attributes have
        /// their own endpoints now (`/conversations/attributes`), and the
        /// data attribute endpoints refuse this model.
        Conversation = "conversation",
    }
}

string_enum! {
    /// The type of a data attribute's values.
    pub enum DataType {
        /// Text (at most 255 characters per value).
        String = "string",
        /// A whole number.
        Integer = "integer",
        /// A decimal number.
        Float = "float",
        /// `true` or `false`.
        Boolean = "boolean",
        /// A date (unix seconds); Intercom reports date-times as `date` too.
        Date = "date",
        /// A date and time (unix seconds); created as such, reported as `date`.
        Datetime = "datetime",
        /// A list: one of a fixed set of text options.
        Options = "options",
    }
}

impl DataType {
    /// Whether an attribute created with `self` is reported as `reported`
    /// (Intercom reports a `datetime` attribute as `date`, and a list as a
    /// `string` with options).
    pub(super) fn matches(&self, reported: &DataAttribute) -> bool {
        let Some(existing) = &reported.data_type else {
            return false;
        };
        match (self, existing) {
            (a, b) if a == b => true,
            (DataType::Datetime, DataType::Date) | (DataType::Date, DataType::Datetime) => true,
            (DataType::Options, DataType::String) => !reported.options.is_empty(),
            _ => false,
        }
    }
}

/// A data attribute: a standard or custom field of contacts or companies.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct DataAttribute {
    /// The id; only custom attributes have one (what
    /// [`update`](super::DataAttributes::update) takes).
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// Contact or company.
    #[serde(default)]
    pub model: Option<DataAttributeModel>,
    /// The name, e.g. `paid_subscriber`.
    #[serde(default)]
    pub name: Option<String>,
    /// The path of the value in the object, e.g.
    /// `custom_attributes.paid_subscriber` (split on `.`).
    #[serde(default)]
    pub full_name: Option<String>,
    /// The name shown in Intercom.
    #[serde(default)]
    pub label: Option<String>,
    /// The description shown in Intercom.
    #[serde(default)]
    pub description: Option<String>,
    /// The type of its values.
    #[serde(default)]
    pub data_type: Option<DataType>,
    /// The allowed values of a list attribute.
    #[serde(default, deserialize_with = "null_as_default")]
    pub options: Vec<String>,
    /// Whether the API can write it.
    #[serde(default)]
    pub api_writable: Option<bool>,
    /// Whether the Messenger can write it.
    #[serde(default)]
    pub messenger_writable: Option<bool>,
    /// Whether teammates can edit it in Intercom.
    #[serde(default)]
    pub ui_writable: Option<bool>,
    /// Whether it is a custom attribute.
    #[serde(default)]
    pub custom: Option<bool>,
    /// Whether it is archived (custom attributes only).
    #[serde(default)]
    pub archived: Option<bool>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// The admin who created it (custom attributes only).
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub admin_id: Option<String>,
}

/// What [`ensure`](super::DataAttributes::ensure) did.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Ensured {
    /// The attribute, as Intercom has it now.
    pub attribute: DataAttribute,
    /// `true` when this call created it.
    pub created: bool,
}
