//! The part of the schema a dataset's vocabulary writes: the `Predicate` enum and, on each
//! entity type, typed relationship fields (`Person.handedFlagTo`, `Place.homeOf`) with their
//! `…Connection` twins that carry each relation's evidence.
//!
//! async-graphql builds a static schema's registry from `create_type_info` functions that take
//! no arguments, so the vocabulary reaches them through [`building`], a thread-local set for the
//! duration of `Schema::build` (which is synchronous). Everything else about these types stays
//! compiled and checked: the entity types' own fields come from `#[Object]`, and a typed field
//! resolves through the same `RelationConnection` and `Entity` views as `relations`.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::parser::types::Field;
use async_graphql::registry::{
    MetaEnumValue, MetaField, MetaInputValue, MetaType, MetaTypeId, Registry,
};
use async_graphql::{
    Context, ContextSelectionSet, InputType, InputValueError, InputValueResult, Name, OutputType,
    Positioned, ServerResult, Value,
};

use super::entity::{Entity, EntityRef, Include, entity};
use super::error::{ErrorCode, error};
use super::paging::PageArgs;
use super::views::RelationConnection;
use crate::graph::{
    self, ClaimId, Direction, EntityId, EntityKind, KnowledgeGraph, PredicateDef, Vocabulary,
};

/// Which way a typed field follows its predicate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Way {
    /// Subject to object (`handedFlagTo`).
    Forward,
    /// Object to subject (`receivedFlagFrom`).
    Inverse,
    /// Either way (a symmetric predicate's one field).
    Both,
}

impl Way {
    fn direction(self) -> Direction {
        match self {
            Way::Forward => Direction::Outgoing,
            Way::Inverse => Direction::Incoming,
            Way::Both => Direction::Both,
        }
    }
}

/// One typed relationship field of one entity type.
#[derive(Clone, Debug)]
pub(crate) struct TypedField {
    /// The predicate followed.
    pub predicate: graph::Predicate,
    /// Which way.
    pub way: Way,
    /// True for the `…Connection` twin.
    pub connection: bool,
    /// The GraphQL type of the entities it returns (`Person`, or `Entity` for several kinds).
    pub target: String,
    /// Its documentation.
    pub description: String,
}

/// Every typed relationship field of every entity type, and the `Predicate` enum's values.
#[derive(Clone, Debug, Default)]
pub(crate) struct TypedFields {
    /// Per entity kind, field name to field, in vocabulary order.
    by_kind: Vec<Vec<(String, TypedField)>>,
    /// Per entity kind, field name to its position in `by_kind`.
    index: Vec<HashMap<String, usize>>,
    /// `Predicate` enum values: name and description.
    pub predicates: Vec<(String, String)>,
}

impl TypedFields {
    /// The fields a vocabulary gives each entity type.
    pub fn new(vocabulary: &Vocabulary) -> TypedFields {
        let mut by_kind: Vec<Vec<(String, TypedField)>> = vec![Vec::new(); EntityKind::ALL.len()];
        for (p, def) in vocabulary.ids().zip(vocabulary.predicates()) {
            for side in sides(def) {
                let target = match side.reaching {
                    [one] => type_name(*one).to_owned(),
                    _ => "Entity".to_owned(),
                };
                // The loader refuses two fields of one name on one type.
                for &kind in side.on {
                    let fields = &mut by_kind[kind as usize];
                    let field = |connection: bool, description: String| TypedField {
                        predicate: p,
                        way: side.way,
                        connection,
                        target: target.clone(),
                        description,
                    };
                    fields.push((side.field.clone(), field(false, side.description.clone())));
                    fields.push((
                        format!("{}Connection", side.field),
                        field(
                            true,
                            format!(
                                "`{}` as a cursor connection of relations, each with its evidence and qualifiers.",
                                side.field
                            ),
                        ),
                    ));
                }
            }
        }
        let index = by_kind
            .iter()
            .map(|fields| {
                fields
                    .iter()
                    .enumerate()
                    .map(|(i, (name, _))| (name.clone(), i))
                    .collect()
            })
            .collect();
        TypedFields {
            by_kind,
            index,
            predicates: vocabulary
                .predicates()
                .iter()
                .map(|d| (d.name.clone(), d.description.clone()))
                .collect(),
        }
    }

