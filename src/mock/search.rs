//! Intercom's search query language, evaluated against contacts held as JSON.
//!
//! A query is a single filter `{field, operator, value}` or a group
//! `{operator: "AND" | "OR", value: [queries]}`. The fake refuses what
//! Intercom refuses (more than two levels of groups, more than 15 entries in
//! a group, `IN`/`NIN` without a list) and evaluates the rest:
//!
//! - fields are dotted paths into the contact (`email`, `location.city`,
//!   `custom_attributes.plan`); an unset field is `null`;
//! - string comparisons ignore case;
//! - `=` / `!=` on a `*_at` field compare calendar days (UTC), as Intercom
//!   compares dates by day;
//! - a number and a numeric string compare as numbers (`"1306054154"` works).

use std::cmp::Ordering;

use serde_json::{Map, Value};

/// Most levels of nested groups.
const MAX_NESTING: usize = 2;
/// Most entries in one group.
const MAX_FILTERS_PER_GROUP: usize = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Eq,
    Ne,
    In,
    NotIn,
    Lt,
    Le,
    Gt,
    Ge,
    Contains,
    NotContains,
    StartsWith,
    EndsWith,
}

impl Op {
    /// The positive form of a negative operator.
    fn negated(self) -> Op {
        match self {
            Op::Ne => Op::Eq,
            Op::NotIn => Op::In,
            other => other,
        }
    }

    fn parse(s: &str) -> Option<Op> {
        Some(match s {
            "=" => Op::Eq,
            "!=" => Op::Ne,
            "IN" => Op::In,
            "NIN" => Op::NotIn,
            "<" => Op::Lt,
            "<=" => Op::Le,
            ">" => Op::Gt,
            ">=" => Op::Ge,
            "~" => Op::Contains,
            "!~" => Op::NotContains,
            "^" => Op::StartsWith,
            "$" => Op::EndsWith,
            _ => return None,
        })
    }
}

/// A parsed, validated query.
#[derive(Debug, Clone)]
pub(crate) enum Query {
    Filter { field: String, op: Op, value: Value },
    Group { all: bool, queries: Vec<Query> },
}

impl Query {
    /// Parse and check a `query` object. The error is the message of a
    /// `400 parameter_invalid` answer.
    pub(crate) fn parse(q: &Value) -> Result<Query, String> {
        parse_at(q, "query", 0)
    }

    /// Whether `contact` matches.
    pub(crate) fn matches(&self, contact: &Map<String, Value>) -> bool {
        match self {
            Query::Group { all: true, queries } => queries.iter().all(|q| q.matches(contact)),
            Query::Group {
                all: false,
                queries,
            } => queries.iter().any(|q| q.matches(contact)),
            Query::Filter { field, op, value } => {
                let actual = lookup(contact, field);
                let dates = field.ends_with("_at");
                compare(*op, &actual, value, dates)
            }
        }
    }
}

fn parse_at(q: &Value, at: &str, depth: usize) -> Result<Query, String> {
    let Some(obj) = q.as_object() else {
        return Err(format!("{at} must be an object"));
    };
    let operator = obj.get("operator").and_then(Value::as_str);
    if let Some(field) = obj.get("field") {
        let field = field
            .as_str()
            .filter(|f| !f.trim().is_empty())
            .ok_or_else(|| format!("{at}.field must be a non-empty string"))?;
        let op = operator
            .and_then(Op::parse)
            .ok_or_else(|| format!("{at}.operator is not a valid operator"))?;
        let value = obj
            .get("value")
            .cloned()
            .ok_or_else(|| format!("{at}.value is required"))?;
        let takes_list = matches!(op, Op::In | Op::NotIn);
        if takes_list != value.is_array() {
            return Err(if takes_list {
                format!("{at}.value must be an array for the IN and NIN operators")
            } else {
                format!("{at}.value must not be an array for this operator")
            });
        }
        return Ok(Query::Filter {
            field: field.to_owned(),
            op,
            value,
        });
    }
    let all = match operator {
        Some("AND") => true,
        Some("OR") => false,
        _ => {
            return Err(format!(
                "{at} needs a field, or an operator of AND or OR with a list of queries"
            ));
        }
    };
    let depth = depth + 1;
    if depth > MAX_NESTING {
        return Err(format!(
            "{at}: nested queries are limited to {MAX_NESTING} levels"
        ));
    }
    let Some(items) = obj.get("value").and_then(Value::as_array) else {
        return Err(format!("{at}.value must be an array of queries"));
    };
    if items.is_empty() {
        return Err(format!("{at}.value must not be empty"));
    }
    if items.len() > MAX_FILTERS_PER_GROUP {
        return Err(format!(
            "{at}: a group can hold at most {MAX_FILTERS_PER_GROUP} filters, got {}",
            items.len()
        ));
    }
    let queries = items
        .iter()
        .enumerate()
        .map(|(i, q)| parse_at(q, &format!("{at}.value[{i}]"), depth))
        .collect::<Result<_, _>>()?;
    Ok(Query::Group { all, queries })
}

