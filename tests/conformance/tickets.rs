//! Tickets (10 operations).

use intercom_api::conversations::ContactIdentifier;
use intercom_api::search::{Query, field};
use intercom_api::tickets::{
    ChangeTicketType, CreateTicket, ReplyOption, TicketReply, UpdateTicket,
};

use crate::{check, prism};

const TICKET: &str = "41084212001";
const TRACKER: &str = "41084212099";
const CONV: &str = "41084199342";

fn refund() -> CreateTicket {
    CreateTicket::new("53", ContactIdentifier::id("6643a1f2b8c9d04e5a7f3b21"))
        .title("Refund for order ORD-1234")
        .description("Charged twice on 3 June.")
        .attribute("Order number", "ORD-1234")
        .company_id("6655e9c1f0a2b3d4c5e6f800")
        .assign_to_admin("5281734")
}

#[tokio::test]
async fn create_ticket() {
    let Some(c) = prism() else { return };
    let ticket = check(c.tickets().create(refund().skip_notifications(true))).await;
    assert!(!ticket.id.is_empty());
    check(
        c.tickets().create(
            CreateTicket::new("54", ContactIdentifier::email("ravi.shah@example.com"))
                .conversation_to_link_id(CONV)
                .created_at(1_719_480_000),
        ),
    )
    .await;
}

#[tokio::test]
async fn enqueue_create_ticket() {
    let Some(c) = prism() else { return };
    let job = check(c.tickets().enqueue(refund())).await;
    assert!(!job.id.is_empty());
}

#[tokio::test]
async fn get_update_delete_ticket() {
    let Some(c) = prism() else { return };
    check(c.tickets().get(TICKET)).await;
    check(
        c.tickets().update(
            TICKET,
            UpdateTicket::new()
                .state("7494")
                .title("Refund issued")
                .open(true)
                .snooze_until(1_719_600_000)
                .shared(true)
                .as_admin("5281734")
                .assign_to("6212849"),
        ),
    )
    .await;
    check(
        c.tickets()
            .update(TICKET, UpdateTicket::new().open(false).unassign()),
    )
    .await;
    check(c.tickets().delete(TICKET)).await;
}

#[tokio::test]
async fn reply_ticket() {
    let Some(c) = prism() else { return };
    check(c.tickets().reply(
        TICKET,
        TicketReply::admin_comment("5281734", "<p>On it</p>"),
    ))
    .await;
    check(c.tickets().reply(
        TICKET,
        TicketReply::admin_note("5281734", "Refunded").cross_post(true),
    ))
    .await;
    check(c.tickets().reply(
        TICKET,
        TicketReply::admin_quick_reply(
            "5281734",
            [ReplyOption::new(
                "Yes",
                "0df48b85-9a93-4c66-a167-753eff0baaec",
            )],
        ),
    ))
    .await;
    check(
        c.tickets().reply(
            TICKET,
            TicketReply::contact_comment(
                ContactIdentifier::email("maya.okafor@example.com"),
                "Thanks!",
            )
            .attachment_url("https://files.example.com/a.png"),
        ),
    )
    .await;
}

#[tokio::test]
async fn search_tickets() {
    let Some(c) = prism() else { return };
    let query = Query::and([
        field("open").eq(true),
        field("category").eq("request"),
        field("created_at").gt(1_719_000_000),
    ]);
    check(c.tickets().search(query).per_page(20)).await;
}

#[tokio::test]
async fn change_ticket_type() {
    let Some(c) = prism() else { return };
    check(c.tickets().change_type(
        TICKET,
        ChangeTicketType::new("56", "7501").attribute("Credit amount", 49),
    ))
    .await;
}

#[tokio::test]
async fn link_and_unlink_conversation() {
    let Some(c) = prism() else { return };
    check(c.tickets().link_conversation(TRACKER, CONV)).await;
    check(c.tickets().unlink_conversation(TRACKER, CONV)).await;
}
