//! Help centers, their collections and their URL redirects.
//!
//! Every operation of the Help Center family in Intercom API 2.16, on
//! [`HelpCenter`]. A workspace can have several help centers
//! ([`HelpCenterSite`]); articles are filed in [`Collection`]s (a collection
//! with a `parent_id` is a section); a [`Redirect`] sends an old URL to an
//! article or collection.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::resources::help_center::{CreateCollection, CreateRedirect, RedirectTarget};
//!
//! let Some(site) = client.help_center().list_help_centers().await?.items.into_iter().next() else {
//!     return Ok(());
//! };
//! let billing = client
//!     .help_center()
//!     .create_collection(CreateCollection::new("Billing").help_center_id(&site.id))
//!     .await?;
//! client
//!     .help_center()
//!     .create_redirect(
//!         &site.id,
//!         CreateRedirect::new(
//!             "https://help.example.com/old/billing",
//!             "en",
//!             RedirectTarget::Collection,
//!             &billing.id,
//!         ),
//!     )
//!     .await?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::call::Call;
use crate::error::Error;
use crate::models::{opt_string_or_number, string_enum, string_or_number};
use crate::pagination::{ListCall, Paging, Scheme};
use crate::resources::articles::{Translations, as_integer, require_numeric};
use crate::transport::Request;
use crate::transport::request::{path, require_id};

pub use crate::resources::articles::DeletedObject;

/// Most redirects per page.
pub const MAX_REDIRECTS_PER_PAGE: u32 = 250;

string_enum! {
    /// What a redirect points to.
    pub enum RedirectTarget {
        /// An article.
        Article = "article",
        /// A collection.
        Collection = "collection",
    }
}

/// A collection of articles. A collection with a
/// [`parent_id`](Self::parent_id) is a section of its parent.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Collection {
    /// Intercom's id for the collection.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The workspace it belongs to.
    #[serde(default)]
    pub workspace_id: Option<String>,
    /// Name (of the default language).
    #[serde(default)]
    pub name: Option<String>,
    /// Description (of the default language).
    #[serde(default)]
    pub description: Option<String>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// Public URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Icon name, e.g. `book-bookmark`.
    #[serde(default)]
    pub icon: Option<String>,
    /// Position among its siblings, from 0.
    #[serde(default)]
    pub order: Option<i64>,
    /// The help center's default locale (multilingual help centers only).
    #[serde(default)]
    pub default_locale: Option<String>,
    /// Name and description per locale.
    #[serde(default)]
    pub translated_content: Option<Translations<CollectionContent>>,
    /// The parent collection; `None` for a top-level collection.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub parent_id: Option<String>,
    /// The help center it is in.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub help_center_id: Option<String>,
}

/// A collection's name and description in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, Default)]
#[non_exhaustive]
pub struct CollectionContent {
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CollectionContent {
    /// A locale's content, with its name.
    pub fn new(name: impl Into<String>) -> Self {
        CollectionContent {
            name: Some(name.into()),
            description: None,
        }
    }

    /// Description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

/// A help center (named `HelpCenterSite` here because [`HelpCenter`] is the
/// endpoints handle).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct HelpCenterSite {
    /// Intercom's id for the help center.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The workspace it belongs to.
    #[serde(default)]
    pub workspace_id: Option<String>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// The identifier used in its URL.
    #[serde(default)]
    pub identifier: Option<String>,
    /// Whether the help center website is turned on.
    #[serde(default)]
    pub website_turned_on: Option<bool>,
    /// Name shown to teammates.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Public URL (on the custom domain when there is one).
    #[serde(default)]
    pub url: Option<String>,
    /// Custom domain, if configured.
    #[serde(default)]
    pub custom_domain: Option<String>,
    /// Whether it is the workspace's default help center.
    #[serde(default)]
    pub default: Option<bool>,
    /// The locales it is available in.
    #[serde(default, deserialize_with = "crate::models::null_as_default")]
    pub locales: Vec<String>,
}

/// A redirect from an old URL to an article or collection.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Redirect {
    /// Intercom's id for the redirect.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The URL that is redirected (absolute, within the help center).
    #[serde(default)]
    pub from_url: Option<String>,
    /// The locale of the target content.
    #[serde(default)]
    pub locale: Option<String>,
    /// The help center it belongs to.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub help_center_id: Option<String>,
    /// Article or collection.
    #[serde(default)]
    pub target_type: Option<RedirectTarget>,
    /// The article or collection id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub target_id: Option<String>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
}

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

