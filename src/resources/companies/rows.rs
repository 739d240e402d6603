//! The companies endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)),
//! and the other forms of `GET /companies`.

use super::lookup::LookupCall;
use super::models::{Company, CompanyDeleted, CompanyLookup};
use super::requests::{
    CreateOrUpdateCompany, UpdateCompany, attach_body, company_id_query, create_body, filter_query,
    note_body, update_body,
};
use crate::models::List;
use crate::options::Order;
use crate::pagination::{ListCall, Paging, Scheme};
use crate::resources::endpoints::endpoints;
use crate::resources::notes::Note;
use crate::resources::segments::Segment;
use crate::resources::shared::Contact;
use crate::transport::Request;

/// Most companies [`Companies::list`] can reach by page number; use
/// [`Companies::scroll`] beyond this.
pub const LIST_CAP: u32 = 10_000;

/// `GET /companies` filtered by tag or segment, and `POST /companies/list`.
const PAGES: Paging = Paging::new(Scheme::PageNumber, "data");
/// `GET /companies/scroll`.
const SCROLL: Paging = Paging::new(Scheme::Scroll, "data");
/// `GET /companies/{company_id}/contacts`.
const CONTACTS: Paging = Paging::new(Scheme::PageNumber, "data");
/// `GET /companies/{company_id}/notes`.
const NOTES: Paging = Paging::new(Scheme::PageNumber, "data");

