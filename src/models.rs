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

/// A point in time as the spec's `datetime` allows it: Unix seconds or an
/// ISO 8601 string, kept as sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum DateTime {
    /// Seconds since the Unix epoch.
    Unix(i64),
    /// An ISO 8601 date and time, e.g. `2024-12-18T15:57:17Z`.
    Iso8601(String),
}

impl DateTime {
    /// Seconds since the Unix epoch: the number as sent, or the string read
    /// as RFC 3339 (`2024-12-18T15:57:17Z`; fractions and `+hh:mm` offsets
    /// allowed). `None` for a string in another form.
    pub fn unix_seconds(&self) -> Option<i64> {
        match self {
            DateTime::Unix(s) => Some(*s),
            DateTime::Iso8601(s) => rfc3339_seconds(s),
        }
    }
}

/// The days of `month` (1 to 12) of `year`, proleptic Gregorian.
fn days_in_month(year: i64, month: i64) -> Option<i64> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

/// `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` as Unix seconds.
fn rfc3339_seconds(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let digits = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        part.iter().try_fold(0i64, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
        })
    };
    let sep = |at: usize, ok: &[u8]| b.get(at).is_some_and(|c| ok.contains(c));
    if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
        return None;
    }
    let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    let days_in_month = days_in_month(year, month)?;
    if day < 1 || day > days_in_month || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = s.get(19..)?;
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        rest = &fraction[n..];
    }
    let offset = match rest.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let two = |a: u8, b: u8| {
                (a.is_ascii_digit() && b.is_ascii_digit())
                    .then(|| i64::from(a - b'0') * 10 + i64::from(b - b'0'))
            };
            let (h, m) = (two(*h1, *h2)?, two(*m1, *m2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = h * 60 + m;
            if *sign == b'+' {
                minutes * 60
            } else {
                -minutes * 60
            }
        }
        _ => return None,
    };
    // Days from 1970-01-01 to the date (proleptic Gregorian calendar).
    let (y, m) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * m + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    Some(days * 86_400 + hour * 3_600 + minute * 60 + second - offset)
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
    fn datetimes_are_unix_seconds_or_rfc3339() {
        let t: DateTime = serde_json::from_str("1734537437").expect("de");
        assert_eq!(t.unix_seconds(), Some(1_734_537_437));
        // `date -u -d 2024-12-18T15:57:17Z +%s` = 1734537437.
        for (text, secs) in [
            ("2024-12-18T15:57:17Z", Some(1_734_537_437)),
            ("2024-12-18t15:57:17.250z", Some(1_734_537_437)),
            ("2024-12-18T16:57:17+01:00", Some(1_734_537_437)),
            ("2024-12-18T10:27:17-05:30", Some(1_734_537_437)),
            ("1970-01-01T00:00:00Z", Some(0)),
            ("1969-12-31T23:59:59Z", Some(-1)),
            ("2024-02-29T00:00:00Z", Some(1_709_164_800)),
            ("2023-02-29T00:00:00Z", None),
            ("2024-12-18", None),
            ("2024-12-18T15:57:17", None),
            ("2024-13-01T00:00:00Z", None),
            ("2024-12-18T15:57:17.Z", None),
            ("2024-12-18T15:57:17+1:00", None),
            ("yesterday", None),
        ] {
            let t: DateTime = serde_json::from_value(serde_json::json!(text)).expect("de");
            assert_eq!(t.unix_seconds(), secs, "{text}");
        }
    }

    #[test]
    fn every_day_from_1900_to_2100_reads_as_a_day_count() {
        // Walk the calendar one day at a time from 1900-01-01 (-25567 days
        // from the epoch) and check the closed-form day count against it.
        let mut days = -25_567i64;
        for year in 1900..=2100i64 {
            for month in 1..=12 {
                let len = days_in_month(year, month).expect("a month");
                for d in 1..=len {
                    let text = format!("{year:04}-{month:02}-{d:02}T00:00:00Z");
                    assert_eq!(rfc3339_seconds(&text), Some(days * 86_400), "{text}");
                    days += 1;
                }
            }
        }
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
