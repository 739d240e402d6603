//! What Intercom answers about custom object instances, and the body that
//! creates or updates one.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::models::{CustomAttributes, null_as_default, opt_string_or_number, string_or_number};
use crate::resources::common::{require_non_empty, validate_custom_attributes};
use crate::transport::Request;

/// One instance of a custom object type.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CustomObjectInstance {
    /// Intercom's id of the instance.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The object type it belongs to, e.g. `Order` (the spec's `type`).
    #[serde(default, rename = "type")]
    pub object_type: Option<String>,
    /// Your id for it, from the system it comes from.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub external_id: Option<String>,
    /// When it was created in your system (unix seconds).
    #[serde(default)]
    pub external_created_at: Option<i64>,
    /// When it last changed in your system (unix seconds).
    #[serde(default)]
    pub external_updated_at: Option<i64>,
    /// When Intercom stored it (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// When Intercom last changed it (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// The attributes your object type defines, as Intercom returns them:
    /// strings, numbers, booleans, dates as unix seconds.
    #[serde(default, deserialize_with = "null_as_default")]
    pub custom_attributes: CustomAttributes,
}

impl CustomObjectInstance {
    /// The attribute `name`, as JSON.
    pub fn attribute(&self, name: &str) -> Option<&serde_json::Value> {
        self.custom_attributes.get(name)
    }

    /// The attribute `name`, when it is a string.
    pub fn attribute_str(&self, name: &str) -> Option<&str> {
        self.attribute(name).and_then(serde_json::Value::as_str)
    }

    /// The attribute `name`, when it is a number (or a numeric string,
    /// since the spec declares every attribute a string).
    pub fn attribute_f64(&self, name: &str) -> Option<f64> {
        match self.attribute(name)? {
            serde_json::Value::Number(n) => n.as_f64(),
            serde_json::Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// The attribute `name`, when it is an integer (or an integer string):
    /// counts, dates as unix seconds.
    pub fn attribute_i64(&self, name: &str) -> Option<i64> {
        match self.attribute(name)? {
            serde_json::Value::Number(n) => n.as_i64(),
            serde_json::Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// The attribute `name`, when it is a boolean (or `"true"`/`"false"`).
    pub fn attribute_bool(&self, name: &str) -> Option<bool> {
        match self.attribute(name)? {
            serde_json::Value::Bool(b) => Some(*b),
            serde_json::Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }
}

/// The answer to deleting an instance.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CustomObjectInstanceDeleted {
    /// The deleted instance's Intercom id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// Its object type, e.g. `Order`.
    #[serde(default)]
    pub object: Option<String>,
    /// Whether it is deleted.
    #[serde(default)]
    pub deleted: bool,
}

/// The body of `POST /custom_object_instances/{custom_object_type_identifier}`:
/// the instance with this external id, created or replaced field by field.
///
/// ```
/// use intercom_api::custom_object_instances::UpsertInstance;
/// let order = UpsertInstance::new("ORD-2026-0412")
///     .external_created_at(1_775_980_800)
///     .attribute("status", "paid")
///     .attribute("items", 3);
/// ```
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct UpsertInstance {
    external_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_created_at: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_updated_at: Option<i64>,
    #[serde(skip_serializing_if = "CustomAttributes::is_empty")]
    custom_attributes: CustomAttributes,
}

impl UpsertInstance {
    /// The instance your system knows as `external_id`: Intercom updates
    /// it when it exists, else creates it.
    pub fn new(external_id: impl Into<String>) -> Self {
        UpsertInstance {
            external_id: external_id.into(),
            external_created_at: None,
            external_updated_at: None,
            custom_attributes: CustomAttributes::new(),
        }
    }

    /// When it was created in your system (unix seconds).
    pub fn external_created_at(mut self, unix: i64) -> Self {
        self.external_created_at = Some(unix);
        self
    }

    /// When it last changed in your system (unix seconds).
    pub fn external_updated_at(mut self, unix: i64) -> Self {
        self.external_updated_at = Some(unix);
        self
    }

    /// Set the attribute `name` (one your object type defines).
    pub fn attribute(
        mut self,
        name: impl Into<String>,
        value: impl Into<serde_json::Value>,
    ) -> Self {
        self.custom_attributes.insert(name.into(), value.into());
        self
    }

    /// Set several attributes.
    pub fn attributes(mut self, attributes: CustomAttributes) -> Self {
        self.custom_attributes.extend(attributes);
        self
    }

    fn validate(&self) -> Result<(), Error> {
        require_non_empty("external_id", &self.external_id)?;
        for (field, at) in [
            ("external_created_at", self.external_created_at),
            ("external_updated_at", self.external_updated_at),
        ] {
            if let Some(at) = at.filter(|at| *at < 0) {
                return Err(Error::invalid(
                    field,
                    format!("{at} is not a unix timestamp (seconds since 1970)"),
                ));
            }
        }
        validate_custom_attributes(&self.custom_attributes)
    }
}

/// Check and send an [`UpsertInstance`].
pub(super) fn upsert_body<T>(
    request: Request<T>,
    body: UpsertInstance,
) -> Result<Request<T>, Error> {
    body.validate()?;
    request.json(&body)
}

/// `?external_id=`, required.
pub(super) fn external_id_query<T>(
    request: Request<T>,
    external_id: &str,
) -> Result<Request<T>, Error> {
    require_non_empty("external_id", external_id)?;
    Ok(request.query("external_id", external_id))
}
