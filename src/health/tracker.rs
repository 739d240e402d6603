//! [`HealthTracker`]: per-contact signals kept current from webhooks.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;

use super::config::Band;
use super::score::{HealthScore, HealthScorer, Rating};
use super::signals::{Accumulator, ConversationFacts, Signals, TicketFacts, unix_secs};
use crate::resources::contacts::Contact;
use crate::resources::conversations::Conversation;
use crate::resources::tickets::Ticket;
use crate::transport::{Clock, SystemClock};
use crate::webhooks::{Item, Notification, Topic};

/// A contact's score moved: its rating before and after an update.
///
/// `before == None` is a contact that had no score (new, or no conversation
/// or ticket yet); `after == None` one that has none any more (deleted, or
/// its last conversation deleted).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct HealthChange {
    /// Intercom's id of the contact.
    pub contact_id: String,
    /// The rating before the update.
    pub before: Option<Rating>,
    /// The rating after it.
    pub after: Option<Rating>,
}

impl HealthChange {
    /// The band before the update.
    pub fn band_before(&self) -> Option<Band> {
        self.before.map(|r| r.band)
    }

    /// The band after the update.
    pub fn band_after(&self) -> Option<Band> {
        self.after.map(|r| r.band)
    }

    /// `true` when the band changed (including to or from "no score"): the
    /// event to alert on, e.g. healthy → at risk.
    pub fn band_changed(&self) -> bool {
        self.band_before() != self.band_after()
    }

    /// Score after minus score before; `None` unless both exist.
    pub fn delta(&self) -> Option<f64> {
        Some(self.after?.score - self.before?.score)
    }
}

impl fmt::Display for HealthChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |r: Option<Rating>| match r {
            Some(r) => format!("{:.0} ({})", r.score, r.band),
            None => "N/A".to_owned(),
        };
        write!(
            f,
            "contact {}: {} -> {}",
            self.contact_id,
            show(self.before),
            show(self.after)
        )
    }
}

#[derive(Debug, Default)]
struct TrackedContact {
    last_seen_at: Option<i64>,
    last_replied_at: Option<i64>,
    conversations: HashMap<String, ConversationFacts>,
    tickets: HashMap<String, TicketFacts>,
    rating: Option<Rating>,
}

