//! The activity log models: what the admins of a workspace did.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::models::{null_as_default, opt_string_or_number, string_enum};

string_enum! {
    /// What an admin did, as recorded in the activity log.
    pub enum ActivityType {
        /// Admin conversation assignment limit change.
        AdminConversationAssignmentLimitChange = "admin_conversation_assignment_limit_change",
        /// Admin ticket assignment limit change.
        AdminTicketAssignmentLimitChange = "admin_ticket_assignment_limit_change",
        /// Admin avatar change.
        AdminAvatarChange = "admin_avatar_change",
        /// Admin away mode change.
        AdminAwayModeChange = "admin_away_mode_change",
        /// Admin deletion.
        AdminDeletion = "admin_deletion",
        /// Admin deprovisioned.
        AdminDeprovisioned = "admin_deprovisioned",
        /// Admin impersonation end.
        AdminImpersonationEnd = "admin_impersonation_end",
        /// Admin impersonation start.
        AdminImpersonationStart = "admin_impersonation_start",
        /// Admin impersonation consent approved.
        AdminImpersonationConsentApproved = "admin_impersonation_consent_approved",
        /// Admin impersonation consent revoked.
        AdminImpersonationConsentRevoked = "admin_impersonation_consent_revoked",
        /// Admin invite change.
        AdminInviteChange = "admin_invite_change",
        /// Admin invite creation.
        AdminInviteCreation = "admin_invite_creation",
        /// Admin invite deletion.
        AdminInviteDeletion = "admin_invite_deletion",
        /// Admin login failure.
        AdminLoginFailure = "admin_login_failure",
        /// Admin login success.
        AdminLoginSuccess = "admin_login_success",
        /// Admin logout.
        AdminLogout = "admin_logout",
        /// Admin occupancy setting change.
        AdminOccupancySettingChange = "admin_occupancy_setting_change",
        /// Admin occupancy state change.
        AdminOccupancyStateChange = "admin_occupancy_state_change",
        /// Admin password reset request.
        AdminPasswordResetRequest = "admin_password_reset_request",
        /// Admin password reset success.
        AdminPasswordResetSuccess = "admin_password_reset_success",
        /// Admin permission change.
        AdminPermissionChange = "admin_permission_change",
        /// Admin provisioned.
        AdminProvisioned = "admin_provisioned",
        /// Admin two factor auth change.
        AdminTwoFactorAuthChange = "admin_two_factor_auth_change",
        /// Admin unauthorized sign in method.
        AdminUnauthorizedSignInMethod = "admin_unauthorized_sign_in_method",
        /// App admin join.
        AppAdminJoin = "app_admin_join",
        /// App authentication method change.
        AppAuthenticationMethodChange = "app_authentication_method_change",
        /// App data deletion.
        AppDataDeletion = "app_data_deletion",
        /// App data export.
        AppDataExport = "app_data_export",
        /// App google SSO domain change.
        AppGoogleSsoDomainChange = "app_google_sso_domain_change",
        /// App identity verification change.
        AppIdentityVerificationChange = "app_identity_verification_change",
        /// App name change.
        AppNameChange = "app_name_change",
        /// App outbound address change.
        AppOutboundAddressChange = "app_outbound_address_change",
        /// App package installation.
        AppPackageInstallation = "app_package_installation",
        /// App package token regeneration.
        AppPackageTokenRegeneration = "app_package_token_regeneration",
        /// App package uninstallation.
        AppPackageUninstallation = "app_package_uninstallation",
        /// App team creation.
        AppTeamCreation = "app_team_creation",
        /// App team deletion.
        AppTeamDeletion = "app_team_deletion",
        /// App team membership modification.
        AppTeamMembershipModification = "app_team_membership_modification",
        /// App timezone change.
        AppTimezoneChange = "app_timezone_change",
        /// App webhook creation.
        AppWebhookCreation = "app_webhook_creation",
        /// App webhook deletion.
        AppWebhookDeletion = "app_webhook_deletion",
        /// Articles in messenger enabled change.
        ArticlesInMessengerEnabledChange = "articles_in_messenger_enabled_change",
        /// Automatic away mode setting change.
        AutomaticAwayModeSettingChange = "automatic_away_mode_setting_change",
        /// Bulk delete.
        BulkDelete = "bulk_delete",
        /// Bulk export.
        BulkExport = "bulk_export",
        /// Campaign deletion.
        CampaignDeletion = "campaign_deletion",
        /// Campaign state change.
        CampaignStateChange = "campaign_state_change",
        /// Conversation deletion schedule creation.
        ConversationDeletionScheduleCreation = "conversation_deletion_schedule_creation",
        /// Conversation deletion schedule deletion.
        ConversationDeletionScheduleDeletion = "conversation_deletion_schedule_deletion",
        /// Conversation deletion schedule state change.
        ConversationDeletionScheduleStateChange = "conversation_deletion_schedule_state_change",
        /// Conversation deletion schedule update.
        ConversationDeletionScheduleUpdate = "conversation_deletion_schedule_update",
        /// Conversation part deletion.
        ConversationPartDeletion = "conversation_part_deletion",
        /// Conversation PDF export.
        ConversationPdfExport = "conversation_pdf_export",
        /// Conversation topic change.
        ConversationTopicChange = "conversation_topic_change",
        /// Conversation topic creation.
        ConversationTopicCreation = "conversation_topic_creation",
        /// Conversation topic deletion.
        ConversationTopicDeletion = "conversation_topic_deletion",
        /// Content redaction rule creation.
        ContentRedactionRuleCreation = "content_redaction_rule_creation",
        /// Content redaction rule deletion.
        ContentRedactionRuleDeletion = "content_redaction_rule_deletion",
        /// Content redaction rule update.
        ContentRedactionRuleUpdate = "content_redaction_rule_update",
        /// CSV import completion.
        CsvImportCompletion = "csv_import_completion",
        /// CSV import creation.
        CsvImportCreation = "csv_import_creation",
        /// Custom authentication token creation.
        CustomAuthenticationTokenCreation = "custom_authentication_token_creation",
        /// Help center settings change.
        HelpCenterSettingsChange = "help_center_settings_change",
        /// Inbound conversations change.
        InboundConversationsChange = "inbound_conversations_change",
        /// Inbox access change.
        InboxAccessChange = "inbox_access_change",
        /// Macro creation.
        MacroCreation = "macro_creation",
        /// Macro deletion.
        MacroDeletion = "macro_deletion",
        /// Macro update.
        MacroUpdate = "macro_update",
        /// Macro usage export.
        MacroUsageExport = "macro_usage_export",
        /// Malicious domains setting change.
        MaliciousDomainsSettingChange = "malicious_domains_setting_change",
        /// Message deletion.
        MessageDeletion = "message_deletion",
        /// Message state change.
        MessageStateChange = "message_state_change",
        /// Messenger API secret creation.
        MessengerApiSecretCreation = "messenger_api_secret_creation",
        /// Messenger API secret deletion.
        MessengerApiSecretDeletion = "messenger_api_secret_deletion",
        /// Messenger look and feel change.
        MessengerLookAndFeelChange = "messenger_look_and_feel_change",
        /// Messenger search required change.
        MessengerSearchRequiredChange = "messenger_search_required_change",
        /// Messenger spaces change.
        MessengerSpacesChange = "messenger_spaces_change",
        /// OAuth token revocation.
        OauthTokenRevocation = "oauth_token_revocation",
        /// Office hours change.
        OfficeHoursChange = "office_hours_change",
        /// Role change.
        RoleChange = "role_change",
        /// Role creation.
        RoleCreation = "role_creation",
        /// Role deletion.
        RoleDeletion = "role_deletion",
        /// Ruleset activation title preview.
        RulesetActivationTitlePreview = "ruleset_activation_title_preview",
        /// Ruleset creation.
        RulesetCreation = "ruleset_creation",
        /// Ruleset deletion.
        RulesetDeletion = "ruleset_deletion",
        /// Search browse enabled change.
        SearchBrowseEnabledChange = "search_browse_enabled_change",
        /// Search browse required change.
        SearchBrowseRequiredChange = "search_browse_required_change",
        /// Seat change.
        SeatChange = "seat_change",
        /// Seat revoke.
        SeatRevoke = "seat_revoke",
        /// Security settings change.
        SecuritySettingsChange = "security_settings_change",
        /// Series creation.
        SeriesCreation = "series_creation",
        /// Series deletion.
        SeriesDeletion = "series_deletion",
        /// Series settings update.
        SeriesSettingsUpdate = "series_settings_update",
        /// Series status change.
        SeriesStatusChange = "series_status_change",
        /// Series update.
        SeriesUpdate = "series_update",
        /// Strip inbound email links change.
        StripInboundEmailLinksChange = "strip_inbound_email_links_change",
        /// Temporary expectation change.
        TemporaryExpectationChange = "temporary_expectation_change",
        /// Team assignment limit change.
        TeamAssignmentLimitChange = "team_assignment_limit_change",
        /// Trusted domains setting change.
        TrustedDomainsSettingChange = "trusted_domains_setting_change",
        /// Unassign unsnoozed at capacity setting change.
        UnassignUnsnoozedAtCapacitySettingChange = "unassign_unsnoozed_at_capacity_setting_change",
        /// Unassign unsnoozed when away setting change.
        UnassignUnsnoozedWhenAwaySettingChange = "unassign_unsnoozed_when_away_setting_change",
        /// Upfront email collection change.
        UpfrontEmailCollectionChange = "upfront_email_collection_change",
        /// Allowed attachment filetypes setting change.
        AllowedAttachmentFiletypesSettingChange = "allowed_attachment_filetypes_setting_change",
        /// Attach uploads inline setting change.
        AttachUploadsInlineSettingChange = "attach_uploads_inline_setting_change",
        /// Teammate GIFs setting change.
        TeammateGifsSettingChange = "teammate_gifs_setting_change",
        /// User camera attachments setting change.
        UserCameraAttachmentsSettingChange = "user_camera_attachments_setting_change",
        /// User conversation attachments setting change.
        UserConversationAttachmentsSettingChange = "user_conversation_attachments_setting_change",
        /// User file attachments setting change.
        UserFileAttachmentsSettingChange = "user_file_attachments_setting_change",
        /// User GIFs setting change.
        UserGifsSettingChange = "user_gifs_setting_change",
        /// User media attachments setting change.
        UserMediaAttachmentsSettingChange = "user_media_attachments_setting_change",
        /// User voice notes setting change.
        UserVoiceNotesSettingChange = "user_voice_notes_setting_change",
        /// Welcome message change.
        WelcomeMessageChange = "welcome_message_change",
        /// Workspace deletion request.
        WorkspaceDeletionRequest = "workspace_deletion_request",
        /// Hide CSAT from agents setting change.
        HideCsatFromAgentsSettingChange = "hide_csat_from_agents_setting_change",
    }
}

