//! [`HealthScorer`]: signals in, score, band and breakdown out.

use std::fmt;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::config::{Band, Factor, HealthConfig};
use super::signals::{Signals, unix_secs};
use crate::error::Error;

const SECS_PER_HOUR: f64 = 3600.0;
const SECS_PER_DAY: f64 = 86_400.0;

/// A score and its band, without the breakdown: what batch scoring and
/// [`HealthChange`](super::HealthChange) carry.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Rating {
    /// 0–100, not rounded.
    pub score: f64,
    /// The band of `score`.
    pub band: Band,
}

/// One factor's part in a score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct FactorScore {
    /// Which factor.
    pub factor: Factor,
    /// The raw signal in [`Factor::unit`]; `None` when unknown (no
    /// `last_replied_at`, no recent resolved conversation, ...).
    pub raw: Option<f64>,
    /// The curve's value for `raw`, 0–100; `None` when `raw` is.
    pub score: Option<f64>,
    /// The configured weight (percent).
    pub weight: f64,
    /// The weight actually applied (percent): the configured weight scaled so
    /// that the weights of the known factors sum to 100; 0 for an unknown
    /// factor.
    pub effective_weight: f64,
    /// `score * effective_weight / 100`: the points this factor adds. The
    /// contributions sum to the total score (up to rounding).
    pub contribution: f64,
}

/// A health score with its breakdown.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct HealthScore {
    /// 0–100, not rounded: the sum of the factors' contributions. Always
    /// equal to what [`HealthScorer::rate`] gives for the same input.
    pub score: f64,
    /// The band of `score`.
    pub band: Band,
    /// One entry per factor, in the order of [`Factor::ALL`].
    pub factors: [FactorScore; 5],
}

impl HealthScore {
    /// The score and band without the breakdown.
    pub fn rating(&self) -> Rating {
        Rating {
            score: self.score,
            band: self.band,
        }
    }

    /// The breakdown of one factor.
    pub fn factor(&self, factor: Factor) -> &FactorScore {
        &self.factors[factor.index()]
    }
}

/// A readable explanation: the score and band, then one line per factor with
/// its raw value, factor score, configured and effective weight, and points:
///
/// ```text
/// 79 (healthy)
///   support_recency   raw 2.00 days              score  96.7  weight 20% (20.0%)  +19.3
///   open_tickets      raw 1.00 open items        score  75.0  weight 25% (25.0%)  +18.8
///   resolution_time   raw 4.00 hours             score  90.0  weight 20% (20.0%)  +18.0
///   reopen_rate       raw 1.00 reopens           score  70.0  weight 20% (20.0%)  +14.0
///   response_rate     raw 72.00 hours            score  60.0  weight 15% (15.0%)  +9.0
/// ```
impl fmt::Display for HealthScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:.0} ({})", self.score, self.band)?;
        for fs in &self.factors {
            let raw = match fs.raw {
                Some(r) => format!("{r:.2} {}", fs.factor.unit()),
                None => "unknown".to_owned(),
            };
            let score = fs
                .score
                .map_or_else(|| "-".to_owned(), |s| format!("{s:.1}"));
            writeln!(
                f,
                "  {:<16}  raw {:<22} score {:>5}  weight {}% ({:.1}%)  +{:.1}",
                fs.factor.as_str(),
                raw,
                score,
                fs.weight,
                fs.effective_weight,
                fs.contribution
            )?;
        }
        Ok(())
    }
}

/// Counts from [`HealthScorer::score_batch`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct BatchSummary {
    /// Contacts with a score.
    pub scored: usize,
    /// Contacts without one (no conversation or ticket).
    pub unscored: usize,
    /// Of the scored, healthy ones.
    pub healthy: usize,
    /// Of the scored, at-risk ones.
    pub at_risk: usize,
    /// Of the scored, critical ones.
    pub critical: usize,
}

