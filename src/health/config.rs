//! Weights, bands, curves and the recent window: everything a score depends on
//! besides the [`Signals`](super::Signals) themselves.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Tolerance when checking that the weights sum to 100.
const WEIGHT_SUM_TOLERANCE: f64 = 1e-6;

/// One of the five factors of a health score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Factor {
    /// Days since the contact was last active: the later of the contact's
    /// `last_seen_at` and the latest conversation's `updated_at`.
    SupportRecency,
    /// Open work: conversations with `state = open` plus tickets neither
    /// closed nor resolved (see [`Signals`](super::Signals) for what counts).
    OpenTickets,
    /// Average `statistics.time_to_last_close` over recent conversations, in hours.
    ResolutionTime,
    /// Sum of `statistics.count_reopens` over recent conversations.
    ReopenRate,
    /// Hours between the latest conversation's `updated_at` and the contact's
    /// `last_replied_at` (0 when the contact replied last).
    ResponseRate,
}

impl Factor {
    /// The five factors, in the order of [`HealthScore::factors`](super::HealthScore::factors).
    pub const ALL: [Factor; 5] = [
        Factor::SupportRecency,
        Factor::OpenTickets,
        Factor::ResolutionTime,
        Factor::ReopenRate,
        Factor::ResponseRate,
    ];

    /// A stable snake_case name: `support_recency`, `open_tickets`,
    /// `resolution_time`, `reopen_rate`, `response_rate`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Factor::SupportRecency => "support_recency",
            Factor::OpenTickets => "open_tickets",
            Factor::ResolutionTime => "resolution_time",
            Factor::ReopenRate => "reopen_rate",
            Factor::ResponseRate => "response_rate",
        }
    }

    /// The unit of the factor's raw value (the x axis of its [`Curve`]).
    pub fn unit(&self) -> &'static str {
        match self {
            Factor::SupportRecency => "days",
            Factor::OpenTickets => "open items",
            Factor::ResolutionTime => "hours",
            Factor::ReopenRate => "reopens",
            Factor::ResponseRate => "hours",
        }
    }

    pub(crate) fn index(self) -> usize {
        match self {
            Factor::SupportRecency => 0,
            Factor::OpenTickets => 1,
            Factor::ResolutionTime => 2,
            Factor::ReopenRate => 3,
            Factor::ResponseRate => 4,
        }
    }
}

impl fmt::Display for Factor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A risk band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Band {
    /// Below [`Bands::at_risk_min`] (default: 0–39).
    Critical,
    /// From [`Bands::at_risk_min`] to below [`Bands::healthy_min`] (default: 40–69).
    AtRisk,
    /// [`Bands::healthy_min`] and above (default: 70–100).
    Healthy,
}

impl Band {
    /// `healthy`, `at_risk` or `critical`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Band::Healthy => "healthy",
            Band::AtRisk => "at_risk",
            Band::Critical => "critical",
        }
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Factor weights in percent. They must be finite, non-negative and sum to 100.
///
/// The default is the PulseScore guide's: 20 / 25 / 20 / 20 / 15.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Weights {
    /// [`Factor::SupportRecency`]; default 20.
    pub support_recency: f64,
    /// [`Factor::OpenTickets`]; default 25.
    pub open_tickets: f64,
    /// [`Factor::ResolutionTime`]; default 20.
    pub resolution_time: f64,
    /// [`Factor::ReopenRate`]; default 20.
    pub reopen_rate: f64,
    /// [`Factor::ResponseRate`]; default 15.
    pub response_rate: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            support_recency: 20.0,
            open_tickets: 25.0,
            resolution_time: 20.0,
            reopen_rate: 20.0,
            response_rate: 15.0,
        }
    }
}

impl Weights {
    /// Weights in the order of [`Factor::ALL`].
    ///
    /// ```
    /// use intercom_api::health::Weights;
    /// let w = Weights::new(30.0, 30.0, 20.0, 10.0, 10.0);
    /// assert_eq!(w.get(intercom_api::health::Factor::OpenTickets), 30.0);
    /// ```
    pub fn new(
        support_recency: f64,
        open_tickets: f64,
        resolution_time: f64,
        reopen_rate: f64,
        response_rate: f64,
    ) -> Self {
        Weights {
            support_recency,
            open_tickets,
            resolution_time,
            reopen_rate,
            response_rate,
        }
    }

