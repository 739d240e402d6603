//! A fake Intercom for tests and examples: a real HTTP server on
//! `127.0.0.1` that answers like Intercom API 2.16 does.
//!
//! ```
//! use intercom_api::contacts::{CreateContact, UpdateContact};
//! use intercom_api::mock::{FakeIntercom, Fault};
//! use intercom_api::search::field;
//!
//! # #[tokio::main] async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let fake = FakeIntercom::start().await;
//! let client = fake.client()?;
//!
//! let ada = client.contacts().create(CreateContact::with_email("ada@example.com")).await?;
//! client
//!     .contacts()
//!     .update(&ada.id, UpdateContact::new().custom_attribute("plan", "pro"))
//!     .await?;
//! let found = client.contacts().search(field("custom_attributes.plan").eq("pro")).await?;
//! assert_eq!(found.items[0].id, ada.id);
//!
//! // The next request fails the way a bad day at Intercom would. A create
//! // is not retried (it may have been applied), so the caller sees the 503.
//! fake.inject(Fault::Status(503), 1);
//! let err = client
//!     .contacts()
//!     .create(CreateContact::with_email("bob@example.com"))
//!     .await
//!     .unwrap_err();
//! assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
//! assert_eq!(fake.contact_count(), 1);
//! # Ok(()) }
//! ```
//!
//! # What it does
//!
//! - **Auth**: every request needs `Authorization: Bearer <token>` (the
//!   token is [`FakeIntercom::DEFAULT_TOKEN`] unless the builder says
//!   otherwise), else `401 unauthorized` "Access Token Invalid".
//! - **Versions**: an `Intercom-Version` header other than `1.0`–`1.4`,
//!   `2.0`–`2.16`, `Unstable` or `Preview` gets `400 intercom_version_invalid`.
//!   The header is optional.
//! - **Rate limits**: every authenticated answer carries `X-RateLimit-Limit`,
//!   `X-RateLimit-Remaining` and `X-RateLimit-Reset` (the unix second the
//!   current window ends). Windows are aligned on the fake's clock:
//!   `[k * window, (k + 1) * window)`. Past the limit, requests get
//!   `429 rate_limit_exceeded` until the next window. The default quota is
//!   10 000 requests per 10 s; set another with
//!   [`FakeIntercomBuilder::quota`].
//! - **Every typed operation** of the SDK (the 158 of its operations table
//!   and coverage manifest; `tests/mock_walk.rs` calls each one), one module
//!   per family, with Intercom's status codes and error codes
//!   (`not_found`, `parameter_invalid`, `parameter_not_found`, `conflict`,
//!   `unauthorized`, ...), and state where the API has state:
//!   - **Contacts**, shaped like the 2.16 `contact` schema: create (`409
//!     conflict` on a duplicate email or external id), get, update (custom
//!     attributes merged key by key), delete, find by external id, archive,
//!     unarchive, block, merge (a lead into a user; the lead's id then
//!     answers `410 contact_merged` with a `Link` header), notes, list with
//!     cursor pagination, search with Intercom's query language (see below).
//!   - **Tags**: create (or find by name), rename, delete (refused while in
//!     use), tag and untag contacts, conversations, companies, tickets,
//!     internal articles and content snippets. A contact's or
//!     conversation's tags show on it; `tag_id` searches and
//!     `GET /companies?tag_id=` find what carries a tag.
//!   - **Conversations**: create (from a contact), get (with its parts),
//!     update, delete, list, search, reply, close/open/snooze/assign (state,
//!     `snoozed_until`, assignees and `statistics` follow), customers,
//!     redact, merge, convert to a ticket, handling events, deleted ids.
//!   - **Companies**: create-or-update by `company_id`, get, update, delete,
//!     find by `company_id` or name, list by page number, scroll, notes;
//!     attaching a contact lists each on the other's side.
//!   - **Admins**: `/me` is the first admin; list, get and away status agree
//!     with it; activity logs.
//!   - **Data events**: `POST /events` (`202`), a user's events (newest
//!     first) and their summary (counts, first and last time), summaries.
//!   - **Articles** (with drafts, versions, tags and search) and the **Help
//!     Center** (one help center, collections, redirects).
//!   - **News** (news items, two newsfeeds; a live item shows in its
//!     newsfeeds' items), **content snippets** and **audiences** (a snippet
//!     may only target audiences that exist; their lists are page-numbered
//!     with the numbers at the top level, as Intercom's are).
//!   - **Internal articles**: create, get, update, delete, list by page
//!     number, search (no folders: a `folder_id` finds nothing).
//!   - **AI content**: content import sources and external pages; a page
//!     needs an `api` source, upserts by `(source_id, external_id)`, and
//!     goes with its source.
//!   - **Content**: search (keywords in titles and bodies, `content_types`)
//!     and bulk actions (delete, set availability) over internal articles
//!     and external pages, applied at once.
//!   - **Messages**: `POST /messages` (`400` "Body is required", `422` for
//!     an email without a subject, recipient by id, `user_id` or email,
//!     `404` for an unknown one); with
//!     `create_conversation_without_contact_reply` the message starts a
//!     conversation that `GET /conversations` lists. WhatsApp statuses: a
//!     seeded few, per message and per ruleset (`ruleset_1`), paged.
//!   - **Data attributes**: the standard ones seeded per model; custom
//!     names unique across contacts and companies, numeric ids,
//!     `include_archived`, `422` for `model=conversation`.
//!   - **Visitors** (`user_id` `visitor-1` seeded): get, update, convert
//!     into a new or existing contact (the visitor is then gone).
//!     **Notes** by id, over the notes of contacts and companies.
//!   - **Tickets**: create (contact by id, external id or email; an unknown
//!     email makes a lead; required attributes checked), get, update
//!     (state with `previous_ticket_state_id`, assignment, open, snooze,
//!     sharing), delete, reply (a contact may not reply to a Back-office
//!     ticket: `400 parameter_mismatch`), change type (same category, a
//!     state the type has), search (body cursor), link and unlink
//!     conversations (Tracker tickets; both sides show the link). State
//!     changes, assignments and replies append parts; `404
//!     ticket_not_found`. `POST /tickets/enqueue` answers a **job** that
//!     is `pending` for one poll of `GET /jobs/status/{id}`, then `success`
//!     with the ticket.
//!   - **Ticket types** (Customer, Back-office and Tracker seeded, each
//!     with `_default_title_`/`_default_description_` and one state per
//!     category; Back-office and Tracker have no `waiting_on_customer`),
//!     their attributes (list items become options with ids, archiving),
//!     and **ticket states** (each listing the types that use it).
//!   - **Conversation attributes**: integer ids, `include_archived`,
//!     delete archives; list options with UUIDs, a deleted option is
//!     archived and kept; `422` for options on a non-list attribute or
//!     fewer than two active options; `404 conversation_attribute_not_found`.
//!   - **Office hours**: schedules (`day_of_week` from `start_minute`) and
//!     their exceptions (`closed` ones without intervals), which go when
//!     their schedule goes; creates `201`, deletes `{id, object, deleted}`.
//!   - Seeded and read-only: **segments** (counts with `include_count`),
//!     **teams** and their per-admin metrics, **subscription types**,
//!     **away status reasons** (deleted ones too), **macros** (newest
//!     first, cursor-paged, `updated_since`, hidden ones `404`), **emails**
//!     and **brands** (the default brand's id is the workspace id; brands
//!     and email settings point at each other).
//! - **Everything else** gets `404` with the code [`ROUTE_NOT_FOUND`]
//!   (`route_not_found`) and "FakeIntercom does not serve GET /path", so a
//!   missing behaviour is loud, and distinct from a record not found.
//!
//! Every error body is Intercom's `error.list` with a fresh `request_id`
//! (also sent as `X-Request-Id`). A malformed JSON body gets
//! `400 parameter_invalid`; nothing a client sends can make the fake panic.
//!
//! ## Search
//!
//! `POST /contacts/search` takes a single filter or nested `AND`/`OR`
//! groups with the operators `= != IN NIN < <= > >= ~ !~ ^ $` on dotted
//! field paths (`email`, `custom_attributes.plan`, `location.city`); an unset
//! field is `null`. String comparisons ignore case; `=`/`!=` on a `*_at`
//! field compare calendar days (UTC), as Intercom does. More than two levels
//! of groups or more than 15 entries in a group get `400 parameter_invalid`;
//! a `sort.order` other than `ascending`/`descending` gets
//! `400 invalid_sort_order`. Results come in creation order unless sorted.
//!
//! ## Pagination
//!
//! Lists and searches page by cursor: `per_page` (default 50, clamped to
//! 150) and `starting_after`, a cursor taken from `pages.next`. The last page
//! has no `pages.next`. List cursors survive contacts being added or deleted
//! between pages. Conversations page the same way (default 20 per page, as
//! Intercom), and their search cursors too survive conversations leaving
//! the results between pages; the contacts search pages by offset.
//!
//! ## Faults
//!
//! [`FakeIntercom::inject`] queues a [`Fault`] for the next requests, in
//! order, whether they are authenticated or not: error statuses, slow
//! answers, cut-off bodies and HTML pages from a proxy.
//!
//! ## Time
//!
//! Quota windows and contact timestamps come from the fake's [`Clock`]
//! ([`FakeIntercomBuilder::clock`]). A test clock that holds a
//! `Mutex<SystemTime>`, moved by hand (and by its own `sleep`), makes quota
//! tests deterministic; given to the client too
//! ([`ClientBuilder::clock`]), it lets the client wait out a window in no
//! real time.
//!
//! # What it does not model
//!
//! - Banners: their list is empty. Segments, teams, macros, emails, brands,
//!   subscription types and away reasons are a fixed seed: no counts move,
//!   no segment membership is computed from contacts.
//! - Tags on tickets are kept as links only (not shown on the ticket). Side
//!   conversations are always empty.
//! - Tickets: no SLA, no ticket notifications, no conversion of a
//!   conversation into a stored ticket (`convert` answers but does not
//!   store one); a message starts a conversation only when asked to at
//!   once (a later contact reply is not modelled). Jobs never fail.
//! - WhatsApp statuses are seeded, not produced by messages sent.
//! - Search of articles and activity logs: a phrase match and one page.
//! - Webhooks (the fake sends none), OAuth, and the operations the SDK does
//!   not type (answered `route_not_found`).
//! - Multiple workspaces and per-token permissions: one token, one
//!   workspace.
//!
//! # Standalone
//!
//! `cargo run --example fake_intercom -- --port 4010` serves the fake until
//! stopped, for tests written in any language; see the README.
//!
//! # Why wiremock
//!
//! The fake is one catch-all [`wiremock`] mock whose responder holds the
//! state. wiremock is already this crate's test dependency, it runs a real
//! HTTP server on `127.0.0.1` (so the whole client stack is exercised: URLs,
//! headers, TLS-free HTTP, timeouts) and it can delay single responses, so
//! the fake needs no extra crate. Its catch-all mock has the lowest priority:
//! mocks you mount on [`FakeIntercom::server`] take precedence, to serve an
//! endpoint the fake does not know.

