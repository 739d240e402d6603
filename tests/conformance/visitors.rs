//! Visitors (3 operations).

use intercom_api::visitors::{ConvertVisitor, Identifier, UpdateVisitor};

use crate::{check, prism};

const USER_ID: &str = "3ecf64d0-9ed1-4e9f-88e1-da7d6e6782f3";

#[tokio::test]
async fn get_update_and_convert() {
    let Some(c) = prism() else { return };
    check(c.visitors().get_by_user_id(USER_ID)).await;
    let update = UpdateVisitor::by_id("6762f30c1bb69f9f2193bc5e")
        .name("Gareth Bale")
        .custom_attribute("plan_interest", "growth");
    check(c.visitors().update(update)).await;
    let convert = ConvertVisitor::to_user(
        Identifier::user_id(USER_ID),
        Identifier::user_id("cus_7781").and_email("foo@bar.com"),
    );
    check(c.visitors().convert(convert)).await;
}
