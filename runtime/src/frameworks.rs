//! The hook through which the runtime's features, not the derive, decide
//! which framework traits a derived type implements. The derive always
//! emits one call of [`impl_framework_traits!`](crate::impl_framework_traits);
//! each framework's arm expands to nothing unless its feature is enabled.

/// Implements the enabled frameworks' response traits for a derived type.
/// Called by the derive as
/// `impl_framework_traits! { impl [<generics>] [Type<..>] [where ...] }`.
#[doc(hidden)]
#[macro_export]
macro_rules! impl_framework_traits {
    (impl [$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {};
}
