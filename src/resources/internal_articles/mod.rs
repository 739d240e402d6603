//! Internal articles: the knowledge base only teammates (and, when made
//! available, Fin and Copilot) read.
//!
//! The six Internal Articles operations of Intercom API 2.16, on
//! [`InternalArticles`]. Tagging an internal article is
//! [`Tags::tag_internal_article`](crate::tags::Tags::tag_internal_article).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::internal_articles::{NewInternalArticle, UpdateInternalArticle};
//! let kb = client.internal_articles();
//! let sop = kb
//!     .create(
//!         NewInternalArticle::new("Refund SOP", 991_266_252, 991_266_252)
//!             .body_markdown("# Refunds\n\nUp to 30 days, no questions asked.\n")
//!             .ai_copilot_availability(true),
//!     )
//!     .await?;
//! kb.update(&sop.id, UpdateInternalArticle::new().title("Refund SOP (2026)")).await?;
//! # Ok(()) }
//! ```

mod rows;

pub use rows::{InternalArticles, ops};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::models::{null_as_default, opt_string_or_number, string_or_number};
use crate::resources::common::{require_non_empty, require_numeric};
use crate::transport::Request;

/// An internal article.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct InternalArticle {
    /// The article id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Its title.
    #[serde(default)]
    pub title: Option<String>,
    /// The body in HTML.
    #[serde(default)]
    pub body: Option<String>,
    /// The body in Markdown, when Intercom returns it.
    #[serde(default)]
    pub body_markdown: Option<String>,
    /// The admin who owns it.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub owner_id: Option<String>,
    /// The admin shown as its author.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub author_id: Option<String>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last change (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// The default locale, e.g. `en`.
    #[serde(default)]
    pub locale: Option<String>,
    /// The Fin audiences it targets; empty when it targets none.
    #[serde(default, deserialize_with = "null_as_default")]
    pub audience_ids: Vec<i64>,
    /// Whether Fin (the AI agent) may use it.
    #[serde(default)]
    pub ai_chatbot_availability: Option<bool>,
    /// Whether Copilot may use it.
    #[serde(default)]
    pub ai_copilot_availability: Option<bool>,
    /// Whether the AI sales agent may use it.
    #[serde(default)]
    pub ai_sales_agent_availability: Option<bool>,
}

/// The answer to deleting an internal article.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct InternalArticleDeleted {
    /// The deleted article's id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// `internal_article`.
    #[serde(default)]
    pub object: Option<String>,
    /// Whether it is deleted.
    #[serde(default)]
    pub deleted: bool,
}

/// The fields both the create and the update bodies carry.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
struct Fields {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body_markdown: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audience_ids: Option<Vec<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_chatbot_availability: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_copilot_availability: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_sales_agent_availability: Option<bool>,
}

impl Fields {
    /// Refuse what Intercom would: a blank title, both bodies, a negative
    /// admin or audience id.
    fn check(&self) -> Result<(), Error> {
        if let Some(title) = &self.title {
            require_non_empty("title", title)?;
        }
        if self.body.is_some() && self.body_markdown.is_some() {
            return Err(Error::invalid(
                "body_markdown",
                "body and body_markdown are mutually exclusive: send one",
            ));
        }
        for (field, id) in [("author_id", self.author_id), ("owner_id", self.owner_id)] {
            if let Some(id) = id.filter(|id| *id <= 0) {
                return Err(Error::invalid(
                    field,
                    format!("{id} is not an Intercom admin id"),
                ));
            }
        }
        if let Some(bad) = self.audience_ids.iter().flatten().find(|id| **id <= 0) {
            return Err(Error::invalid(
                "audience_ids",
                format!("{bad} is not an audience id"),
            ));
        }
        Ok(())
    }
}

