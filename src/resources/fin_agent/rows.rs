//! The Fin agent endpoints: one row each (see
//! [`endpoints!`](crate::resources::endpoints)).

use super::models::{csat_body, reply_body, start_body};
use super::{CsatResult, FinCsat, FinResponse, ReplyFin, StartFin};
use crate::resources::endpoints::endpoints;

endpoints! {
    /// The Fin agent endpoints. Get one from
    /// [`Client::fin_agent`](crate::Client::fin_agent).
    family "fin_agent" => FinAgent;

    /// Start Fin on a conversation with the user's message, the user and
    /// optional history and attributes. Not retried: a retry could start
    /// Fin twice.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::fin_agent::{FinAuthor, FinMessage, FinUser, StartFin};
    /// let started = client
    ///     .fin_agent()
    ///     .start(
    ///         StartFin::new(
    ///             "conv-8812",
    ///             FinMessage::user("It still has not arrived", "2026-04-12T09:31:10Z"),
    ///             FinUser::new("user-42").name("Ada").attribute("plan", "pro"),
    ///         )
    ///         .history(FinMessage::user("Where is my parcel?", "2026-04-12T09:30:00Z"))
    ///         .conversation_attribute("order_id", "ORD-2026-0412"),
    ///     )
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty conversation or user id or message body, a timestamp that is
    /// not ISO 8601, an email that is not one, more than 10 attachments or
    /// history messages, a link that is not `http(s)://`; `400` otherwise
    /// refused; `403` without access to the Fin agent API.
    "startFinConversation" POST "/fin/start"
    fn start(start: StartFin) -> Call<FinResponse> = start_body;

    /// Pass the user's reply on to Fin (when Fin is `awaiting_user_reply`).
    /// Not retried: a retry could send the message twice.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::fin_agent::{FinMessage, FinUser, ReplyFin};
    /// client
    ///     .fin_agent()
    ///     .reply(ReplyFin::new(
    ///         "conv-8812",
    ///         FinMessage::user("Yes, order ORD-2026-0412", "2026-04-12T09:32:40Z"),
    ///         FinUser::new("user-42"),
    ///     ))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`start`](Self::start).
    "replyToFin" POST "/fin/reply"
    fn reply(reply: ReplyFin) -> Call<FinResponse> = reply_body;

    /// Record the user's rating of the conversation, when Fin asked for one.
    /// Retried after a 5xx or timeout, as Intercom documents: the same
    /// rating again is a no-op.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::fin_agent::{CsatRating, FinCsat};
    /// client
    ///     .fin_agent()
    ///     .submit_csat(FinCsat::new("conv-8812", CsatRating::Good).remark("Quick answer"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty conversation id or remark, or a rating this crate does not
    /// know; `422` when the rating is locked (a remark was recorded) or no
    /// survey was requested.
    "submitFinCsat" POST(idempotent) "/fin/csat"
    fn submit_csat(csat: FinCsat) -> Call<CsatResult> = csat_body;
}
