//! Messenger identity verification and `intercomSettings`.

use intercom_api::Region;
use intercom_api::messenger::{self, MessengerSettings};
use secrecy::{SecretSlice, SecretString};
use serde_json::json;

const SECRET: &str = "s3cr3t-identity-key";

fn secret() -> SecretString {
    SecretString::from(SECRET)
}

// Known-answer vectors, computed independently with Python's `hmac` module.

#[test]
fn kat_user_id() {
    // python3 -c "import hmac,hashlib;print(hmac.new(b's3cr3t-identity-key',b'user-42',hashlib.sha256).hexdigest())"
    assert_eq!(
        messenger::user_hash(&secret(), "user-42").expect("hash"),
        "ae63536bce0e26ffc7910bf63a4d5b5b0c0c0d88cd0b8c7026421c566ff72f76"
    );
}

#[test]
fn kat_email() {
    // python3 -c "import hmac,hashlib;print(hmac.new(b's3cr3t-identity-key',b'ada@example.com',hashlib.sha256).hexdigest())"
    assert_eq!(
        messenger::user_hash(&secret(), "ada@example.com").expect("hash"),
        "668eb927dfd219a0371444bc5678056c7b6e3f4ea8b9df34decdba52d6c2e51f"
    );
}

#[test]
fn kat_non_ascii_identifier_is_hashed_as_utf8() {
    // python3 -c "import hmac,hashlib;print(hmac.new(b's3cr3t-identity-key','üser-ß-日本'.encode('utf-8'),hashlib.sha256).hexdigest())"
    assert_eq!(
        messenger::user_hash(&secret(), "üser-ß-日本").expect("hash"),
        "039ddafa2dc246b03e9f64962348a22725fa3a3aaeea841fc15cc8e4fbb1a321"
    );
}

#[test]
fn kat_rfc4231_case_2() {
    // python3 -c "import hmac,hashlib;print(hmac.new(b'Jefe',b'what do ya want for nothing?',hashlib.sha256).hexdigest())"
    // (also RFC 4231, test case 2)
    let key = SecretSlice::from(b"Jefe".to_vec());
    assert_eq!(
        messenger::user_hash(&key, "what do ya want for nothing?").expect("hash"),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    );
}

#[test]
fn hashes_are_lowercase_hex_and_case_sensitive_on_input() {
    let a = messenger::user_hash(&secret(), "Ada@Example.com").expect("hash");
    let b = messenger::user_hash(&secret(), "ada@example.com").expect("hash");
    assert_ne!(a, b, "hash exactly what you send");
    assert_eq!(a.len(), 64);
    assert!(
        a.bytes()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
    );
}

#[test]
fn empty_secret_or_identifier_is_refused_without_leaking() {
    let err = messenger::user_hash(&SecretString::from(""), "user-42").expect_err("empty secret");
    assert!(
        matches!(err, intercom_api::Error::InvalidInput { ref field, .. } if field == "secret")
    );
    let err = messenger::user_hash(&secret(), "").expect_err("empty id");
    assert!(
        matches!(err, intercom_api::Error::InvalidInput { ref field, .. } if field == "user_id_or_email")
    );
    let text = format!("{err} {err:?}");
    assert!(!text.contains(SECRET), "{text}");
}

#[test]
fn a_whitespace_only_secret_is_refused_like_an_empty_one() {
    for blank in [" ", "\t\n", "\u{a0} "] {
        let err =
            messenger::user_hash(&SecretString::from(blank), "user-42").expect_err("blank secret");
        assert!(
            matches!(err, intercom_api::Error::InvalidInput { ref field, .. } if field == "secret"),
            "{blank:?}: {err:?}"
        );
        let bytes = secrecy::SecretSlice::from(blank.as_bytes().to_vec());
        assert!(messenger::user_hash(&bytes, "user-42").is_err());
    }
}

#[test]
fn regional_api_bases() {
    assert_eq!(
        messenger::api_base(Region::Us),
        "https://api-iam.intercom.io"
    );
    assert_eq!(
        messenger::api_base(Region::Eu),
        "https://api-iam.eu.intercom.io"
    );
    assert_eq!(
        messenger::api_base(Region::Au),
        "https://api-iam.au.intercom.io"
    );
}

