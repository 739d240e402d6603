//! Unit tests of paging: schemes, cursors, cycles, nested item lists.
//! Test-only: `mod tests;` in `mod.rs` sits under `#[cfg(test)]`.

use super::*;
use crate::transport::RawResponse;
use reqwest::StatusCode;

fn decode_page(paging: Paging, body: &str) -> Page<serde_json::Value> {
    let resp = RawResponse {
        status: StatusCode::OK,
        body: body.as_bytes().to_vec(),
    };
    let raw = decode_seed(&resp, PageSeed::new(paging.items_key)).expect("decodes");
    paging.page_from(raw)
}

#[test]
fn next_as_object_or_url() {
    let p = Paging::new(Scheme::QueryCursor, "data");
    let obj = decode_page(
        p,
        r#"{"data":[1],"pages":{"next":{"per_page":1,"starting_after":"abc"}}}"#,
    );
    assert_eq!(obj.next, Some(Cursor::StartingAfter("abc".into())));
    let url = decode_page(
        p,
        r#"{"data":[1],"pages":{"next":"https://api.intercom.io/contacts?per_page=1&starting_after=xyz"}}"#,
    );
    assert_eq!(url.next, Some(Cursor::StartingAfter("xyz".into())));
    let none = decode_page(p, r#"{"data":[1],"pages":{"next":null}}"#);
    assert_eq!(none.next, None);
    let empty = decode_page(
        p,
        r#"{"data":[1],"pages":{"next":{"starting_after":null}}}"#,
    );
    assert_eq!(empty.next, None);
}

#[test]
fn page_numbers_stop_at_total_pages() {
    let p = Paging::new(Scheme::PageNumber, "data");
    let mid = decode_page(p, r#"{"data":[1],"pages":{"page":2,"total_pages":3}}"#);
    assert_eq!(mid.next, Some(Cursor::Page(3)));
    let last = decode_page(p, r#"{"data":[1],"pages":{"page":3,"total_pages":3}}"#);
    assert_eq!(last.next, None);
    let link = decode_page(
        p,
        r#"{"data":[1],"pages":{"next":"https://api.intercom.io/x?page=2"}}"#,
    );
    assert_eq!(
        link.next,
        Some(Cursor::NextUrl("https://api.intercom.io/x?page=2".into()))
    );
}

#[test]
fn page_numbers_may_sit_at_the_top_level() {
    let p = Paging::new(Scheme::PageNumber, "data");
    let mid = decode_page(
        p,
        r#"{"type":"list","data":[1],"total_count":5,"page":1,"per_page":2,"total_pages":3}"#,
    );
    assert_eq!(mid.next, Some(Cursor::Page(2)));
    assert_eq!(
        (mid.page, mid.per_page, mid.total_pages),
        (Some(1), Some(2), Some(3))
    );
    let last = decode_page(p, r#"{"data":[1],"page":3,"total_pages":3}"#);
    assert_eq!(last.next, None);
    // `pages` wins when both are there; a top-level `page` that is not a
    // number is ignored like any unknown key.
    let both = decode_page(
        p,
        r#"{"data":[1],"page":9,"total_pages":9,"pages":{"page":1,"total_pages":2}}"#,
    );
    assert_eq!(both.next, Some(Cursor::Page(2)));
    let odd = decode_page(p, r#"{"data":[1],"page":{"number":1},"total_pages":"x"}"#);
    assert_eq!((odd.page, odd.next), (None, None));
}

#[test]
fn scroll_ends_on_empty_data_and_opaque_on_has_more_false() {
    let s = Paging::new(Scheme::Scroll, "data");
    assert_eq!(
        decode_page(s, r#"{"data":[1],"scroll_param":"s1"}"#).next,
        Some(Cursor::Scroll("s1".into()))
    );
    assert_eq!(
        decode_page(s, r#"{"data":[],"scroll_param":"s2"}"#).next,
        None
    );
    let o = Paging::new(Scheme::OpaqueCursor, "data");
    assert_eq!(
        decode_page(o, r#"{"data":[1],"next_cursor":"c","has_more":true}"#).next,
        Some(Cursor::Opaque("c".into()))
    );
    assert_eq!(
        decode_page(o, r#"{"data":[1],"next_cursor":"c","has_more":false}"#).next,
        None
    );
}

#[test]
fn other_items_keys_and_null_items() {
    let p = Paging::new(Scheme::PageNumber, "companies");
    let page = decode_page(
        p,
        r#"{"type":"list","companies":[{"id":"1"}],"total_count":7,"data":"ignored"}"#,
    );
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.total_count, Some(7));
    let page = decode_page(p, r#"{"companies":null}"#);
    assert!(page.items.is_empty());
}

#[test]
fn a_dotted_items_key_names_a_nested_list() {
    let p = Paging::new(Scheme::PageNumber, "data.articles");
    let page = decode_page(
        p,
        r#"{"type":"list","total_count":3,"data":{"highlights":[{"x":1}],"articles":[{"id":"1"},{"id":"2"}]},"pages":{"page":1,"total_pages":2}}"#,
    );
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.items[1]["id"], "2");
    assert_eq!(page.total_count, Some(3));
    assert_eq!(page.next, Some(Cursor::Page(2)));
    for empty in [
        r#"{"data":null}"#,
        r#"{"data":{"articles":null}}"#,
        r#"{"data":{}}"#,
    ] {
        assert!(decode_page(p, empty).items.is_empty(), "{empty}");
    }
}

#[test]
fn body_cursor_goes_into_the_search_body() {
    let p = Paging::new(Scheme::BodyCursor, "data");
    let mut req = Request::<()>::new(reqwest::Method::POST, "/contacts/search")
        .json(&serde_json::json!({"query": {}, "pagination": {"per_page": 5}}))
        .expect("json")
        .raw;
    p.apply(&mut req, &Cursor::StartingAfter("c2".into()))
        .expect("applies");
    assert_eq!(
        req.body_json(),
        Some(
            serde_json::json!({"query": {}, "pagination": {"per_page": 5, "starting_after": "c2"}})
        )
    );
    let err = p
        .apply(&mut req, &Cursor::Page(2))
        .expect_err("wrong cursor kind");
    assert!(matches!(err, Error::InvalidInput { .. }));
}

#[test]
fn body_page_goes_into_the_search_body() {
    let p = Paging::new(Scheme::BodyPage, "activity_logs").max_per_page(250);
    let mut req = Request::<()>::new(reqwest::Method::POST, "/admins/activity_logs/search")
        .json(&serde_json::json!({"created_at_after": 1_700_000_000}))
        .expect("json")
        .raw;
    p.set_per_page(&mut req, 250).expect("per_page");
    p.apply(&mut req, &Cursor::Page(3)).expect("applies");
    assert_eq!(
        req.body_json(),
        Some(serde_json::json!({"created_at_after": 1_700_000_000, "per_page": 250, "page": 3}))
    );
    assert!(req.query.is_empty());
    assert!(matches!(
        p.set_per_page(&mut req, 251),
        Err(Error::InvalidInput { .. })
    ));
    let err = p
        .apply(&mut req, &Cursor::StartingAfter("c".into()))
        .expect_err("wrong cursor kind");
    assert!(matches!(err, Error::InvalidInput { .. }));

    let mid = decode_page(
        p,
        r#"{"activity_logs":[1],"pages":{"type":"pages","next":null,"page":2,"per_page":1,"total_pages":3}}"#,
    );
    assert_eq!(mid.next, Some(Cursor::Page(3)));
    let last = decode_page(
        p,
        r#"{"activity_logs":[1],"pages":{"page":3,"total_pages":3}}"#,
    );
    assert_eq!(last.next, None);
    let empty = decode_page(
        p,
        r#"{"activity_logs":[],"pages":{"page":1,"total_pages":3}}"#,
    );
    assert_eq!(empty.next, None);

    // Without page numbers, the next URL is followed with the same body.
    let link = decode_page(
        p,
        r#"{"activity_logs":[1],"pages":{"next":"https://api.intercom.io/admins/activity_logs/search?page=2&per_page=20"}}"#,
    );
    let url = "https://api.intercom.io/admins/activity_logs/search?page=2&per_page=20";
    assert_eq!(link.next, Some(Cursor::NextUrl(url.into())));
    p.apply(&mut req, &Cursor::NextUrl(url.into()))
        .expect("applies");
    assert_eq!(req.path, url);
    assert_eq!(
        req.body_json().map(|b| b["created_at_after"].clone()),
        Some(serde_json::json!(1_700_000_000))
    );
}

#[test]
fn pager_stops_on_repeated_cursor() {
    let p = Paging::new(Scheme::QueryCursor, "data");
    let mut pager = Pager::new(
        Request::<()>::new(reqwest::Method::GET, "/contacts").raw,
        p,
        None,
    );
    assert!(pager.next_request().is_some());
    let page1 = Page::<()> {
        items: vec![()],
        total_count: None,
        page: None,
        per_page: None,
        total_pages: None,
        next: Some(Cursor::StartingAfter("a".into())),
    };
    pager.advance(&page1);
    let req = pager.next_request().expect("second").expect("ok");
    assert!(
        req.query
            .iter()
            .any(|(k, v)| k == "starting_after" && v == "a")
    );
    pager.advance(&page1); // the server hands back "a" again
    assert!(pager.next_request().is_none());
}

fn page_to(next: &str) -> Page<()> {
    Page {
        items: vec![()],
        total_count: None,
        page: None,
        per_page: None,
        total_pages: None,
        next: Some(Cursor::StartingAfter(next.into())),
    }
}

fn cursor_of(req: &RawRequest) -> Option<&str> {
    req.query
        .iter()
        .find(|(k, _)| k == "starting_after")
        .map(|(_, v)| v.as_str())
}

#[test]
fn pager_stops_on_a_cycle_of_any_period() {
    // Cursors A, B, C, A, ...: three pages after the first, then stop.
    let p = Paging::new(Scheme::QueryCursor, "data");
    let mut pager = Pager::new(
        Request::<()>::new(reqwest::Method::GET, "/contacts").raw,
        p,
        None,
    );
    let mut followed = Vec::new();
    let answers = ["a", "b", "c", "a", "b", "c"];
    let mut i = 0;
    while let Some(req) = pager.next_request() {
        let req = req.expect("ok");
        followed.push(cursor_of(&req).map(str::to_owned));
        pager.advance(&page_to(answers[i]));
        i += 1;
        assert!(i < answers.len(), "looped: {followed:?}");
    }
    assert_eq!(
        followed,
        vec![None, Some("a".into()), Some("b".into()), Some("c".into())]
    );
}

#[test]
fn a_cycle_back_to_the_start_cursor_stops() {
    let p = Paging::new(Scheme::QueryCursor, "data");
    let start = Cursor::StartingAfter("s".into());
    let mut pager = Pager::new(
        Request::<()>::new(reqwest::Method::GET, "/contacts").raw,
        p,
        Some(start),
    );
    assert_eq!(
        cursor_of(&pager.next_request().expect("first").expect("ok")),
        Some("s")
    );
    pager.advance(&page_to("t"));
    assert!(pager.next_request().is_some());
    pager.advance(&page_to("s"));
    assert!(pager.next_request().is_none());
}

#[test]
fn cursor_memory_is_bounded_and_still_catches_cycles() {
    let p = Paging::new(Scheme::QueryCursor, "data");
    let mut pager = Pager::new(
        Request::<()>::new(reqwest::Method::GET, "/contacts").raw,
        p,
        None,
    );
    for i in 0..MAX_SEEN_CURSORS + 10 {
        assert!(pager.next_request().is_some(), "stopped early at {i}");
        pager.advance(&page_to(&format!("c{i}")));
        assert!(pager.seen.len() <= MAX_SEEN_CURSORS);
    }
    // Past the clear, a cycle of period 2 is still caught.
    for c in ["x", "y", "x"] {
        assert!(pager.next_request().is_some());
        pager.advance(&page_to(c));
    }
    assert!(pager.next_request().is_none());
}

#[test]
fn page_counts_take_any_integer() {
    let p = Paging::new(Scheme::PageNumber, "data");
    let page = decode_page(
        p,
        r#"{"data":[1],"total_count":-3,"pages":{"page":-1,"per_page":9999999999,"total_pages":5}}"#,
    );
    assert_eq!(page.total_count, Some(-3));
    assert_eq!(page.per_page, Some(9_999_999_999));
    // A page number no request can carry ends the list.
    assert_eq!(page.next, None);
    let big = decode_page(
        p,
        r#"{"data":[1],"pages":{"page":4294967295,"total_pages":9999999999}}"#,
    );
    assert_eq!(big.next, None);
    let null_pages = decode_page(p, r#"{"data":[1],"pages":null}"#);
    assert_eq!(null_pages.next, None);
}

#[test]
fn cursor_round_trips_through_json() {
    let c = Cursor::StartingAfter("WzE3MTk0OTM3NTcuMCwgIjEyMyJd".into());
    let saved = serde_json::to_string(&c).expect("ser");
    assert_eq!(
        saved,
        r#"{"type":"starting_after","value":"WzE3MTk0OTM3NTcuMCwgIjEyMyJd"}"#
    );
    assert_eq!(serde_json::from_str::<Cursor>(&saved).expect("de"), c);
}