mod admins;
mod articles;
mod audiences;
mod calls;
mod companies;
mod contacts;
mod content_snippets;
mod conversation_attributes;
mod conversation_writes;
mod conversations;
mod custom_objects;
mod data_attributes;
mod data_connectors;
mod data_export;
mod events;
mod fault;
mod fin_agent;
mod help_center;
mod knowledge;
mod messages;
mod news;
mod office_hours;
mod paging;
mod platform;
mod quota;
mod reply;
mod reporting_data_export;
mod request;
mod search;
mod seed;
mod server;
mod tags;
mod ticket_types;
mod tickets;
mod visitors;
mod workspace;
pub use calls::{FAKE_CALL_CONVERSATION_ID, FAKE_CALL_ID};
pub use platform::FAKE_WORKFLOW_ID;

pub use fault::{Fault, parse_fault_rates};
pub use seed::{SeededWorkspace, WorkspaceSeed};

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer};

use crate::{Client, ClientBuilder, Clock, Error, SystemClock};
use quota::Quota;
use server::{Handler, Shared, State, WORKSPACE_ID, unix_secs};

/// The `errors[].code` the fake answers (with `404`) for a method and path
/// it has no route for, so tests can tell a missing route from a
/// legitimate `not_found`.
pub const ROUTE_NOT_FOUND: &str = server::ROUTE_NOT_FOUND;

