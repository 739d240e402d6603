//! Reading response bodies with bounded memory.
//!
//! A success body is read whole, but never past the client's limit: a
//! declared `Content-Length` above it is refused before a byte is read, and
//! an undeclared (chunked) body is cut off as soon as it passes the limit. An
//! error body is read only as far as an `error.list` needs.

/// Why a body was not read whole.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// Larger than the limit; `content_length` is what the server declared.
    TooLarge { content_length: Option<u64> },
    /// The connection failed while reading (a truncated body, a reset).
    Transport(reqwest::Error),
}

/// The whole body, if it is at most `limit` bytes.
pub(crate) async fn read_capped(
    resp: &mut reqwest::Response,
    limit: u64,
) -> Result<Vec<u8>, ReadError> {
    let declared = resp.content_length();
    if declared.is_some_and(|n| n > limit) {
        return Err(ReadError::TooLarge {
            content_length: declared,
        });
    }
    // The declared length is at most `limit` here; reserve at most 1 MiB on
    // its word, growing as bytes actually arrive.
    let mut body = Vec::with_capacity(to_usize(declared.unwrap_or(0).min(1 << 20)));
    while let Some(chunk) = resp.chunk().await.map_err(ReadError::Transport)? {
        if body.is_empty() && declared == Some(chunk.len() as u64) {
            // The usual case: the whole body in one chunk.
            return Ok(Vec::from(chunk));
        }
        if (body.len() as u64).saturating_add(chunk.len() as u64) > limit {
            return Err(ReadError::TooLarge {
                content_length: declared,
            });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// At most the first `limit` bytes of the body; what arrived before a
/// failure when reading fails. The rest is never read.
pub(crate) async fn read_prefix(resp: &mut reqwest::Response, limit: u64) -> Vec<u8> {
    let limit = to_usize(limit);
    let mut body = Vec::new();
    while body.len() < limit {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                let take = chunk.len().min(limit - body.len());
                body.extend_from_slice(&chunk[..take]);
            }
            Ok(None) | Err(_) => break,
        }
    }
    body
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}
