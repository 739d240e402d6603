//! Replay test for the one Ticket States operation of Intercom API 2.16.

mod support;

use intercom_api::ticket_states::TicketStateCategory;
use support::Harness;
use support::replay::expect;

#[tokio::test]
async fn list() {
    let h = Harness::start().await;
    let states = h
        .replay(
            expect("GET /ticket_states"),
            h.client.ticket_states().list(),
        )
        .await;
    assert_eq!(states.len(), 7);
    let investigating = &states[1];
    assert_eq!(investigating.id, "7492");
    assert_eq!(
        investigating.category,
        Some(TicketStateCategory::InProgress)
    );
    assert_eq!(
        investigating.internal_label.as_deref(),
        Some("Investigating")
    );
    assert_eq!(investigating.external_label.as_deref(), Some("We're on it"));
    assert_eq!(investigating.archived, Some(false));
    assert_eq!(
        investigating
            .ticket_types
            .iter()
            .map(|t| t.id.as_str())
            .collect::<Vec<_>>(),
        ["53"]
    );
    assert_eq!(
        investigating.ticket_types[0].name.as_deref(),
        Some("Refund request")
    );
    let retired = states.last().expect("a state");
    assert_eq!(retired.archived, Some(true));
    assert!(retired.ticket_types.is_empty());
    let resolved: Vec<&str> = states
        .iter()
        .filter(|s| {
            s.category
                .as_ref()
                .is_some_and(TicketStateCategory::is_resolved)
        })
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(resolved, ["7494", "7497"]);
}
