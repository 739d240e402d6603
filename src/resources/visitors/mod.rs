//! Visitors: anonymous people on your website, before they become leads or
//! users.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::visitors::{ConvertVisitor, Identifier, UpdateVisitor};
//!
//! let visitor = client.visitors().get_by_user_id("8a88a590-e1c3-41e2-a502-e0649dbf721c").await?;
//! client
//!     .visitors()
//!     .update(UpdateVisitor::by_id(&visitor.id).custom_attribute("plan_interest", "growth"))
//!     .await?;
//! let user = client
//!     .visitors()
//!     .convert(ConvertVisitor::to_user(
//!         Identifier::id(&visitor.id),
//!         Identifier::user_id("cus_7781").and_email("lena.vogt@example.com"),
//!     ))
//!     .await?;
//! # Ok(()) }
//! ```

mod models;
mod requests;

pub use models::{
    Visitor, VisitorCompanies, VisitorLocation, VisitorSegments, VisitorSocialProfiles, VisitorTags,
};
pub use requests::{ConvertVisitor, Identifier, UpdateVisitor};

use crate::contacts::Contact;
use crate::resources::endpoints::endpoints;
use requests::{convert_body, update_body, user_id_query};

endpoints! {
    /// The visitors endpoints. Get one from [`Client::visitors`](crate::Client::visitors).
    family "visitors" => Visitors;

    /// The visitor with this `user_id` (the id Intercom generated for it).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let visitor = client
    ///     .visitors()
    ///     .get_by_user_id("8a88a590-e1c3-41e2-a502-e0649dbf721c")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty `user_id`; `404 not_found`.
    "retrieveVisitorWithUserId" GET "/visitors"
    fn get_by_user_id(user_id: &str) -> Call<Visitor> = user_id_query;

    /// Change a visitor's name or custom attributes.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::visitors::UpdateVisitor;
    /// client
    ///     .visitors()
    ///     .update(UpdateVisitor::by_user_id("8a88a590-e1c3-41e2-a502-e0649dbf721c").name("Lena"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty id or a too-long custom attribute; `404 not_found`.
    "updateVisitor" PUT "/visitors"
    fn update(update: UpdateVisitor) -> Call<Visitor> = update_body;

    /// Turn a visitor into a user or a lead. When the user exists, the
    /// visitor is merged into it and deleted; the contact is returned.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::visitors::{ConvertVisitor, Identifier};
    /// let lead = client
    ///     .visitors()
    ///     .convert(ConvertVisitor::to_lead(
    ///         Identifier::user_id("8a88a590-e1c3-41e2-a502-e0649dbf721c"),
    ///         Identifier::email("lena.vogt@example.com"),
    ///     ))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending
    /// when the visitor or the contact has no identifier; `404 not_found`.
    "convertVisitor" POST "/visitors/convert"
    fn convert(convert: ConvertVisitor) -> Call<Contact> = convert_body;
}