/// The body of `PUT /help_center/collections/{id}`: only the fields set are
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
        require_id("target_id", &self.target_id)
    }
}

const COLLECTIONS: Paging = Paging::new(Scheme::PageNumber, "data");
const HELP_CENTERS: Paging = Paging::new(Scheme::PageNumber, "data");
const REDIRECTS: Paging =
    Paging::new(Scheme::PageNumber, "data").max_per_page(MAX_REDIRECTS_PER_PAGE);

/// The help center (collections, help centers, redirects) endpoints. Get one from [`Client::help_center`](crate::Client::help_center).
#[derive(Debug)]
pub struct HelpCenter<'c, C> {
    client: &'c C,
}

impl<'c, C> HelpCenter<'c, C> {
    pub(crate) fn new(client: &'c C) -> Self {
        HelpCenter { client }
    }

    fn call<T>(&self, request: Result<Request<T>, Error>) -> Call<'c, C, T> {
        Call::new(self.client, request)
    }

    /// `GET /help_center/collections`: every collection, most recently
    /// updated first, by page number.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let collections = client.help_center().list_collections().collect_at_most(500).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for `per_page` 0; API errors.
    pub fn list_collections(&self) -> ListCall<'c, C, Collection> {
        ListCall::new(
            self.client,
            Ok(Request::get("/help_center/collections")),
            COLLECTIONS,
        )
    }

    /// `POST /help_center/collections`: create a collection (or, with a
    /// parent, a section).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::help_center::{CollectionContent, CreateCollection};
    /// let c = client
    ///     .help_center()
    ///     .create_collection(
    ///         CreateCollection::new("Getting started")
    ///             .description("Your first steps")
    ///             .translation("fr", CollectionContent::new("Premiers pas")),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending for an empty name or a
    /// non-numeric `help_center_id`; `400 parameter_not_found`.
    pub fn create_collection(&self, collection: CreateCollection) -> Call<'c, C, Collection> {
        self.call(
            collection
                .validate()
                .and_then(|()| Request::post("/help_center/collections").json(&collection)),
        )
    }

    /// `GET /help_center/collections/{id}`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let c = client.help_center().get_collection("6871118").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 not_found`.
    pub fn get_collection(&self, id: &str) -> Call<'c, C, Collection> {
        self.call(
            require_id("id", id).map(|()| Request::get(path(&["help_center", "collections", id]))),
        )
    }

    /// `PUT /help_center/collections/{id}`: change the fields set in `update`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::help_center::UpdateCollection;
    /// client
    ///     .help_center()
    ///     .update_collection("6871118", UpdateCollection::new().name("Billing & plans").move_to_top_level())
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id or name; `404 not_found`.
    pub fn update_collection(&self, id: &str, update: UpdateCollection) -> Call<'c, C, Collection> {
        self.call(
            require_id("id", id)
                .and_then(|()| update.validate())
                .and_then(|()| {
                    Request::put(path(&["help_center", "collections", id])).json(&update)
                }),
        )
    }

    /// `DELETE /help_center/collections/{id}`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let gone = client.help_center().delete_collection("6871118").await?;
    /// assert!(gone.deleted);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 not_found`.
    pub fn delete_collection(&self, id: &str) -> Call<'c, C, DeletedObject> {
        self.call(
            require_id("id", id)
                .map(|()| Request::delete(path(&["help_center", "collections", id]))),
        )
    }

    /// `GET /help_center/help_centers/{id}`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let site = client.help_center().get_help_center("123").await?;
    /// println!("{:?}", site.url);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 not_found`.
    pub fn get_help_center(&self, id: &str) -> Call<'c, C, HelpCenterSite> {
        self.call(
            require_id("id", id).map(|()| Request::get(path(&["help_center", "help_centers", id]))),
        )
    }

    /// `GET /help_center/help_centers`: the workspace's help centers. Intercom
    /// usually answers in one page; further pages are followed if it reports
    /// them.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for site in client.help_center().list_help_centers().await? {
    ///     println!("{} {:?}", site.id, site.display_name);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for `per_page` 0; API errors.
    pub fn list_help_centers(&self) -> ListCall<'c, C, HelpCenterSite> {
        ListCall::new(
            self.client,
            Ok(Request::get("/help_center/help_centers")),
            HELP_CENTERS,
        )
    }

    /// `GET /help_center/help_centers/{help_center_id}/redirects`: the help
    /// center's redirects, most recently updated first (up to 250 per page).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let redirects = client
    ///     .help_center()
    ///     .list_redirects("123")
    ///     .per_page(250)
    ///     .collect_at_most(10_000)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id or `per_page` outside
    /// 1..=250; `404 not_found`.
    pub fn list_redirects(&self, help_center_id: &str) -> ListCall<'c, C, Redirect> {
        let request = require_id("help_center_id", help_center_id).map(|()| {
            Request::get(path(&[
                "help_center",
                "help_centers",
                help_center_id,
                "redirects",
            ]))
        });
        ListCall::new(self.client, request, REDIRECTS)
    }

    /// `POST /help_center/help_centers/{help_center_id}/redirects`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::help_center::{CreateRedirect, RedirectTarget};
    /// client
    ///     .help_center()
    ///     .create_redirect(
    ///         "123",
    ///         CreateRedirect::new("https://help.example.com/en/old-faq", "en", RedirectTarget::Article, "6871119"),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending when `from_url` is not an
    /// absolute http(s) URL, or the locale or target id is empty;
    /// `409 resource_conflict` when the URL is already redirected;
    /// `422 data_invalid` when it is outside the help center's URL space.
    pub fn create_redirect(
        &self,
        help_center_id: &str,
        redirect: CreateRedirect,
    ) -> Call<'c, C, Redirect> {
        self.call(
            require_id("help_center_id", help_center_id)
                .and_then(|()| redirect.validate())
                .and_then(|()| {
                    Request::post(path(&[
                        "help_center",
                        "help_centers",
                        help_center_id,
                        "redirects",
                    ]))
                    .json(&redirect)
                }),
        )
    }

    /// `GET /help_center/help_centers/{help_center_id}/redirects/{id}`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let r = client.help_center().get_redirect("123", "42").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 not_found`.
    pub fn get_redirect(&self, help_center_id: &str, id: &str) -> Call<'c, C, Redirect> {
        self.call(
            require_id("help_center_id", help_center_id)
                .and_then(|()| require_id("id", id))
                .map(|()| {
                    Request::get(path(&[
                        "help_center",
                        "help_centers",
                        help_center_id,
                        "redirects",
                        id,
                    ]))
                }),
        )
    }

    /// `DELETE /help_center/help_centers/{help_center_id}/redirects/{id}`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.help_center().delete_redirect("123", "42").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 not_found`.
    pub fn delete_redirect(&self, help_center_id: &str, id: &str) -> Call<'c, C, DeletedObject> {
        self.call(
            require_id("help_center_id", help_center_id)
                .and_then(|()| require_id("id", id))
                .map(|()| {
                    Request::delete(path(&[
                        "help_center",
                        "help_centers",
                        help_center_id,
                        "redirects",
                        id,
                    ]))
                }),
        )
    }
}
