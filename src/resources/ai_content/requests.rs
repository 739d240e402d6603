//! The AI content request bodies and the functions that check them.

use serde::Serialize;

use super::models::{SourceStatus, SyncBehavior};
use crate::error::Error;
use crate::resources::common::{require_non_empty, truncate};
use crate::transport::Request;

/// The only locale API 2.16 takes for an external page.
const LOCALE: &str = "en";

fn check_url(field: &'static str, url: &str) -> Result<(), Error> {
    require_non_empty(field, url)?;
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    if rest.is_none_or(|r| r.is_empty() || r.contains(char::is_whitespace)) {
        return Err(Error::invalid(
            field,
            format!("`{}` is not an http(s) URL", truncate(url, 60)),
        ));
    }
    Ok(())
}

fn check_positive(field: &'static str, ids: &[i64]) -> Result<(), Error> {
    match ids.iter().find(|id| **id <= 0) {
        Some(bad) => Err(Error::invalid(
            field,
            format!("{bad} is not an Intercom id"),
        )),
        None => Ok(()),
    }
}

/// The body of `POST /ai/content_import_sources`: a source whose pages are
/// written through the API (`sync_behavior: api`, the only kind the API
/// creates).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewContentImportSource {
    sync_behavior: SyncBehavior,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<SourceStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audience_ids: Option<Vec<i64>>,
}

impl NewContentImportSource {
    /// A source rooted at `url` (`http://` or `https://`).
    pub fn new(url: impl Into<String>) -> Self {
        NewContentImportSource {
            sync_behavior: SyncBehavior::Api,
            url: url.into(),
            status: None,
            audience_ids: None,
        }
    }

    /// Active (Intercom's default) or deactivated.
    pub fn status(mut self, status: SourceStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// The audiences its pages are shown to.
    pub fn audience_ids(mut self, ids: impl IntoIterator<Item = i64>) -> Self {
        self.audience_ids = Some(ids.into_iter().collect());
        self
    }
}

/// The body of `PUT /ai/content_import_sources/{source_id}`. Intercom
/// requires the sync behavior and the URL every time; the behavior cannot
/// change to or from `api`, and the URL can change only on an `api` source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UpdateContentImportSource {
    sync_behavior: SyncBehavior,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<SourceStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audience_ids: Option<Vec<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    apply_audience_to_existing_content: Option<bool>,
}

impl UpdateContentImportSource {
    /// The source's sync behavior and URL, as they are or are to be.
    pub fn new(sync_behavior: SyncBehavior, url: impl Into<String>) -> Self {
        UpdateContentImportSource {
            sync_behavior,
            url: url.into(),
            status: None,
            audience_ids: None,
            apply_audience_to_existing_content: None,
        }
    }

    /// Activate or deactivate it.
    pub fn status(mut self, status: SourceStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Replace its audiences; empty removes them all.
    pub fn audience_ids(mut self, ids: impl IntoIterator<Item = i64>) -> Self {
        self.audience_ids = Some(ids.into_iter().collect());
        self
    }

    /// Also apply the audiences to the pages already imported.
    pub fn apply_audience_to_existing_content(mut self, apply: bool) -> Self {
        self.apply_audience_to_existing_content = Some(apply);
        self
    }
}

/// The body of `POST /ai/external_pages`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewExternalPage {
    title: String,
    html: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_agent_availability: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_copilot_availability: Option<bool>,
    locale: &'static str,
    source_id: i64,
    external_id: String,
}

impl NewExternalPage {
    /// The page `external_id` of the source `source_id`, titled `title`,
    /// with the body `html`. When that page exists, it is updated.
    pub fn new(
        source_id: i64,
        external_id: impl Into<String>,
        title: impl Into<String>,
        html: impl Into<String>,
    ) -> Self {
        NewExternalPage {
            title: title.into(),
            html: html.into(),
            url: None,
            ai_agent_availability: None,
            ai_copilot_availability: None,
            locale: LOCALE,
            source_id,
            external_id: external_id.into(),
        }
    }

