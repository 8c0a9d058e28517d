//! The representation of Go types, interned in a [`TypeTable`].
//!
//! Every type is a [`TypeId`], an index into the table. Structural types (pointers,
//! slices, arrays, maps, channels, structs, signatures, tuples, unions and interfaces
//! without embedded elements) are hash-consed: two identical such types get the same
//! id, so identity is one integer comparison. Defined (named) types and type
//! parameters are unique per declaration and never merged, which is exactly Go's
//! identity for them; instances of a generic type are interned by (origin, type
//! arguments). The few identities that interning cannot see (interfaces that embed
//! other interfaces, generic signatures) are decided by [`super::predicates`], which
//! starts with the id comparison.
//!
//! Signatures carry no parameter names (names do not take part in identity); the
//! objects of a function's parameters live with its declaration.

use std::collections::HashMap;
use std::sync::Arc;

use super::object::{ObjId, PkgId};

/// An interned type: an index into [`TypeTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub u32);

/// The predeclared basic types, the untyped constant kinds, and `Invalid`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum BasicKind {
    /// The type of an erroneous expression: operations on it report nothing further.
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
}

impl BasicKind {
    /// Every kind, in declaration order (the first [`BasicKind::COUNT`] type ids).
    pub const ALL: [BasicKind; 26] = {
        use BasicKind::*;
        [
            Invalid, Bool, Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
            Float32, Float64, Complex64, Complex128, String, UnsafePointer, UntypedBool, UntypedInt,
            UntypedRune, UntypedFloat, UntypedComplex, UntypedString, UntypedNil,
        ]
    };
    /// The number of basic kinds.
    pub const COUNT: usize = 26;

    /// The type's name as Go prints it.
    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UnsafePointer => "unsafe.Pointer",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedComplex => "untyped complex",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
        }
    }

    /// An untyped constant kind (or untyped nil).
    pub fn is_untyped(self) -> bool {
        self >= BasicKind::UntypedBool
    }
    /// A boolean type, typed or not.
    pub fn is_boolean(self) -> bool {
        matches!(self, BasicKind::Bool | BasicKind::UntypedBool)
    }
    /// An integer type (runes included), typed or not.
    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            Int | Int8 | Int16 | Int32 | Int64 | Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr | UntypedInt | UntypedRune
        )
    }
    /// An unsigned integer type.
    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }
    /// A floating-point type, typed or not.
    pub fn is_float(self) -> bool {
        matches!(self, BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat)
    }
    /// A complex type, typed or not.
    pub fn is_complex(self) -> bool {
        matches!(self, BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UntypedComplex)
    }
    /// Any numeric type.
    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }
    /// A string type, typed or not.
    pub fn is_string(self) -> bool {
        matches!(self, BasicKind::String | BasicKind::UntypedString)
    }
    /// Types whose values can be constants.
    pub fn is_const_type(self) -> bool {
        self.is_boolean() || self.is_numeric() || self.is_string()
    }
    /// Types ordered by `<`.
    pub fn is_ordered(self) -> bool {
        self.is_integer() || self.is_float() || self.is_string()
    }
    /// The width in bits of a sized integer or float type (int/uint/uintptr are 64).
    pub fn bits(self) -> Option<u32> {
        use BasicKind::*;
        Some(match self {
            Int8 | Uint8 => 8,
            Int16 | Uint16 => 16,
            Int32 | Uint32 | Float32 => 32,
            Int | Int64 | Uint | Uint64 | Uintptr | Float64 | Complex64 => 64,
            Complex128 => 128,
            _ => return None,
        })
    }
}

/// Direction of a channel type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    /// `chan T`
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

/// A struct field. Unexported names carry their package: two such fields from
/// different packages are different even when spelled alike.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    /// The field name (for an embedded field, the type's name).
    pub name: Arc<str>,
    /// The package of an unexported name (None for exported names).
    pub pkg: Option<PkgId>,
    /// The field type.
    pub ty: TypeId,
    /// An embedded field.
    pub embedded: bool,
    /// The tag string (empty if none).
    pub tag: Arc<str>,
}

/// An interface method. Like fields, unexported names carry their package.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Method {
    /// The method name.
    pub name: Arc<str>,
    /// The package of an unexported name.
    pub pkg: Option<PkgId>,
    /// Its signature (a [`Type::Signature`]).
    pub sig: TypeId,
}