/// One entry of the activity log: something an admin did.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ActivityLog {
    /// The entry's id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// The admin who did it.
    #[serde(default)]
    pub performed_by: Option<ActivityLogActor>,
    /// Details, which vary by activity type.
    #[serde(default)]
    pub metadata: Option<ActivityLogMetadata>,
    /// When it happened (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// What kind of activity it was.
    #[serde(default)]
    pub activity_type: Option<ActivityType>,
    /// A sentence or two describing it.
    #[serde(default)]
    pub activity_description: Option<String>,
}

/// The admin behind an activity log entry.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ActivityLogActor {
    /// The admin's id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// The admin's email address.
    #[serde(default)]
    pub email: Option<String>,
    /// The IP address the admin acted from.
    #[serde(default)]
    pub ip: Option<String>,
}

/// Details of an activity log entry. Which fields are set depends on the
/// activity type, and Intercom's answers do not always match the spec's
/// types (its own examples send `before`/`after` as strings where the spec
/// says objects), so this decodes leniently: a field whose value has an
/// unexpected type is `None` here, and every field, known or not, is kept
/// as sent in [`raw`](Self::raw). Decoding metadata never fails.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ActivityLogMetadata {
    /// How the admin signed in.
    pub sign_in_method: Option<String>,
    /// Your id for the contact concerned.
    pub external_id: Option<String>,
    /// The away mode after the change.
    pub away_mode: Option<bool>,
    /// Why the admin is away.
    pub away_status_reason: Option<String>,
    /// Whether conversations are reassigned while the admin is away.
    pub reassign_conversations: Option<bool>,
    /// What started the change.
    pub source: Option<String>,
    /// Whether the change was automatic or manual, as text (`"true"`,
    /// `"false"`; the spec says string, answers also send a boolean).
    pub auto_changed: Option<String>,
    /// The admin who made the change.
    pub update_by: Option<String>,
    /// That admin's name.
    pub update_by_name: Option<String>,
    /// The occupancy state before the change (`idle` or `occupied`).
    pub previous_state: Option<String>,
    /// The occupancy state after the change.
    pub new_state: Option<String>,
    /// The inactivity window used to classify the admin, in minutes.
    pub threshold_minutes: Option<i64>,
    /// The admin's last recorded activity (unix seconds).
    pub last_activity_at: Option<i64>,
    /// Whether the state was derived automatically.
    pub auto: Option<bool>,
    /// The group of workspace settings changed, e.g. `automatic_away_mode`.
    pub setting_type: Option<String>,
    /// The settings that changed, by name.
    pub changes: Option<BTreeMap<String, SettingChange>>,
    /// An admin's conversation assignment limit.
    pub conversation_assignment_limit: Option<i64>,
    /// An admin's ticket assignment limit.
    pub ticket_assignment_limit: Option<i64>,
    /// The team whose assignment limit changed.
    pub team: Option<ActivityLogTeam>,
    /// The team assignment limit (`None` when it was removed).
    pub team_assignment_limit: Option<i64>,
    /// Whether the setting is now enabled.
    pub enabled: Option<bool>,
    /// The setting's mode, e.g. `when_away_only`.
    pub mode: Option<String>,
    /// The impersonation consent concerned.
    pub consent_id: Option<String>,
    /// When that consent expires, as sent (a date-time).
    pub expired_at: Option<String>,
    /// The value or settings before the change (an object or a plain value).
    pub before: Option<serde_json::Value>,
    /// The value or settings after the change.
    pub after: Option<serde_json::Value>,
    /// The whole metadata object, as sent.
    pub raw: serde_json::Map<String, serde_json::Value>,
}

