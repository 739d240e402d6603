//! The article models: articles, their per-locale content, versions and
//! search results.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::models::{null_as_default, opt_string_or_number, string_enum, string_or_number};
use crate::tags::Tag;

string_enum! {
    /// Whether an article (or one locale of it) is live.
    pub enum ArticleState {
        /// Live in the help center.
        Published = "published",
        /// Not live.
        Draft = "draft",
    }
}

string_enum! {
    /// Which articles a search looks at.
    pub enum SearchState {
        /// Published articles only.
        Published = "published",
        /// Draft articles only.
        Draft = "draft",
        /// Published and draft articles.
        All = "all",
    }
}

string_enum! {
    /// What an article is filed under.
    pub enum ParentType {
        /// A top-level collection.
        Collection = "collection",
        /// A section inside a collection.
        Section = "section",
    }
}

string_enum! {
    /// Who can see an article in the help center.
    pub enum HelpCenterAudience {
        /// Users and visitors.
        Everyone = "everyone",
        /// Identified users only.
        AllUsers = "all_users",
        /// Anonymous visitors only.
        AllVisitors = "all_visitors",
        /// Leads only.
        AllLeads = "all_leads",
        /// Visitors and leads.
        AllVisitorsAndLeads = "all_visitors_and_leads",
        /// A custom audience rule set.
        Restricted = "restricted",
    }
}

string_enum! {
    /// Whether a piece of highlighted search text matched the phrase.
    pub enum HighlightKind {
        /// Text that matched.
        Highlight = "highlight",
        /// Surrounding text.
        Plain = "plain",
    }
}

/// Content per locale (`translated_content`): locale code (`en`, `fr`,
/// `pt-BR`, ...) to the content in that language.
///
/// Intercom sends every locale the help center knows, with `null` for the
/// ones without content; those are left out here.
#[derive(Debug, Clone, PartialEq)]
pub struct Translations<T> {
    by_locale: BTreeMap<String, T>,
}

impl<T> Default for Translations<T> {
    fn default() -> Self {
        Translations {
            by_locale: BTreeMap::new(),
        }
    }
}

impl<T> Translations<T> {
    /// The content in `locale`, if there is any.
    pub fn get(&self, locale: &str) -> Option<&T> {
        self.by_locale.get(locale)
    }

    /// Every locale with content, in locale order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.by_locale.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The locales with content.
    pub fn locales(&self) -> impl Iterator<Item = &str> {
        self.by_locale.keys().map(String::as_str)
    }

    /// How many locales have content.
    pub fn len(&self) -> usize {
        self.by_locale.len()
    }

    /// `true` when no locale has content.
    pub fn is_empty(&self) -> bool {
        self.by_locale.is_empty()
    }
}

impl<T> IntoIterator for Translations<T> {
    type Item = (String, T);
    type IntoIter = std::collections::btree_map::IntoIter<String, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.by_locale.into_iter()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Translations<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<fn() -> T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Translations<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of locale codes to content")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut by_locale = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "type" {
                        map.next_value::<de::IgnoredAny>()?;
                        continue;
                    }
                    if let Some(content) = map.next_value::<Option<T>>()? {
                        by_locale.insert(key, content);
                    }
                }
                Ok(Translations { by_locale })
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

/// A list of ids Intercom sends as numbers or strings, `null` as empty.
fn id_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    struct Id(#[serde(deserialize_with = "string_or_number")] String);
    Ok(Option::<Vec<Id>>::deserialize(d)?
        .unwrap_or_default()
        .into_iter()
        .map(|Id(s)| s)
        .collect())
}

/// An article's tags arrive wrapped as `{"type": "tag.list", "tags": [...]}`.
fn tag_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Tag>, D::Error> {
    #[derive(Deserialize)]
    struct Wrapper {
        #[serde(default, deserialize_with = "null_as_default")]
        tags: Vec<Tag>,
    }
    Ok(Option::<Wrapper>::deserialize(d)?
        .map(|w| w.tags)
        .unwrap_or_default())
}