/// Scores [`Signals`] with a validated [`HealthConfig`]. Cheap to copy and
/// share; scoring never allocates.
///
/// ## How a score is computed
///
/// 1. Each factor's raw value is taken from the signals, as of `now`:
///    - support recency: days since the later of `last_seen_at` and
///      `last_conversation_at` (0 if in the future); unknown if both are
///      missing;
///    - open tickets: open work, `open_conversations + open_tickets` (see
///      [`Signals`] for what counts as open);
///    - resolution time: `avg_resolution_secs` in hours; unknown when `None`;
///    - reopen rate: `recent_reopens`;
///    - response rate: hours by which `last_replied_at` trails
///      `last_conversation_at` (0 when the contact replied last); unknown
///      when either is missing.
/// 2. Its curve maps it to 0–100. Every curve is non-increasing, so a worse
///    signal never raises a factor score.
/// 3. The score is the weighted sum. An unknown factor is left out and the
///    other weights are scaled up to sum to 100, rather than guessing a value.
/// 4. A contact with no conversation and no ticket, or whose known factors all have weight
///    0, has no score (`None`).
///
/// ```
/// use intercom_api::health::{Band, HealthScorer, Signals};
/// use std::time::{Duration, UNIX_EPOCH};
///
/// let now = UNIX_EPOCH + Duration::from_secs(1_750_000_000);
/// let t = 1_750_000_000;
/// let signals = Signals::default()
///     .conversations(5)
///     .last_seen_at(t - 86_400)
///     .last_conversation_at(t - 86_400)
///     .last_replied_at(t - 86_400)
///     .avg_resolution_secs(4 * 3600);
/// let score = HealthScorer::default().score(&signals, now);
/// assert_eq!(score.map(|s| s.band), Some(Band::Healthy));
/// assert!(HealthScorer::default().score(&Signals::default(), now).is_none());
/// if let Some(score) = score {
///     println!("{score}"); // the breakdown, one line per factor
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HealthScorer {
    config: HealthConfig,
    weights: [f64; 5],
}

impl Default for HealthScorer {
    /// The PulseScore defaults (see [`HealthConfig::default`]).
    fn default() -> Self {
        let config = HealthConfig::default();
        HealthScorer {
            weights: config.weights.as_array(),
            config,
        }
    }
}

impl HealthScorer {
    /// A scorer for `config`.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the bad field, as
    /// [`HealthConfig::validate`].
    pub fn new(config: HealthConfig) -> Result<Self, Error> {
        config.validate()?;
        Ok(HealthScorer {
            weights: config.weights.as_array(),
            config,
        })
    }

    /// The configuration.
    pub fn config(&self) -> &HealthConfig {
        &self.config
    }

    #[inline]
    fn raws(signals: &Signals, now: i64) -> [Option<f64>; 5] {
        let activity = match (signals.last_seen_at, signals.last_conversation_at) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let recency = activity.map(|at| (now.saturating_sub(at) as f64 / SECS_PER_DAY).max(0.0));
        let resolution = signals
            .avg_resolution_secs
            .map(|s| s as f64 / SECS_PER_HOUR);
        let response = match (signals.last_conversation_at, signals.last_replied_at) {
            (Some(conv), Some(replied)) => {
                Some((conv.saturating_sub(replied) as f64 / SECS_PER_HOUR).max(0.0))
            }
            _ => None,
        };
        [
            recency,
            Some(f64::from(signals.open_work())),
            resolution,
            Some(f64::from(signals.recent_reopens)),
            response,
        ]
    }

    /// Factor scores and the total weight of the known factors.
    #[inline]
    fn factor_scores(&self, raws: &[Option<f64>; 5]) -> ([Option<f64>; 5], f64) {
        let curves = &self.config.curves;
        let mut scores = [None; 5];
        let mut known_weight = 0.0;
        for (i, factor) in Factor::ALL.iter().enumerate() {
            if let Some(raw) = raws[i] {
                scores[i] = Some(curves.get(*factor).eval(raw));
                known_weight += self.weights[i];
            }
        }
        (scores, known_weight)
    }

    /// Score and band only, without the breakdown: the hot path of batch
    /// scoring. `None` exactly when [`score`](Self::score) is.
    #[inline]
    pub fn rate(&self, signals: &Signals, now: SystemTime) -> Option<Rating> {
        self.rate_unix(signals, unix_secs(now))
    }

