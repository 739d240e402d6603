//! [`Harness::replay`]: one operation against an exact stub, in a few lines.
//!
//! ```text
//! let h = Harness::start().await;
//! let c = h.replay(expect(&format!("GET /contacts/{MAYA}")), h.client.contacts().get(MAYA)).await;
//! assert_eq!(c.id, MAYA);
//! ```
//!
//! The test writes the request it expects (method, path, whole query, exact
//! JSON body or none) by hand; the call's [`Operation`] (from its row) names
//! the fixture, `fixtures/<family>/<operationId>.json`, and must have the
//! expected method and a path template the expected path fits. The stub
//! must be hit exactly once and nothing else may reach the server.

use std::future::IntoFuture;

use intercom_api::{Call, Client, Error, ListCall, Operation};

use serde_json::Value;
use wiremock::ResponseTemplate;

use super::requests::path_matches;
use super::{Harness, fixture, ok, stub, stub_json};

/// The request a replay test expects the SDK to send.
#[derive(Debug, Clone)]
pub struct Expect {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    body: Option<Value>,
    fixture: Option<String>,
    answer: Option<ResponseTemplate>,
}

/// `expect("POST /contacts/search")`: the method and exact path.
pub fn expect(line: &str) -> Expect {
    let (method, path) = line
        .split_once(' ')
        .unwrap_or_else(|| panic!("`{line}` is not `METHOD /path`"));
    Expect {
        method: method.to_owned(),
        path: path.to_owned(),
        query: Vec::new(),
        body: None,
        fixture: None,
        answer: None,
    }
}

impl Expect {
    /// The whole query string, as pairs in any order.
    pub fn query(mut self, pairs: &[(&str, &str)]) -> Self {
        self.query = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        self
    }

    /// The exact JSON body (without it the request must have no body).
    pub fn json(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// Answer with this fixture (`contacts/ListContacts.page2`) instead of
    /// the operation's own.
    pub fn fixture(mut self, name: &str) -> Self {
        self.fixture = Some(name.to_owned());
        self
    }

    /// Answer with this response instead of a fixture.
    pub fn answer(mut self, answer: ResponseTemplate) -> Self {
        self.answer = Some(answer);
        self
    }
}

/// A call a replay test can run: anything awaitable that knows its row.
pub trait Replayable {
    /// What the call decodes to.
    type Out;
    /// The row the call was built from.
    fn row(&self) -> Option<&'static Operation>;
}

impl<'c, T, O: 'c> Replayable for Call<'c, Client, T, O>
where
    T: serde::de::DeserializeOwned + Send + 'c,
{
    type Out = T;
    fn row(&self) -> Option<&'static Operation> {
        self.operation()
    }
}

impl<'c, T, O: 'c> Replayable for ListCall<'c, Client, T, O>
where
    T: serde::de::DeserializeOwned + Send + 'c,
{
    type Out = intercom_api::Page<T>;
    fn row(&self) -> Option<&'static Operation> {
        self.operation()
    }
}

impl<'c, T, O: 'c> Replayable for intercom_api::companies::LookupCall<'c, Client, T, O>
where
    T: serde::de::DeserializeOwned + Send + 'c,
{
    type Out = T;
    fn row(&self) -> Option<&'static Operation> {
        self.operation()
    }
}

impl Harness {
    /// Run `call` (built on this harness's client) against a server that
    /// answers only the expected request, and return what it decoded.
    pub async fn replay<R>(&self, expect: Expect, call: R) -> R::Out
    where
        R: Replayable + IntoFuture<Output = Result<<R as Replayable>::Out, Error>>,
    {
        let h = self;
        let op = call
            .row()
            .expect("the call comes from a row and its arguments are valid");
        assert_eq!(op.method, expect.method, "{}: method", op.id);
        assert!(
            path_matches(op.path, &expect.path),
            "{}: {} does not fit the row's path {}",
            op.id,
            expect.path,
            op.path
        );
        let query: Vec<(&str, &str)> = expect
            .query
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let stubbed = match expect.body {
            Some(body) => stub_json(&expect.method, &expect.path, &query, body),
            None => stub(&expect.method, &expect.path, &query),
        };
        let answer = expect.answer.unwrap_or_else(|| {
            let name = expect
                .fixture
                .unwrap_or_else(|| format!("{}/{}", op.family, super::spec::fixture_stem(op.id)));
            ok(fixture(&name))
        });
        stubbed
            .respond_with(answer)
            .expect(1)
            .named(op.id)
            .mount(&h.server)
            .await;
        let out = call
            .await
            .unwrap_or_else(|e| panic!("{} ({}): {e}", op.id, op.rust_call()));
        h.finish().await;
        out
    }
}

impl<'c, T: Send + 'c, O: 'c> Replayable for intercom_api::DownloadCall<'c, Client, T, O> {
    type Out = intercom_api::Download;
    fn row(&self) -> Option<&'static Operation> {
        self.operation()
    }
}