#[test]
fn settings_serialize_to_intercom_settings() {
    let settings = MessengerSettings::new("a86dr8yl")
        .region(Region::Eu)
        .user_id("user-42")
        .email("ada@example.com")
        .name("Ada Lovelace")
        .created_at(1_718_000_000)
        .custom_launcher_selector("#open-intercom")
        .hide_default_launcher(true)
        .attribute("plan", "pro")
        .expect("plan")
        .attribute("seats", 12)
        .expect("seats")
        .identity_verified(&secret())
        .expect("verified");
    assert_eq!(
        settings.to_json(),
        json!({
            "app_id": "a86dr8yl",
            "api_base": "https://api-iam.eu.intercom.io",
            "user_id": "user-42",
            "email": "ada@example.com",
            "name": "Ada Lovelace",
            "created_at": 1_718_000_000,
            "user_hash": "ae63536bce0e26ffc7910bf63a4d5b5b0c0c0d88cd0b8c7026421c566ff72f76",
            "custom_launcher_selector": "#open-intercom",
            "hide_default_launcher": true,
            "plan": "pro",
            "seats": 12
        })
    );
    assert_eq!(
        serde_json::to_value(&settings).expect("serialize"),
        settings.to_json()
    );
    // Key order: app_id first, as in Intercom's snippet.
    assert!(
        settings
            .to_script_json()
            .starts_with(r#"{"app_id":"a86dr8yl","api_base":"#)
    );
    assert!(!format!("{settings:?} {}", settings.to_script()).contains(SECRET));
}

#[test]
fn unset_fields_are_left_out() {
    let settings = MessengerSettings::new("a86dr8yl");
    assert_eq!(settings.to_json(), json!({"app_id": "a86dr8yl"}));
    assert_eq!(
        settings.to_script(),
        r#"window.intercomSettings = {"app_id":"a86dr8yl"};"#
    );
}

#[test]
fn identity_verification_hashes_user_id_first_then_email() {
    let both = MessengerSettings::new("x")
        .email("ada@example.com")
        .user_id("user-42")
        .identity_verified(&secret())
        .expect("both");
    assert_eq!(
        both.to_json()["user_hash"],
        "ae63536bce0e26ffc7910bf63a4d5b5b0c0c0d88cd0b8c7026421c566ff72f76"
    );
    let email_only = MessengerSettings::new("x")
        .email("ada@example.com")
        .identity_verified(&secret())
        .expect("email");
    assert_eq!(
        email_only.to_json()["user_hash"],
        "668eb927dfd219a0371444bc5678056c7b6e3f4ea8b9df34decdba52d6c2e51f"
    );
    let anonymous = MessengerSettings::new("x").identity_verified(&secret());
    assert!(matches!(
        anonymous,
        Err(intercom_api::Error::InvalidInput { .. })
    ));
    let no_secret = MessengerSettings::new("x")
        .user_id("u")
        .identity_verified(&SecretString::from(""));
    assert!(no_secret.is_err());
}

#[test]
fn attributes_are_checked() {
    let base = MessengerSettings::new("x");
    for reserved in ["email", "user_hash", "app_id", "api_base"] {
        assert!(base.clone().attribute(reserved, "v").is_err(), "{reserved}");
    }
    assert!(base.clone().attribute("", 1).is_err());
    assert!(base.clone().attribute("n".repeat(191), 1).is_err());
    assert!(base.clone().attribute("n".repeat(190), 1).is_ok());
    assert!(base.clone().attribute("long", "v".repeat(256)).is_err());
    assert!(base.clone().attribute("long", "é".repeat(255)).is_ok());
    let nested = base
        .attribute("company", json!({"id": "c-1", "name": "Acme"}))
        .expect("objects are allowed");
    assert_eq!(nested.to_json()["company"]["name"], "Acme");
}

#[test]
fn script_json_cannot_break_out_of_a_script_element() {
    let settings = MessengerSettings::new("x")
        .name("</script><script>alert(1)</script>")
        .attribute("note", "a & b \u{2028} c \u{2029}")
        .expect("attr");
    let script = settings.to_script_json();
    for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
        assert!(!script.contains(bad), "{bad:?} in {script}");
    }
    // Still the same JSON.
    let back: serde_json::Value = serde_json::from_str(&script).expect("valid json");
    assert_eq!(back, settings.to_json());
    assert_eq!(back["name"], "</script><script>alert(1)</script>");
}
