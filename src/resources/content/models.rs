//! The content models: what Intercom answers.

use serde::Deserialize;

use crate::models::{null_as_default, opt_string_or_number, string_enum};

string_enum! {
    /// A kind of Knowledge Hub content, as the search reports it and
    /// filters on.
    pub enum ContentKind {
        /// A help center article (with one entry per locale).
        Article = "article",
        /// A content snippet.
        ContentSnippet = "content_snippet",
        /// An external page.
        ExternalContent = "external_content",
        /// An uploaded file.
        FileSourceContent = "file_source_content",
        /// An internal article.
        InternalArticle = "internal_article",
    }
}

/// One search result: a flat `{type, id, title}` for most kinds, with the
/// per-locale [`contents`](Self::contents) of a help center article.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ContentSearchHit {
    /// What kind of content it is.
    #[serde(rename = "type")]
    pub kind: ContentKind,
    /// Its id (of that kind: an article's, a snippet's…).
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// Its display title.
    #[serde(default)]
    pub title: Option<String>,
    /// A help center article's locales; empty for other kinds.
    #[serde(default, deserialize_with = "null_as_default")]
    pub contents: Vec<ArticleContentHit>,
}

/// One locale of a help center article in search results (an
/// `article_content`, the id bulk actions other than tags take).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ArticleContentHit {
    /// The article content id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// The localized title.
    #[serde(default)]
    pub title: Option<String>,
    /// The locale, e.g. `fr`.
    #[serde(default)]
    pub locale: Option<String>,
}

/// The answer to a bulk action: the work is queued (`202`); Intercom does
/// not report its progress in API 2.16.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ContentBulkActionQueued {
    /// `content_bulk_action`.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// `queued`.
    #[serde(default)]
    pub status: Option<String>,
}