    /// The weight of one factor.
    pub fn get(&self, factor: Factor) -> f64 {
        self.as_array()[factor.index()]
    }

    pub(crate) fn as_array(&self) -> [f64; 5] {
        [
            self.support_recency,
            self.open_tickets,
            self.resolution_time,
            self.reopen_rate,
            self.response_rate,
        ]
    }

    /// Check the weights.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the field (`weights.open_tickets`, ...)
    /// when a weight is negative or not finite, or `weights` when they do not
    /// sum to 100.
    pub fn validate(&self) -> Result<(), Error> {
        let mut sum = 0.0;
        for (factor, w) in Factor::ALL.iter().zip(self.as_array()) {
            if !w.is_finite() || w < 0.0 {
                return Err(Error::invalid(
                    format!("weights.{factor}"),
                    format!("must be a finite, non-negative percentage, got {w}"),
                ));
            }
            sum += w;
        }
        if (sum - 100.0).abs() > WEIGHT_SUM_TOLERANCE {
            return Err(Error::invalid(
                "weights",
                format!("must sum to 100 (percent), got {sum}"),
            ));
        }
        Ok(())
    }
}

/// Band thresholds: a score `>= healthy_min` is [`Band::Healthy`], a score
/// `>= at_risk_min` (and below `healthy_min`) [`Band::AtRisk`], anything
/// lower [`Band::Critical`].
///
/// Scores are not rounded before banding: 69.9 is at risk with the defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Bands {
    /// Lowest healthy score; default 70.
    pub healthy_min: f64,
    /// Lowest at-risk score; default 40.
    pub at_risk_min: f64,
}

impl Default for Bands {
    fn default() -> Self {
        Bands {
            healthy_min: 70.0,
            at_risk_min: 40.0,
        }
    }
}

impl Bands {
    /// Thresholds `healthy_min` and `at_risk_min`.
    pub fn new(healthy_min: f64, at_risk_min: f64) -> Self {
        Bands {
            healthy_min,
            at_risk_min,
        }
    }

    /// The band of a score.
    ///
    /// ```
    /// use intercom_api::health::{Band, Bands};
    /// let bands = Bands::default();
    /// assert_eq!(bands.band(70.0), Band::Healthy);
    /// assert_eq!(bands.band(69.9), Band::AtRisk);
    /// assert_eq!(bands.band(39.9), Band::Critical);
    /// ```
    #[inline]
    pub fn band(&self, score: f64) -> Band {
        if score >= self.healthy_min {
            Band::Healthy
        } else if score >= self.at_risk_min {
            Band::AtRisk
        } else {
            Band::Critical
        }
    }

    /// Check the thresholds.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming `bands.healthy_min` or
    /// `bands.at_risk_min` unless `0 < at_risk_min < healthy_min <= 100`.
    pub fn validate(&self) -> Result<(), Error> {
        let Bands {
            healthy_min,
            at_risk_min,
        } = *self;
        if !healthy_min.is_finite() || healthy_min <= 0.0 || healthy_min > 100.0 {
            return Err(Error::invalid(
                "bands.healthy_min",
                format!("must be in (0, 100], got {healthy_min}"),
            ));
        }
        if !at_risk_min.is_finite() || at_risk_min <= 0.0 || at_risk_min >= healthy_min {
            return Err(Error::invalid(
                "bands.at_risk_min",
                format!("must be above 0 and below healthy_min ({healthy_min}), got {at_risk_min}"),
            ));
        }
        Ok(())
    }
}

/// Most breakpoints a [`Curve`] holds (curves are stored inline, so scoring
/// never touches the heap).
pub const MAX_CURVE_POINTS: usize = 8;

/// A monotone, piecewise-linear map from a factor's raw value to a factor
/// score in `0..=100`.
///
/// Breakpoints `(x, score)` have strictly increasing `x` and non-increasing
/// `score`: for every factor a larger raw value is worse, so a curve can never
/// reward it. Below the first breakpoint the score is the first point's,
/// above the last the last point's, in between it is interpolated linearly.
///
/// ```
/// use intercom_api::health::Curve;
/// # fn main() -> Result<(), intercom_api::Error> {
/// let open = Curve::new(&[(0.0, 100.0), (4.0, 0.0)])?;
/// assert_eq!(open.eval(1.0), 75.0);
/// assert_eq!(open.eval(9.0), 0.0);
/// assert!(Curve::new(&[(0.0, 0.0), (1.0, 100.0)]).is_err()); // rising: refused
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, PartialEq)]
pub struct Curve {
    xs: [f64; MAX_CURVE_POINTS],
    ys: [f64; MAX_CURVE_POINTS],
    /// `slopes[i]`: the slope of the segment ending at point `i` (so scoring
    /// multiplies instead of dividing).
    slopes: [f64; MAX_CURVE_POINTS],
    len: usize,
}

