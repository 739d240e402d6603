//! Full and incremental sync of contacts and conversations, and identity
//! resolution for pushing data in.
//!
//! A [`Syncer`] reads a workspace as **streams of typed records**, so a
//! service can write them to its own store as they come, with a progress
//! callback after every page (counts, pages, rate-limit waits):
//!
//! - [`Syncer::full`]: every contact, each joined with its conversations
//!   updated in the last N days (90 by default) as a [`CustomerRecord`].
//!   Contacts without an email are skipped by default, as the PulseScore
//!   guide does, and **counted** in [`SyncProgress::skipped_without_email`].
//! - [`Syncer::incremental`]: every contact and conversation updated since a
//!   saved [`Checkpoint`] (a search on `updated_at`), as [`Change`]s, with a
//!   new checkpoint after every page. Save the records, then the checkpoint:
//!   after a crash, resuming from the last saved checkpoint loses nothing and
//!   repeats nothing.
//!
//! [`IdentityResolver`] pushes contacts and companies in with the Hull
//! connector's strategies: contacts matched by `external_id`, then email;
//! companies by `company_id`, then domain, then name (both orders
//! configurable); created when nothing matches; the answer says which rule
//! matched.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use intercom_api::sync::{Change, Checkpoint, SyncOptions, Syncer};
//!
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! let syncer = Syncer::new(&client, SyncOptions::new().conversation_days(30));
//!
//! // First run: everything.
//! let mut started_at = 0;
//! {
//!     let mut records = std::pin::pin!(syncer.full(|p| {
//!         println!("{} contacts, {} pages, {} waits", p.contacts, p.pages, p.rate_limit_waits);
//!         started_at = p.started_at;
//!     }));
//!     while let Some(record) = records.try_next().await? {
//!         println!("{}: {} conversations", record.contact.id, record.conversations.len());
//!     }
//! }
//!
//! // Later runs: what changed since, resumable.
//! let mut checkpoint = Checkpoint::since(started_at);
//! let mut changes = std::pin::pin!(syncer.incremental(checkpoint.clone(), |_| {}));
//! while let Some(change) = changes.try_next().await? {
//!     match change {
//!         Change::Contact(contact) => { /* upsert contact */ }
//!         Change::Conversation(conversation) => { /* upsert conversation */ }
//!         Change::Checkpoint(next) => checkpoint = next, // persist it
//!         _ => {}
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! # What an incremental sync cannot see
//!
//! - **Deletions**: a search returns only existing records. Deleted
//!   contacts and conversations reach you through webhooks
//!   (`contact.deleted`, ...) or the next full sync.
//! - **Records updated during a run** leave its window (their `updated_at`
//!   is now past `until`) and come with the next run. Intercom's search
//!   cursors name the last record served (its sort values and id, e.g.
//!   `[-1,"5f22c43f…",2]` base64-encoded), so a record leaving the results
//!   does not shift the pages after it.
//!
//! # Rate limits
//!
//! The client's transport paces every request (it waits for the window to
//! reset when the quota is used up, on the client's [`Clock`](crate::Clock)).
//! The sync adds no pacing of its own; [`SyncProgress::rate_limit_waits`]
//! reports the waits the transport made for this run's requests.

mod resolve;

use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt;
use std::pin::Pin;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::stream::{self, Stream, StreamExt};
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::Error;
use crate::pagination::{Cursor, Page};
use crate::resources::contacts::Contact;
use crate::resources::conversations::Conversation;
use crate::search::{Query, field};
use crate::transport::RateLimit;

pub use resolve::{CompanyRule, ContactRule, IdentityResolver, Resolution, Resolved};

/// Default look-back of a full sync's conversations, in days.
pub const DEFAULT_CONVERSATION_DAYS: u32 = 90;
/// Largest page Intercom serves for contacts and conversations.
pub const MAX_PER_PAGE: u32 = 150;

const DAY: i64 = 86_400;

