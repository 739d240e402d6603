//! [`Topic`]: every webhook topic of API 2.16, its 1.x aliases, and
//! unknown topics kept verbatim.

crate::models::string_enum! {
    /// A webhook topic: what happened.
    ///
    /// Covers every topic of Intercom's webhook reference for API 2.16
    /// (including `conversation.admin.replied.translated`,
    /// `ticket.admin.replied.translated`, `ticket.admin.snoozed` and
    /// `ticket.admin.unsnoozed`, new in 2.16), the older 1.x topics
    /// (`user.*`, `contact.created`, `contact.signed_up`, ...) that
    /// long-lived subscriptions still receive, and `ping`. Anything else,
    /// such as the Preview-only `audience.*` topics, arrives as
    /// [`Topic::Unknown`] with the name kept verbatim.
    ///
    /// `contact.archived`/`contact.archive` and
    /// `contact.unarchive`/`contact.unarchived` are both spelled both ways
    /// in Intercom's references over time; either spelling parses to the
    /// same variant, and [`as_str`](Topic::as_str) gives the spelling of
    /// the 2.x reference.
    ///
    /// # Topics some guides name but Intercom does not send
    ///
    /// Integration guides sometimes list `conversation.created`,
    /// `conversation.updated`, `conversation.closed`,
    /// `conversation.reopened`, `conversation.assigned` or
    /// `contact.updated`. Intercom has no such topics (they would parse
    /// as [`Topic::Unknown`]). Subscribe to these instead:
    ///
    /// | guide name | real topics |
    /// |---|---|
    /// | `conversation.created` | [`ConversationUserCreated`](Topic::ConversationUserCreated) (a contact started it), [`ConversationAdminSingleCreated`](Topic::ConversationAdminSingleCreated) (a teammate started it) |
    /// | `conversation.closed` | [`ConversationAdminClosed`](Topic::ConversationAdminClosed) |
    /// | `conversation.reopened` | [`ConversationAdminOpened`](Topic::ConversationAdminOpened) (a teammate reopened it), [`ConversationAdminUnsnoozed`](Topic::ConversationAdminUnsnoozed) (a snooze ended); a contact replying to a closed conversation arrives as [`ConversationUserReplied`](Topic::ConversationUserReplied), so check the item's `state` |
    /// | `conversation.assigned` | [`ConversationAdminAssigned`](Topic::ConversationAdminAssigned), [`ConversationAdminOpenAssigned`](Topic::ConversationAdminOpenAssigned) |
    /// | `conversation.updated` | no single topic: the specific ones, e.g. [`ConversationUserReplied`](Topic::ConversationUserReplied), [`ConversationAdminReplied`](Topic::ConversationAdminReplied), [`ConversationAdminNoted`](Topic::ConversationAdminNoted), [`ConversationPriorityUpdated`](Topic::ConversationPriorityUpdated), [`ConversationAdminSnoozed`](Topic::ConversationAdminSnoozed) |
    /// | `contact.updated` | [`ContactUserUpdated`](Topic::ContactUserUpdated), [`ContactLeadUpdated`](Topic::ContactLeadUpdated) |
    pub enum Topic {
        // Admin
        /// `admin.added_to_workspace`: a teammate joined the workspace.
        AdminAddedToWorkspace = "admin.added_to_workspace",
        /// `admin.away_mode_updated`: a teammate's away mode changed.
        AdminAwayModeUpdated = "admin.away_mode_updated",
        /// `admin.activity_log_event.created`: a teammate activity log entry was recorded.
        AdminActivityLogEventCreated = "admin.activity_log_event.created",
        /// `admin.removed_from_workspace`: a teammate left the workspace.
        AdminRemovedFromWorkspace = "admin.removed_from_workspace",
        /// `admin.logged_in`: a teammate signed in.
        AdminLoggedIn = "admin.logged_in",
        /// `admin.logged_out`: a teammate signed out (or their SSO session expired).
        AdminLoggedOut = "admin.logged_out",
        // Article
        /// `article.created`: a Help Center article was created.
        ArticleCreated = "article.created",
        /// `article.updated`: an article changed.
        ArticleUpdated = "article.updated",
        /// `article.published`: an article went live.
        ArticlePublished = "article.published",
        /// `article.unpublished`: an article was taken down.
        ArticleUnpublished = "article.unpublished",
        /// `article.deleted`: an article was deleted.
        ArticleDeleted = "article.deleted",
        // Call
        /// `call.started`: an Intercom Phone call started.
        CallStarted = "call.started",
        /// `call.ended`: a connected call ended.
        CallEnded = "call.ended",
        /// `call.transcription_available`: a call transcript is ready.
        CallTranscriptionAvailable = "call.transcription_available",
        /// `call.recording_available`: a call recording is ready.
        CallRecordingAvailable = "call.recording_available",
        // Company
        /// `company.created`: a company was created. Item: [`Company`](crate::companies::Company).
        CompanyCreated = "company.created",
        /// `company.deleted`: a company was deleted (minimal payload).
        CompanyDeleted = "company.deleted",
        /// `company.updated`: a company changed. Item: [`Company`](crate::companies::Company).
        CompanyUpdated = "company.updated",
        /// `company.contact.attached`: a contact was attached to a company.
        CompanyContactAttached = "company.contact.attached",
        /// `company.contact.detached`: a contact was detached from a company.
        CompanyContactDetached = "company.contact.detached",
        // Contact (2.x)
        /// `contact.archived` (also spelled `contact.archive`): a contact was archived.
        ContactArchived = "contact.archived" | "contact.archive",
        /// `contact.deleted`: a contact was deleted (minimal payload).
        ContactDeleted = "contact.deleted",
        /// `contact.email.updated`: a contact's email address changed.
        ContactEmailUpdated = "contact.email.updated",
        /// `contact.lead.added_email`: a lead gave an email address.
        ContactLeadAddedEmail = "contact.lead.added_email",
        /// `contact.lead.created`: a lead was created. Item: [`Contact`](crate::contacts::Contact).
        ContactLeadCreated = "contact.lead.created",
        /// `contact.lead.signed_up`: a lead became a user.
        ContactLeadSignedUp = "contact.lead.signed_up",
        /// `contact.lead.tag.created`: a lead was tagged (item: a `contact_tag`, kept as JSON).
        ContactLeadTagCreated = "contact.lead.tag.created",
        /// `contact.lead.tag.deleted`: a lead was untagged (item: a `contact_tag`).
        ContactLeadTagDeleted = "contact.lead.tag.deleted",
        /// `contact.lead.updated`: a lead changed.
        ContactLeadUpdated = "contact.lead.updated",
        /// `contact.merged`: two contacts were merged; the item is the surviving
        /// contact with an extra `merged_from` field (see [`Notification::data`](super::Notification::data)).
        ContactMerged = "contact.merged",
        /// `contact.subscribed`: a contact resubscribed to email.
        ContactSubscribed = "contact.subscribed",
        /// `contact.unarchive` (also spelled `contact.unarchived`): a contact was unarchived.
        ContactUnarchived = "contact.unarchive" | "contact.unarchived",
        /// `contact.unsubscribed`: a contact unsubscribed from email.
        ContactUnsubscribed = "contact.unsubscribed",
        /// `contact.user.created`: a user was created. Item: [`Contact`](crate::contacts::Contact).
        ContactUserCreated = "contact.user.created",
        /// `contact.user.tag.created`: a user was tagged (item: a `contact_tag`).
        ContactUserTagCreated = "contact.user.tag.created",
        /// `contact.user.tag.deleted`: a user was untagged (item: a `contact_tag`).
        ContactUserTagDeleted = "contact.user.tag.deleted",
        /// `contact.user.updated`: a user changed.
        ContactUserUpdated = "contact.user.updated",
        // Contact (1.x names)
        /// `contact.created` (1.x): a lead was created. 2.x sends [`ContactLeadCreated`](Topic::ContactLeadCreated).
        ContactCreated = "contact.created",
        /// `contact.signed_up` (1.x): a lead became a user. 2.x: [`ContactLeadSignedUp`](Topic::ContactLeadSignedUp).
        ContactSignedUp = "contact.signed_up",
        /// `contact.added_email` (1.x): a lead gave an email. 2.x: [`ContactLeadAddedEmail`](Topic::ContactLeadAddedEmail).
        ContactAddedEmail = "contact.added_email",
        /// `contact.tag.created` (1.x): a lead was tagged.
        ContactTagCreated = "contact.tag.created",
        /// `contact.tag.deleted` (1.x): a lead was untagged.
        ContactTagDeleted = "contact.tag.deleted",
        // Content snippets
        /// `content_snippet.created`: a content snippet was created.
        ContentSnippetCreated = "content_snippet.created",
        /// `content_snippet.updated`: a content snippet changed.
        ContentSnippetUpdated = "content_snippet.updated",
        /// `content_snippet.deleted`: a content snippet was deleted.
        ContentSnippetDeleted = "content_snippet.deleted",
        // Content stats
        /// `content_stat.banner`: banner message events (shown, goal, click, ...).
        ContentStatBanner = "content_stat.banner",
        /// `content_stat.carousel`: mobile carousel events.
        ContentStatCarousel = "content_stat.carousel",
        /// `content_stat.chat`: chat message events.
        ContentStatChat = "content_stat.chat",
        /// `content_stat.checklist`: checklist events.
        ContentStatChecklist = "content_stat.checklist",
        /// `content_stat.custom_bot`: custom bot events.
        ContentStatCustomBot = "content_stat.custom_bot",
        /// `content_stat.email`: email events, including bounces and unsubscribes.
        ContentStatEmail = "content_stat.email",
        /// `content_stat.news_item`: news item events.
        ContentStatNewsItem = "content_stat.news_item",
        /// `content_stat.post`: post message events.
        ContentStatPost = "content_stat.post",
        /// `content_stat.push`: push message events.
        ContentStatPush = "content_stat.push",
        /// `content_stat.series`: series campaign events.
        ContentStatSeries = "content_stat.series",
        /// `content_stat.series.webhook`: series webhook events.
        ContentStatSeriesWebhook = "content_stat.series.webhook",
        /// `content_stat.sms`: SMS events.
        ContentStatSms = "content_stat.sms",
        /// `content_stat.survey`: survey events, with answers.
        ContentStatSurvey = "content_stat.survey",
        /// `content_stat.tooltip_group`: tooltip events.
        ContentStatTooltipGroup = "content_stat.tooltip_group",
        /// `content_stat.tour`: product tour events.
        ContentStatTour = "content_stat.tour",
        // Conversations
        /// `conversation.admin.assigned`: a teammate assigned a conversation.
        ConversationAdminAssigned = "conversation.admin.assigned",
        /// `conversation.admin.closed`: a teammate closed a conversation.
        ConversationAdminClosed = "conversation.admin.closed",
        /// `conversation.admin.noted`: a teammate added an internal note.
        ConversationAdminNoted = "conversation.admin.noted",
        /// `conversation.admin.open.assigned`: an open conversation was assigned.
        ConversationAdminOpenAssigned = "conversation.admin.open.assigned",
        /// `conversation.admin.opened`: a teammate (re)opened a conversation.
        ConversationAdminOpened = "conversation.admin.opened",
        /// `conversation.admin.replied`: a teammate replied.
        ConversationAdminReplied = "conversation.admin.replied",
        /// `conversation.admin.replied.translated` (2.16): a teammate's reply was
        /// translated (fires only for replies sent as HTML).
        ConversationAdminRepliedTranslated = "conversation.admin.replied.translated",
        /// `conversation.admin.single.created`: a teammate started a 1:1 conversation.
        ConversationAdminSingleCreated = "conversation.admin.single.created",
        /// `conversation.admin.snoozed`: a teammate snoozed a conversation.
        ConversationAdminSnoozed = "conversation.admin.snoozed",
        /// `conversation.admin.unsnoozed`: a snoozed conversation woke up.
        ConversationAdminUnsnoozed = "conversation.admin.unsnoozed",
        /// `conversation.operator.replied`: Fin or another bot replied.
        ConversationOperatorReplied = "conversation.operator.replied",
        /// `conversation.deleted`: a conversation was deleted (minimal payload).
        ConversationDeleted = "conversation.deleted",
        /// `conversation_part.redacted`: a conversation part was redacted.
        ConversationPartRedacted = "conversation_part.redacted",
        /// `conversation_part.tag.created`: a conversation part was tagged.
        ConversationPartTagCreated = "conversation_part.tag.created",
        /// `conversation.priority.updated`: a conversation's priority changed.
        ConversationPriorityUpdated = "conversation.priority.updated",
        /// `conversation.rating.added`: a contact rated a conversation.
        ConversationRatingAdded = "conversation.rating.added",
        /// `conversation.read`: a contact read a conversation.
        ConversationRead = "conversation.read",
        /// `conversation.user.created`: a contact started a conversation.
        ConversationUserCreated = "conversation.user.created",
        /// `conversation.user.replied`: a contact replied.
        ConversationUserReplied = "conversation.user.replied",
        /// `conversation.contact.attached`: a contact was added to a conversation.
        ConversationContactAttached = "conversation.contact.attached",
        /// `conversation.contact.detached`: a contact was removed from a conversation.
        ConversationContactDetached = "conversation.contact.detached",
        /// `conversation.company.updated`: the company linked to a conversation changed.
        ConversationCompanyUpdated = "conversation.company.updated",
        // Events, API activity, data connectors, jobs
        /// `event.created`: a data event was tracked.
        EventCreated = "event.created",
        /// `api.request.completed`: an API request completed (API activity logs).
        ApiRequestCompleted = "api.request.completed",
        /// `data_connector.execution.completed`: a data connector action finished.
        DataConnectorExecutionCompleted = "data_connector.execution.completed",
        /// `job.completed`: an asynchronous job finished.
        JobCompleted = "job.completed",
        // Ping
        /// `ping`: sent when you ping the subscription from the Developer Hub,
        /// and from time to time by Intercom. Always subscribed.
        Ping = "ping",
        // Subscriptions
        /// `granular.unsubscribe`: a user unsubscribed from a subscription type.
        GranularUnsubscribe = "granular.unsubscribe",
        /// `granular.subscribe`: a user subscribed to a subscription type.
        GranularSubscribe = "granular.subscribe",
        // Tickets
        /// `ticket.created`: a ticket was created. Item: [`Ticket`](crate::resources::tickets::Ticket).
        TicketCreated = "ticket.created",
        /// `ticket.state.updated`: a ticket's state changed.
        TicketStateUpdated = "ticket.state.updated",
        /// `ticket.note.created`: a note was added to a ticket.
        TicketNoteCreated = "ticket.note.created",
        /// `ticket.admin.assigned`: a ticket was assigned to a teammate.
        TicketAdminAssigned = "ticket.admin.assigned",
        /// `ticket.team.assigned`: a ticket was assigned to a team.
        TicketTeamAssigned = "ticket.team.assigned",
        /// `ticket.contact.attached`: a contact was added to a ticket.
        TicketContactAttached = "ticket.contact.attached",
        /// `ticket.contact.detached`: a contact was removed from a ticket.
        TicketContactDetached = "ticket.contact.detached",
        /// `ticket.attribute.updated`: a ticket attribute changed.
        TicketAttributeUpdated = "ticket.attribute.updated",
        /// `ticket.admin.replied`: a teammate replied on a ticket.
        TicketAdminReplied = "ticket.admin.replied",
        /// `ticket.admin.replied.translated` (2.16): a teammate's ticket reply was translated.
        TicketAdminRepliedTranslated = "ticket.admin.replied.translated",
        /// `ticket.admin.snoozed` (2.16): a teammate snoozed a ticket.
        TicketAdminSnoozed = "ticket.admin.snoozed",
        /// `ticket.admin.unsnoozed` (2.16): a snoozed ticket woke up.
        TicketAdminUnsnoozed = "ticket.admin.unsnoozed",
        /// `ticket.contact.replied`: a contact replied on a ticket.
        TicketContactReplied = "ticket.contact.replied",
        /// `ticket.closed`: a ticket's conversation was closed. The ticket is
        /// nested under `data.item.ticket`; [`Item::Ticket`](super::Item::Ticket) holds it.
        TicketClosed = "ticket.closed",
        /// `ticket.rating.provided`: a contact rated a ticket.
        TicketRatingProvided = "ticket.rating.provided",
        /// `ticket.resolved`: a ticket's state became resolved.
        TicketResolved = "ticket.resolved",
        // Visitors
        /// `visitor.signed_up`: a visitor became a user.
        VisitorSignedUp = "visitor.signed_up",
        // Users (1.x names)
        /// `user.created` (1.x): a user was created. 2.x: [`ContactUserCreated`](Topic::ContactUserCreated).
        UserCreated = "user.created",
        /// `user.deleted` (1.x): a user was deleted. 2.x: [`ContactDeleted`](Topic::ContactDeleted).
        UserDeleted = "user.deleted",
        /// `user.unsubscribed` (1.x): a user unsubscribed from email.
        UserUnsubscribed = "user.unsubscribed",
        /// `user.email.updated` (1.x): a user's email changed.
        UserEmailUpdated = "user.email.updated",
        /// `user.tag.created` (1.x): a user was tagged.
        UserTagCreated = "user.tag.created",
        /// `user.tag.deleted` (1.x): a user was untagged.
        UserTagDeleted = "user.tag.deleted",
    }
}

