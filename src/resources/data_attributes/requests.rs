//! The data attribute request bodies and the functions that check them.

use serde::Serialize;

use super::models::{DataAttributeModel, DataType};
use crate::contacts::MAX_CUSTOM_ATTRIBUTE_NAME;
use crate::error::Error;
use crate::resources::common::{require_non_empty, require_numeric, truncate};
use crate::transport::Request;

/// Fewest options a list attribute has.
pub const MIN_LIST_OPTIONS: usize = 2;

/// Characters Intercom refuses in an attribute name.
const FORBIDDEN_IN_NAMES: &[char] = &[
    '.', '$', '~', '`', '!', '@', '#', '%', '^', '&', '*', '\'', '"', '{', '}', '|', '\\', '\0',
];

#[derive(Debug, Clone, PartialEq, Serialize)]
struct ListOption {
    value: String,
}

fn list_options<I, S>(values: I) -> Vec<ListOption>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    values
        .into_iter()
        .map(|v| ListOption { value: v.into() })
        .collect()
}

fn validate_options(options: &[ListOption]) -> Result<(), Error> {
    if options.len() < MIN_LIST_OPTIONS {
        return Err(Error::invalid(
            "options",
            format!(
                "a list attribute needs at least {MIN_LIST_OPTIONS} options, got {}",
                options.len()
            ),
        ));
    }
    for option in options {
        require_non_empty("options", &option.value)?;
    }
    Ok(())
}

/// Check a data attribute name as Intercom would: not empty, at most 190
/// characters, none of `. $ ~ \` ! @ # % ^ & * ' " { } | \` or NUL.
///
/// # Errors
/// [`Error::InvalidInput`] with field `name`.
pub fn validate_attribute_name(name: &str) -> Result<(), Error> {
    require_non_empty("name", name)?;
    let len = name.chars().count();
    if len > MAX_CUSTOM_ATTRIBUTE_NAME {
        return Err(Error::invalid(
            "name",
            format!("is {len} characters; Intercom allows at most {MAX_CUSTOM_ATTRIBUTE_NAME}"),
        ));
    }
    if let Some(c) = name.chars().find(|c| FORBIDDEN_IN_NAMES.contains(c)) {
        return Err(Error::invalid(
            "name",
            format!(
                "`{}` contains {c:?}, which Intercom does not allow in attribute names",
                truncate(name, 40)
            ),
        ));
    }
    Ok(())
}

fn refuse_conversation_model(model: &DataAttributeModel) -> Result<(), Error> {
    if *model == DataAttributeModel::Conversation {
        return Err(Error::invalid(
            "model",
            "conversation attributes have their own endpoints (/conversations/attributes); \
             data attributes are for contact or company",
        ));
    }
    Ok(())
}

/// The body of `POST /data_attributes`: a custom attribute of contacts or
/// companies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreateDataAttribute {
    name: String,
    model: DataAttributeModel,
    data_type: DataType,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<Vec<ListOption>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    messenger_writable: Option<bool>,
}

impl CreateDataAttribute {
    /// An attribute `name` of `model` holding values of `data_type` (for a
    /// list, use [`list`](Self::list)).
    pub fn new(name: impl Into<String>, model: DataAttributeModel, data_type: DataType) -> Self {
        CreateDataAttribute {
            name: name.into(),
            model,
            data_type,
            description: None,
            options: None,
            messenger_writable: None,
        }
    }

    /// A list attribute: one of `options` (at least two).
    pub fn list<I, S>(name: impl Into<String>, model: DataAttributeModel, options: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        CreateDataAttribute {
            options: Some(list_options(options)),
            ..CreateDataAttribute::new(name, model, DataType::Options)
        }
    }

    /// The description shown in Intercom.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Whether the Messenger may write it.
    pub fn messenger_writable(mut self, yes: bool) -> Self {
        self.messenger_writable = Some(yes);
        self
    }

    /// The name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The model.
    pub fn model(&self) -> &DataAttributeModel {
        &self.model
    }

    /// The data type.
    pub fn data_type(&self) -> &DataType {
        &self.data_type
    }

    pub(super) fn validate(&self) -> Result<(), Error> {
        validate_attribute_name(&self.name)?;
        refuse_conversation_model(&self.model)?;
        match (&self.data_type, &self.options) {
            (DataType::Options, Some(options)) => validate_options(options),
            (DataType::Options, None) => Err(Error::invalid(
                "options",
                "a list attribute needs its options: use CreateDataAttribute::list",
            )),
            (_, _) => Ok(()),
        }
    }
}

/// The body of `PUT /data_attributes/{id}`: only the fields set change. The
/// data type cannot be changed through the API.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UpdateDataAttribute {
    #[serde(skip_serializing_if = "Option::is_none")]
    archived: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    messenger_writable: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<Vec<ListOption>>,
}

impl UpdateDataAttribute {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        UpdateDataAttribute::default()
    }

    /// Archive (`true`) or unarchive (`false`) the attribute.
    pub fn archived(mut self, yes: bool) -> Self {
        self.archived = Some(yes);
        self
    }

    /// The description shown in Intercom.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Whether the Messenger may write it.
    pub fn messenger_writable(mut self, yes: bool) -> Self {
        self.messenger_writable = Some(yes);
        self
    }

    /// Replace a list attribute's options (at least two).
    pub fn options<I, S>(mut self, options: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.options = Some(list_options(options));
        self
    }
}

// --- The bodies the rows send (see `rows.rs`).

pub(super) fn create_body<T>(
    req: Request<T>,
    attribute: CreateDataAttribute,
) -> Result<Request<T>, Error> {
    attribute.validate()?;
    req.json(&attribute)
}

pub(super) fn update_body<T>(
    req: Request<T>,
    data_attribute_id: &str,
    update: UpdateDataAttribute,
) -> Result<Request<T>, Error> {
    require_numeric("data_attribute_id", data_attribute_id)?;
    if let Some(options) = &update.options {
        validate_options(options)?;
    }
    req.json(&update)
}

/// For the `model` option of the list.
pub(super) fn model_query(model: &DataAttributeModel) -> Result<&str, Error> {
    refuse_conversation_model(model)?;
    Ok(model.as_str())
}
