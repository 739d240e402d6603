//! Many calls at the rate limit (being written).

use crate::client::Client;

/// Bulk operations over one client. Get one from [`Client::bulk`].
#[derive(Debug)]
pub struct Bulk<'c> {
    #[allow(dead_code)]
    client: &'c Client,
}

impl<'c> Bulk<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        Bulk { client }
    }
}
