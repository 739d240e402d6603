//! Companies: the organisations contacts belong to.
//!
//! Every operation of the Companies family in Intercom API 2.16, on
//! [`Companies`]. A company has two ids: Intercom's `id`, which every path
//! takes (the spec names that path parameter `{company_id}`), and your own
//! `company_id` field, which `POST /companies` is keyed by and which can
//! never change once set. Times are unix seconds; custom attributes
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
//! client.companies().attach_contact("6762f0d01bb69f9f2193bb7d", &acme.id).await?;
//! # Ok(()) }
//! ```

//!
//! The module holds the family's [rows](rows.rs) (one per endpoint, and the
//! other forms of `GET /companies`), its models, its request bodies, the
//! lookup call and the scroll's failure classes.

mod lookup;
mod models;
mod requests;
mod rows;
mod scroll;

pub use lookup::{Found, LookupCall};
pub use models::{
    Company, CompanyDeleted, CompanyLookup, CompanyNotes, CompanySegments, CompanyTags, Plan,
};
pub use requests::{CreateOrUpdateCompany, MAX_MONTHLY_SPEND, UpdateCompany};
pub use rows::{Companies, LIST_CAP, ops};
pub use scroll::ScrollFailure;
