//! Companies: the organisations contacts belong to.
//!
//! Every operation of the Companies family in Intercom API 2.16, on
//! [`Companies`]. A company has two ids: Intercom's `id`, which every path
//! takes, and your own `company_id`, which `POST /companies` is keyed by and
//! which can never change once set. Times are unix seconds; custom attributes
//! are a JSON map.
//!
//! Listing every company has two forms:
//!
//! - [`Companies::list`] (`POST /companies/list`): page numbers, sorted by
//!   `last_request_at`, but Intercom serves at most **10,000** companies this way
//!   and leaves out companies that have no contacts;
//! - [`Companies::scroll`] (`GET /companies/scroll`): every company, however
//!   many, with the rule that a workspace has **one** scroll open at a time (see
//!   the method for what that means for your code).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::companies::{CreateOrUpdateCompany, UpdateCompany};
//!
//! let acme = client
//!     .companies()
//!     .create_or_update(CreateOrUpdateCompany::new("acme-1").name("Acme").plan("pro"))
//!     .await?;
//! client
//!     .companies()
//!     .update(&acme.id, UpdateCompany::new().custom_attribute("region", "emea"))
//!     .await?;
//! client.companies().attach_contact(&acme.id, "6762f0d01bb69f9f2193bb7d").await?;
//! # Ok(()) }
//! ```

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

use crate::call::Call;
use crate::error::{Error, ErrorCode};
use crate::models::{CustomAttributes, List, null_as_default, opt_string_or_number};
use crate::pagination::{ListCall, Paging, Scheme};
use crate::resources::contacts::{Contact, validate_custom_attributes};
use crate::resources::notes::Note;
use crate::resources::segments::Segment;
use crate::resources::tags::Tag;
use crate::transport::Request;
use crate::transport::request::{path, require_id};

/// Largest `monthly_spend` Intercom stores (2³¹ − 1).
pub const MAX_MONTHLY_SPEND: i64 = 2_147_483_647;

/// Most companies [`Companies::list`] can reach by page number; use
/// [`Companies::scroll`] beyond this.
pub const LIST_CAP: u32 = 10_000;

/// A company.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Company {
    /// Intercom's id for the company: the one every path takes.
    pub id: String,
    /// Your id for the company (set once, never changed).
    #[serde(default)]
    pub company_id: Option<String>,
    /// The company name.
    #[serde(default)]
    pub name: Option<String>,
    /// The workspace id.
    #[serde(default)]
    pub app_id: Option<String>,
    /// The plan the company is on.
    #[serde(default)]
    pub plan: Option<Plan>,
    /// When the company was created in your system (unix seconds).
    #[serde(default)]
    pub remote_created_at: Option<i64>,
    /// When Intercom created the record (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// Last request from any of its contacts (unix seconds).
    #[serde(default)]
    pub last_request_at: Option<i64>,
    /// Number of employees.
    #[serde(default)]
    pub size: Option<i64>,
    /// Website URL (Intercom does not check it).
    #[serde(default)]
    pub website: Option<String>,
    /// Industry.
    #[serde(default)]
    pub industry: Option<String>,
    /// Monthly spend (Intercom stores whole numbers).
    #[serde(default)]
    pub monthly_spend: Option<f64>,
    /// Number of sessions.
    #[serde(default)]
    pub session_count: Option<i64>,
    /// Number of users.
    #[serde(default)]
    pub user_count: Option<i64>,
    /// Custom attributes, as JSON (strings, numbers, booleans).
    #[serde(default, deserialize_with = "null_as_default")]
    pub custom_attributes: CustomAttributes,
    /// Tags on the company.
    #[serde(default)]
    pub tags: Option<CompanyTags>,
    /// Segments the company is in.
    #[serde(default)]
    pub segments: Option<CompanySegments>,
    /// Notes on the company, when Intercom embeds them.
    #[serde(default)]
    pub notes: Option<CompanyNotes>,
}

/// A company's plan.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Plan {
    /// The plan id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// The plan name.
    #[serde(default)]
    pub name: Option<String>,
}

/// The tags embedded in a company.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CompanyTags {
    /// The tags.
    #[serde(default, deserialize_with = "null_as_default")]
    pub tags: Vec<Tag>,
}

/// The segments embedded in a company.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CompanySegments {
    /// The segments.
    #[serde(default, deserialize_with = "null_as_default")]
    pub segments: Vec<Segment>,
}