impl fmt::Debug for Curve {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.points()).finish()
    }
}

impl Curve {
    /// A curve through `points` (`(raw value, factor score)`).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] with field `curve` (no points, more than
    /// [`MAX_CURVE_POINTS`]) or `curve[i]` (a non-finite value, a score
    /// outside `0..=100`, an `x` not above the previous one, a score above
    /// the previous one).
    pub fn new(points: &[(f64, f64)]) -> Result<Self, Error> {
        if points.is_empty() {
            return Err(Error::invalid("curve", "needs at least one point"));
        }
        if points.len() > MAX_CURVE_POINTS {
            return Err(Error::invalid(
                "curve",
                format!(
                    "has {} points, at most {MAX_CURVE_POINTS} are allowed",
                    points.len()
                ),
            ));
        }
        let mut curve = Curve {
            xs: [0.0; MAX_CURVE_POINTS],
            ys: [0.0; MAX_CURVE_POINTS],
            slopes: [0.0; MAX_CURVE_POINTS],
            len: points.len(),
        };
        for (i, &(x, y)) in points.iter().enumerate() {
            let field = || format!("curve[{i}]");
            if !x.is_finite() || !y.is_finite() {
                return Err(Error::invalid(field(), "values must be finite"));
            }
            if !(0.0..=100.0).contains(&y) {
                return Err(Error::invalid(
                    field(),
                    format!("score must be in 0..=100, got {y}"),
                ));
            }
            if i > 0 {
                let (px, py) = points[i - 1];
                if x <= px {
                    return Err(Error::invalid(
                        field(),
                        format!("x must be above the previous point's ({px}), got {x}"),
                    ));
                }
                if y > py {
                    return Err(Error::invalid(
                        field(),
                        format!(
                            "score must not rise (a larger raw value is never better): {py} then {y}"
                        ),
                    ));
                }
            }
            curve.xs[i] = x;
            curve.ys[i] = y;
            if i > 0 {
                let (px, py) = points[i - 1];
                curve.slopes[i] = (y - py) / (x - px);
            }
        }
        Ok(curve)
    }

    /// The breakpoints.
    pub fn points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.xs[..self.len]
            .iter()
            .copied()
            .zip(self.ys[..self.len].iter().copied())
    }

    /// The factor score for a raw value. `NaN` scores as the worst point.
    #[inline]
    pub fn eval(&self, x: f64) -> f64 {
        let n = self.len;
        let xs = &self.xs[..n];
        let ys = &self.ys[..n];
        if x.is_nan() {
            return ys[n - 1];
        }
        if x <= xs[0] {
            return ys[0];
        }
        for i in 1..n {
            if x <= xs[i] {
                let (x0, y0, y1) = (xs[i - 1], ys[i - 1], ys[i]);
                // The clamp keeps rounding from stepping outside the segment,
                // so the curve stays monotone across breakpoints.
                return (y0 + (x - x0) * self.slopes[i]).clamp(y1, y0);
            }
        }
        ys[n - 1]
    }

    fn from_static(points: &[(f64, f64)]) -> Curve {
        // Only called with the literal default curves below, which are valid;
        // the fallback keeps this total without a panic.
        Curve::new(points).unwrap_or(Curve {
            xs: [0.0; MAX_CURVE_POINTS],
            ys: [100.0; MAX_CURVE_POINTS],
            slopes: [0.0; MAX_CURVE_POINTS],
            len: 1,
        })
    }
}