    #[inline]
    pub(crate) fn rate_unix(&self, signals: &Signals, now: i64) -> Option<Rating> {
        if !signals.has_support_history() {
            return None;
        }
        let raws = Self::raws(signals, now);
        let (scores, known_weight) = self.factor_scores(&raws);
        if known_weight <= 0.0 {
            return None;
        }
        let mut sum = 0.0;
        for (score, w) in scores.iter().zip(self.weights) {
            if let Some(s) = score {
                sum += s * w;
            }
        }
        let score = (sum / known_weight).clamp(0.0, 100.0);
        Some(Rating {
            score,
            band: self.config.bands.band(score),
        })
    }

    /// The score of one contact with its breakdown, as of `now`; `None` for
    /// a contact with no conversation and no ticket (see the type's docs).
    pub fn score(&self, signals: &Signals, now: SystemTime) -> Option<HealthScore> {
        if !signals.has_support_history() {
            return None;
        }
        let raws = Self::raws(signals, unix_secs(now));
        let (scores, known_weight) = self.factor_scores(&raws);
        if known_weight <= 0.0 {
            return None;
        }
        // The same arithmetic as `rate_unix`, so both give the same bits.
        let mut weighted = 0.0;
        let factors = Factor::ALL.map(|factor| {
            let i = factor.index();
            let weight = self.weights[i];
            let (effective_weight, contribution) = match scores[i] {
                Some(s) => {
                    weighted += s * weight;
                    (weight * 100.0 / known_weight, s * weight / known_weight)
                }
                None => (0.0, 0.0),
            };
            FactorScore {
                factor,
                raw: raws[i],
                score: scores[i],
                weight,
                effective_weight,
                contribution,
            }
        });
        let score = (weighted / known_weight).clamp(0.0, 100.0);
        Some(HealthScore {
            score,
            band: self.config.bands.band(score),
            factors,
        })
    }

    /// Score a batch into a buffer the caller owns: `out[i]` gets the rating
    /// of `signals[i]`. Nothing is allocated.
    ///
    /// ```
    /// use intercom_api::health::{HealthScorer, Rating, Signals};
    /// # fn main() -> Result<(), intercom_api::Error> {
    /// let workspace: Vec<Signals> = vec![Signals::default(); 1000];
    /// let mut ratings: Vec<Option<Rating>> = vec![None; workspace.len()];
    /// let summary = HealthScorer::default()
    ///     .score_batch(&workspace, std::time::SystemTime::now(), &mut ratings)?;
    /// assert_eq!(summary.unscored, 1000);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for field `out` when it is not as long as
    /// `signals` (nothing is written then).
    pub fn score_batch(
        &self,
        signals: &[Signals],
        now: SystemTime,
        out: &mut [Option<Rating>],
    ) -> Result<BatchSummary, Error> {
        if out.len() != signals.len() {
            return Err(Error::invalid(
                "out",
                format!(
                    "has {} slots for {} signals; they must be the same length",
                    out.len(),
                    signals.len()
                ),
            ));
        }
        let now = unix_secs(now);
        let mut summary = BatchSummary::default();
        for (slot, s) in out.iter_mut().zip(signals) {
            let rating = self.rate_unix(s, now);
            match rating {
                None => summary.unscored += 1,
                Some(r) => {
                    summary.scored += 1;
                    match r.band {
                        Band::Healthy => summary.healthy += 1,
                        Band::AtRisk => summary.at_risk += 1,
                        Band::Critical => summary.critical += 1,
                    }
                }
            }
            *slot = rating;
        }
        Ok(summary)
    }

    /// Score any iterator of signals into `out`, which is cleared first.
    /// Reuse `out` across calls and nothing is allocated once its capacity
    /// suffices.
    pub fn score_into<'a, I>(&self, signals: I, now: SystemTime, out: &mut Vec<Option<Rating>>)
    where
        I: IntoIterator<Item = &'a Signals>,
    {
        let now = unix_secs(now);
        out.clear();
        out.extend(signals.into_iter().map(|s| self.rate_unix(s, now)));
    }
}