/// The fields an article and each of its locales share: the text, the
/// author, the state and times, and AI availability. [`Article`] carries
/// them for its default language (and dereferences to them, so
/// `article.title` reads the default title); [`Article::translated_content`]
/// has one per locale.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ArticleContent {
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Description (the summary shown under the title).
    #[serde(default)]
    pub description: Option<String>,
    /// Body, as HTML.
    #[serde(default)]
    pub body: Option<String>,
    /// Body, as Markdown.
    #[serde(default)]
    pub body_markdown: Option<String>,
    /// The admin shown as the author.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub author_id: Option<String>,
    /// Published or draft.
    #[serde(default)]
    pub state: Option<ArticleState>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// Whether published content has a staged draft on top of it.
    #[serde(default)]
    pub has_unpublished_changes: Option<bool>,
    /// When the staged draft was last edited (unix seconds); `None` without one.
    #[serde(default)]
    pub draft_updated_at: Option<i64>,
    /// Public URL (`None` for a draft).
    #[serde(default)]
    pub url: Option<String>,
    /// Fin audience targeting (sent per locale); empty when there is none.
    #[serde(default, deserialize_with = "id_list")]
    pub audience_ids: Vec<String>,
    /// Whether Fin (the AI agent) may use it.
    #[serde(default)]
    pub ai_chatbot_availability: Option<bool>,
    /// Whether Copilot may use it.
    #[serde(default)]
    pub ai_copilot_availability: Option<bool>,
    /// Whether the AI sales agent may use it.
    #[serde(default)]
    pub ai_sales_agent_availability: Option<bool>,
    /// The admin who created it.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub created_by_id: Option<String>,
    /// The admin who last edited it.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub updated_by_id: Option<String>,
}

/// An article. For a multilingual help center [`content`](Self::content)
/// is that of the default language; [`translated_content`](Self::translated_content)
/// has every language.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Article {
    /// Intercom's id for the article.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The workspace the article belongs to.
    #[serde(default)]
    pub workspace_id: Option<String>,
    /// Title, body, author, state, times and AI availability of the default
    /// language. `Article` dereferences to it: `article.title`.
    #[serde(flatten)]
    pub content: ArticleContent,
    /// The collections or sections the article is filed under; empty when it
    /// stands alone.
    #[serde(default, deserialize_with = "id_list")]
    pub parent_ids: Vec<String>,
    /// Whether the article is left out of Fin's article suggestions.
    #[serde(default)]
    pub exclude_from_article_suggestions: Option<bool>,
    /// Who can see the article in the help center.
    #[serde(default)]
    pub help_center_audience: Option<HelpCenterAudience>,
    /// When a scheduled publish happens (unix seconds).
    #[serde(default)]
    pub scheduled_publish_at: Option<i64>,
    /// When a scheduled unpublish happens (unix seconds).
    #[serde(default)]
    pub scheduled_unpublish_at: Option<i64>,
    /// The help center's default locale (multilingual help centers only).
    #[serde(default)]
    pub default_locale: Option<String>,
    /// Content per locale.
    #[serde(default)]
    pub translated_content: Option<Translations<ArticleContent>>,
    /// Tags on the article (read-only here; see
    /// [`Tags::tag_article`](crate::tags::Tags)).
    #[serde(default, deserialize_with = "tag_list")]
    pub tags: Vec<Tag>,
    /// Views, reactions and Fin figures, when Intercom includes them.
    #[serde(default)]
    pub statistics: Option<ArticleStatistics>,
}

impl Deref for Article {
    type Target = ArticleContent;
    fn deref(&self) -> &ArticleContent {
        &self.content
    }
}

/// How an article performs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ArticleStatistics {
    /// Views.
    #[serde(default)]
    pub views: Option<i64>,
    /// Conversations started from the article.
    #[serde(default)]
    pub conversions: Option<i64>,
    /// Reactions.
    #[serde(default)]
    pub reactions: Option<i64>,
    /// Share of happy reactions, in percent.
    #[serde(default)]
    pub happy_reaction_percentage: Option<f64>,
    /// Share of neutral reactions, in percent.
    #[serde(default)]
    pub neutral_reaction_percentage: Option<f64>,
    /// Share of sad reactions, in percent.
    #[serde(default)]
    pub sad_reaction_percentage: Option<f64>,
    /// Conversations where Fin used the article.
    #[serde(default)]
    pub fin_involvements: Option<i64>,
    /// Conversations Fin resolved with the article.
    #[serde(default)]
    pub fin_resolutions: Option<i64>,
    /// Fin's resolution rate with the article, in percent.
    #[serde(default)]
    pub fin_resolution_rate: Option<f64>,
}

