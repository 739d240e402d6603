//! The cargo-fuzz targets of `fuzz/`, run as plain functions under proptest,
//! so `cargo test` exercises them even where cargo-fuzz (and nightly) is not
//! installed. The inputs mix random bytes with near-valid documents, which
//! reach deeper than bytes alone in a few hundred cases.

#[path = "../fuzz/targets.rs"]
mod targets;

use proptest::prelude::*;

/// Near-valid inputs: a real document with a mutated span.
fn mutated(seed: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    (
        0..seed.len(),
        0..seed.len(),
        proptest::collection::vec(any::<u8>(), 0..16),
    )
        .prop_map(move |(a, b, insert)| {
            let (a, b) = (a.min(b), a.max(b));
            let mut out = seed[..a].to_vec();
            out.extend_from_slice(&insert);
            out.extend_from_slice(&seed[b..]);
            out
        })
}

const NOTIFICATION: &[u8] = br#"{"type":"notification_event","id":"notif_1","topic":"contact.user.created","created_at":1750000000,"data":{"item":{"type":"contact","id":"c1","email":"a@example.com","custom_attributes":{"plan":"pro"}}}}"#;
const ERROR_LIST: &[u8] = br#"{"type":"error.list","request_id":"r1","errors":[{"code":"not_found","message":"Contact Not Found","field":"id"}]}"#;

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..512)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn webhook_parse_and_verify(data in prop_oneof![bytes(), mutated(NOTIFICATION).prop_map(|b| {
        let mut d = vec![0u8];
        d.extend(b);
        d
    })]) {
        targets::webhook(&data);
    }

    #[test]
    fn oauth_callback(data in prop_oneof![bytes(), "[\\x04]s1=[a-z]{0,3}/cb\\?(code=[a-z0-9%]{0,8}&?|state=s1[a-z]?&?|error=[a-z_]{0,14}&?){0,4}".prop_map(String::into_bytes)]) {
        targets::oauth_callback(&data);
    }

    #[test]
    fn api_answer(data in prop_oneof![bytes(), mutated(NOTIFICATION), mutated(ERROR_LIST)]) {
        targets::api_answer(&data);
    }

    #[test]
    fn rate_limit_headers(data in prop_oneof![bytes(), "[\\x00-\\x14][0-9]{0,20}".prop_map(String::into_bytes)]) {
        targets::rate_limit_headers(&data);
    }
}

#[test]
fn the_overflowing_reset_of_issue_13_is_in_the_rate_limit_target() {
    // limit "10", remaining "0", reset 2^64 - 1: used to panic.
    let mut data = vec![2u8];
    data.extend_from_slice(b"10");
    data.push(1);
    data.extend_from_slice(b"0");
    data.extend_from_slice(b"18446744073709551615");
    targets::rate_limit_headers(&data);
}
