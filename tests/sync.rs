//! `intercom_api::sync` against the fake Intercom: full sync, incremental
//! sync across interruptions, rate-limit waits, identity resolution; and the
//! fake's conversations and companies that sync relies on.
//!
//! Time is a hand-moved clock shared by the fake and the client: nothing
//! sleeps for real.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::{StreamExt, TryStreamExt};
use intercom_api::companies::CreateOrUpdateCompany;
use intercom_api::contacts::CreateContact;
use intercom_api::conversations::ConversationState;
use intercom_api::mock::{FakeIntercom, Fault, WorkspaceSeed};
use intercom_api::search::field;
use intercom_api::sync::{
    Change, Checkpoint, CompanyRule, ContactRule, CustomerRecord, IdentityResolver, Resolution,
    SyncOptions, SyncProgress, SyncStage, Syncer,
};
use intercom_api::{Client, Clock, Error, RetryPolicy, Sleep};
use serde_json::{Value, json};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The time every test starts at: the start of a 10 s quota window.
const T0: i64 = 1_750_000_000;
const DAY: i64 = 86_400;

/// A wall clock that moves only when told to, or by `sleep` (which returns at
/// once and records what it slept).
#[derive(Debug, Clone)]
struct ManualClock(Arc<Mutex<(SystemTime, Vec<Duration>)>>);

impl ManualClock {
    fn at(unix: i64) -> Self {
        let t = UNIX_EPOCH + Duration::from_secs(unix as u64);
        ManualClock(Arc::new(Mutex::new((t, Vec::new()))))
    }
    fn advance(&self, d: Duration) {
        self.0.lock().expect("clock").0 += d;
    }
    fn sleeps(&self) -> Vec<Duration> {
        self.0.lock().expect("clock").1.clone()
    }
}

impl Clock for ManualClock {
    fn now(&self) -> SystemTime {
        self.0.lock().expect("clock").0
    }
    fn sleep(&self, d: Duration) -> Sleep {
        let mut st = self.0.lock().expect("clock");
        st.0 += d;
        st.1.push(d);
        Box::pin(std::future::ready(()))
    }
}

async fn fake_at(clock: &ManualClock) -> FakeIntercom {
    FakeIntercom::builder().clock(clock.clone()).start().await
}

/// A client that never retries, on the shared clock.
fn strict(fake: &FakeIntercom, clock: &ManualClock) -> Client {
    fake.client_builder()
        .retry(RetryPolicy::none())
        .clock(clock.clone())
        .build()
        .expect("client")
}

fn contact(email: Option<&str>, external_id: &str, updated_at: i64) -> Value {
    json!({
        "email": email,
        "external_id": external_id,
        "role": if email.is_some() { "user" } else { "lead" },
        "updated_at": updated_at,
    })
}

fn conversation(contact_ids: &[&str], updated_at: i64, state: &str) -> Value {
    let contacts: Vec<Value> = contact_ids
        .iter()
        .map(|id| json!({"type": "contact", "id": id}))
        .collect();
    json!({
        "created_at": updated_at - 3_600,
        "updated_at": updated_at,
        "state": state,
        "contacts": {"type": "contact.list", "contacts": contacts},
        "statistics": {"time_to_admin_reply": 120, "count_reopens": 1},
    })
}

/// The bodies of the `POST` requests to `path`, in order.
async fn posted(fake: &FakeIntercom, path: &str) -> Vec<Value> {
    fake.received_requests()
        .await
        .iter()
        .filter(|r| r.method.as_str() == "POST" && r.url.path() == path)
        .map(|r| serde_json::from_slice(&r.body).unwrap_or(Value::Null))
        .collect()
}

fn ids_of(records: &[CustomerRecord]) -> Vec<(String, Vec<String>)> {
    records
        .iter()
        .map(|r| {
            (
                r.contact.id.clone(),
                r.conversations.iter().map(|c| c.id.clone()).collect(),
            )
        })
        .collect()
}

