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
        // In declaration order, so that the strings lie one after another in the order of the
        // keys, as an array would hold them (see `read`).
        #[repr(C)]
        pub struct $name {
            $( pub $xfield: $xty, )*
            $(#[$first_meta])* pub $first: &'static str,
            $( $(#[$fmeta])* pub $field: &'static str, )*
        }

        impl $name {
            /// How many strings the table has.
            pub const LEN: usize = [stringify!($first), $(stringify!($field)),*].len();

            /// Where the strings start in the struct.
            const FIRST: usize = std::mem::offset_of!($name, $first);

            /// The strings fill the struct from `FIRST` to its end with no gap, so they have
            /// the layout of a `[&'static str; LEN]` there. Checked when `read` is compiled.
            const STRINGS_ARE_AN_ARRAY: () = assert!(
                std::mem::size_of::<$name>()
                    == Self::FIRST + Self::LEN * std::mem::size_of::<&'static str>()
            );

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
                let values: [&'static str; Self::LEN] =
                    std::array::from_fn(|_| text(keys.next().unwrap_or_default()));
                #[allow(clippy::let_unit_value)]
                let () = Self::STRINGS_ARE_AN_ARRAY;
                let mut table = std::mem::MaybeUninit::<$name>::uninit();
                let base = table.as_mut_ptr();
                // SAFETY: every field is written before `assume_init`: the others one by one
                // through their own places, the strings as one array at `FIRST`. The struct
                // is `repr(C)`, so its string fields lie in declaration order from `FIRST`,
                // and the assertion above shows they run to its end without padding, which
                // is the layout of `[&'static str; LEN]`; `FIRST` is a field's offset, so
                // the array's address is aligned. Setting the strings field by field instead
                // costs the page one move per string, several kilobytes in all.
                unsafe {
                    $( std::ptr::addr_of_mut!((*base).$xfield).write($xfield); )*
                    base.cast::<u8>()
                        .add(Self::FIRST)
                        .cast::<[&'static str; Self::LEN]>()
                        .write(values);
                    table.assume_init()
                }
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
