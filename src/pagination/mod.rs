//! Pages and streams for every paging scheme Intercom uses.
//!
//! A list endpoint returns a [`ListCall`]. Awaiting it gives the first
//! [`Page`]; [`ListCall::items`] and [`ListCall::pages`] give lazy streams that
//! hold one page at a time. Every page carries the [`Cursor`] of the next one,
//! so a caller can stop, save it, and resume later with
//! [`ListCall::starting_from`].
//!
//! | Scheme | Request | Next page from | Used by |
//! |---|---|---|---|
//! | query cursor | `?starting_after=` | `pages.next.starting_after` | `GET /contacts`, `GET /conversations` |
//! | body cursor | `pagination.starting_after` | `pages.next.starting_after` | `POST /contacts/search`, ... |
//! | page number | `?page=` | `pages.page` < `pages.total_pages` | companies, articles, notes, ... |
//! | body page | `page` in the body | `pages.page` < `pages.total_pages` | `POST /admins/activity_logs/search` |
//! | scroll | `?scroll_param=` | `scroll_param` while `data` is non-empty | `GET /companies/scroll` |
//! | opaque cursor | `?cursor=` | `next_cursor` while `has_more` | `GET /contacts/{id}/merge_history` |
//! | next URL | the URL itself | `pages.next` (a URL) | `GET /events` |
//!
//! `pages.next` is accepted both as an object and as a URL string. Paging stops
//! when there is no next cursor or when the server repeats the cursor it was
//! just given, so a misbehaving server cannot make a stream loop forever.

use std::collections::HashSet;
use std::fmt;
use std::future::{Future, IntoFuture};
use std::hash::{BuildHasher, RandomState};
use std::marker::PhantomData;
use std::pin::Pin;

use futures::stream::{self, Stream, StreamExt, TryStreamExt};
use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::Error;
use crate::transport::{RawRequest, Request, decode_seed};

/// Where the next page starts. Serializable, so a sync job can save it and
/// resume after a restart.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Cursor {
    /// A `starting_after` cursor (query or search body).
    StartingAfter(String),
    /// A page number (1-based).
    Page(u32),
    /// A companies `scroll_param`.
    Scroll(String),
    /// An opaque `cursor` (`next_cursor` of the previous page).
    Opaque(String),
    /// A full next-page URL on the API host.
    NextUrl(String),
}

/// One page of a list.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// The total number of items in the list, when Intercom reports it.
    /// (The spec types the counts of a page as any `integer`, so they are
    /// `i64`: a server may send what the schema allows.)
    pub total_count: Option<i64>,
    /// This page's number, when the endpoint reports it.
    pub page: Option<i64>,
    /// Items per page, when reported.
    pub per_page: Option<i64>,
    /// The number of pages, when reported.
    pub total_pages: Option<i64>,
    /// The cursor of the next page; `None` on the last page.
    pub next: Option<Cursor>,
}

impl<T> Page<T> {
    /// The cursor of the next page, to save and resume from later.
    pub fn next_cursor(&self) -> Option<&Cursor> {
        self.next.as_ref()
    }

    /// `true` when this is the last page.
    pub fn is_last(&self) -> bool {
        self.next.is_none()
    }
}

impl<T> IntoIterator for Page<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// How an endpoint pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
// `NextUrl` (data events) is served by a family still being added; its
// paging logic is tested here already.
#[allow(dead_code)]
pub(crate) enum Scheme {
    QueryCursor,
    BodyCursor,
    PageNumber,
    /// A page number in a JSON body (`page`, `per_page`), as a search sends it.
    BodyPage,
    Scroll,
    OpaqueCursor,
    NextUrl,
}

/// An endpoint's paging scheme, the JSON key holding its items (a dotted
/// path such as `data.articles` for a list nested in an object), and the
/// largest page it serves.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Paging {
    pub(crate) scheme: Scheme,
    pub(crate) items_key: &'static str,
    pub(crate) max_per_page: Option<u32>,
}

impl Paging {
    pub(crate) const fn new(scheme: Scheme, items_key: &'static str) -> Self {
        Paging {
            scheme,
            items_key,
            max_per_page: None,
        }
    }

    pub(crate) const fn max_per_page(mut self, max: u32) -> Self {
        self.max_per_page = Some(max);
        self
    }

