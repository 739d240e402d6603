//! Admins: the teammates of a workspace, `/me` (the identity of the token),
//! away mode, and the workspace's activity logs.
//!
//! Every operation of the Admins family in Intercom API 2.16, on [`Admins`].
//! Admin ids are numeric; they are kept as text, like every id of this crate.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use futures::TryStreamExt;
//! use intercom_api::admins::SetAway;
//!
//! let me = client.admins().me().await?;
//! client.admins().set_away(&me.id, SetAway::new(true, true)).await?;
//!
//! // Everything the teammates did in a week, 250 entries per request.
//! let mut logs = std::pin::pin!(client
//!     .admins()
//!     .list_activity_logs(1_717_200_000, Some(1_717_804_800))
//!     .per_page(250)
//!     .items());
//! while let Some(log) = logs.try_next().await? {
//!     println!("{:?} {:?}", log.activity_type, log.activity_description);
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::call::Call;
use crate::error::Error;
use crate::models::{Avatar, null_as_default, opt_string_or_number, string_enum, string_or_number};
use crate::pagination::{ListCall, Paging, Scheme};
use crate::transport::Request;
use crate::transport::request::{path, require_id};

/// Most activity log entries per page, for listing and for searching.
pub const MAX_ACTIVITY_LOGS_PER_PAGE: u32 = 250;

/// An admin (teammate).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Admin {
    /// The admin's id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Full name.
    #[serde(default)]
    pub name: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Job title.
    #[serde(default)]
    pub job_title: Option<String>,
    /// Whether the admin is away.
    #[serde(default)]
    pub away_mode_enabled: Option<bool>,
    /// Whether new conversation replies go to the default inbox while away.
    #[serde(default)]
    pub away_mode_reassign: Option<bool>,
    /// The away-status reason, if set. The spec types it as an integer; some
    /// answers send it as a string, so it is kept as text.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub away_status_reason_id: Option<String>,
    /// Whether the admin has a paid inbox seat.
    #[serde(default)]
    pub has_inbox_seat: Option<bool>,
    /// The teams the admin belongs to.
    #[serde(default, deserialize_with = "null_as_default")]
    pub team_ids: Vec<i64>,
    /// The admin's avatar (only when asked for, see [`Call::display_avatar`]).
    #[serde(default)]
    pub avatar: Option<Avatar>,
    /// The admin's primary and secondary teams.
    #[serde(default)]
    pub team_priority_level: Option<TeamPriorityLevel>,
    /// The admin's role, when one is assigned.
    #[serde(default)]
    pub role: Option<AdminRole>,
}

/// Which of an admin's teams come first when assigning.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct TeamPriorityLevel {
    /// The primary teams.
    #[serde(default, deserialize_with = "null_as_default")]
    pub primary_team_ids: Vec<i64>,
    /// The secondary teams.
    #[serde(default, deserialize_with = "null_as_default")]
    pub secondary_team_ids: Vec<i64>,
}

/// The role assigned to an admin.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AdminRole {
    /// The role id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// The role name.
    #[serde(default)]
    pub name: Option<String>,
}

/// The admin a token belongs to, with the workspace (`GET /me`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AdminWithApp {
    /// The admin's id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Full name.
    #[serde(default)]
    pub name: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Whether the email address is verified. Do not accept a sign-in
    /// ("Log in with Intercom") from an admin whose email is unverified.
    #[serde(default)]
    pub email_verified: Option<bool>,
    /// Job title.
    #[serde(default)]
    pub job_title: Option<String>,
    /// Whether the admin is away.
    #[serde(default)]
    pub away_mode_enabled: Option<bool>,
    /// Whether new conversation replies go to the default inbox while away.
    #[serde(default)]
    pub away_mode_reassign: Option<bool>,
    /// Whether the admin has a paid inbox seat.
    #[serde(default)]
    pub has_inbox_seat: Option<bool>,
    /// The teams the admin belongs to.
    #[serde(default, deserialize_with = "null_as_default")]
    pub team_ids: Vec<i64>,
    /// The admin's avatar.
    #[serde(default)]
    pub avatar: Option<Avatar>,
    /// The workspace the token gives access to.
    #[serde(default)]
    pub app: Option<App>,
}

