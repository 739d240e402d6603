//! One module per resource family: its models and its endpoints.
//!
//! Each module builds [`Request`](crate::Request) values and hands them to a
//! [`Call`](crate::Call) or [`ListCall`](crate::ListCall); the executor that
//! runs them lives elsewhere, so the async client and the blocking facade
//! share every endpoint definition.

pub mod admins;
pub mod articles;
pub mod banners;
pub mod companies;
pub mod contacts;
pub mod conversations;
pub mod data_events;
pub mod help_center;
pub mod notes;
pub mod segments;
pub mod subscription_types;
pub mod tags;
pub mod tickets;