#[tokio::test]
async fn full_sync_joins_recent_conversations_per_contact_and_counts_skips() -> TestResult {
    let clock = ManualClock::at(T0);
    let fake = fake_at(&clock).await;
    let ada = fake.insert_contact(contact(Some("ada@example.com"), "ada", T0));
    let lead = fake.insert_contact(contact(None, "lead-1", T0));
    let bob = fake.insert_contact(contact(Some("bob@example.com"), "bob", T0));
    let ada_recent = fake.insert_conversation(conversation(&[&ada], T0 - 10 * DAY, "open"));
    let _ada_old = fake.insert_conversation(conversation(&[&ada], T0 - 91 * DAY, "closed"));
    let _lead_conv = fake.insert_conversation(conversation(&[&lead], T0 - DAY, "closed"));
    let shared = fake.insert_conversation(conversation(&[&ada, &bob], T0 - 89 * DAY, "snoozed"));
    let _orphan = fake.insert_conversation(conversation(&[], T0 - DAY, "open"));

    let client = strict(&fake, &clock);
    let syncer = Syncer::new(&client, SyncOptions::new().per_page(2));
    let seen = Arc::new(Mutex::new(Vec::<SyncProgress>::new()));
    let log = Arc::clone(&seen);
    let records: Vec<CustomerRecord> = syncer
        .full(move |p| log.lock().expect("log").push(p.clone()))
        .try_collect()
        .await?;

    assert_eq!(
        ids_of(&records),
        vec![
            (ada.clone(), vec![ada_recent.clone(), shared.clone()]),
            (bob.clone(), vec![shared.clone()]),
        ]
    );
    // The conversation search asked for the last 90 days, inclusive.
    let searches = posted(&fake, "/conversations/search").await;
    assert_eq!(
        searches.len(),
        2,
        "4 conversations in the window, 2 per page"
    );
    assert_eq!(
        searches[0]["query"],
        json!({"field": "updated_at", "operator": ">", "value": T0 - 90 * DAY - 1})
    );
    assert_eq!(searches[0]["pagination"]["per_page"], 2);

    let seen = seen.lock().expect("log").clone();
    let last = seen.last().expect("a final report");
    assert!(last.finished);
    assert_eq!(last.stage, SyncStage::Done);
    assert_eq!(
        (
            last.contacts,
            last.skipped_without_email,
            last.conversations
        ),
        (2, 1, 4)
    );
    // The lead's conversation and the one without a contact joined nobody.
    assert_eq!(last.unjoined_conversations, 2);
    assert_eq!(last.pages, 4, "2 conversation pages + 2 contact pages");
    assert_eq!(last.started_at, T0);
    assert_eq!(
        (last.rate_limit_waits, last.rate_limit_waited),
        (0, Duration::ZERO)
    );
    assert_eq!(last.rate_limit.map(|r| r.limit), Some(10_000));
    // One report per page, then the final one; pages only grow.
    assert_eq!(seen.len(), 5);
    assert!(seen.windows(2).all(|w| w[0].pages <= w[1].pages));
    assert!(seen[..4].iter().all(|p| !p.finished));
    assert_eq!(seen[0].stage, SyncStage::Conversations);
    assert_eq!(seen[2].stage, SyncStage::Contacts);
    Ok(())
}

#[tokio::test]
async fn full_sync_can_keep_contacts_without_email_and_narrow_the_window() -> TestResult {
    let clock = ManualClock::at(T0);
    let fake = fake_at(&clock).await;
    let lead = fake.insert_contact(contact(None, "lead-1", T0));
    let week = fake.insert_conversation(conversation(&[&lead], T0 - 6 * DAY, "open"));
    let _month = fake.insert_conversation(conversation(&[&lead], T0 - 20 * DAY, "open"));
    let client = strict(&fake, &clock);
    let options = SyncOptions::new()
        .skip_contacts_without_email(false)
        .conversation_days(7);
    let mut last = SyncProgress::default();
    let records: Vec<CustomerRecord> = Syncer::new(&client, options)
        .full(|p| last = p.clone())
        .try_collect()
        .await?;
    assert_eq!(ids_of(&records), vec![(lead, vec![week])]);
    assert_eq!((last.contacts, last.skipped_without_email), (1, 0));
    Ok(())
}

