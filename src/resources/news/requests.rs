//! The news item body and the function that checks it.

use serde::Serialize;

use super::{NewsItemState, NewsfeedAssignment};
use crate::error::Error;
use crate::resources::common::require_non_empty;
use crate::transport::Request;

/// A news item to create, or the whole of one to replace (`PUT` takes the
/// same body, title and sender included).
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct NewsItemRequest {
    title: String,
    sender_id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<NewsItemState>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deliver_silently: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    labels: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reactions: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    newsfeed_assignments: Option<Vec<NewsfeedAssignment>>,
}

impl NewsItemRequest {
    /// A news item titled `title`, sent by the teammate `sender_id` (an
    /// admin of the workspace). Intercom makes it a draft unless
    /// [`state`](Self::state) says otherwise.
    pub fn new(title: impl Into<String>, sender_id: i64) -> Self {
        NewsItemRequest {
            title: title.into(),
            sender_id,
            body: None,
            state: None,
            deliver_silently: None,
            labels: None,
            reactions: None,
            newsfeed_assignments: None,
        }
    }

    /// The body, possibly HTML.
    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = Some(body.into());
        self
    }

    /// Draft or live.
    pub fn state(mut self, state: NewsItemState) -> Self {
        self.state = Some(state);
        self
    }

    /// Show it without a notification badge.
    pub fn deliver_silently(mut self, yes: bool) -> Self {
        self.deliver_silently = Some(yes);
        self
    }

    /// The label names shown to users (replacing any set before).
    pub fn labels<S: Into<String>>(mut self, labels: impl IntoIterator<Item = S>) -> Self {
        self.labels = Some(labels.into_iter().map(Into::into).collect());
        self
    }

    /// The emoji reactions offered, in order; an empty list turns
    /// reactions off.
    pub fn reactions<S: Into<String>>(mut self, reactions: impl IntoIterator<Item = S>) -> Self {
        self.reactions = Some(reactions.into_iter().map(Into::into).collect());
        self
    }

    /// Show it on newsfeed `newsfeed_id`, published now or at
    /// `published_at` (unix seconds, in the past: Intercom schedules only
    /// in its app). Call once per newsfeed.
    pub fn newsfeed(mut self, newsfeed_id: i64, published_at: Option<i64>) -> Self {
        self.newsfeed_assignments
            .get_or_insert_with(Vec::new)
            .push(NewsfeedAssignment::new(newsfeed_id, published_at));
        self
    }

    fn validate(&self) -> Result<(), Error> {
        require_non_empty("title", &self.title)?;
        if self.sender_id <= 0 {
            return Err(Error::invalid(
                "sender_id",
                format!("{} is not a teammate id", self.sender_id),
            ));
        }
        for a in self.newsfeed_assignments.iter().flatten() {
            if a.newsfeed_id <= 0 {
                return Err(Error::invalid(
                    "newsfeed_assignments.newsfeed_id",
                    format!("{} is not a newsfeed id", a.newsfeed_id),
                ));
            }
            if a.published_at.is_some_and(|t| t < 0) {
                return Err(Error::invalid(
                    "newsfeed_assignments.published_at",
                    "must be a unix timestamp (seconds since 1970)",
                ));
            }
        }
        if self.labels.iter().flatten().any(|l| l.trim().is_empty()) {
            return Err(Error::invalid("labels", "a label must not be empty"));
        }
        Ok(())
    }
}

pub(super) fn news_item_body<T>(
    req: Request<T>,
    item: NewsItemRequest,
) -> Result<Request<T>, Error> {
    item.validate()?;
    req.json(&item)
}
