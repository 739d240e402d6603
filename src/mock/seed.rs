//! Synthetic workspaces for [`FakeIntercom::seed_workspace`](super::FakeIntercom::seed_workspace):
//! companies, contacts and conversations made from a deterministic stream,
//! so the same seed always gives the same workspace.

use serde_json::{Map, Value, json};

/// What [`FakeIntercom::seed_workspace`](super::FakeIntercom::seed_workspace)
/// creates: a realistic workspace, reproducible from `seed`.
///
/// ```
/// use intercom_api::mock::WorkspaceSeed;
/// let seed = WorkspaceSeed::new().contacts(1_000).conversations(5_000).seed(7);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct WorkspaceSeed {
    /// Contacts to create (default 1,000).
    pub contacts: usize,
    /// Conversations to create (default 5,000).
    pub conversations: usize,
    /// Companies to create and spread the contacts over (default 50).
    pub companies: usize,
    /// One contact in this many has no email (a lead known by device only;
    /// default 10; 0 means every contact has one).
    pub without_email_every: usize,
    /// Conversations are updated within this many days before now
    /// (default 180, so a 90-day window sees about half of them).
    pub history_days: u32,
    /// The generator's seed: the same seed makes the same workspace.
    pub seed: u64,
}

impl Default for WorkspaceSeed {
    fn default() -> Self {
        WorkspaceSeed {
            contacts: 1_000,
            conversations: 5_000,
            companies: 50,
            without_email_every: 10,
            history_days: 180,
            seed: 1,
        }
    }
}

impl WorkspaceSeed {
    /// The defaults: 1,000 contacts, 5,000 conversations, 50 companies.
    pub fn new() -> Self {
        WorkspaceSeed::default()
    }
    /// Contacts to create.
    pub fn contacts(mut self, n: usize) -> Self {
        self.contacts = n;
        self
    }
    /// Conversations to create.
    pub fn conversations(mut self, n: usize) -> Self {
        self.conversations = n;
        self
    }
    /// Companies to create.
    pub fn companies(mut self, n: usize) -> Self {
        self.companies = n;
        self
    }
    /// One contact in `n` has no email (0: all have one).
    pub fn without_email_every(mut self, n: usize) -> Self {
        self.without_email_every = n;
        self
    }
    /// Spread conversation updates over this many days before now.
    pub fn history_days(mut self, days: u32) -> Self {
        self.history_days = days;
        self
    }
    /// The generator's seed.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }
}

/// What [`FakeIntercom::seed_workspace`](super::FakeIntercom::seed_workspace)
/// created, in creation order.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct SeededWorkspace {
    /// The contacts' ids.
    pub contact_ids: Vec<String>,
    /// The conversations' ids.
    pub conversation_ids: Vec<String>,
    /// The companies' Intercom ids.
    pub company_ids: Vec<String>,
    /// How many contacts have no email.
    pub contacts_without_email: usize,
}

/// A deterministic splitmix64 stream for seeding.
#[derive(Debug)]
pub(crate) struct SeedRng(u64);

