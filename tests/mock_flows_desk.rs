//! The relations the fake Intercom keeps for the issue-10 families
//! (tickets, jobs, messages, data and conversation attributes, office
//! hours), checked through the SDK's typed methods.

use std::time::Duration;

use futures::TryStreamExt;
use intercom_api::contacts::CreateContact;
use intercom_api::conversation_attributes::NewConversationAttribute;
use intercom_api::conversations::{ContactIdentifier, CreateConversation};
use intercom_api::data_attributes::{CreateDataAttribute, DataAttributeModel, DataType};
use intercom_api::jobs::JobWait;
use intercom_api::messages::{CreateMessage, Recipient};
use intercom_api::mock::FakeIntercom;
use intercom_api::office_hours::{NewException, NewSchedule, Weekday};
use intercom_api::search::field;
use intercom_api::ticket_types::TicketStateCategory;
use intercom_api::tickets::{
    ChangeTicketType, CreateTicket, JobStatus, TicketPartType, TicketReply, UpdateTicket,
};
use intercom_api::{Client, RetryPolicy};

type TestResult = Result<(), Box<dyn std::error::Error>>;

async fn fake() -> (FakeIntercom, Client) {
    let fake = FakeIntercom::start().await;
    let client = fake
        .client_builder()
        .retry(RetryPolicy::none())
        .pacing(false)
        .build()
        .expect("client");
    (fake, client)
}

/// The seeded ticket type ids: Customer, Back-office, Tracker.
const CUSTOMER: &str = "1";
const BACK_OFFICE: &str = "2";
const TRACKER: &str = "3";

#[tokio::test]
async fn a_created_ticket_is_got_searched_replied_to_and_moves_state() -> TestResult {
    let (fake, client) = fake().await;
    let admin = fake.admin_ids()[0].clone();
    let ada = client
        .contacts()
        .create(CreateContact::with_email("ada@example.com"))
        .await?;
    let ticket = client
        .tickets()
        .create(
            CreateTicket::new(CUSTOMER, ContactIdentifier::Id(ada.id.clone()))
                .title("Cannot export"),
        )
        .await?;
    let submitted = ticket
        .ticket_state
        .as_ref()
        .and_then(|s| s.category.clone());
    assert_eq!(submitted, Some(TicketStateCategory::Submitted));
    assert_eq!(ticket.contacts[0].id, ada.id);

    let got = client.tickets().get(&ticket.id).await?;
    assert_eq!(got.ticket_id, ticket.ticket_id);
    assert_eq!(
        got.ticket_attributes.get("_default_title_"),
        Some(&"Cannot export".into())
    );

    let found = client
        .tickets()
        .search(field("contact_ids").eq(ada.id.as_str()))
        .await?;
    assert_eq!(found.items.len(), 1);
    assert_eq!(found.items[0].id, ticket.id);

    client
        .tickets()
        .reply(
            &ticket.id,
            TicketReply::admin_comment(&admin, "Looking into it"),
        )
        .await?;
    let in_progress = ticket
        .ticket_type
        .as_ref()
        .and_then(|t| t.state(&TicketStateCategory::InProgress))
        .map(|s| s.id.clone())
        .expect("an in-progress state");
    let moved = client
        .tickets()
        .update(
            &ticket.id,
            UpdateTicket::new().state(&in_progress).as_admin(&admin),
        )
        .await?;
    assert_eq!(
        moved.previous_ticket_state_id,
        ticket.ticket_state.as_ref().map(|s| s.id.clone())
    );
    let parts: Vec<_> = moved
        .ticket_parts
        .iter()
        .map(|p| p.part_type.clone())
        .collect();
    assert_eq!(
        parts,
        [
            Some(TicketPartType::Comment),
            Some(TicketPartType::TicketStateUpdatedByAdmin)
        ]
    );
    // Nothing in progress in another category's type: a change of type
    // across categories is refused.
    let err = client
        .tickets()
        .change_type(&ticket.id, ChangeTicketType::new(BACK_OFFICE, "1"))
        .await
        .expect_err("another category");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    let err = client.tickets().get("nope").await.expect_err("unknown");
    assert_eq!(err.code().map(|c| c.as_str()), Some("ticket_not_found"));
    Ok(())
}

#[tokio::test]
async fn a_tracker_ticket_links_conversations_on_both_sides() -> TestResult {
    let (_fake, client) = fake().await;
    let ada = client
        .contacts()
        .create(CreateContact::with_email("ada@example.com"))
        .await?;
    let started = client
        .conversations()
        .create(CreateConversation::from_user(&ada.id, "It is down"))
        .await?;
    let conversation = started.conversation_id.expect("a conversation");
    let tracker = client
        .tickets()
        .create(CreateTicket::new(TRACKER, ContactIdentifier::Id(ada.id.clone())).title("Outage"))
        .await?;
    client
        .tickets()
        .link_conversation(&tracker.id, &conversation)
        .await?;
    let ticket = client.tickets().get(&tracker.id).await?;
    let linked = ticket.linked_objects.expect("linked objects").data;
    assert_eq!(linked[0].id.as_deref(), Some(conversation.as_str()));
    let conv = client.conversations().get(&conversation).await?;
    let back = conv.linked_objects.expect("linked objects").data;
    assert_eq!(back[0].id.as_deref(), Some(tracker.id.as_str()));

    client
        .tickets()
        .unlink_conversation(&tracker.id, &conversation)
        .await?;
    let conv = client.conversations().get(&conversation).await?;
    assert!(conv.linked_objects.is_none_or(|l| l.data.is_empty()));

    // Only Tracker tickets link.
    let request = client
        .tickets()
        .create(CreateTicket::new(CUSTOMER, ContactIdentifier::Id(ada.id.clone())).title("Help"))
        .await?;
    let err = client
        .tickets()
        .link_conversation(&request.id, &conversation)
        .await
        .expect_err("not a tracker");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    Ok(())
}

