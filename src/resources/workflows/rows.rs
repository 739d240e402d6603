//! The workflows endpoint (see [`endpoints!`](crate::resources::endpoints)).

use super::WorkflowExport;
use crate::resources::endpoints::endpoints;

endpoints! {
    /// The workflows endpoint. Get one from
    /// [`Client::workflows`](crate::Client::workflows).
    family "workflows" => Workflows;

    /// The whole configuration of the workflow `id`: steps, targeting,
    /// attributes, embedded rules.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let export = client.workflows().export("67890").await?;
    /// if let Some(w) = &export.workflow {
    ///     println!("{} {:?} {:?}", w.id, w.state, w.trigger_type);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404` for an unknown workflow; `403` without access to it.
    "exportWorkflow" GET "/export/workflows/{id}"
    fn export(id) -> Call<WorkflowExport>;
}
