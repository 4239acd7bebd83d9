//! The hook through which a derived type implements
//! `utoipa::IntoResponses`. The runtime's `utoipa` feature turns on the
//! derive's, and the derive then emits one call of
//! [`impl_openapi!`](crate::impl_openapi) (see
//! `derive/src/expand_openapi.rs` for its input); without it the derive
//! emits nothing, so that a build without OpenAPI pays nothing for it, not
//! even the macro's work on every variant's facts. Were the two features
//! ever to disagree (the derive's turned on directly), the runtime decides:
//! without its feature the call expands to nothing.

/// Implements `utoipa::IntoResponses` for a derived type. Called by the
/// derive as `impl_openapi! { impl [<generics>] [Type<..>] [where ...]
/// [generic inner types] "facts" [probes] }`.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! impl_openapi {
    (
        impl [$($generics:tt)*] [$($ty:tt)*] [$(where $($predicates:tt)*)?]
        [$($inner:ty,)*]
        $facts:literal
        [$($probe:expr),*]
    ) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa::IntoResponses for $($ty)*
        where
            $($inner: $crate::__private::utoipa::IntoResponses,)*
            $($($predicates)*)?
        {
            fn responses() -> $crate::__private::openapi::ResponseMap {
                #[allow(unused_imports)]
                use $crate::__private::openapi::{Documented as _, Pointer as _, Undocumented as _};
                $crate::__private::openapi::responses($facts, &[$($probe),*])
            }
        }
    };
}

/// Without the `utoipa` feature: nothing.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! impl_openapi {
    ($($tokens:tt)*) => {};
}
