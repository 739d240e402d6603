//! Tags: labels on contacts, companies, conversations, tickets, internal
//! articles and content snippets.
//!
//! Every operation of the Tags family in Intercom API 2.16, on [`Tags`].
//! Tag names are case-insensitive, and creating a tag whose name already
//! exists returns the existing one, so [`Tags::create`] doubles as "find or
//! create by name".
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::tags::CompanyRef;
//!
//! let vip = client.tags().create("VIP").await?;
//! client.tags().tag_contact("6762f0d01bb69f9f2193bb7d", &vip.id).await?;
//! client
//!     .tags()
//!     .tag_conversation("147", &vip.id, "991267")
//!     .await?;
//! let result = client
//!     .tags()
//!     .tag_companies("VIP", [CompanyRef::company_id("acme-42")])
//!     .await?;
//! assert!(result.companies.iter().all(|c| c.tagged == Some(true)));
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::call::Call;
use crate::error::Error;
use crate::models::{List, Reference, null_as_default, string_or_number};
use crate::transport::Request;
use crate::transport::request::{path, require_id};

/// A tag.
///
/// As a workspace tag ([`Tags::list`], [`Tags::get`], [`Tags::create`]) it
/// has an id and a name. As the answer to tagging or untagging one object
/// (a contact, conversation, ticket, internal article or content snippet) it
/// also says when and by whom it was applied; both are `None` after an
/// untag.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Tag {
    /// The tag id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The tag name.
    #[serde(default)]
    pub name: Option<String>,
    /// When the tag was applied (unix seconds), where it applies.
    #[serde(default)]
    pub applied_at: Option<i64>,
    /// Who applied it, where it applies.
    #[serde(default)]
    pub applied_by: Option<Reference>,
}

/// The answer to tagging or untagging companies, or tagging users, through
/// `POST /tags`: the tag, and what happened to each object named.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TaggingResult {
    /// The tag id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The tag name.
    #[serde(default)]
    pub name: Option<String>,
    /// The users (contacts) tagged or untagged.
    #[serde(default, deserialize_with = "null_as_default")]
    pub users: Vec<TaggedObject>,
    /// The companies tagged or untagged.
    #[serde(default, deserialize_with = "null_as_default")]
    pub companies: Vec<TaggedObject>,
}

/// One object of a [`TaggingResult`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TaggedObject {
    /// Intercom's id for the user or company.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// `true` when it now has the tag, `false` when the tag was removed.
    #[serde(default)]
    pub tagged: Option<bool>,
}

/// A company to tag or untag, by either of its ids.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CompanyRef {
    /// Intercom's id for the company (`id`).
    Id(String),
    /// Your id for the company (`company_id`).
    CompanyId(String),
}

impl CompanyRef {
    /// A company by Intercom's id.
    pub fn id(id: impl Into<String>) -> Self {
        CompanyRef::Id(id.into())
    }

    /// A company by the id you gave it (`company_id`).
    pub fn company_id(company_id: impl Into<String>) -> Self {
        CompanyRef::CompanyId(company_id.into())
    }
}

/// The bodies `POST /tags` takes (the spec's `oneOf`).
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum TagsBody<'a> {
    /// `create_or_update_tag_request`.
    CreateOrUpdate {
        name: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<&'a str>,
    },
    /// `tag_company_request` and `untag_company_request`.
    Companies {
        name: &'a str,
        companies: Vec<CompanyItem<'a>>,
    },
    /// `tag_multiple_users_request`.
    Users { name: &'a str, users: Vec<UserItem> },
}

#[derive(Debug, Serialize)]
struct CompanyItem<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    company_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    untag: Option<bool>,
}

#[derive(Debug, Serialize)]
struct UserItem {
    id: String,
}

/// The `companies` list of a company (un)tagging body, checked.
fn company_items(companies: &[CompanyRef], untag: bool) -> Result<Vec<CompanyItem<'_>>, Error> {
    if companies.is_empty() {
        return Err(Error::invalid("companies", "name at least one company"));
    }
    companies
        .iter()
        .enumerate()
        .map(|(i, company)| {
            let (id, company_id, key) = match company {
                CompanyRef::Id(id) => (Some(id.as_str()), None, "id"),
                CompanyRef::CompanyId(id) => (None, Some(id.as_str()), "company_id"),
            };
            if id.or(company_id).is_some_and(|v| v.trim().is_empty()) {
                return Err(Error::invalid(
                    format!("companies[{i}].{key}"),
                    "must not be empty",
                ));
            }
            Ok(CompanyItem {
                id,
                company_id,
                untag: untag.then_some(true),
            })
        })
        .collect()
}

