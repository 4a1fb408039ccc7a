//! `raw_object!`: one of the format's objects as a struct of lax fields,
//! with its list of keys, `Serialize`, and a [`Read`] that reports each
//! unknown key at its path with the keys allowed there.
//!
//! Written by hand rather than derived so that keys are compared as they
//! lie in the text, never copied, and nothing tracks paths as strings.
//!
//! [`Read`]: crate::load::read::Read

/// Declares a raw object: `pub struct Name, "a name's" { key: Type, … }`,
/// each field a [`Field`](crate::load::raw::Field) of its type named as its
/// key, and optionally `written { … }` fields that are serialized but
/// never read (readers take them for `x-` keys).
macro_rules! raw_object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident, $what:literal {
            $( $(#[$fmeta:meta])* $field:ident: $ty:ty, )*
        }
        $( written { $( $(#[$wmeta:meta])* $wfield:ident: $wty:ty, )* } )?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Default, serde::Serialize)]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $field: $crate::load::raw::Field<$ty>,
            )*
            $( $( $(#[$wmeta])* pub $wfield: $wty, )* )?
        }

        impl $name {
            /// The keys the format gives this object, in the format's order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];
        }

        impl<'de> $crate::load::read::Read<'de> for $name {
            fn read<D: serde::Deserializer<'de>>(
                d: D,
                at: $crate::load::Path<'_>,
                unknown: &mut Vec<$crate::load::Problem>,
            ) -> Result<Self, D::Error> {
                use $crate::load::read::{At, Key, bit_of};
                use $crate::load::{Path, Problem};
                use serde::de::{Error, IgnoredAny, MapAccess, Visitor};

                struct V<'p, 'u>(Path<'p>, &'u mut Vec<Problem>);

                impl<'de> Visitor<'de> for V<'_, '_> {
                    type Value = $name;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("an object")
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        let V(at, unknown) = self;
                        let mut out = $name::default();
                        // A key given twice is an error even if the first
                        // time was `null`, so presence is kept apart.
                        let mut seen = 0u32;
                        while let Some(key) = map.next_key::<Key<'de>>()? {
                            match key.as_str() {
                                $(
                                    stringify!($field) => {
                                        const BIT: u32 = bit_of($name::KEYS, stringify!($field));
                                        if seen & BIT != 0 {
                                            return Err(A::Error::duplicate_field(stringify!($field)));
                                        }
                                        seen |= BIT;
                                        let here = at.key(stringify!($field));
                                        out.$field = map.next_value_seed(At::new(here, unknown))?;
                                    }
                                )*
                                k => {
                                    if !k.starts_with("x-") {
                                        let p = $crate::load::unknown::problem(
                                            at.key(k),
                                            $what,
                                            $name::KEYS,
                                        );
                                        unknown.push(p);
                                    }
                                    map.next_value::<IgnoredAny>()?;
                                }
                            }
                        }
                        Ok(out)
                    }
                }

                d.deserialize_struct(stringify!($name), $name::KEYS, V(at, unknown))
            }
        }

        /// Reads the object, dropping what is said about unknown keys.
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <Self as $crate::load::read::Read>::read(d, $crate::load::Path::Root, &mut Vec::new())
            }
        }
    };
}
