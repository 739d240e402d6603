//! Paging, written once for every family: `per_page` checks, opaque
//! cursors, cursor-paged lists (`pages.next.starting_after`) and
//! page-numbered lists (`page`, `per_page`, `total_pages`).

use serde_json::{Value, json};

use super::reply::{Ctx, Reply};
use super::request::Incoming;

/// The most items any list serves per page; larger requests are clamped.
pub(crate) const MAX_PER_PAGE: usize = 150;

/// `per_page` from a query string or JSON: 1 or more (else `default`),
/// clamped to `max`. Anything else is `400 parameter_invalid`.
pub(crate) fn per_page(
    ctx: &Ctx,
    raw: Option<Value>,
    default: usize,
    max: usize,
) -> Result<usize, Reply> {
    let n = match raw {
        None | Some(Value::Null) => return Ok(default),
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.trim().parse::<u64>().ok(),
        Some(_) => None,
    };
    match n {
        Some(n) if n >= 1 => Ok(usize::try_from(n).unwrap_or(max).min(max)),
        _ => Err(ctx.invalid("per_page", "per_page must be a positive integer")),
    }
}

/// An opaque cursor naming item `n` of a listing of `kind`.
pub(crate) fn encode_cursor(kind: &str, n: u64) -> String {
    hex::encode(format!("{kind}:{n}"))
}

/// The item a cursor of `kind` names; `None` for any other text.
pub(crate) fn decode_cursor(cursor: &str, kind: &str) -> Option<u64> {
    let raw = String::from_utf8(hex::decode(cursor).ok()?).ok()?;
    let (k, n) = raw.split_once(':')?;
    (k == kind).then(|| n.parse().ok()).flatten()
}

/// `400` for a `starting_after` the fake did not hand out.
pub(crate) fn bad_cursor(ctx: &Ctx) -> Reply {
    ctx.invalid("starting_after", "starting_after is not a valid cursor")
}

/// A cursor-paged list of `items[start..]` under `key`, typed `list_type`.
/// `cursor(i)` is the `starting_after` that continues after item `i`.
pub(crate) fn cursor_page(
    list_type: &str,
    key: &str,
    items: &[Value],
    start: usize,
    per_page: usize,
    cursor: impl Fn(usize) -> String,
) -> Value {
    let total = items.len();
    let start = start.min(total);
    let end = start.saturating_add(per_page).min(total);
    let mut pages = json!({
        "type": "pages",
        "page": start / per_page.max(1) + 1,
        "per_page": per_page,
        "total_pages": total.div_ceil(per_page.max(1)),
    });
    if end < total && end > 0 {
        pages["next"] = json!({"per_page": per_page, "starting_after": cursor(end - 1)});
    }
    let mut body = json!({"type": list_type, "total_count": total, "pages": pages});
    body[key] = Value::Array(items[start..end].to_vec());
    body
}

/// A page-numbered list: `?page=` (from 1) and `?per_page=` (default
/// `default`, clamped to `max`) over `items`, under `key`, typed `list_type`.
///
/// # Errors
/// `400 parameter_invalid` for a `page` or `per_page` that is not a
/// positive integer.
pub(crate) fn numbered_page(
    ctx: &Ctx,
    req: &Incoming<'_>,
    list_type: &str,
    key: &str,
    items: Vec<Value>,
    default: usize,
    max: usize,
) -> Result<Reply, Reply> {
    let per_page = per_page(ctx, req.query("per_page").map(|s| json!(s)), default, max)?;
    let page = match req.query("page") {
        None => 1,
        Some(p) => p
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|p| *p >= 1)
            .ok_or_else(|| ctx.invalid("page", "page must be a positive integer"))?,
    };
    Ok(Reply::ok(&numbered(list_type, key, items, page, per_page)))
}

/// Page `page` (from 1) of `items`, `per_page` each, in Intercom's
/// page-numbered shape.
pub(crate) fn numbered(
    list_type: &str,
    key: &str,
    items: Vec<Value>,
    page: usize,
    per_page: usize,
) -> Value {
    let total = items.len();
    let per_page = per_page.max(1);
    let total_pages = total.div_ceil(per_page);
    let data: Vec<Value> = items
        .into_iter()
        .skip((page - 1).saturating_mul(per_page))
        .take(per_page)
        .collect();
    let mut body = json!({
        "type": list_type,
        "total_count": total,
        "pages": {
            "type": "pages",
            "page": page,
            "per_page": per_page,
            "total_pages": total_pages,
            "next": null,
        },
    });
    if page < total_pages {
        body["pages"]["next"] = json!(format!("?page={}&per_page={per_page}", page + 1));
    }
    body[key] = Value::Array(data);
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_keep_their_kind() {
        let c = encode_cursor("clist", 7);
        assert_eq!(decode_cursor(&c, "clist"), Some(7));
        assert_eq!(decode_cursor(&c, "csearch"), None);
        assert_eq!(decode_cursor("zz", "clist"), None);
    }

    #[test]
    fn numbered_pages_end() {
        let items: Vec<Value> = (0..5).map(|i| json!(i)).collect();
        let p = numbered("list", "data", items.clone(), 2, 2);
        assert_eq!(p["data"], json!([2, 3]));
        assert_eq!(p["pages"]["total_pages"], 3);
        let last = numbered("list", "data", items, 3, 2);
        assert_eq!(last["data"], json!([4]));
        assert!(last["pages"]["next"].is_null());
    }
}
