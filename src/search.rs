//! The query language of Intercom's search endpoints
//! (`POST /contacts/search`, `/conversations/search`, `/tickets/search`).
//!
//! ```
//! use intercom_api::search::{field, Query};
//!
//! // Users created after a date whose email is at example.com or who are VIPs.
//! let query = Query::and([
//!     field("role").eq("user"),
//!     field("created_at").gt(1_700_000_000),
//!     Query::or([
//!         field("email").ends_with("@example.com"),
//!         field("custom_attributes.vip").eq(true),
//!     ]),
//! ]);
//! assert!(query.validate().is_ok());
//! ```
//!
//! Intercom allows at most two levels of nested groups and at most 15
//! conditions per group; [`Query::validate`] checks both (and that `IN`/`NIN`
//! get a list and other operators a single value) before anything is sent.

use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Most conditions Intercom accepts in one AND/OR group.
pub const MAX_FILTERS_PER_GROUP: usize = 15;
/// Most levels of nested AND/OR groups Intercom accepts.
pub const MAX_NESTING: usize = 2;

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Operator {
    /// `=`
    Eq,
    /// `!=`
    Ne,
    /// `IN`: the value is one of a list.
    In,
    /// `NIN`: the value is none of a list.
    NotIn,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `~`: contains.
    Contains,
    /// `!~`: does not contain.
    NotContains,
    /// `^`: starts with.
    StartsWith,
    /// `$`: ends with.
    EndsWith,
}

impl Operator {
    /// The operator as Intercom spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Operator::Eq => "=",
            Operator::Ne => "!=",
            Operator::In => "IN",
            Operator::NotIn => "NIN",
            Operator::Lt => "<",
            Operator::Le => "<=",
            Operator::Gt => ">",
            Operator::Ge => ">=",
            Operator::Contains => "~",
            Operator::NotContains => "!~",
            Operator::StartsWith => "^",
            Operator::EndsWith => "$",
        }
    }

    fn takes_list(self) -> bool {
        matches!(self, Operator::In | Operator::NotIn)
    }
}

/// The value a field is compared with.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Value {
    /// `null`: the field is unset.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer (timestamps are unix seconds).
    Int(i64),
    /// A string.
    Str(String),
    /// A list, for `IN` and `NIN`.
    List(Vec<Value>),
}

impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}
impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}
impl From<i32> for Value {
    fn from(v: i32) -> Self {
        Value::Int(v.into())
    }
}
impl From<u32> for Value {
    fn from(v: u32) -> Self {
        Value::Int(v.into())
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Str(v.to_owned())
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Str(v)
    }
}
impl From<&String> for Value {
    fn from(v: &String) -> Self {
        Value::Str(v.clone())
    }
}
impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(v: Vec<T>) -> Self {
        Value::List(v.into_iter().map(Into::into).collect())
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

/// One condition: `field operator value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    /// The field, e.g. `email` or `custom_attributes.plan`.
    pub field: String,
    /// The comparison.
    pub operator: Operator,
    /// The value compared with.
    pub value: Value,
}

/// A search query: one condition, or an AND/OR group of queries.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Query {
    /// A single condition.
    Filter(Filter),
    /// All of the queries match.
    And(Vec<Query>),
    /// Any of the queries matches.
    Or(Vec<Query>),
}

/// Start a condition on `name`: `field("email").eq("a@b.c")`.
pub fn field(name: impl Into<String>) -> Field {
    Field(name.into())
}

/// A field name waiting for its operator. Made by [`field`].
#[derive(Debug, Clone)]
pub struct Field(String);

