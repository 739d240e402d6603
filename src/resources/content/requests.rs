//! The content request bodies and queries, and the functions that check
//! them.

use std::collections::BTreeSet;

use serde::Serialize;

use super::models::ContentKind;
use crate::error::Error;
use crate::models::string_enum;
use crate::resources::common::{require_non_empty, require_numeric, truncate};
use crate::transport::Request;

/// Most items one bulk action takes.
pub const MAX_BULK_ITEMS: usize = 1_000;
/// Most distinct tag ids one `update_tags` action takes (added and removed
/// together).
pub const MAX_BULK_TAGS: usize = 100;
/// Longest search query, in characters.
pub const MAX_QUERY_CHARS: usize = 500;

string_enum! {
    /// What a bulk action does.
    pub enum BulkActionKind {
        /// Publish help center article contents.
        Publish = "publish",
        /// Unpublish help center article contents.
        Unpublish = "unpublish",
        /// Delete content for good.
        Delete = "delete",
        /// Switch the AI agent, Copilot and sales agent on or off.
        SetAvailability = "set_availability",
        /// Add or remove audience segments.
        SetAudience = "set_audience",
        /// Apply or remove tags.
        UpdateTags = "update_tags",
    }
}

impl BulkActionKind {
    /// The kinds of content the action applies to (Intercom silently drops
    /// the others; the SDK refuses them before sending).
    pub fn accepts(&self) -> &'static [&'static str] {
        match self {
            BulkActionKind::Publish | BulkActionKind::Unpublish => &["article_content"],
            BulkActionKind::Delete => &[
                "article_content",
                "content_snippet",
                "file_source_content",
                "internal_article",
            ],
            BulkActionKind::SetAvailability | BulkActionKind::SetAudience => &[
                "article_content",
                "content_snippet",
                "external_content",
                "file_source_content",
                "internal_article",
            ],
            BulkActionKind::UpdateTags => &[
                "article",
                "content_snippet",
                "external_content",
                "file_source_content",
                "internal_article",
            ],
            BulkActionKind::Unknown(_) => &[],
        }
    }
}

/// One item of a bulk action: a kind and an id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentRef {
    #[serde(rename = "type")]
    kind: &'static str,
    id: String,
}

impl ContentRef {
    fn new(kind: &'static str, id: impl Into<String>) -> Self {
        ContentRef {
            kind,
            id: id.into(),
        }
    }

    /// A help center article as a whole (for `update_tags` only).
    pub fn article(id: impl Into<String>) -> Self {
        ContentRef::new("article", id)
    }

    /// One locale of a help center article (an
    /// [`ArticleContentHit`](super::ArticleContentHit) id).
    pub fn article_content(id: impl Into<String>) -> Self {
        ContentRef::new("article_content", id)
    }

    /// A content snippet.
    pub fn content_snippet(id: impl Into<String>) -> Self {
        ContentRef::new("content_snippet", id)
    }

    /// An external page.
    pub fn external_content(id: impl Into<String>) -> Self {
        ContentRef::new("external_content", id)
    }

    /// An uploaded file.
    pub fn file_source_content(id: impl Into<String>) -> Self {
        ContentRef::new("file_source_content", id)
    }

    /// An internal article.
    pub fn internal_article(id: impl Into<String>) -> Self {
        ContentRef::new("internal_article", id)
    }

    /// The kind, as Intercom spells it.
    pub fn kind(&self) -> &str {
        self.kind
    }
}

/// Which AI features to switch on or off; the ones left unset keep their
/// value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Availability {
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_agent: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    copilot: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sales_agent: Option<bool>,
}

impl Availability {
    /// No change yet.
    pub fn new() -> Self {
        Availability::default()
    }

    /// Fin, the AI agent.
    pub fn ai_agent(mut self, on: bool) -> Self {
        self.ai_agent = Some(on);
        self
    }

    /// Copilot.
    pub fn copilot(mut self, on: bool) -> Self {
        self.copilot = Some(on);
        self
    }

    /// The AI sales agent.
    pub fn sales_agent(mut self, on: bool) -> Self {
        self.sales_agent = Some(on);
        self
    }
}

/// Segments to add to or remove from the content's audience.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AudienceChange {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    add_segment_ids: Vec<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    remove_segment_ids: Vec<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remove_all: Option<bool>,
}

impl AudienceChange {
    /// No change yet.
    pub fn new() -> Self {
        AudienceChange::default()
    }

    /// Add these segments.
    pub fn add_segments(mut self, segment_ids: impl IntoIterator<Item = i64>) -> Self {
        self.add_segment_ids.extend(segment_ids);
        self
    }