/// An interface type as written: explicit methods plus embedded elements. Its method
/// set and type set are computed by [`super::typeset`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Interface {
    /// Explicitly declared methods, sorted by (name, package) so that order of
    /// declaration does not affect identity.
    pub methods: Vec<Method>,
    /// Embedded elements: interfaces, other types, unions (in source order).
    pub embeddeds: Vec<TypeId>,
    /// An implicit interface (a constraint written as `[T ~int]`), printed without
    /// `interface{}` around it.
    pub implicit: bool,
}

/// A union term `T` or `~T`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Term {
    /// Written with `~`.
    pub tilde: bool,
    /// The type.
    pub ty: TypeId,
}

/// A function signature without receiver and type parameters (those belong to the
/// function object), so that identical signatures intern to one id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    /// Parameter types; with `variadic`, the last one is a slice type.
    pub params: Vec<TypeId>,
    /// Result types.
    pub results: Vec<TypeId>,
    /// The last parameter is `...T` (its type is `[]T`).
    pub variadic: bool,
}

/// A type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// A predeclared basic type or an untyped kind.
    Basic(BasicKind),
    /// `*T`
    Pointer(TypeId),
    /// `[]T`
    Slice(TypeId),
    /// `[N]T`
    Array(u64, TypeId),
    /// `map[K]V`
    Map(TypeId, TypeId),
    /// `chan T` and the directional forms.
    Chan(ChanDir, TypeId),
    /// `struct { ... }`
    Struct(Vec<Field>),
    /// `func(...) ...`
    Signature(Signature),
    /// `interface { ... }`
    Interface(Interface),
    /// `A | ~B`, only inside constraints.
    Union(Vec<Term>),
    /// The types of a multi-value expression (`f()` returning several results).
    Tuple(Vec<TypeId>),
    /// A defined type, an instance of a generic defined type, or an alias's target
    /// when the alias is itself generic; details in [`Named`].
    Named(NamedId),
    /// A type parameter; details in [`TypeParam`].
    TypeParam(TypeParamId),
}

/// Index of a [`Named`] in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NamedId(pub u32);

/// Index of a [`TypeParam`] in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeParamId(pub u32);

/// A defined type (or an instance of a generic one).
#[derive(Clone, Debug)]
pub struct Named {
    /// The type name object (for an instance: the origin's object).
    pub obj: ObjId,
    /// The underlying type; `None` while its declaration is being checked.
    pub underlying: Option<TypeId>,
    /// Declared methods (func objects), in source order. Instances share the origin's.
    pub methods: Vec<ObjId>,
    /// Type parameters of a generic type (as [`Type::TypeParam`] ids).
    pub tparams: Vec<TypeId>,
    /// For an instance: its type arguments; empty otherwise.
    pub targs: Vec<TypeId>,
    /// For an instance: the generic type it instantiates.
    pub origin: Option<TypeId>,
}

/// A type parameter.
#[derive(Clone, Debug)]
pub struct TypeParam {
    /// Its type name object.
    pub obj: ObjId,
    /// Position in its type parameter list.
    pub index: u32,
    /// The constraint (an interface type, possibly implicit); `None` until checked.
    pub bound: Option<TypeId>,
}

/// The interned type table shared by every package of a program.
#[derive(Clone, Debug)]
pub struct TypeTable {
    types: Vec<Type>,
    interned: HashMap<Type, TypeId>,
    nameds: Vec<Named>,
    tparams: Vec<TypeParam>,
    instances: HashMap<(TypeId, Vec<TypeId>), TypeId>,
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    /// A table holding the basic types at ids `0..BasicKind::COUNT`.
    pub fn new() -> TypeTable {
        let mut t = TypeTable {
            types: Vec::new(),
            interned: HashMap::new(),
            nameds: Vec::new(),
            tparams: Vec::new(),
            instances: HashMap::new(),
        };
        for k in BasicKind::ALL {
            t.intern(Type::Basic(k));
        }
        t
    }

    /// The id of a basic type.
    pub fn basic(k: BasicKind) -> TypeId {
        TypeId(k as u32)
    }

    /// The invalid type.
    pub const INVALID: TypeId = TypeId(0);

    /// The type `id` stands for.
    pub fn get(&self, id: TypeId) -> &Type {
        self.types.get(id.0 as usize).unwrap_or(&Type::Basic(BasicKind::Invalid))
    }

    /// The number of types in the table.
    pub fn len(&self) -> usize {
        self.types.len()
    }

