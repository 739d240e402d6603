//! `endpoints!`: a family's table of operations, one row each.
//!
//! A row says everything about one endpoint, in the order you would read it
//! in Intercom's reference:
//!
//! ```text
//! /// Docs, a `no_run` example and an `# Errors` section, as for any method.
//! "getContact" GET "/contacts/{id}"
//! fn get(id) -> Call<Contact> [IncludeMergeHistory];
//!
//! "SearchContacts" POST(idempotent) "/contacts/search"
//! fn search(search: impl Into<ContactSearch>) -> ListCall<Contact> paged SEARCH = search_body;
//!
//! "createNote" POST "/contacts/{id}/notes"
//! fn create_note(id; note: NewNote) -> Call<Note>;
//! ```
//!
//! - `"getContact"`: the spec's operationId. `GET`: the method; `POST` is
//!   retried after a 5xx or timeout only when marked `POST(idempotent)`, and
//!   a request that must never be sent twice is marked `GET(once)`.
//! - `fn get(id)`: the method on the handle. Names before a `;` are the
//!   path's `{placeholders}`, in order (checked at compile time), taken as
//!   `&str`, refused when empty and percent-encoded; typed arguments follow.
//!   `#[numeric] admin_id` also refuses an id that is not a number (the
//!   spec types it as an integer).
//! - `-> Call<T>` or `-> ListCall<T> paged PAGING` (a [`Paging`] constant),
//!   or another call type of the family built like a `Call` (`-> LookupCall<T>`:
//!   a type with `new(client, request)` and the generics `<'c, C, T, O>`).
//! - `= builder`: an ordinary function `fn(Request<T>, args…) ->
//!   Result<Request<T>, Error>` that validates the arguments and sets the
//!   body. Without one, a single argument is sent as the JSON body.
//!   `= builder(id, …)` also passes those path ids first, for a check that
//!   needs them (`fn(Request<T>, id: &str, args…)`).
//! - `[Option, …]`: the [`options`](crate::options) the operation accepts.
//!
//! For each row the macro writes the method (its docs start with
//! `` `METHOD /path`: `` and end with the empty-id error lines), a marker
//! type in the family's `ops` module, and an [`Operation`] in `ops::ALL`,
//! which [`operations()`](crate::operations) collects for the tests, the
//! coverage manifest and the fake Intercom.
//!
//! [`Paging`]: crate::pagination::Paging
//! [`Operation`]: crate::Operation