#[tokio::test]
async fn bad_options_fail_before_any_request() -> TestResult {
    let clock = ManualClock::at(T0);
    let fake = fake_at(&clock).await;
    let client = strict(&fake, &clock);
    let cases = [
        (SyncOptions::new().conversation_days(0), "conversation_days"),
        (SyncOptions::new().per_page(0), "per_page"),
        (SyncOptions::new().per_page(151), "per_page"),
    ];
    for (options, want) in cases {
        let syncer = Syncer::new(&client, options);
        let first = std::pin::pin!(syncer.full(|_| {})).next().await;
        assert!(
            matches!(&first, Some(Err(Error::InvalidInput { field, .. })) if field == want),
            "{first:?}"
        );
        let mut changes = std::pin::pin!(syncer.incremental(Checkpoint::since(T0), |_| {}));
        let first = changes.next().await;
        assert!(
            matches!(&first, Some(Err(Error::InvalidInput { field, .. })) if field == want),
            "{first:?}"
        );
        assert!(
            changes.next().await.is_none(),
            "the stream ends after the error"
        );
    }
    // A window that would end before it starts.
    let syncer = Syncer::new(&client, SyncOptions::new());
    let first = std::pin::pin!(syncer.incremental(Checkpoint::since(T0 + 60), |_| {}))
        .next()
        .await;
    assert!(
        matches!(&first, Some(Err(Error::InvalidInput { field, .. })) if field == "checkpoint.since"),
        "{first:?}"
    );
    assert!(fake.received_requests().await.is_empty());
    Ok(())
}

/// What an incremental consumer stores: records by id, and how many times
/// each was delivered; plus the last checkpoint it saved.
#[derive(Debug, Default)]
struct Store {
    contacts: BTreeMap<String, u32>,
    conversations: BTreeMap<String, u32>,
    checkpoint: Option<Checkpoint>,
}

impl Store {
    /// Consume changes until the stream ends or fails; records delivered
    /// after the last checkpoint are dropped (as a crash before the commit
    /// would), the checkpoint is saved after its records. `on_checkpoint`
    /// runs after each saved checkpoint, with how many were saved so far.
    async fn run(
        &mut self,
        syncer: &Syncer<'_>,
        from: Checkpoint,
        mut on_checkpoint: impl FnMut(usize),
    ) -> Result<(), Error> {
        let mut pending: Vec<Change> = Vec::new();
        let mut saved = 0;
        let mut changes = std::pin::pin!(syncer.incremental(from, |_| {}));
        while let Some(change) = changes.next().await {
            match change? {
                Change::Checkpoint(c) => {
                    for p in pending.drain(..) {
                        match p {
                            Change::Contact(x) => *self.contacts.entry(x.id).or_default() += 1,
                            Change::Conversation(x) => {
                                *self.conversations.entry(x.id).or_default() += 1
                            }
                            _ => {}
                        }
                    }
                    self.checkpoint = Some(c);
                    saved += 1;
                    on_checkpoint(saved);
                }
                other => pending.push(other),
            }
        }
        Ok(())
    }
}

