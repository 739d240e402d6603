//! What Intercom answers about data connectors and their executions.

use serde::{Deserialize, Serialize};

use crate::models::{null_as_default, opt_string_or_number, string_enum, string_or_number};

string_enum! {
    /// Whether a connector is being configured or in use.
    pub enum ConnectorState {
        /// Being configured; only a draft can be deleted.
        Draft = "draft",
        /// In use by workflows and Fin.
        Live = "live",
    }
}

string_enum! {
    /// The HTTP method a connector calls your API with.
    pub enum ConnectorHttpMethod {
        /// `GET`.
        Get = "get",
        /// `POST`.
        Post = "post",
        /// `PUT`.
        Put = "put",
        /// `DELETE`.
        Delete = "delete",
        /// `PATCH`.
        Patch = "patch",
    }
}

string_enum! {
    /// Who a connector is available for.
    pub enum AudienceType {
        /// Signed-up users.
        Users = "users",
        /// Leads.
        Leads = "leads",
        /// Anonymous visitors.
        Visitors = "visitors",
    }
}

string_enum! {
    /// The type of a connector's input parameter.
    pub enum InputType {
        /// Text.
        String = "string",
        /// A whole number.
        Integer = "integer",
        /// A decimal number.
        Decimal = "decimal",
        /// `true` or `false`.
        Boolean = "boolean",
    }
}

string_enum! {
    /// Why an execution failed.
    pub enum ExecutionErrorType {
        /// The connector's request is misconfigured.
        RequestConfiguration = "request_configuration_error",
        /// The HTTP request itself failed (connection, timeout).
        Faraday = "faraday_error",
        /// Your API answered with an error.
        ThirdParty = "3rd_party_error",
        /// The response could not be mapped.
        ResponseMapping = "response_mapping_error",
        /// An OAuth token could not be refreshed.
        TokenRefresh = "token_refresh_error",
        /// Fin could not format the response.
        FinActionResponseFormatting = "fin_action_response_formatting_error",
        /// Fin could not verify the customer's identity.
        FinActionIdentityVerification = "fin_action_identity_verification_error",
        /// Email verification failed.
        EmailVerification = "email_verification_error",
        /// Identity verification failed outside Fin.
        NonFinStandaloneActionIdentityVerification =
            "non_fin_standalone_action_identity_verification_error",
        /// The request failed validation.
        RequestValidation = "request_validation_error",
        /// A client-side action failed.
        ClientSideAction = "client_side_action_error",
    }
}

string_enum! {
    /// What triggered an execution.
    pub enum ExecutionSource {
        /// A custom bot.
        CustomBot = "custom_bot",
        /// An inbound custom bot.
        InboundCustomBot = "inbound_custom_bot",
        /// A button custom bot.
        ButtonCustomBot = "button_custom_bot",
        /// A Fin answer.
        Answer = "answer",
        /// A workflow.
        Workflow = "workflow",
        /// A macro.
        SavedReply = "saved_reply",
        /// A triggerable custom bot.
        TriggerableCustomBot = "triggerable_custom_bot",
        /// A teammate in the Inbox.
        Inbox = "inbox",
        /// Fin.
        Fin = "fin",
    }
}

/// A data connector, as listed.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct DataConnector {
    /// Its id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// What it does.
    #[serde(default)]
    pub description: Option<String>,
    /// Draft or live.
    #[serde(default)]
    pub state: Option<ConnectorState>,
    /// The method it calls your API with.
    #[serde(default)]
    pub http_method: Option<ConnectorHttpMethod>,
    /// Whether Fin uses it directly.
    #[serde(default)]
    pub direct_fin_usage: Option<bool>,
    /// The admin who created it.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub created_by_admin_id: Option<String>,
    /// The admin who last changed it.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub updated_by_admin_id: Option<String>,
    /// Creation time (ISO 8601).
    #[serde(default)]
    pub created_at: Option<String>,
    /// Last change (ISO 8601).
    #[serde(default)]
    pub updated_at: Option<String>,
    /// The path of its execution results.
    #[serde(default)]
    pub execution_results_url: Option<String>,
}

/// A header a connector sends; its value is always `"****"` in answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ConnectorHeader {
    /// The header name.
    #[serde(default)]
    pub name: String,
    /// The value (redacted in answers).
    #[serde(default)]
    pub value: String,
}

impl ConnectorHeader {
    /// The header `name: value` (values may use template variables).
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        ConnectorHeader {
            name: name.into(),
            value: value.into(),
        }
    }
}

/// An input parameter of a connector, as Intercom returns it.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct DataInputSpec {
    /// Its name (the template variable).
    #[serde(default)]
    pub name: Option<String>,
    /// Its type.
    #[serde(default, rename = "type")]
    pub input_type: Option<InputType>,
    /// What it is.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether it must have a value.
    #[serde(default)]
    pub required: Option<bool>,
    /// Its default value.
    #[serde(default)]
    pub default_value: Option<String>,
}

