//! Models shared by several resource families.

use serde::{Deserialize, Deserializer, Serialize};

/// A JSON object of custom attributes, as Intercom sends and accepts them.
pub type CustomAttributes = serde_json::Map<String, serde_json::Value>;

/// Defines a string enum that keeps values it does not know in `Unknown`.
///
/// `Variant = "wire" | "alias",` also reads the older spelling `alias`;
/// `as_str` gives the first.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vdoc:meta])* $variant:ident = $wire:literal $(| $alias:literal)*,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
            /// A value this version of the crate does not know, kept verbatim.
            Unknown(String),
        }

        impl $name {
            /// Every value this crate knows, in declaration order.
            #[allow(dead_code)]
            pub const KNOWN: &'static [$name] = &[$($name::$variant,)*];

            /// The value as Intercom spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)*
                    $name::Unknown(s) => s,
                }
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                match s {
                    $($wire $(| $alias)* => $name::$variant,)*
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok($name::from(s.as_ref()))
            }
        }
    };
}
pub(crate) use string_enum;

/// A non-paginated list: `{"type": "list", "data": [...]}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
#[non_exhaustive]
pub struct List<T> {
    /// The items.
    #[serde(default, deserialize_with = "null_as_default")]
    pub data: Vec<T>,
    /// The number of items, when Intercom reports it.
    #[serde(default)]
    pub total_count: Option<i64>,
}

impl<T> IntoIterator for List<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.data.into_iter()
    }
}

impl<T> std::ops::Deref for List<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.data
    }
}

/// A reference to another object: `{"type": "...", "id": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Reference {
    /// The object type, e.g. `admin`, `contact`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// The object id (some references carry an integer id; it is kept as text).
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
}

/// A reference with a URL, as in a contact's `tags`, `notes` and `companies`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AddressableRef {
    /// The object type, e.g. `tag`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// The object id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// The API path or URL of the object.
    #[serde(default)]
    pub url: Option<String>,
}

/// A short list embedded in another object, with a link to the full list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AddressableList {
    /// The first few references.
    #[serde(default, deserialize_with = "null_as_default")]
    pub data: Vec<AddressableRef>,
    /// Where to fetch the whole list (a relative path, despite the spec's `uri`).
    #[serde(default)]
    pub url: Option<String>,
    /// The total number of objects.
    #[serde(default)]
    pub total_count: Option<i64>,
    /// Whether there are more than `data` holds.
    #[serde(default)]
    pub has_more: Option<bool>,
}

/// An avatar: Intercom sends an object with `image_url`, some versions a bare URL.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Avatar {
    /// The image URL, if the avatar has one.
    pub image_url: Option<String>,
}

impl<'de> Deserialize<'de> for Avatar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Wire {
            Url(String),
            Object {
                #[serde(default)]
                image_url: Option<String>,
            },
        }
        Ok(match Wire::deserialize(d)? {
            Wire::Url(u) => Avatar { image_url: Some(u) },
            Wire::Object { image_url } => Avatar { image_url },
        })
    }
}

/// `null` decodes as the type's default (an empty list, usually).
pub(crate) fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

#[derive(Deserialize)]
#[serde(untagged)]
enum StringOrNumber {
    S(String),
    I(i64),
    U(u64),
    F(f64),
}

impl StringOrNumber {
    fn into_string(self) -> String {
        match self {
            StringOrNumber::S(s) => s,
            StringOrNumber::I(i) => i.to_string(),
            StringOrNumber::U(u) => u.to_string(),
            StringOrNumber::F(f) => f.to_string(),
        }
    }
}

/// An id the spec types as a string that some answers send as a number.
pub(crate) fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    StringOrNumber::deserialize(d).map(StringOrNumber::into_string)
}

/// The optional form of [`string_or_number`].
pub(crate) fn opt_string_or_number<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<String>, D::Error> {
    Ok(Option::<StringOrNumber>::deserialize(d)?.map(StringOrNumber::into_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    string_enum! {
        /// test enum
        pub enum Color {
            /// red
            Red = "red",
        }
    }

    #[test]
    fn unknown_values_survive_a_round_trip() {
        let c: Color = serde_json::from_str(r#""ultraviolet""#).expect("de");
        assert_eq!(c, Color::Unknown("ultraviolet".into()));
        assert_eq!(serde_json::to_string(&c).expect("ser"), r#""ultraviolet""#);
        let r: Color = serde_json::from_str(r#""red""#).expect("de");
        assert_eq!(r, Color::Red);
    }

    #[test]
    fn ids_may_be_numbers() {
        let r: Reference = serde_json::from_str(r#"{"type":"admin","id":991267}"#).expect("de");
        assert_eq!(r.id.as_deref(), Some("991267"));
        let a: Avatar = serde_json::from_str(r#""https://x/y.png""#).expect("de");
        assert_eq!(a.image_url.as_deref(), Some("https://x/y.png"));
        let l: List<u8> = serde_json::from_str(r#"{"type":"list","data":null}"#).expect("de");
        assert!(l.is_empty());
    }
}
