//! The company request bodies and the functions that check them.

use serde::Serialize;

use crate::error::Error;
use crate::models::CustomAttributes;
use crate::resources::common::{require_non_empty, shared_methods, validate_custom_attributes};
use crate::transport::Request;

/// Largest `monthly_spend` Intercom stores (2³¹ − 1).
pub const MAX_MONTHLY_SPEND: i64 = 2_147_483_647;

/// The fields a company can be created or updated with. Shared by
/// [`CreateOrUpdateCompany`] and [`UpdateCompany`].
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
struct CompanyFields {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    size: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    website: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    industry: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    custom_attributes: Option<CustomAttributes>,
    #[serde(skip_serializing_if = "Option::is_none")]
    monthly_spend: Option<i64>,
    /// Set when `custom_attributes` was given something else than an object.
    #[serde(skip)]
    custom_attributes_not_an_object: bool,
}

impl CompanyFields {
    /// Refuse what Intercom documents as invalid, naming the field.
    fn validate(&self) -> Result<(), Error> {
        if let Some(spend) = self.monthly_spend {
            if spend > MAX_MONTHLY_SPEND {
                return Err(Error::invalid(
                    "monthly_spend",
                    format!("{spend} is above Intercom's limit of {MAX_MONTHLY_SPEND}"),
                ));
            }
        }
        if self.custom_attributes_not_an_object {
            return Err(Error::invalid(
                "custom_attributes",
                "must be a JSON object of attribute names to values",
            ));
        }
        if let Some(attrs) = &self.custom_attributes {
            validate_custom_attributes(attrs)?;
        }
        Ok(())
    }
}

shared_methods!([CreateOrUpdateCompany, UpdateCompany] {
    /// The company name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.fields.name = Some(name.into());
        self
    }
    /// The name of the company's plan.
    pub fn plan(mut self, plan: impl Into<String>) -> Self {
        self.fields.plan = Some(plan.into());
        self
    }
    /// The number of employees.
    pub fn size(mut self, employees: i64) -> Self {
        self.fields.size = Some(employees);
        self
    }
    /// The website URL (any string; Intercom does not check it).
    pub fn website(mut self, url: impl Into<String>) -> Self {
        self.fields.website = Some(url.into());
        self
    }
    /// The industry.
    pub fn industry(mut self, industry: impl Into<String>) -> Self {
        self.fields.industry = Some(industry.into());
        self
    }
    /// Monthly revenue from the company, in whole units, at most
    /// [`MAX_MONTHLY_SPEND`].
    pub fn monthly_spend(mut self, spend: i64) -> Self {
        self.fields.monthly_spend = Some(spend);
        self
    }
    /// Set one custom attribute (a string, number, boolean or `null`).
    pub fn custom_attribute(
        mut self,
        name: impl Into<String>,
        value: impl Into<serde_json::Value>,
    ) -> Self {
        self.fields
            .custom_attributes
            .get_or_insert_with(Default::default)
            .insert(name.into(), value.into());
        self
    }
    /// Set several custom attributes at once: a [`CustomAttributes`] map or
    /// a `json!({..})` object. Anything but an object is refused when the
    /// call is built.
    pub fn custom_attributes(mut self, attrs: impl Into<serde_json::Value>) -> Self {
        match attrs.into() {
            serde_json::Value::Object(map) => self
                .fields
                .custom_attributes
                .get_or_insert_with(Default::default)
                .extend(map),
            _ => self.fields.custom_attributes_not_an_object = true,
        }
        self
    }
});

/// The body of `POST /companies`: create the company with this
/// `company_id`, or update the one that has it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CreateOrUpdateCompany {
    company_id: String,
    #[serde(flatten)]
    fields: CompanyFields,
    #[serde(skip_serializing_if = "Option::is_none")]
    remote_created_at: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    update_last_request_at: Option<bool>,
}

impl CreateOrUpdateCompany {
    /// The company with your id `company_id`. The id is the key Intercom
    /// finds the company by; it is set on creation and cannot change.
    pub fn new(company_id: impl Into<String>) -> Self {
        CreateOrUpdateCompany {
            company_id: company_id.into(),
            fields: CompanyFields::default(),
            remote_created_at: None,
            update_last_request_at: None,
        }
    }

    /// When the company was created in your system (unix seconds).
    pub fn remote_created_at(mut self, unix: i64) -> Self {
        self.remote_created_at = Some(unix);
        self
    }

    /// Set the company's `last_request_at` to now.
    pub fn update_last_request_at(mut self, yes: bool) -> Self {
        self.update_last_request_at = Some(yes);
        self
    }

    /// Your id for the company.
    pub fn get_company_id(&self) -> &str {
        &self.company_id
    }

    fn validate(&self) -> Result<(), Error> {
        require_non_empty("company_id", &self.company_id)?;
        self.fields.validate()
    }
}

/// The body of `PUT /companies/{company_id}`: only the fields set are
/// changed. Your own `company_id` cannot be changed.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UpdateCompany {
    #[serde(flatten)]
    fields: CompanyFields,
}

impl UpdateCompany {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        UpdateCompany::default()
    }
}

/// `POST /companies`: the checked company, as the body.
pub(super) fn create_body<T>(
    request: Request<T>,
    company: CreateOrUpdateCompany,
) -> Result<Request<T>, Error> {
    company.validate()?;
    request.json(&company)
}

/// `PUT /companies/{company_id}`: the checked update, as the body.
pub(super) fn update_body<T>(
    request: Request<T>,
    update: UpdateCompany,
) -> Result<Request<T>, Error> {
    update.fields.validate()?;
    request.json(&update)
}

/// `POST /companies/{company_id}/notes`: `{"body": .., "admin_id": ..}`.
pub(super) fn note_body<T>(
    request: Request<T>,
    body: &str,
    admin_id: Option<&str>,
) -> Result<Request<T>, Error> {
    #[derive(Serialize)]
    struct Body<'a> {
        body: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        admin_id: Option<&'a str>,
    }
    require_non_empty("body", body)?;
    if let Some(admin_id) = admin_id {
        require_non_empty("admin_id", admin_id)?;
    }
    request.json(&Body { body, admin_id })
}

/// `POST /contacts/{contact_id}/companies`: `{"id": company_id}`.
pub(super) fn attach_body<T>(request: Request<T>, company_id: &str) -> Result<Request<T>, Error> {
    #[derive(Serialize)]
    struct Body<'a> {
        id: &'a str,
    }
    require_non_empty("company_id", company_id)?;
    request.json(&Body { id: company_id })
}

/// `GET /companies?<key>=<value>`: one filter of the lookup and listing.
pub(super) fn filter_query<T>(
    request: Request<T>,
    key: &'static str,
    value: &str,
) -> Result<Request<T>, Error> {
    require_non_empty(key, value)?;
    Ok(request.query(key, value))
}

/// `GET /companies?company_id=`.
pub(super) fn company_id_query<T>(
    request: Request<T>,
    company_id: &str,
) -> Result<Request<T>, Error> {
    filter_query(request, "company_id", company_id)
}