/// The notes embedded in a company.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CompanyNotes {
    /// The notes.
    #[serde(default, deserialize_with = "null_as_default")]
    pub notes: Vec<Note>,
}

/// The answer to deleting a company.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CompanyDeleted {
    /// The deleted company's Intercom id.
    pub id: String,
    /// What was deleted (`company`).
    #[serde(default)]
    pub object: Option<String>,
    /// Whether the deletion was accepted. Intercom archives the company and
    /// detaches its contacts asynchronously after answering.
    #[serde(default)]
    pub deleted: bool,
}

/// One company found by [`Companies::get_by_company_id`] or
/// [`Companies::find_by_name`].
///
/// Intercom answers these lookups with the company object itself, while the
/// 2.16 spec declares a `company_list` holding it; both shapes decode (from a
/// list, the first company is taken, and an empty list is a decode error).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CompanyLookup {
    /// The company found.
    pub company: Company,
}

impl From<CompanyLookup> for Company {
    fn from(found: CompanyLookup) -> Company {
        found.company
    }
}

impl<'de> Deserialize<'de> for CompanyLookup {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut value = serde_json::Value::deserialize(d)?;
        let is_list = value.get("type").and_then(|t| t.as_str()) == Some("list")
            || (value.get("id").is_none() && value.get("data").is_some());
        if is_list {
            value = match value.get_mut("data").map(serde_json::Value::take) {
                Some(serde_json::Value::Array(items)) => {
                    items.into_iter().next().ok_or_else(|| {
                        D::Error::custom("the lookup answered with an empty company list")
                    })?
                }
                _ => {
                    return Err(D::Error::custom(
                        "the lookup answered with a list without a `data` array",
                    ));
                }
            };
        }
        Company::deserialize(value)
            .map(|company| CompanyLookup { company })
            .map_err(D::Error::custom)
    }
}

/// Order of [`Companies::list`], by `last_request_at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum CompanyOrder {
    /// Least recently active first.
    Asc,
    /// Most recently active first (Intercom's default).
    #[default]
    Desc,
}

impl CompanyOrder {
    fn as_str(self) -> &'static str {
        match self {
            CompanyOrder::Asc => "asc",
            CompanyOrder::Desc => "desc",
        }
    }
}

/// Why a [`Companies::scroll`] stopped, read from the error it returned.
///
/// A scroll cannot be resumed after any of these: wait for the open scroll to
/// expire (one minute without a request) and start a new one. The SDK never
/// restarts a scroll by itself, because a restart delivers every company
/// again from the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ScrollFailure {
    /// `400 scroll_exists`: a scroll is already open for this workspace
    /// (from this process or another one). It expires after a minute without
    /// requests, or when it is read to its end.
    AlreadyOpen,
    /// `404 not_found` ("scroll parameter not found"): the `scroll_param`
    /// expired (more than a minute between two pages) or belongs to a scroll
    /// that already ended.
    Expired,
    /// A 5xx answer, a timeout or a broken connection in the middle of a
    /// scroll. Intercom asks for the scroll to be restarted; the page that
    /// failed may already have been consumed on Intercom's side, so the SDK
    /// does not retry it.
    Interrupted,
}

impl ScrollFailure {
    /// Classify an error returned by [`Companies::scroll`] (by awaiting it, or
    /// by its `pages()` / `items()` streams). `None` for errors that say
    /// nothing about the scroll itself: authentication, rate limits, invalid
    /// input.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use futures::TryStreamExt;
    /// use intercom_api::companies::ScrollFailure;
    ///
    /// let mut companies = std::pin::pin!(client.companies().scroll().items());
    /// loop {
    ///     match companies.try_next().await {
    ///         Ok(Some(company)) => println!("{}", company.id),
    ///         Ok(None) => break,
    ///         Err(e) if ScrollFailure::of(&e) == Some(ScrollFailure::AlreadyOpen) => {
    ///             eprintln!("another scroll is running; try again in a minute");
    ///             break;
    ///         }
    ///         Err(e) => return Err(e),
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub fn of(error: &Error) -> Option<ScrollFailure> {
        match error {
            Error::Api(api) => {
                if api.errors.iter().any(|e| e.code == ErrorCode::ScrollExists) {
                    Some(ScrollFailure::AlreadyOpen)
                } else if api.status.as_u16() == 404 {
                    Some(ScrollFailure::Expired)
                } else if api.status.is_server_error() {
                    Some(ScrollFailure::Interrupted)
                } else {
                    None
                }
            }
            Error::Timeout { .. } => Some(ScrollFailure::Interrupted),
            // A failed connect sent nothing: the scroll is where it was.
            Error::Transport(e) if !e.is_connect() => Some(ScrollFailure::Interrupted),
            _ => None,
        }
    }
}

