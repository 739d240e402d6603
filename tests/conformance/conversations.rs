//! Conversations (16 operations).

use intercom_api::conversations::{
    ContactIdentifier, ConversationAction, ConversationSearch, ConvertToTicket, CreateConversation,
    LAST, Redaction, Reply, UpdateConversation,
};
use intercom_api::search::{Query, SortOrder, field};

use crate::{check, check_known_defect, prism};

/// Conversation ids are numeric (the spec types some of the path
/// parameters as integers).
const ID: &str = "215471042187655";
const CONTACT: &str = "6621d3b0e5f4a1c2b3d4e5f2";
const ADMIN: &str = "5281734";

#[tokio::test]
async fn create_conversation() {
    let Some(c) = prism() else { return };
    // A real (24 hex characters) contact id, as the API takes it.
    let req = CreateConversation::from_user(CONTACT, "Can we get SAML SSO on our plan?")
        .subject("SSO")
        .attachment_url("https://example.com/screenshots/sso.png")
        .created_at(1_719_485_000);
    check_known_defect(c.conversations().create(req)).await;
}

#[tokio::test]
async fn retrieve_conversation() {
    let Some(c) = prism() else { return };
    let conversation = check(
        c.conversations()
            .get(ID)
            .display_as_plaintext()
            .include_translations(),
    )
    .await;
    assert!(!conversation.id.is_empty());
}

#[tokio::test]
async fn update_conversation() {
    let Some(c) = prism() else { return };
    let update = UpdateConversation::new()
        .read(true)
        .title("CSV export stuck at 95%")
        .custom_attribute("issue_type", "Billing")
        .custom_attribute("rows", 2_140_000)
        .company_id("6621d3b0e5f4a1c2b3d4e9a0");
    check(c.conversations().update(ID, update).display_as_plaintext()).await;
}

#[tokio::test]
async fn update_conversation_custom_object_association() {
    let Some(c) = prism() else { return };
    let update = UpdateConversation::new().custom_attribute("order", serde_json::json!(["21"]));
    check_known_defect(c.conversations().update(ID, update)).await;
}

#[tokio::test]
async fn delete_conversation() {
    let Some(c) = prism() else { return };
    check(c.conversations().delete(ID).retain_metrics(false)).await;
}

#[tokio::test]
async fn list_conversations() {
    let Some(c) = prism() else { return };
    check(c.conversations().list().per_page(50)).await;
}

#[tokio::test]
async fn search_conversations() {
    let Some(c) = prism() else { return };
    let search = ConversationSearch::new(Query::and([
        field("state").eq("open"),
        field("updated_at").gt(1_719_000_000),
        Query::or([
            field("admin_assignee_id").is_in(vec!["5281734", "5281799"]),
            field("source.author.email").ends_with("@example.com"),
        ]),
    ]))
    .include_monitors()
    .include_scorecards();
    check(c.conversations().search(search).per_page(20)).await;
}

#[tokio::test]
async fn reply_conversation() {
    let Some(c) = prism() else { return };
    let conversations = c.conversations();
    let admin = Reply::admin_comment(ADMIN, "<p>Restarting the export now.</p>")
        .attachment_url("https://example.com/invoices/1187.pdf")
        .skip_notifications(false);
    check(conversations.reply(ID, admin)).await;
    check(conversations.reply(ID, Reply::admin_note(ADMIN, "<p>Row limit again.</p>"))).await;
    for contact in [
        ContactIdentifier::id(CONTACT),
        ContactIdentifier::external_id("cus_1187"),
        ContactIdentifier::email("kenji.watanabe@example.com"),
    ] {
        check(conversations.reply(LAST, Reply::contact_comment(contact, "Thanks again!"))).await;
    }
}

#[tokio::test]
async fn manage_conversation() {
    let Some(c) = prism() else { return };
    let conversations = c.conversations();
    for action in [
        ConversationAction::close(ADMIN).body("Closing, reply any time."),
        ConversationAction::open(ADMIN),
        ConversationAction::snooze(ADMIN, 1_767_225_600),
        ConversationAction::assign_to_admin(ADMIN, "5281799").body("Over to Tomás"),
        ConversationAction::assign_to_team(ADMIN, "6011422"),
        ConversationAction::unassign_admin(ADMIN),
    ] {
        check(conversations.manage(ID, action)).await;
    }
}

#[tokio::test]
async fn attach_and_detach_contact() {
    let Some(c) = prism() else { return };
    let conversations = c.conversations();
    for contact in [
        ContactIdentifier::id(CONTACT),
        ContactIdentifier::external_id("cus_1203"),
        ContactIdentifier::email("priya.nair@example.com"),
    ] {
        check(conversations.attach_contact(ID, ADMIN, contact)).await;
    }
    check(conversations.detach_contact(ID, CONTACT, ADMIN)).await;
}

#[tokio::test]
async fn handling_events_and_side_conversations() {
    let Some(c) = prism() else { return };
    check(c.conversations().list_handling_events(ID)).await;
    check(c.conversations().list_side_conversations(ID).per_page(50)).await;
}

#[tokio::test]
async fn redact_conversation() {
    let Some(c) = prism() else { return };
    check(c.conversations().redact(Redaction::part(ID, "27561203404"))).await;
    check(
        c.conversations()
            .redact(Redaction::source(ID, "2218745123")),
    )
    .await;
}

#[tokio::test]
async fn merge_conversation() {
    let Some(c) = prism() else { return };
    check(c.conversations().merge("215471042190021", ID)).await;
}

#[tokio::test]
async fn convert_conversation_to_ticket() {
    let Some(c) = prism() else { return };
    let convert = ConvertToTicket::new("53")
        .ticket_state_id("7493")
        .attribute("_default_title_", "CSV export stuck")
        .attribute("Affected rows", 2_140_000);
    check(c.conversations().convert_to_ticket(ID, convert)).await;
}

#[tokio::test]
async fn list_deleted_conversation_ids() {
    let Some(c) = prism() else { return };
    check(
        c.conversations()
            .list_deleted()
            .order(SortOrder::Ascending)
            .per_page(60),
    )
    .await;
}
