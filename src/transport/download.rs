//! Downloads: an answer whose body is streamed to the caller, never read
//! into one buffer.
//!
//! [`Transport::download`] sends the request like any other (auth, version,
//! pacing, retries until the answer's headers arrive, typed errors), with
//! `Accept: application/octet-stream`, and hands back a [`Download`]. The
//! client's response-size cap does not apply: memory stays bounded because
//! the body is written on chunk by chunk. A `302` to a signed URL (a call
//! recording) is followed once; the token is only sent along when the URL
//! is on the client's own origin.

use std::time::Duration;

use bytes::Bytes;
use futures::Stream;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE, LOCATION};
use reqwest::{Method, StatusCode};
use tokio::io::{AsyncWrite, AsyncWriteExt};

use super::{ERROR_BODY_LIMIT, Mode, RawRequest, Success, Transport, body};
use crate::error::{ApiError, Error};

/// The `Location` of a redirect answer, whole (a signed URL is often longer
/// than an error snippet).
pub(super) fn location(resp: &reqwest::Response) -> Option<String> {
    let loc = resp.headers().get(LOCATION)?.to_str().ok()?;
    (!loc.is_empty()).then(|| loc.to_owned())
}

impl Transport {
    /// Send `req` and return its answer's body unread, as a [`Download`].
    pub(crate) async fn download(&self, req: &RawRequest) -> Result<Download, Error> {
        let idle = req.options.timeout.unwrap_or(self.timeout);
        let path = super::path_only(&req.path);
        let resp = match self.send_mode(req, Mode::Stream).await? {
            Success::Stream(resp) => resp,
            Success::Redirect(location) => self.follow(req, &location).await?,
            Success::Read(_) => unreachable!("Mode::Stream answers are not read"),
        };
        Ok(Download::new(resp, idle, req.method.clone(), path))
    }

    /// Follow a download's redirect, once.
    async fn follow(&self, req: &RawRequest, location: &str) -> Result<reqwest::Response, Error> {
        let url = self
            .base_url
            .join(location)
            .map_err(|e| Error::Protocol(format!("invalid redirect for a download: {e}")))?;
        if url.origin() == self.base_url.origin() {
            // Back into the API: the same request, with credentials.
            let mut again = req.clone();
            again.path = url.into();
            again.query.clear();
            return match self.send_mode(&again, Mode::Stream).await? {
                Success::Stream(resp) => Ok(resp),
                _ => Err(Error::Protocol(
                    "a download redirected more than once".into(),
                )),
            };
        }
        if url.scheme() != "https" && !super::origin::is_loopback(&url) {
            return Err(Error::Protocol(format!(
                "refusing to download from a plain-http URL on another origin ({})",
                url.origin().ascii_serialization()
            )));
        }
        // A signed URL elsewhere: it carries its own authorization, and this
        // client's token must never go there.
        let timeout = req.options.timeout.unwrap_or(self.timeout);
        let sent = tokio::time::timeout(timeout, self.http.get(url).send()).await;
        let mut resp = match sent {
            Ok(Ok(resp)) => resp,
            Ok(Err(e)) => return Err(super::transport_error(e, req, 1)),
            Err(_) => {
                return Err(Error::Timeout {
                    method: req.method.clone(),
                    path: super::path_only(&req.path),
                    attempts: 1,
                });
            }
        };
        let status = resp.status();
        if status.is_success() {
            return Ok(resp);
        }
        if status.is_redirection() {
            return Err(super::redirect_error(&resp));
        }
        let body = body::read_prefix(&mut resp, ERROR_BODY_LIMIT).await;
        Err(Error::Api(Box::new(ApiError::from_response(
            status,
            resp.headers(),
            &body,
            None,
        ))))
    }
}

/// A file Intercom is sending: a data export, a reporting export, a call
/// recording. The body has not been read yet; write it somewhere with
/// [`to_writer`](Download::to_writer) or read it chunk by chunk with
/// [`bytes_stream`](Download::bytes_stream). Either way memory stays bounded
/// (one network chunk at a time), however large the file.
///
/// ```no_run
/// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
/// let download = client.data_export().download("al9w983lwu88w1fd").await?;
/// let mut file = tokio::fs::File::create("export.csv.gz").await.map_err(intercom_api::Error::Write)?;
/// let bytes = download.to_writer(&mut file).await?;
/// println!("{bytes} bytes");
/// # Ok(()) }
/// ```
#[must_use = "a download does nothing until its body is read"]
pub struct Download {
    resp: reqwest::Response,
    /// How long one chunk may take to arrive.
    idle: Duration,
    method: Method,
    path: String,
    declared: Option<u64>,
}

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Download")
            .field("path", &self.path)
            .field("status", &self.resp.status())
            .field("content_length", &self.declared)
            .finish_non_exhaustive()
    }
}

impl Download {
    fn new(resp: reqwest::Response, idle: Duration, method: Method, path: String) -> Self {
        let declared = resp.content_length();
        Download {
            resp,
            idle,
            method,
            path,
            declared,
        }
    }

    /// The HTTP status of the answer (a 2xx).
    pub fn status(&self) -> StatusCode {
        self.resp.status()
    }

    /// The size the server declared (`Content-Length`), if it did.
    pub fn content_length(&self) -> Option<u64> {
        self.declared
    }

    /// The `Content-Type` the server declared, e.g. `application/octet-stream`.
    pub fn content_type(&self) -> Option<&str> {
        self.resp.headers().get(CONTENT_TYPE)?.to_str().ok()
    }