#[tokio::test]
async fn incremental_sync_covers_its_window_and_hands_over_the_next_one() -> TestResult {
    let clock = ManualClock::at(T0);
    let fake = fake_at(&clock).await;
    let since = T0 - DAY;
    let _before = fake.insert_contact(contact(Some("old@example.com"), "old", since - 1));
    let at_since = fake.insert_contact(contact(Some("edge@example.com"), "edge", since));
    let inside = fake.insert_contact(contact(Some("in@example.com"), "in", T0 - 1));
    let _lead = fake.insert_contact(contact(None, "lead", T0 - 1));
    let _later = fake.insert_contact(contact(Some("later@example.com"), "later", T0));
    let conv_in = fake.insert_conversation(conversation(&[&inside], since + 5, "open"));
    let _conv_old = fake.insert_conversation(conversation(&[&inside], since - 5, "open"));

    let client = strict(&fake, &clock);
    let syncer = Syncer::new(&client, SyncOptions::new());
    let mut last = SyncProgress::default();
    let changes: Vec<Change> = syncer
        .incremental(Checkpoint::since(since), |p| last = p.clone())
        .try_collect()
        .await?;
    let shape: Vec<String> = changes
        .iter()
        .map(|c| match c {
            Change::Contact(x) => format!("contact {}", x.id),
            Change::Conversation(x) => format!("conversation {}", x.id),
            Change::Checkpoint(c) => format!("checkpoint {:?}", c.until_unix()),
            _ => "other".into(),
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            format!("contact {at_since}"),
            format!("contact {inside}"),
            format!("checkpoint {:?}", Some(T0)),
            format!("conversation {conv_in}"),
            "checkpoint None".to_owned(),
        ]
    );
    let Some(Change::Checkpoint(next)) = changes.last() else {
        return Err("no final checkpoint".into());
    };
    assert_eq!(next, &Checkpoint::since(T0));
    assert_eq!(serde_json::to_value(next)?, json!({"since": T0}));
    assert_eq!(
        (
            last.contacts,
            last.skipped_without_email,
            last.conversations,
            last.pages
        ),
        (2, 1, 1, 2)
    );
    assert!(last.finished);
    // The window is `since <= updated_at < T0`, with Intercom's operators.
    let window = json!({"operator": "AND", "value": [
        {"field": "updated_at", "operator": ">", "value": since - 1},
        {"field": "updated_at", "operator": "<", "value": T0},
    ]});
    assert_eq!(posted(&fake, "/contacts/search").await[0]["query"], window);
    assert_eq!(
        posted(&fake, "/conversations/search").await[0]["query"],
        window
    );

    // The next run sees exactly what changed since.
    clock.advance(Duration::from_secs(30));
    fake.insert_contact(contact(Some("new@example.com"), "new", T0 + 10));
    let again: Vec<Change> = syncer
        .incremental(next.clone(), |_| {})
        .try_collect()
        .await?;
    let contacts: Vec<_> = again
        .iter()
        .filter_map(|c| match c {
            Change::Contact(x) => x.email.clone(),
            _ => None,
        })
        .collect();
    // `later` (updated_at = T0) was outside the first window: it is here.
    assert_eq!(
        contacts,
        vec!["later@example.com".to_owned(), "new@example.com".to_owned()]
    );
    Ok(())
}

