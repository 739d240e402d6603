//! The data connector request bodies and the functions that check them.

use serde::Serialize;

use super::models::{
    AudienceType, ConnectorHeader, ConnectorHttpMethod, ConnectorState, ExecutionErrorType,
    InputType,
};
use crate::error::Error;
use crate::resources::common::{require_non_empty, shared_methods, truncate};
use crate::transport::Request;

/// An input parameter to declare: a template variable of the URL, headers
/// or body.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DataInput {
    name: String,
    #[serde(rename = "type")]
    input_type: InputType,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_value: Option<String>,
}

impl DataInput {
    /// The input `name` of type `input_type`.
    pub fn new(name: impl Into<String>, input_type: InputType) -> Self {
        DataInput {
            name: name.into(),
            input_type,
            description: None,
            required: None,
            default_value: None,
        }
    }

    /// What it is (an update requires one for every input).
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Whether it must have a value.
    pub fn required(mut self, yes: bool) -> Self {
        self.required = Some(yes);
        self
    }

    /// Its default value.
    pub fn default_value(mut self, value: impl Into<String>) -> Self {
        self.default_value = Some(value.into());
        self
    }
}

/// The fields a create and an update share.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
struct Fields {
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    http_method: Option<ConnectorHttpMethod>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    direct_fin_usage: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audiences: Option<Vec<AudienceType>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headers: Option<Vec<ConnectorHeader>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_inputs: Option<Vec<DataInput>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    customer_authentication: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bypass_authentication: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    validate_missing_attributes: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mock_response: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    token_ids: Option<Vec<String>>,
}

impl Fields {
    fn is_empty(&self) -> bool {
        *self == Fields::default()
    }

    fn validate(&self, update: bool) -> Result<(), Error> {
        if let Some(url) = &self.url {
            let lower = url.trim().to_ascii_lowercase();
            let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
            if !scheme_ok || lower.len() <= "https://".len() || url.contains(char::is_whitespace) {
                return Err(Error::invalid(
                    "url",
                    format!(
                        "`{}` is not an http(s) URL such as https://api.example.com/orders/{{{{order_id}}}}",
                        truncate(url, 60)
                    ),
                ));
            }
        }
        for (i, h) in self.headers.iter().flatten().enumerate() {
            if h.name.trim().is_empty() || h.name.contains([':', ' ', '\n', '\r']) {
                return Err(Error::invalid(
                    format!("headers[{i}].name"),
                    format!("`{}` is not an HTTP header name", truncate(&h.name, 40)),
                ));
            }
        }
        for (i, input) in self.data_inputs.iter().flatten().enumerate() {
            if input.name.trim().is_empty() {
                return Err(Error::invalid(
                    format!("data_inputs[{i}].name"),
                    "must not be empty",
                ));
            }
            if update
                && input
                    .description
                    .as_deref()
                    .is_none_or(|d| d.trim().is_empty())
            {
                return Err(Error::invalid(
                    format!("data_inputs[{i}].description"),
                    "an update requires a description for each input",
                ));
            }
        }
        if let Some(mock) = &self.mock_response
            && !mock.is_object()
        {
            return Err(Error::invalid(
                "mock_response",
                "must be a JSON object (a sample response of your API)",
            ));
        }
        for (i, id) in self.token_ids.iter().flatten().enumerate() {
            if id.trim().is_empty() {
                return Err(Error::invalid(
                    format!("token_ids[{i}]"),
                    "must not be empty",
                ));
            }
        }
        Ok(())
    }
}

/// The body of `POST /data_connectors`: a new connector, created as a
/// draft.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NewDataConnector {
    name: String,
    #[serde(flatten)]
    fields: Fields,
}

impl NewDataConnector {
    /// A connector named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        NewDataConnector {
            name: name.into(),
            fields: Fields::default(),
        }
    }
}

/// The body of `PATCH /data_connectors/{id}`: only the fields set are
/// changed; lists (headers, inputs, audiences, tokens) are replaced whole.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UpdateDataConnector {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<ConnectorState>,
    #[serde(flatten)]
    fields: Fields,
}

impl UpdateDataConnector {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        UpdateDataConnector::default()
    }

    /// Rename it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Put it live, or back to draft.
    pub fn state(mut self, state: ConnectorState) -> Self {
        self.state = Some(state);
        self
    }
}

