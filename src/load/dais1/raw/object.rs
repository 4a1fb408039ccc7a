//! `raw_object!`: one of the format's objects as a struct of lax fields,
//! with its list of keys, `Serialize`, and a [`Read`] that reports each
//! unknown key at its path with the keys allowed there.
//!
//! Written by hand rather than derived so that keys are compared as they
//! lie in the text, never copied, and nothing tracks paths as strings.
//!
//! [`Read`]: crate::load::base::json::read::Read

/// Declares a raw object: `pub struct Name, "a name's" { key: Type, … }`,
/// each field a [`Field`](crate::load::base::lax::Field) of its type named as its
/// key, and optionally `written { … }` fields that are serialized but
/// never read (readers take them for `x-` keys), and `probed { field: Field<Type>
/// = "key", … }` keys that are read (with plain `Deserialize`) and kept,
/// but not part of the format: they are still reported as unknown.
macro_rules! raw_object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident, $what:literal {
            $( $(#[$fmeta:meta])* $field:ident: $ty:ty, )*
        }
        $( written { $( $(#[$wmeta:meta])* $wfield:ident: $wty:ty, )* } )?
        $( probed { $( $(#[$pmeta:meta])* $pfield:ident: $pty:ty = $pkey:literal, )* } )?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Default, serde::Serialize)]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $field: $crate::load::base::lax::Field<$ty>,
            )*
            $( $( $(#[$wmeta])* pub $wfield: $wty, )* )?
            $( $( $(#[$pmeta])* #[serde(skip)] pub $pfield: $pty, )* )?
            /// Its `x-` keys, in file order, written after its other keys.
            #[serde(flatten)]
            pub extensions: $crate::agenda::Extensions,
        }

        impl $name {
            /// The keys the format gives this object, in the format's order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// Every key read into a field, probed ones last; a key's place
            /// here is its bit in the mask of keys seen.
            pub(crate) const READ: &'static [&'static str] =
                &[$(stringify!($field),)* $($($pkey,)*)?];

            /// Reads the value of `key` into its field, if this object has
            /// one, and says whether it did. `seen` holds a bit per key read
            /// so far ([`Self::READ`]): a key given twice is an error, even
            /// if the first time was `null`.
            pub(crate) fn read_entry<'de, A: serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
                at: $crate::load::base::problem::Path<'_>,
                notes: &mut $crate::load::base::json::read::Notes,
                seen: &mut u32,
            ) -> Result<bool, A::Error> {
                use $crate::load::base::json::read::{At, bit_of};
                use serde::de::Error;
                match key {
                    $(
                        stringify!($field) => {
                            const BIT: u32 = bit_of($name::READ, stringify!($field));
                            if *seen & BIT != 0 {
                                return Err(A::Error::duplicate_field(stringify!($field)));
                            }
                            *seen |= BIT;
                            let here = at.key(stringify!($field));
                            self.$field = map.next_value_seed(At::new(here, notes))?;
                        }
                    )*
                    $($(
                        $pkey => {
                            const BIT: u32 = bit_of($name::READ, $pkey);
                            if *seen & BIT != 0 {
                                return Err(A::Error::duplicate_field($pkey));
                            }
                            *seen |= BIT;
                            let p = $crate::load::base::unknown::problem(at.key($pkey), $what, Self::KEYS);
                            notes.unknown.push(p);
                            self.$pfield = map.next_value()?;
                            // Read with plain `Deserialize`: not checked.
                            notes.unchecked = true;
                            if let Some(v) = &self.$pfield {
                                notes.lax(v);
                            }
                        }
                    )*)?
                    _ => return Ok(false),
                }
                Ok(true)
            }
        }

        impl $name {
            /// Reads the object's keys from `d` into `out`.
            fn read_into<'de, D: serde::Deserializer<'de>>(
                d: D,
                at: $crate::load::base::problem::Path<'_>,
                notes: &mut $crate::load::base::json::read::Notes,
                out: &mut Self,
            ) -> Result<(), D::Error> {
                use $crate::load::base::problem::Path;
                use $crate::load::base::json::read::{Key, Notes, other_key};
                use serde::de::{MapAccess, Visitor};

                struct V<'p, 'n, 'o>(Path<'p>, &'n mut Notes, &'o mut $name);

                impl<'de> Visitor<'de> for V<'_, '_, '_> {
                    type Value = ();

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("an object")
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
                        let V(at, notes, out) = self;
                        let mut seen = 0;
                        while let Some(key) = map.next_key::<Key<'de>>()? {
                            let key = key.as_str();
                            if !out.read_entry(key, &mut map, at, notes, &mut seen)? {
                                let what = ($what, $name::KEYS);
                                if let Some((k, v)) = other_key(key, &mut map, at, what, notes)? {
                                    out.extensions.push(k, v);
                                }
                            }
                        }
                        notes.given_once(&out.extensions, at);
                        Ok(())
                    }
                }

                d.deserialize_struct(stringify!($name), $name::KEYS, V(at, notes, out))
            }
        }

        impl<'de> $crate::load::base::json::read::Read<'de> for $name {
            fn read<D: serde::Deserializer<'de>>(
                d: D,
                at: $crate::load::base::problem::Path<'_>,
                notes: &mut $crate::load::base::json::read::Notes,
            ) -> Result<Self, D::Error> {
                let mut out = Self::default();
                Self::read_into(d, at, notes, &mut out)?;
                Ok(out)
            }
        }

        /// Reads the object, dropping what is said about unknown keys.
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let mut notes = $crate::load::base::json::read::Notes::default();
                <Self as $crate::load::base::json::read::Read>::read(d, $crate::load::base::problem::Path::Root, &mut notes)
            }
        }
    };
}