macro_rules! endpoints {
    // --- internal: split a row's parameter list into path ids and arguments.
    (@split $then:ident $ctx:tt
        ( $($(#[$check:ident])? $id:ident),* ; $($arg:ident : $argty:ty),* )) => {
        $crate::resources::endpoints::endpoints!(
            @$then $ctx [$($id [$($check)?])*] [$($arg : $argty),*]
        );
    };
    (@split $then:ident $ctx:tt ( $($arg:ident : $argty:ty),* )) => {
        $crate::resources::endpoints::endpoints!(@$then $ctx [] [$($arg : $argty),*]);
    };
    (@split $then:ident $ctx:tt ( $($(#[$check:ident])? $id:ident),* )) => {
        $crate::resources::endpoints::endpoints!(@$then $ctx [$($id [$($check)?])*] []);
    };

    // --- internal: the method on the handle.
    (@method [[$($doc:tt)*] $op:literal $method:ident $path:literal $name:ident
              $kind:ident $out:ty [$($paging:ident)?] [$($build:tt)*]]
             [$($id:ident [$($check:ident)?])*] [$($arg:ident : $argty:ty),*]) => {
        #[doc = concat!("`", stringify!($method), " ", $path, "`:")]
        $($doc)*
        $(#[doc = concat!(
            "\n[`Error::InvalidInput`](crate::Error::InvalidInput) before sending when `",
            stringify!($id),
            "` is empty",
            $($crate::resources::endpoints::endpoints!(@check_doc $check),)?
            "."
        )])*
        pub fn $name(&self, $($id: &str,)* $($arg: $argty),*)
            -> $crate::resources::endpoints::endpoints!(@ret $kind $out, ops::$name)
        {
            let request = Ok::<(), $crate::Error>(())
                $($(.and_then(|()| {
                    $crate::resources::endpoints::endpoints!(@check_id $check $id)
                }))?)*
                .and_then(|()| $crate::Request::for_operation(
                    &ops::$name::OPERATION,
                    &[$((stringify!($id), $id)),*],
                ))
            .and_then(|request| {
                $crate::resources::endpoints::endpoints!(@body request [$($build)*] [$($arg)*])
            });
            $crate::resources::endpoints::endpoints!(@new $kind self.client, request $(, $paging)?)
        }
    };
    (@ret Call $out:ty, $marker:ty) => { $crate::Call<'c, C, $out, $marker> };
    (@ret ListCall $out:ty, $marker:ty) => { $crate::ListCall<'c, C, $out, $marker> };
    (@new Call $client:expr, $request:ident) => { $crate::Call::new($client, $request) };
    (@new ListCall $client:expr, $request:ident, $paging:ident) => {
        $crate::ListCall::new($client, $request, $paging)
    };
    // Another call type in the family's scope, built like a `Call`:
    // `-> LookupCall<T>` is `LookupCall<'c, C, T, ops::name>`.
    (@ret $kind:ident $out:ty, $marker:ty) => { $kind<'c, C, $out, $marker> };
    (@new $kind:ident $client:expr, $request:ident) => { $kind::new($client, $request) };
    (@body $req:ident [] []) => { Ok($req) };
    (@body $req:ident [] [$arg:ident]) => { $req.json(&$arg) };
    (@body $req:ident [$build:ident] [$($arg:ident)*]) => { $build($req, $($arg),*) };
    (@body $req:ident [$build:ident ($($bid:ident),*)] [$($arg:ident)*]) => {
        $build($req, $($bid,)* $($arg),*)
    };

    // --- internal: the compile-time check that ids match the path.
    (@check [$op:literal $path:literal] [$($id:ident [$($check:ident)?])*]
             [$($arg:ident : $argty:ty),*]) => {
        const _: () = assert!(
            $crate::operation::placeholders_are($path, &[$(stringify!($id)),*]),
            "{}",
            concat!("row ", $op, ": the ids before `;` must be the path placeholders, in order"),
        );
    };

    // --- internal: the checks a path id can carry (`#[numeric] admin_id`).
    (@check_id numeric $id:ident) => {
        $crate::resources::common::require_numeric(stringify!($id), $id)
    };
    (@check_doc numeric) => { " or not a numeric id" };

    (@idempotent POST) => { false };
    (@idempotent $method:ident once) => { false };
    (@idempotent $method:ident) => { true };
    (@idempotent $method:ident idempotent) => { true };
    (@paged ListCall) => { true };
    (@paged $kind:ident) => { false };

    // --- the table.
    (
        $(#[$handle_doc:meta])*
        family $family:literal => $Handle:ident;

        $(
            $(#[$doc:meta])*
            $op:literal $method:ident $(($retry:ident))? $path:literal
            fn $name:ident ( $($sig:tt)* ) -> $kind:ident < $out:ty > $(paged $paging:ident)?
            $(= $build:ident $(( $($bid:ident),* ))?)?
            $([ $($opt:path),* ])?
            ;
        )*
    ) => {
        $(#[$handle_doc])*
        #[derive(Debug)]
        pub struct $Handle<'c, C> {
            client: &'c C,
        }

        impl<'c, C> $Handle<'c, C> {
            pub(crate) fn new(client: &'c C) -> Self {
                $Handle { client }
            }

            /// The executor this handle runs on (not every family needs it).
            #[allow(dead_code)]
            pub(crate) fn executor(&self) -> &'c C {
                self.client
            }

            $(
                $crate::resources::endpoints::endpoints!(@split method
                    [[$(#[$doc])*] $op $method $path $name $kind $out [$($paging)?]
                     [$($build $(($($bid),*))?)?]]
                    ($($sig)*));
            )*
        }

        /// The operations of this family: one marker type each, naming the
        /// operation in the type of its [`Call`](crate::Call) or
        /// [`ListCall`](crate::ListCall), and [`ALL`](ops::ALL), their table.
        pub mod ops {
            $(
                #[doc = concat!(
                    "`", $op, "`: `", stringify!($method), " ", $path, "`, called by [`",
                    stringify!($Handle), "::", stringify!($name), "`](super::",
                    stringify!($Handle), "::", stringify!($name), ")."
                )]
                #[allow(non_camel_case_types)]
                #[derive(Debug, Clone, Copy)]
                pub struct $name;

                impl $name {
                    /// The row, as data.
                    pub const OPERATION: $crate::Operation = $crate::Operation {
                        id: $op,
                        method: stringify!($method),
                        path: $path,
                        family: $family,
                        rust_method: stringify!($name),
                        paged: $crate::resources::endpoints::endpoints!(@paged $kind),
                        idempotent: $crate::resources::endpoints::endpoints!(
                            @idempotent $method $($retry)?
                        ),
                    };
                }

                $crate::resources::endpoints::endpoints!(@split check [$op $path] ($($sig)*));
            )*

            /// Every operation of this family, in row order.
            pub const ALL: &[$crate::Operation] = &[$($name::OPERATION),*];
        }

        $($( $(impl $opt for ops::$name {})* )?)*
    };
}
pub(crate) use endpoints;