#[tokio::test]
async fn incremental_sync_resumes_after_interruptions_without_loss_or_duplicates() -> TestResult {
    let clock = ManualClock::at(T0);
    let fake = fake_at(&clock).await;
    let since = T0 - 30 * DAY;
    let mut want_contacts = BTreeSet::new();
    let mut want_conversations = BTreeSet::new();
    for k in 0..23_i64 {
        let email = format!("c{k}@example.com");
        let id = fake.insert_contact(contact(Some(&email), &format!("c{k}"), since + k * 3_600));
        want_contacts.insert(id.clone());
        for j in 0..2_i64 {
            let c = fake.insert_conversation(conversation(&[&id], since + k * 3_600 + j, "open"));
            want_conversations.insert(c);
        }
    }
    // Outside the window: never delivered.
    fake.insert_contact(contact(Some("old@example.com"), "old", since - 1));

    let client = strict(&fake, &clock);
    let syncer = Syncer::new(&client, SyncOptions::new().per_page(5));
    let mut store = Store::default();

    // Run 1: fails on the 4th contacts page (after 3 saved checkpoints).
    let err = store
        .run(&syncer, Checkpoint::since(since), |saved| {
            if saved == 3 {
                fake.inject(Fault::Status(500), 1);
            }
        })
        .await
        .expect_err("the injected 500");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    let saved = store.checkpoint.clone().ok_or("a checkpoint")?;
    assert!(saved.is_mid_run());
    assert_eq!(saved.until_unix(), Some(T0));
    assert_eq!(store.contacts.len(), 15);
    assert!(store.conversations.is_empty());
    // What gets persisted: the window, the stage and the next page's cursor.
    let persisted = serde_json::to_value(&saved)?;
    assert_eq!(persisted["since"], since);
    assert_eq!(persisted["run"]["until"], T0);
    assert_eq!(persisted["run"]["stage"], "contacts");
    assert_eq!(persisted["run"]["cursor"]["type"], "starting_after");
    // The saved checkpoint survives a round trip through storage.
    let saved: Checkpoint = serde_json::from_str(&serde_json::to_string(&saved)?)?;

    // Meanwhile a contact not synced yet changes: it falls out of this
    // run's window (updated_at >= until) and belongs to the next run.
    // (Not one already synced: the fake's contact search pages by offset,
    // unlike Intercom's keyset cursors, so that would shift its pages.)
    clock.advance(Duration::from_secs(60));
    let changed = want_contacts
        .iter()
        .find(|id| !store.contacts.contains_key(*id))
        .cloned()
        .ok_or("a contact not synced yet")?;
    client
        .contacts()
        .update(
            &changed,
            intercom_api::contacts::UpdateContact::new().name("Renamed"),
        )
        .await?;

    // Run 2: resumes, fails in the conversations (2nd page of them).
    let err = store
        .run(&syncer, saved, |saved| {
            if saved == 2 + 1 {
                fake.inject(Fault::Status(503), 1);
            }
        })
        .await
        .expect_err("the injected 503");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    let saved = store.checkpoint.clone().ok_or("a checkpoint")?;
    assert_eq!(saved.until_unix(), Some(T0), "still the first run's window");

    let mut want_now = want_contacts.clone();
    want_now.remove(&changed);
    // Run 3: resumes to the end.
    store.run(&syncer, saved, |_| {}).await?;
    assert_eq!(store.checkpoint, Some(Checkpoint::since(T0)));
    assert_eq!(
        store.contacts.keys().cloned().collect::<BTreeSet<_>>(),
        want_now
    );
    assert_eq!(
        store.conversations.keys().cloned().collect::<BTreeSet<_>>(),
        want_conversations
    );
    assert!(
        store.contacts.values().all(|n| *n == 1),
        "{:?}",
        store.contacts
    );
    assert!(store.conversations.values().all(|n| *n == 1));

    // The next run delivers the contact changed during the interruption.
    let next = store.checkpoint.clone().ok_or("a checkpoint")?;
    clock.advance(Duration::from_secs(1));
    let mut after = Store::default();
    after.run(&syncer, next, |_| {}).await?;
    assert_eq!(
        after.contacts.keys().cloned().collect::<Vec<_>>(),
        vec![changed]
    );
    assert!(after.conversations.is_empty());
    Ok(())
}

#[tokio::test]
async fn sync_waits_out_a_used_up_quota_and_reports_it() -> TestResult {
    let clock = ManualClock::at(T0);
    let fake = FakeIntercom::builder()
        .clock(clock.clone())
        .quota(2, Duration::from_secs(10))
        .start()
        .await;
    for k in 0..3 {
        let id = fake.insert_contact(contact(
            Some(&format!("q{k}@example.com")),
            &format!("q{k}"),
            T0,
        ));
        fake.insert_conversation(conversation(&[&id], T0 - DAY, "open"));
    }
    let client = strict(&fake, &clock);
    let mut last = SyncProgress::default();
    let records: Vec<CustomerRecord> = Syncer::new(&client, SyncOptions::new().per_page(2))
        .full(|p| last = p.clone())
        .try_collect()
        .await?;
    assert_eq!(records.len(), 3);
    // 4 requests, 2 per window: one wait, from T0 to the reset at T0 + 10 s
    // (plus the 50 ms margin); no 429 (the client does not retry).
    assert_eq!(last.pages, 4);
    assert_eq!(last.rate_limit_waits, 1);
    assert_eq!(last.rate_limit_waited, Duration::from_millis(10_050));
    assert_eq!(clock.sleeps(), vec![Duration::from_millis(10_050)]);
    assert_eq!(last.rate_limit.map(|r| r.remaining), Some(0));
    Ok(())
}