    /// Ask for `n` items per page: in the query, or in a search body's
    /// `pagination` object.
    fn set_per_page(&self, req: &mut RawRequest, n: u32) -> Result<(), Error> {
        let max = self.max_per_page.unwrap_or(u32::MAX);
        if n == 0 || n > max {
            return Err(Error::invalid(
                "per_page",
                format!("{n} is outside 1..={max} for this endpoint"),
            ));
        }
        if self.scheme == Scheme::BodyCursor {
            req.set_body_field(&["pagination", "per_page"], &n)?;
        } else if self.scheme == Scheme::BodyPage {
            req.set_body_field(&["per_page"], &n)?;
        } else {
            req.set_query("per_page", n.to_string());
        }
        Ok(())
    }

    /// Point `req` at the page `cursor` names.
    pub(crate) fn apply(&self, req: &mut RawRequest, cursor: &Cursor) -> Result<(), Error> {
        match (self.scheme, cursor) {
            (Scheme::QueryCursor, Cursor::StartingAfter(c)) => {
                req.set_query("starting_after", c.clone())
            }
            (Scheme::BodyCursor, Cursor::StartingAfter(c)) => {
                req.set_body_field(&["pagination", "starting_after"], c)?;
            }
            (Scheme::PageNumber, Cursor::Page(n)) => req.set_query("page", n.to_string()),
            (Scheme::BodyPage, Cursor::Page(n)) => req.set_body_field(&["page"], n)?,
            (Scheme::Scroll, Cursor::Scroll(s)) => req.set_query("scroll_param", s.clone()),
            (Scheme::OpaqueCursor, Cursor::Opaque(c)) => req.set_query("cursor", c.clone()),
            // A body-paged search's next URL carries `page` in its query,
            // which takes precedence over the body's; the body is kept.
            (_, Cursor::NextUrl(url))
                if matches!(
                    self.scheme,
                    Scheme::NextUrl | Scheme::PageNumber | Scheme::BodyPage
                ) =>
            {
                req.path = url.clone();
                req.query.clear();
            }
            (scheme, cursor) => {
                return Err(Error::invalid(
                    "cursor",
                    format!("a {cursor:?} cursor does not fit this endpoint ({scheme:?} paging)"),
                ));
            }
        }
        Ok(())
    }

    /// The cursor of the page after `raw`, if any.
    fn next_cursor<T>(&self, raw: &RawPage<T>) -> Option<Cursor> {
        let pages = raw.pages.as_ref();
        let next = pages.and_then(|p| p.next.as_ref());
        match self.scheme {
            Scheme::QueryCursor | Scheme::BodyCursor => match next? {
                NextLink::Cursor { starting_after } => starting_after
                    .clone()
                    .filter(|s| !s.is_empty())
                    .map(Cursor::StartingAfter),
                NextLink::Url(u) => starting_after_of(u).map(Cursor::StartingAfter),
            },
            Scheme::PageNumber | Scheme::BodyPage => {
                if raw.items.is_empty() {
                    return None;
                }
                let p = pages?;
                match (p.page, p.total_pages) {
                    // A page number the request cannot carry ends the list.
                    (Some(page), Some(total)) if page < total => page
                        .checked_add(1)
                        .and_then(|n| u32::try_from(n).ok())
                        .filter(|n| *n >= 1)
                        .map(Cursor::Page),
                    (Some(_), Some(_)) => None,
                    _ => match next? {
                        NextLink::Url(u) => Some(Cursor::NextUrl(u.clone())),
                        NextLink::Cursor { .. } => None,
                    },
                }
            }
            Scheme::Scroll => {
                if raw.items.is_empty() {
                    None
                } else {
                    raw.scroll_param
                        .clone()
                        .filter(|s| !s.is_empty())
                        .map(Cursor::Scroll)
                }
            }
            Scheme::OpaqueCursor => {
                if raw.has_more == Some(false) {
                    None
                } else {
                    raw.next_cursor
                        .clone()
                        .filter(|s| !s.is_empty())
                        .map(Cursor::Opaque)
                }
            }
            Scheme::NextUrl => match next? {
                NextLink::Url(u) if !u.is_empty() => Some(Cursor::NextUrl(u.clone())),
                _ => None,
            },
        }
    }

    pub(crate) fn page_from<T>(&self, raw: RawPage<T>) -> Page<T> {
        let next = self.next_cursor(&raw);
        let pages = raw.pages.unwrap_or_default();
        Page {
            items: raw.items,
            total_count: raw.total_count,
            page: pages.page,
            per_page: pages.per_page,
            total_pages: pages.total_pages,
            next,
        }
    }
}

