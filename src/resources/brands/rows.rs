//! The brands endpoints: one row each (see [`endpoints!`](crate::resources::endpoints)).

use super::Brand;
use crate::models::List;
use crate::resources::endpoints::endpoints;

endpoints! {
    /// The brands endpoints. Get one from [`Client::brands`](crate::Client::brands).
    family "brands" => Brands;

    /// Every brand of the workspace, the default brand included (not paged).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// for brand in client.brands().list().await? {
    ///     println!("{} {:?}", brand.id, brand.name);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `401 unauthorized`; API errors.
    "listBrands" GET "/brands"
    fn list() -> Call<List<Brand>>;

    /// One brand.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// let brand = client.brands().get("15").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `404 not_found`.
    "retrieveBrand" GET "/brands/{id}"
    fn get(id) -> Call<Brand>;
}
