//! The server side of the fake: the wiremock responder every request goes
//! through, in order: faults, auth, quota, version, then the route of the
//! request's path, dispatched to the family that owns it.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};

use wiremock::{Respond, ResponseTemplate};

use super::admins::Admins;
use super::articles::Articles;
use super::audiences::{self, Audiences};
use super::calls::{self, Calls};
use super::companies::{self, Companies};
use super::contacts::{self, Contacts};
use super::content_snippets::{self, ContentSnippets};
use super::conversations::{self, Conversations};
use super::custom_objects::{self, CustomObjects};
use super::data_connectors::{self, DataConnectors};
use super::events::Events;
use super::fault::Fault;
use super::fin_agent::{self, FinAgent};
use super::help_center::HelpCenter;
use super::knowledge;
use super::messages::Messages;
use super::news::{self, News};
use super::platform::{self, Platform};
use super::quota::{Quota, RateHeaders};
use super::reply::{Ctx, Reply, Rng, code_for_status};
use super::request::{Incoming, percent_decode};
use super::tags::{self, Tags};
use super::{admins, articles, conversation_writes, events, help_center, messages};
use super::{
    conversation_attributes, data_attributes, office_hours, ticket_types, tickets, visitors,
    workspace,
};
use crate::Clock;

pub(crate) use super::reply::{WORKSPACE_ID, unix_secs};

/// The `errors[].code` of a path and method the fake has no route for, so
/// a test can tell "the fake does not know this endpoint" from a
/// legitimate `not_found`.
pub(crate) const ROUTE_NOT_FOUND: &str = "route_not_found";

/// What the server and the `FakeIntercom` handle share.
pub(crate) struct Shared {
    pub(crate) token: String,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) state: Mutex<State>,
}

impl Shared {
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves plain data behind; keep
        // serving it rather than failing every later request.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn now(&self) -> i64 {
        unix_secs(self.clock.now())
    }
}

/// Everything the fake workspace holds.
#[derive(Debug)]
pub(crate) struct State {
    pub(crate) contacts: Contacts,
    pub(crate) conversations: Conversations,
    pub(crate) companies: Companies,
    pub(crate) tags: Tags,
    pub(crate) admins: Admins,
    pub(crate) events: Events,
    pub(crate) articles: Articles,
    pub(crate) help_center: HelpCenter,
    pub(crate) messages: Messages,
    pub(crate) news: News,
    pub(crate) content_snippets: ContentSnippets,
    pub(crate) audiences: Audiences,
    pub(crate) knowledge: knowledge::Knowledge,
    pub(crate) data_attributes: data_attributes::DataAttributes,
    pub(crate) visitors: visitors::Visitors,
    pub(crate) conversation_attributes: conversation_attributes::ConversationAttributes,
    pub(crate) office_hours: office_hours::OfficeHours,
    pub(crate) ticket_types: ticket_types::TicketTypes,
    pub(crate) tickets: tickets::Tickets,
    pub(crate) rng: Rng,
    pub(crate) faults: VecDeque<(Fault, usize)>,
    /// Random faults: a status and the chance of any one request getting it.
    pub(crate) fault_rates: Vec<(u16, f64)>,
    pub(crate) quota: Quota,
    pub(crate) data_export: super::data_export::DataExports,
    pub(crate) reporting_data_export: super::reporting_data_export::ReportingExports,
    pub(crate) custom_objects: CustomObjects,
    pub(crate) data_connectors: DataConnectors,
    pub(crate) platform: Platform,
    pub(crate) fin_agent: FinAgent,
    pub(crate) calls: Calls,
}

impl State {
    pub(crate) fn new(quota: Quota, now: i64) -> State {
        State {
            contacts: Contacts::new(WORKSPACE_ID),
            conversations: Conversations::default(),
            companies: Companies::default(),
            tags: Tags::default(),
            admins: Admins::new(WORKSPACE_ID, now),
            events: Events::default(),
            articles: Articles::default(),
            help_center: HelpCenter::new(WORKSPACE_ID, now),
            messages: Messages::default(),
            news: News::new(now),
            content_snippets: ContentSnippets::default(),
            audiences: Audiences::default(),
            knowledge: knowledge::Knowledge::default(),
            data_attributes: data_attributes::DataAttributes::new(now),
            visitors: visitors::Visitors::new(WORKSPACE_ID, now),
            conversation_attributes: conversation_attributes::ConversationAttributes::default(),
            office_hours: office_hours::OfficeHours::new(now),
            ticket_types: ticket_types::TicketTypes::new(WORKSPACE_ID, now),
            tickets: tickets::Tickets::default(),
            rng: Rng::new(),
            faults: VecDeque::new(),
            fault_rates: Vec::new(),
            quota,
            data_export: Default::default(),
            reporting_data_export: Default::default(),
            custom_objects: CustomObjects::default(),
            data_connectors: DataConnectors::default(),
            platform: Platform::default(),
            fin_agent: FinAgent::default(),
            calls: Calls::default(),
        }
    }
}

/// The wiremock responder: every request to the fake comes through here.
pub(crate) struct Handler(pub(crate) Arc<Shared>);