    /// The file name the server suggested (`Content-Disposition: attachment;
    /// filename=…`), if any.
    pub fn filename(&self) -> Option<&str> {
        let cd = self
            .resp
            .headers()
            .get(CONTENT_DISPOSITION)?
            .to_str()
            .ok()?;
        let name = cd
            .split(';')
            .map(str::trim)
            .find_map(|p| p.strip_prefix("filename="))?;
        Some(name.trim_matches('"'))
    }

    /// Write the whole body to `writer`, chunk by chunk, then flush it;
    /// returns how many bytes were written.
    ///
    /// # Errors
    /// [`Error::DownloadTruncated`] when the body ends before its declared
    /// length (the connection was cut); [`Error::Timeout`] when no chunk
    /// arrives within the call's timeout; [`Error::Write`] when the writer
    /// fails; [`Error::Transport`] for another failure while reading.
    pub async fn to_writer<W>(mut self, writer: &mut W) -> Result<u64, Error>
    where
        W: AsyncWrite + Unpin + ?Sized,
    {
        let mut received = 0u64;
        while let Some(chunk) = self.next_chunk(received).await? {
            received += chunk.len() as u64;
            writer.write_all(&chunk).await.map_err(Error::Write)?;
        }
        writer.flush().await.map_err(Error::Write)?;
        Ok(received)
    }

    /// The whole body as text, for a small text answer such as a call
    /// transcript; refused once it passes `limit` bytes, so memory stays
    /// bounded.
    ///
    /// # Errors
    /// [`Error::ResponseTooLarge`] past `limit` bytes (from `Content-Length`
    /// before reading when the server declares it); [`Error::Protocol`] for
    /// a body that is not UTF-8; the reading errors of
    /// [`to_writer`](Download::to_writer).
    pub async fn text(mut self, limit: u64) -> Result<String, Error> {
        let mut text = TextBody::start(self.resp.status(), self.declared, limit)?;
        while let Some(chunk) = self.next_chunk(text.received()).await? {
            text.push(&chunk)?;
        }
        text.finish()
    }

    /// The body as a stream of chunks, in order; it ends with an error item
    /// when the body is cut short (see [`to_writer`](Download::to_writer)).
    pub fn bytes_stream(self) -> impl Stream<Item = Result<Bytes, Error>> + Send + Unpin {
        Box::pin(futures::stream::unfold(
            Some((self, 0u64)),
            |state| async move {
                let (mut dl, received) = state?;
                match dl.next_chunk(received).await {
                    Ok(Some(chunk)) => {
                        let received = received + chunk.len() as u64;
                        Some((Ok(chunk), Some((dl, received))))
                    }
                    Ok(None) => None,
                    Err(e) => Some((Err(e), None)),
                }
            },
        ))
    }

    /// The next chunk, `None` at a complete end.
    async fn next_chunk(&mut self, received: u64) -> Result<Option<Bytes>, Error> {
        let truncated = || Error::DownloadTruncated {
            received,
            expected: self.declared,
        };
        match tokio::time::timeout(self.idle, self.resp.chunk()).await {
            Ok(Ok(Some(chunk))) => Ok(Some(chunk)),
            Ok(Ok(None)) => match self.declared {
                Some(n) if n != received => Err(truncated()),
                _ => Ok(None),
            },
            // A body cut before its end: the connection closed early.
            Ok(Err(e)) if e.is_body() || e.is_decode() || self.declared.is_some() => {
                Err(truncated())
            }
            Ok(Err(e)) => Err(Error::Transport(e)),
            Err(_) => Err(Error::Timeout {
                method: self.method.clone(),
                path: self.path.clone(),
                attempts: 1,
            }),
        }
    }
}

/// A text answer read whole under a byte limit ([`Download::text`] and the
/// blocking client's).
#[derive(Debug)]
pub(crate) struct TextBody {
    status: StatusCode,
    declared: Option<u64>,
    limit: u64,
    body: Vec<u8>,
}

impl TextBody {
    /// Refuses at once a body declared larger than `limit`.
    pub(crate) fn start(
        status: StatusCode,
        declared: Option<u64>,
        limit: u64,
    ) -> Result<Self, Error> {
        let text = TextBody {
            status,
            declared,
            limit,
            body: Vec::new(),
        };
        if declared.is_some_and(|n| n > limit) {
            return Err(text.too_large());
        }
        Ok(text)
    }

    fn too_large(&self) -> Error {
        Error::ResponseTooLarge {
            status: self.status,
            limit: self.limit,
            content_length: self.declared,
        }
    }

    /// Bytes taken so far.
    pub(crate) fn received(&self) -> u64 {
        self.body.len() as u64
    }

    /// Take the next chunk, or refuse it past the limit.
    pub(crate) fn push(&mut self, chunk: &[u8]) -> Result<(), Error> {
        if self.received() + chunk.len() as u64 > self.limit {
            return Err(self.too_large());
        }
        self.body.extend_from_slice(chunk);
        Ok(())
    }

    /// The text, if it is UTF-8.
    pub(crate) fn finish(self) -> Result<String, Error> {
        String::from_utf8(self.body).map_err(|e| {
            Error::Protocol(format!(
                "a text answer is not UTF-8 (at byte {})",
                e.utf8_error().valid_up_to()
            ))
        })
    }
}
