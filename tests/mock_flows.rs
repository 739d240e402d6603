//! The relations the fake Intercom keeps, checked through the SDK's typed
//! methods as a user would: what one call changes, the next call shows.

use futures::TryStreamExt;
use intercom_api::admins::SetAway;
use intercom_api::articles::{ArticleSearch, CreateArticle};
use intercom_api::companies::CreateOrUpdateCompany;
use intercom_api::contacts::CreateContact;
use intercom_api::conversations::{
    ConversationAction, ConversationState, CreateConversation, Reply,
};
use intercom_api::data_events::{CreateDataEvent, CreateEventSummary, EventUser};
use intercom_api::mock::FakeIntercom;
use intercom_api::search::field;
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

#[tokio::test]
async fn tagging_a_contact_shows_on_the_contact_and_in_the_tags_usage() -> TestResult {
    let (_fake, client) = fake().await;
    let ada = client
        .contacts()
        .create(CreateContact::with_email("ada@example.com"))
        .await?;
    let bob = client
        .contacts()
        .create(CreateContact::with_email("bob@example.com"))
        .await?;
    let vip = client.tags().create("VIP").await?;
    // Creating an existing name (any case) finds it.
    assert_eq!(client.tags().create("vip").await?.id, vip.id);

    client.tags().tag_contact(&ada.id, &vip.id).await?;
    let tags = client.contacts().list_tags(&ada.id).await?;
    assert_eq!(
        tags.data.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        [vip.id.as_str()]
    );
    assert_eq!(tags.data[0].name.as_deref(), Some("VIP"));
    assert!(client.contacts().list_tags(&bob.id).await?.data.is_empty());

    // Usage: the contacts search on tag_id finds the tagged contact only.
    let tagged = client
        .contacts()
        .search(field("tag_id").eq(vip.id.as_str()))
        .await?;
    assert_eq!(
        tagged
            .items
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        [ada.id.as_str()]
    );
    // A tag in use cannot be deleted; untagged, it can.
    let err = client.tags().delete(&vip.id).await.expect_err("in use");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    client.tags().untag_contact(&ada.id, &vip.id).await?;
    assert!(client.contacts().list_tags(&ada.id).await?.data.is_empty());
    client.tags().delete(&vip.id).await?;
    assert!(
        client
            .tags()
            .get(&vip.id)
            .await
            .expect_err("gone")
            .is_not_found()
    );
    Ok(())
}

