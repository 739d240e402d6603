//! Workflows: export a workflow's whole configuration (for the EU Data
//! Act's portability).
//!
//! The one Workflows operation of Intercom API 2.16, on [`Workflows`]. The
//! steps, targeting and rules are Intercom's own structures, kept as JSON.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! let export = client.workflows().export("67890").await?;
//! let archived = export.raw.to_string(); // the export exactly as sent
//! println!("{} bytes", archived.len());
//! # Ok(()) }
//! ```

mod rows;

pub use rows::{Workflows, ops};

use serde::Deserialize;

use crate::models::{null_as_default, opt_string_or_number, string_enum, string_or_number};

string_enum! {
    /// Whether a workflow runs.
    pub enum WorkflowState {
        /// Running.
        Live = "live",
        /// Being edited, never set live.
        Draft = "draft",
        /// Stopped.
        Paused = "paused",
    }
}

/// A workflow's configuration.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Workflow {
    /// Its id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// What it does.
    #[serde(default)]
    pub description: Option<String>,
    /// What starts it, e.g. `inbound_conversation`.
    #[serde(default)]
    pub trigger_type: Option<String>,
    /// Live, draft or paused.
    #[serde(default)]
    pub state: Option<WorkflowState>,
    /// The channels it targets, e.g. `chat`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub target_channels: Vec<String>,
    /// The devices it prefers.
    #[serde(default, deserialize_with = "null_as_default")]
    pub preferred_devices: Vec<String>,
    /// Creation time (ISO 8601).
    #[serde(default)]
    pub created_at: Option<String>,
    /// Last change (ISO 8601).
    #[serde(default)]
    pub updated_at: Option<String>,
    /// Who it targets, as JSON.
    #[serde(default)]
    pub targeting: Option<serde_json::Value>,
    /// Its steps and configuration, as JSON.
    #[serde(default)]
    pub snapshot: Option<serde_json::Value>,
    /// The attributes it defines, as JSON.
    #[serde(default, deserialize_with = "null_as_default")]
    pub attributes: Vec<serde_json::Value>,
    /// The rules inside its steps, as JSON.
    #[serde(default, deserialize_with = "null_as_default")]
    pub embedded_rules: Vec<serde_json::Value>,
}

/// An export of one workflow.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct WorkflowExport {
    /// The export format's version, e.g. `1.0`.
    pub export_version: Option<String>,
    /// When it was made (ISO 8601).
    pub exported_at: Option<String>,
    /// The workspace's id.
    pub app_id: Option<String>,
    /// The workflow.
    pub workflow: Option<Workflow>,
    /// The export exactly as Intercom sent it, to archive or re-import.
    pub raw: serde_json::Value,
}

impl<'de> Deserialize<'de> for WorkflowExport {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Typed {
            #[serde(default)]
            export_version: Option<String>,
            #[serde(default)]
            exported_at: Option<String>,
            #[serde(default, deserialize_with = "opt_string_or_number")]
            app_id: Option<String>,
            #[serde(default)]
            workflow: Option<Workflow>,
        }
        let raw = serde_json::Value::deserialize(d)?;
        let t = Typed::deserialize(&raw).map_err(serde::de::Error::custom)?;
        Ok(WorkflowExport {
            export_version: t.export_version,
            exported_at: t.exported_at,
            app_id: t.app_id,
            workflow: t.workflow,
            raw,
        })
    }
}