#[tokio::test]
async fn contacts_resolve_by_external_id_then_email_or_are_created() -> TestResult {
    let clock = ManualClock::at(T0);
    let fake = fake_at(&clock).await;
    let by_ext = fake.insert_contact(json!({"external_id": "u-1", "email": "one@example.com"}));
    let by_mail = fake.insert_contact(json!({"email": "two@example.com"}));
    let client = strict(&fake, &clock);
    let resolver = IdentityResolver::new(&client);

    let r = resolver
        .push_contact(CreateContact::with_external_id("u-1").name("One"))
        .await?;
    assert_eq!(r.resolution, Resolution::Matched(ContactRule::ExternalId));
    assert_eq!(
        (r.record.id.as_str(), r.record.name.as_deref()),
        (by_ext.as_str(), Some("One"))
    );

    let r = resolver
        .push_contact(
            CreateContact::with_external_id("u-2")
                .email("TWO@example.com")
                .name("Two"),
        )
        .await?;
    assert_eq!(r.resolution, Resolution::Matched(ContactRule::Email));
    assert_eq!(r.record.id, by_mail);
    assert_eq!(
        r.record.external_id.as_deref(),
        Some("u-2"),
        "the update sets the id"
    );

    let r = resolver
        .push_contact(CreateContact::with_email("three@example.com"))
        .await?;
    assert_eq!(r.resolution, Resolution::Created);
    assert_eq!(fake.contact_count(), 3);

    // The requests: one search per applicable rule, then the write.
    let searches = posted(&fake, "/contacts/search").await;
    let fields: Vec<&str> = searches
        .iter()
        .map(|b| b["query"]["field"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(fields, vec!["external_id", "external_id", "email", "email"]);
    assert_eq!(searches[2]["query"]["value"], "TWO@example.com");
    Ok(())
}

#[tokio::test]
async fn contact_rule_order_is_configurable() -> TestResult {
    let clock = ManualClock::at(T0);
    let fake = fake_at(&clock).await;
    let _has_ext = fake.insert_contact(json!({"external_id": "u-9", "email": "a@example.com"}));
    let has_mail = fake.insert_contact(json!({"email": "b@example.com"}));
    let client = strict(&fake, &clock);
    let resolver = IdentityResolver::new(&client).contact_rules([ContactRule::Email])?;
    let r = resolver
        .push_contact(CreateContact::with_email("b@example.com").external_id("u-9"))
        .await;
    // Email wins: contact `b` is updated, and taking u-9 conflicts.
    let err = r.expect_err("u-9 belongs to another contact");
    assert!(err.is_conflict(), "{err:?}");
    let resolver = IdentityResolver::new(&client)
        .contact_rules([ContactRule::Email, ContactRule::ExternalId])?;
    let r = resolver
        .push_contact(CreateContact::with_email("b@example.com").name("Bee"))
        .await?;
    assert_eq!(r.resolution, Resolution::Matched(ContactRule::Email));
    assert_eq!(r.record.id, has_mail);

    for bad in [vec![], vec![ContactRule::Email, ContactRule::Email]] {
        let err = IdentityResolver::new(&client)
            .contact_rules(bad)
            .expect_err("refused");
        assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "contact_rules"));
    }
    let err = IdentityResolver::new(&client)
        .company_rules([])
        .expect_err("refused");
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "company_rules"));
    Ok(())
}