/// The value at a dotted path; `null` when absent. Everything after
/// `custom_attributes.` is one attribute name (names may contain dots).
pub(crate) fn lookup(contact: &Map<String, Value>, path: &str) -> Value {
    if path == "tag_id" {
        return tag_ids(contact);
    }
    if let Some(name) = path.strip_prefix("custom_attributes.") {
        return contact
            .get("custom_attributes")
            .and_then(|c| c.get(name))
            .cloned()
            .unwrap_or(Value::Null);
    }
    let mut parts = path.split('.');
    let first = parts.next().unwrap_or_default();
    let mut cur = contact.get(first);
    for part in parts {
        cur = cur.and_then(|v| v.get(part));
    }
    cur.cloned().unwrap_or(Value::Null)
}

/// The ids of the tags on a contact (`tags.data`) or a conversation
/// (`tags.tags`), for `tag_id` filters.
fn tag_ids(object: &Map<String, Value>) -> Value {
    let tags = object.get("tags");
    let list = tags
        .and_then(|t| t.get("data").or_else(|| t.get("tags")))
        .and_then(Value::as_array);
    Value::Array(
        list.into_iter()
            .flatten()
            .filter_map(|t| t.get("id").cloned())
            .collect(),
    )
}

fn compare(op: Op, actual: &Value, expected: &Value, dates: bool) -> bool {
    // A list field (tag ids) matches when one of its values does.
    if let Value::Array(values) = actual {
        return match op {
            Op::Ne | Op::NotIn => !values
                .iter()
                .any(|v| compare(op.negated(), v, expected, dates)),
            _ => values.iter().any(|v| compare(op, v, expected, dates)),
        };
    }
    match op {
        Op::Eq => equal(actual, expected, dates),
        Op::Ne => !equal(actual, expected, dates),
        Op::In => list(expected).iter().any(|e| equal(actual, e, dates)),
        Op::NotIn => !list(expected).iter().any(|e| equal(actual, e, dates)),
        Op::Lt => order(actual, expected) == Some(Ordering::Less),
        Op::Le => matches!(
            order(actual, expected),
            Some(Ordering::Less | Ordering::Equal)
        ),
        Op::Gt => order(actual, expected) == Some(Ordering::Greater),
        Op::Ge => matches!(
            order(actual, expected),
            Some(Ordering::Greater | Ordering::Equal)
        ),
        Op::Contains => text(actual, expected).is_some_and(|(a, e)| a.contains(&e)),
        Op::NotContains => text(actual, expected).is_none_or(|(a, e)| !a.contains(&e)),
        Op::StartsWith => text(actual, expected).is_some_and(|(a, e)| a.starts_with(&e)),
        Op::EndsWith => text(actual, expected).is_some_and(|(a, e)| a.ends_with(&e)),
    }
}

fn list(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or_default()
}

/// A number, or a string holding one.
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn equal(actual: &Value, expected: &Value, dates: bool) -> bool {
    match (actual, expected) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        (Value::String(a), Value::String(e)) => a.to_lowercase() == e.to_lowercase(),
        (Value::Bool(a), Value::Bool(e)) => a == e,
        (Value::Bool(a), Value::String(e)) | (Value::String(e), Value::Bool(a)) => {
            e.eq_ignore_ascii_case(if *a { "true" } else { "false" })
        }
        _ => match (number(actual), number(expected)) {
            (Some(a), Some(e)) if dates => (a / 86_400.0).floor() == (e / 86_400.0).floor(),
            (Some(a), Some(e)) => a == e,
            _ => false,
        },
    }
}

