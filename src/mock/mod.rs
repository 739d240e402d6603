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
//! - **`GET /me`**: an admin with its workspace (`admin_with_app`).
//! - **`POST /events`**: `202` with no body; the event is kept
//!   ([`FakeIntercom::events`]). No `event_name` gets `400`, no `user_id`,
//!   `id` or `email` gets `404` "User Not Found".
//! - **Contacts**, stateful and shaped like the 2.16 `contact` schema: create
//!   (`409 conflict` on a duplicate email or external id), get, update
//!   (custom attributes merged key by key), delete, find by external id,
//!   archive, unarchive, block, merge (a lead into a user; the lead's id then
//!   answers `410 contact_merged` with a `Link` header), list with cursor
//!   pagination, search with Intercom's query language (see below), and
//!   empty tag, segment, subscription, note and company lists.
//! - **Conversations**: list (cursor paging, creation order), search (the
//!   same query language and evaluation as contacts) and get (with an empty
//!   parts list). Seed them with [`FakeIntercom::insert_conversation`] or
//!   [`FakeIntercom::seed_workspace`].
//! - **Companies**: create-or-update by `company_id`, get and update by id,
//!   find by `company_id` or name, list by page number, and a scroll.
//! - **Everything else** gets `404 not_found` "FakeIntercom does not serve
//!   GET /path", so a missing behaviour is loud rather than silently wrong.
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
//! # Why wiremock
//!
//! The fake is one catch-all [`wiremock`] mock whose responder holds the
//! state. wiremock is already this crate's test dependency, it runs a real
//! HTTP server on `127.0.0.1` (so the whole client stack is exercised: URLs,
//! headers, TLS-free HTTP, timeouts) and it can delay single responses, so
//! the fake needs no extra crate. Its catch-all mock has the lowest priority:
//! mocks you mount on [`FakeIntercom::server`] take precedence, to serve an
//! endpoint the fake does not know.

mod companies;
mod contacts;
mod conversations;
mod reply;
mod search;

pub use conversations::{SeededWorkspace, WorkspaceSeed};

use std::collections::VecDeque;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Respond, ResponseTemplate};

use crate::{Client, ClientBuilder, Clock, Error, SystemClock};
use companies::Companies;
use contacts::Contacts;
use conversations::Conversations;
use reply::{Ctx, Reply, Rng, code_for_status};

/// The fake workspace's id (`app.id_code`, contacts' `workspace_id`).
const WORKSPACE_ID: &str = "fakeapp1";

/// A fault to inject into the fake's next answers, with
/// [`FakeIntercom::inject`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Answer with this status and an Intercom `error.list` body whose code
    /// fits it: `500 server_error`, `503 service_unavailable`,
    /// `429 rate_limit_exceeded` (with rate-limit headers showing 0 left),
    /// `408`/`504 request_timeout`, `401 unauthorized`, `404 not_found`, ...
    /// The request is not processed. A status outside 200..=599 becomes 500.
    ///
    /// A client with the default retry policy waits for the window to reset
    /// after a 429, as it would with Intercom; give the fake and the client
    /// the same hand-moved [`Clock`] to make that wait instant, or use
    /// [`RetryPolicy::none`](crate::RetryPolicy::none) to see the 429 itself.
    Status(u16),
    /// Process the request normally, but answer only after this delay.
    Delay(Duration),
    /// Process the request normally, then cut its answer's body in half: a
    /// `200` with cut-off JSON, as when a connection drops mid-response.
    /// Changes the request made (a created contact) are kept.
    TruncatedBody,
    /// Answer with an HTML error page and this status, as a proxy or load
    /// balancer in front of Intercom does (e.g. `502`). The request is not
    /// processed.
    Html(u16),
}

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
        self.shared.lock().events.clone()
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
        let mut seq_rng = conversations::SeedRng::new(seed.seed);
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
            let body = conversations::synthetic_company(k, &mut seq_rng);
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
            let fields = conversations::synthetic_contact(k, has_email, company, now, &mut seq_rng);
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
                let fields = conversations::synthetic_conversation(
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
}