/// The fields a company can be created or updated with. Shared by
/// [`CreateOrUpdateCompany`] and [`UpdateCompany`].
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
struct CompanyFields {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    size: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    website: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    industry: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    custom_attributes: Option<CustomAttributes>,
    #[serde(skip_serializing_if = "Option::is_none")]
    monthly_spend: Option<i64>,
}

impl CompanyFields {
    /// Refuse what Intercom documents as invalid, naming the field.
    fn validate(&self) -> Result<(), Error> {
        if let Some(spend) = self.monthly_spend {
            if spend > MAX_MONTHLY_SPEND {
                return Err(Error::invalid(
                    "monthly_spend",
                    format!("{spend} is above Intercom's limit of {MAX_MONTHLY_SPEND}"),
                ));
            }
        }
        if let Some(attrs) = &self.custom_attributes {
            validate_custom_attributes(attrs)?;
        }
        Ok(())
    }
}

macro_rules! company_setters {
    ($ty:ident) => {
        impl $ty {
            /// The company name.
            pub fn name(mut self, name: impl Into<String>) -> Self {
                self.fields.name = Some(name.into());
                self
            }
            /// The name of the company's plan.
            pub fn plan(mut self, plan: impl Into<String>) -> Self {
                self.fields.plan = Some(plan.into());
                self
            }
            /// The number of employees.
            pub fn size(mut self, employees: i64) -> Self {
                self.fields.size = Some(employees);
                self
            }
            /// The website URL (any string; Intercom does not check it).
            pub fn website(mut self, url: impl Into<String>) -> Self {
                self.fields.website = Some(url.into());
                self
            }
            /// The industry.
            pub fn industry(mut self, industry: impl Into<String>) -> Self {
                self.fields.industry = Some(industry.into());
                self
            }
            /// Monthly revenue from the company, in whole units, at most
            /// [`MAX_MONTHLY_SPEND`].
            pub fn monthly_spend(mut self, spend: i64) -> Self {
                self.fields.monthly_spend = Some(spend);
                self
            }
            /// Set one custom attribute (a string, number, boolean or `null`).
            pub fn custom_attribute(
                mut self,
                name: impl Into<String>,
                value: impl Into<serde_json::Value>,
            ) -> Self {
                self.fields
                    .custom_attributes
                    .get_or_insert_with(Default::default)
                    .insert(name.into(), value.into());
                self
            }
            /// Set several custom attributes at once.
            pub fn custom_attributes(mut self, attrs: CustomAttributes) -> Self {
                self.fields
                    .custom_attributes
                    .get_or_insert_with(Default::default)
                    .extend(attrs);
                self
            }
        }
    };
}

/// The body of `POST /companies`: create the company with this
/// `company_id`, or update the one that has it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CreateOrUpdateCompany {
    company_id: String,
    #[serde(flatten)]
    fields: CompanyFields,
    #[serde(skip_serializing_if = "Option::is_none")]
    remote_created_at: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    update_last_request_at: Option<bool>,
}
company_setters!(CreateOrUpdateCompany);

impl CreateOrUpdateCompany {
    /// The company with your id `company_id`. The id is the key Intercom
    /// finds the company by; it is set on creation and cannot change.
    pub fn new(company_id: impl Into<String>) -> Self {
        CreateOrUpdateCompany {
            company_id: company_id.into(),
            fields: CompanyFields::default(),
            remote_created_at: None,
            update_last_request_at: None,
        }
    }

    /// When the company was created in your system (unix seconds).
    pub fn remote_created_at(mut self, unix: i64) -> Self {
        self.remote_created_at = Some(unix);
        self
    }

    /// Set the company's `last_request_at` to now.
    pub fn update_last_request_at(mut self, yes: bool) -> Self {
        self.update_last_request_at = Some(yes);
        self
    }

    /// Your id for the company.
    pub fn get_company_id(&self) -> &str {
        &self.company_id
    }

    fn validate(&self) -> Result<(), Error> {
        require_id("company_id", &self.company_id)?;
        self.fields.validate()
    }
}