/// The `users` list of a user tagging body, checked.
fn user_items<I>(contact_ids: I) -> Result<Vec<UserItem>, Error>
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    let mut users = Vec::new();
    for (i, id) in contact_ids.into_iter().enumerate() {
        let id = id.as_ref();
        if id.trim().is_empty() {
            return Err(Error::invalid(
                format!("users[{i}].id"),
                "must not be empty",
            ));
        }
        users.push(UserItem { id: id.to_owned() });
    }
    if users.is_empty() {
        return Err(Error::invalid("users", "name at least one contact"));
    }
    Ok(users)
}

/// Internal article ids are integers in every path of the spec.
fn require_numeric_id(field: &'static str, value: &str) -> Result<(), Error> {
    require_id(field, value)?;
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid(
            field,
            "must be Intercom's numeric id, e.g. \"6871119\"",
        ));
    }
    Ok(())
}

/// `{"id": tag_id}` or `{"id": tag_id, "admin_id": admin_id}`.
#[derive(Debug, Serialize)]
struct ApplyBody<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    admin_id: Option<&'a str>,
}

/// `{"admin_id": admin_id}`, the body of some untag `DELETE`s.
#[derive(Debug, Serialize)]
struct AdminBody<'a> {
    admin_id: &'a str,
}

/// The tags endpoints. Get one from [`Client::tags`](crate::Client::tags).
#[derive(Debug)]
pub struct Tags<'c, C> {
    client: &'c C,
}

impl<'c, C> Tags<'c, C> {
    pub(crate) fn new(client: &'c C) -> Self {
        Tags { client }
    }

