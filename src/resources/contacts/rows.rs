//! The contacts endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::models::{ContactArchived, ContactBlocked, ContactDeleted};
use super::requests::{
    ContactSearch, CreateContact, MergeContacts, UpdateContact, create_body, merge_body, note_body,
    search_body, subscription_body, update_body,
};
use crate::banners::{Banner, BannerDismiss};
use crate::models::List;
use crate::notes::Note;
use crate::options::{IncludeMergeHistory, Order};
use crate::pagination::{Paging, Scheme};
use crate::resources::companies::Company;
use crate::resources::endpoints::endpoints;
use crate::resources::shared::{Contact, MergeHistoryItem};
use crate::segments::Segment;
use crate::subscription_types::{ConsentType, SubscriptionType};
use crate::tags::Tag;

/// Most contacts per page of a list or search.
pub const MAX_PER_PAGE: u32 = 150;

const LIST: Paging = Paging::new(Scheme::QueryCursor, "data").max_per_page(MAX_PER_PAGE);
const SEARCH: Paging = Paging::new(Scheme::BodyCursor, "data").max_per_page(MAX_PER_PAGE);
const COMPANIES: Paging = Paging::new(Scheme::PageNumber, "companies");
const NOTES: Paging = Paging::new(Scheme::PageNumber, "data");
const MERGE_HISTORY: Paging = Paging::new(Scheme::OpaqueCursor, "data").max_per_page(MAX_PER_PAGE);

