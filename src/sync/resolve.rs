//! Identity resolution for pushing contacts and companies in.

use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;

use futures::TryStreamExt;
use serde_json::Value;

use crate::client::Client;
use crate::error::Error;
use crate::resources::companies::{Company, CreateOrUpdateCompany, UpdateCompany};
use crate::resources::contacts::{Contact, CreateContact, UpdateContact};
use crate::search::field;

/// A rule that finds an existing contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ContactRule {
    /// The same `external_id` (your id for the contact).
    ExternalId,
    /// The same email (Intercom compares emails without case).
    Email,
}

/// A rule that finds an existing company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CompanyRule {
    /// The same `company_id` (your id for the company).
    CompanyId,
    /// The same domain: the host of `website`, without `www.` and case.
    Domain,
    /// The same name (any case).
    Name,
}

/// How a pushed record was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Resolution<R> {
    /// An existing record matched this rule and was updated.
    Matched(R),
    /// Nothing matched: the record was created.
    Created,
}

/// A pushed record as Intercom now holds it, and how it was resolved.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Resolved<T, R> {
    /// The record after the update or creation.
    pub record: T,
    /// Which rule matched, or [`Resolution::Created`].
    pub resolution: Resolution<R>,
}

/// Pushes contacts and companies in, updating the record an identity rule
/// finds or creating one, as the Hull connector does.
///
/// Defaults: contacts by [`ContactRule::ExternalId`] then
/// [`ContactRule::Email`]; companies by [`CompanyRule::CompanyId`], then
/// [`CompanyRule::Domain`], then [`CompanyRule::Name`]. Rules whose value
/// the pushed record does not have are passed over.
///
/// The domain rule needs every company's website: the first push that uses
/// it reads all companies once with
/// [`Companies::scroll`](crate::resources::companies::Companies::scroll) (one
/// open scroll per workspace: do not run another at the same time) and keeps
/// a domain index, updated with the companies this resolver writes.
///
/// ```no_run
/// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
/// use intercom_api::companies::CreateOrUpdateCompany;
/// use intercom_api::contacts::CreateContact;
/// use intercom_api::sync::{ContactRule, IdentityResolver, Resolution};
///
/// let resolver = IdentityResolver::new(&client)
///     .contact_rules([ContactRule::Email, ContactRule::ExternalId])?;
/// let pushed = resolver
///     .push_contact(CreateContact::with_external_id("user-42").email("ada@example.com").name("Ada"))
///     .await?;
/// if let Resolution::Matched(rule) = pushed.resolution {
///     println!("updated {} (matched by {rule:?})", pushed.record.id);
/// }
/// let acme = resolver
///     .push_company(CreateOrUpdateCompany::new("acme-1").name("Acme").website("https://acme.com"))
///     .await?;
/// # Ok(()) }
/// ```
pub struct IdentityResolver<'c> {
    client: &'c Client,
    contact_rules: Vec<ContactRule>,
    company_rules: Vec<CompanyRule>,
    /// Domain -> Intercom company id, loaded on first use.
    domains: Mutex<Option<HashMap<String, String>>>,
}

impl fmt::Debug for IdentityResolver<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IdentityResolver")
            .field("contact_rules", &self.contact_rules)
            .field("company_rules", &self.company_rules)
            .finish_non_exhaustive()
    }
}

fn check_rules<R: PartialEq + fmt::Debug>(field: &str, rules: &[R]) -> Result<(), Error> {
    if rules.is_empty() {
        return Err(Error::invalid(field, "needs at least one rule"));
    }
    for (i, rule) in rules.iter().enumerate() {
        if rules[..i].contains(rule) {
            return Err(Error::invalid(field, format!("{rule:?} is listed twice")));
        }
    }
    Ok(())
}

impl<'c> IdentityResolver<'c> {
    /// A resolver with the default rules.
    pub fn new(client: &'c Client) -> Self {
        IdentityResolver {
            client,
            contact_rules: vec![ContactRule::ExternalId, ContactRule::Email],
            company_rules: vec![
                CompanyRule::CompanyId,
                CompanyRule::Domain,
                CompanyRule::Name,
            ],
            domains: Mutex::new(None),
        }
    }