impl Topic {
    /// The part before the first dot: `conversation`, `conversation_part`,
    /// `contact`, `ticket`, `ping`, ...
    pub fn family(&self) -> &str {
        let s = self.as_str();
        s.split_once('.').map_or(s, |(family, _)| family)
    }

    /// `true` unless this is [`Topic::Unknown`].
    pub fn is_known(&self) -> bool {
        !matches!(self, Topic::Unknown(_))
    }
}

impl std::str::FromStr for Topic {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Topic::from(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_topic_round_trips() {
        for t in Topic::KNOWN {
            assert_eq!(&Topic::from(t.as_str()), t, "{t}");
            assert!(t.is_known());
        }
        let mut names: Vec<&str> = Topic::KNOWN.iter().map(Topic::as_str).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "duplicate topic names");
    }

    #[test]
    fn aliases_and_unknowns() {
        assert_eq!(Topic::from("contact.archive"), Topic::ContactArchived);
        assert_eq!(Topic::from("contact.unarchived"), Topic::ContactUnarchived);
        assert_eq!(
            Topic::from("conversation.closed"),
            Topic::Unknown("conversation.closed".into())
        );
        assert_eq!(
            Topic::ConversationPartRedacted.family(),
            "conversation_part"
        );
        assert_eq!(Topic::Ping.family(), "ping");
    }
}
