//! Custom object instances: records of your own object types (an `Order`,
//! a `Booking`) that Intercom shows next to contacts and conversations.
//!
//! The five Custom Object Instances operations of Intercom API 2.16, on
//! [`CustomObjectInstances`]. Every operation names the object type
//! (`custom_object_type_identifier`, e.g. `Order`), which you define in
//! Intercom's settings. An instance's known fields are typed
//! ([`CustomObjectInstance::external_id`], its timestamps); its
//! attributes are whatever your type defines, so they stay JSON
//! ([`CustomObjectInstance::custom_attributes`], with typed getters such as
//! [`CustomObjectInstance::attribute_str`]).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::custom_object_instances::UpsertInstance;
//! let orders = client.custom_object_instances();
//! let order = orders
//!     .create_or_update(
//!         "Order",
//!         UpsertInstance::new("ORD-2026-0412")
//!             .attribute("status", "shipped")
//!             .attribute("total_amount", 129.5),
//!     )
//!     .await?;
//! let again = orders.get_by_external_id("Order", "ORD-2026-0412").await?;
//! assert_eq!(again.id, order.id);
//! # Ok(()) }
//! ```

mod models;
mod rows;

pub use models::{CustomObjectInstance, CustomObjectInstanceDeleted, UpsertInstance};
pub use rows::{CustomObjectInstances, MAX_PER_PAGE, ops};