    /// The contact rules, tried in this order.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] (field `contact_rules`) for no rule or a rule
    /// listed twice.
    pub fn contact_rules(
        mut self,
        rules: impl IntoIterator<Item = ContactRule>,
    ) -> Result<Self, Error> {
        let rules: Vec<_> = rules.into_iter().collect();
        check_rules("contact_rules", &rules)?;
        self.contact_rules = rules;
        Ok(self)
    }

    /// The company rules, tried in this order.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] (field `company_rules`) for no rule or a rule
    /// listed twice.
    pub fn company_rules(
        mut self,
        rules: impl IntoIterator<Item = CompanyRule>,
    ) -> Result<Self, Error> {
        let rules: Vec<_> = rules.into_iter().collect();
        check_rules("company_rules", &rules)?;
        self.company_rules = rules;
        Ok(self)
    }

    /// Update the contact the first matching rule finds with every field of
    /// `contact` (`PUT /contacts/{id}`), or create it (`POST /contacts`).
    ///
    /// Each rule is one search (`POST /contacts/search`, `per_page` 1); when
    /// several contacts share an email, the first Intercom returns is updated.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a contact the create would refuse; the
    /// first API or transport error (e.g. `409 conflict` when the update
    /// would give the contact another contact's email or external id).
    pub async fn push_contact(
        &self,
        contact: CreateContact,
    ) -> Result<Resolved<Contact, ContactRule>, Error> {
        let body =
            serde_json::to_value(&contact).map_err(|e| Error::invalid("contact", e.to_string()))?;
        for &rule in &self.contact_rules {
            let (key, value) = match rule {
                ContactRule::ExternalId => ("external_id", text(&body, "external_id")),
                ContactRule::Email => ("email", text(&body, "email")),
            };
            let Some(value) = value else { continue };
            let found = self
                .client
                .contacts()
                .search(field(key).eq(value))
                .per_page(1)
                .await?;
            if let Some(existing) = found.items.into_iter().next() {
                let record = self
                    .client
                    .contacts()
                    .update(&existing.id, UpdateContact::from(contact))
                    .await?;
                return Ok(Resolved {
                    record,
                    resolution: Resolution::Matched(rule),
                });
            }
        }
        let record = self.client.contacts().create(contact).await?;
        Ok(Resolved {
            record,
            resolution: Resolution::Created,
        })
    }

    /// Update the company the first matching rule finds, or create it.
    ///
    /// A match by `company_id` is updated with `POST /companies` (keyed by
    /// `company_id`); a match by domain or name with `PUT /companies/{id}`
    /// (its `company_id` cannot change, so it keeps its own); nothing
    /// matched creates the company with `POST /companies`.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a company Intercom would refuse (empty
    /// `company_id`, `monthly_spend` too large, ...); the first API or
    /// transport error (a lookup's `404` means "no match", not an error).
    pub async fn push_company(
        &self,
        company: CreateOrUpdateCompany,
    ) -> Result<Resolved<Company, CompanyRule>, Error> {
        let body =
            serde_json::to_value(&company).map_err(|e| Error::invalid("company", e.to_string()))?;
        let companies = self.client.companies();
        for &rule in &self.company_rules {
            let found = match rule {
                CompanyRule::CompanyId => match text(&body, "company_id") {
                    Some(id) => not_found_is_none(companies.get_by_company_id(&id).await)?
                        .map(|l| l.company.id),
                    None => None,
                },
                CompanyRule::Name => match text(&body, "name") {
                    Some(name) => not_found_is_none(companies.find_by_name(&name).await)?
                        .map(|l| l.company.id),
                    None => None,
                },
                CompanyRule::Domain => match text(&body, "website").and_then(|w| domain_of(&w)) {
                    Some(domain) => self.company_by_domain(&domain).await?,
                    None => None,
                },
            };
            let Some(id) = found else { continue };
            let record = match rule {
                CompanyRule::CompanyId => companies.create_or_update(company).await?,
                _ => companies.update(&id, update_from(&body)).await?,
            };
            self.remember(&record);
            return Ok(Resolved {
                record,
                resolution: Resolution::Matched(rule),
            });
        }
        let record = companies.create_or_update(company).await?;
        self.remember(&record);
        Ok(Resolved {
            record,
            resolution: Resolution::Created,
        })
    }

