//! Segments: saved filters over contacts or companies.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! for segment in client.segments().list().include_count().await? {
//!     println!("{:?}: {:?} contacts", segment.name, segment.count);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::models::{null_as_default, string_enum};
use crate::options::IncludeCount;
use crate::resources::endpoints::endpoints;

string_enum! {
    /// What a segment holds.
    pub enum SegmentPersonType {
        /// Contacts (users and leads).
        Contact = "contact",
        /// Users only (older segments).
        User = "user",
    }
}

/// A segment.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Segment {
    /// The segment id.
    pub id: String,
    /// The segment name.
    #[serde(default)]
    pub name: Option<String>,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// What kind of records the segment holds.
    #[serde(default)]
    pub person_type: Option<SegmentPersonType>,
    /// How many contacts match, when counted (`include_count`).
    #[serde(default)]
    pub count: Option<i64>,
}

/// The answer of `GET /segments`: every segment of the workspace in one
/// list (Intercom does not page it).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct SegmentList {
    /// The segments.
    #[serde(default, deserialize_with = "null_as_default")]
    pub segments: Vec<Segment>,
}

impl IntoIterator for SegmentList {
    type Item = Segment;
    type IntoIter = std::vec::IntoIter<Segment>;
    fn into_iter(self) -> Self::IntoIter {
        self.segments.into_iter()
    }
}

impl std::ops::Deref for SegmentList {
    type Target = [Segment];
    fn deref(&self) -> &[Segment] {
        &self.segments
    }
}

endpoints! {
    /// The segments endpoints. Get one from [`Client::segments`](crate::Client::segments).
    family "segments" => Segments;

    /// Every segment of the workspace; with `.include_count()`, how many
    /// contacts each holds.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let segments = client.segments().list().include_count().await?;
    /// let big = segments.iter().filter(|s| s.count.unwrap_or(0) > 1_000).count();
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized` and other API errors.
    "listSegments" GET "/segments"
    fn list() -> Call<SegmentList> [IncludeCount];

    /// One segment.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let segment = client.segments().get("6762f25c1bb69f9f2193bc22").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "retrieveSegment" GET "/segments/{segment_id}"
    fn get(segment_id) -> Call<Segment>;
}