    /// The typed fields of one entity kind, in schema order.
    pub fn of(&self, kind: EntityKind) -> &[(String, TypedField)] {
        &self.by_kind[kind as usize]
    }

    fn get(&self, kind: EntityKind, name: &str) -> Option<&TypedField> {
        self.index[kind as usize]
            .get(name)
            .map(|&i| &self.by_kind[kind as usize][i].1)
    }
}

/// One way of reading a predicate: the field it makes, on which kinds, reaching which.
struct Side<'v> {
    way: Way,
    field: String,
    on: &'v [EntityKind],
    reaching: &'v [EntityKind],
    description: String,
}

/// The ways a predicate reads: forwards and backwards, or once both ways when symmetric.
fn sides(def: &PredicateDef) -> Vec<Side<'_>> {
    let name = &def.name;
    if def.symmetric {
        return vec![Side {
            way: Way::Both,
            field: def.field_name(),
            on: &def.subject,
            reaching: &def.object,
            description: format!(
                "{} The entities joined to this one by `{name}`, either way.",
                def.description
            ),
        }];
    }
    let inverse = def.inverse.as_deref().unwrap_or(name);
    vec![
        Side {
            way: Way::Forward,
            field: def.field_name(),
            on: &def.subject,
            reaching: &def.object,
            description: format!(
                "{} The objects of this entity's `{name}` relations.",
                def.description
            ),
        },
        Side {
            way: Way::Inverse,
            field: def.inverse_field_name().unwrap_or_default(),
            on: &def.object,
            reaching: &def.subject,
            description: format!(
                "`{name}` read backwards ({inverse}): the subjects of `{name}` relations whose object is this entity. {}",
                def.description
            ),
        },
    ]
}

/// The GraphQL object type of an entity kind.
pub fn type_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Group => "Group",
        EntityKind::Country => "Country",
        EntityKind::Place => "Place",
        EntityKind::Organization => "Organization",
        EntityKind::Event => "Event",
        EntityKind::Work => "Work",
    }
}

thread_local! {
    static BUILDING: RefCell<Option<Arc<TypedFields>>> = const { RefCell::new(None) };
}

/// Runs `build` (a `Schema::build`) with `fields` visible to the types' `create_type_info`.
pub(crate) fn building<R>(fields: &Arc<TypedFields>, build: impl FnOnce() -> R) -> R {
    struct Reset(Option<Arc<TypedFields>>);
    impl Drop for Reset {
        fn drop(&mut self) {
            BUILDING.with(|b| *b.borrow_mut() = self.0.take());
        }
    }
    let _reset = Reset(BUILDING.with(|b| b.borrow_mut().replace(fields.clone())));
    build()
}

fn current() -> Arc<TypedFields> {
    BUILDING.with(|b| b.borrow().clone()).expect(
        "the schema's vocabulary types are registered inside `vocabulary::building` (schema::build_schema does this)",
    )
}

/// A predicate of the dataset's vocabulary, as a value of the GraphQL `Predicate` enum.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Predicate(pub Name);

impl Predicate {
    /// The enum value of a graph predicate.
    pub(crate) fn of(kg: &KnowledgeGraph, predicate: graph::Predicate) -> Predicate {
        Predicate(Name::new(kg.vocabulary().name(predicate)))
    }

    /// The graph predicate this value names.
    pub(crate) fn resolve(&self, kg: &KnowledgeGraph) -> async_graphql::Result<graph::Predicate> {
        kg.vocabulary().find(self.0.as_str()).ok_or_else(|| {
            error(
                ErrorCode::InvalidArguments,
                format!("unknown predicate {}", self.0),
            )
        })
    }
}

/// The graph predicates of an optional list of enum values.
pub(crate) fn resolve_all(
    kg: &KnowledgeGraph,
    values: &Option<Vec<Predicate>>,
) -> async_graphql::Result<Vec<graph::Predicate>> {
    values.iter().flatten().map(|p| p.resolve(kg)).collect()
}

