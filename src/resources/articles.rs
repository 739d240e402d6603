//! Help center articles: content, drafts, versions, tags and search.
//!
//! Every operation of the Articles family in Intercom API 2.16, on
//! [`Articles`]. An article has default-language fields at the top level
//! (`title`, `body`, `state`, ...) and, on a multilingual help center, one
//! [`ArticleContent`] per locale in [`Article::translated_content`]. Times
//! are unix seconds; ids are strings (Intercom sends some as numbers).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::resources::articles::{ArticleState, CreateArticle, ParentType, UpdateArticle};
//!
//! let article = client
//!     .articles()
//!     .create(
//!         CreateArticle::new("Resetting your password", "991267")
//!             .body("<p>Open <b>Settings</b>, then <b>Security</b>.</p>")
//!             .parent(ParentType::Collection, "145")
//!             .state(ArticleState::Published),
//!     )
//!     .await?;
//! // Stage an edit without touching the live article, then publish it.
//! client
//!     .articles()
//!     .stage_draft(&article.id, UpdateArticle::new().title("Reset your password"))
//!     .await?;
//! client.articles().publish_draft(&article.id, &[]).await?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::call::Call;
use crate::error::Error;
use crate::models::{null_as_default, opt_string_or_number, string_enum, string_or_number};
use crate::pagination::{ListCall, Paging, Scheme};
use crate::resources::tags::Tag;
use crate::transport::Request;
use crate::transport::request::{path, require_id};

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

/// An article. For a multilingual help center the top-level fields are
/// those of the default language; [`translated_content`](Self::translated_content)
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
    /// Whether a published article has a staged draft on top of it.
    #[serde(default)]
    pub has_unpublished_changes: Option<bool>,
    /// When the staged draft was last edited (unix seconds); `None` without one.
    #[serde(default)]
    pub draft_updated_at: Option<i64>,
    /// Public URL (`None` for a draft).
    #[serde(default)]
    pub url: Option<String>,
    /// The collections or sections the article is filed under; empty when it
    /// stands alone.
    #[serde(default, deserialize_with = "id_list")]
    pub parent_ids: Vec<String>,
    /// Whether Fin (the AI agent) may use the article.
    #[serde(default)]
    pub ai_chatbot_availability: Option<bool>,
    /// Whether Copilot may use the article.
    #[serde(default)]
    pub ai_copilot_availability: Option<bool>,
    /// Whether the AI sales agent may use the article.
    #[serde(default)]
    pub ai_sales_agent_availability: Option<bool>,
    /// The admin who created the article.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub created_by_id: Option<String>,
    /// The admin who last edited the article.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub updated_by_id: Option<String>,
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
    /// Tags on the article (read-only here; see [`Articles::attach_tag`]).
    #[serde(default, deserialize_with = "tag_list")]
    pub tags: Vec<Tag>,
    /// Views, reactions and Fin figures, when Intercom includes them.
    #[serde(default)]
    pub statistics: Option<ArticleStatistics>,
}

/// One locale of an article.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ArticleContent {
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Body, as HTML.
    #[serde(default)]
    pub body: Option<String>,
    /// Body, as Markdown.
    #[serde(default)]
    pub body_markdown: Option<String>,
    /// The admin shown as the author of this locale.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub author_id: Option<String>,
    /// Published or draft, for this locale.
    #[serde(default)]
    pub state: Option<ArticleState>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// Whether this locale has a staged draft on top of its live content.
    #[serde(default)]
    pub has_unpublished_changes: Option<bool>,
    /// When this locale's staged draft was last edited (unix seconds).
    #[serde(default)]
    pub draft_updated_at: Option<i64>,
    /// Public URL of this locale.
    #[serde(default)]
    pub url: Option<String>,
    /// Fin audience targeting of this locale; empty when there is none.
    #[serde(default, deserialize_with = "id_list")]
    pub audience_ids: Vec<String>,
    /// Whether Fin may use this locale.
    #[serde(default)]
    pub ai_chatbot_availability: Option<bool>,
    /// Whether Copilot may use this locale.
    #[serde(default)]
    pub ai_copilot_availability: Option<bool>,
    /// Whether the AI sales agent may use this locale.
    #[serde(default)]
    pub ai_sales_agent_availability: Option<bool>,
    /// The admin who created this locale's content.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub created_by_id: Option<String>,
    /// The admin who last edited this locale's content.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub updated_by_id: Option<String>,
}