#[tokio::test]
async fn an_enqueued_ticket_is_the_jobs_resource() -> TestResult {
    let (_fake, client) = fake().await;
    let job = client
        .tickets()
        .enqueue(
            CreateTicket::new(CUSTOMER, ContactIdentifier::Email("new@example.com".into()))
                .title("Queued"),
        )
        .await?;
    assert_eq!(job.status, Some(JobStatus::Pending));
    let done = client
        .jobs()
        .wait(
            &job.id,
            JobWait::default()
                .first_delay(Duration::from_millis(10))
                .max_wait(Duration::from_secs(5)),
        )
        .await?;
    assert_eq!(done.status, Some(JobStatus::Success));
    let ticket = client
        .tickets()
        .get(done.resource_id.as_deref().expect("a resource"))
        .await?;
    assert_eq!(
        ticket.ticket_attributes.get("_default_title_"),
        Some(&"Queued".into())
    );
    Ok(())
}

#[tokio::test]
async fn a_message_to_a_contact_starts_a_listed_conversation() -> TestResult {
    let (fake, client) = fake().await;
    let admin = fake.admin_ids()[0].clone();
    let ada = client
        .contacts()
        .create(CreateContact::with_email("ada@example.com"))
        .await?;
    let sent = client
        .messages()
        .create(
            CreateMessage::in_app(&admin, Recipient::user(&ada.id), "Welcome!")
                .create_conversation_without_contact_reply(true),
        )
        .await?;
    let conversation = sent.conversation_id.expect("a conversation");
    let listed: Vec<_> = client.conversations().list().items().try_collect().await?;
    assert!(listed.iter().any(|c| c.id == conversation));
    assert_eq!(fake.messages().len(), 1);

    let err = client
        .messages()
        .create(CreateMessage::in_app(
            &admin,
            Recipient::user("nobody"),
            "Hi",
        ))
        .await
        .expect_err("unknown contact");
    assert!(err.is_not_found());
    Ok(())
}

#[tokio::test]
async fn ensuring_a_data_attribute_creates_it_once_then_finds_it() -> TestResult {
    let (_fake, client) = fake().await;
    let wanted = || CreateDataAttribute::new("plan", DataAttributeModel::Contact, DataType::String);
    let first = client.data_attributes().ensure(wanted()).await?;
    assert!(first.created);
    let again = client.data_attributes().ensure(wanted()).await?;
    assert!(!again.created);
    assert_eq!(again.attribute.id, first.attribute.id);
    // The name is taken on the company side too.
    let err = client
        .data_attributes()
        .create(CreateDataAttribute::new(
            "plan",
            DataAttributeModel::Company,
            DataType::String,
        ))
        .await
        .expect_err("taken");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    Ok(())
}

#[tokio::test]
async fn office_hours_exceptions_go_with_their_schedule() -> TestResult {
    let (_fake, client) = fake().await;
    let oh = client.office_hours();
    let schedule = oh
        .create_schedule(NewSchedule::new("Support", "Europe/Paris").daily(
            [Weekday::Monday, Weekday::Tuesday],
            540,
            1020,
        ))
        .await?;
    assert_eq!(schedule.time_intervals[1].day_of_week, Some(1));
    let closed = oh
        .create_exception(&schedule.id, NewException::closed("2026-12-25"))
        .await?;
    assert!(closed.time_intervals.is_empty());
    assert_eq!(oh.list_exceptions(&schedule.id).await?.data.len(), 1);
    let other = oh.list_schedules().await?.data[0].id.clone();
    assert!(
        oh.get_exception(&other, &closed.id)
            .await
            .expect_err("another schedule's")
            .is_not_found()
    );
    assert!(oh.delete_schedule(&schedule.id).await?.deleted);
    assert!(
        oh.list_exceptions(&schedule.id)
            .await
            .expect_err("gone")
            .is_not_found()
    );
    assert!(
        oh.get_exception(&schedule.id, &closed.id)
            .await
            .expect_err("gone")
            .is_not_found()
    );
    Ok(())
}

#[tokio::test]
async fn deleting_a_conversation_attribute_option_archives_it() -> TestResult {
    let (_fake, client) = fake().await;
    let attrs = client.conversation_attributes();
    let plan = attrs
        .create(NewConversationAttribute::list(
            "Plan",
            ["Free", "Pro", "Enterprise"],
        ))
        .await?;
    let free = plan.options[0].id.clone();
    let after = attrs.delete_option(&plan.id, &free).await?;
    assert_eq!(after.options.len(), 3);
    assert_eq!(after.active_options().count(), 2);
    // Two active options are the least a list keeps.
    let pro = after.options[1].id.clone();
    let err = attrs
        .delete_option(&plan.id, &pro)
        .await
        .expect_err("too few");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(422));
    // Deleting the attribute archives it: listed only with archived ones.
    assert_eq!(attrs.delete(&plan.id).await?.archived, Some(true));
    assert!(attrs.list().await?.data.is_empty());
    assert_eq!(attrs.list().include_archived(true).await?.data.len(), 1);
    Ok(())
}