/// A field of your API's response that a connector reads.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ResponseField {
    /// Its JSON path.
    #[serde(default)]
    pub path: Option<String>,
    /// Its type: `unknown`, `string`, `integer`, `decimal`, `datetime`,
    /// `boolean`.
    #[serde(default, rename = "type")]
    pub field_type: Option<String>,
    /// A sample value.
    #[serde(default)]
    pub example_value: Option<serde_json::Value>,
    /// Whether it is hidden from Fin.
    #[serde(default)]
    pub redacted: Option<bool>,
}

/// A data connector with its whole configuration.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct DataConnectorDetail {
    /// The fields a listing shows too.
    #[serde(flatten)]
    pub connector: DataConnector,
    /// Your API's URL; may hold template variables (`{{order_id}}`).
    #[serde(default)]
    pub url: Option<String>,
    /// The request body template.
    #[serde(default)]
    pub body: Option<String>,
    /// The headers it sends (values redacted).
    #[serde(default, deserialize_with = "null_as_default")]
    pub headers: Vec<ConnectorHeader>,
    /// Who it is available for.
    #[serde(default, deserialize_with = "null_as_default")]
    pub audiences: Vec<AudienceType>,
    /// `server_side` or `client_side`.
    #[serde(default)]
    pub execution_type: Option<String>,
    /// `test_response_type` or `mock_response_type`.
    #[serde(default)]
    pub configuration_response_type: Option<String>,
    /// `full_access`, `redacted_access` or `code_block_transformation`.
    #[serde(default)]
    pub data_transformation_type: Option<String>,
    /// The client-side function, for a client-side connector.
    #[serde(default)]
    pub client_function_name: Option<String>,
    /// Its timeout in milliseconds.
    #[serde(default)]
    pub client_function_timeout_ms: Option<i64>,
    /// Its input parameters.
    #[serde(default, deserialize_with = "null_as_default")]
    pub data_inputs: Vec<DataInputSpec>,
    /// The response fields it reads.
    #[serde(default, deserialize_with = "null_as_default")]
    pub response_fields: Vec<ResponseField>,
    /// How the response maps onto conversations and users, as JSON.
    #[serde(default, deserialize_with = "null_as_default")]
    pub object_mappings: Vec<serde_json::Value>,
    /// The authentication tokens attached.
    #[serde(default, deserialize_with = "null_as_default")]
    pub token_ids: Vec<String>,
    /// Whether the customer must authenticate (OTP) first.
    #[serde(default)]
    pub customer_authentication: Option<bool>,
    /// Whether authentication is bypassed (a public endpoint).
    #[serde(default)]
    pub bypass_authentication: Option<bool>,
    /// Whether required inputs are checked before executing.
    #[serde(default)]
    pub validate_missing_attributes: Option<bool>,
}

impl std::ops::Deref for DataConnectorDetail {
    type Target = DataConnector;
    fn deref(&self) -> &DataConnector {
        &self.connector
    }
}

/// The answer to deleting a connector.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct DataConnectorDeleted {
    /// Its id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// `data_connector`.
    #[serde(default)]
    pub object: Option<String>,
    /// Whether it is deleted.
    #[serde(default)]
    pub deleted: bool,
}

/// One call a connector made to your API.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ExecutionResult {
    /// Its id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The connector that made it.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub data_connector_id: Option<String>,
    /// Whether it succeeded.
    #[serde(default)]
    pub success: Option<bool>,
    /// Your API's HTTP status.
    #[serde(default)]
    pub http_status: Option<i64>,
    /// The method used.
    #[serde(default)]
    pub http_method: Option<ConnectorHttpMethod>,
    /// Why it failed.
    #[serde(default)]
    pub error_type: Option<ExecutionErrorType>,
    /// The error, URLs redacted.
    #[serde(default)]
    pub error_message: Option<String>,
    /// How long it took, in milliseconds.
    #[serde(default)]
    pub execution_time_ms: Option<i64>,
    /// What triggered it.
    #[serde(default)]
    pub source_type: Option<ExecutionSource>,
    /// The id of what triggered it.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub source_id: Option<String>,
    /// The conversation it ran in.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub conversation_id: Option<String>,
    /// When it ran (ISO 8601).
    #[serde(default)]
    pub created_at: Option<String>,
    /// The URL called, query and credentials redacted.
    #[serde(default)]
    pub request_url: Option<String>,
    /// The body sent (listed only with
    /// [`include_bodies`](super::ExecutionFilter::include_bodies)).
    #[serde(default)]
    pub request_body: Option<String>,
    /// The body received, mapped.
    #[serde(default)]
    pub response_body: Option<String>,
    /// The body received, unmapped.
    #[serde(default)]
    pub raw_response_body: Option<String>,
}
