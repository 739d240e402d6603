//! The Calls endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::{FinVoiceCall, RegisterFinVoiceCall, VoiceCall};
use super::{phone_number_path, plain_text, register_body, search_body};
use crate::models::List;
use crate::pagination::{Paging, Scheme};
use crate::resources::download::DownloadCall;
use crate::resources::endpoints::endpoints;
use crate::transport::Download;

/// Most calls per page of [`Calls::list`].
pub const MAX_PER_PAGE: u32 = 25;
/// Most conversations one [`Calls::search_with_transcripts`] takes.
pub const MAX_SEARCH_CONVERSATIONS: usize = 20;

const LIST: Paging = Paging::new(Scheme::PageNumber, "data").max_per_page(MAX_PER_PAGE);

endpoints! {
    /// The Calls and Fin Voice endpoints. Get one from
    /// [`Client::calls`](crate::Client::calls).
    family "calls" => Calls;

    /// The workspace's calls, in pages of at most 25: await
    /// it for the first page, or stream every call with `.items()`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use futures::TryStreamExt;
    /// let calls: Vec<_> = client.calls().list().per_page(25).items().try_collect().await?;
    /// println!("{} calls", calls.len());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// `per_page` outside 1..=25; `401`.
    "listCalls" GET "/calls"
    fn list() -> ListCall<VoiceCall> paged LIST;

    /// One call.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let call = client.calls().get("123").await?;
    /// println!("{:?} {:?}", call.state, call.ended_at.and_then(|t| t.unix_seconds()));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found` for an unknown id.
    "showCall" GET "/calls/{call_id}"
    fn get(call_id) -> Call<VoiceCall>;

    /// A call's recording, streamed (see [`Download`]). Intercom answers with
    /// a redirect to a signed URL: it is followed once, and the token is
    /// never sent there.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let recording = client.calls().recording("123").await?;
    /// let name = recording.filename().unwrap_or("call-123.mp3").to_owned();
    /// let mut file = tokio::fs::File::create(name).await.map_err(intercom_api::Error::Write)?;
    /// recording.to_writer(&mut file).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found` when the call has no recording; while reading, the
    /// errors of [`Download::to_writer`].
    "showCallRecording" GET "/calls/{call_id}/recording"
    fn recording(call_id) -> DownloadCall<Download>;

    /// A call's transcript, as plain text (one line per utterance, with its
    /// time and speaker), sent with `Accept: text/plain`. Read it with
    /// [`Download::text`] under a size limit, or stream it.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let text = client.calls().transcript("123").await?.text(1 << 20).await?;
    /// for line in text.lines() {
    ///     println!("{line}");
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found` when the call has no transcript; while reading, the
    /// errors of [`Download::text`] or [`Download::to_writer`].
    "showCallTranscript" GET "/calls/{call_id}/transcript"
    fn transcript(call_id) -> DownloadCall<Download> = plain_text;

    /// The calls of up to 20 conversations, each with its transcript when
    /// there is one ([`VoiceCall::transcript`]). A read: retried after a 5xx
    /// or timeout.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let calls = client
    ///     .calls()
    ///     .search_with_transcripts(["64619700005694", "64619700005695"])
    ///     .await?;
    /// for call in calls.iter() {
    ///     println!("{}: {:?}", call.id, call.transcript_status);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// no conversation id, more than 20, or an empty one; `401`.
    "listCallsWithTranscripts" POST(idempotent) "/calls/search"
    fn search_with_transcripts(
        conversation_ids: impl IntoIterator<Item = impl Into<String>>
    ) -> Call<List<VoiceCall>> = search_body;

    /// Register a call Fin answers through a telephony provider, linking the
    /// provider's call id to Intercom. Not retried: a second registration
    /// of the same call is refused with `409`.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::calls::{FinVoiceSource, RegisterFinVoiceCall};
    /// let call = client
    ///     .calls()
    ///     .register_fin_voice(
    ///         RegisterFinVoiceCall::new("+15551234567", "five9-88231")
    ///             .source(FinVoiceSource::Five9)
    ///             .data("queue", "billing"),
    ///     )
    ///     .await?;
    /// println!("reference {:?}", call.id);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// a phone number that is not E.164 or an empty call id; `409` when the
    /// call is already registered.
    "registerFinVoiceCall" POST "/fin_voice/register"
    fn register_fin_voice(call: RegisterFinVoiceCall) -> Call<FinVoiceCall> = register_body;

    /// A Fin Voice call by its reference id ([`FinVoiceCall::id`]).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let call = client.calls().fin_voice_call("12345").await?;
    /// println!("{:?}: {:?}", call.status, call.call_summary);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404` when the reference is unknown or not matched to a call yet.
    "collectFinVoiceCallById" GET "/fin_voice/collect/{id}"
    fn fin_voice_call(#[numeric] id) -> Call<FinVoiceCall>;

    /// A Fin Voice call by the provider's call id.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let call = client.calls().fin_voice_call_by_external_id("five9-88231").await?;
    /// println!("{:?}", call.intercom_conversation_id);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404` when no call was registered with that id, or it is not matched
    /// yet.
    "collectFinVoiceCallByExternalId" GET "/fin_voice/external_id/{external_id}"
    fn fin_voice_call_by_external_id(external_id) -> Call<FinVoiceCall>;

    /// The latest Fin Voice call from a phone number (E.164).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let call = client.calls().fin_voice_call_by_phone_number("+15551234567").await?;
    /// println!("{:?}", call.status);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// a number that is not E.164; `404` when no matched call came from it.
    "collectFinVoiceCallByPhoneNumber" GET "/fin_voice/phone_number/{phone_number}"
    fn fin_voice_call_by_phone_number(phone_number) -> Call<FinVoiceCall>
        = phone_number_path(phone_number);

    /// Every matched Fin Voice call of a conversation (one conversation may
    /// have several).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let calls = client.calls().fin_voice_calls_of_conversation("5678").await?;
    /// println!("{} calls", calls.len());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401` for a token Intercom refuses.
    "collectFinVoiceCallsByConversationId" GET "/fin_voice/conversation/{conversation_id}"
    fn fin_voice_calls_of_conversation(conversation_id) -> Call<Vec<FinVoiceCall>>;
}