/// Keeps each contact's signals and score, and updates them from verified
/// webhook notifications, recomputing only the contacts a notification
/// touches.
///
/// Feed it what [`webhooks::verify_and_parse`](crate::webhooks::verify_and_parse)
/// returns (verify first: the tracker trusts what it is given). It
/// understands:
///
/// | notification | effect |
/// |---|---|
/// | any `conversation.*` topic with a conversation item (created, admin closed, admin opened, assigned, snoozed, replied, ...) | the conversation's state, `updated_at` and statistics are stored for each of its contacts; a contact removed from it loses it |
/// | `conversation.admin.opened` on a conversation known closed, without `statistics.count_reopens` | the reopen count goes up by one |
/// | `conversation.user.replied` | the contact's `last_replied_at` moves to the reply |
/// | `conversation.deleted` | the conversation is dropped |
/// | `contact.*` / `user.*` with a contact item (created, updated, ...) | `last_seen_at` and `last_replied_at` are updated |
/// | `contact.merged` | the merged contact's (`merged_from`) conversations move to the surviving contact, which is then updated; the merged one is dropped |
/// | `contact.deleted`, `user.deleted` | the contact is dropped |
/// | any `ticket.*` topic with a ticket item (created, state updated, assigned, replied, snoozed, ...) | whether the ticket is open work is stored for each of its contacts (from `open` and the state's category); a contact removed from it (`ticket.contact.detached`) loses it; a payload without contacts (`ticket.closed` nests a bare ticket) updates the contacts already known |
/// | `ticket.closed`, `ticket.resolved` | the ticket is no longer open work, whatever the payload says |
/// | `ticket.created`, `ticket.contact.replied`, `ticket.admin.unsnoozed` without `open` or a state | the ticket is open work |
///
/// Open work, the raw value of the
/// [open tickets](super::Factor::OpenTickets) factor, counts the contact's
/// open conversations and open tickets; a ticket that is also a tracked
/// conversation counts once (see [`Signals`](super::Signals#open-work)).
///
/// Anything else (companies, pings) changes nothing. A field missing
/// from a payload keeps its previous value; timestamps only move forward and
/// a conversation or ticket payload older than the stored one (by
/// `updated_at`) is ignored, so out-of-order deliveries do not roll state
/// back.
///
/// "Now" comes from the tracker's [`Clock`]
/// ([`SystemClock`] unless [`with_clock`](Self::with_clock) says otherwise).
/// Scores drift with time (recency) even without notifications; call
/// [`rescore_all`](Self::rescore_all) periodically to report those changes.
///
/// ```
/// use intercom_api::health::{HealthScorer, HealthTracker};
/// use intercom_api::webhooks;
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let mut tracker = HealthTracker::new(HealthScorer::default());
/// let body = br#"{"type":"notification_event","id":"notif_1","topic":"conversation.user.created","created_at":1750000000,
///   "data":{"item":{"type":"conversation","id":"c1","state":"open","updated_at":1750000000,
///   "contacts":{"type":"contact.list","contacts":[{"type":"contact","id":"ada"}]}}}}"#;
/// let notification = webhooks::parse(body)?; // use verify_and_parse in production
/// for change in tracker.apply(&notification) {
///     if change.band_changed() {
///         println!("{change}"); // e.g. "contact ada: N/A -> 82 (healthy)"
///     }
/// }
/// assert!(tracker.rating("ada").is_some());
/// # Ok(()) }
/// ```
pub struct HealthTracker {
    scorer: HealthScorer,
    clock: Arc<dyn Clock>,
    contacts: HashMap<String, TrackedContact>,
    owners: HashMap<String, Vec<String>>,
    ticket_owners: HashMap<String, Vec<String>>,
}

impl fmt::Debug for HealthTracker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HealthTracker")
            .field("scorer", &self.scorer)
            .field("clock", &self.clock)
            .field("contacts", &self.contacts.len())
            .field("conversations", &self.owners.len())
            .field("tickets", &self.ticket_owners.len())
            .finish()
    }
}

impl HealthTracker {
    /// An empty tracker using `scorer` and the system clock.
    pub fn new(scorer: HealthScorer) -> Self {
        HealthTracker {
            scorer,
            clock: Arc::new(SystemClock),
            contacts: HashMap::new(),
            owners: HashMap::new(),
            ticket_owners: HashMap::new(),
        }
    }

    /// Read "now" from `clock` (a fixed or test clock, for reproducible scores).
    #[must_use]
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// The scorer.
    pub fn scorer(&self) -> &HealthScorer {
        &self.scorer
    }

    /// Contacts tracked.
    pub fn len(&self) -> usize {
        self.contacts.len()
    }

    /// `true` when no contact is tracked.
    pub fn is_empty(&self) -> bool {
        self.contacts.is_empty()
    }

    /// Whether a contact is tracked.
    pub fn contains(&self, contact_id: &str) -> bool {
        self.contacts.contains_key(contact_id)
    }

    /// The contact's rating as of its last update; `None` when unknown or
    /// without a score.
    pub fn rating(&self, contact_id: &str) -> Option<Rating> {
        self.contacts.get(contact_id)?.rating
    }

    /// The contact's signals as of now.
    pub fn signals(&self, contact_id: &str) -> Option<Signals> {
        let now = unix_secs(self.clock.now());
        Some(self.signals_at(self.contacts.get(contact_id)?, now))
    }

    /// The contact's score with its breakdown, as of now (it does not update
    /// the stored rating).
    pub fn score(&self, contact_id: &str) -> Option<HealthScore> {
        let now = self.clock.now();
        let signals = self.signals_at(self.contacts.get(contact_id)?, unix_secs(now));
        self.scorer.score(&signals, now)
    }

