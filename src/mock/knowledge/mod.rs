//! Knowledge content: internal articles (create, get, update, delete,
//! list, search by folder); AI content: content import sources and their
//! external pages; content search and bulk actions over both.
//!
//! Folders are not modelled: an internal article has none, so a search
//! with a `folder_id` finds nothing and one without finds every article.

mod ai_content;
mod content;
mod internal_articles;

use serde_json::{Map, Value};

use super::reply::{Ctx, Reply};
use super::request::Incoming;

type Answer = Result<Reply, Reply>;

/// The knowledge content the fake stores.
#[derive(Debug, Default)]
pub(crate) struct Knowledge {
    internal_articles: Vec<Map<String, Value>>,
    /// Content import sources (`id` an integer).
    sources: Vec<Map<String, Value>>,
    /// External pages, each with the `source_id` of its source.
    pages: Vec<Map<String, Value>>,
    next_id: u64,
}

impl Knowledge {
    /// A fresh numeric id, as text.
    fn next(&mut self) -> String {
        self.next_id += 1;
        (6_871_000 + self.next_id).to_string()
    }
}

fn position(list: &[Map<String, Value>], id: &str) -> Option<usize> {
    list.iter().position(|c| match c.get("id") {
        Some(Value::String(s)) => s == id,
        Some(Value::Number(n)) => n.to_string() == id,
        _ => false,
    })
}

fn not_found(ctx: &Ctx) -> Reply {
    ctx.error(404, "not_found", "Resource Not Found")
}

/// Serve the knowledge content routes, or `None` for a route the fake does
/// not know.
pub(crate) fn route(store: &mut Knowledge, ctx: &Ctx, req: &Incoming<'_>) -> Option<Reply> {
    let answer = match req.segs().first().copied() {
        Some("internal_articles") => internal_articles::route(store, ctx, req)?,
        Some("ai") => ai_content::route(store, ctx, req)?,
        Some("content") => content::route(store, ctx, req)?,
        _ => return None,
    };
    Some(answer.unwrap_or_else(|e| e))
}