    /// The URL Fin links end users to (without one, Fin does not cite it).
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Whether the AI agent (Fin) answers from it (Intercom: `false` for a
    /// new page, unchanged for an existing one).
    pub fn ai_agent_availability(mut self, on: bool) -> Self {
        self.ai_agent_availability = Some(on);
        self
    }

    /// Whether Copilot answers from it (as above).
    pub fn ai_copilot_availability(mut self, on: bool) -> Self {
        self.ai_copilot_availability = Some(on);
        self
    }
}

/// The body of `PUT /ai/external_pages/{page_id}` (pages created through
/// the API only): Intercom requires the title, body, URL and source every
/// time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UpdateExternalPage {
    title: String,
    html: String,
    url: String,
    locale: &'static str,
    source_id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fin_availability: Option<bool>,
}

impl UpdateExternalPage {
    /// The page as it is to be: its source, title, body and URL.
    pub fn new(
        source_id: i64,
        title: impl Into<String>,
        html: impl Into<String>,
        url: impl Into<String>,
    ) -> Self {
        UpdateExternalPage {
            title: title.into(),
            html: html.into(),
            url: url.into(),
            locale: LOCALE,
            source_id,
            external_id: None,
            fin_availability: None,
        }
    }

    /// A new id in the source.
    pub fn external_id(mut self, external_id: impl Into<String>) -> Self {
        self.external_id = Some(external_id.into());
        self
    }

    /// Whether Fin answers from it.
    pub fn fin_availability(mut self, on: bool) -> Self {
        self.fin_availability = Some(on);
        self
    }
}

pub(super) fn create_source_body<T>(
    req: Request<T>,
    source: NewContentImportSource,
) -> Result<Request<T>, Error> {
    check_url("url", &source.url)?;
    check_positive(
        "audience_ids",
        source.audience_ids.as_deref().unwrap_or_default(),
    )?;
    req.json(&source)
}

pub(super) fn update_source_body<T>(
    req: Request<T>,
    update: UpdateContentImportSource,
) -> Result<Request<T>, Error> {
    check_url("url", &update.url)?;
    check_positive(
        "audience_ids",
        update.audience_ids.as_deref().unwrap_or_default(),
    )?;
    req.json(&update)
}

fn check_page(
    source_id: i64,
    title: &str,
    html: &str,
    url: Option<&str>,
    external_id: Option<&str>,
) -> Result<(), Error> {
    check_positive("source_id", &[source_id])?;
    require_non_empty("title", title)?;
    require_non_empty("html", html)?;
    if let Some(url) = url {
        check_url("url", url)?;
    }
    if let Some(id) = external_id {
        require_non_empty("external_id", id)?;
    }
    Ok(())
}

pub(super) fn create_page_body<T>(
    req: Request<T>,
    page: NewExternalPage,
) -> Result<Request<T>, Error> {
    check_page(
        page.source_id,
        &page.title,
        &page.html,
        page.url.as_deref(),
        Some(&page.external_id),
    )?;
    req.json(&page)
}

pub(super) fn update_page_body<T>(
    req: Request<T>,
    update: UpdateExternalPage,
) -> Result<Request<T>, Error> {
    check_page(
        update.source_id,
        &update.title,
        &update.html,
        Some(&update.url),
        update.external_id.as_deref(),
    )?;
    req.json(&update)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert!(check_url("url", "https://docs.example.com").is_ok());
        assert!(check_url("url", "http://x").is_ok());
        for bad in ["", "docs.example.com", "https://", "https://a b", "ftp://x"] {
            assert!(check_url("url", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn new_page_always_sends_the_locale() {
        let v = serde_json::to_value(NewExternalPage::new(4, "e", "t", "<p>h</p>")).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"title": "t", "html": "<p>h</p>", "locale": "en", "source_id": 4, "external_id": "e"})
        );
    }
}
