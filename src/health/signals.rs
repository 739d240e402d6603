//! [`Signals`], the plain input of a score, and the adaptors that build it
//! from the crate's [`Contact`], [`Conversation`] and [`Ticket`].

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::resources::contacts::Contact;
use crate::resources::conversations::{Conversation, ConversationState};
use crate::resources::tickets::Ticket;

/// What a health score is computed from, for one contact. Plain data: scoring
/// needs no network and no allocation.
///
/// Timestamps are unix seconds, as Intercom sends them. Build it by hand
/// (start from [`Signals::default`] and set fields or use the setters), or
/// from API objects with [`Signals::from_intercom`].
///
/// A contact with neither conversations nor tickets (`conversations == 0`
/// and `tickets == 0`) has no score.
///
/// ```
/// use intercom_api::health::Signals;
/// let day = 86_400;
/// let now = 1_750_000_000;
/// let signals = Signals::default()
///     .conversations(3)
///     .open_conversations(1)
///     .last_seen_at(now - day)
///     .last_conversation_at(now - 2 * day)
///     .last_replied_at(now - 2 * day)
///     .avg_resolution_secs(4 * 3600)
///     .recent_reopens(0);
/// assert_eq!(signals.open_conversations, 1);
/// ```
///
/// # Open work
///
/// Open work (the [open tickets](crate::health::Factor::OpenTickets)
/// factor) is `open_conversations + open_tickets`: conversations whose
/// `state` is `open` (snoozed and closed ones are not), and tickets that are
/// neither closed (`open: false`) nor in a `resolved` state (snoozed tickets
/// stay open work: Intercom keeps them open). A ticket that is also tracked
/// as a conversation (a customer ticket has one) counts once, as a ticket.
/// Tickets count only toward open work and toward having a score; recency,
/// resolution time, reopens and response come from conversations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Signals {
    /// Conversations known for the contact, in any state and of any age.
    /// Zero, with zero `tickets`, means "no score".
    pub conversations: u32,
    /// Conversations with `state = open` (snoozed ones are not open).
    pub open_conversations: u32,
    /// Tickets known for the contact, in any state.
    pub tickets: u32,
    /// Tickets still open: not closed and not in a `resolved` state.
    pub open_tickets: u32,
    /// The contact's `last_seen_at`.
    pub last_seen_at: Option<i64>,
    /// The latest `updated_at` (else `created_at`) among the contact's
    /// conversations.
    pub last_conversation_at: Option<i64>,
    /// The contact's `last_replied_at`.
    pub last_replied_at: Option<i64>,
    /// Conversations inside the recent window.
    pub recent_conversations: u32,
    /// Average `statistics.time_to_last_close` (seconds) over the recent
    /// conversations that have one; `None` when none has.
    pub avg_resolution_secs: Option<u64>,
    /// Sum of `statistics.count_reopens` over the recent conversations.
    pub recent_reopens: u32,
}

macro_rules! setters {
    ($($(#[$doc:meta])* $name:ident: $ty:ty => $store:expr;)*) => {
        impl Signals {
            $(
                $(#[$doc])*
                #[must_use]
                pub fn $name(mut self, value: $ty) -> Self {
                    #[allow(clippy::redundant_closure_call)]
                    { self.$name = ($store)(value); }
                    self
                }
            )*
        }
    };
}

setters! {
    /// Set [`conversations`](Signals::conversations).
    conversations: u32 => |v| v;
    /// Set [`open_conversations`](Signals::open_conversations).
    open_conversations: u32 => |v| v;
    /// Set [`tickets`](Signals::tickets).
    tickets: u32 => |v| v;
    /// Set [`open_tickets`](Signals::open_tickets).
    open_tickets: u32 => |v| v;
    /// Set [`last_seen_at`](Signals::last_seen_at).
    last_seen_at: i64 => Some;
    /// Set [`last_conversation_at`](Signals::last_conversation_at).
    last_conversation_at: i64 => Some;
    /// Set [`last_replied_at`](Signals::last_replied_at).
    last_replied_at: i64 => Some;
    /// Set [`recent_conversations`](Signals::recent_conversations).
    recent_conversations: u32 => |v| v;
    /// Set [`avg_resolution_secs`](Signals::avg_resolution_secs).
    avg_resolution_secs: u64 => Some;
    /// Set [`recent_reopens`](Signals::recent_reopens).
    recent_reopens: u32 => |v| v;
}

impl Signals {
    /// Open work: open conversations plus open tickets (the raw value of
    /// [`Factor::OpenTickets`](crate::health::Factor::OpenTickets)).
    pub fn open_work(&self) -> u32 {
        self.open_conversations.saturating_add(self.open_tickets)
    }

    /// Whether there is anything to score: a conversation or a ticket.
    pub fn has_support_history(&self) -> bool {
        self.conversations > 0 || self.tickets > 0
    }

    /// Signals of `contact` from its conversations, as of `now`.
    ///
    /// `conversations` must be the contact's own (for example from
    /// `client.conversations().search(field("contact_ids").eq(id))`);
    /// they are not filtered by participant. A conversation is recent when
    /// its `updated_at` (else `created_at`) is within `recent_window` before
    /// `now`; one with neither timestamp is never recent.
    ///
    /// ```no_run
    /// use intercom_api::health::{HealthScorer, Signals};
    /// # fn run(contact: &intercom_api::contacts::Contact,
    /// #        conversations: &[intercom_api::resources::conversations::Conversation])
    /// #        -> Result<(), intercom_api::Error> {
    /// let scorer = HealthScorer::default();
    /// let now = std::time::SystemTime::now();
    /// let signals = Signals::from_intercom(contact, conversations, now, scorer.config().recent_window);
    /// match scorer.score(&signals, now) {
    ///     Some(score) => println!("{}: {:.0} ({})", contact.id, score.score, score.band),
    ///     None => println!("{}: N/A (no conversation)", contact.id),
    /// }
    /// # Ok(()) }
    /// ```
    pub fn from_intercom<'a>(
        contact: &Contact,
        conversations: impl IntoIterator<Item = &'a Conversation>,
        now: SystemTime,
        recent_window: Duration,
    ) -> Signals {
        let mut acc = Accumulator::new(unix_secs(now), recent_window);
        for conversation in conversations {
            acc.add(&ConversationFacts::from_conversation(conversation));
        }
        acc.finish(contact.last_seen_at, contact.last_replied_at)
    }
}

/// Unix seconds of a `SystemTime` (negative before 1970, saturating).
pub(crate) fn unix_secs(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(e) => i64::try_from(e.duration().as_secs()).map_or(i64::MIN, |s| -s),
    }
}

/// What a score needs from one conversation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ConversationFacts {
    /// Whether the payload said which state the conversation is in.
    pub(crate) state_known: bool,
    pub(crate) open: bool,
    pub(crate) closed: bool,
    pub(crate) created_at: Option<i64>,
    pub(crate) updated_at: Option<i64>,
    pub(crate) time_to_last_close: Option<i64>,
    pub(crate) count_reopens: Option<i64>,
}

