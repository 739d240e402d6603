//! Help centers, their collections and redirects.

/// The help center (collections, help centers, redirects) endpoints. Get one from [`Client::help_center`](crate::Client::help_center).
#[derive(Debug)]
pub struct HelpCenter<'c, C> {
    #[allow(dead_code)]
    client: &'c C,
}

impl<'c, C> HelpCenter<'c, C> {
    pub(crate) fn new(client: &'c C) -> Self {
        HelpCenter { client }
    }
}
