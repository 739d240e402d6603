//! The conversation attribute models: what Intercom answers.

use serde::Deserialize;

use crate::models::{null_as_default, opt_string_or_number, string_enum, string_or_number};

string_enum! {
    /// The data type of a conversation attribute.
    pub enum AttributeDataType {
        /// Text ([`multiline`](super::NewConversationAttribute::multiline) or not).
        String = "string",
        /// A whole number.
        Integer = "integer",
        /// One of a list of options.
        List = "list",
        /// A decimal number.
        Decimal = "decimal",
        /// True or false.
        Boolean = "boolean",
        /// A date and time.
        Datetime = "datetime",
        /// A reference to custom object instances.
        Relationship = "relationship",
        /// Attached files.
        Files = "files",
    }
}

string_enum! {
    /// How many objects a relationship attribute refers to.
    pub enum Cardinality {
        /// One object.
        One = "one",
        /// Several objects.
        Many = "many",
    }
}

/// A conversation attribute: a custom field on conversations.
///
/// One type for every data type: `multiline` is set for strings, `options`
/// for lists, `reference` for relationships.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ConversationAttribute {
    /// The attribute id (an integer on the wire, kept as text so it can be
    /// passed straight to [`get`](super::ConversationAttributes::get) and the others).
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its data type.
    #[serde(default)]
    pub data_type: Option<AttributeDataType>,
    /// Whether teammates must fill it in (e.g. before closing).
    #[serde(default)]
    pub required: Option<bool>,
    /// The teams that see it; empty for all teams.
    #[serde(default, deserialize_with = "null_as_default")]
    pub visible_to_team_ids: Vec<String>,
    /// Whether it is archived (deleting archives).
    #[serde(default)]
    pub archived: Option<bool>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last change (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// The admin who created it.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub admin_id: Option<String>,
    /// Strings: whether the text spans several lines.
    #[serde(default)]
    pub multiline: Option<bool>,
    /// Lists: the options, archived ones included.
    #[serde(default, deserialize_with = "null_as_default")]
    pub options: Vec<AttributeOption>,
    /// Relationships: what the attribute refers to.
    #[serde(default)]
    pub reference: Option<AttributeReference>,
}

impl ConversationAttribute {
    /// The options of a list attribute that are not archived.
    pub fn active_options(&self) -> impl Iterator<Item = &AttributeOption> {
        self.options.iter().filter(|o| o.archived != Some(true))
    }
}

/// An option of a list attribute.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AttributeOption {
    /// The option's UUID, the `option_id` of the option endpoints.
    pub id: String,
    /// The label teammates pick.
    #[serde(default)]
    pub label: Option<String>,
    /// Whether it is archived (deleting archives).
    #[serde(default)]
    pub archived: Option<bool>,
}

/// What a relationship attribute refers to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AttributeReference {
    /// One or many objects.
    #[serde(rename = "type", default)]
    pub cardinality: Option<Cardinality>,
    /// The custom object type referred to.
    #[serde(default)]
    pub object_type_id: Option<String>,
}