/// A workspace ("app").
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct App {
    /// The workspace id (the Messenger's `app_id`).
    #[serde(default)]
    pub id_code: Option<String>,
    /// The workspace name.
    #[serde(default)]
    pub name: Option<String>,
    /// Where the workspace is hosted, e.g. `US`.
    #[serde(default)]
    pub region: Option<String>,
    /// The workspace time zone, e.g. `Europe/Dublin`.
    #[serde(default)]
    pub timezone: Option<String>,
    /// When the workspace was created (unix seconds).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Whether Messenger identity verification is enforced.
    #[serde(default)]
    pub identity_verification: Option<bool>,
}

/// The admins of a workspace (`GET /admins`). Not paged: every admin at once.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AdminList {
    /// The admins.
    #[serde(default, deserialize_with = "null_as_default")]
    pub admins: Vec<Admin>,
}

impl IntoIterator for AdminList {
    type Item = Admin;
    type IntoIter = std::vec::IntoIter<Admin>;
    fn into_iter(self) -> Self::IntoIter {
        self.admins.into_iter()
    }
}

impl std::ops::Deref for AdminList {
    type Target = [Admin];
    fn deref(&self) -> &[Admin] {
        &self.admins
    }
}

/// The body of `PUT /admins/{admin_id}/away`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAway {
    away: bool,
    reassign: bool,
    reason: Option<String>,
}

/// [`SetAway`] as sent: the reason id as the integer the spec types it as.
#[derive(Debug, Serialize)]
struct SetAwayBody {
    away_mode_enabled: bool,
    away_mode_reassign: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    away_status_reason_id: Option<u64>,
}

impl SetAway {
    /// Away (`true`) or back (`false`); with `reassign`, new conversation
    /// replies go to the default inbox while the admin is away.
    pub fn new(away: bool, reassign: bool) -> Self {
        SetAway {
            away,
            reassign,
            reason: None,
        }
    }

    /// The away-status reason (a numeric id, as [`Admin::away_status_reason_id`]
    /// holds it). Workspaces can make a reason mandatory, in which case
    /// Intercom answers `400 away_status_reason_mandatory` without one.
    pub fn reason(mut self, away_status_reason_id: impl Into<String>) -> Self {
        self.reason = Some(away_status_reason_id.into());
        self
    }

    fn body(&self) -> Result<SetAwayBody, Error> {
        let away_status_reason_id = match &self.reason {
            Some(reason) => Some(reason.trim().parse::<u64>().map_err(|_| {
                Error::invalid(
                    "away_status_reason_id",
                    "must be a numeric away status reason id",
                )
            })?),
            None => None,
        };
        Ok(SetAwayBody {
            away_mode_enabled: self.away,
            away_mode_reassign: self.reassign,
            away_status_reason_id,
        })
    }
}

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
    /// The types, usable in [`SearchActivityLogs::event_types`].
    #[serde(default, deserialize_with = "null_as_default")]
    pub event_types: Vec<ActivityType>,
}

/// The body of `POST /admins/activity_logs/search`: a time range and,
/// optionally, the activity types to keep. Pages are asked for through the
/// [`ListCall`] (`per_page`, `starting_from`), not here.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchActivityLogs {
    created_at_after: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    created_at_before: Option<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    event_types: Vec<ActivityType>,
}

impl SearchActivityLogs {
    /// Entries created after `created_at_after` (unix seconds).
    pub fn new(created_at_after: i64) -> Self {
        SearchActivityLogs {
            created_at_after,
            created_at_before: None,
            event_types: Vec::new(),
        }
    }

    /// Only entries created before this time (unix seconds).
    pub fn created_at_before(mut self, unix: i64) -> Self {
        self.created_at_before = Some(unix);
        self
    }

    /// Only entries of these types (added to any set before).
    pub fn event_types<T: Into<ActivityType>>(
        mut self,
        types: impl IntoIterator<Item = T>,
    ) -> Self {
        self.event_types.extend(types.into_iter().map(Into::into));
        self
    }