/// A fake Intercom on `127.0.0.1`, with its own contacts, quota and faults.
/// Dropping it stops the server.
///
/// Start one with [`FakeIntercom::start`] or [`FakeIntercom::builder`]; see
/// the [module documentation](self) for what it serves.
pub struct FakeIntercom {
    server: MockServer,
    shared: Arc<Shared>,
}

impl fmt::Debug for FakeIntercom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeIntercom")
            .field("uri", &self.uri())
            .field("contacts", &self.contact_count())
            .finish_non_exhaustive()
    }
}

impl FakeIntercom {
    /// The access token the fake accepts unless told otherwise.
    pub const DEFAULT_TOKEN: &'static str = "test-token";

    /// Start a fake with the default token ([`DEFAULT_TOKEN`](Self::DEFAULT_TOKEN)),
    /// quota (10 000 requests per 10 s) and clock ([`SystemClock`]).
    ///
    /// # Panics
    /// When no port can be bound on `127.0.0.1` (wiremock panics then).
    pub async fn start() -> FakeIntercom {
        FakeIntercom::builder().start().await
    }

    /// Configure a fake: token, quota, clock.
    pub fn builder() -> FakeIntercomBuilder {
        FakeIntercomBuilder {
            token: FakeIntercom::DEFAULT_TOKEN.to_owned(),
            quota: (10_000, Duration::from_secs(10)),
            clock: Arc::new(SystemClock),
            fault_rates: Vec::new(),
            port: 0,
        }
    }

