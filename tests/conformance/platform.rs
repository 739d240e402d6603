//! IP Allowlist (2 operations), Switch (1), Workflows (1).

use intercom_api::ip_allowlist::AllowlistUpdate;
use intercom_api::phone_call_redirects::NewRedirect;

use crate::{check, prism};

#[tokio::test]
async fn ip_allowlist() {
    let Some(c) = prism() else { return };
    check(c.ip_allowlist().get()).await;
    check(
        c.ip_allowlist()
            .update(AllowlistUpdate::enable(["192.168.1.0/24", "10.0.0.1"])),
    )
    .await;
}

#[tokio::test]
async fn phone_call_redirects() {
    let Some(c) = prism() else { return };
    check(
        c.phone_call_redirects()
            .create(NewRedirect::new("+353832345678").custom_attribute("issue_type", "Billing")),
    )
    .await;
}

#[tokio::test]
async fn workflows() {
    let Some(c) = prism() else { return };
    let export = check(c.workflows().export("12345")).await;
    assert!(export.raw.is_object());
}
