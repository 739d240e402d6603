//! Path templates: a request path with its ids replaced by `{id}`, safe to
//! log and to group metrics by (`/contacts/{id}/tags/{id}`).
//!
//! Requests carry concrete paths, so the template is derived: a segment is
//! kept only when it is one of the words Intercom's API paths are made of
//! (`contacts`, `search`, `find_by_external_id`, ...). Anything else (an id,
//! an external id, an email) becomes `{id}`, so an unknown word costs
//! precision, never privacy.

use std::borrow::Cow;

/// Words that appear as literal segments in Intercom API paths.
const WORDS: &[&str] = &[
    "activity_log_event_types",
    "activity_logs",
    "admins",
    "archive",
    "articles",
    "attach",
    "away",
    "banners",
    "block",
    "calls",
    "collections",
    "companies",
    "contacts",
    "content_snippets",
    "conversations",
    "convert",
    "customers",
    "data_attributes",
    "data_events",
    "deleted",
    "detach",
    "dismiss",
    "download",
    "draft",
    "events",
    "export",
    "find_by_external_id",
    "handling_events",
    "help_center",
    "help_centers",
    "internal_articles",
    "jobs",
    "list",
    "me",
    "merge",
    "merge_history",
    "messages",
    "news",
    "news_items",
    "newsfeeds",
    "notes",
    "parts",
    "phone_call_redirects",
    "publish",
    "redact",
    "reply",
    "run_assignment_rules",
    "scroll",
    "search",
    "segments",
    "side_conversations",
    "status",
    "subscription_types",
    "subscriptions",
    "summaries",
    "tags",
    "teams",
    "ticket_states",
    "ticket_types",
    "tickets",
    "unarchive",
    "versions",
    "visitors",
];

/// The template of `path` (a path or an absolute URL; the query is dropped).
pub(crate) fn path_template(path: &str) -> Cow<'_, str> {
    let path = match path.find("://") {
        Some(scheme_end) => {
            let rest = &path[scheme_end + 3..];
            rest.find('/').map_or("/", |i| &rest[i..])
        }
        None => path,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let known = |s: &str| s.is_empty() || WORDS.binary_search(&s).is_ok();
    if path.split('/').all(known) {
        return Cow::Borrowed(path);
    }
    let mut out = String::with_capacity(path.len());
    for (i, segment) in path.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(if known(segment) { segment } else { "{id}" });
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_sorted_for_binary_search() {
        assert!(WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn ids_and_personal_data_become_placeholders() {
        assert_eq!(path_template("/contacts"), "/contacts");
        assert_eq!(path_template("/contacts/search"), "/contacts/search");
        assert_eq!(
            path_template("/contacts/6762f0d01bb69f9f2193bb7d/tags/7522907"),
            "/contacts/{id}/tags/{id}"
        );
        assert_eq!(
            path_template("/contacts/find_by_external_id/ada%40example.com"),
            "/contacts/find_by_external_id/{id}"
        );
        // A word-like id is still an id.
        assert_eq!(path_template("/contacts/bob"), "/contacts/{id}");
        assert_eq!(
            path_template("https://api.intercom.io/contacts?starting_after=abc&email=a%40b.c"),
            "/contacts"
        );
        assert_eq!(
            path_template("/conversations/123/parts?x=1"),
            "/conversations/{id}/parts"
        );
        assert_eq!(path_template("https://api.intercom.io"), "/");
    }
}