impl SeedRng {
    pub(crate) fn new(seed: u64) -> Self {
        SeedRng(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
    /// `true` with probability `percent` / 100.
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const PLANS: &[&str] = &["free", "starter", "pro", "enterprise"];
const INDUSTRIES: &[&str] = &["Software", "Retail", "Finance", "Health", "Education"];

/// The `POST /companies` body of seeded company `k`.
pub(crate) fn synthetic_company(k: usize, rng: &mut SeedRng) -> Map<String, Value> {
    let plan = PLANS[rng.below(PLANS.len() as u64) as usize];
    let body = json!({
        "company_id": format!("company-{k}"),
        "name": format!("Company {k}"),
        "website": format!("https://company{k}.example.com"),
        "industry": INDUSTRIES[rng.below(INDUSTRIES.len() as u64) as usize],
        "plan": plan,
        "size": 5 + rng.below(500) as i64,
        "monthly_spend": 50 + rng.below(5_000) as i64,
    });
    match body {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// The fields of seeded contact `k` (over a default contact).
pub(crate) fn synthetic_contact(
    k: usize,
    has_email: bool,
    company: Option<(&str, &str)>,
    now: i64,
    rng: &mut SeedRng,
) -> Value {
    let day = 86_400;
    let created = now - (30 + rng.below(700) as i64) * day;
    // Most contacts were seen recently, a tail has gone quiet.
    let last_seen = if rng.chance(75) {
        now - rng.below(14 * day as u64) as i64
    } else {
        now - (30 + rng.below(200) as i64) * day
    };
    let mut c = json!({
        "role": if has_email { "user" } else { "lead" },
        "external_id": if has_email { json!(format!("user-{k}")) } else { Value::Null },
        "email": if has_email { json!(format!("user{k}@company.example.com")) } else { Value::Null },
        "name": format!("Customer {k}"),
        "created_at": created,
        "signed_up_at": created,
        "updated_at": created + rng.below((now - created).max(1) as u64) as i64,
        "last_seen_at": last_seen,
        // Most contacts answered recently; some went silent, some never wrote.
        "last_replied_at": match rng.below(10) {
            0..=5 => json!(now - rng.below(7 * day as u64) as i64),
            6..=8 => json!(now - (7 + rng.below(80)) as i64 * day),
            _ => Value::Null,
        },
        "custom_attributes": {
            "plan": PLANS[rng.below(PLANS.len() as u64) as usize],
            "seats": 1 + rng.below(50),
        },
    });
    if let Some((id, name)) = company {
        c["companies"] = json!({
            "type": "list",
            "data": [{"type": "company", "id": id, "name": name}],
            "total_count": 1,
            "has_more": false,
        });
    }
    c
}

/// The fields of seeded conversation `k` with contact `(id, external_id)`.
pub(crate) fn synthetic_conversation(
    contact: (&str, Option<&str>),
    history_days: u32,
    now: i64,
    rng: &mut SeedRng,
) -> Value {
    let day = 86_400_i64;
    let updated = now - rng.below(u64::from(history_days.max(1)) * day as u64) as i64;
    let created = updated - rng.below(20 * day as u64) as i64;
    let state = match rng.below(10) {
        0..=5 => "closed",
        6..=8 => "open",
        _ => "snoozed",
    };
    // Replies from minutes to two days; a slow tail.
    let first_reply = if rng.chance(80) {
        60 + rng.below(3_600) as i64
    } else {
        3_600 + rng.below(2 * day as u64) as i64
    };
    let closed = state == "closed";
    let close_time = first_reply + rng.below(3 * day as u64) as i64;
    let reopens = match rng.below(20) {
        0..=14 => 0,
        15..=17 => 1,
        18 => 2,
        _ => 3 + rng.below(3) as i64,
    };
    let rating = rng
        .chance(30)
        .then(|| json!({"rating": 1 + rng.below(5) as i64, "created_at": updated}));
    json!({
        "created_at": created,
        "updated_at": updated,
        "state": state,
        "read": rng.chance(70),
        "priority": if rng.chance(10) { "priority" } else { "not_priority" },
        "waiting_since": if state == "open" && rng.chance(50) { json!(updated) } else { Value::Null },
        "snoozed_until": if state == "snoozed" { json!(now + rng.below(3 * day as u64) as i64) } else { Value::Null },
        "title": null,
        "conversation_rating": rating,
        "contacts": {"type": "contact.list", "contacts": [
            {"type": "contact", "id": contact.0, "external_id": contact.1}
        ]},
        "statistics": {
            "type": "conversation_statistics",
            "time_to_assignment": 0,
            "time_to_admin_reply": first_reply,
            "time_to_first_close": if closed { json!(close_time) } else { Value::Null },
            "time_to_last_close": if closed { json!(close_time + reopens * 3_600) } else { Value::Null },
            "median_time_to_reply": first_reply / 2 + 30,
            "first_contact_reply_at": created,
            "first_admin_reply_at": created + first_reply,
            "first_close_at": if closed { json!(created + close_time) } else { Value::Null },
            "last_contact_reply_at": updated,
            "last_close_at": if closed { json!(updated) } else { Value::Null },
            "count_reopens": reopens,
            "count_assignments": 1 + rng.below(3) as i64,
            "count_conversation_parts": 2 + rng.below(30) as i64,
        },
    })
}
