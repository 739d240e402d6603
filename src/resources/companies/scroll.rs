//! Why a scroll over every company stopped.

use crate::error::{Error, ErrorCode};

/// Why a [`Companies::scroll`](super::Companies::scroll) stopped, read from the error it returned.
///
/// A scroll cannot be resumed after any of these: wait for the open scroll to
/// expire (one minute without a request) and start a new one. The SDK never
/// restarts a scroll by itself, because a restart delivers every company
/// again from the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ScrollFailure {
    /// `400 scroll_exists`: a scroll is already open for this workspace
    /// (from this process or another one). It expires after a minute without
    /// requests, or when it is read to its end.
    AlreadyOpen,
    /// `404 not_found` ("scroll parameter not found"): the `scroll_param`
    /// expired (more than a minute between two pages) or belongs to a scroll
    /// that already ended.
    Expired,
    /// A 5xx answer, a timeout or a broken connection in the middle of a
    /// scroll. Intercom asks for the scroll to be restarted; the page that
    /// failed may already have been consumed on Intercom's side, so the SDK
    /// does not retry it.
    Interrupted,
}

impl ScrollFailure {
    /// Classify an error returned by [`Companies::scroll`](super::Companies::scroll) (by awaiting it, or
    /// by its `pages()` / `items()` streams). `None` for errors that say
    /// nothing about the scroll itself: authentication, rate limits, invalid
    /// input.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use futures::TryStreamExt;
    /// use intercom_api::companies::ScrollFailure;
    ///
    /// let mut companies = std::pin::pin!(client.companies().scroll().items());
    /// loop {
    ///     match companies.try_next().await {
    ///         Ok(Some(company)) => println!("{}", company.id),
    ///         Ok(None) => break,
    ///         Err(e) if ScrollFailure::of(&e) == Some(ScrollFailure::AlreadyOpen) => {
    ///             eprintln!("another scroll is running; try again in a minute");
    ///             break;
    ///         }
    ///         Err(e) => return Err(e),
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub fn of(error: &Error) -> Option<ScrollFailure> {
        match error {
            Error::Api(api) => {
                if api.errors.iter().any(|e| e.code == ErrorCode::ScrollExists) {
                    Some(ScrollFailure::AlreadyOpen)
                } else if api.status.as_u16() == 404 {
                    Some(ScrollFailure::Expired)
                } else if api.status.is_server_error() {
                    Some(ScrollFailure::Interrupted)
                } else {
                    None
                }
            }
            Error::Timeout { .. } => Some(ScrollFailure::Interrupted),
            // A failed connect sent nothing: the scroll is where it was.
            Error::Transport(e) if !e.is_connect() => Some(ScrollFailure::Interrupted),
            _ => None,
        }
    }
}
