//! The tag request bodies and the functions that check them.

use serde::Serialize;

use crate::error::Error;
use crate::resources::common::require_non_empty;
use crate::transport::Request;

/// A company to tag or untag, by either of its ids.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CompanyRef {
    /// Intercom's id for the company (`id`).
    Id(String),
    /// Your id for the company (`company_id`).
    CompanyId(String),
}

impl CompanyRef {
    /// A company by Intercom's id.
    pub fn id(id: impl Into<String>) -> Self {
        CompanyRef::Id(id.into())
    }

    /// A company by the id you gave it (`company_id`).
    pub fn company_id(company_id: impl Into<String>) -> Self {
        CompanyRef::CompanyId(company_id.into())
    }
}

/// The bodies `POST /tags` takes (the spec's `oneOf`).
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub(super) enum TagsBody<'a> {
    /// `create_or_update_tag_request`.
    CreateOrUpdate {
        name: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<&'a str>,
    },
    /// `tag_company_request` and `untag_company_request`.
    Companies {
        name: &'a str,
        companies: Vec<CompanyItem<'a>>,
    },
    /// `tag_multiple_users_request`.
    Users { name: &'a str, users: Vec<UserItem> },
}

#[derive(Debug, Serialize)]
pub(super) struct CompanyItem<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    company_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    untag: Option<bool>,
}

#[derive(Debug, Serialize)]
pub(super) struct UserItem {
    id: String,
}

/// The `companies` list of a company (un)tagging body, checked.
pub(super) fn company_items(
    companies: &[CompanyRef],
    untag: bool,
) -> Result<Vec<CompanyItem<'_>>, Error> {
    if companies.is_empty() {
        return Err(Error::invalid("companies", "name at least one company"));
    }
    companies
        .iter()
        .enumerate()
        .map(|(i, company)| {
            let (id, company_id, key) = match company {
                CompanyRef::Id(id) => (Some(id.as_str()), None, "id"),
                CompanyRef::CompanyId(id) => (None, Some(id.as_str()), "company_id"),
            };
            if id.or(company_id).is_some_and(|v| v.trim().is_empty()) {
                return Err(Error::invalid(
                    format!("companies[{i}].{key}"),
                    "must not be empty",
                ));
            }
            Ok(CompanyItem {
                id,
                company_id,
                untag: untag.then_some(true),
            })
        })
        .collect()
}

/// The `users` list of a user tagging body, checked.
pub(super) fn user_items<I>(contact_ids: I) -> Result<Vec<UserItem>, Error>
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    let mut users = Vec::new();
    for (i, id) in contact_ids.into_iter().enumerate() {
        let id = id.as_ref();
        if id.trim().is_empty() {
            return Err(Error::invalid(
                format!("users[{i}].id"),
                "must not be empty",
            ));
        }
        users.push(UserItem { id: id.to_owned() });
    }
    if users.is_empty() {
        return Err(Error::invalid("users", "name at least one contact"));
    }
    Ok(users)
}

/// `{"id": tag_id}` or `{"id": tag_id, "admin_id": admin_id}`.
#[derive(Debug, Serialize)]
struct ApplyBody<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    admin_id: Option<&'a str>,
}

/// `{"admin_id": admin_id}`, the body of some untag `DELETE`s.
#[derive(Debug, Serialize)]
struct AdminBody<'a> {
    admin_id: &'a str,
}

/// `POST /tags` with a name: `{"name": name}`.
pub(super) fn create_body<T>(request: Request<T>, name: &str) -> Result<Request<T>, Error> {
    require_non_empty("name", name)?;
    request.json(&TagsBody::CreateOrUpdate { name, id: None })
}

/// `{"id": tag_id}`: tag one object as the token's admin.
pub(super) fn tag_body<T>(request: Request<T>, tag_id: &str) -> Result<Request<T>, Error> {
    tag_by_body(request, tag_id, None)
}

/// `{"id": tag_id, "admin_id": admin_id}`: tag one object as an admin.
pub(super) fn tag_as_body<T>(
    request: Request<T>,
    tag_id: &str,
    admin_id: &str,
) -> Result<Request<T>, Error> {
    require_non_empty("tag_id", tag_id)?;
    require_non_empty("admin_id", admin_id)?;
    request.json(&ApplyBody {
        id: tag_id,
        admin_id: Some(admin_id),
    })
}

/// `{"id": tag_id}`, with `admin_id` when one is given.
pub(super) fn tag_by_body<T>(
    request: Request<T>,
    tag_id: &str,
    admin_id: Option<&str>,
) -> Result<Request<T>, Error> {
    require_non_empty("tag_id", tag_id)?;
    if let Some(admin_id) = admin_id {
        require_non_empty("admin_id", admin_id)?;
    }
    request.json(&ApplyBody {
        id: tag_id,
        admin_id,
    })
}

/// `{"admin_id": admin_id}`: untag as an admin.
pub(super) fn admin_body<T>(request: Request<T>, admin_id: &str) -> Result<Request<T>, Error> {
    require_non_empty("admin_id", admin_id)?;
    request.json(&AdminBody { admin_id })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_bodies_name_the_bad_entry() {
        let companies = [CompanyRef::id("531ee472"), CompanyRef::company_id(" ")];
        match company_items(&companies, false) {
            Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "companies[1].company_id"),
            other => panic!("{other:?}"),
        }
        let items = company_items(&companies[..1], true).expect("valid");
        assert_eq!(
            serde_json::to_value(&items).expect("json"),
            serde_json::json!([{"id": "531ee472", "untag": true}])
        );
    }
}