    /// Ratings of every tracked contact with a score (in no particular order).
    pub fn ratings(&self) -> impl Iterator<Item = (&str, Rating)> + '_ {
        self.contacts
            .iter()
            .filter_map(|(id, c)| Some((id.as_str(), c.rating?)))
    }

    fn signals_at(&self, contact: &TrackedContact, now: i64) -> Signals {
        let mut acc = Accumulator::new(now, self.scorer.config().recent_window);
        for (id, facts) in &contact.conversations {
            if contact.tickets.contains_key(id) {
                // A ticket's conversation: its open work counts as the ticket.
                acc.add(&ConversationFacts {
                    open: false,
                    ..*facts
                });
            } else {
                acc.add(facts);
            }
        }
        for facts in contact.tickets.values() {
            acc.add_ticket(facts);
        }
        acc.finish(contact.last_seen_at, contact.last_replied_at)
    }

    /// Recompute one contact; a change when its rating moved.
    fn recompute(&mut self, contact_id: &str, now: i64) -> Option<HealthChange> {
        let contact = self.contacts.get(contact_id)?;
        let signals = self.signals_at(contact, now);
        let after = self.scorer.rate_unix(&signals, now);
        let contact = self.contacts.get_mut(contact_id)?;
        let before = std::mem::replace(&mut contact.rating, after);
        (before != after).then(|| HealthChange {
            contact_id: contact_id.to_owned(),
            before,
            after,
        })
    }

    /// Apply a verified webhook notification; the score changes it caused.
    /// See the type's docs for what is understood.
    pub fn apply(&mut self, notification: &Notification) -> Vec<HealthChange> {
        let topic = &notification.topic;
        match (topic, &notification.item) {
            (Topic::ContactDeleted | Topic::UserDeleted, item) => item_id(item)
                .and_then(|id| self.remove_contact(&id))
                .into_iter()
                .collect(),
            (Topic::ConversationDeleted, item) => match item_id(item) {
                Some(id) => self.remove_conversation(&id),
                None => Vec::new(),
            },
            (Topic::ContactMerged, Item::Contact(contact)) => {
                let merged_from = notification
                    .data
                    .get("item")
                    .and_then(|item| item.get("merged_from"))
                    .and_then(json_id);
                let before = self.rating(&contact.id);
                let mut changes = Vec::new();
                if let Some(from) = merged_from {
                    changes.extend(self.merge_contacts(&from, &contact.id));
                }
                self.upsert_contact(contact);
                // One change for the survivor, from before the merge to now.
                changes.retain(|c| c.contact_id != contact.id);
                let after = self.rating(&contact.id);
                if before != after {
                    changes.push(HealthChange {
                        contact_id: contact.id.clone(),
                        before,
                        after,
                    });
                }
                changes
            }
            (_, Item::Contact(contact))
                if matches!(topic.family(), "contact" | "user" | "visitor") =>
            {
                self.upsert_contact(contact).into_iter().collect()
            }
            (_, Item::Conversation(conversation)) if topic.family() == "conversation" => {
                self.conversation_event(conversation, topic, notification.created_at)
            }
            (_, Item::Ticket(ticket)) if topic.family() == "ticket" => {
                self.ticket_event(ticket, topic, notification.created_at)
            }
            _ => Vec::new(),
        }
    }

    /// Store (or refresh) a contact's `last_seen_at` and `last_replied_at`,
    /// for example while loading the tracker from a full sync.
    pub fn upsert_contact(&mut self, contact: &Contact) -> Option<HealthChange> {
        let now = unix_secs(self.clock.now());
        let tracked = self.contacts.entry(contact.id.clone()).or_default();
        tracked.last_seen_at = latest(tracked.last_seen_at, contact.last_seen_at);
        tracked.last_replied_at = latest(tracked.last_replied_at, contact.last_replied_at);
        self.recompute(&contact.id, now)
    }

    /// Store (or refresh) a conversation for each of its contacts, for
    /// example while loading the tracker from a full sync.
    pub fn upsert_conversation(&mut self, conversation: &Conversation) -> Vec<HealthChange> {
        self.store_conversation(
            conversation,
            ConversationFacts::from_conversation(conversation),
        )
    }

    /// Store (or refresh) a ticket for each of its contacts, for example
    /// while loading the tracker from a search of open tickets.
    pub fn upsert_ticket(&mut self, ticket: &Ticket) -> Vec<HealthChange> {
        self.store_ticket(ticket, TicketFacts::from_ticket(ticket))
    }

    /// Forget a ticket (deleted, say); the changes of its contacts.
    pub fn remove_ticket(&mut self, ticket_id: &str) -> Vec<HealthChange> {
        let now = unix_secs(self.clock.now());
        let Some(owners) = self.ticket_owners.remove(ticket_id) else {
            return Vec::new();
        };
        let mut changes = Vec::new();
        for owner in owners {
            if let Some(contact) = self.contacts.get_mut(&owner) {
                contact.tickets.remove(ticket_id);
            }
            changes.extend(self.recompute(&owner, now));
        }
        changes
    }

    /// Forget a contact; a change to "no score" if it had one.
    pub fn remove_contact(&mut self, contact_id: &str) -> Option<HealthChange> {
        let removed = self.contacts.remove(contact_id)?;
        for conversation_id in removed.conversations.keys() {
            if let Entry::Occupied(mut owners) = self.owners.entry(conversation_id.clone()) {
                owners.get_mut().retain(|o| o != contact_id);
                if owners.get().is_empty() {
                    owners.remove();
                }
            }
        }
        for ticket_id in removed.tickets.keys() {
            if let Entry::Occupied(mut owners) = self.ticket_owners.entry(ticket_id.clone()) {
                owners.get_mut().retain(|o| o != contact_id);
                if owners.get().is_empty() {
                    owners.remove();
                }
            }
        }
        removed.rating.map(|before| HealthChange {
            contact_id: contact_id.to_owned(),
            before: Some(before),
            after: None,
        })
    }

    /// Forget a conversation; the changes of its contacts.
    pub fn remove_conversation(&mut self, conversation_id: &str) -> Vec<HealthChange> {
        let now = unix_secs(self.clock.now());
        let Some(owners) = self.owners.remove(conversation_id) else {
            return Vec::new();
        };
        let mut changes = Vec::new();
        for owner in owners {
            if let Some(contact) = self.contacts.get_mut(&owner) {
                contact.conversations.remove(conversation_id);
            }
            changes.extend(self.recompute(&owner, now));
        }
        changes
    }

    /// Move everything known about contact `from` to contact `into` (Intercom
    /// merged a lead into a user, say) and forget `from`; the changes of both.
    pub fn merge_contacts(&mut self, from: &str, into: &str) -> Vec<HealthChange> {
        let now = unix_secs(self.clock.now());
        if from == into {
            return Vec::new();
        }
        let Some(merged) = self.contacts.remove(from) else {
            return Vec::new();
        };
        let mut changes = Vec::new();
        if let Some(before) = merged.rating {
            changes.push(HealthChange {
                contact_id: from.to_owned(),
                before: Some(before),
                after: None,
            });
        }
        let target = self.contacts.entry(into.to_owned()).or_default();
        target.last_seen_at = latest(target.last_seen_at, merged.last_seen_at);
        target.last_replied_at = latest(target.last_replied_at, merged.last_replied_at);
        for (id, facts) in merged.conversations {
            if let Some(owners) = self.owners.get_mut(&id) {
                owners.retain(|o| o != from);
                if !owners.iter().any(|o| o == into) {
                    owners.push(into.to_owned());
                }
            }
            target.conversations.entry(id).or_insert(facts);
        }
        for (id, facts) in merged.tickets {
            if let Some(owners) = self.ticket_owners.get_mut(&id) {
                owners.retain(|o| o != from);
                if !owners.iter().any(|o| o == into) {
                    owners.push(into.to_owned());
                }
            }
            target.tickets.entry(id).or_insert(facts);
        }
        changes.extend(self.recompute(into, now));
        changes
    }

    /// Recompute every contact as of now (scores drift with time); the
    /// changes since their last update.
    pub fn rescore_all(&mut self) -> Vec<HealthChange> {
        let now = unix_secs(self.clock.now());
        let ids: Vec<String> = self.contacts.keys().cloned().collect();
        ids.iter()
            .filter_map(|id| self.recompute(id, now))
            .collect()
    }

    fn conversation_event(
        &mut self,
        conversation: &Conversation,
        topic: &Topic,
        sent_at: Option<i64>,
    ) -> Vec<HealthChange> {
        let mut facts = ConversationFacts::from_conversation(conversation);
        if !facts.state_known {
            let (open, closed, known) = match topic {
                Topic::ConversationAdminClosed => (false, true, true),
                Topic::ConversationAdminSnoozed => (false, false, true),
                Topic::ConversationAdminOpened
                | Topic::ConversationAdminUnsnoozed
                | Topic::ConversationUserCreated
                | Topic::ConversationAdminSingleCreated
                | Topic::ConversationUserReplied => (true, false, true),
                _ => (false, false, false),
            };
            facts.open = open;
            facts.closed = closed;
            facts.state_known = known;
        }
        if facts.updated_at.is_none() {
            facts.updated_at = sent_at;
        }
        let reopened = *topic == Topic::ConversationAdminOpened && facts.count_reopens.is_none();
        if reopened {
            let previous = self
                .owners
                .get(&conversation.id)
                .and_then(|owners| owners.first())
                .and_then(|o| self.contacts.get(o)?.conversations.get(&conversation.id));
            if let Some(prev) = previous.filter(|p| p.closed) {
                facts.count_reopens = Some(prev.count_reopens.unwrap_or(0).saturating_add(1));
            }
        }
        let replied_at = (*topic == Topic::ConversationUserReplied)
            .then_some(facts.updated_at)
            .flatten();
        if let Some(at) = replied_at {
            for reference in &conversation.contacts {
                let tracked = self.contacts.entry(reference.id.clone()).or_default();
                tracked.last_replied_at = latest(tracked.last_replied_at, Some(at));
            }
        }
        self.store_conversation(conversation, facts)
    }

    fn store_conversation(
        &mut self,
        conversation: &Conversation,
        facts: ConversationFacts,
    ) -> Vec<HealthChange> {
        let contacts = conversation.contacts.iter().map(|c| c.id.clone()).collect();
        self.store(&conversation.id, contacts, facts)
    }

    /// Store `facts` of a conversation or ticket for each of its contacts
    /// (or, when the payload names none, for the contacts it had), drop it
    /// from the contacts it no longer has, and recompute all of them. An
    /// older delivery does not overwrite a newer one.
    fn store<F: WorkFacts>(
        &mut self,
        id: &str,
        contacts: Vec<String>,
        facts: F,
    ) -> Vec<HealthChange> {
        let now = unix_secs(self.clock.now());
        let previous_owners = F::owners(self).get(id).cloned().unwrap_or_default();
        let owners = if contacts.is_empty() {
            previous_owners.clone()
        } else {
            contacts
        };
        let mut changes = Vec::new();
        for gone in previous_owners.iter().filter(|o| !owners.contains(o)) {
            if let Some(contact) = self.contacts.get_mut(gone) {
                F::of(contact).remove(id);
            }
            changes.extend(self.recompute(gone, now));
        }
        if owners.is_empty() {
            F::owners(self).remove(id);
            return changes;
        }
        for owner in &owners {
            let tracked = self.contacts.entry(owner.clone()).or_default();
            match F::of(tracked).entry(id.to_owned()) {
                Entry::Vacant(slot) => {
                    slot.insert(facts);
                }
                Entry::Occupied(mut slot) => {
                    let stored = slot.get_mut();
                    if let (Some(new), Some(old)) = (facts.updated_at(), stored.updated_at()) {
                        if new < old {
                            continue; // an older delivery: keep the newer state
                        }
                    }
                    *stored = stored.merge(facts);
                }
            }
            changes.extend(self.recompute(owner, now));
        }
        F::owners(self).insert(id.to_owned(), owners);
        changes
    }

    fn ticket_event(
        &mut self,
        ticket: &Ticket,
        topic: &Topic,
        sent_at: Option<i64>,
    ) -> Vec<HealthChange> {
        let mut facts = TicketFacts::from_ticket(ticket);
        match topic {
            // Closed or resolved: no work left, whatever the payload says.
            Topic::TicketClosed | Topic::TicketResolved => {
                facts.open = false;
                facts.state_known = true;
            }
            Topic::TicketCreated | Topic::TicketContactReplied | Topic::TicketAdminUnsnoozed
                if !facts.state_known =>
            {
                facts.open = true;
                facts.state_known = true;
            }
            _ => {}
        }
        if facts.updated_at.is_none() {
            facts.updated_at = sent_at;
        }
        self.store_ticket(ticket, facts)
    }

    fn store_ticket(&mut self, ticket: &Ticket, facts: TicketFacts) -> Vec<HealthChange> {
        let contacts = ticket.contacts.iter().map(|c| c.id.clone()).collect();
        self.store(&ticket.id, contacts, facts)
    }
}