fn starting_after_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url)
        .or_else(|_| url::Url::parse("https://x.invalid").and_then(|b| b.join(url)))
        .ok()?;
    parsed
        .query_pairs()
        .find(|(k, _)| k == "starting_after")
        .map(|(_, v)| v.into_owned())
        .filter(|v| !v.is_empty())
}

/// A list response as it arrives, before the scheme reads its cursor.
#[derive(Debug)]
pub(crate) struct RawPage<T> {
    items: Vec<T>,
    total_count: Option<i64>,
    pages: Option<PagesMeta>,
    scroll_param: Option<String>,
    next_cursor: Option<String>,
    has_more: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
struct PagesMeta {
    #[serde(default)]
    page: Option<i64>,
    #[serde(default)]
    per_page: Option<i64>,
    #[serde(default)]
    total_pages: Option<i64>,
    #[serde(default)]
    next: Option<NextLink>,
}

/// `pages.next`: an object with `starting_after`, or a URL.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum NextLink {
    Url(String),
    Cursor {
        #[serde(default)]
        starting_after: Option<String>,
    },
}

/// Decodes a list body in one pass, taking the items from `items_key`
/// (followed through nested objects when dotted).
pub(crate) struct PageSeed<T> {
    items_key: &'static str,
    _t: PhantomData<fn() -> T>,
}

impl<T> Clone for PageSeed<T> {
    fn clone(&self) -> Self {
        PageSeed {
            items_key: self.items_key,
            _t: PhantomData,
        }
    }
}