/// How a [`Syncer`] reads. Checked when a sync starts: a bad value is the
/// first item of the stream, an [`Error::InvalidInput`] naming it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SyncOptions {
    /// A full sync joins conversations updated in this many days before it
    /// starts (default [`DEFAULT_CONVERSATION_DAYS`]; at least 1).
    pub conversation_days: u32,
    /// Skip (and count) contacts without an email (default `true`).
    pub skip_contacts_without_email: bool,
    /// Items per page, 1 to [`MAX_PER_PAGE`] (default 150: fewest requests).
    pub per_page: u32,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            conversation_days: DEFAULT_CONVERSATION_DAYS,
            skip_contacts_without_email: true,
            per_page: MAX_PER_PAGE,
        }
    }
}

impl SyncOptions {
    /// The defaults: 90 days of conversations, contacts without email
    /// skipped, 150 items per page.
    pub fn new() -> Self {
        SyncOptions::default()
    }

    /// Join conversations updated in the last `days` days (at least 1).
    pub fn conversation_days(mut self, days: u32) -> Self {
        self.conversation_days = days;
        self
    }

    /// Whether to skip (and count) contacts without an email.
    pub fn skip_contacts_without_email(mut self, skip: bool) -> Self {
        self.skip_contacts_without_email = skip;
        self
    }

    /// Items per page, 1 to [`MAX_PER_PAGE`].
    pub fn per_page(mut self, n: u32) -> Self {
        self.per_page = n;
        self
    }

    /// Refuse values that cannot work, naming the field.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for `conversation_days` 0 or above 36,500, or
    /// `per_page` outside 1..=150.
    pub fn validate(&self) -> Result<(), Error> {
        if self.conversation_days == 0 || self.conversation_days > 36_500 {
            return Err(Error::invalid(
                "conversation_days",
                format!("must be 1 to 36500 days, got {}", self.conversation_days),
            ));
        }
        if self.per_page == 0 || self.per_page > MAX_PER_PAGE {
            return Err(Error::invalid(
                "per_page",
                format!("must be 1 to {MAX_PER_PAGE}, got {}", self.per_page),
            ));
        }
        Ok(())
    }
}

/// What a sync has done so far; given to the progress callback after every
/// page and once more at the end (with [`finished`](Self::finished) set).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SyncProgress {
    /// What the sync is reading now.
    pub stage: SyncStage,
    /// Contacts delivered (as records or changes).
    pub contacts: u64,
    /// Contacts skipped because they have no email.
    pub skipped_without_email: u64,
    /// Conversations read (each counted once, even if seen twice).
    pub conversations: u64,
    /// Full sync: conversations read that joined no delivered contact (no
    /// contact, a contact skipped for lack of email, or one not listed).
    pub unjoined_conversations: u64,
    /// Pages fetched.
    pub pages: u64,
    /// Times the sync waited for the rate-limit window to reset.
    pub rate_limit_waits: u64,
    /// Total time of those waits.
    pub rate_limit_waited: Duration,
    /// The client's latest rate-limit reading.
    pub rate_limit: Option<RateLimit>,
    /// Unix seconds when this run started (for an incremental run resumed
    /// from a checkpoint: when the interrupted run started). Start the next
    /// incremental sync with [`Checkpoint::since`] this value.
    pub started_at: i64,
    /// `true` in the last call, after everything was delivered.
    pub finished: bool,
}

/// What a sync is reading; also where a [`Checkpoint`] resumes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SyncStage {
    /// Contacts.
    #[default]
    Contacts,
    /// Conversations.
    Conversations,
    /// Nothing left.
    Done,
}

/// A contact with its conversations updated in the window of a full sync.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CustomerRecord {
    /// The contact.
    pub contact: Contact,
    /// Its conversations updated in the last
    /// [`conversation_days`](SyncOptions::conversation_days), in the order
    /// Intercom returned them (without parts).
    pub conversations: Vec<Conversation>,
}

/// One item of an incremental sync.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Change {
    /// A contact created or updated in the checkpoint's window.
    Contact(Box<Contact>),
    /// A conversation created or updated in the checkpoint's window.
    Conversation(Box<Conversation>),
    /// Everything before this item is delivered: persist this checkpoint
    /// (after the records) to resume from here. The last one of a run
    /// starts the next run.
    Checkpoint(Checkpoint),
}