/// One [`Curve`] per factor. Raw units are those of [`Factor::unit`].
///
/// Defaults (raw → factor score, linear in between, flat outside):
///
/// | factor | breakpoints |
/// |---|---|
/// | support recency (days) | 1 → 100, 7 → 80, 14 → 50, 30 → 10, 60 → 0 |
/// | open tickets | 0 → 100, 1 → 75, 2 → 50, 3 → 25, 4 → 0 |
/// | resolution time (hours) | 1 → 100, 4 → 90, 24 → 50, 72 → 0 |
/// | reopens | 0 → 100, 1 → 70, 2 → 40, 3 → 10, 5 → 0 |
/// | response lag (hours) | 24 → 100, 72 → 60, 168 → 30, 720 → 0 |
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Curves {
    /// [`Factor::SupportRecency`], x in days.
    pub support_recency: Curve,
    /// [`Factor::OpenTickets`], x in open conversations plus open tickets.
    pub open_tickets: Curve,
    /// [`Factor::ResolutionTime`], x in hours.
    pub resolution_time: Curve,
    /// [`Factor::ReopenRate`], x in reopens.
    pub reopen_rate: Curve,
    /// [`Factor::ResponseRate`], x in hours.
    pub response_rate: Curve,
}

impl Default for Curves {
    fn default() -> Self {
        Curves {
            support_recency: Curve::from_static(&[
                (1.0, 100.0),
                (7.0, 80.0),
                (14.0, 50.0),
                (30.0, 10.0),
                (60.0, 0.0),
            ]),
            open_tickets: Curve::from_static(&[
                (0.0, 100.0),
                (1.0, 75.0),
                (2.0, 50.0),
                (3.0, 25.0),
                (4.0, 0.0),
            ]),
            resolution_time: Curve::from_static(&[
                (1.0, 100.0),
                (4.0, 90.0),
                (24.0, 50.0),
                (72.0, 0.0),
            ]),
            reopen_rate: Curve::from_static(&[
                (0.0, 100.0),
                (1.0, 70.0),
                (2.0, 40.0),
                (3.0, 10.0),
                (5.0, 0.0),
            ]),
            response_rate: Curve::from_static(&[
                (24.0, 100.0),
                (72.0, 60.0),
                (168.0, 30.0),
                (720.0, 0.0),
            ]),
        }
    }
}

impl Curves {
    /// The curve of one factor.
    pub fn get(&self, factor: Factor) -> &Curve {
        match factor {
            Factor::SupportRecency => &self.support_recency,
            Factor::OpenTickets => &self.open_tickets,
            Factor::ResolutionTime => &self.resolution_time,
            Factor::ReopenRate => &self.reopen_rate,
            Factor::ResponseRate => &self.response_rate,
        }
    }
}

/// Everything a score depends on besides the signals. Build a
/// [`HealthScorer`](super::HealthScorer) from it, which validates it.
///
/// ```
/// use intercom_api::health::{HealthConfig, HealthScorer, Weights, Curve};
/// # fn main() -> Result<(), intercom_api::Error> {
/// let mut config = HealthConfig::default();
/// config.weights = Weights::new(20.0, 40.0, 20.0, 10.0, 10.0);
/// config.curves.open_tickets = Curve::new(&[(0.0, 100.0), (2.0, 0.0)])?;
/// config.recent_window = std::time::Duration::from_secs(14 * 86_400);
/// let scorer = HealthScorer::new(config)?;
/// # let _ = scorer; Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct HealthConfig {
    /// Factor weights (percent, summing to 100).
    pub weights: Weights,
    /// Band thresholds.
    pub bands: Bands,
    /// Which conversations count as recent for resolution time and reopens:
    /// those updated (or, without `updated_at`, created) within this window
    /// before "now". Default 30 days.
    pub recent_window: Duration,
    /// One curve per factor.
    pub curves: Curves,
}

impl Default for HealthConfig {
    fn default() -> Self {
        HealthConfig {
            weights: Weights::default(),
            bands: Bands::default(),
            recent_window: Duration::from_secs(30 * 86_400),
            curves: Curves::default(),
        }
    }
}

impl HealthConfig {
    /// Check the weights, bands and window (curves are checked when built).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the field: see [`Weights::validate`],
    /// [`Bands::validate`]; `recent_window` when it is zero.
    pub fn validate(&self) -> Result<(), Error> {
        self.weights.validate()?;
        self.bands.validate()?;
        if self.recent_window.is_zero() {
            return Err(Error::invalid("recent_window", "must be longer than zero"));
        }
        if i64::try_from(self.recent_window.as_secs()).is_err() {
            return Err(Error::invalid("recent_window", "is too long"));
        }
        Ok(())
    }
}
