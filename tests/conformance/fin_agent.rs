//! Fin Agent (3 operations).

use intercom_api::fin_agent::{CsatRating, FinCsat, FinMessage, FinUser, ReplyFin, StartFin};

use crate::{check, prism};

#[tokio::test]
async fn fin() {
    let Some(c) = prism() else { return };
    let fin = c.fin_agent();
    check(
        fin.start(
            StartFin::new(
                "conv-8812",
                FinMessage::user("Where is my parcel?", "2026-04-12T09:30:00Z"),
                FinUser::new("user-42").email("ada@example.com"),
            )
            .history(FinMessage::user("Hello", "2026-04-12T09:29:00Z"))
            .conversation_attribute("order_id", "ORD-1"),
        ),
    )
    .await;
    check(fin.reply(ReplyFin::new(
        "conv-8812",
        FinMessage::user("ORD-1", "2026-04-12T09:31:00Z"),
        FinUser::new("user-42"),
    )))
    .await;
    check(fin.submit_csat(FinCsat::new("conv-8812", CsatRating::Good).remark("Quick"))).await;
}
