//! Data attributes: the standard and custom fields of contacts and
//! companies.
//!
//! Connectors that push fields Intercom does not have yet create them with
//! [`DataAttributes::ensure`]: it returns the attribute when it exists (with
//! the same data type) and creates it otherwise.
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use intercom_api::contacts::UpdateContact;
//! use intercom_api::data_attributes::{CreateDataAttribute, DataAttributeModel, DataType};
//!
//! client
//!     .data_attributes()
//!     .ensure(CreateDataAttribute::new("lifetime_value", DataAttributeModel::Contact, DataType::Float))
//!     .await?;
//! client
//!     .contacts()
//!     .update("6762f0d01bb69f9f2193bb7d", UpdateContact::new().custom_attribute("lifetime_value", 1290.5))
//!     .await?;
//! # Ok(()) }
//! ```

mod models;
mod requests;
mod rows;

pub use models::{DataAttribute, DataAttributeModel, DataType, Ensured};
pub use requests::{
    CreateDataAttribute, MIN_LIST_OPTIONS, UpdateDataAttribute, validate_attribute_name,
};
pub use rows::{DataAttributes, ops};

use crate::client::Client;
use crate::error::{Error, ErrorCode};

impl DataAttributes<'_, Client> {
    /// The attribute named `attribute.name()` of its model: the existing one
    /// when there is one, else the one this call creates.
    ///
    /// Sends `GET /data_attributes?model=..&include_archived=true`; when the
    /// attribute exists archived, `PUT /data_attributes/{id}` unarchives it.
    /// When it is missing, `POST /data_attributes`; when that answers `400`
    /// "already have", another writer created it meanwhile and the list is
    /// read again. An existing attribute matches when its data type is the
    /// one asked for (a `datetime` attribute is reported as `date`, a list
    /// as a `string` with options, and both count as a match).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::data_attributes::{CreateDataAttribute, DataAttributeModel, DataType};
    /// let plan = client
    ///     .data_attributes()
    ///     .ensure(CreateDataAttribute::list("plan", DataAttributeModel::Contact, ["free", "pro"]))
    ///     .await?;
    /// println!("{}", if plan.created { "created" } else { "already there" });
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::DataTypeMismatch`] when the attribute exists with another
    /// data type; [`Error::InvalidInput`] as for
    /// [`create`](DataAttributes::create), before anything is sent; a `400`
    /// when the name is taken by the other model; any error of the calls
    /// made.
    pub async fn ensure(&self, attribute: CreateDataAttribute) -> Result<Ensured, Error> {
        attribute.validate()?;
        if let Some(found) = self.find(&attribute).await? {
            return self.usable(&attribute, found).await;
        }
        let race = match self.create(attribute.clone()).await {
            Ok(created) => {
                return Ok(Ensured {
                    attribute: created,
                    created: true,
                });
            }
            Err(e) if is_already_exists(&e) => e,
            Err(e) => return Err(e),
        };
        match self.find(&attribute).await? {
            Some(found) => self.usable(&attribute, found).await,
            None => Err(race),
        }
    }

    /// The attribute of that name and model, archived or not.
    async fn find(&self, attribute: &CreateDataAttribute) -> Result<Option<DataAttribute>, Error> {
        let all = self
            .list()
            .model(attribute.model().clone())
            .include_archived(true)
            .await?;
        Ok(all
            .into_iter()
            .find(|a| a.name.as_deref() == Some(attribute.name())))
    }

    /// `found` when its type matches, unarchived if it was archived.
    async fn usable(
        &self,
        attribute: &CreateDataAttribute,
        found: DataAttribute,
    ) -> Result<Ensured, Error> {
        if !attribute.data_type().matches(&found) {
            return Err(Error::DataTypeMismatch {
                name: attribute.name().to_owned(),
                model: attribute.model().to_string(),
                existing: found
                    .data_type
                    .as_ref()
                    .map_or("(no data type)", DataType::as_str)
                    .to_owned(),
                wanted: attribute.data_type().to_string(),
            });
        }
        let attribute = match (&found.archived, &found.id) {
            (Some(true), Some(id)) => {
                self.update(id, UpdateDataAttribute::new().archived(false))
                    .await?
            }
            _ => found,
        };
        Ok(Ensured {
            attribute,
            created: false,
        })
    }
}

/// Intercom's answer to creating an attribute whose name is taken: `400
/// parameter_invalid` "You already have 'plan' in your ... data".
fn is_already_exists(e: &Error) -> bool {
    let Some(api) = e.as_api() else {
        return false;
    };
    api.status.as_u16() == 400
        && matches!(api.code(), None | Some(ErrorCode::ParameterInvalid))
        && api
            .message()
            .is_some_and(|m| m.to_ascii_lowercase().contains("already"))
}
