//! Data attributes (3 operations).

use intercom_api::data_attributes::{
    CreateDataAttribute, DataAttributeModel, DataType, UpdateDataAttribute,
};

use crate::{check, check_known_defect, prism};

#[tokio::test]
async fn list_data_attributes() {
    let Some(c) = prism() else { return };
    let all = check(
        c.data_attributes()
            .list()
            .model(DataAttributeModel::Company)
            .include_archived(true),
    )
    .await;
    assert!(!all.is_empty());
}

#[tokio::test]
async fn create_data_attribute() {
    let Some(c) = prism() else { return };
    let seats = CreateDataAttribute::new("seats", DataAttributeModel::Company, DataType::Integer)
        .description("Paid seats")
        .messenger_writable(false);
    check(c.data_attributes().create(seats)).await;
    let tier = CreateDataAttribute::list("tier", DataAttributeModel::Contact, ["gold", "silver"]);
    check(c.data_attributes().create(tier)).await;
}

#[tokio::test]
async fn update_data_attribute() {
    let Some(c) = prism() else { return };
    let update = UpdateDataAttribute::new()
        .archived(false)
        .description("Just a plain old ring");
    check(c.data_attributes().update("1", update)).await;
}

/// New options for a list attribute match both `oneOf` branches of the
/// request schema: see `KNOWN_DEFECTS`.
#[tokio::test]
async fn update_data_attribute_options() {
    let Some(c) = prism() else { return };
    let update = UpdateDataAttribute::new().options(["1-10", "11-20"]);
    check_known_defect(c.data_attributes().update("1", update)).await;
}