impl fmt::Debug for FakeIntercomBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeIntercomBuilder")
            .field("token", &self.token)
            .field("quota", &self.quota)
            .field("clock", &self.clock)
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

    /// Start the server.
    ///
    /// # Panics
    /// When no port can be bound on `127.0.0.1` (wiremock panics then).
    pub async fn start(self) -> FakeIntercom {
        let now = unix_secs(self.clock.now());
        let shared = Arc::new(Shared {
            token: self.token,
            clock: self.clock,
            state: Mutex::new(State {
                contacts: Contacts::new(WORKSPACE_ID),
                conversations: Conversations::default(),
                companies: Companies::default(),
                rng: Rng::new(),
                faults: VecDeque::new(),
                quota: Quota::new(self.quota.0, self.quota.1),
                app_created_at: now,
                events: Vec::new(),
            }),
        });
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(Handler(Arc::clone(&shared)))
            .with_priority(u8::MAX)
            .mount(&server)
            .await;
        FakeIntercom { server, shared }
    }
}

/// What the server and the [`FakeIntercom`] handle share.
struct Shared {
    token: String,
    clock: Arc<dyn Clock>,
    state: Mutex<State>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves plain data behind; keep
        // serving it rather than failing every later request.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[derive(Debug)]
struct State {
    contacts: Contacts,
    conversations: Conversations,
    companies: Companies,
    rng: Rng,
    faults: VecDeque<(Fault, usize)>,
    quota: Quota,
    app_created_at: i64,
    events: Vec<Value>,
}

/// A request as the routes see it.
#[derive(Debug)]
pub(crate) struct Incoming<'a> {
    /// Upper-case method, e.g. `GET`.
    pub(crate) method: &'a str,
    /// The raw (percent-encoded) path.
    pub(crate) path: &'a str,
    /// Percent-decoded, non-empty path segments.
    pub(crate) segments: Vec<String>,
    query: Vec<(String, String)>,
    body: &'a [u8],
}

impl Incoming<'_> {
    /// The first value of a query parameter.
    pub(crate) fn query(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The body as a JSON object; an empty body is an empty object.
    pub(crate) fn object(&self, ctx: &Ctx) -> Result<serde_json::Map<String, Value>, Reply> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(serde_json::Map::new());
        }
        match serde_json::from_slice::<Value>(self.body) {
            Ok(Value::Object(m)) => Ok(m),
            Ok(_) => Err(ctx.error(
                400,
                "parameter_invalid",
                "The request body must be a JSON object",
            )),
            Err(e) => Err(ctx.error(
                400,
                "parameter_invalid",
                format!("The request body is not valid JSON: {e}"),
            )),
        }
    }
}

/// The wiremock responder: every request to the fake comes through here.
struct Handler(Arc<Shared>);

impl Respond for Handler {
    fn respond(&self, request: &wiremock::Request) -> ResponseTemplate {
        let shared = &self.0;
        let now = unix_secs(shared.clock.now());
        let mut st = shared.lock();
        let ctx = Ctx {
            now,
            request_id: st.rng.uuid(),
        };
        let reply = match st.next_fault() {
            Some(Fault::Status(status)) => st.status_fault(&ctx, status),
            Some(Fault::Html(status)) => Reply::html(status),
            Some(Fault::Delay(d)) => st.serve(&ctx, &shared.token, request).delayed(d),
            Some(Fault::TruncatedBody) => st.serve(&ctx, &shared.token, request).truncated(),
            None => st.serve(&ctx, &shared.token, request),
        };
        drop(st);
        reply.header("x-request-id", ctx.request_id).into_template()
    }
}

impl State {
    fn next_fault(&mut self) -> Option<Fault> {
        let (fault, left) = self.faults.front_mut()?;
        let fault = fault.clone();
        *left -= 1;
        if *left == 0 {
            self.faults.pop_front();
        }
        Some(fault)
    }

