//! Notes: admin annotations on contacts and companies.
//!
//! Notes are written and listed through their contact or company
//! ([`contacts().create_note`](crate::contacts::Contacts::create_note),
//! [`contacts().list_notes`](crate::contacts::Contacts::list_notes)); this
//! family reads one note by id.

use serde::Deserialize;

use crate::error::Error;
use crate::models::Reference;
use crate::resources::admins::Admin;
use crate::resources::common::require_numeric;
use crate::resources::endpoints::endpoints;
use crate::transport::Request;

/// A note on a contact or a company (never both).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Note {
    /// The note id.
    #[serde(deserialize_with = "crate::models::string_or_number")]
    pub id: String,
    /// Creation time (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// The contact the note is about.
    #[serde(default)]
    pub contact: Option<Reference>,
    /// The company the note is about.
    #[serde(default)]
    pub company: Option<Reference>,
    /// The admin who wrote it.
    #[serde(default)]
    pub author: Option<Admin>,
    /// The note text, as HTML.
    #[serde(default)]
    pub body: Option<String>,
}

/// Note ids are integers (the spec types `note_id` so).
fn numeric_note_id<T>(req: Request<T>, note_id: &str) -> Result<Request<T>, Error> {
    require_numeric("note_id", note_id)?;
    Ok(req)
}

endpoints! {
    /// The notes endpoint. Get one from [`Client::notes`](crate::Client::notes).
    family "notes" => Notes;

    /// One note, with its author and the contact or company it is about.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let note = client.notes().get("31876452").await?;
    /// println!("{}", note.body.as_deref().unwrap_or(""));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending
    /// when `note_id` is not a number; `404 not_found`.
    "retrieveNote" GET "/notes/{note_id}"
    fn get(note_id) -> Call<Note> = numeric_note_id(note_id);
}
