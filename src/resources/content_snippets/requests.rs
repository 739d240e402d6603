//! The content snippet bodies and the functions that check them.

use serde::Serialize;

use crate::error::Error;
use crate::resources::common::shared_methods;
use crate::transport::Request;

/// The longest title Intercom accepts, in characters.
pub const MAX_TITLE_CHARS: usize = 255;

/// A content snippet to create: a title and its content, as Markdown or as
/// JSON blocks.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct NewContentSnippet {
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    json_blocks: Option<Vec<serde_json::Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body_markdown: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    locale: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audience_ids: Option<Vec<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_chatbot_availability: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_copilot_availability: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_sales_agent_availability: Option<bool>,
}

impl NewContentSnippet {
    fn titled(title: impl Into<String>) -> Self {
        NewContentSnippet {
            title: title.into(),
            json_blocks: None,
            body_markdown: None,
            locale: None,
            audience_ids: None,
            ai_chatbot_availability: None,
            ai_copilot_availability: None,
            ai_sales_agent_availability: None,
        }
    }

    /// A snippet titled `title` whose content is Markdown.
    pub fn markdown(title: impl Into<String>, markdown: impl Into<String>) -> Self {
        let mut s = NewContentSnippet::titled(title);
        s.body_markdown = Some(markdown.into());
        s
    }

    /// A snippet titled `title` whose content is Intercom's JSON blocks,
    /// e.g. `{"type": "paragraph", "text": "…"}`.
    pub fn blocks(title: impl Into<String>, blocks: Vec<serde_json::Value>) -> Self {
        let mut s = NewContentSnippet::titled(title);
        s.json_blocks = Some(blocks);
        s
    }

    fn validate(&self) -> Result<(), Error> {
        if self.title.trim().is_empty() {
            return Err(Error::invalid("title", "must not be empty"));
        }
        check_title(&self.title)?;
        check_content(
            self.json_blocks.as_ref(),
            self.body_markdown.as_deref(),
            true,
        )?;
        check_audiences(self.audience_ids.as_deref())
    }
}

/// The changes to make to a content snippet; fields left unset are kept.
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct UpdateContentSnippet {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    json_blocks: Option<Vec<serde_json::Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body_markdown: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    locale: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audience_ids: Option<Vec<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_chatbot_availability: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_copilot_availability: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ai_sales_agent_availability: Option<bool>,
}

impl UpdateContentSnippet {
    /// No changes yet.
    pub fn new() -> Self {
        UpdateContentSnippet::default()
    }

    /// A new title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Replace the content with Markdown.
    pub fn markdown(mut self, markdown: impl Into<String>) -> Self {
        self.body_markdown = Some(markdown.into());
        self
    }

    /// Replace the content with JSON blocks.
    pub fn blocks(mut self, blocks: Vec<serde_json::Value>) -> Self {
        self.json_blocks = Some(blocks);
        self
    }

    fn validate(&self) -> Result<(), Error> {
        if let Some(title) = &self.title {
            if title.trim().is_empty() {
                return Err(Error::invalid("title", "must not be empty"));
            }
            check_title(title)?;
        }
        check_content(
            self.json_blocks.as_ref(),
            self.body_markdown.as_deref(),
            false,
        )?;
        check_audiences(self.audience_ids.as_deref())
    }
}

shared_methods!([NewContentSnippet, UpdateContentSnippet] {
    /// The locale, e.g. `fr` (Intercom's default on creation: `en`).
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = Some(locale.into());
        self
    }

    /// Let Fin use it only for contacts of these audiences (replacing the
    /// list; an empty list removes the targeting).
    pub fn audience_ids(mut self, ids: impl IntoIterator<Item = i64>) -> Self {
        self.audience_ids = Some(ids.into_iter().collect());
        self
    }

    /// Whether Fin (the AI agent) may use it (default on creation: no).
    pub fn ai_chatbot(mut self, yes: bool) -> Self {
        self.ai_chatbot_availability = Some(yes);
        self
    }

    /// Whether Copilot may use it (default on creation: no).
    pub fn ai_copilot(mut self, yes: bool) -> Self {
        self.ai_copilot_availability = Some(yes);
        self
    }

    /// Whether the AI sales agent may use it (default on creation: no).
    pub fn ai_sales_agent(mut self, yes: bool) -> Self {
        self.ai_sales_agent_availability = Some(yes);
        self
    }
});

fn check_title(title: &str) -> Result<(), Error> {
    let n = title.chars().count();
    if n > MAX_TITLE_CHARS {
        return Err(Error::invalid(
            "title",
            format!("{n} characters, more than {MAX_TITLE_CHARS}"),
        ));
    }
    Ok(())
}

/// Markdown and JSON blocks are mutually exclusive; a new snippet needs one.
fn check_content(
    blocks: Option<&Vec<serde_json::Value>>,
    markdown: Option<&str>,
    required: bool,
) -> Result<(), Error> {
    match (blocks, markdown) {
        (Some(_), Some(_)) => Err(Error::invalid(
            "body_markdown",
            "json_blocks and body_markdown are mutually exclusive",
        )),
        (Some(b), None) if b.is_empty() && required => {
            Err(Error::invalid("json_blocks", "must not be empty"))
        }
        (None, Some(m)) if m.trim().is_empty() && required => {
            Err(Error::invalid("body_markdown", "must not be empty"))
        }
        (Some(b), None) if b.iter().any(|v| !v.is_object()) => Err(Error::invalid(
            "json_blocks",
            "every block must be a JSON object",
        )),
        _ => Ok(()),
    }
}

fn check_audiences(ids: Option<&[i64]>) -> Result<(), Error> {
    match ids.into_iter().flatten().find(|id| **id <= 0) {
        Some(id) => Err(Error::invalid(
            "audience_ids",
            format!("{id} is not an audience id"),
        )),
        None => Ok(()),
    }
}

pub(super) fn create_body<T>(
    req: Request<T>,
    snippet: NewContentSnippet,
) -> Result<Request<T>, Error> {
    snippet.validate()?;
    req.json(&snippet)
}

pub(super) fn update_body<T>(
    req: Request<T>,
    update: UpdateContentSnippet,
) -> Result<Request<T>, Error> {
    update.validate()?;
    req.json(&update)
}
