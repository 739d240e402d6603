//! The article request bodies, their checks and the row builders.

use std::collections::BTreeMap;

use serde::Serialize;

use super::models::{ArticleState, ParentType, SearchState};
use crate::error::Error;
use crate::resources::common::{as_integer, as_integers, require_numeric, shared_methods};
use crate::transport::Request;

/// Latest date Intercom's ISO 8601 parser is given: 9999-12-31T23:59:59Z.
const MAX_UNIX: i64 = 253_402_300_799;

/// Unix seconds as an ISO 8601 UTC timestamp (`2026-12-31T09:00:00Z`), the
/// form the scheduling fields take.
fn iso8601_utc(unix: i64) -> Option<String> {
    if !(1..=MAX_UNIX).contains(&unix) {
        return None;
    }
    let (days, secs) = (unix.div_euclid(86_400), unix.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3_600,
        secs % 3_600 / 60,
        secs % 60
    ))
}

fn check_audience_ids(field: &str, ids: &Option<Vec<String>>) -> Result<(), Error> {
    for id in ids.iter().flatten() {
        require_numeric(field, id)?;
    }
    Ok(())
}

fn check_author(field: &str, author_id: Option<i64>) -> Result<(), Error> {
    match author_id {
        Some(id) if id < 0 => Err(Error::invalid(
            field,
            format!("{id} is not an Intercom admin id"),
        )),
        _ => Ok(()),
    }
}

fn check_body_exclusive(
    prefix: &str,
    body: &Option<String>,
    markdown: &Option<String>,
) -> Result<(), Error> {
    if body.is_some() && markdown.is_some() {
        return Err(Error::invalid(
            format!("{prefix}body_markdown"),
            "body and body_markdown are mutually exclusive; set one",
        ));
    }
    Ok(())
}

/// The content of one locale in a create or update
/// (`translated_content.<locale>`). Only the fields set are sent.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ArticleTranslation {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body_markdown: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<ArticleState>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "as_integers"
    )]
    audience_ids: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_chatbot_availability: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_copilot_availability: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_sales_agent_availability: Option<bool>,
}

impl ArticleTranslation {
    /// A locale's content, with its title.
    pub fn new(title: impl Into<String>) -> Self {
        ArticleTranslation {
            title: Some(title.into()),
            ..Default::default()
        }
    }

    /// Description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Body as HTML (instead of [`body_markdown`](Self::body_markdown)).
    pub fn body(mut self, html: impl Into<String>) -> Self {
        self.body = Some(html.into());
        self
    }

    /// Body as Markdown (instead of [`body`](Self::body)).
    pub fn body_markdown(mut self, markdown: impl Into<String>) -> Self {
        self.body_markdown = Some(markdown.into());
        self
    }

    /// The admin shown as this locale's author.
    pub fn author_id(mut self, admin_id: i64) -> Self {
        self.author_id = Some(admin_id);
        self
    }

    /// Published or draft, for this locale.
    pub fn state(mut self, state: ArticleState) -> Self {
        self.state = Some(state);
        self
    }

    /// Fin audience targeting for this locale (numeric audience ids; empty
    /// clears it).
    pub fn audience_ids<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.audience_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }

    /// Whether Fin may use this locale.
    pub fn ai_chatbot_availability(mut self, yes: bool) -> Self {
        self.ai_chatbot_availability = Some(yes);
        self
    }

    /// Whether Copilot may use this locale.
    pub fn ai_copilot_availability(mut self, yes: bool) -> Self {
        self.ai_copilot_availability = Some(yes);
        self
    }

    /// Whether the AI sales agent may use this locale.
    pub fn ai_sales_agent_availability(mut self, yes: bool) -> Self {
        self.ai_sales_agent_availability = Some(yes);
        self
    }

    fn validate(&self, locale: &str) -> Result<(), Error> {
        let prefix = format!("translated_content.{locale}.");
        if self.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
            return Err(Error::invalid(
                format!("{prefix}title"),
                "must not be empty when given",
            ));
        }
        check_author(&format!("{prefix}author_id"), self.author_id)?;
        check_audience_ids(&format!("{prefix}audience_ids"), &self.audience_ids)?;
        check_body_exclusive(&prefix, &self.body, &self.body_markdown)
    }
}

