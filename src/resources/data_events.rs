//! Data events: things your users did, recorded against contacts.

/// The data events endpoints. Get one from [`Client::data_events`](crate::Client::data_events).
#[derive(Debug)]
pub struct DataEvents<'c, C> {
    #[allow(dead_code)]
    client: &'c C,
}

impl<'c, C> DataEvents<'c, C> {
    pub(crate) fn new(client: &'c C) -> Self {
        DataEvents { client }
    }
}