    fn validate(&self) -> Result<(), Error> {
        check_range(self.created_at_after, self.created_at_before)?;
        if self
            .event_types
            .iter()
            .any(|t| t.as_str().trim().is_empty())
        {
            return Err(Error::invalid("event_types", "an event type is empty"));
        }
        Ok(())
    }
}

/// A time range whose end is not after its start can only be a mistake.
fn check_range(after: i64, before: Option<i64>) -> Result<(), Error> {
    match before {
        Some(before) if before <= after => Err(Error::invalid(
            "created_at_before",
            format!("{before} is not after created_at_after ({after})"),
        )),
        _ => Ok(()),
    }
}

/// The spec types `admin_id` as an integer: refuse anything else before it
/// becomes a path segment.
fn require_admin_id(admin_id: &str) -> Result<(), Error> {
    require_id("admin_id", admin_id)?;
    if !admin_id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid("admin_id", "must be a numeric admin id"));
    }
    Ok(())
}

// Activity logs page by number: `page`/`per_page` (1..=250) in the query
// for the listing, in the body for the search; `pages.next` is a URL when
// `page`/`total_pages` are missing (Intercom's 2.17 reference documents
// both; the 2.16 spec names the pages object `cursor_pages` but its fields
// are page numbers).
const ACTIVITY_LOGS: Paging =
    Paging::new(Scheme::PageNumber, "activity_logs").max_per_page(MAX_ACTIVITY_LOGS_PER_PAGE);
const ACTIVITY_LOG_SEARCH: Paging =
    Paging::new(Scheme::BodyPage, "activity_logs").max_per_page(MAX_ACTIVITY_LOGS_PER_PAGE);

/// The admins endpoints. Get one from [`Client::admins`](crate::Client::admins).
#[derive(Debug)]
pub struct Admins<'c, C> {
    client: &'c C,
}

impl<'c, C> Admins<'c, C> {
    pub(crate) fn new(client: &'c C) -> Self {
        Admins { client }
    }

