//! A small OpenAPI 3.0 schema validator, enough to check response fixtures
//! against the spec.
//!
//! Supported: `$ref` (any local JSON pointer, e.g. `#/components/schemas/x`;
//! siblings of a `$ref` are ignored, as OpenAPI 3.0 says), `type` (`object`,
//! `array`, `string`, `integer`, `number`, `boolean`), `nullable`,
//! `properties`, `required`, `items`, `enum`, `allOf` (every branch must
//! hold), `oneOf` / `anyOf` (at least one branch must hold; `oneOf` is not
//! held to "exactly one" because the spec's branches overlap — objects
//! without `additionalProperties: false` match each other), and
//! `additionalProperties` (a schema, or `false`). `format`, `description`,
//! `example`, `x-*` and the rest are ignored.
//!
//! Every mismatch is collected with its JSON path (`$.data[0].role`).

use serde_json::Value;

/// Nesting deeper than this is reported as a (probably cyclic) schema error.
const MAX_DEPTH: usize = 128;

/// Validates instances against schemas of one OpenAPI document.
pub struct Validator<'a> {
    root: &'a Value,
}

impl<'a> Validator<'a> {
    /// A validator resolving `$ref`s in `root` (the whole OpenAPI document).
    pub fn new(root: &'a Value) -> Self {
        Validator { root }
    }

    /// Every mismatch of `instance` against `schema`, as `path: message`.
    /// Empty when the instance is valid.
    pub fn validate(&self, schema: &Value, instance: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        self.check(schema, instance, "$", 0, &mut errors);
        errors
    }

    /// Validate against `#/components/schemas/<name>`.
    pub fn validate_component(&self, name: &str, instance: &Value) -> Vec<String> {
        let schema = serde_json::json!({ "$ref": format!("#/components/schemas/{name}") });
        self.validate(&schema, instance)
    }

    fn resolve(&self, reference: &str) -> Option<&'a Value> {
        let pointer = reference.strip_prefix('#')?;
        self.root.pointer(pointer)
    }

    fn check(
        &self,
        schema: &Value,
        inst: &Value,
        at: &str,
        depth: usize,
        errors: &mut Vec<String>,
    ) {
        if depth > MAX_DEPTH {
            errors.push(format!(
                "{at}: schema nesting exceeds {MAX_DEPTH} (cyclic $ref?)"
            ));
            return;
        }
        let Some(s) = schema.as_object() else {
            // `true`/`{}`-like schemas accept anything; anything else is a bad schema.
            if schema != &Value::Bool(true) {
                errors.push(format!("{at}: unsupported schema {schema}"));
            }
            return;
        };

        if let Some(r) = s.get("$ref") {
            let Some(r) = r.as_str() else {
                errors.push(format!("{at}: `$ref` is not a string"));
                return;
            };
            match self.resolve(r) {
                Some(target) => self.check(target, inst, at, depth + 1, errors),
                None => errors.push(format!("{at}: unresolvable $ref `{r}`")),
            }
            return;
        }

        if inst.is_null() {
            if s.get("nullable").and_then(Value::as_bool) == Some(true) {
                return;
            }
            if let Some(t) = s.get("type").and_then(Value::as_str) {
                errors.push(format!("{at}: null, but the schema is a non-nullable {t}"));
                return;
            }
        }

        if let Some(t) = s.get("type") {
            let Some(t) = t.as_str() else {
                errors.push(format!("{at}: `type` is not a string: {t}"));
                return;
            };
            if !has_type(inst, t) {
                errors.push(format!("{at}: expected {t}, got {}", describe(inst)));
                return;
            }
        }

        if let Some(values) = s.get("enum").and_then(Value::as_array) {
            if !values.contains(inst) {
                errors.push(format!(
                    "{at}: {inst} is not one of the enum values {}",
                    Value::Array(values.clone())
                ));
            }
        }

        if let Some(obj) = inst.as_object() {
            let props = s.get("properties").and_then(Value::as_object);
            if let Some(props) = props {
                for (name, sub) in props {
                    if let Some(v) = obj.get(name) {
                        self.check(sub, v, &format!("{at}.{name}"), depth + 1, errors);
                    }
                }
            }
            if let Some(required) = s.get("required").and_then(Value::as_array) {
                for name in required.iter().filter_map(Value::as_str) {
                    if !obj.contains_key(name) {
                        errors.push(format!("{at}: missing required property `{name}`"));
                    }
                }
            }
            match s.get("additionalProperties") {
                Some(Value::Bool(false)) => {
                    for name in obj.keys() {
                        if !props.is_some_and(|p| p.contains_key(name)) {
                            errors.push(format!("{at}: property `{name}` is not allowed"));
                        }
                    }
                }
                Some(extra @ Value::Object(_)) => {
                    for (name, v) in obj {
                        if !props.is_some_and(|p| p.contains_key(name)) {
                            self.check(extra, v, &format!("{at}.{name}"), depth + 1, errors);
                        }
                    }
                }
                _ => {}
            }
        }

        if let (Some(items), Some(arr)) = (s.get("items"), inst.as_array()) {
            for (i, v) in arr.iter().enumerate() {
                self.check(items, v, &format!("{at}[{i}]"), depth + 1, errors);
            }
        }

        if let Some(all) = s.get("allOf").and_then(Value::as_array) {
            for sub in all {
                self.check(sub, inst, at, depth + 1, errors);
            }
        }

        for keyword in ["oneOf", "anyOf"] {
            if let Some(branches) = s.get(keyword).and_then(Value::as_array) {
                let mut failures = Vec::new();
                let mut matched = false;
                for (i, sub) in branches.iter().enumerate() {
                    let mut errs = Vec::new();
                    self.check(sub, inst, at, depth + 1, &mut errs);
                    if errs.is_empty() {
                        matched = true;
                        break;
                    }
                    failures.push(format!("branch {i}: {}", errs.join("; ")));
                }
                if !matched {
                    errors.push(format!(
                        "{at}: matches none of the {} {keyword} branches ({})",
                        branches.len(),
                        failures.join(" | ")
                    ));
                }
            }
        }
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "number" => v.is_number(),
        // 3 and 3.0 are both integers; 3.5 is not.
        "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
        _ => false,
    }
}

fn describe(v: &Value) -> String {
    let kind = match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    let text = v.to_string();
    if text.len() > 60 {
        format!("{kind} {}…", text.chars().take(60).collect::<String>())
    } else {
        format!("{kind} {text}")
    }
}