fn predicate_enum(registry: &mut Registry) -> MetaType {
    let _ = registry;
    let fields = current();
    MetaType::Enum {
        name: "Predicate".into(),
        description: Some(
            "The dataset's vocabulary of relation predicates (its `vocabulary.jsonl`). `predicates` on the query root lists each with the entity kinds it allows, its inverse and its typed fields.".into(),
        ),
        enum_values: fields
            .predicates
            .iter()
            .map(|(name, description)| {
                let mut value = MetaEnumValue::new(name.clone());
                value.description = Some(description.clone());
                (name.clone(), value)
            })
            .collect(),
        visible: None,
        inaccessible: false,
        tags: vec![],
        rust_typename: Some(std::any::type_name::<Predicate>()),
        directive_invocations: vec![],
        requires_scopes: vec![],
    }
}

impl InputType for Predicate {
    type RawValueType = Self;

    fn type_name() -> Cow<'static, str> {
        Cow::Borrowed("Predicate")
    }

    fn create_type_info(registry: &mut Registry) -> String {
        registry.create_input_type::<Self, _>(MetaTypeId::Enum, predicate_enum)
    }

    fn parse(value: Option<Value>) -> InputValueResult<Self> {
        // Validation has already checked the name against the enum's values.
        match value {
            Some(Value::Enum(name)) => Ok(Predicate(name)),
            Some(Value::String(name)) => Ok(Predicate(Name::new(name))),
            other => Err(InputValueError::expected_type(other.unwrap_or_default())),
        }
    }

    fn to_value(&self) -> Value {
        Value::Enum(self.0.clone())
    }

    fn as_raw_value(&self) -> Option<&Self::RawValueType> {
        Some(self)
    }
}

impl OutputType for Predicate {
    fn type_name() -> Cow<'static, str> {
        Cow::Borrowed("Predicate")
    }

    fn create_type_info(registry: &mut Registry) -> String {
        registry.create_output_type::<Self, _>(MetaTypeId::Enum, predicate_enum)
    }

    async fn resolve(
        &self,
        _ctx: &ContextSelectionSet<'_>,
        _field: &Positioned<Field>,
    ) -> ServerResult<Value> {
        Ok(Value::Enum(self.0.clone()))
    }
}

fn argument(name: &str, ty: &str, default: Option<&str>, description: &str) -> MetaInputValue {
    let mut argument = MetaInputValue::new(name, ty);
    argument.description = Some(description.into());
    argument.default_value = default.map(Into::into);
    argument
}

/// Adds the typed relationship fields of `kind` to its object type, registered as `name`.
pub(crate) fn register_fields(registry: &mut Registry, name: &str, kind: EntityKind) {
    let typed = current();
    // The fields' types must exist in the registry by the time it is checked.
    <RelationConnection<'_> as OutputType>::create_type_info(registry);
    <Entity<'_> as OutputType>::create_type_info(registry);
    let Some(MetaType::Object { fields, .. }) = registry.types.get_mut(name) else {
        return;
    };
    for (field_name, field) in typed.of(kind) {
        let mut args = vec![
            argument(
                "includeInferred",
                "Boolean!",
                Some("true"),
                "Also follow relations a dataset marks as inferred (joined from several sentences rather than stated by one).",
            ),
            argument(
                "includeHeadlines",
                "Boolean!",
                Some("true"),
                "Also follow relations whose only evidence is a related-article headline printed after a report.",
            ),
        ];
        let ty = if field.connection {
            args.extend([
                argument("first", "Int", None, "The first N relations (1 to 100; 20 when neither `first` nor `last` is given)."),
                argument("after", "String", None, "Relations after this cursor."),
                argument("last", "Int", None, "The last N relations (1 to 100)."),
                argument("before", "String", None, "Relations before this cursor."),
            ]);
            "RelationConnection!".to_owned()
        } else {
            format!("[{}!]!", field.target)
        };
        let mut meta = MetaField::new(field_name.clone(), ty);
        meta.description = Some(field.description.clone());
        meta.args = args.into_iter().map(|a| (a.name.clone(), a)).collect();
        fields.insert(field_name.clone(), meta);
    }
}