/// Where an incremental sync starts or resumes. Serializable: persist it
/// with your records.
///
/// A run covers records with `since <= updated_at < until`, `until` being
/// when the run started; the next run starts at `since = until`, so runs
/// neither overlap nor leave gaps. A checkpoint taken mid-run also holds the
/// run's `until`, its stage and the cursor of the next page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Checkpoint {
    since: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    run: Option<RunPosition>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
struct RunPosition {
    until: i64,
    stage: SyncStage,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cursor: Option<Cursor>,
}

impl Checkpoint {
    /// Everything updated at or after `unix` seconds (e.g. the
    /// [`SyncProgress::started_at`] of a full sync).
    pub fn since(unix: i64) -> Checkpoint {
        Checkpoint {
            since: unix,
            run: None,
        }
    }

    /// Everything updated at or after `time`.
    pub fn since_time(time: SystemTime) -> Checkpoint {
        Checkpoint::since(unix_secs(time))
    }

    /// The start of the window (unix seconds, inclusive).
    pub fn since_unix(&self) -> i64 {
        self.since
    }

    /// The end of the window (unix seconds, exclusive) when this checkpoint
    /// was taken mid-run; `None` when the next run starts fresh.
    pub fn until_unix(&self) -> Option<i64> {
        self.run.as_ref().map(|r| r.until)
    }

    /// `true` when taken in the middle of a run (resuming continues it).
    pub fn is_mid_run(&self) -> bool {
        self.run.is_some()
    }
}

/// Reads a workspace as streams. Cheap to create; holds the client and the
/// [`SyncOptions`].
#[derive(Clone)]
pub struct Syncer<'c> {
    client: &'c Client,
    options: SyncOptions,
}

impl fmt::Debug for Syncer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Syncer")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

type PageStream<'c, T> = Pin<Box<dyn Stream<Item = Result<Page<T>, Error>> + Send + 'c>>;

impl<'c> Syncer<'c> {
    /// A syncer reading through `client`.
    pub fn new(client: &'c Client, options: SyncOptions) -> Self {
        Syncer { client, options }
    }

    /// The options.
    pub fn options(&self) -> &SyncOptions {
        &self.options
    }

    /// Every contact, each with its conversations updated in the last
    /// [`conversation_days`](SyncOptions::conversation_days), lazily.
    ///
    /// The conversations are read first (`POST /conversations/search` on
    /// `updated_at`) and held in memory, grouped by contact; then contacts are
    /// listed page by page (`GET /contacts`) and each is delivered with its
    /// group. Memory is bounded by the conversations of the window, not by
    /// the number of contacts. `on_progress` is called after every page and
    /// once at the end.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use futures::TryStreamExt;
    /// use intercom_api::sync::{SyncOptions, Syncer};
    /// let syncer = Syncer::new(&client, SyncOptions::new());
    /// let records: Vec<_> = syncer
    ///     .full(|p| eprintln!("{} contacts, {} skipped", p.contacts, p.skipped_without_email))
    ///     .try_collect()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The stream yields [`Error::InvalidInput`] for bad [`SyncOptions`]
    /// before any request, then the first API or transport error, after
    /// which it ends.
    pub fn full<F>(
        &self,
        on_progress: F,
    ) -> impl Stream<Item = Result<CustomerRecord, Error>> + Send + 'c
    where
        F: FnMut(&SyncProgress) + Send + 'c,
    {
        let run = Run::new(self.client, self.options.clone(), on_progress);
        let state = FullRun {
            run,
            step: FullStep::Start,
            by_contact: HashMap::new(),
            seen: HashSet::new(),
            joined: HashSet::new(),
            out: VecDeque::new(),
        };
        stream::unfold(state, |mut s| async move {
            let item = s.next().await?;
            Some((item, s))
        })
    }