/// What the tracker keeps of a piece of open work (a conversation or a
/// ticket), per contact, and where.
trait WorkFacts: Copy {
    fn updated_at(&self) -> Option<i64>;
    /// `self` updated by a newer payload: missing fields keep their value.
    fn merge(self, newer: Self) -> Self;
    /// A contact's facts of this kind, by id.
    fn of(contact: &mut TrackedContact) -> &mut HashMap<String, Self>;
    /// The contacts of each item of this kind.
    fn owners(tracker: &mut HealthTracker) -> &mut HashMap<String, Vec<String>>;
}

impl WorkFacts for TicketFacts {
    fn updated_at(&self) -> Option<i64> {
        self.updated_at
    }

    fn merge(self, new: Self) -> Self {
        let (open, state_known) = if new.state_known {
            (new.open, true)
        } else {
            (self.open, self.state_known)
        };
        TicketFacts {
            state_known,
            open,
            updated_at: latest(self.updated_at, new.updated_at),
        }
    }

    fn of(contact: &mut TrackedContact) -> &mut HashMap<String, Self> {
        &mut contact.tickets
    }

    fn owners(tracker: &mut HealthTracker) -> &mut HashMap<String, Vec<String>> {
        &mut tracker.ticket_owners
    }
}

impl WorkFacts for ConversationFacts {
    fn updated_at(&self) -> Option<i64> {
        self.updated_at
    }

