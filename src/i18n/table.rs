//! The shape of a string table, written once.
//!
//! [`string_table!`] declares a struct whose fields are `&'static str` (plus a few values listed
//! first in brackets), the list of its keys, a constructor that asks for each string by key,
//! and a walk over every key and string. English is a `static` the compiler checks field by
//! field; the other languages are read from their files by key at run time, and a test checks
//! those files against [`KEYS`](crate::i18n::Strings::KEYS).

/// Declares a string table. Input: attributes, `pub struct Name {`, then `[name: Type]` for each
/// field that is not a string, then one `name,` per string (doc comments allowed).
macro_rules! string_table {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( [$xfield:ident : $xty:ty] )*
            $( $(#[$fmeta:meta])* $field:ident, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy)]
        // In declaration order, so that the strings lie in the order of `KEYS` and moving
        // them between the struct and an array is one copy, not one move per field.
        #[repr(C)]
        pub struct $name {
            $( pub $xfield: $xty, )*
            $( $(#[$fmeta])* pub $field: &'static str, )*
        }

        impl $name {
            /// Every string's key, in the order of the declaration.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The table whose strings `text` gives, asked for by key in the order of
            /// [`Self::KEYS`].
            pub fn read(
                $($xfield: $xty,)*
                text: &mut dyn FnMut(&'static str) -> &'static str,
            ) -> Self {
                let values: [&'static str; Self::KEYS.len()] =
                    std::array::from_fn(|i| text(Self::KEYS[i]));
                let [$($field),*] = values;
                $name {
                    $($xfield,)*
                    $($field,)*
                }
            }

            /// Every string, in the order of [`Self::KEYS`].
            pub fn values(&self) -> [&'static str; Self::KEYS.len()] {
                [$(self.$field),*]
            }

            /// Calls `visit` with every key and its string, in the order of [`Self::KEYS`].
            pub fn each(&self, visit: &mut dyn FnMut(&'static str, &'static str)) {
                for (k, v) in Self::KEYS.iter().zip(self.values()) {
                    visit(k, v);
                }
            }
        }
    };
}

pub(crate) use string_table;