#[tokio::test]
async fn replies_grow_the_parts_and_actions_move_state_and_statistics() -> TestResult {
    let (fake, client) = fake().await;
    let admin = fake.admin_ids()[0].clone();
    let other = fake.admin_ids()[1].clone();
    let ada = client
        .contacts()
        .create(CreateContact::with_email("ada@example.com"))
        .await?;
    let message = client
        .conversations()
        .create(CreateConversation::from_user(
            &ada.id,
            "My invoice is wrong",
        ))
        .await?;
    let id = message.conversation_id.clone().expect("conversation id");
    let c = client.conversations().get(&id).await?;
    assert_eq!(c.state, Some(ConversationState::Open));
    assert!(c.conversation_parts.is_empty());

    let c = client
        .conversations()
        .reply(&id, Reply::admin_comment(&admin, "Looking"))
        .await?;
    assert_eq!(c.conversation_parts.len(), 1);
    assert_eq!(c.conversation_parts[0].body.as_deref(), Some("Looking"));
    let c = client
        .conversations()
        .reply(&id, Reply::admin_note(&admin, "Refund?"))
        .await?;
    assert_eq!(c.conversation_parts.len(), 2);
    assert!(
        c.statistics
            .as_ref()
            .and_then(|s| s.first_admin_reply_at)
            .is_some()
    );

    let c = client
        .conversations()
        .manage(&id, ConversationAction::close(&admin))
        .await?;
    assert_eq!(c.state, Some(ConversationState::Closed));
    assert_eq!(c.open, Some(false));
    let stats = c.statistics.clone().expect("statistics");
    assert!(stats.last_close_at.is_some());
    assert_eq!(stats.last_closed_by_id.as_deref(), Some(admin.as_str()));

    // Reopening a closed conversation counts as a reopen.
    let c = client
        .conversations()
        .manage(&id, ConversationAction::open(&admin))
        .await?;
    assert_eq!(c.state, Some(ConversationState::Open));
    assert_eq!(c.statistics.as_ref().and_then(|s| s.count_reopens), Some(1));

    let until = c.created_at.unwrap_or(0) + 86_400 * 365 * 50;
    let c = client
        .conversations()
        .manage(&id, ConversationAction::snooze(&admin, until))
        .await?;
    assert_eq!(c.state, Some(ConversationState::Snoozed));
    assert_eq!(c.snoozed_until, Some(until));

    let c = client
        .conversations()
        .manage(&id, ConversationAction::assign_to_admin(&admin, &other))
        .await?;
    assert_eq!(c.admin_assignee_id.as_deref(), Some(other.as_str()));
    assert_eq!(
        c.statistics.as_ref().and_then(|s| s.count_assignments),
        Some(1)
    );

    let c = client
        .conversations()
        .manage(&id, ConversationAction::open(&admin))
        .await?;
    assert_eq!(c.state, Some(ConversationState::Open));
    assert_eq!(c.snoozed_until, None);
    // Waking a snoozed conversation is not a reopen.
    assert_eq!(c.statistics.as_ref().and_then(|s| s.count_reopens), Some(1));
    // Two replies and five actions: seven parts, on a fresh read.
    let c = client.conversations().get(&id).await?;
    let kinds: Vec<String> = c
        .conversation_parts
        .iter()
        .map(|p| {
            p.part_type
                .as_ref()
                .map(|k| format!("{k:?}"))
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(kinds.len(), 7, "{kinds:?}");
    Ok(())
}

#[tokio::test]
async fn attaching_a_contact_to_a_company_shows_on_both_sides() -> TestResult {
    let (_fake, client) = fake().await;
    let ada = client
        .contacts()
        .create(CreateContact::with_email("ada@example.com"))
        .await?;
    let acme = client
        .companies()
        .create_or_update(CreateOrUpdateCompany::new("acme").name("Acme"))
        .await?;
    client.companies().attach_contact(&ada.id, &acme.id).await?;

    let of_contact: Vec<_> = client
        .contacts()
        .list_companies(&ada.id)
        .items()
        .try_collect()
        .await?;
    assert_eq!(
        of_contact.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        [acme.id.as_str()]
    );
    let of_company: Vec<_> = client
        .companies()
        .list_contacts(&acme.id)
        .items()
        .try_collect()
        .await?;
    assert_eq!(
        of_company.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        [ada.id.as_str()]
    );
    assert_eq!(client.companies().get(&acme.id).await?.user_count, Some(1));

    client.companies().detach_contact(&ada.id, &acme.id).await?;
    assert!(
        client
            .contacts()
            .list_companies(&ada.id)
            .await?
            .items
            .is_empty()
    );
    assert!(
        client
            .companies()
            .list_contacts(&acme.id)
            .await?
            .items
            .is_empty()
    );
    Ok(())
}

#[tokio::test]
async fn a_created_article_is_got_listed_searched_and_deleted() -> TestResult {
    let (fake, client) = fake().await;
    let admin = fake.admin_ids()[0].clone();
    // An author that is not an admin id is refused.
    let err = client
        .request::<serde_json::Value>(intercom_api::Method::POST, "/articles")
        .json(&serde_json::json!({"title": "No author"}))
        .await
        .expect_err("author required");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    let article = client
        .articles()
        .create(
            CreateArticle::new("Resetting your password", admin.parse::<i64>()?)
                .body("<p>Click forgot password.</p>"),
        )
        .await?;
    let got = client.articles().get(&article.id).await?;
    assert_eq!(got.title.as_deref(), Some("Resetting your password"));

    let listed: Vec<_> = client.articles().list().items().try_collect().await?;
    assert_eq!(
        listed.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        [article.id.as_str()]
    );
    let found = client
        .articles()
        .search(ArticleSearch::phrase("PASSWORD"))
        .await?;
    assert_eq!(
        found
            .items
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        [article.id.as_str()]
    );
    assert!(client.articles().search("billing").await?.items.is_empty());

    let deleted = client.articles().delete(&article.id).await?;
    assert!(deleted.deleted);
    assert!(
        client
            .articles()
            .get(&article.id)
            .await
            .expect_err("gone")
            .is_not_found()
    );
    assert!(client.articles().search("password").await?.items.is_empty());
    Ok(())
}

#[tokio::test]
async fn submitted_events_come_back_in_the_users_list_and_summary() -> TestResult {
    let (_fake, client) = fake().await;
    client
        .contacts()
        .create(CreateContact::with_external_id("ada-1").email("ada@example.com"))
        .await?;
    let user = EventUser::user_id("ada-1");
    for (name, at) in [
        ("placed-order", 1_717_236_315),
        ("login", 1_717_236_400),
        ("placed-order", 1_717_240_000),
    ] {
        client
            .data_events()
            .submit(CreateDataEvent::new(name, at, user.clone()).metadata("order", "A1"))
            .await?;
    }
    client
        .data_events()
        .submit(CreateDataEvent::new(
            "login",
            1_717_236_500,
            EventUser::user_id("someone-else"),
        ))
        .await?;

    let events: Vec<_> = client
        .data_events()
        .list(user.clone())
        .items()
        .try_collect()
        .await?;
    assert_eq!(events.len(), 3);
    assert_eq!(events[0].created_at, 1_717_240_000, "newest first");
    assert!(events.iter().all(|e| e.user_id.as_deref() == Some("ada-1")));

    client
        .data_events()
        .submit_summaries(CreateEventSummary::new("ada-1", "login").count(5))
        .await?;
    let summary = client.data_events().summary(user).await?;
    let count = |name: &str| {
        summary
            .events
            .iter()
            .find(|e| e.name.as_deref() == Some(name))
            .and_then(|e| e.count)
    };
    assert_eq!(count("placed-order"), Some(2));
    assert_eq!(count("login"), Some(6));
    let orders = summary
        .events
        .iter()
        .find(|e| e.name.as_deref() == Some("placed-order"));
    assert_eq!(
        orders.and_then(|e| e.first.as_deref()),
        Some("2024-06-01T10:05:15.000Z")
    );
    Ok(())
}

#[tokio::test]
async fn admins_list_get_and_away_agree_with_me() -> TestResult {
    let (_fake, client) = fake().await;
    let me = client.admins().me().await?;
    let all = client.admins().list().await?;
    assert!(all.admins.iter().any(|a| a.id == me.id));
    let got = client.admins().get(&me.id).await?;
    assert_eq!(
        (got.name.clone(), got.email.clone()),
        (me.name.clone(), me.email.clone())
    );
    assert_eq!(me.away_mode_enabled, Some(false));

    let away = client
        .admins()
        .set_away(&me.id, SetAway::new(true, true))
        .await?;
    assert_eq!(away.away_mode_enabled, Some(true));
    assert_eq!(client.admins().me().await?.away_mode_enabled, Some(true));
    assert_eq!(
        client.admins().get(&me.id).await?.away_mode_reassign,
        Some(true)
    );
    let listed = client.admins().list().await?;
    let mine = listed
        .admins
        .iter()
        .find(|a| a.id == me.id)
        .expect("listed");
    assert_eq!(mine.away_mode_enabled, Some(true));
    assert!(
        client
            .admins()
            .get("404404")
            .await
            .expect_err("absent")
            .is_not_found()
    );
    Ok(())
}