    /// Every contact, then every conversation, updated in the window of
    /// `checkpoint`, lazily, with a [`Change::Checkpoint`] after every page.
    ///
    /// A fresh checkpoint ([`Checkpoint::since`]) starts a run covering
    /// `since <= updated_at < now`; a checkpoint from the middle of a run
    /// continues that run at the next page, with the same window. The last
    /// item of a complete run is the checkpoint of the next run.
    ///
    /// Contacts without an email are skipped (and counted) unless
    /// [`skip_contacts_without_email(false)`](SyncOptions::skip_contacts_without_email).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client, saved: intercom_api::sync::Checkpoint) -> Result<(), intercom_api::Error> {
    /// use futures::TryStreamExt;
    /// use intercom_api::sync::{Change, SyncOptions, Syncer};
    /// let syncer = Syncer::new(&client, SyncOptions::new());
    /// let mut changes = std::pin::pin!(syncer.incremental(saved, |_| {}));
    /// while let Some(change) = changes.try_next().await? {
    ///     if let Change::Checkpoint(next) = change {
    ///         println!("{}", serde_json::to_string(&next).unwrap_or_default());
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The stream yields [`Error::InvalidInput`] for bad [`SyncOptions`] or a
    /// checkpoint whose window ends before it starts, before any request;
    /// then the first API or transport error, after which it ends. Resume
    /// from the last [`Change::Checkpoint`] received.
    pub fn incremental<F>(
        &self,
        checkpoint: Checkpoint,
        on_progress: F,
    ) -> impl Stream<Item = Result<Change, Error>> + Send + 'c
    where
        F: FnMut(&SyncProgress) + Send + 'c,
    {
        let run = Run::new(self.client, self.options.clone(), on_progress);
        let state = IncrementalRun {
            run,
            checkpoint,
            until: 0,
            started: false,
            contacts: None,
            conversations: None,
            seen: HashSet::new(),
            out: VecDeque::new(),
        };
        stream::unfold(state, |mut s| async move {
            let item = s.next().await?;
            Some((item, s))
        })
    }
}

/// What both kinds of run share: the client, the counters and the callback.
struct Run<'c, F> {
    client: &'c Client,
    options: SyncOptions,
    progress: SyncProgress,
    /// The transport's pacing counters when the run started.
    start_stats: crate::transport::rate::RateStats,
    on_progress: F,
    done: bool,
}

impl<'c, F: FnMut(&SyncProgress)> Run<'c, F> {
    fn new(client: &'c Client, options: SyncOptions, on_progress: F) -> Self {
        Run {
            client,
            options,
            progress: SyncProgress::default(),
            start_stats: client.pacing_stats(),
            on_progress,
            done: false,
        }
    }

    fn now(&self) -> i64 {
        unix_secs(self.client.now())
    }

    /// The next page of `pages` (the transport paces it); counts it and the
    /// rate-limit waits so far.
    async fn page<T>(&mut self, pages: &mut PageStream<'c, T>) -> Option<Result<Page<T>, Error>> {
        let page = pages.next().await;
        if let Some(Ok(_)) = page {
            self.progress.pages += 1;
        }
        let stats = self.client.pacing_stats();
        self.progress.rate_limit_waits = stats.waits - self.start_stats.waits;
        self.progress.rate_limit_waited = stats.waited.saturating_sub(self.start_stats.waited);
        self.progress.rate_limit = self.client.rate_limit();
        page
    }

    fn report(&mut self) {
        (self.on_progress)(&self.progress);
    }

    fn finish(&mut self) {
        self.progress.stage = SyncStage::Done;
        self.progress.finished = true;
        self.done = true;
        self.report();
    }

    /// Whether `contact` is delivered; counts the skipped.
    fn keep(&mut self, contact: &Contact) -> bool {
        let has_email = contact
            .email
            .as_deref()
            .is_some_and(|e| !e.trim().is_empty());
        if self.options.skip_contacts_without_email && !has_email {
            self.progress.skipped_without_email += 1;
            return false;
        }
        true
    }
}

enum FullStep<'c> {
    Start,
    Conversations(PageStream<'c, Conversation>),
    Contacts(PageStream<'c, Contact>),
}

struct FullRun<'c, F> {
    run: Run<'c, F>,
    step: FullStep<'c>,
    /// Conversations of the window, by contact id.
    by_contact: HashMap<String, Vec<Conversation>>,
    /// Conversation ids read (a conversation updated mid-sync may show twice).
    seen: HashSet<String>,
    /// Conversation ids delivered with a contact.
    joined: HashSet<String>,
    out: VecDeque<CustomerRecord>,
}