/// The fields an article is created or updated with. Shared by
/// [`CreateArticle`] and [`UpdateArticle`].
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
struct ArticleFields {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body_markdown: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<ArticleState>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent_type: Option<ParentType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    translated_content: Option<BTreeMap<String, ArticleTranslation>>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "as_integers"
    )]
    audience_ids: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_chatbot_availability: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_copilot_availability: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_sales_agent_availability: Option<bool>,
    /// `Some(None)` sends `null`: cancel a pending schedule.
    #[serde(skip_serializing_if = "Option::is_none")]
    scheduled_publish_at: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheduled_unpublish_at: Option<Option<String>>,
    /// A unix time that could not be written as ISO 8601, kept to be
    /// reported when the call runs.
    #[serde(skip)]
    bad_schedule: Option<(&'static str, i64)>,
}

impl ArticleFields {
    /// Refuse what Intercom documents as invalid, naming the field.
    fn validate(&self) -> Result<(), Error> {
        if self.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
            return Err(Error::invalid("title", "must not be empty"));
        }
        check_author("author_id", self.author_id)?;
        check_body_exclusive("", &self.body, &self.body_markdown)?;
        check_audience_ids("audience_ids", &self.audience_ids)?;
        if let Some((field, unix)) = self.bad_schedule {
            return Err(Error::invalid(
                field,
                format!("{unix} is not a unix time between 1970 and 9999"),
            ));
        }
        if self.scheduled_publish_at.is_some() && self.scheduled_unpublish_at.is_some() {
            return Err(Error::invalid(
                "scheduled_unpublish_at",
                "an article has at most one pending schedule; \
                 set scheduled_publish_at or scheduled_unpublish_at, not both",
            ));
        }
        if matches!(self.scheduled_publish_at, Some(Some(_)))
            && self.state == Some(ArticleState::Draft)
        {
            return Err(Error::invalid(
                "scheduled_publish_at",
                "a scheduled publish cannot be combined with state draft",
            ));
        }
        for (locale, content) in self.translated_content.iter().flatten() {
            if locale.trim().is_empty() {
                return Err(Error::invalid(
                    "translated_content",
                    "a locale code is empty",
                ));
            }
            content.validate(locale)?;
        }
        Ok(())
    }

    fn schedule(&mut self, field: &'static str, unix: i64) -> Option<Option<String>> {
        match iso8601_utc(unix) {
            Some(ts) => Some(Some(ts)),
            None => {
                self.bad_schedule = Some((field, unix));
                None
            }
        }
    }
}

shared_methods!([CreateArticle, UpdateArticle] {
            /// Description (of the default language).
            pub fn description(mut self, description: impl Into<String>) -> Self {
                self.fields.description = Some(description.into());
                self
            }
            /// Body as HTML (instead of [`body_markdown`](Self::body_markdown)).
            pub fn body(mut self, html: impl Into<String>) -> Self {
                self.fields.body = Some(html.into());
                self
            }
            /// Body as Markdown (instead of [`body`](Self::body)).
            pub fn body_markdown(mut self, markdown: impl Into<String>) -> Self {
                self.fields.body_markdown = Some(markdown.into());
                self
            }
            /// Published or draft.
            pub fn state(mut self, state: ArticleState) -> Self {
                self.fields.state = Some(state);
                self
            }
            /// Content for one more locale (`fr`, `pt-BR`, ...).
            pub fn translation(
                mut self,
                locale: impl Into<String>,
                content: ArticleTranslation,
            ) -> Self {
                self.fields
                    .translated_content
                    .get_or_insert_with(Default::default)
                    .insert(locale.into(), content);
                self
            }
            /// Fin audience targeting for every locale (numeric audience ids).
            pub fn audience_ids<I, S>(mut self, ids: I) -> Self
            where
                I: IntoIterator<Item = S>,
                S: Into<String>,
            {
                self.fields.audience_ids = Some(ids.into_iter().map(Into::into).collect());
                self
            }
            /// Whether Fin may use the article.
            pub fn ai_chatbot_availability(mut self, yes: bool) -> Self {
                self.fields.ai_chatbot_availability = Some(yes);
                self
            }
            /// Whether Copilot may use the article.
            pub fn ai_copilot_availability(mut self, yes: bool) -> Self {
                self.fields.ai_copilot_availability = Some(yes);
                self
            }
            /// Whether the AI sales agent may use the article.
            pub fn ai_sales_agent_availability(mut self, yes: bool) -> Self {
                self.fields.ai_sales_agent_availability = Some(yes);
                self
            }
            /// Publish at `unix` (seconds, in the future) instead of now;
            /// pair it with [`ArticleState::Published`]. Sent as ISO 8601 UTC.
            pub fn scheduled_publish_at(mut self, unix: i64) -> Self {
                self.fields.scheduled_publish_at =
                    self.fields.schedule("scheduled_publish_at", unix);
                self
            }
            /// Unpublish at `unix` (seconds, in the future). Sent as ISO 8601 UTC.
            pub fn scheduled_unpublish_at(mut self, unix: i64) -> Self {
                self.fields.scheduled_unpublish_at =
                    self.fields.schedule("scheduled_unpublish_at", unix);
                self
            }
});

