//! What the AI and sales agents did in a conversation, and QA results.

use serde::Deserialize;

use crate::models::{null_as_default, opt_string_or_number, string_enum};

string_enum! {
    /// How the AI agent's involvement ended.
    pub enum AiResolutionState {
        /// Assumed resolved (the contact did not come back).
        AssumedResolution = "assumed_resolution",
        /// The contact confirmed it was resolved.
        ConfirmedResolution = "confirmed_resolution",
        /// Handed to a teammate.
        Escalated = "escalated",
        /// The contact said the answer did not help.
        NegativeFeedback = "negative_feedback",
        /// Handed off to a procedure.
        ProcedureHandoff = "procedure_handoff",
    }
}

/// What the AI agent (Fin) did in a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AiAgent {
    /// What started it: `workflow`, `profile`, ...
    #[serde(default)]
    pub source_type: Option<String>,
    /// The title of that source.
    #[serde(default)]
    pub source_title: Option<String>,
    /// `ai_answer` or `custom_answer`.
    #[serde(default)]
    pub last_answer_type: Option<String>,
    /// How its involvement ended.
    #[serde(default)]
    pub resolution_state: Option<AiResolutionState>,
    /// The contact's rating of the AI agent.
    #[serde(default)]
    pub rating: Option<i64>,
    /// The contact's remark.
    #[serde(default)]
    pub rating_remark: Option<String>,
    /// When it joined (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last update (unix seconds).
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// The content it answered from.
    #[serde(default)]
    pub content_sources: Option<ContentSources>,
}

/// Content the AI agent answered from.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ContentSources {
    /// The sources.
    #[serde(default, deserialize_with = "null_as_default")]
    pub content_sources: Vec<ContentSource>,
    /// How many there are.
    #[serde(default)]
    pub total_count: Option<i64>,
}

/// One piece of content the AI agent used.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ContentSource {
    /// `article`, `file`, `external_content`, ...
    #[serde(default)]
    pub content_type: Option<String>,
    /// Where it lives.
    #[serde(default)]
    pub url: Option<String>,
    /// Its title.
    #[serde(default)]
    pub title: Option<String>,
    /// Its locale.
    #[serde(default)]
    pub locale: Option<String>,
}

/// What the sales agent did in a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct SalesAgent {
    /// `qualified`, `disqualified`, ...
    #[serde(default)]
    pub outcome: Option<String>,
    /// Where the lead was routed.
    #[serde(default)]
    pub routing_outcome: Option<String>,
    /// Data it collected, as JSON.
    #[serde(default)]
    pub collected_data: Option<serde_json::Map<String, serde_json::Value>>,
}

/// A QA monitor that flagged a conversation.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct MonitorEvaluation {
    /// The monitor id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub monitor_id: Option<String>,
    /// The monitor's name.
    #[serde(default)]
    pub monitor_name: Option<String>,
    /// The monitor's type.
    #[serde(default)]
    pub monitor_type: Option<String>,
    /// The result.
    #[serde(default)]
    pub result: Option<String>,
    /// Why.
    #[serde(default)]
    pub explanation: Option<String>,
    /// When (unix seconds).
    #[serde(default)]
    pub evaluated_at: Option<i64>,
}

/// A QA scorecard result.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Scorecard {
    /// The scorecard id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub scorecard_id: Option<String>,
    /// The scorecard version id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub scorecard_version_id: Option<String>,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its type.
    #[serde(default)]
    pub scorecard_type: Option<String>,
    /// Whether the conversation passed.
    #[serde(default)]
    pub passed: Option<bool>,
    /// The score.
    #[serde(default)]
    pub score: Option<f64>,
    /// The AI-computed score.
    #[serde(default)]
    pub ai_score: Option<f64>,
    /// When (unix seconds).
    #[serde(default)]
    pub evaluated_at: Option<i64>,
    /// The teammate (or AI) reviewed.
    #[serde(default)]
    pub reviewed_teammate: Option<ReviewedTeammate>,
    /// Per-criterion results.
    #[serde(default, deserialize_with = "null_as_default")]
    pub evaluators: Vec<ScorecardEvaluator>,
}

/// Who a scorecard reviewed.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ReviewedTeammate {
    /// `admin` or `ai`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// The admin id, for an admin.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub admin_id: Option<String>,
}

/// One criterion of a scorecard.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ScorecardEvaluator {
    /// The criterion id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub evaluator_id: Option<String>,
    /// Its result.
    #[serde(default)]
    pub result: Option<EvaluatorResult>,
}

/// The result of one scorecard criterion.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct EvaluatorResult {
    /// The value given.
    #[serde(default)]
    pub value: Option<String>,
    /// Who gave it.
    #[serde(default)]
    pub source: Option<String>,
    /// Why.
    #[serde(default)]
    pub reasoning: Option<String>,
    /// Reason ids.
    #[serde(default, deserialize_with = "null_as_default")]
    pub reason_ids: Vec<String>,
    /// Free text.
    #[serde(default)]
    pub other_text: Option<String>,
}