macro_rules! ops {
    ($($(#[$doc:meta])* $name:ident => $op:ident,)*) => {
        impl Field {
            $(
                $(#[$doc])*
                pub fn $name(self, value: impl Into<Value>) -> Query {
                    Query::Filter(Filter { field: self.0, operator: Operator::$op, value: value.into() })
                }
            )*
        }
    };
}

ops! {
    /// `field = value`
    eq => Eq,
    /// `field != value`
    ne => Ne,
    /// `field IN [values]`
    is_in => In,
    /// `field NIN [values]`
    not_in => NotIn,
    /// `field < value`
    lt => Lt,
    /// `field <= value`
    le => Le,
    /// `field > value`
    gt => Gt,
    /// `field >= value`
    ge => Ge,
    /// `field ~ value` (contains)
    contains => Contains,
    /// `field !~ value` (does not contain)
    not_contains => NotContains,
    /// `field ^ value` (starts with)
    starts_with => StartsWith,
    /// `field $ value` (ends with)
    ends_with => EndsWith,
}

impl Query {
    /// All of `queries` match.
    pub fn and(queries: impl IntoIterator<Item = Query>) -> Query {
        Query::And(queries.into_iter().collect())
    }

    /// Any of `queries` matches.
    pub fn or(queries: impl IntoIterator<Item = Query>) -> Query {
        Query::Or(queries.into_iter().collect())
    }

    /// Check the query against Intercom's limits.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the query part (e.g. `query.value[2]`)
    /// for: more than [`MAX_NESTING`] levels of groups, more than
    /// [`MAX_FILTERS_PER_GROUP`] conditions in a group, an empty group, an
    /// empty field name, `IN`/`NIN` without a list, or a list with another
    /// operator.
    pub fn validate(&self) -> Result<(), Error> {
        self.check("query", 0)
    }

    fn check(&self, at: &str, depth: usize) -> Result<(), Error> {
        match self {
            Query::Filter(f) => {
                if f.field.trim().is_empty() {
                    return Err(Error::invalid(format!("{at}.field"), "must not be empty"));
                }
                let is_list = matches!(f.value, Value::List(_));
                if f.operator.takes_list() && !is_list {
                    return Err(Error::invalid(
                        format!("{at}.value"),
                        format!("`{}` needs a list of values", f.operator.as_str()),
                    ));
                }
                if !f.operator.takes_list() && is_list {
                    return Err(Error::invalid(
                        format!("{at}.value"),
                        format!("`{}` takes a single value, not a list", f.operator.as_str()),
                    ));
                }
                Ok(())
            }
            Query::And(qs) | Query::Or(qs) => {
                let depth = depth + 1;
                if depth > MAX_NESTING {
                    return Err(Error::invalid(
                        at,
                        format!(
                            "Intercom allows at most {MAX_NESTING} levels of nested AND/OR groups"
                        ),
                    ));
                }
                if qs.is_empty() {
                    return Err(Error::invalid(
                        at,
                        "an AND/OR group needs at least one condition",
                    ));
                }
                if qs.len() > MAX_FILTERS_PER_GROUP {
                    return Err(Error::invalid(
                        at,
                        format!(
                            "{} conditions in one group; Intercom allows at most {MAX_FILTERS_PER_GROUP}",
                            qs.len()
                        ),
                    ));
                }
                qs.iter()
                    .enumerate()
                    .try_for_each(|(i, q)| q.check(&format!("{at}.value[{i}]"), depth))
            }
        }
    }
}

impl Serialize for Query {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Query::Filter(f) => {
                let mut m = s.serialize_map(Some(3))?;
                m.serialize_entry("field", &f.field)?;
                m.serialize_entry("operator", f.operator.as_str())?;
                m.serialize_entry("value", &f.value)?;
                m.end()
            }
            Query::And(qs) | Query::Or(qs) => {
                let op = if matches!(self, Query::And(_)) {
                    "AND"
                } else {
                    "OR"
                };
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("operator", op)?;
                m.serialize_entry("value", qs)?;
                m.end()
            }
        }
    }
}

/// Sort direction of search results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SortOrder {
    /// Oldest or smallest first.
    Ascending,
    /// Newest or largest first (Intercom's default).
    #[default]
    Descending,
}

/// How to sort search results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sort {
    /// The field to sort on, e.g. `created_at`.
    pub field: String,
    /// The direction.
    pub order: SortOrder,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn serializes_to_intercoms_shape() {
        let q = Query::and([
            field("created_at").gt(1306054154),
            Query::or([
                field("email").contains("example.com"),
                field("role").eq("user"),
            ]),
        ]);
        assert_eq!(
            serde_json::to_value(&q).expect("ser"),
            json!({"operator": "AND", "value": [
                {"field": "created_at", "operator": ">", "value": 1306054154},
                {"operator": "OR", "value": [
                    {"field": "email", "operator": "~", "value": "example.com"},
                    {"field": "role", "operator": "=", "value": "user"}
                ]}
            ]})
        );
    }

    #[test]
    fn every_operator_has_its_wire_spelling() {
        let wire: Vec<_> = [
            field("a").eq(1),
            field("a").ne(1),
            field("a").is_in(vec![1]),
            field("a").not_in(vec![1]),
            field("a").lt(1),
            field("a").le(1),
            field("a").gt(1),
            field("a").ge(1),
            field("a").contains("x"),
            field("a").not_contains("x"),
            field("a").starts_with("x"),
            field("a").ends_with("x"),
        ]
        .iter()
        .map(|q| {
            serde_json::to_value(q).expect("ser")["operator"]
                .as_str()
                .map(str::to_owned)
        })
        .collect();
        let expect = [
            "=", "!=", "IN", "NIN", "<", "<=", ">", ">=", "~", "!~", "^", "$",
        ];
        assert_eq!(wire, expect.map(|s| Some(s.to_owned())).to_vec());
    }

    #[test]
    fn two_levels_pass_three_fail() {
        let two = Query::and([Query::or([field("a").eq(1)])]);
        assert!(two.validate().is_ok());
        let three = Query::and([Query::or([Query::and([field("a").eq(1)])])]);
        let err = three.validate().expect_err("too deep");
        assert!(
            matches!(&err, Error::InvalidInput { field, .. } if field == "query.value[0].value[0]"),
            "{err}"
        );
    }

    #[test]
    fn fifteen_per_group_pass_sixteen_fail() {
        let group = |n: i64| Query::or((0..n).map(|i| field("a").eq(i)));
        assert!(group(15).validate().is_ok());
        let err = group(16).validate().expect_err("too many");
        assert!(err.to_string().contains("at most 15"), "{err}");
        assert!(Query::and([]).validate().is_err());
    }

    #[test]
    fn list_operators_need_lists() {
        assert!(field("role").is_in("user").validate().is_err());
        assert!(field("role").eq(vec!["user"]).validate().is_err());
        assert!(field("role").is_in(vec!["user", "lead"]).validate().is_ok());
        assert!(field(" ").eq(1).validate().is_err());
    }
}