impl<F: FnMut(&SyncProgress) + Send> FullRun<'_, F> {
    async fn next(&mut self) -> Option<Result<CustomerRecord, Error>> {
        loop {
            if let Some(record) = self.out.pop_front() {
                return Some(Ok(record));
            }
            if self.run.done {
                return None;
            }
            if let Err(e) = self.advance().await {
                self.run.done = true;
                return Some(Err(e));
            }
        }
    }

    async fn advance(&mut self) -> Result<(), Error> {
        let client = self.run.client;
        match &mut self.step {
            FullStep::Start => {
                self.run.options.validate()?;
                let now = self.run.now();
                self.run.progress.started_at = now;
                self.run.progress.stage = SyncStage::Conversations;
                let since = now - i64::from(self.run.options.conversation_days) * DAY;
                let pages = client
                    .conversations()
                    .search(field("updated_at").gt(since - 1))
                    .per_page(self.run.options.per_page)
                    .pages();
                self.step = FullStep::Conversations(Box::pin(pages));
            }
            FullStep::Conversations(pages) => match self.run.page(pages).await {
                Some(page) => {
                    let page = page?;
                    let last = page.is_last();
                    for conversation in page {
                        if !self.seen.insert(conversation.id.clone()) {
                            continue;
                        }
                        self.run.progress.conversations += 1;
                        let ids: Vec<String> =
                            conversation.contacts.iter().map(|c| c.id.clone()).collect();
                        for id in ids {
                            self.by_contact
                                .entry(id)
                                .or_default()
                                .push(conversation.clone());
                        }
                    }
                    self.run.report();
                    // Move on now: polling a finished stream would pace for
                    // a request that is never made.
                    if last {
                        self.open_contacts();
                    }
                }
                None => self.open_contacts(),
            },
            FullStep::Contacts(pages) => match self.run.page(pages).await {
                Some(page) => {
                    let page = page?;
                    let last = page.is_last();
                    for contact in page {
                        let conversations = self.by_contact.remove(&contact.id).unwrap_or_default();
                        if !self.run.keep(&contact) {
                            continue;
                        }
                        self.run.progress.contacts += 1;
                        self.joined
                            .extend(conversations.iter().map(|c| c.id.clone()));
                        self.out.push_back(CustomerRecord {
                            contact,
                            conversations,
                        });
                    }
                    self.run.report();
                    if last {
                        self.end();
                    }
                }
                None => self.end(),
            },
        }
        Ok(())
    }

    fn open_contacts(&mut self) {
        self.run.progress.stage = SyncStage::Contacts;
        let pages = self
            .run
            .client
            .contacts()
            .list()
            .per_page(self.run.options.per_page)
            .pages();
        self.step = FullStep::Contacts(Box::pin(pages));
    }

    fn end(&mut self) {
        if self.run.done {
            return;
        }
        self.run.progress.unjoined_conversations =
            self.seen.len().saturating_sub(self.joined.len()) as u64;
        self.by_contact.clear();
        self.run.finish();
    }
}

struct IncrementalRun<'c, F> {
    run: Run<'c, F>,
    /// The checkpoint of everything delivered so far.
    checkpoint: Checkpoint,
    until: i64,
    started: bool,
    contacts: Option<PageStream<'c, Contact>>,
    conversations: Option<PageStream<'c, Conversation>>,
    /// Ids delivered in this run, so a record updated mid-run (and moved in
    /// the results) is not delivered twice.
    seen: HashSet<String>,
    out: VecDeque<Change>,
}

