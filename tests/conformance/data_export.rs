//! Data Export (4 operations): create, status, cancel, download.

use intercom_api::data_export::NewDataExport;

use crate::{check, prism};

const JOB: &str = "al9w983lwu88w1fd";

#[tokio::test]
async fn data_export() {
    let Some(c) = prism() else { return };
    check(
        c.data_export()
            .create(NewDataExport::new(1_734_519_776, 1_734_537_776)),
    )
    .await;
    check(c.data_export().get(JOB)).await;
    check(c.data_export().cancel(JOB)).await;
    let dl = check(c.data_export().download(JOB)).await;
    dl.to_writer(&mut tokio::io::sink()).await.expect("body");
}
