//! Internal Articles (6 operations).

use intercom_api::internal_articles::{
    InternalArticleSearch, NewInternalArticle, UpdateInternalArticle,
};

use crate::{check, prism};

const ARTICLE: &str = "123";

#[tokio::test]
async fn internal_articles() {
    let Some(c) = prism() else { return };
    let kb = c.internal_articles();
    check(kb.list()).await;
    let created = check(
        kb.create(
            NewInternalArticle::new("Thanks for everything", 991_266_252, 991_266_252)
                .body("<p>Body of the Article</p>"),
        ),
    )
    .await;
    assert!(!created.id.is_empty());
    check(kb.get(ARTICLE)).await;
    check(
        kb.update(
            ARTICLE,
            UpdateInternalArticle::new()
                .title("Christmas is here!")
                .body("<p>New gifts in store for the jolly season</p>"),
        ),
    )
    .await;
    let gone = check(kb.delete(ARTICLE)).await;
    assert!(gone.deleted);
    check(kb.search(InternalArticleSearch::new().folder_id("123"))).await;
}
