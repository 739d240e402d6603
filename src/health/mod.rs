//! Customer health scores from Intercom support signals (feature `health`).
//!
//! A score from 0 to 100 per contact, as the PulseScore integration guide
//! defines it, from five factors:
//!
//! | factor | from | default weight |
//! |---|---|---|
//! | [support recency](Factor::SupportRecency) | contact `last_seen_at`, latest conversation `updated_at` | 20% |
//! | [open tickets](Factor::OpenTickets) | open work: conversations with `state = open` plus tickets not closed or resolved ([what counts](Signals#open-work)) | 25% |
//! | [resolution time](Factor::ResolutionTime) | `statistics.time_to_last_close` over recent conversations | 20% |
//! | [reopen rate](Factor::ReopenRate) | `statistics.count_reopens` over recent conversations | 20% |
//! | [response rate](Factor::ResponseRate) | contact `last_replied_at` relative to the latest conversation | 15% |
//!
//! and three [bands](Band): 70–100 healthy, 40–69 at risk, 0–39 critical.
//! Weights, bands, the recent window (30 days) and each factor's
//! [`Curve`] are configurable in [`HealthConfig`]; [`HealthScorer::new`]
//! refuses a bad configuration with an error naming the field.
//!
//! - [`Signals`] is the plain input: build it by hand or from a
//!   [`Contact`](crate::contacts::Contact) and its
//!   [`Conversation`](crate::resources::conversations::Conversation)s with
//!   [`Signals::from_intercom`].
//! - [`HealthScorer::score`] gives a [`HealthScore`] with a per-factor
//!   breakdown (raw value, factor score, weight, contribution), or `None`
//!   for a contact without conversations or tickets: never a made-up number.
//! - [`HealthScorer::score_batch`] scores a whole workspace into a buffer you
//!   own, without allocating.
//! - [`HealthTracker`] keeps per-contact signals up to date from verified
//!   webhook notifications (contact, conversation and ticket topics) and
//!   reports score and band changes.
//!
//! "Now" is always an argument (or, for the tracker, a [`Clock`](crate::Clock)),
//! so scores are reproducible.
//!
//! ```
//! use intercom_api::health::{Band, HealthScorer, Signals};
//! use std::time::{Duration, UNIX_EPOCH};
//!
//! let t = 1_750_000_000;
//! let now = UNIX_EPOCH + Duration::from_secs(t as u64);
//! let day = 86_400;
//! // Last seen 30 days ago, 4 open, 72 h average resolution, 3 reopens.
//! let struggling = Signals::default()
//!     .conversations(6)
//!     .open_conversations(4)
//!     .last_seen_at(t - 30 * day)
//!     .last_conversation_at(t - 30 * day)
//!     .avg_resolution_secs(72 * 3600)
//!     .recent_reopens(3);
//! let score = HealthScorer::default().score(&struggling, now);
//! assert_eq!(score.map(|s| s.band), Some(Band::Critical));
//! ```

mod config;
mod score;
mod signals;
mod tracker;

pub use config::{Band, Bands, Curve, Curves, Factor, HealthConfig, MAX_CURVE_POINTS, Weights};
pub use score::{BatchSummary, FactorScore, HealthScore, HealthScorer, Rating};
pub use signals::Signals;
pub use tracker::{HealthChange, HealthTracker};