    fn status_fault(&mut self, ctx: &Ctx, status: u16) -> Reply {
        if status == 429 {
            let rl = self.quota.peek(ctx.now);
            let reply = ctx.error(429, "rate_limit_exceeded", self.quota.exceeded_message());
            return RateHeaders { remaining: 0, ..rl }.apply(reply);
        }
        let (code, message) = code_for_status(status);
        ctx.error(status, code, message)
    }

    /// Auth, quota, version, then the route.
    fn serve(&mut self, ctx: &Ctx, token: &str, request: &wiremock::Request) -> Reply {
        if !authorized(request, token) {
            return ctx.error(401, "unauthorized", "Access Token Invalid");
        }
        let (allowed, rl) = self.quota.take(ctx.now);
        let reply = if !allowed {
            ctx.error(429, "rate_limit_exceeded", self.quota.exceeded_message())
        } else if let Some(v) = invalid_version(request) {
            ctx.field_error(
                400,
                "intercom_version_invalid",
                "Intercom-Version",
                format!(
                    "The requested version could not be found: `{v}` (use 1.0-1.4, 2.0-2.16, Unstable or Preview)"
                ),
            )
        } else {
            let path = request.url.path();
            let incoming = Incoming {
                method: request.method.as_str(),
                path,
                segments: path
                    .split('/')
                    .filter(|s| !s.is_empty())
                    .map(percent_decode)
                    .collect(),
                query: request.url.query_pairs().into_owned().collect(),
                body: &request.body,
            };
            self.route(ctx, &incoming)
        };
        rl.apply(reply)
    }

    fn route(&mut self, ctx: &Ctx, req: &Incoming<'_>) -> Reply {
        let first = req.segments.first().map(String::as_str);
        match (req.method, first, req.segments.len()) {
            ("GET", Some("me"), 1) => Reply::ok(&self.me()),
            ("POST", Some("events"), 1) => self.track_event(ctx, req),
            (_, Some("contacts"), _) => {
                contacts::route(&mut self.contacts, &mut self.rng, ctx, req)
                    .unwrap_or_else(|| not_served(ctx, req))
            }
            (_, Some("conversations"), _) => conversations::route(&self.conversations, ctx, req)
                .unwrap_or_else(|| not_served(ctx, req)),
            (_, Some("companies"), _) => {
                companies::route(&mut self.companies, &mut self.rng, WORKSPACE_ID, ctx, req)
                    .unwrap_or_else(|| not_served(ctx, req))
            }
            _ => not_served(ctx, req),
        }
    }

    /// `POST /events`: keep the event, answer `202` with no body.
    fn track_event(&mut self, ctx: &Ctx, req: &Incoming<'_>) -> Reply {
        let event = match req.object(ctx) {
            Ok(event) => event,
            Err(reply) => return reply,
        };
        let named = |key: &str| {
            event
                .get(key)
                .and_then(Value::as_str)
                .is_some_and(|s| !s.trim().is_empty())
        };
        if !named("event_name") {
            return ctx.invalid("event_name", "event_name is required");
        }
        if !(named("user_id") || named("id") || named("email")) {
            return ctx.error(404, "not_found", "User Not Found");
        }
        self.events.push(Value::Object(event));
        let mut reply = Reply::json(202, &Value::Null);
        reply.body.clear();
        reply
    }

    /// `GET /me`: the `admin_with_app` of the token.
    fn me(&self) -> Value {
        json!({
            "type": "admin",
            "id": "991267",
            "name": "Fake Admin",
            "email": "admin@example.com",
            "email_verified": true,
            "job_title": "Support engineer",
            "away_mode_enabled": false,
            "away_mode_reassign": false,
            "has_inbox_seat": true,
            "team_ids": [],
            "avatar": {"type": "avatar", "image_url": null},
            "app": {
                "type": "app",
                "id_code": WORKSPACE_ID,
                "name": "Fake Intercom",
                "region": "US",
                "timezone": "Etc/UTC",
                "created_at": self.app_created_at,
                "identity_verification": false,
            },
        })
    }
}

fn not_served(ctx: &Ctx, req: &Incoming<'_>) -> Reply {
    ctx.error(
        404,
        "not_found",
        format!("FakeIntercom does not serve {} {}", req.method, req.path),
    )
}