    fn call<T>(&self, request: Result<Request<T>, Error>) -> Call<'c, C, T> {
        Call::new(self.client, request)
    }

    /// `GET /me`: who the token belongs to and which workspace it opens.
    /// The cheapest "test connection" call.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let me = client.admins().me().await?;
    /// println!("{:?} in {:?}", me.email, me.app.and_then(|a| a.name));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized` for a bad token, and any transport error.
    pub fn me(&self) -> Call<'c, C, AdminWithApp> {
        self.call(Ok(Request::get("/me")))
    }

    /// `GET /admins/{admin_id}`: one admin.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let admin = client.admins().get("991267460").await?;
    /// println!("{:?} away: {:?}", admin.name, admin.away_mode_enabled);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty or non-numeric id; `404` when no
    /// admin has that id.
    pub fn get(&self, admin_id: &str) -> Call<'c, C, Admin> {
        self.call(require_admin_id(admin_id).map(|()| Request::get(path(&["admins", admin_id]))))
    }

    /// `GET /admins`: every admin of the workspace, in one answer. Avatars
    /// are left out unless asked for with
    /// [`display_avatar`](Call::display_avatar).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let admins = client.admins().list().display_avatar(true).await?;
    /// for admin in admins {
    ///     println!("{} {:?}", admin.id, admin.avatar.and_then(|a| a.image_url));
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized`, and any transport error.
    pub fn list(&self) -> Call<'c, C, AdminList> {
        self.call(Ok(Request::get("/admins")))
    }

    /// `PUT /admins/{admin_id}/away`: set an admin away or back.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::admins::SetAway;
    /// let admin = client
    ///     .admins()
    ///     .set_away("991267460", SetAway::new(true, true).reason("12345"))
    ///     .await?;
    /// assert_eq!(admin.away_mode_enabled, Some(true));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty or non-numeric admin id or reason
    /// id; `404 admin_not_found`; `400 away_status_reason_mandatory` when the
    /// workspace requires a reason and none was given; `400
    /// parameter_invalid` for a deleted reason.
    pub fn set_away(&self, admin_id: &str, away: SetAway) -> Call<'c, C, Admin> {
        self.call(
            require_admin_id(admin_id)
                .and_then(|()| away.body())
                .and_then(|away| Request::put(path(&["admins", admin_id, "away"])).json(&away)),
        )
    }

    /// `GET /admins/activity_logs`: what the admins did after
    /// `created_at_after` (and, if given, before `created_at_before`), unix
    /// seconds. Paged by number, up to 250 per page.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let week = client
    ///     .admins()
    ///     .list_activity_logs(1_717_200_000, Some(1_717_804_800))
    ///     .per_page(250)
    ///     .collect_at_most(5_000)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `created_at_before` is not after
    /// `created_at_after`, or for `per_page` outside 1..=250.
    pub fn list_activity_logs(
        &self,
        created_at_after: i64,
        created_at_before: Option<i64>,
    ) -> ListCall<'c, C, ActivityLog> {
        let request = check_range(created_at_after, created_at_before).map(|()| {
            let request =
                Request::get("/admins/activity_logs").query("created_at_after", created_at_after);
            match created_at_before {
                Some(before) => request.query("created_at_before", before),
                None => request,
            }
        });
        ListCall::new(self.client, request, ACTIVITY_LOGS)
    }

    /// `POST /admins/activity_logs/search`: activity log entries in a time
    /// range, optionally of some types only. Paged by number (in the body),
    /// up to 250 per page.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::admins::{ActivityType, SearchActivityLogs};
    /// let logins = SearchActivityLogs::new(1_717_200_000)
    ///     .created_at_before(1_717_804_800)
    ///     .event_types([ActivityType::AdminLoginFailure, ActivityType::AdminLoginSuccess]);
    /// let page = client.admins().search_activity_logs(logins).per_page(100).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `created_at_before` is not after
    /// `created_at_after`, an event type is empty, or `per_page` is outside
    /// 1..=250.
    pub fn search_activity_logs(&self, search: SearchActivityLogs) -> ListCall<'c, C, ActivityLog> {
        let request = search.validate().and_then(|()| {
            // A search reads only: safe to retry after a 5xx or timeout.
            Request::post("/admins/activity_logs/search")
                .idempotent(true)
                .json(&search)
        });
        ListCall::new(self.client, request, ACTIVITY_LOG_SEARCH)
    }

    /// `GET /admins/activity_log_event_types`: the activity types there are,
    /// for [`SearchActivityLogs::event_types`].
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let types = client.admins().list_activity_log_event_types().await?;
    /// println!("{} types", types.event_types.len());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized`, and any transport error.
    pub fn list_activity_log_event_types(&self) -> Call<'c, C, ActivityLogEventTypes> {
        self.call(Ok(Request::get("/admins/activity_log_event_types")))
    }
}

impl<C> Call<'_, C, AdminList> {
    /// Include each admin's avatar (`display_avatar`).
    pub fn display_avatar(self, yes: bool) -> Self {
        self.query("display_avatar", yes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_where_the_spec_examples_are_loose() {
        let admin: Admin = serde_json::from_str(
            r#"{"type":"admin","id":991267460,"away_status_reason_id":"12345","team_ids":null,"avatar":null}"#,
        )
        .expect("admin");
        assert_eq!(admin.id, "991267460");
        assert_eq!(admin.away_status_reason_id.as_deref(), Some("12345"));
        assert!(admin.team_ids.is_empty());

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

    #[test]
    fn away_reason_is_sent_as_an_integer() {
        let body = SetAway::new(true, false)
            .reason("12345")
            .body()
            .expect("ok");
        assert_eq!(
            serde_json::to_value(&body).expect("json"),
            serde_json::json!({"away_mode_enabled": true, "away_mode_reassign": false, "away_status_reason_id": 12345})
        );
        let err = SetAway::new(true, false)
            .reason("on-break")
            .body()
            .expect_err("refused");
        assert!(
            matches!(err, Error::InvalidInput { ref field, .. } if field == "away_status_reason_id")
        );
    }
}
