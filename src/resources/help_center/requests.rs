//! The help center request bodies, their checks and the row builders.

use std::collections::BTreeMap;

use serde::Serialize;

use super::models::{CollectionContent, RedirectTarget};
use crate::error::Error;
use crate::resources::common::{as_integer, require_non_empty, require_numeric};
use crate::transport::Request;

/// The body of `POST /help_center/collections`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CreateCollection {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    translated_content: Option<BTreeMap<String, CollectionContent>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_integer")]
    help_center_id: Option<String>,
}

impl CreateCollection {
    /// A top-level collection in the default help center, named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateCollection {
            name: name.into(),
            description: None,
            translated_content: None,
            parent_id: None,
            help_center_id: None,
        }
    }

    /// Description (of the default language).
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Name and description in one more locale.
    pub fn translation(mut self, locale: impl Into<String>, content: CollectionContent) -> Self {
        self.translated_content
            .get_or_insert_with(Default::default)
            .insert(locale.into(), content);
        self
    }

    /// Make it a section of another collection.
    pub fn parent_id(mut self, id: impl Into<String>) -> Self {
        self.parent_id = Some(id.into());
        self
    }

    /// Create it in this help center (a numeric id) instead of the default one.
    pub fn help_center_id(mut self, id: impl Into<String>) -> Self {
        self.help_center_id = Some(id.into());
        self
    }

    fn validate(&self) -> Result<(), Error> {
        if self.name.trim().is_empty() {
            return Err(Error::invalid("name", "must not be empty"));
        }
        if let Some(id) = &self.help_center_id {
            require_numeric("help_center_id", id)?;
        }
        if self
            .parent_id
            .as_deref()
            .is_some_and(|p| p.trim().is_empty())
        {
            return Err(Error::invalid("parent_id", "must not be empty when given"));
        }
        validate_translations(&self.translated_content)
    }
}

fn validate_translations(t: &Option<BTreeMap<String, CollectionContent>>) -> Result<(), Error> {
    for (locale, content) in t.iter().flatten() {
        if locale.trim().is_empty() {
            return Err(Error::invalid(
                "translated_content",
                "a locale code is empty",
            ));
        }
        if content.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
            return Err(Error::invalid(
                format!("translated_content.{locale}.name"),
                "must not be empty when given",
            ));
        }
    }
    Ok(())
}

/// The body of `PUT /help_center/collections/{collection_id}`: only the fields set are
/// changed.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UpdateCollection {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    translated_content: Option<BTreeMap<String, CollectionContent>>,
    /// `Some(None)` sends `null`: move to the top level.
    #[serde(skip_serializing_if = "Option::is_none")]
    parent_id: Option<Option<String>>,
}

impl UpdateCollection {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        UpdateCollection::default()
    }

    /// New name (of the default language).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// New description (of the default language).
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Name and description in one locale.
    pub fn translation(mut self, locale: impl Into<String>, content: CollectionContent) -> Self {
        self.translated_content
            .get_or_insert_with(Default::default)
            .insert(locale.into(), content);
        self
    }

    /// Make it a section of another collection.
    pub fn parent_id(mut self, id: impl Into<String>) -> Self {
        self.parent_id = Some(Some(id.into()));
        self
    }

    /// Make it a top-level collection (sends `parent_id: null`).
    pub fn move_to_top_level(mut self) -> Self {
        self.parent_id = Some(None);
        self
    }

    fn validate(&self) -> Result<(), Error> {
        if self.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
            return Err(Error::invalid("name", "must not be empty when given"));
        }
        if matches!(&self.parent_id, Some(Some(p)) if p.trim().is_empty()) {
            return Err(Error::invalid(
                "parent_id",
                "must not be empty; use move_to_top_level for a top-level collection",
            ));
        }
        validate_translations(&self.translated_content)
    }
}

/// The body of `POST /help_center/help_centers/{id}/redirects`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CreateRedirect {
    from_url: String,
    locale: String,
    target_type: RedirectTarget,
    target_id: String,
}

impl CreateRedirect {
    /// Redirect `from_url` (an absolute URL within the help center) to the
    /// `locale` content of an article or collection.
    pub fn new(
        from_url: impl Into<String>,
        locale: impl Into<String>,
        target_type: RedirectTarget,
        target_id: impl Into<String>,
    ) -> Self {
        CreateRedirect {
            from_url: from_url.into(),
            locale: locale.into(),
            target_type,
            target_id: target_id.into(),
        }
    }

    fn validate(&self) -> Result<(), Error> {
        match url::Url::parse(&self.from_url) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.has_host() => {}
            _ => {
                return Err(Error::invalid(
                    "from_url",
                    "must be an absolute http(s) URL within the help center",
                ));
            }
        }
        if self.locale.trim().is_empty() {
            return Err(Error::invalid("locale", "must not be empty"));
        }
        if let RedirectTarget::Unknown(other) = &self.target_type {
            return Err(Error::invalid(
                "target_type",
                format!("`{other}` is not article or collection"),
            ));
        }
        require_non_empty("target_id", &self.target_id)
    }
}

pub(super) fn create_collection_body<T>(
    req: Request<T>,
    collection: CreateCollection,
) -> Result<Request<T>, Error> {
    collection.validate()?;
    req.json(&collection)
}

pub(super) fn update_collection_body<T>(
    req: Request<T>,
    update: UpdateCollection,
) -> Result<Request<T>, Error> {
    update.validate()?;
    req.json(&update)
}

pub(super) fn redirect_body<T>(
    req: Request<T>,
    redirect: CreateRedirect,
) -> Result<Request<T>, Error> {
    redirect.validate()?;
    req.json(&redirect)
}