impl ConversationFacts {
    pub(crate) fn from_conversation(c: &Conversation) -> Self {
        let (open, closed) = match &c.state {
            Some(ConversationState::Open) => (true, false),
            Some(ConversationState::Closed) => (false, true),
            Some(_) => (false, false),
            None => (c.open == Some(true), c.open == Some(false)),
        };
        let stats = c.statistics.as_ref();
        ConversationFacts {
            state_known: c.state.is_some() || c.open.is_some(),
            open,
            closed,
            created_at: c.created_at,
            updated_at: c.updated_at,
            time_to_last_close: stats.and_then(|s| s.time_to_last_close),
            count_reopens: stats.and_then(|s| s.count_reopens),
        }
    }

    fn activity_at(&self) -> Option<i64> {
        self.updated_at.or(self.created_at)
    }
}

/// What a score needs from one ticket.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct TicketFacts {
    /// Whether the payload said whether the ticket is open.
    pub(crate) state_known: bool,
    pub(crate) open: bool,
    pub(crate) updated_at: Option<i64>,
}

impl TicketFacts {
    pub(crate) fn from_ticket(t: &Ticket) -> Self {
        let resolved = t.state_category().map(|c| c.is_resolved());
        let (open, state_known) = match (t.open, resolved) {
            (Some(false), _) | (_, Some(true)) => (false, true),
            (Some(true), _) | (None, Some(false)) => (true, true),
            (None, None) => (false, false),
        };
        TicketFacts {
            state_known,
            open,
            updated_at: t.updated_at.or(t.created_at),
        }
    }
}

/// Folds conversations and tickets into [`Signals`].
pub(crate) struct Accumulator {
    since: i64,
    signals: Signals,
    resolution_total: u128,
    resolution_count: u64,
    reopens: u64,
}

impl Accumulator {
    pub(crate) fn new(now: i64, recent_window: Duration) -> Self {
        let window = i64::try_from(recent_window.as_secs()).unwrap_or(i64::MAX);
        Accumulator {
            since: now.saturating_sub(window),
            signals: Signals::default(),
            resolution_total: 0,
            resolution_count: 0,
            reopens: 0,
        }
    }

    pub(crate) fn add(&mut self, c: &ConversationFacts) {
        let s = &mut self.signals;
        s.conversations = s.conversations.saturating_add(1);
        if c.open {
            s.open_conversations = s.open_conversations.saturating_add(1);
        }
        let at = c.activity_at();
        if let Some(at) = at {
            s.last_conversation_at = Some(s.last_conversation_at.map_or(at, |l| l.max(at)));
        }
        if at.is_some_and(|at| at >= self.since) {
            s.recent_conversations = s.recent_conversations.saturating_add(1);
            if let Some(secs) = c.time_to_last_close.filter(|s| *s >= 0) {
                self.resolution_total += secs.unsigned_abs() as u128;
                self.resolution_count += 1;
            }
            if let Some(n) = c.count_reopens.filter(|n| *n > 0) {
                self.reopens = self.reopens.saturating_add(n.unsigned_abs());
            }
        }
    }

    pub(crate) fn add_ticket(&mut self, t: &TicketFacts) {
        let s = &mut self.signals;
        s.tickets = s.tickets.saturating_add(1);
        if t.open {
            s.open_tickets = s.open_tickets.saturating_add(1);
        }
    }

    pub(crate) fn finish(
        mut self,
        last_seen_at: Option<i64>,
        last_replied_at: Option<i64>,
    ) -> Signals {
        self.signals.last_seen_at = last_seen_at;
        self.signals.last_replied_at = last_replied_at;
        self.signals.recent_reopens = u32::try_from(self.reopens).unwrap_or(u32::MAX);
        if self.resolution_count > 0 {
            let avg = self.resolution_total / u128::from(self.resolution_count);
            self.signals.avg_resolution_secs = Some(u64::try_from(avg).unwrap_or(u64::MAX));
        }
        self.signals
    }
}
