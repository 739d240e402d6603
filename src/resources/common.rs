//! Validators and helpers that several families share.

use serde::{Serialize, Serializer};

use crate::error::Error;
use crate::models::CustomAttributes;

/// Longest custom attribute name Intercom accepts.
pub const MAX_CUSTOM_ATTRIBUTE_NAME: usize = 190;
/// Longest custom attribute string value Intercom accepts.
pub const MAX_CUSTOM_ATTRIBUTE_STRING: usize = 255;

/// `s`, cut to `max` characters with an ellipsis, for naming a field in an
/// error without copying a huge value into it.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

/// A numeric id Intercom wants as a JSON integer or in an integer path
/// parameter (`author_id`, an internal article id, ...).
///
/// # Errors
/// [`Error::InvalidInput`] naming `field` when `value` is empty or not a
/// non-negative integer that fits in 64 bits.
pub(crate) fn require_numeric(field: impl Into<String>, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if !value.bytes().all(|b| b.is_ascii_digit()) || value.parse::<u64>().is_err() {
        return Err(Error::invalid(
            field,
            format!(
                "`{}` is not a numeric Intercom id, e.g. \"6871119\"",
                truncate(value, 40)
            ),
        ));
    }
    Ok(())
}

/// Refuse a phone number that is not E.164: `+`, then 8 to 15 digits, the
/// first not 0 (`+353871234567`).
///
/// # Errors
/// [`Error::InvalidInput`] naming `field`.
pub(crate) fn require_e164(field: &'static str, phone: &str) -> Result<(), Error> {
    let digits = phone.strip_prefix('+').unwrap_or("");
    let ok = (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!(
                "`{}` is not an E.164 number such as +353871234567",
                truncate(phone, 40)
            ),
        ))
    }
}

/// Refuse an empty or blank value that Intercom requires.
///
/// # Errors
/// [`Error::InvalidInput`] naming `field`.
pub(crate) fn require_non_empty(field: &'static str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    Ok(())
}

/// Check custom attribute names (at most 190 characters) and string values
/// (at most 255 characters).
///
/// # Errors
/// [`Error::InvalidInput`] with field `custom_attributes.<name>`.
pub fn validate_custom_attributes(attrs: &CustomAttributes) -> Result<(), Error> {
    for (name, value) in attrs {
        let field = || format!("custom_attributes.{}", truncate(name, 40));
        if name.trim().is_empty() {
            return Err(Error::invalid(
                "custom_attributes",
                "an attribute name is empty",
            ));
        }
        let name_len = name.chars().count();
        if name_len > MAX_CUSTOM_ATTRIBUTE_NAME {
            return Err(Error::invalid(
                field(),
                format!(
                    "name is {name_len} characters; Intercom allows at most {MAX_CUSTOM_ATTRIBUTE_NAME}"
                ),
            ));
        }
        if let serde_json::Value::String(s) = value {
            let len = s.chars().count();
            if len > MAX_CUSTOM_ATTRIBUTE_STRING {
                return Err(Error::invalid(
                    field(),
                    format!(
                        "value is {len} characters; Intercom allows at most {MAX_CUSTOM_ATTRIBUTE_STRING}"
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The same methods on several types: a create body and an update body
/// that share their setters.
///
/// ```ignore
/// shared_methods!([CreateContact, UpdateContact] {
///     /// Email address.
///     pub fn email(mut self, email: impl Into<String>) -> Self { .. }
/// });
/// ```
macro_rules! shared_methods {
    ([$($ty:ty),+ $(,)?] $body:tt) => {
        $(impl $ty $body)+
    };
}
pub(crate) use shared_methods;

/// Serialize a numeric id string (checked with [`require_numeric`]) as a
/// JSON integer.
pub(crate) fn as_integer<S: Serializer>(value: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => v
            .parse::<u64>()
            .map_err(serde::ser::Error::custom)?
            .serialize(s),
        None => s.serialize_none(),
    }
}

/// [`as_integer`] for a list of ids.
pub(crate) fn as_integers<S: Serializer>(
    value: &Option<Vec<String>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(ids) => ids
            .iter()
            .map(|v| v.parse::<u64>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(serde::ser::Error::custom)?
            .serialize(s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e164_numbers_are_checked() {
        for ok in ["+15551234567", "+442071838750", "+12345678"] {
            assert!(require_e164("p", ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "15551234567",
            "+",
            "+1234567",
            "+0123456789",
            "+1555 1234567",
            "+1234567890123456",
        ] {
            assert!(require_e164("p", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn numeric_ids() {
        assert!(require_numeric("id", "6871119").is_ok());
        for bad in ["", " ", "12a", "-1", "99999999999999999999999"] {
            assert!(require_numeric("id", bad).is_err(), "{bad:?}");
        }
        assert_eq!(truncate("abcdef", 3), "abc…");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