/// How an article performs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ArticleStatistics {
    /// Views.
    #[serde(default)]
    pub views: Option<u64>,
    /// Conversations started from the article.
    #[serde(default)]
    pub conversions: Option<u64>,
    /// Reactions.
    #[serde(default)]
    pub reactions: Option<u64>,
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
    pub fin_involvements: Option<u64>,
    /// Conversations Fin resolved with the article.
    #[serde(default)]
    pub fin_resolutions: Option<u64>,
    /// Fin's resolution rate with the article, in percent.
    #[serde(default)]
    pub fin_resolution_rate: Option<f64>,
}

/// A version of an article. In a version listing the body fields are `None`;
/// [`Articles::get_version`] returns them.
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

/// The answer to a delete: the id of what was deleted.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct DeletedObject {
    /// The deleted object's id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// What it was: `article`, `collection`, `help_center_redirect`.
    #[serde(default)]
    pub object: Option<String>,
    /// Whether it is deleted.
    #[serde(default)]
    pub deleted: bool,
}

/// The result of [`Articles::search`]: matching articles and, when asked
/// for, the matching text highlighted.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "SearchWire")]
#[non_exhaustive]
pub struct ArticleSearchResults {
    /// The matching articles.
    pub articles: Vec<Article>,
    /// One entry per matching article, with
    /// [`ArticleSearch::highlight`]; empty otherwise.
    pub highlights: Vec<ArticleSearchHighlight>,
    /// How many articles match.
    pub total_count: Option<u64>,
    /// This page's number, when reported.
    pub page: Option<u32>,
    /// Results per page, when reported.
    pub per_page: Option<u32>,
    /// Number of pages, when reported.
    pub total_pages: Option<u32>,
}

#[derive(Deserialize)]
struct SearchWire {
    #[serde(default)]
    total_count: Option<u64>,
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
    page: Option<u32>,
    #[serde(default)]
    per_page: Option<u32>,
    #[serde(default)]
    total_pages: Option<u32>,
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

// ---------------------------------------------------------------------------
// Request bodies

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

/// A numeric id Intercom wants as a JSON integer (`author_id`, ...).
pub(crate) fn require_numeric(field: &str, value: &str) -> Result<(), Error> {
    if value.is_empty()
        || !value.bytes().all(|b| b.is_ascii_digit())
        || value.parse::<u64>().is_err()
    {
        return Err(Error::invalid(
            field,
            format!("`{value}` is not a numeric Intercom id"),
        ));
    }
    Ok(())
}

/// Serialize a (validated) numeric id string as a JSON integer.
pub(crate) fn as_integer<S: Serializer>(value: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => v
            .parse::<u64>()
            .map_err(serde::ser::Error::custom)?
            .serialize(s),
        None => s.serialize_none(),
    }
}

fn as_integers<S: Serializer>(value: &Option<Vec<String>>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(ids) => ids
            .iter()
            .map(|v| v.parse::<u64>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(serde::ser::Error::custom)?
            .serialize(s),
        None => s.serialize_none(),
    }
}