    /// The base URL, e.g. `http://127.0.0.1:38127`.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// The access token the fake accepts.
    pub fn token(&self) -> &str {
        &self.shared.token
    }

    /// A client pointed at the fake, with the fake's token and otherwise
    /// default settings.
    ///
    /// # Errors
    /// [`Error::Config`] if the client cannot be built (for example, the
    /// fake was given an empty token, which clients refuse).
    pub fn client(&self) -> Result<Client, Error> {
        self.client_builder().build()
    }

    /// A client builder already given the fake's base URL and token, to
    /// adjust retries, pacing or timeouts before building.
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> Result<(), intercom_api::Error> {
    /// use intercom_api::RetryPolicy;
    /// let fake = intercom_api::mock::FakeIntercom::start().await;
    /// let client = fake.client_builder().retry(RetryPolicy::none()).pacing(false).build()?;
    /// # Ok(()) }
    /// ```
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder()
            .token(self.token().to_owned())
            .base_url(self.uri())
    }

    /// The underlying wiremock server: mount mocks on it to serve endpoints
    /// the fake does not know (they take precedence over the fake).
    pub fn server(&self) -> &MockServer {
        &self.server
    }

    /// Answer the next `times` requests with `fault`, after any faults
    /// already queued. Faults apply to every request, authenticated or not.
    pub fn inject(&self, fault: Fault, times: usize) {
        if times > 0 {
            self.shared.lock().faults.push_back((fault, times));
        }
    }

    /// Store a contact as given, over the defaults of a new contact (role
    /// `user`, timestamps from the fake's clock, empty lists, ...), without
    /// the checks `POST /contacts` makes. Returns its id: the given `id` if
    /// it is a string not in use, else a fresh one. `email_domain` is derived
    /// from `email` unless given. A value that is not an object stores a
    /// default contact.
    pub fn insert_contact(&self, contact: Value) -> String {
        let now = unix_secs(self.shared.clock.now());
        let mut st = self.shared.lock();
        let State { contacts, rng, .. } = &mut *st;
        contacts.seed(contact, now, rng)
    }

    /// Store `n` users named by their creation number `k`: email
    /// `user<k>@example.com`, external id `user-<k>`, name `User <k>`.
    /// Returns their ids in creation order.
    pub fn seed_contacts(&self, n: usize) -> Vec<String> {
        let now = unix_secs(self.shared.clock.now());
        let mut st = self.shared.lock();
        let State { contacts, rng, .. } = &mut *st;
        (0..n)
            .map(|_| {
                let k = contacts.next_number();
                let fields = json!({
                    "email": format!("user{k}@example.com"),
                    "external_id": format!("user-{k}"),
                    "name": format!("User {k}"),
                });
                contacts.seed(fields, now, rng)
            })
            .collect()
    }

    /// Every contact, in creation order, as the JSON the fake serves.
    pub fn contacts(&self) -> Vec<Value> {
        self.shared.lock().contacts.all()
    }

    /// One contact as the JSON the fake serves, if it exists.
    pub fn contact(&self, id: &str) -> Option<Value> {
        self.shared.lock().contacts.get(id)
    }