macro_rules! article_setters {
    () => {
        /// The body in HTML (instead of [`body_markdown`](Self::body_markdown)).
        pub fn body(mut self, html: impl Into<String>) -> Self {
            self.fields.body = Some(html.into());
            self
        }

        /// The body in Markdown (instead of [`body`](Self::body)).
        pub fn body_markdown(mut self, markdown: impl Into<String>) -> Self {
            self.fields.body_markdown = Some(markdown.into());
            self
        }

        /// The Fin audiences to target; empty for none.
        pub fn audience_ids(mut self, ids: impl IntoIterator<Item = i64>) -> Self {
            self.fields.audience_ids = Some(ids.into_iter().collect());
            self
        }

        /// Whether Fin (the AI agent) may use it.
        pub fn ai_chatbot_availability(mut self, on: bool) -> Self {
            self.fields.ai_chatbot_availability = Some(on);
            self
        }

        /// Whether Copilot may use it.
        pub fn ai_copilot_availability(mut self, on: bool) -> Self {
            self.fields.ai_copilot_availability = Some(on);
            self
        }

        /// Whether the AI sales agent may use it.
        pub fn ai_sales_agent_availability(mut self, on: bool) -> Self {
            self.fields.ai_sales_agent_availability = Some(on);
            self
        }
    };
}

/// The body of `POST /internal_articles`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewInternalArticle {
    #[serde(flatten)]
    fields: Fields,
}

impl NewInternalArticle {
    /// An article titled `title`, owned by the admin `owner_id` and
    /// written by the admin `author_id`.
    pub fn new(title: impl Into<String>, owner_id: i64, author_id: i64) -> Self {
        NewInternalArticle {
            fields: Fields {
                title: Some(title.into()),
                owner_id: Some(owner_id),
                author_id: Some(author_id),
                ..Fields::default()
            },
        }
    }

    article_setters!();
}

/// The body of `PUT /internal_articles/{id}`: only the fields set change
/// (`audience_ids` left out keeps the audiences; empty clears them).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UpdateInternalArticle {
    #[serde(flatten)]
    fields: Fields,
}

impl UpdateInternalArticle {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        UpdateInternalArticle::default()
    }

    /// A new title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.fields.title = Some(title.into());
        self
    }

    /// A new owner (an admin id).
    pub fn owner_id(mut self, admin_id: i64) -> Self {
        self.fields.owner_id = Some(admin_id);
        self
    }

    /// A new author (an admin id).
    pub fn author_id(mut self, admin_id: i64) -> Self {
        self.fields.author_id = Some(admin_id);
        self
    }

    article_setters!();
}

/// The filters of `GET /internal_articles/search`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InternalArticleSearch {
    folder_id: Option<String>,
}

impl InternalArticleSearch {
    /// Every internal article.
    pub fn new() -> Self {
        InternalArticleSearch::default()
    }

    /// Only the articles in the folder `folder_id` (a numeric id).
    pub fn folder_id(mut self, folder_id: impl Into<String>) -> Self {
        self.folder_id = Some(folder_id.into());
        self
    }
}

fn create_body<T>(req: Request<T>, article: NewInternalArticle) -> Result<Request<T>, Error> {
    article.fields.check()?;
    req.json(&article)
}

fn update_body<T>(req: Request<T>, update: UpdateInternalArticle) -> Result<Request<T>, Error> {
    update.fields.check()?;
    req.json(&update)
}

fn search_query<T>(req: Request<T>, search: InternalArticleSearch) -> Result<Request<T>, Error> {
    match &search.folder_id {
        Some(id) => {
            require_numeric("folder_id", id)?;
            Ok(req.query("folder_id", id))
        }
        None => Ok(req),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_serialize_only_what_is_set() {
        let new = NewInternalArticle::new("SOP", 1, 2).body("<p>x</p>");
        assert_eq!(
            serde_json::to_value(&new).unwrap(),
            serde_json::json!({"title": "SOP", "owner_id": 1, "author_id": 2, "body": "<p>x</p>"})
        );
        let clear = UpdateInternalArticle::new().audience_ids([]);
        assert_eq!(
            serde_json::to_value(&clear).unwrap(),
            serde_json::json!({"audience_ids": []})
        );
    }

    #[test]
    fn checks() {
        let both = NewInternalArticle::new("SOP", 1, 2)
            .body("a")
            .body_markdown("b");
        assert!(both.fields.check().is_err());
        assert!(NewInternalArticle::new(" ", 1, 2).fields.check().is_err());
        assert!(NewInternalArticle::new("SOP", 0, 2).fields.check().is_err());
        let bad = UpdateInternalArticle::new().audience_ids([3, -1]);
        assert!(bad.fields.check().is_err());
    }
}