    fn call<T>(&self, request: Result<Request<T>, Error>) -> Call<'c, C, T> {
        Call::new(self.client, request)
    }

    /// `POST /tags`, the one endpoint behind [`create`](Self::create),
    /// [`rename`](Self::rename), [`tag_companies`](Self::tag_companies),
    /// [`untag_companies`](Self::untag_companies) and
    /// [`tag_users`](Self::tag_users).
    fn post_tags<T>(&self, body: Result<TagsBody<'_>, Error>) -> Call<'c, C, T> {
        // Every form sets a state (a tag with this name exists, has this
        // name, is or is not on these objects): sending it twice is the
        // same as once, so retries are safe.
        self.call(body.and_then(|body| Request::post("/tags").idempotent(true).json(&body)))
    }

    /// `GET /tags`: every tag of the workspace.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for tag in client.tags().list().await? {
    ///     println!("{} {:?}", tag.id, tag.name);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized`, and any transport error.
    pub fn list(&self) -> Call<'c, C, List<Tag>> {
        self.call(Ok(Request::get("/tags")))
    }

    /// `GET /tags/{tag_id}`: one tag (id and name).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let tag = client.tags().get("7522907").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 not_found`.
    pub fn get(&self, tag_id: &str) -> Call<'c, C, Tag> {
        self.call(require_id("tag_id", tag_id).map(|()| Request::get(path(&["tags", tag_id]))))
    }

    /// `POST /tags` with a name: create the tag, or return the existing one
    /// with that name (names are case-insensitive).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let tag = client.tags().create("Churn risk").await?;
    /// println!("{}", tag.id);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty name; `400 parameter_invalid`.
    pub fn create(&self, name: &str) -> Call<'c, C, Tag> {
        self.post_tags(
            require_id("name", name).map(|()| TagsBody::CreateOrUpdate { name, id: None }),
        )
    }

    /// `POST /tags` with an id and a name: rename a tag.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let tag = client.tags().rename("7522907", "Churn risk (Q3)").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id or name; `400
    /// parameter_invalid`; `404 not_found`.
    pub fn rename(&self, tag_id: &str, new_name: &str) -> Call<'c, C, Tag> {
        self.post_tags(
            require_id("tag_id", tag_id)
                .and_then(|()| require_id("name", new_name))
                .map(|()| TagsBody::CreateOrUpdate {
                    name: new_name,
                    id: Some(tag_id),
                }),
        )
    }

    /// `POST /tags` with `companies`: put the tag named `name` on companies,
    /// creating the tag if no tag has that name.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::tags::CompanyRef;
    /// let result = client
    ///     .tags()
    ///     .tag_companies(
    ///         "Enterprise",
    ///         [CompanyRef::company_id("acme-42"), CompanyRef::id("531ee472cce572a6ec000006")],
    ///     )
    ///     .await?;
    /// for company in &result.companies {
    ///     println!("{} tagged: {:?}", company.id, company.tagged);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty name, no company, or an empty
    /// company id (field `companies[i].id` / `companies[i].company_id`);
    /// `400`/`404` when a company cannot be found.
    pub fn tag_companies(
        &self,
        name: &str,
        companies: impl IntoIterator<Item = CompanyRef>,
    ) -> Call<'c, C, TaggingResult> {
        let companies: Vec<CompanyRef> = companies.into_iter().collect();
        self.post_tags(
            require_id("name", name)
                .and_then(|()| company_items(&companies, false))
                .map(|companies| TagsBody::Companies { name, companies }),
        )
    }

    /// `POST /tags` with `companies` marked `untag`: remove the tag named
    /// `name` from companies.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::tags::CompanyRef;
    /// client
    ///     .tags()
    ///     .untag_companies("Enterprise", [CompanyRef::company_id("acme-42")])
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty name, no company, or an empty
    /// company id; `400`/`404` when the tag or a company cannot be found.
    pub fn untag_companies(
        &self,
        name: &str,
        companies: impl IntoIterator<Item = CompanyRef>,
    ) -> Call<'c, C, TaggingResult> {
        let companies: Vec<CompanyRef> = companies.into_iter().collect();
        self.post_tags(
            require_id("name", name)
                .and_then(|()| company_items(&companies, true))
                .map(|companies| TagsBody::Companies { name, companies }),
        )
    }

    /// `POST /tags` with `users`: put the tag named `name` on several
    /// contacts at once (by Intercom contact id), creating the tag if no tag
    /// has that name. Intercom has recommended batches of at most 50.
    ///
    /// To tag one contact by tag id, use [`tag_contact`](Self::tag_contact).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let result = client
    ///     .tags()
    ///     .tag_users("Beta", ["6762f0d01bb69f9f2193bb7d", "6762f0d01bb69f9f2193bb7e"])
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty name, no contact, or an empty
    /// contact id (field `users[i].id`); `400`/`404` when a contact cannot be
    /// found.
    pub fn tag_users<I>(&self, name: &str, contact_ids: I) -> Call<'c, C, TaggingResult>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.post_tags(
            require_id("name", name)
                .and_then(|()| user_items(contact_ids))
                .map(|users| TagsBody::Users { name, users }),
        )
    }

    /// `DELETE /tags/{tag_id}`: delete a tag from the workspace.
    ///
    /// A tag still in use (by a segment, a rule, a message's audience, ...)
    /// cannot be deleted: Intercom answers `400` with code
    /// [`ErrorCode::TagHasDependentObjects`](crate::ErrorCode::TagHasDependentObjects)
    /// and a message naming what uses it.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::ErrorCode;
    /// match client.tags().delete("7522907").await {
    ///     Ok(()) => println!("deleted"),
    ///     Err(e) if e.code() == Some(&ErrorCode::TagHasDependentObjects) => {
    ///         let why = e.as_api().and_then(|api| api.message()).unwrap_or_default();
    ///         println!("still in use: {why}");
    ///     }
    ///     Err(e) if e.is_not_found() => println!("already gone"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `400
    /// tag_has_dependent_objects` (see above); `404 not_found`.
    pub fn delete(&self, tag_id: &str) -> Call<'c, C, ()> {
        self.call(require_id("tag_id", tag_id).map(|()| Request::delete(path(&["tags", tag_id]))))
    }

    /// `POST /contacts/{contact_id}/tags`: put a tag on a contact.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let tag = client.tags().tag_contact("6762f0d01bb69f9f2193bb7d", "7522907").await?;
    /// println!("applied at {:?}", tag.applied_at);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 not_found` when the
    /// contact or the tag does not exist.
    pub fn tag_contact(&self, contact_id: &str, tag_id: &str) -> Call<'c, C, Tag> {
        self.call(
            require_id("contact_id", contact_id)
                .and_then(|()| require_id("tag_id", tag_id))
                .and_then(|()| {
                    Request::post(path(&["contacts", contact_id, "tags"]))
                        .idempotent(true)
                        .json(&ApplyBody {
                            id: tag_id,
                            admin_id: None,
                        })
                }),
        )
    }

    /// `DELETE /contacts/{contact_id}/tags/{tag_id}`: take a tag off a contact.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().untag_contact("6762f0d01bb69f9f2193bb7d", "7522907").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 not_found` when the
    /// contact or the tag does not exist.
    pub fn untag_contact(&self, contact_id: &str, tag_id: &str) -> Call<'c, C, Tag> {
        self.call(
            require_id("contact_id", contact_id)
                .and_then(|()| require_id("tag_id", tag_id))
                .map(|()| Request::delete(path(&["contacts", contact_id, "tags", tag_id]))),
        )
    }

    /// `POST /conversations/{conversation_id}/tags`: put a tag on a
    /// conversation, as the admin `admin_id`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().tag_conversation("147", "7522907", "991267").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 not_found` when the
    /// conversation or the tag does not exist.
    pub fn tag_conversation(
        &self,
        conversation_id: &str,
        tag_id: &str,
        admin_id: &str,
    ) -> Call<'c, C, Tag> {
        self.call(
            require_id("conversation_id", conversation_id)
                .and_then(|()| require_id("tag_id", tag_id))
                .and_then(|()| require_id("admin_id", admin_id))
                .and_then(|()| {
                    Request::post(path(&["conversations", conversation_id, "tags"]))
                        .idempotent(true)
                        .json(&ApplyBody {
                            id: tag_id,
                            admin_id: Some(admin_id),
                        })
                }),
        )
    }

    /// `DELETE /conversations/{conversation_id}/tags/{tag_id}`: take a tag
    /// off a conversation, as the admin `admin_id` (sent as a JSON body).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().untag_conversation("147", "7522907", "991267").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 not_found` when the
    /// conversation does not exist, `404 tag_not_found` when the tag does not.
    pub fn untag_conversation(
        &self,
        conversation_id: &str,
        tag_id: &str,
        admin_id: &str,
    ) -> Call<'c, C, Tag> {
        self.call(
            require_id("conversation_id", conversation_id)
                .and_then(|()| require_id("tag_id", tag_id))
                .and_then(|()| require_id("admin_id", admin_id))
                .and_then(|()| {
                    Request::delete(path(&["conversations", conversation_id, "tags", tag_id]))
                        .json(&AdminBody { admin_id })
                }),
        )
    }

    /// `POST /tickets/{ticket_id}/tags`: put a tag on a ticket, as the admin
    /// `admin_id`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().tag_ticket("2207", "7522907", "991267").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 ticket_not_found`, `404
    /// not_found` for an unknown tag.
    pub fn tag_ticket(&self, ticket_id: &str, tag_id: &str, admin_id: &str) -> Call<'c, C, Tag> {
        self.call(
            require_id("ticket_id", ticket_id)
                .and_then(|()| require_id("tag_id", tag_id))
                .and_then(|()| require_id("admin_id", admin_id))
                .and_then(|()| {
                    Request::post(path(&["tickets", ticket_id, "tags"]))
                        .idempotent(true)
                        .json(&ApplyBody {
                            id: tag_id,
                            admin_id: Some(admin_id),
                        })
                }),
        )
    }

    /// `DELETE /tickets/{ticket_id}/tags/{tag_id}`: take a tag off a ticket,
    /// as the admin `admin_id` (sent as a JSON body).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().untag_ticket("2207", "7522907", "991267").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 ticket_not_found`, `404
    /// tag_not_found`.
    pub fn untag_ticket(&self, ticket_id: &str, tag_id: &str, admin_id: &str) -> Call<'c, C, Tag> {
        self.call(
            require_id("ticket_id", ticket_id)
                .and_then(|()| require_id("tag_id", tag_id))
                .and_then(|()| require_id("admin_id", admin_id))
                .and_then(|()| {
                    Request::delete(path(&["tickets", ticket_id, "tags", tag_id]))
                        .json(&AdminBody { admin_id })
                }),
        )
    }

    /// `POST /internal_articles/{internal_article_id}/tags`: put an existing
    /// tag on an internal article, optionally as the admin `admin_id`.
    ///
    /// Needs the `read_write_articles_scope` OAuth scope and a teammate
    /// allowed to manage knowledge base content.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().tag_internal_article("6871119", "7522907", Some("991267")).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id or a non-numeric
    /// `internal_article_id`; `403 forbidden`; `404
    /// internal_article_not_found`, `404 tag_not_found`.
    pub fn tag_internal_article(
        &self,
        internal_article_id: &str,
        tag_id: &str,
        admin_id: Option<&str>,
    ) -> Call<'c, C, Tag> {
        self.call(
            require_numeric_id("internal_article_id", internal_article_id)
                .and_then(|()| require_id("tag_id", tag_id))
                .and_then(|()| admin_id.map_or(Ok(()), |a| require_id("admin_id", a)))
                .and_then(|()| {
                    Request::post(path(&["internal_articles", internal_article_id, "tags"]))
                        .idempotent(true)
                        .json(&ApplyBody {
                            id: tag_id,
                            admin_id,
                        })
                }),
        )
    }

    /// `DELETE /internal_articles/{internal_article_id}/tags/{tag_id}`: take
    /// a tag off an internal article. The returned tag has no `applied_at`
    /// or `applied_by`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().untag_internal_article("6871119", "7522907").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id or a non-numeric
    /// `internal_article_id`; `403 forbidden`; `404
    /// internal_article_not_found`, `404 tag_not_found`.
    pub fn untag_internal_article(
        &self,
        internal_article_id: &str,
        tag_id: &str,
    ) -> Call<'c, C, Tag> {
        self.call(
            require_numeric_id("internal_article_id", internal_article_id)
                .and_then(|()| require_id("tag_id", tag_id))
                .map(|()| {
                    Request::delete(path(&[
                        "internal_articles",
                        internal_article_id,
                        "tags",
                        tag_id,
                    ]))
                }),
        )
    }

    /// `POST /content_snippets/{content_snippet_id}/tags`: put an existing
    /// tag on a content snippet, optionally as the admin `admin_id`.
    ///
    /// Needs the `read_write_content_snippets` OAuth scope and a teammate
    /// allowed to manage knowledge base content.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().tag_content_snippet("123", "7522907", None).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `403 forbidden`; `404
    /// content_snippet_not_found`, `404 tag_not_found`.
    pub fn tag_content_snippet(
        &self,
        content_snippet_id: &str,
        tag_id: &str,
        admin_id: Option<&str>,
    ) -> Call<'c, C, Tag> {
        self.call(
            require_id("content_snippet_id", content_snippet_id)
                .and_then(|()| require_id("tag_id", tag_id))
                .and_then(|()| admin_id.map_or(Ok(()), |a| require_id("admin_id", a)))
                .and_then(|()| {
                    Request::post(path(&["content_snippets", content_snippet_id, "tags"]))
                        .idempotent(true)
                        .json(&ApplyBody {
                            id: tag_id,
                            admin_id,
                        })
                }),
        )
    }

    /// `DELETE /content_snippets/{content_snippet_id}/tags/{tag_id}`: take a
    /// tag off a content snippet. The returned tag has no `applied_at` or
    /// `applied_by`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.tags().untag_content_snippet("123", "7522907").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `403 forbidden`; `404
    /// content_snippet_not_found`, `404 tag_not_found`.
    pub fn untag_content_snippet(
        &self,
        content_snippet_id: &str,
        tag_id: &str,
    ) -> Call<'c, C, Tag> {
        self.call(
            require_id("content_snippet_id", content_snippet_id)
                .and_then(|()| require_id("tag_id", tag_id))
                .map(|()| {
                    Request::delete(path(&[
                        "content_snippets",
                        content_snippet_id,
                        "tags",
                        tag_id,
                    ]))
                }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_bodies_name_the_bad_entry() {
        let companies = [CompanyRef::id("531ee472"), CompanyRef::company_id(" ")];
        match company_items(&companies, false) {
            Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "companies[1].company_id"),
            other => panic!("{other:?}"),
        }
        let items = company_items(&companies[..1], true).expect("valid");
        assert_eq!(
            serde_json::to_value(&items).expect("json"),
            serde_json::json!([{"id": "531ee472", "untag": true}])
        );
    }

    #[test]
    fn internal_article_ids_are_numeric() {
        assert!(require_numeric_id("internal_article_id", "6871119").is_ok());
        assert!(require_numeric_id("internal_article_id", "abc").is_err());
        assert!(require_numeric_id("internal_article_id", "").is_err());
    }
}
