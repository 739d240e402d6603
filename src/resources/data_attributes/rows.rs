//! The data attribute endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::models::{DataAttribute, DataAttributeModel};
use super::requests::{
    CreateDataAttribute, UpdateDataAttribute, create_body, model_query, update_body,
};
use crate::call::Call;
use crate::models::List;
use crate::options::IncludeArchived;
use crate::resources::endpoints::endpoints;

endpoints! {
    /// The data attribute endpoints. Get one from
    /// [`Client::data_attributes`](crate::Client::data_attributes).
    family "data_attributes" => DataAttributes;

    /// The data attributes of contacts and companies, standard and custom;
    /// `.model(..)` keeps one model, `.include_archived(true)` adds the
    /// archived ones.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::data_attributes::DataAttributeModel;
    /// let attributes = client
    ///     .data_attributes()
    ///     .list()
    ///     .model(DataAttributeModel::Company)
    ///     .include_archived(true)
    ///     .await?;
    /// let custom = attributes.iter().filter(|a| a.custom == Some(true)).count();
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// the `conversation` model (use `/conversations/attributes`).
    "lisDataAttributes" GET "/data_attributes"
    fn list() -> Call<List<DataAttribute>> [IncludeArchived];

    /// Create a custom attribute. See
    /// [`ensure`](DataAttributes::ensure) to create it only when missing.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::data_attributes::{CreateDataAttribute, DataAttributeModel, DataType};
    /// let seats = client
    ///     .data_attributes()
    ///     .create(
    ///         CreateDataAttribute::new("seats", DataAttributeModel::Company, DataType::Integer)
    ///             .description("Paid seats"),
    ///     )
    ///     .await?;
    /// let tier = client
    ///     .data_attributes()
    ///     .create(CreateDataAttribute::list("tier", DataAttributeModel::Contact, ["free", "pro"]))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an empty or too-long name (190 characters), a name with a character
    /// Intercom refuses (`. $ ! @ # % ^ & * ' " { } | \ ~ \``), the
    /// `conversation` model, or a list with fewer than two options; `400`
    /// when an attribute with that name exists (in either model).
    "createDataAttribute" POST "/data_attributes"
    fn create(attribute: CreateDataAttribute) -> Call<DataAttribute> = create_body;

    /// Archive or unarchive a custom attribute, change its description,
    /// whether the Messenger writes it, or a list's options.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::data_attributes::UpdateDataAttribute;
    /// client
    ///     .data_attributes()
    ///     .update("37", UpdateDataAttribute::new().archived(true))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) before sending for
    /// an id that is not a number or fewer than two options; `404`; `422`
    /// when archiving an attribute something depends on.
    "updateDataAttribute" PUT "/data_attributes/{data_attribute_id}"
    fn update(data_attribute_id; update: UpdateDataAttribute) -> Call<DataAttribute>
        = update_body(data_attribute_id);
}

impl<C> Call<'_, C, List<DataAttribute>, ops::list> {
    /// Only the attributes of this model (`model=contact` or `company`).
    /// The `conversation` model is refused before sending: its attributes
    /// have their own endpoints.
    pub fn model(self, model: DataAttributeModel) -> Self {
        self.try_map_request(move |r| {
            let value = model_query(&model)?.to_owned();
            r.raw.set_query("model", value);
            Ok(())
        })
    }
}