    /// Whether the table is empty (never, once built).
    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    /// Interns a structural type (use [`Self::new_named`] and [`Self::new_type_param`] for
    /// the others).
    pub fn intern(&mut self, t: Type) -> TypeId {
        if let Some(&id) = self.interned.get(&t) {
            return id;
        }
        let id = TypeId(self.types.len() as u32);
        self.types.push(t.clone());
        self.interned.insert(t, id);
        id
    }

    /// The id of structural type `t` if it is interned already (never interns).
    pub fn lookup(&self, t: &Type) -> Option<TypeId> {
        self.interned.get(t).copied()
    }

    /// The instance `origin[targs]` if it exists already (never creates one).
    pub fn lookup_instance(&self, origin: TypeId, targs: &[TypeId]) -> Option<TypeId> {
        self.instances.get(&(origin, targs.to_vec())).copied()
    }

    /// `*elem`
    pub fn pointer(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Pointer(elem))
    }
    /// `[]elem`
    pub fn slice(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Slice(elem))
    }
    /// A tuple (for multi-value results).
    pub fn tuple(&mut self, elems: Vec<TypeId>) -> TypeId {
        self.intern(Type::Tuple(elems))
    }
    /// A signature.
    pub fn signature(&mut self, params: Vec<TypeId>, results: Vec<TypeId>, variadic: bool) -> TypeId {
        self.intern(Type::Signature(Signature { params, results, variadic }))
    }

    /// A new defined type for `obj`, with its underlying type still unknown.
    pub fn new_named(&mut self, obj: ObjId) -> TypeId {
        let nid = NamedId(self.nameds.len() as u32);
        self.nameds.push(Named { obj, underlying: None, methods: Vec::new(), tparams: Vec::new(), targs: Vec::new(), origin: None });
        let id = TypeId(self.types.len() as u32);
        self.types.push(Type::Named(nid));
        id
    }

    /// The instance of generic `origin` with `targs`, created on first request
    /// (its underlying type is filled in by the checker's substitution).
    pub fn instance(&mut self, origin: TypeId, targs: Vec<TypeId>) -> (TypeId, bool) {
        if let Some(&id) = self.instances.get(&(origin, targs.clone())) {
            return (id, false);
        }
        let (obj, methods) = match self.named(origin) {
            Some(n) => (n.obj, n.methods.clone()),
            None => return (TypeTable::INVALID, false),
        };
        let id = self.new_named(obj);
        if let Some(n) = self.named_mut(id) {
            n.methods = methods;
            n.targs = targs.clone();
            n.origin = Some(origin);
        }
        self.instances.insert((origin, targs), id);
        (id, true)
    }

    /// A new type parameter.
    pub fn new_type_param(&mut self, obj: ObjId, index: u32) -> TypeId {
        let pid = TypeParamId(self.tparams.len() as u32);
        self.tparams.push(TypeParam { obj, index, bound: None });
        let id = TypeId(self.types.len() as u32);
        self.types.push(Type::TypeParam(pid));
        id
    }

    /// The defined-type record of `id`, if it is a [`Type::Named`].
    pub fn named(&self, id: TypeId) -> Option<&Named> {
        match self.get(id) {
            Type::Named(n) => self.nameds.get(n.0 as usize),
            _ => None,
        }
    }

    /// Mutable access to a defined-type record.
    pub fn named_mut(&mut self, id: TypeId) -> Option<&mut Named> {
        match self.types.get(id.0 as usize) {
            Some(Type::Named(n)) => self.nameds.get_mut(n.0 as usize),
            _ => None,
        }
    }

    /// The type-parameter record of `id`, if it is a [`Type::TypeParam`].
    pub fn type_param(&self, id: TypeId) -> Option<&TypeParam> {
        match self.get(id) {
            Type::TypeParam(p) => self.tparams.get(p.0 as usize),
            _ => None,
        }
    }

    /// Mutable access to a type-parameter record.
    pub fn type_param_mut(&mut self, id: TypeId) -> Option<&mut TypeParam> {
        match self.types.get(id.0 as usize) {
            Some(Type::TypeParam(p)) => self.tparams.get_mut(p.0 as usize),
            _ => None,
        }
    }

    /// The underlying type: itself for everything but defined types (and type
    /// parameters, whose underlying type is their constraint interface). Follows chains
    /// of defined types with a step bound, so a cycle yields `Invalid`, never a hang.
    pub fn underlying(&self, id: TypeId) -> TypeId {
        let mut cur = id;
        for _ in 0..64 {
            match self.get(cur) {
                Type::Named(n) => match self.nameds.get(n.0 as usize).and_then(|n| n.underlying) {
                    Some(u) if u != cur => cur = u,
                    _ => return TypeTable::INVALID,
                },
                Type::TypeParam(p) => {
                    return self.tparams.get(p.0 as usize).and_then(|p| p.bound).map(|b| self.underlying(b)).unwrap_or(TypeTable::INVALID);
                }
                _ => return cur,
            }
        }
        TypeTable::INVALID
    }

    /// The underlying type's structure.
    pub fn under(&self, id: TypeId) -> &Type {
        self.get(self.underlying(id))
    }

    /// The basic kind of `id`'s underlying type, if it is basic.
    pub fn basic_kind(&self, id: TypeId) -> Option<BasicKind> {
        match self.under(id) {
            Type::Basic(k) => Some(*k),
            _ => None,
        }
    }

    /// Whether `id` is an untyped constant type or untyped nil.
    pub fn is_untyped(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::Basic(k) if k.is_untyped())
    }

    /// Whether `id` is the invalid type.
    pub fn is_invalid(&self, id: TypeId) -> bool {
        id == TypeTable::INVALID
    }

    /// Whether `id` is a type parameter.
    pub fn is_type_param(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::TypeParam(_))
    }

    /// Whether `id` is a defined type or basic type: a type with a name.
    pub fn has_name(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::Basic(_) | Type::Named(_) | Type::TypeParam(_))
    }

    /// Whether `id`'s underlying type is an interface (type parameters are not).
    pub fn is_interface(&self, id: TypeId) -> bool {
        !self.is_type_param(id) && matches!(self.under(id), Type::Interface(_))
    }

    /// The element types of a tuple, or `[id]` for any other type.
    pub fn tuple_elems(&self, id: TypeId) -> Vec<TypeId> {
        match self.get(id) {
            Type::Tuple(v) => v.clone(),
            _ => vec![id],
        }
    }

    /// The signature record of `id`'s underlying type.
    pub fn signature_of(&self, id: TypeId) -> Option<&Signature> {
        match self.under(id) {
            Type::Signature(s) => Some(s),
            _ => None,
        }
    }

    /// Iterates over all defined types (for whole-program passes such as method tables).
    pub fn nameds(&self) -> impl Iterator<Item = &Named> {
        self.nameds.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structural_types_are_interned() {
        let mut t = TypeTable::new();
        let int = TypeTable::basic(BasicKind::Int);
        let a = t.slice(int);
        let b = t.slice(int);
        assert_eq!(a, b);
        let p = t.pointer(a);
        assert_ne!(p, a);
        let s1 = t.signature(vec![int], vec![a], false);
        let s2 = t.signature(vec![int], vec![a], false);
        let s3 = t.signature(vec![int], vec![a], true);
        assert_eq!(s1, s2);
        assert_ne!(s1, s3);
        assert_eq!(t.underlying(p), p);
    }

    #[test]
    fn named_types_are_distinct_and_resolve_underlying() {
        let mut t = TypeTable::new();
        let n1 = t.new_named(ObjId(0));
        let n2 = t.new_named(ObjId(0));
        assert_ne!(n1, n2);
        assert_eq!(t.underlying(n1), TypeTable::INVALID);
        let int = TypeTable::basic(BasicKind::Int);
        t.named_mut(n1).unwrap().underlying = Some(int);
        t.named_mut(n2).unwrap().underlying = Some(n1);
        assert_eq!(t.underlying(n2), int);
        // A cycle must not hang.
        t.named_mut(n1).unwrap().underlying = Some(n2);
        assert_eq!(t.underlying(n2), TypeTable::INVALID);
    }

    #[test]
    fn instances_are_interned_by_arguments() {
        let mut t = TypeTable::new();
        let g = t.new_named(ObjId(3));
        let int = TypeTable::basic(BasicKind::Int);
        let (a, new_a) = t.instance(g, vec![int]);
        let (b, new_b) = t.instance(g, vec![int]);
        assert!(new_a && !new_b);
        assert_eq!(a, b);
        assert_eq!(t.named(a).unwrap().origin, Some(g));
        let (c, _) = t.instance(g, vec![TypeTable::basic(BasicKind::String)]);
        assert_ne!(a, c);
    }
}
