//! The shape of a string table, written once.
//!
//! [`string_table!`] declares a struct whose fields are `&'static str` (plus a few values listed
//! first in brackets), the list of its keys, a constructor that asks for each string by key,
//! and a walk over every key and string. English is a `static` the compiler checks field by
//! field; the other languages are read from their files by key at run time, and a test checks
//! those files against [`keys`](crate::i18n::Strings::keys).

/// Declares a string table. Input: attributes, `pub struct Name {`, then `[name: Type]` for each
/// field that is not a string, then one `name,` per string (doc comments allowed).
macro_rules! string_table {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( [$xfield:ident : $xty:ty] )*
            $(#[$first_meta:meta])* $first:ident,
            $( $(#[$fmeta:meta])* $field:ident, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy)]
        pub struct $name {
            $( pub $xfield: $xty, )*
            $(#[$first_meta])* pub $first: &'static str,
            $( $(#[$fmeta])* pub $field: &'static str, )*
        }

        impl $name {
            /// How many strings the table has.
            pub const LEN: usize = [stringify!($first), $(stringify!($field)),*].len();

            /// Every string's key, in the order of the declaration. One text rather than a
            /// list, which would cost the page a pointer and a length per key.
            const KEY_TEXT: &'static str =
                concat!(stringify!($first), " ", $(stringify!($field), " "),*);

            /// Every string's key, in the order of the declaration.
            pub fn keys() -> impl Iterator<Item = &'static str> {
                Self::KEY_TEXT.split_terminator(' ')
            }

            /// The table whose strings `text` gives, asked for by key in the order of
            /// [`Self::keys`].
            pub fn read(
                $($xfield: $xty,)*
                text: &mut dyn FnMut(&'static str) -> &'static str,
            ) -> Self {
                let mut keys = Self::keys();
                // Asked for in one loop, which is less code than one request per field.
                let values: [&'static str; Self::LEN] =
                    std::array::from_fn(|_| text(keys.next().unwrap_or_default()));
                Self::from_values($($xfield,)* &values)
            }

            /// The table with the strings `values`, in the order of [`Self::keys`]. Apart
            /// from `read`, so that the array stays one block of memory that the loop fills
            /// and this copies from, rather than being split into a variable per string.
            #[inline(never)]
            fn from_values($($xfield: $xty,)* values: &[&'static str; Self::LEN]) -> Self {
                let [$first, $($field),*] = *values;
                $name { $($xfield,)* $first, $($field),* }
            }

            /// Every string, in the order of [`Self::keys`].
            pub fn values(&self) -> [&'static str; Self::LEN] {
                [self.$first, $(self.$field),*]
            }

            /// Calls `visit` with every key and its string, in the order of [`Self::keys`].
            pub fn each(&self, visit: &mut dyn FnMut(&'static str, &'static str)) {
                for (k, v) in Self::keys().zip(self.values()) {
                    visit(k, v);
                }
            }
        }
    };
}

pub(crate) use string_table;
