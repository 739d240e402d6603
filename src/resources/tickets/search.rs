//! The body of a ticket search and the checks Intercom documents for it.

use serde::Serialize;

use crate::error::Error;
use crate::search::{Filter, Operator, Query, Value};
use crate::transport::Request;

/// Ticket fields whose values are unix timestamps.
const DATE_FIELDS: &[&str] = &["created_at", "updated_at", "snoozed_until"];
/// What `category` takes in a search, for Customer, Back-office, Tracker.
const SEARCH_CATEGORIES: &[&str] = &["request", "task", "tracker"];

/// The body of `POST /tickets/search`: a query.
///
/// Besides Intercom's limits on every search (at most two levels of nested
/// groups, at most 15 conditions per group, `IN`/`NIN` with a list; see
/// [`Query::validate`]) the ticket search refuses, before sending:
/// - `created_at`, `updated_at`, `snoozed_until` with anything but an
///   integer (unix seconds) or `null`;
/// - `open` with anything but a boolean;
/// - `>`, `>=`, `<`, `<=` with anything but an integer, and `~`, `!~`, `^`,
///   `$` with anything but text;
/// - `category` with anything but `request` (Customer), `task`
///   (Back-office) or `tracker` (Tracker): Intercom does not match the
///   category names in a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TicketSearch {
    query: Query,
}

impl TicketSearch {
    /// Search with `query` (fields: `id`, `created_at`, `updated_at`,
    /// `title`, `description`, `category`, `ticket_type_id`, `contact_ids`,
    /// `teammate_ids`, `admin_assignee_id`, `team_assignee_id`, `open`,
    /// `state`, `snoozed_until`, `ticket_attribute.{id}`).
    pub fn new(query: Query) -> Self {
        TicketSearch { query }
    }

    fn validate(&self) -> Result<(), Error> {
        self.query.validate()?;
        check_ticket_query(&self.query, "query")
    }
}

impl From<Query> for TicketSearch {
    fn from(query: Query) -> Self {
        TicketSearch::new(query)
    }
}

fn check_ticket_query(query: &Query, at: &str) -> Result<(), Error> {
    match query {
        Query::Filter(f) => check_ticket_filter(f, at),
        Query::And(qs) | Query::Or(qs) => qs
            .iter()
            .enumerate()
            .try_for_each(|(i, q)| check_ticket_query(q, &format!("{at}.value[{i}]"))),
    }
}

fn check_ticket_filter(f: &Filter, at: &str) -> Result<(), Error> {
    let values: Vec<&Value> = match &f.value {
        Value::List(vs) => vs.iter().collect(),
        v => vec![v],
    };
    let field = f.field.as_str();
    let bad = |why: String| Err(Error::invalid(format!("{at}.value"), why));
    for v in values {
        let is_int = matches!(v, Value::Int(_));
        let is_null = matches!(v, Value::Null);
        if DATE_FIELDS.contains(&field) && !(is_int || is_null) {
            return bad(format!("`{field}` takes unix seconds (an integer)"));
        }
        if field == "open" && !matches!(v, Value::Bool(_)) {
            return bad("`open` takes true or false".to_owned());
        }
        if field == "category" {
            let ok = matches!(v, Value::Str(s) if SEARCH_CATEGORIES.contains(&s.as_str()));
            if !ok {
                return bad(
                    "a ticket search matches `category` against `request` (Customer), `task` \
                     (Back-office) or `tracker` (Tracker)"
                        .to_owned(),
                );
            }
        }
        match f.operator {
            Operator::Gt | Operator::Ge | Operator::Lt | Operator::Le if !is_int => {
                return bad(format!(
                    "`{}` compares integers and dates (unix seconds)",
                    f.operator.as_str()
                ));
            }
            Operator::Contains
            | Operator::NotContains
            | Operator::StartsWith
            | Operator::EndsWith
                if !matches!(v, Value::Str(_)) =>
            {
                return bad(format!("`{}` compares text", f.operator.as_str()));
            }
            _ => {}
        }
    }
    Ok(())
}

// --- The body the row sends (see `rows.rs`).

pub(super) fn search_body<T>(
    req: Request<T>,
    search: impl Into<TicketSearch>,
) -> Result<Request<T>, Error> {
    let search = search.into();
    search.validate()?;
    req.json(&search)
}