impl<'de> Deserialize<'de> for ActivityLogMetadata {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde_json::Value;
        let raw = Option::<serde_json::Map<String, Value>>::deserialize(d)?.unwrap_or_default();
        let get = |k: &str| raw.get(k).filter(|v| !v.is_null());
        let text = |k: &str| match get(k)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        };
        let int = |k: &str| match get(k)? {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        };
        let boolean = |k: &str| match get(k)? {
            Value::Bool(b) => Some(*b),
            Value::String(s) => s.parse().ok(),
            _ => None,
        };
        let typed = |k: &str| get(k).cloned();
        Ok(ActivityLogMetadata {
            sign_in_method: text("sign_in_method"),
            external_id: text("external_id"),
            away_mode: boolean("away_mode"),
            away_status_reason: text("away_status_reason"),
            reassign_conversations: boolean("reassign_conversations"),
            source: text("source"),
            auto_changed: text("auto_changed"),
            update_by: text("update_by"),
            update_by_name: text("update_by_name"),
            previous_state: text("previous_state"),
            new_state: text("new_state"),
            threshold_minutes: int("threshold_minutes"),
            last_activity_at: int("last_activity_at"),
            auto: boolean("auto"),
            setting_type: text("setting_type"),
            changes: typed("changes").and_then(|v| serde_json::from_value(v).ok()),
            conversation_assignment_limit: int("conversation_assignment_limit"),
            ticket_assignment_limit: int("ticket_assignment_limit"),
            team: typed("team").and_then(|v| serde_json::from_value(v).ok()),
            team_assignment_limit: int("team_assignment_limit"),
            enabled: boolean("enabled"),
            mode: text("mode"),
            consent_id: text("consent_id"),
            expired_at: text("expired_at"),
            before: typed("before"),
            after: typed("after"),
            raw,
        })
    }
}