/// Resolves a typed relationship field of an entity, or `None` when `ctx`'s field is not one.
pub(crate) async fn resolve_field(
    entity_ref: EntityRef<'_>,
    ctx: &Context<'_>,
) -> ServerResult<Option<Value>> {
    let kg = entity_ref.kg;
    let typed = ctx.data_unchecked::<Arc<TypedFields>>();
    let name = ctx.item.node.name.node.as_str();
    let Some(field) = typed.get(kg.entity(entity_ref.id).kind, name) else {
        return Ok(None);
    };
    let flag = |name: &str| {
        ctx.param_value::<bool>(name, Some(|| true))
            .map(|(_, value)| value)
    };
    let include = Include {
        inferred: flag("includeInferred")?,
        headlines: flag("includeHeadlines")?,
        retracted: false,
    };
    let claims: Vec<ClaimId> = kg
        .claims_of(entity_ref.id, field.way.direction())
        .into_iter()
        .filter(|&c| {
            let claim = kg.claim(c);
            claim.predicate == field.predicate && include.allows(claim)
        })
        .collect();
    let selection = ctx.with_selection_set(&ctx.item.node.selection_set);
    if field.connection {
        let page = |name: &str| {
            ctx.param_value::<Option<i32>>(name, Some(|| None))
                .map(|(_, v)| v)
        };
        let cursor = |name: &str| {
            ctx.param_value::<Option<String>>(name, Some(|| None))
                .map(|(_, v)| v)
        };
        let args = PageArgs {
            first: page("first")?,
            after: cursor("after")?,
            last: page("last")?,
            before: cursor("before")?,
        };
        let connection = RelationConnection::new(kg, Some(entity_ref.id), claims, &args)
            .map_err(|e| ctx.set_error_path(e.into_server_error(ctx.item.pos)))?;
        return OutputType::resolve(&connection, &selection, ctx.item)
            .await
            .map(Some);
    }
    // The entities at the other end, each once, in the order of their first relation.
    let mut seen = Vec::new();
    let mut others: Vec<Entity<'_>> = Vec::new();
    for c in claims {
        let claim = kg.claim(c);
        let other: EntityId = if claim.subject == entity_ref.id && field.way != Way::Inverse {
            claim.object
        } else {
            claim.subject
        };
        if !seen.contains(&other) {
            seen.push(other);
            others.push(entity(kg, other));
        }
    }
    OutputType::resolve(&others, &selection, ctx.item)
        .await
        .map(Some)
}

/// Writes an entity type by hand around its `#[Object]` fields, adding the typed fields.
macro_rules! typed_entity {
    ($wrapper:ident, $fields:ident, $kind:expr) => {
        impl async_graphql::OutputType for $wrapper<'_> {
            fn type_name() -> std::borrow::Cow<'static, str> {
                <$fields<'_> as async_graphql::OutputType>::type_name()
            }

            fn create_type_info(registry: &mut async_graphql::registry::Registry) -> String {
                let qualified =
                    <$fields<'_> as async_graphql::OutputType>::create_type_info(registry);
                let name = <$fields<'_> as async_graphql::OutputType>::type_name();
                $crate::schema::vocabulary::register_fields(registry, &name, $kind);
                // async-graphql's Interface derive cannot say that an interface implements
                // another; every entity type is a `Node`, so `Entity` is one too.
                registry.add_implements("Entity", "Node");
                qualified
            }

            async fn resolve(
                &self,
                ctx: &async_graphql::ContextSelectionSet<'_>,
                _field: &async_graphql::Positioned<async_graphql::parser::types::Field>,
            ) -> async_graphql::ServerResult<async_graphql::Value> {
                async_graphql::resolver_utils::resolve_container(ctx, self).await
            }
        }

        impl async_graphql::ContainerType for $wrapper<'_> {
            async fn resolve_field(
                &self,
                ctx: &async_graphql::Context<'_>,
            ) -> async_graphql::ServerResult<Option<async_graphql::Value>> {
                // The type's own fields first: they are most of what is asked.
                match async_graphql::ContainerType::resolve_field(&self.0, ctx).await? {
                    Some(value) => Ok(Some(value)),
                    None => $crate::schema::vocabulary::resolve_field((self.0).0, ctx).await,
                }
            }
        }

        impl async_graphql::ObjectType for $wrapper<'_> {}
    };
}

pub(crate) use typed_entity;