impl<T> PageSeed<T> {
    pub(crate) fn new(items_key: &'static str) -> Self {
        PageSeed {
            items_key,
            _t: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for PageSeed<T> {
    type Value = RawPage<T>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<RawPage<T>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for PageSeed<T> {
    type Value = RawPage<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a list object with `{}`", self.items_key)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawPage<T>, A::Error> {
        let mut page = RawPage {
            items: Vec::new(),
            total_count: None,
            pages: None,
            scroll_param: None,
            next_cursor: None,
            has_more: None,
        };
        // Some lists (audiences, content snippets) put their page numbers
        // at the top level instead of in `pages`.
        let mut top = PagesMeta::default();
        let (head, rest) = split_key(self.items_key);
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == head {
                page.items = map.next_value_seed(ItemsAt::<T>::new(rest))?;
                continue;
            }
            match key.as_ref() {
                "total_count" => page.total_count = map.next_value()?,
                "pages" => page.pages = map.next_value()?,
                "page" => top.page = map.next_value::<MaybeInt>()?.into(),
                "per_page" => top.per_page = map.next_value::<MaybeInt>()?.into(),
                "total_pages" => top.total_pages = map.next_value::<MaybeInt>()?.into(),
                "scroll_param" => page.scroll_param = map.next_value()?,
                "next_cursor" => page.next_cursor = map.next_value()?,
                "has_more" => page.has_more = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if page.pages.is_none() && (top.page.is_some() || top.total_pages.is_some()) {
            page.pages = Some(top);
        }
        Ok(page)
    }
}

/// A top-level page number: an integer, or anything else (ignored, as an
/// unknown key would be).
#[derive(Deserialize)]
#[serde(untagged)]
enum MaybeInt {
    Int(i64),
    Other(IgnoredAny),
}

impl From<MaybeInt> for Option<i64> {
    fn from(v: MaybeInt) -> Self {
        match v {
            MaybeInt::Int(n) => Some(n),
            MaybeInt::Other(_) => None,
        }
    }
}

/// `"data.articles"` → (`"data"`, `Some("articles")`); `"data"` → (`"data"`, `None`).
fn split_key(path: &'static str) -> (&'static str, Option<&'static str>) {
    match path.split_once('.') {
        Some((head, rest)) => (head, Some(rest)),
        None => (path, None),
    }
}

/// The items under the rest of a dotted `items_key` (`articles` of
/// `data.articles`), decoded as they stream by: every other key is skipped
/// without being kept, and `null` at any level is an empty list.
struct ItemsAt<T> {
    path: Option<&'static str>,
    _t: PhantomData<fn() -> T>,
}

impl<T> ItemsAt<T> {
    fn new(path: Option<&'static str>) -> Self {
        ItemsAt {
            path,
            _t: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for ItemsAt<T> {
    type Value = Vec<T>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        match self.path {
            None => Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default()),
            Some(_) => d.deserialize_option(self),
        }
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for ItemsAt<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with `{}`", self.path.unwrap_or_default())
    }

    fn visit_none<E: de::Error>(self) -> Result<Vec<T>, E> {
        Ok(Vec::new())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Vec<T>, E> {
        Ok(Vec::new())
    }

    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        d.deserialize_map(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<T>, A::Error> {
        let (head, rest) = split_key(self.path.unwrap_or_default());
        let mut items = Vec::new();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == head {
                items = map.next_value_seed(ItemsAt::<T>::new(rest))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(items)
    }
}

/// How many cursors a [`Pager`] remembers before starting afresh: 8 bytes
/// each (a keyed hash), so at most about 1 MiB with the set's overhead.
const MAX_SEEN_CURSORS: usize = 1 << 16;

/// The pure state machine behind every page stream and iterator: which
/// request comes next, and when to stop. Executors only run its requests.
#[derive(Debug)]
pub(crate) struct Pager {
    template: RawRequest,
    paging: Paging,
    next: Option<Cursor>,
    started: bool,
    done: bool,
    /// Keyed hashes of every cursor followed (the start cursor included),
    /// so a server whose cursors cycle (A, B, A, ...) with any period ends
    /// the list instead of looping. Bounded by [`MAX_SEEN_CURSORS`]: when
    /// full it is cleared, and a cycle shorter than the bound is still
    /// caught on its next turn.
    seen: HashSet<u64>,
    hasher: RandomState,
}

impl Pager {
    pub(crate) fn new(template: RawRequest, paging: Paging, start: Option<Cursor>) -> Self {
        let mut pager = Pager {
            template,
            paging,
            next: None,
            started: false,
            done: false,
            seen: HashSet::new(),
            hasher: RandomState::new(),
        };
        if let Some(c) = start {
            pager.remember(&c);
            pager.next = Some(c);
        }
        pager
    }

    /// Remember a cursor; `false` when it was already followed.
    fn remember(&mut self, cursor: &Cursor) -> bool {
        if self.seen.len() >= MAX_SEEN_CURSORS {
            self.seen.clear();
        }
        self.seen.insert(self.hasher.hash_one(cursor))
    }

    /// The request for the next page, or `None` when the list is exhausted.
    pub(crate) fn next_request(&mut self) -> Option<Result<RawRequest, Error>> {
        if self.done || (self.started && self.next.is_none()) {
            return None;
        }
        self.started = true;
        let mut req = self.template.clone();
        if let Some(c) = &self.next {
            if let Err(e) = self.paging.apply(&mut req, c) {
                self.done = true;
                return Some(Err(e));
            }
        }
        Some(Ok(req))
    }

    /// Record the page just fetched. A cursor already followed ends the list
    /// instead of looping, except for a scroll, whose `scroll_param` may stay
    /// the same from page to page: a scroll ends on its first empty page.
    pub(crate) fn advance<T>(&mut self, page: &Page<T>) {
        let may_repeat = self.paging.scheme == Scheme::Scroll;
        match &page.next {
            Some(c) if may_repeat || self.remember(c) => self.next = Some(c.clone()),
            _ => {
                self.next = None;
                self.done = true;
            }
        }
    }

    /// Stop after an error.
    pub(crate) fn fail(&mut self) {
        self.done = true;
    }

    pub(crate) fn paging(&self) -> Paging {
        self.paging
    }
}

/// A list call on executor `C` yielding items of type `T`.
///
/// - `.await` — the first page (or the page [`starting_from`](Self::starting_from) names);
/// - [`pages`](ListCall::pages) / [`items`](ListCall::items) — lazy streams over every page;
/// - [`collect_at_most`](ListCall::collect_at_most) — gather items up to an explicit limit.
///
/// ```no_run
/// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
/// use futures::TryStreamExt;
/// let mut contacts = std::pin::pin!(client.contacts().list().per_page(150).items());
/// while let Some(contact) = contacts.try_next().await? {
///     println!("{} {:?}", contact.id, contact.email);
/// }
/// # Ok(()) }
/// ```
///
/// `O` names the operation, as on [`Call`](crate::Call): the options an
/// operation accepts exist only on its calls.
#[must_use = "a list call does nothing until it is awaited or streamed"]
pub struct ListCall<'c, C, T, O = ()> {
    client: &'c C,
    request: Result<Request<Page<T>>, Error>,
    paging: Paging,
    start: Option<Cursor>,
    _operation: PhantomData<fn() -> O>,
}

impl<C, T, O> fmt::Debug for ListCall<'_, C, T, O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ListCall")
            .field("request", &self.request)
            .field("paging", &self.paging)
            .field("start", &self.start)
            .finish()
    }
}

impl<'c, C, T, O> ListCall<'c, C, T, O> {
    pub(crate) fn new(
        client: &'c C,
        request: Result<Request<Page<T>>, Error>,
        paging: Paging,
    ) -> Self {
        ListCall {
            client,
            request,
            paging,
            start: None,
            _operation: PhantomData,
        }
    }

    fn map_raw(self, f: impl FnOnce(&mut RawRequest)) -> Self {
        self.map_request(|mut r| {
            f(&mut r.raw);
            Ok(r)
        })
    }

    /// Timeout for each attempt of every page fetch, instead of the client's.
    pub fn timeout(self, timeout: std::time::Duration) -> Self {
        self.map_raw(|r| r.options.timeout = Some(timeout))
    }

    /// Send this `Intercom-Version` for every page of this call.
    pub fn version(self, version: crate::ApiVersion) -> Self {
        self.map_raw(|r| r.options.version = Some(version))
    }

    /// Declare the page fetches safe to repeat, so 5xx answers and timeouts
    /// are retried even for a `POST` listing.
    pub fn idempotent(self) -> Self {
        self.map_raw(|r| r.idempotent = true)
    }

    /// Add a query parameter to every page fetch, e.g. one Intercom
    /// documents but this crate does not model yet.
    pub fn query(self, key: &'static str, value: impl ToString) -> Self {
        let value = value.to_string();
        self.map_raw(|r| r.query.push((key.into(), value)))
    }

    /// Set a query parameter, replacing any earlier value of it.
    pub(crate) fn set_query(self, key: &'static str, value: &str) -> Self {
        let value = value.to_owned();
        self.map_raw(|r| r.set_query(key, value))
    }

    pub(crate) fn map_request(
        mut self,
        f: impl FnOnce(Request<Page<T>>) -> Result<Request<Page<T>>, Error>,
    ) -> Self {
        self.request = self.request.and_then(f);
        self
    }

    /// Ask for `n` items per page (the endpoint's limit applies: 150 for
    /// contacts). A bad value is returned as [`Error::InvalidInput`] when the
    /// call runs, before anything is sent.
    pub fn per_page(mut self, n: u32) -> Self {
        let paging = self.paging;
        self.request = self.request.and_then(|mut r| {
            paging.set_per_page(&mut r.raw, n)?;
            Ok(r)
        });
        self
    }

    /// Start at the page `cursor` names (a cursor saved from
    /// [`Page::next_cursor`]), instead of the first page.
    pub fn starting_from(mut self, cursor: Cursor) -> Self {
        self.start = Some(cursor);
        self
    }

    /// The operation this call runs (`None` for calls this crate does not model).
    pub fn operation(&self) -> Option<&'static crate::Operation> {
        self.request.as_ref().ok().and_then(Request::operation)
    }

    /// The request for the first page this call would fetch, without sending it.
    ///
    /// # Errors
    /// The [`Error::InvalidInput`] found while building the call, or a
    /// starting cursor that does not fit this endpoint.
    pub fn into_request(self) -> Result<Request<Page<T>>, Error> {
        let mut req = self.request?;
        if let Some(c) = &self.start {
            self.paging.apply(&mut req.raw, c)?;
        }
        Ok(req)
    }

    /// The executor and the paging state machine (or the argument error to
    /// report when iteration starts).
    pub(crate) fn into_pager(self) -> (&'c C, Result<Pager, Error>) {
        let pager = self
            .request
            .map(|req| Pager::new(req.raw, self.paging, self.start));
        (self.client, pager)
    }
}

impl Client {
    /// Fetch and decode one page.
    pub(crate) async fn fetch_page<T: DeserializeOwned>(
        &self,
        req: &RawRequest,
        paging: Paging,
    ) -> Result<Page<T>, Error> {
        let resp = self.transport.send(req).await?;
        let raw = decode_seed(&resp, PageSeed::<T>::new(paging.items_key))?;
        Ok(paging.page_from(raw))
    }
}

impl<'c, T, O: 'c> ListCall<'c, Client, T, O>
where
    T: DeserializeOwned + Send + 'c,
{
    /// Every page, fetched lazily one at a time. Ends after the last page or
    /// the first error.
    pub fn pages(self) -> impl Stream<Item = Result<Page<T>, Error>> + Send + 'c {
        let (client, pager) = self.into_pager();
        stream::unfold(Some(pager), move |state| async move {
            let mut pager = match state? {
                Ok(p) => p,
                Err(e) => return Some((Err(e), None)),
            };
            let req = match pager.next_request()? {
                Ok(r) => r,
                Err(e) => return Some((Err(e), None)),
            };
            match client.fetch_page::<T>(&req, pager.paging()).await {
                Ok(page) => {
                    pager.advance(&page);
                    Some((Ok(page), Some(Ok(pager))))
                }
                Err(e) => {
                    pager.fail();
                    Some((Err(e), None))
                }
            }
        })
    }

    /// Every page, fetching the next one in the background while the caller
    /// works on the current one: at most two pages are held, and a slow
    /// consumer no longer waits a round trip per page. Dropping the stream
    /// cancels the fetch in flight. Needs a tokio runtime (as every call does).
    pub fn pages_prefetched(self) -> impl Stream<Item = Result<Page<T>, Error>> + Send + 'c
    where
        T: 'static,
    {
        let (client, pager) = self.into_pager();
        let client = client.clone();
        let start = pager.map(|mut pager| {
            let pending = prefetch(&client, &mut pager);
            (pager, pending)
        });
        stream::unfold(Some(start), move |state| {
            let client = client.clone();
            async move {
                let (mut pager, pending) = match state? {
                    Ok(s) => s,
                    Err(e) => return Some((Err(e), None)),
                };
                let fetched = match pending? {
                    Ok(task) => task.join().await,
                    Err(e) => Err(e),
                };
                match fetched {
                    Ok(page) => {
                        pager.advance(&page);
                        let next = prefetch(&client, &mut pager);
                        Some((Ok(page), Some(Ok((pager, next)))))
                    }
                    Err(e) => Some((Err(e), None)),
                }
            }
        })
    }

    /// Every item of every page, fetched lazily, one page in memory at a time.
    pub fn items(self) -> impl Stream<Item = Result<T, Error>> + Send + 'c {
        self.pages()
            .map_ok(|page| stream::iter(page.items.into_iter().map(Ok)))
            .try_flatten()
    }

    /// Collect items until `limit` of them are gathered or the list ends.
    /// There is deliberately no "collect everything": a workspace can hold
    /// millions of contacts.
    ///
    /// # Errors
    /// The first error of any page fetch.
    pub async fn collect_at_most(self, limit: usize) -> Result<Vec<T>, Error> {
        self.items().take(limit).try_collect().await
    }
}

/// A page fetch running on the runtime; aborted if dropped unfinished.
struct PageTask<T>(tokio::task::JoinHandle<Result<Page<T>, Error>>);

impl<T> PageTask<T> {
    async fn join(mut self) -> Result<Page<T>, Error> {
        match (&mut self.0).await {
            Ok(result) => result,
            Err(e) if e.is_panic() => Err(Error::TaskFailed(format!(
                "the page fetch task panicked: {}",
                panic_message(e.into_panic())
            ))),
            Err(e) => Err(Error::TaskFailed(format!(
                "the page fetch task was cancelled: {e}"
            ))),
        }
    }
}

/// The text of a panic payload (`panic!` with a message gives a `&str` or a
/// `String`).
fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    match payload.downcast::<String>() {
        Ok(s) => *s,
        Err(payload) => match payload.downcast::<&'static str>() {
            Ok(s) => (*s).to_owned(),
            Err(_) => "(no message)".to_owned(),
        },
    }
}

impl<T> Drop for PageTask<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Start fetching the pager's next page, if there is one.
fn prefetch<T>(client: &Client, pager: &mut Pager) -> Option<Result<PageTask<T>, Error>>
where
    T: DeserializeOwned + Send + 'static,
{
    let request = match pager.next_request()? {
        Ok(r) => r,
        Err(e) => return Some(Err(e)),
    };
    let client = client.clone();
    let paging = pager.paging();
    Some(Ok(PageTask(tokio::spawn(async move {
        client.fetch_page::<T>(&request, paging).await
    }))))
}

impl<'c, T, O: 'c> IntoFuture for ListCall<'c, Client, T, O>
where
    T: DeserializeOwned + Send + 'c,
{
    type Output = Result<Page<T>, Error>;
    type IntoFuture = Pin<Box<dyn Future<Output = Result<Page<T>, Error>> + Send + 'c>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let (client, pager) = self.into_pager();
            let mut pager = pager?;
            match pager.next_request() {
                Some(req) => client.fetch_page(&req?, pager.paging()).await,
                None => Err(Error::invalid("cursor", "nothing to fetch")),
            }
        })
    }
}

#[cfg(test)]
mod tests;