    /// Remove these segments.
    pub fn remove_segments(mut self, segment_ids: impl IntoIterator<Item = i64>) -> Self {
        self.remove_segment_ids.extend(segment_ids);
        self
    }

    /// Remove every segment.
    pub fn remove_all(mut self) -> Self {
        self.remove_all = Some(true);
        self
    }
}

/// Tags to apply and remove; they must exist and not be archived.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TagChange {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    add_tag_ids: Vec<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    remove_tag_ids: Vec<i64>,
}

impl TagChange {
    /// No change yet.
    pub fn new() -> Self {
        TagChange::default()
    }

    /// Apply these tags.
    pub fn add_tags(mut self, tag_ids: impl IntoIterator<Item = i64>) -> Self {
        self.add_tag_ids.extend(tag_ids);
        self
    }

    /// Remove these tags.
    pub fn remove_tags(mut self, tag_ids: impl IntoIterator<Item = i64>) -> Self {
        self.remove_tag_ids.extend(tag_ids);
        self
    }
}

/// The body of `POST /content/bulk_actions`: one action over 1 to 1,000
/// items.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContentBulkAction {
    action: BulkActionKind,
    content_ids: Vec<ContentRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    availability: Option<Availability>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audience: Option<AudienceChange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<TagChange>,
}

impl ContentBulkAction {
    fn new(action: BulkActionKind, items: impl IntoIterator<Item = ContentRef>) -> Self {
        ContentBulkAction {
            action,
            content_ids: items.into_iter().collect(),
            availability: None,
            audience: None,
            tags: None,
        }
    }

    /// Publish help center article contents ([`ContentRef::article_content`]).
    pub fn publish(items: impl IntoIterator<Item = ContentRef>) -> Self {
        Self::new(BulkActionKind::Publish, items)
    }

    /// Unpublish help center article contents.
    pub fn unpublish(items: impl IntoIterator<Item = ContentRef>) -> Self {
        Self::new(BulkActionKind::Unpublish, items)
    }

    /// Delete content for good (content of synced sources is skipped).
    pub fn delete(items: impl IntoIterator<Item = ContentRef>) -> Self {
        Self::new(BulkActionKind::Delete, items)
    }

    /// Switch AI features on or off.
    pub fn set_availability(
        items: impl IntoIterator<Item = ContentRef>,
        availability: Availability,
    ) -> Self {
        let mut action = Self::new(BulkActionKind::SetAvailability, items);
        action.availability = Some(availability);
        action
    }

    /// Change the audience segments.
    pub fn set_audience(
        items: impl IntoIterator<Item = ContentRef>,
        audience: AudienceChange,
    ) -> Self {
        let mut action = Self::new(BulkActionKind::SetAudience, items);
        action.audience = Some(audience);
        action
    }

    /// Apply and remove tags (a help center article by its
    /// [`ContentRef::article`] id).
    pub fn update_tags(items: impl IntoIterator<Item = ContentRef>, tags: TagChange) -> Self {
        let mut action = Self::new(BulkActionKind::UpdateTags, items);
        action.tags = Some(tags);
        action
    }

    /// What the action does.
    pub fn action(&self) -> &BulkActionKind {
        &self.action
    }