#[tokio::test]
async fn companies_resolve_by_company_id_domain_then_name_or_are_created() -> TestResult {
    let clock = ManualClock::at(T0);
    let fake = fake_at(&clock).await;
    let acme = fake.insert_company(
        json!({"company_id": "acme-1", "name": "Acme", "website": "https://acme.com"}),
    );
    let globex = fake.insert_company(
        json!({"company_id": "gx", "name": "Globex", "website": "https://www.globex.io/home"}),
    );
    let initech = fake.insert_company(json!({"company_id": "in-7", "name": "Initech"}));
    let client = strict(&fake, &clock);
    let resolver = IdentityResolver::new(&client);

    let r = resolver
        .push_company(CreateOrUpdateCompany::new("acme-1").plan("pro"))
        .await?;
    assert_eq!(r.resolution, Resolution::Matched(CompanyRule::CompanyId));
    assert_eq!(r.record.id, acme);
    assert_eq!(r.record.plan.and_then(|p| p.name).as_deref(), Some("pro"));

    let r = resolver
        .push_company(
            CreateOrUpdateCompany::new("globex-crm-77")
                .website("http://GLOBEX.io")
                .size(40),
        )
        .await?;
    assert_eq!(r.resolution, Resolution::Matched(CompanyRule::Domain));
    assert_eq!(r.record.id, globex);
    assert_eq!(
        r.record.company_id.as_deref(),
        Some("gx"),
        "company_id never changes"
    );
    assert_eq!(r.record.size, Some(40));

    let r = resolver
        .push_company(
            CreateOrUpdateCompany::new("initech-2")
                .name("INITECH")
                .industry("Software"),
        )
        .await?;
    assert_eq!(r.resolution, Resolution::Matched(CompanyRule::Name));
    assert_eq!(r.record.id, initech);
    assert_eq!(r.record.industry.as_deref(), Some("Software"));

    let r = resolver
        .push_company(
            CreateOrUpdateCompany::new("hooli")
                .name("Hooli")
                .website("hooli.com"),
        )
        .await?;
    assert_eq!(r.resolution, Resolution::Created);
    assert_eq!(fake.company_count(), 4);
    // The new company joins the domain index: no second scroll.
    let r = resolver
        .push_company(CreateOrUpdateCompany::new("hooli-2").website("https://www.hooli.com"))
        .await?;
    assert_eq!(r.resolution, Resolution::Matched(CompanyRule::Domain));
    let scrolls = fake
        .received_requests()
        .await
        .iter()
        .filter(|r| r.url.path() == "/companies/scroll" && r.url.query().is_none())
        .count();
    assert_eq!(scrolls, 1);
    assert_eq!(fake.company_count(), 4);
    Ok(())
}

#[tokio::test]
async fn fake_conversations_list_search_and_get() -> TestResult {
    let clock = ManualClock::at(T0);
    let fake = fake_at(&clock).await;
    let made = fake.seed_workspace(&WorkspaceSeed::new().contacts(40).conversations(330).seed(3));
    let client = strict(&fake, &clock);

    let listed: Vec<String> = client
        .conversations()
        .list()
        .per_page(150)
        .items()
        .map_ok(|c| c.id)
        .try_collect()
        .await?;
    assert_eq!(listed, made.conversation_ids, "each once, in order");

    let open_in_fake = fake
        .conversations()
        .iter()
        .filter(|c| c["state"] == "open")
        .count();
    let open: Vec<_> = client
        .conversations()
        .search(field("state").eq("open"))
        .per_page(7)
        .items()
        .try_collect()
        .await?;
    assert_eq!(open.len(), open_in_fake);
    assert!(
        open.iter()
            .all(|c| c.state == Some(ConversationState::Open))
    );

    let one = client
        .conversations()
        .get(&made.conversation_ids[0])
        .await?;
    assert!(one.statistics.is_some());
    assert_eq!(one.contacts.len(), 1);
    let err = client.conversations().get("42").await.expect_err("unknown");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));

    let by_id = client
        .companies()
        .get_by_company_id("company-1")
        .await?
        .company;
    assert_eq!(by_id.name.as_deref(), Some("Company 1"));
    let by_name = client.companies().find_by_name("company 2").await?.company;
    assert_eq!(by_name.company_id.as_deref(), Some("company-2"));
    let err = client.companies().get("nope").await.expect_err("unknown");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    Ok(())
}

