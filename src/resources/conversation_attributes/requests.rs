//! The conversation attribute request bodies and the functions that check them.

use serde::Serialize;

use super::models::{AttributeDataType, Cardinality};
use crate::error::Error;
use crate::resources::common::{require_non_empty, require_numeric, shared_methods};
use crate::transport::Request;

/// The fewest active options a list attribute may have.
pub const MIN_LIST_OPTIONS: usize = 2;

/// `reference` of a relationship attribute, as sent.
#[derive(Debug, Clone, Serialize, PartialEq)]
struct Reference {
    #[serde(rename = "type")]
    cardinality: Cardinality,
    #[serde(skip_serializing_if = "Option::is_none")]
    object_type_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
struct Label {
    label: String,
}

/// The body of `POST /conversations/attributes`.
///
/// ```
/// use intercom_api::conversation_attributes::{AttributeDataType, Cardinality, NewConversationAttribute};
/// let priority = NewConversationAttribute::list("Priority", ["Low", "Normal", "Urgent"])
///     .description("How soon the customer needs an answer")
///     .required(true);
/// let notes = NewConversationAttribute::new("Escalation notes", AttributeDataType::String).multiline(true);
/// let order = NewConversationAttribute::relationship("Order", Cardinality::One, "Order");
/// ```
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NewConversationAttribute {
    name: String,
    data_type: AttributeDataType,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    visible_to_team_ids: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    multiline: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<Vec<Label>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<Reference>,
}

impl NewConversationAttribute {
    /// An attribute of any data type (for a list, see [`list`](Self::list);
    /// for a relationship, [`relationship`](Self::relationship)).
    pub fn new(name: impl Into<String>, data_type: AttributeDataType) -> Self {
        NewConversationAttribute {
            name: name.into(),
            data_type,
            description: None,
            required: None,
            visible_to_team_ids: None,
            multiline: None,
            options: None,
            reference: None,
        }
    }

    /// A list attribute with these option labels (at least two).
    pub fn list<S: Into<String>>(
        name: impl Into<String>,
        labels: impl IntoIterator<Item = S>,
    ) -> Self {
        let mut attr = Self::new(name, AttributeDataType::List);
        attr.options = Some(
            labels
                .into_iter()
                .map(|l| Label { label: l.into() })
                .collect(),
        );
        attr
    }

    /// A relationship attribute referring to one or many instances of the
    /// custom object type `object_type_id`.
    pub fn relationship(
        name: impl Into<String>,
        cardinality: Cardinality,
        object_type_id: impl Into<String>,
    ) -> Self {
        let mut attr = Self::new(name, AttributeDataType::Relationship);
        attr.reference = Some(Reference {
            cardinality,
            object_type_id: Some(object_type_id.into()),
        });
        attr
    }

    /// Strings only: whether the text spans several lines.
    pub fn multiline(mut self, yes: bool) -> Self {
        self.multiline = Some(yes);
        self
    }

    /// Lists only: one more option.
    pub fn option(mut self, label: impl Into<String>) -> Self {
        self.options.get_or_insert_with(Vec::new).push(Label {
            label: label.into(),
        });
        self
    }

    fn validate(&self) -> Result<(), Error> {
        require_non_empty("name", &self.name)?;
        if self.multiline.is_some() && self.data_type != AttributeDataType::String {
            return Err(Error::invalid(
                "multiline",
                format!(
                    "only a string attribute is multiline, not a {}",
                    self.data_type
                ),
            ));
        }
        match (&self.data_type, &self.options) {
            (AttributeDataType::List, options) => {
                let options = options.as_deref().unwrap_or_default();
                check_labels(options.iter().map(|o| o.label.as_str()))?;
                if options.len() < MIN_LIST_OPTIONS {
                    return Err(Error::invalid(
                        "options",
                        format!("a list attribute needs at least {MIN_LIST_OPTIONS} options"),
                    ));
                }
            }
            (other, Some(_)) => {
                return Err(Error::invalid(
                    "options",
                    format!("only a list attribute has options, not a {other}"),
                ));
            }
            _ => {}
        }
        check_reference(&self.data_type, self.reference.as_ref())
    }
}

fn check_labels<'a>(labels: impl Iterator<Item = &'a str>) -> Result<(), Error> {
    for label in labels {
        require_non_empty("options.label", label)?;
    }
    Ok(())
}

fn check_reference(
    data_type: &AttributeDataType,
    reference: Option<&Reference>,
) -> Result<(), Error> {
    match (data_type, reference) {
        (AttributeDataType::Relationship, None) => Err(Error::invalid(
            "reference",
            "a relationship attribute needs a reference (see NewConversationAttribute::relationship)",
        )),
        (AttributeDataType::Relationship, Some(r)) => match &r.object_type_id {
            Some(id) => require_non_empty("reference.object_type_id", id),
            None => Ok(()),
        },
        (other, Some(_)) => Err(Error::invalid(
            "reference",
            format!("only a relationship attribute has a reference, not a {other}"),
        )),
        _ => Ok(()),
    }
}

/// The body of `PUT /conversations/attributes/{id}`: only the fields set
/// are changed. The data type cannot change; options have their own
/// endpoints.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UpdateConversationAttribute {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    visible_to_team_ids: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    multiline: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<Reference>,
}

impl UpdateConversationAttribute {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Rename it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Strings only: whether the text spans several lines.
    pub fn multiline(mut self, yes: bool) -> Self {
        self.multiline = Some(yes);
        self
    }

    /// Relationships only: refer to one or many instances of
    /// `object_type_id`.
    pub fn reference(
        mut self,
        cardinality: Cardinality,
        object_type_id: impl Into<String>,
    ) -> Self {
        self.reference = Some(Reference {
            cardinality,
            object_type_id: Some(object_type_id.into()),
        });
        self
    }

    fn validate(&self) -> Result<(), Error> {
        if let Some(name) = &self.name {
            require_non_empty("name", name)?;
        }
        if let Some(Reference {
            object_type_id: Some(id),
            ..
        }) = &self.reference
        {
            require_non_empty("reference.object_type_id", id)?;
        }
        Ok(())
    }
}

shared_methods!([NewConversationAttribute, UpdateConversationAttribute] {
    /// What the attribute is for.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Whether teammates must fill it in.
    pub fn required(mut self, yes: bool) -> Self {
        self.required = Some(yes);
        self
    }

    /// Show it to these teams only (an empty list: every team).
    pub fn visible_to_team_ids<S: Into<String>>(mut self, team_ids: impl IntoIterator<Item = S>) -> Self {
        self.visible_to_team_ids = Some(team_ids.into_iter().map(Into::into).collect());
        self
    }
});

/// The attribute `id` is an integer in the path.
pub(super) fn numeric_id<T>(req: Request<T>, id: &str) -> Result<Request<T>, Error> {
    require_numeric("id", id)?;
    Ok(req)
}

pub(super) fn create_body<T>(
    req: Request<T>,
    attribute: NewConversationAttribute,
) -> Result<Request<T>, Error> {
    attribute.validate()?;
    req.json(&attribute)
}

pub(super) fn update_body<T>(
    req: Request<T>,
    id: &str,
    update: UpdateConversationAttribute,
) -> Result<Request<T>, Error> {
    require_numeric("id", id)?;
    update.validate()?;
    req.json(&update)
}

pub(super) fn label_body<T>(req: Request<T>, id: &str, label: &str) -> Result<Request<T>, Error> {
    require_numeric("id", id)?;
    require_non_empty("label", label)?;
    req.json(&Label {
        label: label.to_owned(),
    })
}