    fn merge(self, new: Self) -> Self {
        let (open, closed, state_known) = if new.state_known {
            (new.open, new.closed, true)
        } else {
            (self.open, self.closed, self.state_known)
        };
        ConversationFacts {
            state_known,
            open,
            closed,
            created_at: new.created_at.or(self.created_at),
            updated_at: latest(self.updated_at, new.updated_at),
            time_to_last_close: new.time_to_last_close.or(self.time_to_last_close),
            count_reopens: new.count_reopens.or(self.count_reopens),
        }
    }

    fn of(contact: &mut TrackedContact) -> &mut HashMap<String, Self> {
        &mut contact.conversations
    }

    fn owners(tracker: &mut HealthTracker) -> &mut HashMap<String, Vec<String>> {
        &mut tracker.owners
    }
}

fn latest(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The `id` of an item, typed or JSON (deletions send minimal payloads).
fn item_id(item: &Item) -> Option<String> {
    match item {
        Item::Contact(c) => Some(c.id.clone()),
        Item::Conversation(c) => Some(c.id.clone()),
        Item::Json(v) => v.get("id").and_then(json_id),
        _ => None,
    }
}

/// An id given as a string, a number, or an object with an `id`.
fn json_id(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o.get("id").and_then(json_id),
        _ => None,
    }
}
