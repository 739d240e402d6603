//! Help center articles.

/// The articles endpoints. Get one from [`Client::articles`](crate::Client::articles).
#[derive(Debug)]
pub struct Articles<'c, C> {
    #[allow(dead_code)]
    client: &'c C,
}

impl<'c, C> Articles<'c, C> {
    pub(crate) fn new(client: &'c C) -> Self {
        Articles { client }
    }
}