/// One setting's value before and after a change.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct SettingChange {
    /// The value before.
    #[serde(default)]
    pub before: Option<serde_json::Value>,
    /// The value after.
    #[serde(default)]
    pub after: Option<serde_json::Value>,
}

/// A team named in an activity log entry.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ActivityLogTeam {
    /// The team's id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// The team's name.
    #[serde(default)]
    pub name: Option<String>,
}

/// The activity types the workspace can log
/// (`GET /admins/activity_log_event_types`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ActivityLogEventTypes {
    /// The types, usable in [`ActivityLogSearch::event_types`](super::ActivityLogSearch::event_types).
    #[serde(default, deserialize_with = "null_as_default")]
    pub event_types: Vec<ActivityType>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_where_the_spec_examples_are_loose() {
        let log: ActivityLog = serde_json::from_str(
            r#"{"id":"a1","metadata":{"before":"Old","after":"New","message":{"id":123}},
                "activity_type":"brand_new_type"}"#,
        )
        .expect("log");
        let meta = log.metadata.expect("metadata");
        assert_eq!(meta.before, Some(serde_json::json!("Old")));
        assert_eq!(meta.raw["message"]["id"], 123);

        // Types the spec does not promise are tolerated, never fatal.
        let meta: ActivityLogMetadata = serde_json::from_str(
            r#"{"auto_changed":false,"update_by":"93","away_mode":"true","team":"Tier 1",
                "threshold_minutes":"15","changes":[1]}"#,
        )
        .expect("metadata");
        assert_eq!(meta.auto_changed.as_deref(), Some("false"));
        assert_eq!(meta.update_by.as_deref(), Some("93"));
        assert_eq!(meta.away_mode, Some(true));
        assert_eq!(meta.threshold_minutes, Some(15));
        assert!(meta.team.is_none() && meta.changes.is_none());
        assert_eq!(meta.raw["team"], "Tier 1");
        assert_eq!(
            log.activity_type,
            Some(ActivityType::Unknown("brand_new_type".into()))
        );
    }
}
