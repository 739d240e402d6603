//! One module per resource family: its models and its endpoints.
//!
//! Each module builds [`Request`](crate::Request) values and hands them to a
//! [`Call`](crate::Call) or [`ListCall`](crate::ListCall); the executor that
//! runs them lives elsewhere, so the async client and the blocking facade
//! share every endpoint definition.

pub mod admins;
pub mod ai_content;
pub mod articles;
pub mod audiences;
pub mod away_status_reasons;
pub mod banners;
pub mod brands;
pub mod calls;
pub(crate) mod common;
pub mod companies;
pub mod contacts;
pub mod content;
pub mod content_snippets;
pub mod conversation_attributes;
pub mod conversations;
pub mod custom_object_instances;
pub mod data_attributes;
pub mod data_connectors;
pub mod data_events;
pub mod data_export;
pub(crate) mod download;
pub mod emails;
pub(crate) mod endpoints;
pub mod fin_agent;
pub mod help_center;
pub mod internal_articles;
pub mod ip_allowlist;
pub mod jobs;
pub mod macros;
pub mod messages;
pub mod news;
pub mod notes;
pub mod office_hours;
pub mod phone_call_redirects;
pub mod reporting_data_export;
pub mod segments;
pub(crate) mod shared;
pub mod subscription_types;
pub mod tags;
pub mod teams;
pub mod ticket_states;
pub mod ticket_types;
pub mod tickets;
pub mod visitors;
pub mod workflows;

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

        /// Messages from an admin to contacts, and WhatsApp delivery status.
        pub fn messages(&self) -> $crate::resources::messages::Messages<'_, $exec> {
            $crate::resources::messages::Messages::new(self)
        }

        /// Data attributes: the standard and custom fields of contacts and
        /// companies.
        pub fn data_attributes(
            &self,
        ) -> $crate::resources::data_attributes::DataAttributes<'_, $exec> {
            $crate::resources::data_attributes::DataAttributes::new(self)
        }

        /// Segments of contacts.
        pub fn segments(&self) -> $crate::resources::segments::Segments<'_, $exec> {
            $crate::resources::segments::Segments::new(self)
        }

        /// Teams of admins, and their live workload.
        pub fn teams(&self) -> $crate::resources::teams::Teams<'_, $exec> {
            $crate::resources::teams::Teams::new(self)
        }

        /// Visitors: anonymous people on your website.
        pub fn visitors(&self) -> $crate::resources::visitors::Visitors<'_, $exec> {
            $crate::resources::visitors::Visitors::new(self)
        }

        /// Subscription types contacts opt in to or out of.
        pub fn subscription_types(
            &self,
        ) -> $crate::resources::subscription_types::SubscriptionTypes<'_, $exec> {
            $crate::resources::subscription_types::SubscriptionTypes::new(self)
        }

        /// The reasons an admin can give for being away.
        pub fn away_status_reasons(
            &self,
        ) -> $crate::resources::away_status_reasons::AwayStatusReasons<'_, $exec> {
            $crate::resources::away_status_reasons::AwayStatusReasons::new(self)
        }

        /// Jobs Intercom runs after answering, and waiting for them.
        pub fn jobs(&self) -> $crate::resources::jobs::Jobs<'_, $exec> {
            $crate::resources::jobs::Jobs::new(self)
        }

        /// Notes on contacts and companies, by id.
        pub fn notes(&self) -> $crate::resources::notes::Notes<'_, $exec> {
            $crate::resources::notes::Notes::new(self)
        }

        /// Conversation attributes: the custom fields on conversations, and
        /// the options of list attributes.
        pub fn conversation_attributes(
            &self,
        ) -> $crate::resources::conversation_attributes::ConversationAttributes<'_, $exec> {
            $crate::resources::conversation_attributes::ConversationAttributes::new(self)
        }

        /// Macros (saved replies).
        pub fn macros(&self) -> $crate::resources::macros::Macros<'_, $exec> {
            $crate::resources::macros::Macros::new(self)
        }

        /// Office hours schedules and their exceptions.
        pub fn office_hours(&self) -> $crate::resources::office_hours::OfficeHours<'_, $exec> {
            $crate::resources::office_hours::OfficeHours::new(self)
        }

        /// Custom object instances: records of your own object types.
        pub fn custom_object_instances(
            &self,
        ) -> $crate::resources::custom_object_instances::CustomObjectInstances<'_, $exec> {
            $crate::resources::custom_object_instances::CustomObjectInstances::new(self)
        }

        /// Data connectors: the HTTP requests workflows and Fin make to
        /// your APIs, and their execution logs.
        pub fn data_connectors(
            &self,
        ) -> $crate::resources::data_connectors::DataConnectors<'_, $exec> {
            $crate::resources::data_connectors::DataConnectors::new(self)
        }

        /// The workspace's IP allowlist.
        pub fn ip_allowlist(&self) -> $crate::resources::ip_allowlist::IpAllowlist<'_, $exec> {
            $crate::resources::ip_allowlist::IpAllowlist::new(self)
        }

        /// Phone call redirects: text a caller a link to the Messenger.
        pub fn phone_call_redirects(
            &self,
        ) -> $crate::resources::phone_call_redirects::PhoneCallRedirects<'_, $exec> {
            $crate::resources::phone_call_redirects::PhoneCallRedirects::new(self)
        }

        /// Workflows: export a workflow's configuration.
        pub fn workflows(&self) -> $crate::resources::workflows::Workflows<'_, $exec> {
            $crate::resources::workflows::Workflows::new(self)
        }

        /// The Fin agent API: run Fin in your own conversations.
        pub fn fin_agent(&self) -> $crate::resources::fin_agent::FinAgent<'_, $exec> {
            $crate::resources::fin_agent::FinAgent::new(self)
        }

        /// Sender email addresses and their settings.
        pub fn emails(&self) -> $crate::resources::emails::Emails<'_, $exec> {
            $crate::resources::emails::Emails::new(self)
        }

        /// Brands.
        pub fn brands(&self) -> $crate::resources::brands::Brands<'_, $exec> {
            $crate::resources::brands::Brands::new(self)
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

        /// Content data exports: message delivery and engagement data,
        /// exported by a job and downloaded as a stream.
        pub fn data_export(&self) -> $crate::resources::data_export::DataExports<'_, $exec> {
            $crate::resources::data_export::DataExports::new(self)
        }

        /// Reporting data exports: report datasets, exported by a job and
        /// downloaded as a stream.
        pub fn reporting_data_export(
            &self,
        ) -> $crate::resources::reporting_data_export::ReportingDataExports<'_, $exec> {
            $crate::resources::reporting_data_export::ReportingDataExports::new(self)
        }

        /// News items and newsfeeds.
        pub fn news(&self) -> $crate::resources::news::News<'_, $exec> {
            $crate::resources::news::News::new(self)
        }

        /// Content snippets for Fin and Copilot.
        pub fn content_snippets(
            &self,
        ) -> $crate::resources::content_snippets::ContentSnippets<'_, $exec> {
            $crate::resources::content_snippets::ContentSnippets::new(self)
        }

        /// Audiences: contact groups Fin's content can target.
        pub fn audiences(&self) -> $crate::resources::audiences::Audiences<'_, $exec> {
            $crate::resources::audiences::Audiences::new(self)
        }

        /// Internal articles: the teammates' knowledge base.
        pub fn internal_articles(
            &self,
        ) -> $crate::resources::internal_articles::InternalArticles<'_, $exec> {
            $crate::resources::internal_articles::InternalArticles::new(self)
        }

        /// AI content: content import sources and external pages for Fin.
        pub fn ai_content(&self) -> $crate::resources::ai_content::AiContent<'_, $exec> {
            $crate::resources::ai_content::AiContent::new(self)
        }

        /// Calls: recordings, transcripts, and Fin Voice calls.
        pub fn calls(&self) -> $crate::resources::calls::Calls<'_, $exec> {
            $crate::resources::calls::Calls::new(self)
        }

        /// Knowledge Hub content as a whole: search and bulk actions.
        pub fn content(&self) -> $crate::resources::content::Content<'_, $exec> {
            $crate::resources::content::Content::new(self)
        }
    };
}
// Used by path in the blocking client; the async client's handles below
// expand it by textual scope.
#[cfg_attr(not(feature = "blocking"), allow(unused_imports))]
pub(crate) use resource_handles;

impl crate::Client {
    resource_handles!(crate::Client);
}

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
        messages::ops::ALL,
        data_attributes::ops::ALL,
        segments::ops::ALL,
        teams::ops::ALL,
        visitors::ops::ALL,
        subscription_types::ops::ALL,
        away_status_reasons::ops::ALL,
        jobs::ops::ALL,
        notes::ops::ALL,
        conversation_attributes::ops::ALL,
        macros::ops::ALL,
        office_hours::ops::ALL,
        emails::ops::ALL,
        brands::ops::ALL,
        tickets::ops::ALL,
        ticket_types::ops::ALL,
        ticket_states::ops::ALL,
        data_export::ops::ALL,
        reporting_data_export::ops::ALL,
        news::ops::ALL,
        content_snippets::ops::ALL,
        audiences::ops::ALL,
        internal_articles::ops::ALL,
        ai_content::ops::ALL,
        content::ops::ALL,
        custom_object_instances::ops::ALL,
        data_connectors::ops::ALL,
        ip_allowlist::ops::ALL,
        phone_call_redirects::ops::ALL,
        workflows::ops::ALL,
        fin_agent::ops::ALL,
        calls::ops::ALL,
    ]
    .into_iter()
    .flatten()
}