/// A version of an article. In a version listing the body fields are `None`;
/// [`Articles::get_version`](super::Articles::get_version) returns them.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ArticleVersion {
    /// The version id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The article it is a version of.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub article_id: Option<String>,
    /// Title at this version.
    #[serde(default)]
    pub title: Option<String>,
    /// Description at this version.
    #[serde(default)]
    pub description: Option<String>,
    /// Body as HTML (single version only).
    #[serde(default)]
    pub body: Option<String>,
    /// Body as Markdown (single version only).
    #[serde(default)]
    pub body_markdown: Option<String>,
    /// The author at this version.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub author_id: Option<String>,
    /// The admin who made this version.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub created_by_id: Option<String>,
    /// How it was made, e.g. `web` or `api`.
    #[serde(default)]
    pub created_via: Option<String>,
    /// The version it was made from; `None` for the first.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub from_version_id: Option<String>,
    /// `Published` for the live version, `Draft` for earlier ones.
    #[serde(default)]
    pub state: Option<ArticleState>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds; single version only).
    #[serde(default)]
    pub updated_at: Option<i64>,
}
/// The answer to `DELETE /articles/{article_id}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ArticleDeleted {
    /// The deleted article's id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// `article`.
    #[serde(default)]
    pub object: Option<String>,
    /// Whether it is deleted.
    #[serde(default)]
    pub deleted: bool,
}

/// The result of [`Articles::search_with_highlights`](super::Articles::search_with_highlights):
/// one page of matching articles and the matching text highlighted.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "SearchWire")]
#[non_exhaustive]
pub struct ArticleSearchResults {
    /// The matching articles.
    pub articles: Vec<Article>,
    /// One entry per matching article: its title and summary with the
    /// matching text marked.
    pub highlights: Vec<ArticleSearchHighlight>,
    /// How many articles match.
    pub total_count: Option<i64>,
    /// This page's number, when reported.
    pub page: Option<i64>,
    /// Results per page, when reported.
    pub per_page: Option<i64>,
    /// Number of pages, when reported.
    pub total_pages: Option<i64>,
}

#[derive(Deserialize)]
struct SearchWire {
    #[serde(default)]
    total_count: Option<i64>,
    #[serde(default)]
    data: Option<SearchData>,
    #[serde(default)]
    pages: Option<SearchPages>,
}

#[derive(Deserialize)]
struct SearchData {
    #[serde(default, deserialize_with = "null_as_default")]
    articles: Vec<Article>,
    #[serde(default, deserialize_with = "null_as_default")]
    highlights: Vec<ArticleSearchHighlight>,
}

#[derive(Deserialize)]
struct SearchPages {
    #[serde(default)]
    page: Option<i64>,
    #[serde(default)]
    per_page: Option<i64>,
    #[serde(default)]
    total_pages: Option<i64>,
}

impl From<SearchWire> for ArticleSearchResults {
    fn from(w: SearchWire) -> Self {
        let (articles, highlights) = w
            .data
            .map(|d| (d.articles, d.highlights))
            .unwrap_or_default();
        let pages = w.pages;
        ArticleSearchResults {
            articles,
            highlights,
            total_count: w.total_count,
            page: pages.as_ref().and_then(|p| p.page),
            per_page: pages.as_ref().and_then(|p| p.per_page),
            total_pages: pages.as_ref().and_then(|p| p.total_pages),
        }
    }
}

/// The title and summary of one matching article, split into matching and
/// surrounding text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ArticleSearchHighlight {
    /// The article this is about.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub article_id: Option<String>,
    /// The title, in pieces.
    #[serde(default, deserialize_with = "null_as_default")]
    pub highlighted_title: Vec<HighlightedText>,
    /// Passages of description and body, each in pieces.
    #[serde(default, deserialize_with = "null_as_default")]
    pub highlighted_summary: Vec<Vec<HighlightedText>>,
}

/// A piece of highlighted text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct HighlightedText {
    /// Matching or surrounding text.
    #[serde(rename = "type", default)]
    pub kind: Option<HighlightKind>,
    /// The text.
    #[serde(default)]
    pub text: Option<String>,
}