impl Respond for Handler {
    fn respond(&self, request: &wiremock::Request) -> ResponseTemplate {
        let shared = &self.0;
        let now = shared.now();
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
        if let Some((fault, left)) = self.faults.front_mut() {
            let fault = fault.clone();
            *left -= 1;
            if *left == 0 {
                self.faults.pop_front();
            }
            return Some(fault);
        }
        let rates = self.fault_rates.clone();
        rates.into_iter().find_map(|(status, rate)| {
            // 53 random bits as a fraction in [0, 1).
            let roll = (self.rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
            (roll < rate).then_some(Fault::Status(status))
        })
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
                .unwrap_or_else(|| route_not_found(ctx, &incoming))
        };
        rl.apply(reply).header("intercom-version", "2.16")
    }

    /// The family that owns the path answers; `None` when none does.
    fn route(&mut self, ctx: &Ctx, req: &Incoming<'_>) -> Option<Reply> {
        let segs = req.segs();
        let rng = &mut self.rng;
        match segs.as_slice() {
            ["me"] | ["admins", ..] => admins::route(&mut self.admins, ctx, req),
            ["events", ..] => events::route(&mut self.events, &self.contacts, ctx, req),
            ["contacts", _, "tags", ..]
            | ["conversations", _, "tags", ..]
            | ["tickets", _, "tags", ..]
            | ["internal_articles", _, "tags", ..]
            | ["content_snippets", _, "tags", ..]
            | ["tags", ..] => {
                let mut linked = tags::Linked {
                    contacts: &mut self.contacts,
                    conversations: &mut self.conversations,
                    companies: &mut self.companies,
                };
                tags::route(&mut self.tags, &mut linked, ctx, req)
            }
            ["conversations", "attributes", ..] => {
                conversation_attributes::route(&mut self.conversation_attributes, rng, ctx, req)
            }
            ["contacts", _, "companies", ..] => {
                companies::route_contact(&mut self.companies, &mut self.contacts, ctx, req)
            }
            ["contacts", ..] => contacts::route(&mut self.contacts, rng, ctx, req),
            ["conversations", ..] => {
                conversation_writes::route(&mut self.conversations, &self.contacts, rng, ctx, req)
                    .or_else(|| conversations::route(&self.conversations, ctx, req))
            }
            ["companies", ..] => companies::route(
                &mut self.companies,
                &mut self.contacts,
                rng,
                WORKSPACE_ID,
                ctx,
                req,
            ),
            ["articles", ..] => articles::route(&mut self.articles, &self.tags, rng, ctx, req),
            ["help_center", ..] => help_center::route(&mut self.help_center, ctx, req),
            ["messages", ..] => messages::route(
                &mut self.messages,
                &self.contacts,
                &mut self.conversations,
                rng,
                ctx,
                req,
            ),
            ["data_attributes", ..] => data_attributes::route(&mut self.data_attributes, ctx, req),
            ["visitors", ..] | ["notes", ..] => {
                let mut linked = visitors::Linked {
                    contacts: &mut self.contacts,
                    companies: &self.companies,
                    rng,
                };
                visitors::route(&mut self.visitors, &mut linked, ctx, req)
            }
            ["export", "content" | "cancel", ..] | ["download", "content", ..] => {
                super::data_export::route(&mut self.data_export, ctx, req)
            }
            ["export" | "download", "reporting_data", ..] => {
                super::reporting_data_export::route(&mut self.reporting_data_export, ctx, req)
            }
            ["news", ..] => news::route(&mut self.news, WORKSPACE_ID, ctx, req),
            ["content_snippets", ..] => {
                let audiences = &self.audiences;
                let exists = |id: &str| audiences.exists(id);
                content_snippets::route(&mut self.content_snippets, &exists, ctx, req)
            }
            ["audiences", ..] => audiences::route(&mut self.audiences, ctx, req),
            ["internal_articles", ..] => knowledge::route(&mut self.knowledge, ctx, req),
            ["ai", ..] => knowledge::route(&mut self.knowledge, ctx, req),
            ["content", ..] => knowledge::route(&mut self.knowledge, ctx, req),
            ["office_hours_schedules", ..] => office_hours::route(&mut self.office_hours, ctx, req),
            ["ticket_types", ..] | ["ticket_states"] => {
                ticket_types::route(&mut self.ticket_types, WORKSPACE_ID, ctx, req)
            }
            ["tickets", ..] | ["jobs", ..] => {
                let mut linked = tickets::Linked {
                    types: &self.ticket_types,
                    contacts: &mut self.contacts,
                    conversations: &mut self.conversations,
                    rng,
                };
                tickets::route(&mut self.tickets, &mut linked, ctx, req)
            }
            ["segments", ..]
            | ["teams", ..]
            | ["subscription_types"]
            | ["away_status_reasons"]
            | ["macros", ..]
            | ["emails", ..]
            | ["brands", ..] => workspace::route(WORKSPACE_ID, ctx, req),
            ["custom_object_instances", ..] => {
                custom_objects::route(&mut self.custom_objects, ctx, req)
            }
            ["data_connectors", ..] => {
                let admin = self.admins.ids().first().cloned().unwrap_or_default();
                data_connectors::route(&mut self.data_connectors, &admin, ctx, req)
            }
            ["ip_allowlist"] | ["phone_call_redirects"] | ["export", "workflows", _] => {
                platform::route(&mut self.platform, ctx, req)
            }
            ["fin", ..] => fin_agent::route(&mut self.fin_agent, ctx, req),
            ["calls", ..] | ["fin_voice", ..] => calls::route(&mut self.calls, ctx, req),
            _ => None,
        }
    }
}

/// `404 route_not_found`: the fake has no route for this method and path.
fn route_not_found(ctx: &Ctx, req: &Incoming<'_>) -> Reply {
    ctx.error(
        404,
        ROUTE_NOT_FOUND,
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
