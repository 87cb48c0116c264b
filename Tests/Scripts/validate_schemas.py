#!/usr/bin/env python3
"""Validate every shipped rule file and example answer file against Anjian's JSON Schemas.

Usage: validate_schemas.py RULES_DIR EXAMPLES_DIR RULES_SCHEMA ANSWERS_SCHEMA
YAML is read by the 1.2 core schema as Anjian reads it (yes/no stay strings, dates stay strings).
"""
import glob
import json
import os
import re
import sys

import jsonschema
import yaml


class CoreSchemaLoader(yaml.SafeLoader):
    pass


# YAML 1.2 core schema: only true/false are booleans, and timestamps are plain strings.
CoreSchemaLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CoreSchemaLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def validate(files, schema_path, predicate):
    schema = json.load(open(schema_path, encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    checked, failed = 0, 0
    for path in sorted(files):
        document = yaml.load(open(path, encoding="utf-8"), Loader=CoreSchemaLoader)
        if not predicate(document):
            continue
        checked += 1
        errors = list(validator.iter_errors(document))
        failed += 1 if errors else 0
        for error in errors:
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: {where}: {error.message}")
    return checked, failed


def main():
    rules_dir, examples_dir, rules_schema, answers_schema = sys.argv[1:5]
    r_checked, r_failed = validate(glob.glob(os.path.join(rules_dir, "*.yaml")), rules_schema,
                                   lambda d: isinstance(d, dict) and "checklist" in d)
    a_checked, a_failed = validate(glob.glob(os.path.join(examples_dir, "*.yaml")), answers_schema,
                                   lambda d: isinstance(d, dict) and "anjian-answers" in d)
    print(f"{r_checked} rule files and {a_checked} answer files checked")
    print(f"schema check: {r_checked + a_checked - r_failed - a_failed} passed, {r_failed + a_failed} failed")
    sys.exit(1 if r_failed + a_failed else 0)


if __name__ == "__main__":
    main()