fn check_audience_ids(field: &str, ids: &Option<Vec<String>>) -> Result<(), Error> {
    for id in ids.iter().flatten() {
        require_numeric(field, id)?;
    }
    Ok(())
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
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_integer")]
    author_id: Option<String>,
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

    /// The admin shown as this locale's author (a numeric admin id).
    pub fn author_id(mut self, admin_id: impl Into<String>) -> Self {
        self.author_id = Some(admin_id.into());
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
        if let Some(author) = &self.author_id {
            require_numeric(&format!("{prefix}author_id"), author)?;
        }
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
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_integer")]
    author_id: Option<String>,
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
        if let Some(author) = &self.author_id {
            require_numeric("author_id", author)?;
        }
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

macro_rules! article_setters {
    ($ty:ident) => {
        impl $ty {
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
        }
    };
}

/// The body of `POST /articles`.
///
/// `author_id` is a numeric admin id (it is sent as a JSON integer).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CreateArticle {
    #[serde(flatten)]
    fields: ArticleFields,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_integer")]
    parent_id: Option<String>,
}
article_setters!(CreateArticle);

impl CreateArticle {
    /// An article with its title and author (a numeric admin id). It is a
    /// draft unless [`state`](Self::state) says otherwise.
    pub fn new(title: impl Into<String>, author_id: impl Into<String>) -> Self {
        CreateArticle {
            fields: ArticleFields {
                title: Some(title.into()),
                author_id: Some(author_id.into()),
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

/// The body of `PUT /articles/{id}` and `PUT /articles/{id}/draft`: only
/// the fields set are changed.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UpdateArticle {
    #[serde(flatten)]
    fields: ArticleFields,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent_id: Option<String>,
}
article_setters!(UpdateArticle);

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

    /// New author (a numeric admin id).
    pub fn author_id(mut self, admin_id: impl Into<String>) -> Self {
        self.fields.author_id = Some(admin_id.into());
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
    highlight: Option<bool>,
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

    /// Also return the matching text, highlighted
    /// ([`ArticleSearchResults::highlights`]).
    pub fn highlight(mut self, yes: bool) -> Self {
        self.highlight = Some(yes);
        self
    }

    fn request(&self) -> Result<Request<ArticleSearchResults>, Error> {
        if let Some(id) = &self.help_center_id {
            require_numeric("help_center_id", id)?;
        }
        let mut req = Request::get("/articles/search");
        if let Some(p) = &self.phrase {
            req = req.query("phrase", p);
        }
        if let Some(s) = &self.state {
            req = req.query("state", s);
        }
        if let Some(id) = &self.help_center_id {
            req = req.query("help_center_id", id);
        }
        if let Some(h) = self.highlight {
            req = req.query("highlight", h);
        }
        Ok(req)
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

const LIST: Paging = Paging::new(Scheme::PageNumber, "data");
const VERSIONS: Paging = Paging::new(Scheme::PageNumber, "data");

/// The articles endpoints. Get one from [`Client::articles`](crate::Client::articles).
#[derive(Debug)]
pub struct Articles<'c, C> {
    client: &'c C,
}

impl<'c, C> Articles<'c, C> {
    pub(crate) fn new(client: &'c C) -> Self {
        Articles { client }
    }

    fn call<T>(&self, request: Result<Request<T>, Error>) -> Call<'c, C, T> {
        Call::new(self.client, request)
    }

    /// `POST /articles`: create an article (a draft unless the state says
    /// published).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::articles::{ArticleTranslation, CreateArticle, ParentType};
    /// let article = client
    ///     .articles()
    ///     .create(
    ///         CreateArticle::new("Exporting your data", "991267")
    ///             .body_markdown("Go to **Settings > Export**.")
    ///             .parent(ParentType::Collection, "145")
    ///             .translation("fr", ArticleTranslation::new("Exporter vos données").body("<p>…</p>")),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending for an empty title, a
    /// non-numeric `author_id`, `parent_id` or audience id, both `body` and
    /// `body_markdown`, a scheduled publish on a draft, both schedules, or a
    /// scheduled unpublish of a draft; `400 parameter_not_found` when no
    /// author is given.
    pub fn create(&self, article: CreateArticle) -> Call<'c, C, Article> {
        self.call(
            article
                .validate()
                .and_then(|()| Request::post("/articles").json(&article)),
        )
    }

    /// `GET /articles/{id}`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let article = client.articles().get("6871119").await?;
    /// println!("{:?} {:?}", article.title, article.statistics.and_then(|s| s.views));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 not_found`.
    pub fn get(&self, id: &str) -> Call<'c, C, Article> {
        self.call(require_id("id", id).map(|()| Request::get(path(&["articles", id]))))
    }

    /// `PUT /articles/{id}`: change the fields set in `update`. On a
    /// published article the change goes live at once (use
    /// [`stage_draft`](Self::stage_draft) to prepare it first).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::articles::UpdateArticle;
    /// client
    ///     .articles()
    ///     .update("6871119", UpdateArticle::new().description("Updated for 2026"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending for an empty id and the
    /// checks of [`create`](Self::create) (both schedules at once included);
    /// `404 not_found`.
    pub fn update(&self, id: &str, update: UpdateArticle) -> Call<'c, C, Article> {
        self.call(
            require_id("id", id)
                .and_then(|()| update.validate())
                .and_then(|()| Request::put(path(&["articles", id])).json(&update)),
        )
    }

    /// `DELETE /articles/{id}`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let gone = client.articles().delete("6871119").await?;
    /// assert!(gone.deleted);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 not_found`.
    pub fn delete(&self, id: &str) -> Call<'c, C, DeletedObject> {
        self.call(require_id("id", id).map(|()| Request::delete(path(&["articles", id]))))
    }

    /// `GET /articles`: every article, most recently updated first, by page
    /// number.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use futures::TryStreamExt;
    /// let mut all = std::pin::pin!(client.articles().list().per_page(50).items());
    /// while let Some(article) = all.try_next().await? {
    ///     println!("{} {:?}", article.id, article.title);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for `per_page` 0; API errors.
    pub fn list(&self) -> ListCall<'c, C, Article> {
        ListCall::new(self.client, Ok(Request::get("/articles")), LIST)
    }

    /// `GET /articles/search`: articles matching a phrase, optionally with the
    /// matching text highlighted.
    ///
    /// The answer nests its items (`data.articles`, `data.highlights`), and
    /// the highlights belong with the articles, so it is one
    /// [`ArticleSearchResults`] rather than a page stream.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::articles::{ArticleSearch, SearchState};
    /// let found = client
    ///     .articles()
    ///     .search(ArticleSearch::phrase("password reset").state(SearchState::All).highlight(true))
    ///     .await?;
    /// println!("{:?} matches", found.total_count);
    /// let quick = client.articles().search("billing").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a non-numeric `help_center_id`.
    pub fn search(&self, search: impl Into<ArticleSearch>) -> Call<'c, C, ArticleSearchResults> {
        self.call(search.into().request())
    }

    /// `GET /articles/{id}/draft`: the article as its staged draft would
    /// make it; the live article is untouched.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let draft = client.articles().get_draft("6871119").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 not_found` when the
    /// article has no staged draft.
    pub fn get_draft(&self, id: &str) -> Call<'c, C, Article> {
        self.call(require_id("id", id).map(|()| Request::get(path(&["articles", id, "draft"]))))
    }

    /// `PUT /articles/{id}/draft`: stage changes to a published article
    /// without making them live. Only versioned text (title, description,
    /// body) is staged; state and AI availability are ignored.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::articles::UpdateArticle;
    /// client
    ///     .articles()
    ///     .stage_draft("6871119", UpdateArticle::new().body("<p>New steps</p>"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] as for [`update`](Self::update);
    /// `422 parameter_invalid` when the article was never published.
    pub fn stage_draft(&self, id: &str, update: UpdateArticle) -> Call<'c, C, Article> {
        self.call(
            require_id("id", id)
                .and_then(|()| update.validate())
                .and_then(|()| Request::put(path(&["articles", id, "draft"])).json(&update)),
        )
    }

    /// `POST /articles/{id}/draft/publish`: make the staged draft live. On a
    /// single-language workspace pass no locales (no body is sent); on a
    /// multilingual one, name the locales to publish.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.articles().publish_draft("6871119", &["en", "fr"]).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id or locale; `422` when there is
    /// no staged draft, a locale has no pending changes, or a multilingual
    /// workspace got no locales.
    pub fn publish_draft(&self, id: &str, locales: &[&str]) -> Call<'c, C, Article> {
        #[derive(Serialize)]
        struct Body<'a> {
            locales: &'a [&'a str],
        }
        self.call(require_id("id", id).and_then(|()| {
            let req = Request::post(path(&["articles", id, "draft", "publish"]));
            if locales.is_empty() {
                return Ok(req);
            }
            if locales.iter().any(|l| l.trim().is_empty()) {
                return Err(Error::invalid("locales", "a locale code is empty"));
            }
            req.json(&Body { locales })
        }))
    }

    /// `POST /articles/{id}/tags`: apply an existing tag, optionally on
    /// behalf of an admin.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let tag = client.articles().attach_tag("6871119", "7522907", Some("991267")).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `403 forbidden` without the
    /// `manage_knowledge_base_content` permission; `404` (`article_not_found`,
    /// `tag_not_found`).
    pub fn attach_tag(&self, id: &str, tag_id: &str, admin_id: Option<&str>) -> Call<'c, C, Tag> {
        #[derive(Serialize)]
        struct Body<'a> {
            id: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            admin_id: Option<&'a str>,
        }
        self.call(
            require_id("id", id)
                .and_then(|()| require_id("tag_id", tag_id))
                .and_then(|()| match admin_id {
                    Some(a) => require_id("admin_id", a),
                    None => Ok(()),
                })
                .and_then(|()| {
                    Request::post(path(&["articles", id, "tags"])).json(&Body {
                        id: tag_id,
                        admin_id,
                    })
                }),
        )
    }

    /// `DELETE /articles/{id}/tags/{tag_id}`: remove a tag from an article.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.articles().detach_tag("6871119", "7522907").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `403 forbidden`; `404`
    /// (`article_not_found`, `tag_not_found`).
    pub fn detach_tag(&self, id: &str, tag_id: &str) -> Call<'c, C, Tag> {
        self.call(
            require_id("id", id)
                .and_then(|()| require_id("tag_id", tag_id))
                .map(|()| Request::delete(path(&["articles", id, "tags", tag_id]))),
        )
    }

    /// `GET /articles/{id}/versions`: the article's versions, newest first,
    /// without their bodies. Narrow to one locale with
    /// [`ListCall::locale`](ListCall#method.locale).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let versions = client
    ///     .articles()
    ///     .list_versions("6871119")
    ///     .locale("fr")
    ///     .collect_at_most(100)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id or locale; `400
    /// parameter_invalid` for a locale the workspace does not have;
    /// `404 not_found`.
    pub fn list_versions(&self, id: &str) -> ListCall<'c, C, ArticleVersion> {
        let request =
            require_id("id", id).map(|()| Request::get(path(&["articles", id, "versions"])));
        ListCall::new(self.client, request, VERSIONS)
    }

    /// `GET /articles/{id}/versions/{version_id}`: one version with its body,
    /// in the default language or the one given to
    /// [`Call::locale`](Call#method.locale).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let v = client.articles().get_version("6871119", "301").locale("en").await?;
    /// println!("{:?}", v.body);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `400 parameter_invalid` for
    /// an unknown locale; `404 not_found`.
    pub fn get_version(&self, id: &str, version_id: &str) -> Call<'c, C, ArticleVersion> {
        self.call(
            require_id("id", id)
                .and_then(|()| require_id("version_id", version_id))
                .map(|()| Request::get(path(&["articles", id, "versions", version_id]))),
        )
    }
}

impl<C> ListCall<'_, C, ArticleVersion> {
    /// Only versions of this locale (`en`, `fr`, ...).
    pub fn locale(self, locale: &str) -> Self {
        let locale = locale.to_owned();
        self.map_request(move |mut r| {
            if locale.trim().is_empty() {
                return Err(Error::invalid("locale", "must not be empty"));
            }
            r.raw.set_query("locale", locale);
            Ok(r)
        })
    }
}

impl<C> Call<'_, C, ArticleVersion> {
    /// The version's content in this locale (`en`, `fr`, ...).
    pub fn locale(self, locale: &str) -> Self {
        self.set_query("locale", locale)
    }
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
        let create = CreateArticle::new("T", "991267").parent(ParentType::Section, "18");
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
        let t: Translations<ArticleContent> = serde_json::from_str(
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