/// The body of `PUT /companies/{id}`: only the fields set are changed. Your
/// `company_id` cannot be changed.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UpdateCompany {
    #[serde(flatten)]
    fields: CompanyFields,
}
company_setters!(UpdateCompany);

impl UpdateCompany {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        UpdateCompany::default()
    }
}

/// `GET /companies` filtered by tag or segment, and `POST /companies/list`.
const PAGES: Paging = Paging::new(Scheme::PageNumber, "data");
/// `GET /companies/scroll`.
const SCROLL: Paging = Paging::new(Scheme::Scroll, "data");
/// `GET /companies/{id}/contacts`.
const CONTACTS: Paging = Paging::new(Scheme::PageNumber, "data");
/// `GET /companies/{id}/notes`.
const NOTES: Paging = Paging::new(Scheme::PageNumber, "data");

/// The companies endpoints. Get one from [`Client::companies`](crate::Client::companies).
#[derive(Debug)]
pub struct Companies<'c, C> {
    client: &'c C,
}

impl<'c, C> Companies<'c, C> {
    pub(crate) fn new(client: &'c C) -> Self {
        Companies { client }
    }

    fn call<T>(&self, request: Result<Request<T>, Error>) -> Call<'c, C, T> {
        Call::new(self.client, request)
    }

    /// `POST /companies`: create the company with this `company_id`, or
    /// update the one that already has it.
    ///
    /// A company shows in Intercom's UI only once a contact is attached to it
    /// (see [`attach_contact`](Self::attach_contact)).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::companies::CreateOrUpdateCompany;
    /// let acme = client
    ///     .companies()
    ///     .create_or_update(
    ///         CreateOrUpdateCompany::new("acme-1")
    ///             .name("Acme")
    ///             .remote_created_at(1_700_000_000)
    ///             .monthly_spend(499)
    ///             .custom_attribute("tier", "gold"),
    ///     )
    ///     .await?;
    /// println!("Intercom id {}", acme.id);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending for an empty `company_id`, a
    /// `monthly_spend` above [`MAX_MONTHLY_SPEND`] or a too-long custom
    /// attribute; `400` for a body Intercom refuses.
    pub fn create_or_update(&self, company: CreateOrUpdateCompany) -> Call<'c, C, Company> {
        self.call(
            company
                .validate()
                .and_then(|()| Request::post("/companies").json(&company)),
        )
    }

    /// `GET /companies/{id}`, by Intercom's id.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let company = client.companies().get("6762f0761bb69f9f2193bae2").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 company_not_found`.
    pub fn get(&self, id: &str) -> Call<'c, C, Company> {
        self.call(require_id("id", id).map(|()| Request::get(path(&["companies", id]))))
    }

    /// `GET /companies?company_id=`: the company with your id `company_id`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let acme = client.companies().get_by_company_id("acme-1").await?.company;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty `company_id`;
    /// `404 company_not_found`.
    pub fn get_by_company_id(&self, company_id: &str) -> Call<'c, C, CompanyLookup> {
        self.call(
            require_id("company_id", company_id)
                .map(|()| Request::get("/companies").query("company_id", company_id)),
        )
    }

    /// `GET /companies?name=`: the company with this name.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let acme = client.companies().find_by_name("Acme Ltd").await?.company;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty name; `404 company_not_found`.
    pub fn find_by_name(&self, name: &str) -> Call<'c, C, CompanyLookup> {
        self.call(require_id("name", name).map(|()| Request::get("/companies").query("name", name)))
    }

    /// `GET /companies?tag_id=`: the companies with this tag, page by page
    /// (15 per page unless [`per_page`](ListCall::per_page) says otherwise).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let tagged = client.companies().list_by_tag("7522907").per_page(50).collect_at_most(500).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty tag id or `per_page` 0; API errors.
    pub fn list_by_tag(&self, tag_id: &str) -> ListCall<'c, C, Company> {
        let request = require_id("tag_id", tag_id)
            .map(|()| Request::get("/companies").query("tag_id", tag_id));
        ListCall::new(self.client, request, PAGES)
    }

    /// `GET /companies?segment_id=`: the companies in this segment, page by
    /// page (15 per page unless [`per_page`](ListCall::per_page) says otherwise).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use futures::TryStreamExt;
    /// let mut companies = std::pin::pin!(client.companies().list_by_segment("5310d8e8598c9a0b24000005").items());
    /// while let Some(company) = companies.try_next().await? {
    ///     println!("{:?}", company.name);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty segment id or `per_page` 0; API errors.
    pub fn list_by_segment(&self, segment_id: &str) -> ListCall<'c, C, Company> {
        let request = require_id("segment_id", segment_id)
            .map(|()| Request::get("/companies").query("segment_id", segment_id));
        ListCall::new(self.client, request, PAGES)
    }

    /// `PUT /companies/{id}`: change the fields set in `update`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::companies::UpdateCompany;
    /// client
    ///     .companies()
    ///     .update("6762f0761bb69f9f2193bae2", UpdateCompany::new().plan("enterprise").size(250))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id, a `monthly_spend` above
    /// [`MAX_MONTHLY_SPEND`] or a too-long custom attribute;
    /// `404 company_not_found`.
    pub fn update(&self, id: &str, update: UpdateCompany) -> Call<'c, C, Company> {
        self.call(
            require_id("id", id)
                .and_then(|()| update.fields.validate())
                .and_then(|()| Request::put(path(&["companies", id])).json(&update)),
        )
    }

    /// `DELETE /companies/{id}`.
    ///
    /// Intercom archives the company and detaches its contacts (which are
    /// kept) after answering. An integration that syncs companies into
    /// Intercom may create it again on its next sync.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let deleted = client.companies().delete("6762f0761bb69f9f2193bae2").await?;
    /// assert!(deleted.deleted);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 company_not_found`.
    pub fn delete(&self, id: &str) -> Call<'c, C, CompanyDeleted> {
        self.call(require_id("id", id).map(|()| Request::delete(path(&["companies", id]))))
    }

    /// `GET /companies/{id}/contacts`: the contacts attached to a company,
    /// page by page.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let contacts = client
    ///     .companies()
    ///     .list_contacts("6762f0761bb69f9f2193bae2")
    ///     .per_page(50)
    ///     .collect_at_most(1_000)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id or `per_page` 0;
    /// `404 company_not_found`.
    pub fn list_contacts(&self, id: &str) -> ListCall<'c, C, Contact> {
        let request =
            require_id("id", id).map(|()| Request::get(path(&["companies", id, "contacts"])));
        ListCall::new(self.client, request, CONTACTS)
    }

    /// `GET /companies/{id}/segments`: the segments a company is in.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for segment in client.companies().list_segments("6762f0761bb69f9f2193bae2").await? {
    ///     println!("{:?}", segment.name);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 company_not_found`.
    pub fn list_segments(&self, id: &str) -> Call<'c, C, List<Segment>> {
        self.call(require_id("id", id).map(|()| Request::get(path(&["companies", id, "segments"]))))
    }

    /// `GET /companies/{id}/notes`: notes about a company, page by page.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let notes = client.companies().list_notes("6762f0761bb69f9f2193bae2").collect_at_most(100).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 company_not_found`.
    pub fn list_notes(&self, id: &str) -> ListCall<'c, C, Note> {
        let request =
            require_id("id", id).map(|()| Request::get(path(&["companies", id, "notes"])));
        ListCall::new(self.client, request, NOTES)
    }

    /// `POST /companies/{id}/notes`: add a note (HTML allowed), as the admin
    /// `admin_id` or, without one, as the admin the token belongs to.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client
    ///     .companies()
    ///     .create_note("6762f0761bb69f9f2193bae2", "<p>Renewal in March</p>", Some("991267"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id, body or admin id;
    /// `404 company_not_found`, or `404 not_found` for an unknown admin.
    pub fn create_note(&self, id: &str, body: &str, admin_id: Option<&str>) -> Call<'c, C, Note> {
        #[derive(Serialize)]
        struct Body<'a> {
            body: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            admin_id: Option<&'a str>,
        }
        self.call(
            require_id("id", id)
                .and_then(|()| require_id("body", body))
                .and_then(|()| admin_id.map_or(Ok(()), |a| require_id("admin_id", a)))
                .and_then(|()| {
                    Request::post(path(&["companies", id, "notes"])).json(&Body { body, admin_id })
                }),
        )
    }

    /// `POST /companies/list`: every company that has contacts, in `order` of
    /// `last_request_at`, page by page (15 per page unless
    /// [`per_page`](ListCall::per_page) says otherwise).
    ///
    /// Intercom serves at most [`LIST_CAP`] (10,000) companies through page
    /// numbers; beyond that, and for companies without contacts, use
    /// [`scroll`](Self::scroll).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::companies::CompanyOrder;
    /// let recent = client
    ///     .companies()
    ///     .list(CompanyOrder::Desc)
    ///     .per_page(50)
    ///     .collect_at_most(200)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for `per_page` 0; API errors.
    pub fn list(&self, order: CompanyOrder) -> ListCall<'c, C, Company> {
        // A listing reads only: safe to retry after a 5xx or a timeout.
        let request = Request::post("/companies/list")
            .idempotent(true)
            .query("order", order.as_str());
        ListCall::new(self.client, Ok(request), PAGES)
    }

    /// `GET /companies/scroll`: every company of the workspace, however many,
    /// one page after another.
    ///
    /// The first request opens a scroll; each next one passes the
    /// `scroll_param` of the page before, and the scroll ends with an empty
    /// page. Intercom's rules, and what this SDK does about them:
    ///
    /// - **One open scroll per workspace.** Starting a scroll while another
    ///   is open (in any process using the workspace) is refused with
    ///   `400 scroll_exists` ([`ScrollFailure::AlreadyOpen`]). A scroll stays
    ///   open until it is read to its empty last page or left unused for a
    ///   minute, so a stream dropped early (e.g. by
    ///   [`collect_at_most`](ListCall::collect_at_most)) blocks new scrolls
    ///   for up to a minute.
    /// - **A minute between pages at most.** A `scroll_param` unused for a
    ///   minute expires; using it is answered `404 not_found`
    ///   ([`ScrollFailure::Expired`]). Keep per-page work short, or collect
    ///   first and process afterwards.
    /// - **No resuming after a failure.** A 5xx, a timeout or a broken
    ///   connection ends the scroll ([`ScrollFailure::Interrupted`]): Intercom
    ///   may already have moved the scroll past the page that failed, so the
    ///   SDK does not retry scroll requests (only `429`s, which Intercom did
    ///   not process).
    ///
    /// In every case the stream ends with the error; it never starts over
    /// from the first company by itself. Classify the error with
    /// [`ScrollFailure::of`]. A saved [`Cursor::Scroll`](crate::Cursor::Scroll)
    /// can be passed to [`starting_from`](ListCall::starting_from) within the
    /// minute. Intercom chooses the page size: the endpoint takes no `per_page`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use futures::TryStreamExt;
    /// let mut pages = std::pin::pin!(client.companies().scroll().pages());
    /// while let Some(page) = pages.try_next().await? {
    ///     for company in page {
    ///         println!("{} {:?}", company.id, company.company_id);
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `400 scroll_exists`, `404 not_found` for an expired `scroll_param`,
    /// `5xx` for an interrupted scroll (see [`ScrollFailure`]); API errors.
    pub fn scroll(&self) -> ListCall<'c, C, Company> {
        // Never resent by the transport: a repeated scroll request could skip
        // a page that Intercom already served.
        let request = Request::get("/companies/scroll").idempotent(false);
        ListCall::new(self.client, Ok(request), SCROLL)
    }

    /// `POST /contacts/{contact_id}/companies`: attach a contact to the
    /// company with Intercom id `id`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client
    ///     .companies()
    ///     .attach_contact("6762f0761bb69f9f2193bae2", "6762f0d01bb69f9f2193bb7d")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 company_not_found` or
    /// `404 not_found` for an unknown contact; `400 contact_company_limit_exceeded`
    /// when the contact already has 1,000 companies.
    pub fn attach_contact(&self, id: &str, contact_id: &str) -> Call<'c, C, Company> {
        #[derive(Serialize)]
        struct Body<'a> {
            id: &'a str,
        }
        self.call(
            require_id("id", id)
                .and_then(|()| require_id("contact_id", contact_id))
                .and_then(|()| {
                    Request::post(path(&["contacts", contact_id, "companies"])).json(&Body { id })
                }),
        )
    }

    /// `DELETE /contacts/{contact_id}/companies/{id}`: detach a contact from
    /// the company with Intercom id `id`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client
    ///     .companies()
    ///     .detach_contact("6762f0761bb69f9f2193bae2", "6762f0d01bb69f9f2193bb7d")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty id; `404 company_not_found` or
    /// `404 not_found` for an unknown contact.
    pub fn detach_contact(&self, id: &str, contact_id: &str) -> Call<'c, C, Company> {
        self.call(
            require_id("id", id)
                .and_then(|()| require_id("contact_id", contact_id))
                .map(|()| Request::delete(path(&["contacts", contact_id, "companies", id]))),
        )
    }
}
