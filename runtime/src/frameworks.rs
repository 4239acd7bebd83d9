//! The hook through which the runtime's features, not the derive, decide
//! which framework traits a derived type implements. The derive always
//! emits one call of [`impl_framework_traits!`](crate::impl_framework_traits);
//! each framework's macro expands to nothing unless its feature is enabled.
//!
//! The derive passes its tokens in three bracketed groups: the impl
//! generics (`<T: Bound>`, or nothing), the type (`Type<T>`), and the where
//! clause, which is either empty, or `where` followed by predicates that may
//! or may not end in a comma, or by nothing at all. Each framework macro adds
//! its own predicates *first* (`where Own: Bound, $($rest)*`), which is valid
//! Rust in every one of those cases.

/// Implements the enabled frameworks' response traits for a derived type.
/// Called by the derive as
/// `impl_framework_traits! { impl [<generics>] [Type<..>] [where ...] }`.
#[doc(hidden)]
#[macro_export]
macro_rules! impl_framework_traits {
    (impl [$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        $crate::__impl_axum! { impl [$($generics)*] [$($ty)*] [$($where)*] }
        $crate::__impl_actix_web! { impl [$($generics)*] [$($ty)*] [$($where)*] }
    };
}

/// `axum::response::IntoResponse`, with exactly the status, headers and body
/// of [`ApiError::to_response`](crate::ApiError::to_response).
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    (impl [$($generics:tt)*] [$($ty:tt)*] [$(where $($predicates:tt)*)?]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::axum::response::IntoResponse for $($ty)*
        $(where $($predicates)*)?
        {
            #[inline]
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::axum::into_response(&self)
            }
        }
    };
}

/// Without the `axum` feature: nothing.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ($($tokens:tt)*) => {};
}

/// `actix_web::ResponseError`, with exactly the status, headers and body of
/// [`ApiError::to_response`](crate::ApiError::to_response).
///
/// `ResponseError` requires `Debug + Display`. For a type without generics,
/// a check with a readable message says so when either is missing (the
/// impl's own bound carries a `for<'__a>` so that rustc reports only that
/// message, not a second, vaguer one). A generic type gets the impl wherever
/// its instances are `Debug + Display`.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    (impl [] [$($ty:tt)*] [$($where:tt)*]) => {
        const _: () = {
            #[allow(dead_code)]
            fn __api_status_actix_web_requires_debug_and_display(error: &$($ty)*) {
                $crate::__private::ActixWebError::requires_debug_and_display(error)
            }
        };
        $crate::__impl_actix_web! { @impl [] [$($ty)*] [$($where)*] }
    };
    (impl [$($generics:tt)+] [$($ty:tt)*] [$($where:tt)*]) => {
        $crate::__impl_actix_web! { @impl [$($generics)*] [$($ty)*] [$($where)*] }
    };
    (@impl [$($generics:tt)*] [$($ty:tt)*] [$(where $($predicates:tt)*)?]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::actix_web::ResponseError for $($ty)*
        where
            for<'__a> Self: ::core::fmt::Debug + ::core::fmt::Display,
            $($($predicates)*)?
        {
            #[inline]
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::actix_web::status_code(self)
            }

            #[inline]
            fn error_response(
                &self,
            ) -> $crate::__private::actix_web::HttpResponse<
                $crate::__private::actix_web::body::BoxBody,
            > {
                $crate::actix_web::error_response(self)
            }
        }
    };
}

/// Without the `actix-web` feature: nothing.
#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    ($($tokens:tt)*) => {};
}

/// What `actix_web::ResponseError` needs of every derived type, with a
/// message that says where the requirement comes from. Implemented for every
/// `Debug + Display` type; no supertraits, so that rustc reports this trait's
/// message rather than the bare missing `Display`.
#[cfg(feature = "actix-web")]
#[diagnostic::on_unimplemented(
    message = "`{Self}` must implement `Debug` and `Display`: with the `actix-web` feature of `api-status`, every `#[derive(ApiError)]` type implements `actix_web::ResponseError`, which requires both",
    label = "`{Self}` derives `ApiError` but is not `Debug + Display`",
    note = "add `#[derive(Debug, thiserror::Error)]` with an `#[error(\"...\")]` on each variant, or implement `Debug` and `Display` by hand"
)]
pub trait ActixWebError {
    /// Does nothing: calling it is the check.
    #[inline]
    fn requires_debug_and_display(&self) {}
}

#[cfg(feature = "actix-web")]
impl<T: std::fmt::Debug + std::fmt::Display + ?Sized> ActixWebError for T {}
