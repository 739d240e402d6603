//! Macros (2 operations).

use intercom_api::Cursor;

use crate::{check, prism};

#[tokio::test]
async fn list_macros() {
    let Some(c) = prism() else { return };
    let page = check(c.macros().list().per_page(50).updated_since(1_719_474_966)).await;
    assert!(!page.items.is_empty());
    check(
        c.macros()
            .list()
            .starting_from(Cursor::StartingAfter("WzE3MTk0OTM3NTcuMCwgIjEyMyJd".into())),
    )
    .await;
}

#[tokio::test]
async fn get_macro() {
    let Some(c) = prism() else { return };
    let m = check(c.macros().get("123")).await;
    assert!(!m.id.is_empty());
}