shared_methods!([NewDataConnector, UpdateDataConnector] {
    /// What it does.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.fields.description = Some(description.into());
        self
    }

    /// The method it calls your API with.
    pub fn http_method(mut self, method: ConnectorHttpMethod) -> Self {
        self.fields.http_method = Some(method);
        self
    }

    /// Your API's URL, `http(s)://`; may hold template variables
    /// (`{{order_id}}`).
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.fields.url = Some(url.into());
        self
    }

    /// The request body template.
    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.fields.body = Some(body.into());
        self
    }

    /// Let Fin use it directly (else only workflows do).
    pub fn direct_fin_usage(mut self, yes: bool) -> Self {
        self.fields.direct_fin_usage = Some(yes);
        self
    }

    /// Who it is available for.
    pub fn audiences(mut self, audiences: impl IntoIterator<Item = AudienceType>) -> Self {
        self.fields.audiences = Some(audiences.into_iter().collect());
        self
    }

    /// Send this header too.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.fields
            .headers
            .get_or_insert_with(Vec::new)
            .push(ConnectorHeader::new(name, value));
        self
    }

    /// Declare this input parameter too.
    pub fn data_input(mut self, input: DataInput) -> Self {
        self.fields.data_inputs.get_or_insert_with(Vec::new).push(input);
        self
    }

    /// Require the customer to authenticate (OTP) first.
    pub fn customer_authentication(mut self, yes: bool) -> Self {
        self.fields.customer_authentication = Some(yes);
        self
    }

    /// Bypass authentication entirely (a public endpoint).
    pub fn bypass_authentication(mut self, yes: bool) -> Self {
        self.fields.bypass_authentication = Some(yes);
        self
    }

    /// Check that required inputs have values before executing.
    pub fn validate_missing_attributes(mut self, yes: bool) -> Self {
        self.fields.validate_missing_attributes = Some(yes);
        self
    }

    /// A sample response of your API (a JSON object): Intercom derives the
    /// response fields from it.
    pub fn mock_response(mut self, sample: serde_json::Value) -> Self {
        self.fields.mock_response = Some(sample);
        self
    }

    /// The authentication tokens to attach (an update replaces them; an
    /// empty list removes all).
    pub fn token_ids<I: Into<String>>(mut self, ids: impl IntoIterator<Item = I>) -> Self {
        self.fields.token_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }
});

pub(super) fn create_body<T>(
    request: Request<T>,
    body: NewDataConnector,
) -> Result<Request<T>, Error> {
    require_non_empty("name", &body.name)?;
    body.fields.validate(false)?;
    request.json(&body)
}

pub(super) fn update_body<T>(
    request: Request<T>,
    body: UpdateDataConnector,
) -> Result<Request<T>, Error> {
    if let Some(name) = &body.name {
        require_non_empty("name", name)?;
    }
    if body.name.is_none() && body.state.is_none() && body.fields.is_empty() {
        return Err(Error::invalid("body", "the update changes nothing"));
    }
    body.fields.validate(true)?;
    request.json(&body)
}

/// Which execution results to list: by default the last hour's, without
/// bodies.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExecutionFilter {
    success: Option<bool>,
    error_type: Option<ExecutionErrorType>,
    start_ts: Option<i64>,
    end_ts: Option<i64>,
    include_bodies: bool,
}

impl ExecutionFilter {
    /// Every result of the last hour.
    pub fn new() -> Self {
        ExecutionFilter::default()
    }

    /// Only the successful (`true`) or failed (`false`) ones.
    pub fn success(mut self, yes: bool) -> Self {
        self.success = Some(yes);
        self
    }

    /// Only the ones that failed this way.
    pub fn error_type(mut self, error_type: ExecutionErrorType) -> Self {
        self.error_type = Some(error_type);
        self
    }

    /// From this time (unix seconds) to `end` (unix seconds).
    pub fn between(mut self, start: i64, end: i64) -> Self {
        self.start_ts = Some(start);
        self.end_ts = Some(end);
        self
    }

    /// From this time (unix seconds) to now.
    pub fn since(mut self, start: i64) -> Self {
        self.start_ts = Some(start);
        self
    }

    /// Include the request and response bodies.
    pub fn include_bodies(mut self, yes: bool) -> Self {
        self.include_bodies = yes;
        self
    }
}

pub(super) fn results_query<T>(
    mut request: Request<T>,
    filter: ExecutionFilter,
) -> Result<Request<T>, Error> {
    for (field, ts) in [("start_ts", filter.start_ts), ("end_ts", filter.end_ts)] {
        if let Some(ts) = ts.filter(|ts| *ts < 0) {
            return Err(Error::invalid(
                field,
                format!("{ts} is not a unix timestamp (seconds since 1970)"),
            ));
        }
    }
    if let (Some(start), Some(end)) = (filter.start_ts, filter.end_ts)
        && start > end
    {
        return Err(Error::invalid(
            "start_ts",
            format!("{start} is after end_ts {end}"),
        ));
    }
    if let Some(success) = filter.success {
        request = request.query("success", success);
    }
    if let Some(error_type) = &filter.error_type {
        if let ExecutionErrorType::Unknown(raw) = error_type {
            return Err(Error::invalid(
                "error_type",
                format!(
                    "`{}` is not an error type Intercom filters by",
                    truncate(raw, 40)
                ),
            ));
        }
        request = request.query("error_type", error_type.as_str());
    }
    if let Some(start) = filter.start_ts {
        request = request.query("start_ts", start);
    }
    if let Some(end) = filter.end_ts {
        request = request.query("end_ts", end);
    }
    if filter.include_bodies {
        request = request.query("include_bodies", "true");
    }
    Ok(request)
}

/// `?state_version=draft`.
pub(super) fn draft_query<T>(request: Request<T>) -> Request<T> {
    request.query("state_version", "draft")
}