#[tokio::test]
async fn seeded_workspace_is_realistic_and_reproducible() -> TestResult {
    let clock = ManualClock::at(T0);
    let fake = fake_at(&clock).await;
    let made = fake.seed_workspace(&WorkspaceSeed::new());
    assert_eq!(
        (made.contact_ids.len(), made.conversation_ids.len()),
        (1_000, 5_000)
    );
    assert_eq!(made.contacts_without_email, 100);
    let convs = fake.conversations();
    let count = |state: &str| convs.iter().filter(|c| c["state"] == state).count();
    let (open, closed, snoozed) = (count("open"), count("closed"), count("snoozed"));
    assert_eq!(open + closed + snoozed, 5_000);
    assert!(
        open > 1_000 && closed > 2_000 && snoozed > 200,
        "{open} {closed} {snoozed}"
    );
    let reply_times: BTreeSet<i64> = convs
        .iter()
        .filter_map(|c| c["statistics"]["time_to_admin_reply"].as_i64())
        .collect();
    assert!(reply_times.len() > 1_000, "varied statistics");
    assert!(
        convs
            .iter()
            .any(|c| c["statistics"]["count_reopens"].as_i64() >= Some(3))
    );
    let recent = convs
        .iter()
        .filter(|c| c["updated_at"].as_i64() >= Some(T0 - 90 * DAY))
        .count();
    assert!(
        (2_000..3_000).contains(&recent),
        "about half in 90 days: {recent}"
    );

    // The same seed, the same workspace (ids aside).
    let other = fake_at(&clock).await;
    other.seed_workspace(&WorkspaceSeed::new());
    let shape = |f: &FakeIntercom| -> Vec<(Value, Value)> {
        f.conversations()
            .iter()
            .map(|c| (c["state"].clone(), c["statistics"].clone()))
            .collect()
    };
    assert_eq!(shape(&fake), shape(&other));

    // A full sync of it: every contact with email, joined.
    let client = strict(&fake, &clock);
    let mut last = SyncProgress::default();
    let records: Vec<CustomerRecord> = Syncer::new(&client, SyncOptions::new())
        .full(|p| last = p.clone())
        .try_collect()
        .await?;
    assert_eq!(records.len(), 900);
    assert_eq!(last.skipped_without_email, 100);
    assert_eq!(last.conversations as usize, recent);
    let joined: usize = records.iter().map(|r| r.conversations.len()).sum();
    assert_eq!(
        joined as u64 + last.unjoined_conversations,
        last.conversations
    );
    Ok(())
}

/// The records a full sync delivers are what the health scorer takes.
#[cfg(feature = "health")]
#[tokio::test]
async fn full_sync_records_feed_the_health_scorer() -> TestResult {
    use intercom_api::health::{HealthScorer, Signals};
    let clock = ManualClock::at(T0);
    let fake = fake_at(&clock).await;
    fake.seed_workspace(
        &WorkspaceSeed::new()
            .contacts(120)
            .conversations(400)
            .seed(9),
    );
    let client = strict(&fake, &clock);
    let records: Vec<CustomerRecord> = Syncer::new(&client, SyncOptions::new())
        .full(|_| {})
        .try_collect()
        .await?;
    let scorer = HealthScorer::default();
    let now = clock.now();
    let window = scorer.config().recent_window;
    let mut scored = 0;
    for r in &records {
        let signals = Signals::from_intercom(&r.contact, &r.conversations, now, window);
        let score = scorer.score(&signals, now);
        // A score exactly when the contact has conversations in the window.
        assert_eq!(
            score.is_some(),
            !r.conversations.is_empty(),
            "{}",
            r.contact.id
        );
        scored += usize::from(score.is_some());
    }
    assert!(
        scored > 50 && scored < records.len(),
        "{scored} of {}",
        records.len()
    );
    Ok(())
}