    /// How many contacts the fake holds.
    pub fn contact_count(&self) -> usize {
        self.shared.lock().contacts.len()
    }

    /// Every event accepted by `POST /events`, in arrival order, as sent.
    pub fn events(&self) -> Vec<Value> {
        self.shared.lock().events.events.clone()
    }

    /// Store a conversation as given, over the defaults of a new one (state
    /// `open`, no contacts, timestamps from the fake's clock, no
    /// statistics), without checks. `open` follows `state` unless given.
    /// Returns its id: the given `id` if it is a string not in use, else the
    /// next numeric id.
    pub fn insert_conversation(&self, conversation: Value) -> String {
        let now = unix_secs(self.shared.clock.now());
        self.shared.lock().conversations.seed(conversation, now)
    }

    /// Every conversation, in creation order, as the JSON the fake serves.
    pub fn conversations(&self) -> Vec<Value> {
        self.shared.lock().conversations.all()
    }

    /// One conversation as the JSON the fake serves, if it exists.
    pub fn conversation(&self, id: &str) -> Option<Value> {
        self.shared.lock().conversations.get(id)
    }

    /// How many conversations the fake holds.
    pub fn conversation_count(&self) -> usize {
        self.shared.lock().conversations.len()
    }

    /// Store a company from the body `POST /companies` takes (`company_id`,
    /// `name`, `website`, `plan` as a name, ...), without checks. Returns
    /// its Intercom id. A value that is not an object stores a blank company.
    pub fn insert_company(&self, company: Value) -> String {
        let now = unix_secs(self.shared.clock.now());
        let fields = match company {
            Value::Object(m) => m,
            _ => serde_json::Map::new(),
        };
        let mut st = self.shared.lock();
        let State { companies, rng, .. } = &mut *st;
        companies.seed(&fields, WORKSPACE_ID, now, rng)
    }

    /// Every company, in creation order, as the JSON the fake serves.
    pub fn companies(&self) -> Vec<Value> {
        self.shared.lock().companies.all()
    }

    /// How many companies the fake holds.
    pub fn company_count(&self) -> usize {
        self.shared.lock().companies.len()
    }

    /// Fill the fake with a realistic workspace: companies, contacts spread
    /// over them (one in [`WorkspaceSeed::without_email_every`] without an
    /// email, last seen from today to months ago), and conversations spread
    /// over the contacts with varied `state`, ratings and `statistics`
    /// (reply times from a minute to two days, reopens, assignments), updated
    /// within [`WorkspaceSeed::history_days`] of the fake's clock. The same
    /// seed gives the same workspace.
    ///
    /// ```
    /// # #[tokio::main] async fn main() {
    /// use intercom_api::mock::{FakeIntercom, WorkspaceSeed};
    /// let fake = FakeIntercom::start().await;
    /// let made = fake.seed_workspace(&WorkspaceSeed::new().contacts(100).conversations(300));
    /// assert_eq!(made.contact_ids.len(), 100);
    /// assert_eq!(fake.conversation_count(), 300);
    /// # }
    /// ```
    pub fn seed_workspace(&self, seed: &WorkspaceSeed) -> SeededWorkspace {
        let now = unix_secs(self.shared.clock.now());
        let mut seq_rng = seed::SeedRng::new(seed.seed);
        let mut st = self.shared.lock();
        let State {
            contacts,
            conversations: convs,
            companies,
            rng,
            ..
        } = &mut *st;
        let mut made = SeededWorkspace::default();
        let mut company_refs = Vec::with_capacity(seed.companies);
        for k in 1..=seed.companies {
            let body = seed::synthetic_company(k, &mut seq_rng);
            let id = companies.seed(&body, WORKSPACE_ID, now, rng);
            company_refs.push((id.clone(), format!("Company {k}")));
            made.company_ids.push(id);
        }
        let mut refs = Vec::with_capacity(seed.contacts);
        for k in 1..=seed.contacts {
            let has_email = seed.without_email_every == 0 || k % seed.without_email_every != 0;
            let company = (!company_refs.is_empty())
                .then(|| &company_refs[seq_rng.below(company_refs.len() as u64) as usize])
                .map(|(id, name)| (id.as_str(), name.as_str()));
            let fields = seed::synthetic_contact(k, has_email, company, now, &mut seq_rng);
            let external_id = fields["external_id"].as_str().map(str::to_owned);
            let id = contacts.seed(fields, now, rng);
            if !has_email {
                made.contacts_without_email += 1;
            }
            refs.push((id.clone(), external_id));
            made.contact_ids.push(id);
        }
        if !refs.is_empty() {
            for _ in 0..seed.conversations {
                // A skewed pick: a few contacts write a lot, most rarely.
                let a = seq_rng.below(refs.len() as u64);
                let b = seq_rng.below(refs.len() as u64);
                let (id, external_id) = &refs[a.min(b) as usize];
                let fields = seed::synthetic_conversation(
                    (id, external_id.as_deref()),
                    seed.history_days,
                    now,
                    &mut seq_rng,
                );
                made.conversation_ids.push(convs.seed(fields, now));
            }
        }
        made
    }