endpoints! {
    /// The contacts endpoints. Get one from [`Client::contacts`](crate::Client::contacts).
    family "contacts" => Contacts;

    /// Create a user or lead.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::contacts::CreateContact;
    /// let contact = client
    ///     .contacts()
    ///     .create(CreateContact::with_email("ada@example.com").custom_attribute("plan", "pro"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending when
    /// the contact has no email, external id or lead role, or a custom
    /// attribute is too long; `409 conflict` when a contact with that email
    /// or external id exists.
    "CreateContact" POST "/contacts"
    fn create(contact: CreateContact) -> Call<Contact> = create_body;

    /// One contact.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let contact = client.contacts().get("6762f0d01bb69f9f2193bb7d").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`; `410 contact_merged` for a contact merged into another
    /// (see [`ApiError::merged_into`](crate::ApiError::merged_into)).
    "ShowContact" GET "/contacts/{contact_id}"
    fn get(contact_id) -> Call<Contact> [IncludeMergeHistory];

    /// The contact with your external id.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let contact = client.contacts().get_by_external_id("user-42").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found` when no contact has that external id.
    "ShowContactByExternalId" GET "/contacts/find_by_external_id/{external_id}"
    fn get_by_external_id(external_id) -> Call<Contact> [IncludeMergeHistory];

    /// Change the fields set in `update`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::contacts::UpdateContact;
    /// client
    ///     .contacts()
    ///     .update("6762f0d01bb69f9f2193bb7d", UpdateContact::new().name("Ada Lovelace"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for a too-long
    /// custom attribute; `404 not_found`.
    "UpdateContact" PUT "/contacts/{contact_id}"
    fn update(contact_id; update: UpdateContact) -> Call<Contact> = update_body [IncludeMergeHistory];

    /// Delete a contact.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let deleted = client.contacts().delete("6762f0d01bb69f9f2193bb7d").await?;
    /// assert!(deleted.deleted);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "DeleteContact" DELETE "/contacts/{contact_id}"
    fn delete(contact_id) -> Call<ContactDeleted>;

    /// Archive a contact.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.contacts().archive("6762f0d01bb69f9f2193bb7d").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "ArchiveContact" POST(idempotent) "/contacts/{contact_id}/archive"
    fn archive(contact_id) -> Call<ContactArchived>;

    /// Unarchive a contact.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.contacts().unarchive("6762f0d01bb69f9f2193bb7d").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "UnarchiveContact" POST(idempotent) "/contacts/{contact_id}/unarchive"
    fn unarchive(contact_id) -> Call<ContactArchived>;

    /// Block the contact and archive its conversations.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.contacts().block("6762f0d01bb69f9f2193bb7d").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "BlockContact" POST(idempotent) "/contacts/{contact_id}/block"
    fn block(contact_id) -> Call<ContactBlocked>;

    /// Merge a lead into a user.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::contacts::MergeContacts;
    /// let user = client
    ///     .contacts()
    ///     .merge(MergeContacts::new("lead-id", "user-id"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty id;
    /// `400` when `from` is not a lead or `into` not a user.
    "MergeContact" POST "/contacts/merge"
    fn merge(merge: MergeContacts) -> Call<Contact> = merge_body [IncludeMergeHistory];

    /// Every contact, cursor-paged (up to 150 per page).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let first_500 = client.contacts().list().per_page(150).collect_at_most(500).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for `per_page`
    /// outside 1..=150; API errors.
    "ListContacts" GET "/contacts"
    fn list() -> ListCall<Contact> paged LIST [IncludeMergeHistory];

    /// Contacts matching a query, cursor-paged. A search only reads, so it is
    /// retried after a 5xx or timeout like a `GET`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::contacts::ContactSearch;
    /// use intercom_api::search::{field, Query, SortOrder};
    /// let recent_users = ContactSearch::new(Query::and([
    ///     field("role").eq("user"),
    ///     field("updated_at").gt(1_700_000_000),
    /// ]))
    /// .sort("updated_at", SortOrder::Ascending);
    /// let page = client.contacts().search(recent_users).per_page(50).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// a query Intercom would refuse (see
    /// [`Query::validate`](crate::search::Query::validate)) or `per_page`
    /// outside 1..=150.
    "SearchContacts" POST(idempotent) "/contacts/search"
    fn search(search: impl Into<ContactSearch>) -> ListCall<Contact> paged SEARCH = search_body
        [IncludeMergeHistory];

    /// The companies a contact belongs to.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let page = client.contacts().list_companies("6762f0d01bb69f9f2193bb7d").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "listCompaniesForAContact" GET "/contacts/{contact_id}/companies"
    fn list_companies(contact_id) -> ListCall<Company> paged COMPANIES;

    /// Notes about a contact, newest first.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let notes = client
    ///     .contacts()
    ///     .list_notes("6762f0d01bb69f9f2193bb7d")
    ///     .collect_at_most(100)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "listNotes" GET "/contacts/{contact_id}/notes"
    fn list_notes(contact_id) -> ListCall<Note> paged NOTES;

    /// Add a note (HTML allowed), optionally as an admin.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client
    ///     .contacts()
    ///     .create_note("6762f0d01bb69f9f2193bb7d", "<p>Renewal call booked</p>", Some("991267"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty body;
    /// `404 not_found`.
    "createNote" POST "/contacts/{contact_id}/notes"
    fn create_note(contact_id; body: &str, admin_id: Option<&str>) -> Call<Note> = note_body;

    /// The segments a contact is in.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for segment in client.contacts().list_segments("6762f0d01bb69f9f2193bb7d").await? {
    ///     println!("{:?}", segment.name);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "listSegmentsForAContact" GET "/contacts/{contact_id}/segments"
    fn list_segments(contact_id) -> Call<List<Segment>>;

    /// The subscription types a contact opted in to or out of.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let subs = client.contacts().list_subscriptions("6762f0d01bb69f9f2193bb7d").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "listSubscriptionsForAContact" GET "/contacts/{contact_id}/subscriptions"
    fn list_subscriptions(contact_id) -> Call<List<SubscriptionType>>;

    /// Opt a contact in (`OptIn`) or out (`OptOut`) of a subscription type.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::subscription_types::ConsentType;
    /// client
    ///     .contacts()
    ///     .attach_subscription("6762f0d01bb69f9f2193bb7d", "37846", ConsentType::OptIn)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// `subscription_id`; `404 not_found`.
    "attachSubscriptionTypeToContact" POST "/contacts/{contact_id}/subscriptions"
    fn attach_subscription(contact_id; subscription_id: &str, consent_type: ConsentType)
        -> Call<SubscriptionType> = subscription_body;

    /// Remove a contact's subscription type.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.contacts().detach_subscription("6762f0d01bb69f9f2193bb7d", "37846").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "detachSubscriptionTypeToContact" DELETE "/contacts/{contact_id}/subscriptions/{subscription_id}"
    fn detach_subscription(contact_id, subscription_id) -> Call<SubscriptionType>;

    /// The tags on a contact.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let tags = client.contacts().list_tags("6762f0d01bb69f9f2193bb7d").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "listTagsForAContact" GET "/contacts/{contact_id}/tags"
    fn list_tags(contact_id) -> Call<List<Tag>>;

    /// The banners a contact currently matches.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let banners = client.contacts().list_banners("6762f0d01bb69f9f2193bb7d").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "listContactBanners" GET "/contacts/{id}/banners"
    fn list_banners(id) -> Call<List<Banner>>;

    /// Dismiss a banner for a contact.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client.contacts().dismiss_banner("6762f0d01bb69f9f2193bb7d", "645719311").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "dismissContactBanner" POST(idempotent) "/contacts/{id}/banners/{view_id}/dismiss"
    fn dismiss_banner(id, view_id) -> Call<BannerDismiss>;

    /// Contacts merged into this one.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::search::SortOrder;
    /// let history = client
    ///     .contacts()
    ///     .list_merge_history("6762f0d01bb69f9f2193bb7d")
    ///     .order(SortOrder::Ascending)
    ///     .collect_at_most(1_000)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`; [`Error::InvalidInput`](crate::Error::InvalidInput)
    /// for `per_page` outside 1..=150.
    "ListContactMergeHistory" GET "/contacts/{id}/merge_history"
    fn list_merge_history(id) -> ListCall<MergeHistoryItem> paged MERGE_HISTORY [Order];
}