impl<F: FnMut(&SyncProgress) + Send> IncrementalRun<'_, F> {
    async fn next(&mut self) -> Option<Result<Change, Error>> {
        loop {
            if let Some(change) = self.out.pop_front() {
                return Some(Ok(change));
            }
            if self.run.done {
                return None;
            }
            if let Err(e) = self.advance().await {
                self.run.done = true;
                return Some(Err(e));
            }
        }
    }

    /// The window query: `since <= updated_at < until`, with the operators
    /// every Intercom search accepts (`>` and `<`).
    fn window(&self) -> Query {
        Query::and([
            field("updated_at").gt(self.checkpoint.since - 1),
            field("updated_at").lt(self.until),
        ])
    }

    fn start(&mut self) -> Result<(), Error> {
        self.run.options.validate()?;
        self.started = true;
        let run = match &self.checkpoint.run {
            Some(r) => r.clone(),
            None => RunPosition {
                until: self.run.now(),
                stage: SyncStage::Contacts,
                cursor: None,
            },
        };
        if run.until < self.checkpoint.since {
            return Err(Error::invalid(
                "checkpoint.since",
                format!(
                    "the window starts ({}) after it ends ({}): is the clock behind?",
                    self.checkpoint.since, run.until
                ),
            ));
        }
        self.until = run.until;
        self.run.progress.started_at = run.until;
        self.run.progress.stage = run.stage;
        let per_page = self.run.options.per_page;
        let client = self.run.client;
        match run.stage {
            SyncStage::Contacts => {
                let mut call = client.contacts().search(self.window()).per_page(per_page);
                if let Some(c) = run.cursor.clone() {
                    call = call.starting_from(c);
                }
                self.contacts = Some(Box::pin(call.pages()));
            }
            SyncStage::Conversations => self.open_conversations(run.cursor.clone()),
            SyncStage::Done => {}
        }
        self.checkpoint.run = Some(run);
        Ok(())
    }

    fn open_conversations(&mut self, cursor: Option<Cursor>) {
        let mut call = self
            .run
            .client
            .conversations()
            .search(self.window())
            .per_page(self.run.options.per_page);
        if let Some(c) = cursor {
            call = call.starting_from(c);
        }
        self.conversations = Some(Box::pin(call.pages()));
        self.run.progress.stage = SyncStage::Conversations;
    }

    fn position(&mut self, stage: SyncStage, cursor: Option<Cursor>) -> Checkpoint {
        let next = Checkpoint {
            since: self.checkpoint.since,
            run: Some(RunPosition {
                until: self.until,
                stage,
                cursor,
            }),
        };
        self.checkpoint = next.clone();
        next
    }

    fn complete(&mut self) {
        let next = Checkpoint::since(self.until);
        self.checkpoint = next.clone();
        self.out.push_back(Change::Checkpoint(next));
        self.run.finish();
    }

    async fn advance(&mut self) -> Result<(), Error> {
        if !self.started {
            return self.start();
        }
        if let Some(pages) = &mut self.contacts {
            let page = self.run.page(pages).await;
            match page {
                Some(page) => {
                    let page = page?;
                    let next = page.next.clone();
                    for contact in page {
                        if !self.seen.insert(format!("contact:{}", contact.id)) {
                            continue;
                        }
                        if self.run.keep(&contact) {
                            self.run.progress.contacts += 1;
                            self.out.push_back(Change::Contact(Box::new(contact)));
                        }
                    }
                    let last = next.is_none();
                    let checkpoint = match next {
                        Some(c) => self.position(SyncStage::Contacts, Some(c)),
                        None => self.position(SyncStage::Conversations, None),
                    };
                    self.out.push_back(Change::Checkpoint(checkpoint));
                    self.run.report();
                    if last {
                        self.contacts = None;
                        self.open_conversations(None);
                    }
                }
                None => {
                    self.contacts = None;
                    self.open_conversations(None);
                }
            }
            return Ok(());
        }
        if let Some(pages) = &mut self.conversations {
            let page = self.run.page(pages).await;
            match page {
                Some(page) => {
                    let page = page?;
                    let next = page.next.clone();
                    for conversation in page {
                        if !self
                            .seen
                            .insert(format!("conversation:{}", conversation.id))
                        {
                            continue;
                        }
                        self.run.progress.conversations += 1;
                        self.out
                            .push_back(Change::Conversation(Box::new(conversation)));
                    }
                    match next {
                        Some(c) => {
                            let checkpoint = self.position(SyncStage::Conversations, Some(c));
                            self.out.push_back(Change::Checkpoint(checkpoint));
                            self.run.report();
                        }
                        None => {
                            self.conversations = None;
                            self.complete();
                        }
                    }
                }
                None => {
                    self.conversations = None;
                    self.complete();
                }
            }
            return Ok(());
        }
        // Resumed from a checkpoint of a finished stage list.
        self.complete();
        Ok(())
    }
}

fn unix_secs(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(e) => i64::try_from(e.duration().as_secs()).map_or(i64::MIN, |s| -s),
    }
}