/// The body of `POST /articles`.
///
/// `author_id` is an admin id, sent as a JSON integer.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CreateArticle {
    #[serde(flatten)]
    fields: ArticleFields,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_integer")]
    parent_id: Option<String>,
}

impl CreateArticle {
    /// An article with its title and author (an admin id). It is a draft
    /// unless [`state`](Self::state) says otherwise.
    pub fn new(title: impl Into<String>, author_id: i64) -> Self {
        CreateArticle {
            fields: ArticleFields {
                title: Some(title.into()),
                author_id: Some(author_id),
                ..Default::default()
            },
            parent_id: None,
        }
    }

    /// File the article under a collection or section (numeric id).
    pub fn parent(mut self, parent_type: ParentType, id: impl Into<String>) -> Self {
        self.fields.parent_type = Some(parent_type);
        self.parent_id = Some(id.into());
        self
    }

    fn validate(&self) -> Result<(), Error> {
        if let Some(parent) = &self.parent_id {
            require_numeric("parent_id", parent)?;
        }
        if self.fields.scheduled_unpublish_at.is_some()
            && self.fields.state != Some(ArticleState::Published)
        {
            return Err(Error::invalid(
                "scheduled_unpublish_at",
                "a new draft has never been published, so it cannot be scheduled to unpublish",
            ));
        }
        self.fields.validate()
    }
}

/// The body of `PUT /articles/{article_id}` and `PUT /articles/{id}/draft`: only
/// the fields set are changed.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UpdateArticle {
    #[serde(flatten)]
    fields: ArticleFields,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent_id: Option<String>,
}

impl UpdateArticle {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        UpdateArticle::default()
    }

    /// New title (of the default language).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.fields.title = Some(title.into());
        self
    }

    /// New author (an admin id).
    pub fn author_id(mut self, admin_id: i64) -> Self {
        self.fields.author_id = Some(admin_id);
        self
    }

    /// Move the article under a collection or section.
    pub fn parent(mut self, parent_type: ParentType, id: impl Into<String>) -> Self {
        self.fields.parent_type = Some(parent_type);
        self.parent_id = Some(id.into());
        self
    }

    /// Cancel a pending scheduled publish (sends `null`).
    pub fn cancel_scheduled_publish(mut self) -> Self {
        self.fields.scheduled_publish_at = Some(None);
        self
    }

    /// Cancel a pending scheduled unpublish (sends `null`).
    pub fn cancel_scheduled_unpublish(mut self) -> Self {
        self.fields.scheduled_unpublish_at = Some(None);
        self
    }

    fn validate(&self) -> Result<(), Error> {
        if self
            .parent_id
            .as_deref()
            .is_some_and(|p| p.trim().is_empty())
        {
            return Err(Error::invalid("parent_id", "must not be empty when given"));
        }
        self.fields.validate()
    }
}

/// The query of `GET /articles/search`. Every part is optional; a `&str`
/// converts into a search for that phrase.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleSearch {
    phrase: Option<String>,
    state: Option<SearchState>,
    help_center_id: Option<String>,
}

impl ArticleSearch {
    /// Articles containing `phrase`.
    pub fn phrase(phrase: impl Into<String>) -> Self {
        ArticleSearch {
            phrase: Some(phrase.into()),
            ..Default::default()
        }
    }

    /// Published, draft, or all articles (Intercom's default: published).
    pub fn state(mut self, state: SearchState) -> Self {
        self.state = Some(state);
        self
    }

