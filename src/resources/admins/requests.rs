//! The admin request bodies and the functions that check them.

use serde::Serialize;

use super::activity_logs::ActivityType;
use crate::error::Error;
use crate::transport::Request;

/// The body of `PUT /admins/{admin_id}/away`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAway {
    away: bool,
    reassign: bool,
    reason: Option<String>,
}

/// [`SetAway`] as sent: the reason id as the integer the spec types it as.
#[derive(Debug, Serialize)]
struct SetAwayBody {
    away_mode_enabled: bool,
    away_mode_reassign: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    away_status_reason_id: Option<u64>,
}

impl SetAway {
    /// Away (`true`) or back (`false`); with `reassign`, new conversation
    /// replies go to the default inbox while the admin is away.
    pub fn new(away: bool, reassign: bool) -> Self {
        SetAway {
            away,
            reassign,
            reason: None,
        }
    }

    /// The away-status reason (a numeric id, as
    /// [`Admin::away_status_reason_id`](super::Admin::away_status_reason_id)
    /// holds it). Workspaces can make a reason mandatory, in which case
    /// Intercom answers `400 away_status_reason_mandatory` without one.
    pub fn reason(mut self, away_status_reason_id: impl Into<String>) -> Self {
        self.reason = Some(away_status_reason_id.into());
        self
    }

    fn body(&self) -> Result<SetAwayBody, Error> {
        let away_status_reason_id = match &self.reason {
            Some(reason) => Some(reason.trim().parse::<u64>().map_err(|_| {
                Error::invalid(
                    "away_status_reason_id",
                    "must be a numeric away status reason id",
                )
            })?),
            None => None,
        };
        Ok(SetAwayBody {
            away_mode_enabled: self.away,
            away_mode_reassign: self.reassign,
            away_status_reason_id,
        })
    }
}

/// The body of `POST /admins/activity_logs/search`: a time range and,
/// optionally, the activity types to keep. Pages are asked for through the
/// [`ListCall`](crate::ListCall) (`per_page`, `starting_from`), not here.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActivityLogSearch {
    created_at_after: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    created_at_before: Option<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    event_types: Vec<ActivityType>,
}

impl ActivityLogSearch {
    /// Entries created after `created_at_after` (unix seconds).
    pub fn new(created_at_after: i64) -> Self {
        ActivityLogSearch {
            created_at_after,
            created_at_before: None,
            event_types: Vec::new(),
        }
    }

    /// Only entries created before this time (unix seconds).
    pub fn created_at_before(mut self, unix: i64) -> Self {
        self.created_at_before = Some(unix);
        self
    }

    /// Only entries of these types (added to any set before).
    pub fn event_types<T: Into<ActivityType>>(
        mut self,
        types: impl IntoIterator<Item = T>,
    ) -> Self {
        self.event_types.extend(types.into_iter().map(Into::into));
        self
    }

    fn validate(&self) -> Result<(), Error> {
        check_range(self.created_at_after, self.created_at_before)?;
        if self
            .event_types
            .iter()
            .any(|t| t.as_str().trim().is_empty())
        {
            return Err(Error::invalid("event_types", "an event type is empty"));
        }
        Ok(())
    }
}

/// A time range whose end is not after its start can only be a mistake.
fn check_range(after: i64, before: Option<i64>) -> Result<(), Error> {
    match before {
        Some(before) if before <= after => Err(Error::invalid(
            "created_at_before",
            format!("{before} is not after created_at_after ({after})"),
        )),
        _ => Ok(()),
    }
}

/// `PUT /admins/{admin_id}/away`: the body, the reason id as an integer.
pub(super) fn away_body<T>(request: Request<T>, away: SetAway) -> Result<Request<T>, Error> {
    request.json(&away.body()?)
}

/// `GET /admins/activity_logs`: the time range, in the query.
pub(super) fn activity_logs_query<T>(
    request: Request<T>,
    created_at_after: i64,
    created_at_before: Option<i64>,
) -> Result<Request<T>, Error> {
    check_range(created_at_after, created_at_before)?;
    let request = request.query("created_at_after", created_at_after);
    Ok(match created_at_before {
        Some(before) => request.query("created_at_before", before),
        None => request,
    })
}

/// `POST /admins/activity_logs/search`: the checked search, as the body.
pub(super) fn search_body<T>(
    request: Request<T>,
    search: ActivityLogSearch,
) -> Result<Request<T>, Error> {
    search.validate()?;
    request.json(&search)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn away_reason_is_sent_as_an_integer() {
        let body = SetAway::new(true, false)
            .reason("12345")
            .body()
            .expect("ok");
        assert_eq!(
            serde_json::to_value(&body).expect("json"),
            serde_json::json!({"away_mode_enabled": true, "away_mode_reassign": false, "away_status_reason_id": 12345})
        );
        let err = SetAway::new(true, false)
            .reason("on-break")
            .body()
            .expect_err("refused");
        assert!(
            matches!(err, Error::InvalidInput { ref field, .. } if field == "away_status_reason_id")
        );
    }
}