    /// Refuse what Intercom would refuse or silently drop.
    fn check(&self) -> Result<(), Error> {
        let n = self.content_ids.len();
        if n == 0 || n > MAX_BULK_ITEMS {
            return Err(Error::invalid(
                "content_ids",
                format!("{n} items: a bulk action takes 1 to {MAX_BULK_ITEMS}"),
            ));
        }
        let accepts = self.action.accepts();
        for (i, item) in self.content_ids.iter().enumerate() {
            if item.id.trim().is_empty() {
                return Err(Error::invalid(
                    format!("content_ids[{i}].id"),
                    "must not be empty",
                ));
            }
            if !accepts.contains(&item.kind) {
                return Err(Error::invalid(
                    format!("content_ids[{i}].type"),
                    format!(
                        "`{}` does not apply to {} (takes {})",
                        self.action.as_str(),
                        item.kind,
                        accepts.join(", ")
                    ),
                ));
            }
        }
        let positive = |field: &'static str, ids: &[i64]| match ids.iter().find(|id| **id <= 0) {
            Some(bad) => Err(Error::invalid(
                field,
                format!("{bad} is not an Intercom id"),
            )),
            None => Ok(()),
        };
        match &self.action {
            BulkActionKind::SetAvailability
                if self
                    .availability
                    .as_ref()
                    .is_none_or(|a| *a == Availability::default()) =>
            {
                Err(Error::invalid(
                    "availability",
                    "set at least one of ai_agent, copilot, sales_agent",
                ))
            }
            BulkActionKind::SetAudience => {
                let a = self.audience.clone().unwrap_or_default();
                if a == AudienceChange::default() {
                    return Err(Error::invalid(
                        "audience",
                        "add or remove segments, or remove all",
                    ));
                }
                positive("audience.add_segment_ids", &a.add_segment_ids)?;
                positive("audience.remove_segment_ids", &a.remove_segment_ids)
            }
            BulkActionKind::UpdateTags => {
                let t = self.tags.clone().unwrap_or_default();
                positive("tags.add_tag_ids", &t.add_tag_ids)?;
                positive("tags.remove_tag_ids", &t.remove_tag_ids)?;
                let distinct: BTreeSet<i64> = t
                    .add_tag_ids
                    .iter()
                    .chain(&t.remove_tag_ids)
                    .copied()
                    .collect();
                if distinct.is_empty() {
                    return Err(Error::invalid("tags", "add or remove at least one tag"));
                }
                if distinct.len() > MAX_BULK_TAGS {
                    return Err(Error::invalid(
                        "tags",
                        format!(
                            "{} distinct tags: at most {MAX_BULK_TAGS} per action",
                            distinct.len()
                        ),
                    ));
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

string_enum! {
    /// A publication state to search for.
    pub enum PublicationState {
        /// Published.
        Published = "published",
        /// Draft.
        Draft = "draft",
    }
}

string_enum! {
    /// How [`ContentSearch::tag_ids`] match.
    pub enum TagOperator {
        /// Content with any of the tags.
        In = "IN",
        /// Content with none of the tags.
        Nin = "NIN",
    }
}

/// The filters of `GET /content/search`; every one is optional (no query:
/// the most recent content).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContentSearch {
    query: Option<String>,
    lists: Vec<(&'static str, Vec<String>)>,
    scalars: Vec<(&'static str, String)>,
    times: Vec<(&'static str, i64)>,
}

impl ContentSearch {
    /// Every content item, most recent first.
    pub fn new() -> Self {
        ContentSearch::default()
    }

    fn list<I: ToString>(mut self, key: &'static str, items: impl IntoIterator<Item = I>) -> Self {
        let items: Vec<String> = items.into_iter().map(|i| i.to_string()).collect();
        self.lists.retain(|(k, _)| *k != key);
        self.lists.push((key, items));
        self
    }

    fn scalar(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.scalars.retain(|(k, _)| *k != key);
        self.scalars.push((key, value.into()));
        self
    }

    fn time(mut self, key: &'static str, unix: i64) -> Self {
        self.times.retain(|(k, _)| *k != key);
        self.times.push((key, unix));
        self
    }

    /// Keywords matched against titles and bodies (at most 500 characters).
    pub fn query(mut self, query: impl Into<String>) -> Self {
        self.query = Some(query.into());
        self
    }

    /// Only content in these publication states.
    pub fn states(self, states: impl IntoIterator<Item = PublicationState>) -> Self {
        self.list("states", states)
    }

    /// Only content in these locales (`en`, `fr`…).
    pub fn locales<S: Into<String>>(self, locales: impl IntoIterator<Item = S>) -> Self {
        self.list("locales", locales.into_iter().map(Into::into))
    }

    /// Content with (or, with [`TagOperator::Nin`], without) any of these
    /// tags.
    pub fn tag_ids(self, tag_ids: impl IntoIterator<Item = i64>, operator: TagOperator) -> Self {
        self.list("tag_ids", tag_ids)
            .scalar("tag_operator", operator.as_str())
    }

    /// Content with any of these tags.
    pub fn any_tag_ids(self, tag_ids: impl IntoIterator<Item = i64>) -> Self {
        self.list("any_tag_ids", tag_ids)
    }

    /// Content in these folders.
    pub fn folder_ids(self, folder_ids: impl IntoIterator<Item = i64>) -> Self {
        self.list("folder_ids", folder_ids)
            .scalar("folder_entity_type", "folder")
    }

    /// Only these kinds of content (replacing Intercom's default set).
    pub fn content_types(self, kinds: impl IntoIterator<Item = ContentKind>) -> Self {
        self.list("content_types", kinds.into_iter().map(|k| search_type(&k)))
    }

    /// Content Copilot uses (`true`) or does not.
    pub fn copilot(self, on: bool) -> Self {
        self.scalar("copilot_state", on_off(on))
    }

    /// Content Fin, the AI agent, uses (`true`) or does not.
    pub fn fin_service(self, on: bool) -> Self {
        self.scalar("fin_service_state", on_off(on))
    }

    /// Content the AI sales agent uses (`true`) or does not.
    pub fn fin_sales(self, on: bool) -> Self {
        self.scalar("fin_sales_state", on_off(on))
    }

    /// Content created by these admins.
    pub fn created_by_ids(self, admin_ids: impl IntoIterator<Item = i64>) -> Self {
        self.list("created_by_ids", admin_ids)
    }

    /// Content last updated by these admins.
    pub fn last_updated_by_ids(self, admin_ids: impl IntoIterator<Item = i64>) -> Self {
        self.list("last_updated_by_ids", admin_ids)
    }

    /// Created at or after this time (unix seconds).
    pub fn created_at_after(self, unix: i64) -> Self {
        self.time("created_at_after", unix)
    }

    /// Created at or before this time (unix seconds).
    pub fn created_at_before(self, unix: i64) -> Self {
        self.time("created_at_before", unix)
    }

    /// Updated at or after this time (unix seconds).
    pub fn updated_at_after(self, unix: i64) -> Self {
        self.time("updated_at_after", unix)
    }

    /// Updated at or before this time (unix seconds).
    pub fn updated_at_before(self, unix: i64) -> Self {
        self.time("updated_at_before", unix)
    }
}

impl From<&str> for ContentSearch {
    fn from(query: &str) -> Self {
        ContentSearch::new().query(query)
    }
}

impl From<String> for ContentSearch {
    fn from(query: String) -> Self {
        ContentSearch::new().query(query)
    }
}

fn on_off(on: bool) -> &'static str {
    if on { "on" } else { "off" }
}

/// The `content_types` filter spells a snippet `snippet`.
fn search_type(kind: &ContentKind) -> String {
    match kind {
        ContentKind::ContentSnippet => "snippet".to_owned(),
        other => other.as_str().to_owned(),
    }
}

pub(super) fn bulk_body<T>(
    req: Request<T>,
    action: ContentBulkAction,
) -> Result<Request<T>, Error> {
    action.check()?;
    req.json(&action)
}

pub(super) fn search_query<T>(
    req: Request<T>,
    search: impl Into<ContentSearch>,
) -> Result<Request<T>, Error> {
    let search = search.into();
    let mut req = req;
    if let Some(q) = &search.query {
        require_non_empty("query", q)?;
        let n = q.chars().count();
        if n > MAX_QUERY_CHARS {
            return Err(Error::invalid(
                "query",
                format!(
                    "`{}…` is {n} characters: at most {MAX_QUERY_CHARS}",
                    truncate(q, 40)
                ),
            ));
        }
        req = req.query("query", q);
    }
    for (key, items) in &search.lists {
        if items.is_empty() {
            return Err(Error::invalid(*key, "give at least one value"));
        }
        for item in items {
            if !matches!(*key, "states" | "locales" | "content_types") {
                require_numeric(*key, item)?;
            } else {
                require_non_empty(key, item)?;
            }
        }
        req = req.query(key, items.join(","));
    }
    for (key, value) in &search.scalars {
        req = req.query(key, value);
    }
    for (key, unix) in &search.times {
        if *unix < 0 {
            return Err(Error::invalid(*key, format!("{unix} is before 1970")));
        }
        req = req.query(key, unix);
    }
    let time = |k: &str| {
        search
            .times
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, t)| *t)
    };
    for (after, before) in [
        ("created_at_after", "created_at_before"),
        ("updated_at_after", "updated_at_before"),
    ] {
        if let (Some(a), Some(b)) = (time(after), time(before))
            && a > b
        {
            return Err(Error::invalid(after, format!("{a} is after {before} {b}")));
        }
    }
    Ok(req)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_checks() {
        let none = ContentBulkAction::publish([]);
        assert!(none.check().is_err());
        let wrong = ContentBulkAction::publish([ContentRef::internal_article("1")]);
        assert!(wrong.check().is_err());
        let ok = ContentBulkAction::delete([ContentRef::internal_article("1")]);
        assert!(ok.check().is_ok());
        let empty = ContentBulkAction::set_availability(
            [ContentRef::content_snippet("1")],
            Availability::new(),
        );
        assert!(empty.check().is_err());
        let many = ContentBulkAction::update_tags(
            [ContentRef::article("1")],
            TagChange::new().add_tags(1..=60).remove_tags(61..=101),
        );
        assert!(many.check().is_err());
        let big = ContentBulkAction::delete(
            (0..=MAX_BULK_ITEMS).map(|i| ContentRef::content_snippet(i.to_string())),
        );
        assert!(big.check().is_err());
    }
}