endpoints! {
    /// The companies endpoints. Get one from [`Client::companies`](crate::Client::companies).
    ///
    /// In the paths, `{company_id}` is Intercom's id for the company (the
    /// `id` of [`Company`]), as the spec names it; your own id is the
    /// `company_id` field, which only [`create_or_update`](Self::create_or_update)
    /// and [`get_by_company_id`](Self::get_by_company_id) take.
    family "companies" => Companies;

    /// Create the company with this `company_id`, or update the one that
    /// already has it.
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
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty `company_id`, a `monthly_spend` above
    /// [`MAX_MONTHLY_SPEND`](super::MAX_MONTHLY_SPEND) or a too-long custom
    /// attribute; `400` for a body Intercom refuses.
    "createOrUpdateCompany" POST "/companies"
    fn create_or_update(company: CreateOrUpdateCompany) -> Call<Company> = create_body;

    /// One company, by Intercom's id.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let company = client.companies().get("6762f0761bb69f9f2193bae2").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 company_not_found`.
    "RetrieveACompanyById" GET "/companies/{company_id}"
    fn get(company_id) -> Call<Company>;

    /// The company with your id `company_id` (`GET /companies?company_id=`).
    ///
    /// `GET /companies` also serves [`find_by_name`](Self::find_by_name),
    /// [`list_by_tag`](Self::list_by_tag) and
    /// [`list_by_segment`](Self::list_by_segment).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let acme = client.companies().get_by_company_id("acme-1").await?.company;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// `company_id`; `404 company_not_found`, also when Intercom answers with
    /// an empty list (see [`LookupCall`](super::LookupCall)).
    "retrieveCompany" GET "/companies"
    fn get_by_company_id(company_id: &str) -> LookupCall<CompanyLookup> = company_id_query;

    /// Change the fields set in `update`.
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
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for a
    /// `monthly_spend` above [`MAX_MONTHLY_SPEND`](super::MAX_MONTHLY_SPEND)
    /// or a too-long custom attribute; `404 company_not_found`.
    "UpdateCompany" PUT "/companies/{company_id}"
    fn update(company_id; update: UpdateCompany) -> Call<Company> = update_body;

    /// Delete a company.
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
    /// `404 company_not_found`.
    "deleteCompany" DELETE "/companies/{company_id}"
    fn delete(company_id) -> Call<CompanyDeleted>;

    /// The contacts attached to a company, page by page.
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
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for `per_page` 0;
    /// `404 company_not_found`.
    "ListAttachedContacts" GET "/companies/{company_id}/contacts"
    fn list_contacts(company_id) -> ListCall<Contact> paged CONTACTS;

    /// The segments a company is in.
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
    /// `404 company_not_found`.
    "ListAttachedSegmentsForCompanies" GET "/companies/{company_id}/segments"
    fn list_segments(company_id) -> Call<List<Segment>>;

    /// Notes about a company, page by page.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let notes = client.companies().list_notes("6762f0761bb69f9f2193bae2").collect_at_most(100).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 company_not_found`.
    "listCompanyNotes" GET "/companies/{company_id}/notes"
    fn list_notes(company_id) -> ListCall<Note> paged NOTES;

    /// Add a note (HTML allowed), as the admin `admin_id` or, without one, as
    /// the admin the token belongs to.
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
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty body
    /// or admin id; `404 company_not_found`, or `404 not_found` for an
    /// unknown admin.
    "createCompanyNote" POST "/companies/{company_id}/notes"
    fn create_note(company_id; body: &str, admin_id: Option<&str>) -> Call<Note> = note_body;

    /// Every company that has contacts, by `last_request_at` (most recently
    /// active first unless [`order`](crate::ListCall::order) says otherwise),
    /// page by page (15 per page unless
    /// [`per_page`](crate::ListCall::per_page) says otherwise). A listing
    /// only reads, so it is retried after a 5xx or timeout like a `GET`.
    ///
    /// Intercom serves at most [`LIST_CAP`] (10,000) companies through page
    /// numbers; beyond that, and for companies without contacts, use
    /// [`scroll`](Self::scroll).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::search::SortOrder;
    /// let least_active = client
    ///     .companies()
    ///     .list()
    ///     .order(SortOrder::Ascending)
    ///     .per_page(50)
    ///     .collect_at_most(200)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for `per_page` 0;
    /// API errors.
    "listAllCompanies" POST(idempotent) "/companies/list"
    fn list() -> ListCall<Company> paged PAGES [Order];

    /// Every company of the workspace, however many, one page after another.
    ///
    /// The first request opens a scroll; each next one passes the
    /// `scroll_param` of the page before, and the scroll ends with an empty
    /// page. Intercom's rules, and what this SDK does about them:
    ///
    /// - **One open scroll per workspace.** Starting a scroll while another
    ///   is open (in any process using the workspace) is refused with
    ///   `400 scroll_exists` ([`ScrollFailure::AlreadyOpen`](super::ScrollFailure::AlreadyOpen)).
    ///   A scroll stays open until it is read to its empty last page or left
    ///   unused for a minute, so a stream dropped early (e.g. by
    ///   [`collect_at_most`](crate::ListCall::collect_at_most)) blocks new
    ///   scrolls for up to a minute.
    /// - **A minute between pages at most.** A `scroll_param` unused for a
    ///   minute expires; using it is answered `404 not_found`
    ///   ([`ScrollFailure::Expired`](super::ScrollFailure::Expired)). Keep
    ///   per-page work short, or collect first and process afterwards.
    /// - **No resuming after a failure.** A 5xx, a timeout or a broken
    ///   connection ends the scroll ([`ScrollFailure::Interrupted`](super::ScrollFailure::Interrupted)):
    ///   Intercom may already have moved the scroll past the page that
    ///   failed, so the SDK never resends a scroll request (only `429`s,
    ///   which Intercom did not process).
    ///
    /// In every case the stream ends with the error; it never starts over
    /// from the first company by itself. Classify the error with
    /// [`ScrollFailure::of`](super::ScrollFailure::of). A saved
    /// [`Cursor::Scroll`](crate::Cursor::Scroll) can be passed to
    /// [`starting_from`](crate::ListCall::starting_from) within the minute.
    /// Intercom chooses the page size: the endpoint takes no `per_page`.
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
    /// `5xx` for an interrupted scroll (see
    /// [`ScrollFailure`](super::ScrollFailure)); API errors.
    "scrollOverAllCompanies" GET(once) "/companies/scroll"
    fn scroll() -> ListCall<Company> paged SCROLL;

    /// Attach the contact `contact_id` to the company with Intercom id
    /// `company_id`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client
    ///     .companies()
    ///     .attach_contact("6762f0d01bb69f9f2193bb7d", "6762f0761bb69f9f2193bae2")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// `company_id`; `404 company_not_found` or `404 not_found` for an
    /// unknown contact; `400 contact_company_limit_exceeded` when the contact
    /// already has 1,000 companies.
    "attachContactToACompany" POST "/contacts/{contact_id}/companies"
    fn attach_contact(contact_id; company_id: &str) -> Call<Company> = attach_body;

    /// Detach the contact `contact_id` from the company with Intercom id
    /// `company_id`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// client
    ///     .companies()
    ///     .detach_contact("6762f0d01bb69f9f2193bb7d", "6762f0761bb69f9f2193bae2")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 company_not_found` or `404 not_found` for an unknown contact.
    "detachContactFromACompany" DELETE "/contacts/{contact_id}/companies/{company_id}"
    fn detach_contact(contact_id, company_id) -> Call<Company>;
}

/// The other forms of `GET /companies` (operation `retrieveCompany`, whose
/// row is [`get_by_company_id`](Companies::get_by_company_id)).
impl<'c, C> Companies<'c, C> {
    fn filtered<T>(&self, key: &'static str, value: &str) -> Result<Request<T>, crate::Error> {
        Request::for_operation(&ops::get_by_company_id::OPERATION, &[])
            .and_then(|request| filter_query(request, key, value))
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
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty name;
    /// `404 company_not_found`, also for an empty answer.
    pub fn find_by_name(
        &self,
        name: &str,
    ) -> LookupCall<'c, C, CompanyLookup, ops::get_by_company_id> {
        LookupCall::new(self.executor(), self.filtered("name", name))
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
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty tag
    /// id or `per_page` 0; API errors.
    pub fn list_by_tag(&self, tag_id: &str) -> ListCall<'c, C, Company, ops::get_by_company_id> {
        ListCall::new(self.executor(), self.filtered("tag_id", tag_id), PAGES)
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
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for an empty
    /// segment id or `per_page` 0; API errors.
    pub fn list_by_segment(
        &self,
        segment_id: &str,
    ) -> ListCall<'c, C, Company, ops::get_by_company_id> {
        ListCall::new(
            self.executor(),
            self.filtered("segment_id", segment_id),
            PAGES,
        )
    }
}