    /// The ids of the workspace's admins; the first is the token's own
    /// (`GET /me`).
    pub fn admin_ids(&self) -> Vec<String> {
        self.shared.lock().admins.ids()
    }

    /// Every message sent with `POST /messages`, in order, as answered.
    pub fn messages(&self) -> Vec<Value> {
        self.shared.lock().messages.sent.clone()
    }

    /// Every request received so far, in order (including those answered
    /// with a fault).
    pub async fn received_requests(&self) -> Vec<wiremock::Request> {
        self.server.received_requests().await.unwrap_or_default()
    }
}

/// Configures a [`FakeIntercom`]. Made by [`FakeIntercom::builder`].
pub struct FakeIntercomBuilder {
    token: String,
    quota: (u32, Duration),
    clock: Arc<dyn Clock>,
    fault_rates: Vec<(u16, f64)>,
    port: u16,
}

impl fmt::Debug for FakeIntercomBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeIntercomBuilder")
            .field("token", &self.token)
            .field("quota", &self.quota)
            .field("clock", &self.clock)
            .field("fault_rates", &self.fault_rates)
            .field("port", &self.port)
            .finish()
    }
}

impl FakeIntercomBuilder {
    /// The access token to accept (default [`FakeIntercom::DEFAULT_TOKEN`]).
    pub fn token(mut self, token: &str) -> Self {
        self.token = token.to_owned();
        self
    }

    /// Allow `limit` requests per `window` (default 10 000 per 10 s). The
    /// window is rounded up to whole seconds, at least one, since
    /// `X-RateLimit-Reset` is in seconds.
    pub fn quota(mut self, limit: u32, window: Duration) -> Self {
        self.quota = (limit, window);
        self
    }

    /// The time source for quota windows and contact timestamps (default
    /// [`SystemClock`]). A clock a test moves by hand makes quota tests
    /// instant.
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Answer a random share of requests with an error status: each
    /// `(status, rate)` is the chance (0 to 1) that a request gets that
    /// status (see [`parse_fault_rates`]). Queued [`Fault`]s come first.
    pub fn fault_rates(mut self, rates: Vec<(u16, f64)>) -> Self {
        self.fault_rates = rates;
        self
    }

    /// Listen on this port of `127.0.0.1` (default 0: any free port).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Start the server.
    ///
    /// # Panics
    /// When the port cannot be bound on `127.0.0.1` (use
    /// [`try_start`](Self::try_start) to get the error instead).
    pub async fn start(self) -> FakeIntercom {
        match self.try_start().await {
            Ok(fake) => fake,
            Err(e) => panic!("FakeIntercom cannot listen on 127.0.0.1: {e}"),
        }
    }

    /// Start the server.
    ///
    /// # Errors
    /// The I/O error when the port cannot be bound on `127.0.0.1`.
    pub async fn try_start(self) -> std::io::Result<FakeIntercom> {
        let now = unix_secs(self.clock.now());
        let mut state = State::new(Quota::new(self.quota.0, self.quota.1), now);
        state.fault_rates = self.fault_rates;
        let shared = Arc::new(Shared {
            token: self.token,
            clock: self.clock,
            state: Mutex::new(state),
        });
        let listener = std::net::TcpListener::bind(("127.0.0.1", self.port))?;
        let server = MockServer::builder().listener(listener).start().await;
        Mock::given(any())
            .respond_with(Handler(Arc::clone(&shared)))
            .with_priority(u8::MAX)
            .mount(&server)
            .await;
        Ok(FakeIntercom { server, shared })
    }
}