/// How two values order: numerically when both are numbers, else as
/// case-insensitive strings; `None` when they do not compare.
pub(crate) fn order(a: &Value, b: &Value) -> Option<Ordering> {
    if a.is_null() || b.is_null() {
        return None;
    }
    if let (Some(x), Some(y)) = (number(a), number(b)) {
        return x.partial_cmp(&y);
    }
    match (a, b) {
        (Value::String(x), Value::String(y)) => Some(x.to_lowercase().cmp(&y.to_lowercase())),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

/// Both sides as lowercase text, for the string operators.
fn text(actual: &Value, expected: &Value) -> Option<(String, String)> {
    let show = |v: &Value| match v {
        Value::String(s) => Some(s.to_lowercase()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    Some((show(actual)?, show(expected)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn contact() -> Map<String, Value> {
        match json!({
            "email": "Ada@Example.com",
            "role": "user",
            "created_at": 1_700_000_000,
            "phone": null,
            "location": {"city": "Dublin"},
            "custom_attributes": {"plan": "pro", "seats": 5, "vip": true, "a.b": 1}
        }) {
            Value::Object(m) => m,
            _ => unreachable!(),
        }
    }

    fn run(q: Value) -> bool {
        Query::parse(&q).expect("valid").matches(&contact())
    }

    #[test]
    fn operators() {
        let f = |field: &str, op: &str, value: Value| {
            run(json!({"field": field, "operator": op, "value": value}))
        };
        assert!(f("email", "=", json!("ada@example.com")));
        assert!(f("email", "~", json!("example")));
        assert!(!f("email", "!~", json!("EXAMPLE")));
        assert!(f("email", "^", json!("ada@")));
        assert!(f("email", "$", json!(".com")));
        assert!(f("role", "IN", json!(["lead", "user"])));
        assert!(f("role", "NIN", json!(["lead"])));
        assert!(f("custom_attributes.seats", ">", json!(4)));
        assert!(f("custom_attributes.seats", "<=", json!("5")));
        assert!(!f("custom_attributes.seats", "<", json!(5)));
        assert!(f("custom_attributes.vip", "=", json!(true)));
        assert!(f("custom_attributes.a.b", "=", json!(1)));
        assert!(f("location.city", "=", json!("dublin")));
        assert!(f("phone", "=", json!(null)));
        assert!(f("custom_attributes.missing", "=", json!(null)));
        assert!(f("email", "!=", json!(null)));
        // Same calendar day.
        assert!(f("created_at", "=", json!(1_700_000_000 + 3_600)));
        assert!(!f("created_at", "=", json!(1_700_000_000 + 86_400)));
    }

    #[test]
    fn groups() {
        let q = json!({"operator": "AND", "value": [
            {"field": "role", "operator": "=", "value": "user"},
            {"operator": "OR", "value": [
                {"field": "email", "operator": "=", "value": "nobody@example.com"},
                {"field": "custom_attributes.plan", "operator": "=", "value": "pro"}
            ]}
        ]});
        assert!(run(q));
    }

    #[test]
    fn refuses_what_intercom_refuses() {
        let leaf = json!({"field": "role", "operator": "=", "value": "user"});
        let three = json!({"operator": "AND", "value": [
            {"operator": "OR", "value": [{"operator": "AND", "value": [leaf.clone()]}]}
        ]});
        let err = Query::parse(&three).expect_err("too deep");
        assert!(err.contains("2 levels"), "{err}");
        let wide = json!({"operator": "OR", "value": vec![leaf.clone(); 16]});
        assert!(Query::parse(&wide).expect_err("too wide").contains("15"));
        assert!(Query::parse(&json!({"operator": "OR", "value": vec![leaf; 15]})).is_ok());
        let bad = [
            json!({"field": "role", "operator": "IN", "value": "user"}),
            json!({"field": "role", "operator": "=", "value": ["user"]}),
            json!({"field": "role", "operator": "==", "value": "user"}),
            json!({"field": "", "operator": "=", "value": "user"}),
            json!({"operator": "XOR", "value": []}),
            json!({"operator": "AND", "value": []}),
            json!("role = user"),
        ];
        for q in bad {
            assert!(Query::parse(&q).is_err(), "{q}");
        }
    }
}