fn authorized(request: &wiremock::Request, token: &str) -> bool {
    request
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .is_some_and(|(scheme, t)| scheme.eq_ignore_ascii_case("bearer") && t.trim() == token)
}

/// The `Intercom-Version` header, when present and not a version Intercom
/// has: `1.0`-`1.4`, `2.0`-`2.16`, `Unstable`, `Preview`.
fn invalid_version(request: &wiremock::Request) -> Option<String> {
    let raw = request.headers.get("intercom-version")?;
    let v = String::from_utf8_lossy(raw.as_bytes()).into_owned();
    let known = v == "Unstable"
        || v == "Preview"
        || v.split_once('.').is_some_and(|(major, minor)| {
            let newest = match major {
                "1" => 4,
                "2" => 16,
                _ => return false,
            };
            (0..=newest).any(|m: u32| minor == m.to_string())
        });
    (!known).then_some(v)
}

fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let Some(b) = bytes
                .get(i + 1..i + 3)
                .and_then(|hex| hex::decode(hex).ok())
                .and_then(|v| v.first().copied())
            {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn unix_secs(t: SystemTime) -> i64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Requests allowed per aligned window of the fake's clock.
#[derive(Debug)]
struct Quota {
    limit: u32,
    window_secs: u64,
    /// The index `k` of the current window `[k * window, (k + 1) * window)`.
    window: u64,
    used: u32,
}

/// The three rate-limit headers of one answer.
#[derive(Debug, Clone, Copy)]
struct RateHeaders {
    limit: u32,
    remaining: u32,
    reset: u64,
}

impl RateHeaders {
    fn apply(self, reply: Reply) -> Reply {
        reply
            .header("x-ratelimit-limit", self.limit.to_string())
            .header("x-ratelimit-remaining", self.remaining.to_string())
            .header("x-ratelimit-reset", self.reset.to_string())
    }
}

impl Quota {
    fn new(limit: u32, window: Duration) -> Quota {
        let secs = window.as_secs() + u64::from(window.subsec_nanos() > 0);
        Quota {
            limit,
            window_secs: secs.max(1),
            window: 0,
            used: 0,
        }
    }

    /// Move to the window holding `now`, then read the headers.
    fn peek(&mut self, now: i64) -> RateHeaders {
        let k = u64::try_from(now).unwrap_or(0) / self.window_secs;
        if k != self.window {
            self.window = k;
            self.used = 0;
        }
        RateHeaders {
            limit: self.limit,
            remaining: self.limit.saturating_sub(self.used),
            reset: (k + 1).saturating_mul(self.window_secs),
        }
    }

    /// Count a request; `false` when the window's quota is used up.
    fn take(&mut self, now: i64) -> (bool, RateHeaders) {
        let rl = self.peek(now);
        if rl.remaining == 0 {
            return (false, rl);
        }
        self.used += 1;
        (
            true,
            RateHeaders {
                remaining: rl.remaining - 1,
                ..rl
            },
        )
    }

    fn exceeded_message(&self) -> String {
        format!(
            "Exceeded rate limit of {} in {}_seconds",
            self.limit, self.window_secs
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_windows_are_aligned() {
        let mut q = Quota::new(2, Duration::from_secs(10));
        let t = 1_700_000_005;
        assert!(q.take(t).0);
        let (ok, rl) = q.take(t + 4);
        assert!(ok);
        assert_eq!((rl.remaining, rl.reset), (0, 1_700_000_010));
        assert!(!q.take(t + 4).0);
        let (ok, rl) = q.take(t + 5);
        assert!(ok);
        assert_eq!((rl.remaining, rl.reset), (1, 1_700_000_020));
        assert_eq!(Quota::new(1, Duration::from_millis(10)).window_secs, 1);
        assert_eq!(Quota::new(1, Duration::from_millis(1500)).window_secs, 2);
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%2Fb%20c%3Fd"), "a/b c?d");
        assert_eq!(percent_decode("%C3%A9"), "é");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }
}
