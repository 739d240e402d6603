//! One module per resource family: its models and its endpoints.
//!
//! Each module builds [`Request`](crate::Request) values and hands them to a
//! [`Call`](crate::Call) or [`ListCall`](crate::ListCall); the executor that
//! runs them lives elsewhere, so the async client and the blocking facade
//! share every endpoint definition.

pub mod admins;
pub mod articles;
pub mod banners;
pub(crate) mod common;
pub mod companies;
pub mod contacts;
pub mod conversations;
pub mod data_events;
pub(crate) mod endpoints;
pub mod help_center;
pub mod notes;
pub mod segments;
pub(crate) mod shared;
pub mod subscription_types;
pub mod tags;
pub mod ticket_states;
pub mod ticket_types;
pub mod tickets;

/// The resource handles of an executor. Both the async [`Client`](crate::Client)
/// and the blocking client expand this, so the list of families and its
/// documentation exist once.
macro_rules! resource_handles {
    ($exec:ty) => {
        /// Contacts: users and leads.
        pub fn contacts(&self) -> $crate::resources::contacts::Contacts<'_, $exec> {
            $crate::resources::contacts::Contacts::new(self)
        }

        /// Admins (teammates) and the identity of the token (`/me`).
        pub fn admins(&self) -> $crate::resources::admins::Admins<'_, $exec> {
            $crate::resources::admins::Admins::new(self)
        }

        /// Companies, their contacts and segments.
        pub fn companies(&self) -> $crate::resources::companies::Companies<'_, $exec> {
            $crate::resources::companies::Companies::new(self)
        }

        /// Conversations: create, reply, manage, search.
        pub fn conversations(&self) -> $crate::resources::conversations::Conversations<'_, $exec> {
            $crate::resources::conversations::Conversations::new(self)
        }

        /// Data events: what your users did.
        pub fn data_events(&self) -> $crate::resources::data_events::DataEvents<'_, $exec> {
            $crate::resources::data_events::DataEvents::new(self)
        }

        /// Tags, and tagging contacts, companies, conversations, tickets,
        /// internal articles and content snippets.
        pub fn tags(&self) -> $crate::resources::tags::Tags<'_, $exec> {
            $crate::resources::tags::Tags::new(self)
        }

        /// Help center articles.
        pub fn articles(&self) -> $crate::resources::articles::Articles<'_, $exec> {
            $crate::resources::articles::Articles::new(self)
        }

        /// Help centers, collections and redirects.
        pub fn help_center(&self) -> $crate::resources::help_center::HelpCenter<'_, $exec> {
            $crate::resources::help_center::HelpCenter::new(self)
        }

        /// Tickets: create, update, reply, search, change type, link conversations.
        pub fn tickets(&self) -> $crate::resources::tickets::Tickets<'_, $exec> {
            $crate::resources::tickets::Tickets::new(self)
        }

        /// Ticket types and their attributes.
        pub fn ticket_types(&self) -> $crate::resources::ticket_types::TicketTypes<'_, $exec> {
            $crate::resources::ticket_types::TicketTypes::new(self)
        }

        /// Ticket states.
        pub fn ticket_states(&self) -> $crate::resources::ticket_states::TicketStates<'_, $exec> {
            $crate::resources::ticket_states::TicketStates::new(self)
        }
    };
}
pub(crate) use resource_handles;

/// Every operation this crate defines, family by family, in row order: the
/// table the tests, the coverage manifest and the fake Intercom read.
///
/// ```
/// let get = intercom_api::operations()
///     .find(|op| op.id == "ShowContact")
///     .expect("a row");
/// assert_eq!((get.method, get.path), ("GET", "/contacts/{contact_id}"));
/// assert_eq!(get.rust_call(), "contacts().get");
/// ```
pub fn operations() -> impl Iterator<Item = &'static crate::Operation> {
    [
        contacts::ops::ALL,
        conversations::ops::ALL,
        data_events::ops::ALL,
        articles::ops::ALL,
        help_center::ops::ALL,
        admins::ops::ALL,
        tags::ops::ALL,
        companies::ops::ALL,
        tickets::ops::ALL,
        ticket_types::ops::ALL,
        ticket_states::ops::ALL,
    ]
    .into_iter()
    .flatten()
}