    async fn company_by_domain(&self, domain: &str) -> Result<Option<String>, Error> {
        let loaded = self.lock().is_some();
        if !loaded {
            let all: Vec<Company> = self
                .client
                .companies()
                .scroll()
                .items()
                .try_collect()
                .await?;
            let mut index = HashMap::with_capacity(all.len());
            for c in &all {
                if let Some(d) = c.website.as_deref().and_then(domain_of) {
                    index.entry(d).or_insert_with(|| c.id.clone());
                }
            }
            let mut guard = self.lock();
            if guard.is_none() {
                *guard = Some(index);
            }
        }
        Ok(self.lock().as_ref().and_then(|m| m.get(domain).cloned()))
    }

    fn remember(&self, company: &Company) {
        if let (Some(index), Some(d)) = (
            self.lock().as_mut(),
            company.website.as_deref().and_then(domain_of),
        ) {
            index.entry(d).or_insert_with(|| company.id.clone());
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<HashMap<String, String>>> {
        self.domains.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A non-empty string field of a request body.
fn text(body: &Value, key: &str) -> Option<String> {
    body.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn not_found_is_none<T>(result: Result<T, Error>) -> Result<Option<T>, Error> {
    match result {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.status().map(|s| s.as_u16()) == Some(404) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The domain of a website: its host, lower-case, without `www.`.
/// `None` when there is no host.
pub(crate) fn domain_of(website: &str) -> Option<String> {
    let w = website.trim();
    let rest = w.split_once("://").map_or(w, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").map(str::to_owned).unwrap_or(host);
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// The `PUT /companies/{id}` body carrying the fields of a
/// `POST /companies` body (all but `company_id`).
fn update_from(body: &Value) -> UpdateCompany {
    let mut u = UpdateCompany::new();
    if let Some(v) = text(body, "name") {
        u = u.name(v);
    }
    if let Some(v) = text(body, "plan") {
        u = u.plan(v);
    }
    if let Some(v) = text(body, "website") {
        u = u.website(v);
    }
    if let Some(v) = text(body, "industry") {
        u = u.industry(v);
    }
    if let Some(v) = body.get("size").and_then(Value::as_i64) {
        u = u.size(v);
    }
    if let Some(v) = body.get("monthly_spend").and_then(Value::as_i64) {
        u = u.monthly_spend(v);
    }
    if let Some(Value::Object(attrs)) = body.get("custom_attributes") {
        for (k, v) in attrs {
            u = u.custom_attribute(k.clone(), v.clone());
        }
    }
    u
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn domains() {
        assert_eq!(
            domain_of("https://www.Acme.com/about").as_deref(),
            Some("acme.com")
        );
        assert_eq!(domain_of("acme.co.uk").as_deref(), Some("acme.co.uk"));
        assert_eq!(
            domain_of("http://user@shop.acme.com:8080?x").as_deref(),
            Some("shop.acme.com")
        );
        assert_eq!(domain_of("localhost"), None);
        assert_eq!(domain_of("  "), None);
    }

    #[test]
    fn update_carries_every_field_but_company_id() {
        let body = serde_json::to_value(
            CreateOrUpdateCompany::new("acme-1")
                .name("Acme")
                .plan("pro")
                .size(12)
                .monthly_spend(99)
                .custom_attribute("tier", "gold"),
        )
        .expect("serializes");
        let u = serde_json::to_value(update_from(&body)).expect("serializes");
        assert_eq!(
            u,
            json!({"name": "Acme", "plan": "pro", "size": 12, "monthly_spend": 99, "custom_attributes": {"tier": "gold"}})
        );
    }

    #[test]
    fn rules_must_be_present_and_distinct() {
        assert!(check_rules::<ContactRule>("contact_rules", &[]).is_err());
        let err =
            check_rules("company_rules", &[CompanyRule::Name, CompanyRule::Name]).unwrap_err();
        assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "company_rules"));
        assert!(
            check_rules(
                "contact_rules",
                &[ContactRule::Email, ContactRule::ExternalId]
            )
            .is_ok()
        );
    }
}