    /// Search one help center only (a numeric id).
    pub fn help_center_id(mut self, id: impl Into<String>) -> Self {
        self.help_center_id = Some(id.into());
        self
    }
}

impl From<&str> for ArticleSearch {
    fn from(phrase: &str) -> Self {
        ArticleSearch::phrase(phrase)
    }
}

impl From<String> for ArticleSearch {
    fn from(phrase: String) -> Self {
        ArticleSearch::phrase(phrase)
    }
}

pub(super) fn create_body<T>(req: Request<T>, article: CreateArticle) -> Result<Request<T>, Error> {
    article.validate()?;
    req.json(&article)
}

pub(super) fn update_body<T>(req: Request<T>, update: UpdateArticle) -> Result<Request<T>, Error> {
    update.validate()?;
    req.json(&update)
}

/// No body for no locales (a single-language workspace); otherwise
/// `{"locales": [...]}`.
pub(super) fn publish_body<T>(req: Request<T>, locales: &[&str]) -> Result<Request<T>, Error> {
    #[derive(Serialize)]
    struct Body<'a> {
        locales: &'a [&'a str],
    }
    if locales.is_empty() {
        return Ok(req);
    }
    if locales.iter().any(|l| l.trim().is_empty()) {
        return Err(Error::invalid("locales", "a locale code is empty"));
    }
    req.json(&Body { locales })
}

/// The search's query parameters.
pub(super) fn search_query<T>(
    req: Request<T>,
    search: impl Into<ArticleSearch>,
) -> Result<Request<T>, Error> {
    let search = search.into();
    if let Some(id) = &search.help_center_id {
        require_numeric("help_center_id", id)?;
    }
    let mut req = req;
    if let Some(p) = &search.phrase {
        req = req.query("phrase", p);
    }
    if let Some(s) = &search.state {
        req = req.query("state", s);
    }
    if let Some(id) = &search.help_center_id {
        req = req.query("help_center_id", id);
    }
    Ok(req)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_times_become_iso8601() {
        assert_eq!(iso8601_utc(1).as_deref(), Some("1970-01-01T00:00:01Z"));
        assert_eq!(
            iso8601_utc(1_798_707_600).as_deref(),
            Some("2026-12-31T09:00:00Z")
        );
        assert_eq!(
            iso8601_utc(951_782_400).as_deref(),
            Some("2000-02-29T00:00:00Z")
        );
        assert_eq!(
            iso8601_utc(MAX_UNIX).as_deref(),
            Some("9999-12-31T23:59:59Z")
        );
        assert_eq!(iso8601_utc(0), None);
        assert_eq!(iso8601_utc(MAX_UNIX + 1), None);
        assert_eq!(iso8601_utc(i64::MIN), None);
    }

    #[test]
    fn create_and_update_type_parent_id_as_the_spec_does() {
        let create = CreateArticle::new("T", 991267).parent(ParentType::Section, "18");
        let body = serde_json::to_value(&create).expect("ser");
        assert_eq!(
            body,
            serde_json::json!({"title": "T", "author_id": 991267, "parent_type": "section", "parent_id": 18})
        );
        let update = UpdateArticle::new().parent(ParentType::Collection, "18");
        let body = serde_json::to_value(&update).expect("ser");
        assert_eq!(
            body,
            serde_json::json!({"parent_type": "collection", "parent_id": "18"})
        );
    }

    #[test]
    fn cancelling_a_schedule_sends_null() {
        let body =
            serde_json::to_value(UpdateArticle::new().cancel_scheduled_publish()).expect("ser");
        assert_eq!(body, serde_json::json!({"scheduled_publish_at": null}));
    }

    #[test]
    fn translations_skip_type_and_null_locales() {
        let t: super::super::models::Translations<super::super::models::ArticleContent> = serde_json::from_str(
            r#"{"type":"article_translated_content","en":{"title":"Hi","author_id":5},"fr":null}"#,
        )
        .expect("de");
        assert_eq!(t.len(), 1);
        let en = t.get("en").expect("en");
        assert_eq!(en.title.as_deref(), Some("Hi"));
        assert_eq!(en.author_id.as_deref(), Some("5"));
        assert!(t.get("fr").is_none());
    }
}
