#!/usr/bin/env python3
"""Compiles the resource catalogs catalog/heat.cat and catalog/cfn.cat.

Sources (facts only, see docs/catalog.md):
  ../shared/catalog-sources/heat-19/  resource_types.json, custom_constraints.json
      (dumped from OpenStack Heat 19.0.0, Apache-2.0)
  ../shared/catalog-sources/cfn/      us-east-1 registry schemas as stored by
      cfn-lint v1.51.5 (MIT-0), regions.json, schema-index.json
  catalog/cfn_getatt_rules.json       cfn-lint's GetAtt special cases
  catalog/region_supplement.json      reviewed region facts the data misses

Usage: tools/gen_catalog.py [SOURCES_DIR] [--check]
SOURCES_DIR defaults to ../shared/catalog-sources. Output is deterministic;
--check exits 1 when a committed catalog file is stale.

File layout (text, UTF-8), read by catalog/catalog.cpp:
  `# ...` header lines (sources and versions), then `@index N`, then N lines
  `TYPE<TAB>OFFSET<TAB>LENGTH`, sorted by TYPE (byte order), then `@records`,
  then one compact JSON object per type. OFFSET counts bytes from the first
  byte after the `@records` line. The loader reads the index on first use
  and decodes a type's JSON only when the type is first asked for.

Schema node keys (one JSON object per property):
  t type letters (s string, i integer, n number, b boolean, l list, m map,
    a any); r required; h hidden; ni not implemented; e allowed values;
  rg [min, max] range; ln [min, max] length; li [min, max] list length;
  pt pattern (ps: CloudFormation `search` semantics, else Python re.match);
  cc Heat custom constraint; fm cfn-lint format; id the kind of object the
  value names (region facts); rr the region that object must live in;
  al sibling names Heat's translation copies into this one; p children of
  a map (closed unless o); o open map; i list item node; $ a definition
  of the type's `d` table; u unchecked (anyOf/oneOf: too loose to check).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_SOURCES = os.path.join(ROOT, "..", "shared", "catalog-sources")
CATALOG_DIR = os.path.join(ROOT, "catalog")
SUPPLEMENT = os.path.join(CATALOG_DIR, "region_supplement.json")
GETATT_RULES = os.path.join(CATALOG_DIR, "cfn_getatt_rules.json")

HEAT_TYPES = {"string": "s", "integer": "i", "number": "n", "boolean": "b",
              "list": "l", "map": "m", "any": "a", "json": "m"}
CFN_TYPES = {"string": "s", "integer": "i", "number": "n", "boolean": "b",
             "array": "l", "object": "m"}
# OpenStack service types as the service catalog names them.
SERVICE_NAMES = {"volume": "block-storage", "volumev2": "block-storage",
                 "volumev3": "block-storage"}


def dump(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# --- Heat ---------------------------------------------------------------

def heat_status(obj):
    status = obj.get("support_status") or {}
    out = {}
    if obj.get("hidden"):
        out["h"] = 1
    if status.get("status") not in (None, "SUPPORTED"):
        out["st"] = status["status"]
    if (out and status.get("message")):
        out["m"] = status["message"]
    return out


def heat_node(prop):
    node = {"t": HEAT_TYPES.get(prop.get("type") or "any", "a")}
    if prop.get("required"):
        node["r"] = 1
    if prop.get("hidden"):
        node["h"] = 1
    if prop.get("implemented") is False:
        node["ni"] = 1
    if prop.get("allow_conversion"):
        node["ac"] = 1
    for c in prop.get("constraints") or []:
        kind = c["kind"]
        if kind == "AllowedValues":
            node["e"] = c["allowed_values"]
        elif kind == "AllowedPattern":
            node["pt"] = c["allowed_pattern"]
        elif kind == "Range":
            node["rg"] = [c.get("min"), c.get("max")]
        elif kind == "Length":
            node["ln"] = [c.get("min"), c.get("max")]
        elif kind == "CustomConstraint":
            node["cc"] = c["custom_constraint"]
    schema = prop.get("schema")
    if schema is not None:
        if node["t"] == "l" and "*" in schema:
            node["i"] = heat_node(schema["*"])
        elif node["t"] == "m":
            node["p"] = {k: heat_node(v) for k, v in schema.items()}
    return node


def heat_child(node, segment):
    if segment == "*":
        return node.get("i")
    return (node.get("p") or {}).get(segment)


def heat_find(props, path):
    """The node at a property path (list of segments), or None."""
    node = {"p": props}
    for segment in path:
        if node is None:
            return None
        if segment == "*" or isinstance(segment, int):
            node = node.get("i")
        else:
            node = heat_child(node, segment) or (
                node.get("i", {}).get("p", {}).get(segment)
                if "i" in node else None)
    return node


def heat_identity(client, finder, entity):
    if entity:
        return "%s.%s" % (client, entity)
    name = finder or ""
    for prefix in ("find_", "get_"):
        if name.startswith(prefix):
            name = name[len(prefix):]
    name = name.split("_by_")[0].replace("_id", "")
    return "%s.%s" % (client, name) if name else client


def heat_record(name, entry, constraints, types):
    kind = entry.get("registry_kind")
    if kind in ("alias", "glob_alias"):
        target = entry["alias_of"]
        rec = {"k": "alias", "a": target}
        base = types.get(target)
        if base and base.get("default_client") is not None:
            rec["sv"], rec["sc"] = heat_service(base)
        return rec
    rec = {"k": "template" if kind == "template" else "class"}
    rec.update(heat_status(entry))
    rec["sv"], rec["sc"] = heat_service(entry)
    if entry.get("is_stack_resource"):
        rec["stk"] = 1
    props = {k: heat_node(v) for k, v in (entry.get("properties") or {}).items()}
    # Which object a value names: client-backed custom constraints...
    for path, constraint in (entry.get("custom_constraint_properties") or {}).items():
        facts = constraints.get(constraint) or {}
        node = heat_find(props, path.split("."))
        if node is not None and facts.get("needs_live_service"):
            node["id"] = constraint
    # ... and Heat's translation rules: Resolve names an object; Replace
    # copies a (deprecated) sibling into a property.
    for rule in entry.get("translation_rules") or []:
        path = [p for p in rule.get("path") or []]
        node = heat_find(props, path)
        if node is None:
            continue
        if rule["rule"] == "Resolve":
            node.setdefault("id", heat_identity(rule.get("client_plugin"),
                                                rule.get("finder"),
                                                rule.get("entity")))
        elif rule["rule"] == "Replace":
            if rule.get("value_name"):
                alt = rule["value_name"]
            elif rule.get("value_path") and len(rule["value_path"]) == len(path):
                alt = rule["value_path"][-1]
            else:
                continue
            node.setdefault("al", [])
            if alt not in node["al"]:
                node["al"].append(alt)
    rec["p"] = props
    attrs = {}
    for attr_name, attr in (entry.get("attributes") or {}).items():
        attrs[attr_name] = heat_status(attr) or 1
    rec["at"] = attrs
    return rec


def heat_service(entry):
    client = entry.get("default_client")
    if client is None:
        return "orchestration", "regional"
    services = client.get("service_types") or []
    service = SERVICE_NAMES.get(services[0], services[0]) if services else client["name"]
    return service, "global" if services == ["identity"] else "regional"


def gen_heat(sources):
    base = os.path.join(sources, "heat-19")
    data = load_json(os.path.join(base, "resource_types.json"))
    constraints = load_json(os.path.join(base, "custom_constraints.json"))["constraints"]
    types = data["resource_types"]
    records = {name: heat_record(name, entry, constraints, types)
               for name, entry in types.items()}
    header = [
        "# isobar resource catalog: OpenStack Heat %s" % data["heat_version"],
        "# source: catalog-sources/heat-19/resource_types.json (%s, python %s)"
        % (data["generator"], data["python"]),
        "# licence of the facts: Apache-2.0 (openstack-heat)",
    ]
    return header, records


# --- CloudFormation -----------------------------------------------------

def cfn_node(schema):
    if not isinstance(schema, dict):
        return {"u": 1}
    if "$ref" in schema:
        ref = schema["$ref"]
        if ref.startswith("#/definitions/") and ref.count("/") == 2:
            return {"$": ref.split("/")[-1]}
        return {"u": 1}
    node = {}
    kind = schema.get("type")
    if isinstance(kind, list):
        node["t"] = "".join(sorted(CFN_TYPES.get(k, "a") for k in kind))
    elif kind:
        node["t"] = CFN_TYPES.get(kind, "a")
    if any(k in schema for k in ("anyOf", "oneOf", "allOf", "if", "not")):
        node["u"] = 1
    if "enum" in schema:
        node["e"] = schema["enum"]
    if "pattern" in schema and isinstance(schema["pattern"], str):
        node["pt"] = schema["pattern"]
        node["ps"] = 1
    if "minimum" in schema or "maximum" in schema:
        node["rg"] = [schema.get("minimum"), schema.get("maximum")]
    if "minLength" in schema or "maxLength" in schema:
        node["ln"] = [schema.get("minLength"), schema.get("maxLength")]
    if "minItems" in schema or "maxItems" in schema:
        node["li"] = [schema.get("minItems"), schema.get("maxItems")]
    fmt = schema.get("format")
    if isinstance(fmt, str):
        node["fm"] = fmt
        if fmt.startswith("AWS::"):
            node["id"] = fmt
    # `anyOf` of formats naming one service's objects (a security group by
    # id or by name, a KMS key by id or alias) still names a regional
    # object of that service.
    alternatives = [a.get("format") for a in schema.get("anyOf") or []
                    if isinstance(a, dict)]
    # One service's objects: a KMS key by id, ARN or alias.
    kinds = {"::".join(f.split(".")[0].split("::")[:2])
             for f in alternatives if isinstance(f, str)}
    if ("id" not in node and alternatives and len(kinds) == 1 and
            all(isinstance(f, str) and f.startswith("AWS::") for f in alternatives)):
        node["id"] = alternatives[0]
    ref = schema.get("relationshipRef")
    if isinstance(ref, dict) and ref.get("typeName") and "id" not in node:
        node["id"] = "%s.%s" % (ref["typeName"], ref.get("propertyPath", "").split("/")[-1])
    if "items" in schema:
        node["i"] = cfn_node(schema["items"])
    if "properties" in schema:
        required = set(schema.get("required") or [])
        children = {}
        for key, value in schema["properties"].items():
            child = cfn_node(value)
            if key in required:
                child["r"] = 1
            children[key] = child
        node["p"] = children
        if schema.get("additionalProperties", True) is not False or "patternProperties" in schema:
            node["o"] = 1
    elif node.get("t") == "m" or "patternProperties" in schema:
        node["o"] = 1
    return node


def cfn_read_only(schema):
    names = []
    for pointer in schema.get("readOnlyProperties") or []:
        parts = pointer.split("/")[2:]
        names.append(".".join(parts))
    return sorted(set(names))


def cfn_record(name, schema, region_mask, getatt_rules):
    rec = {"k": "class", "sv": name.split("::")[1].lower(), "sc": "regional"}
    props = {}
    required = set(schema.get("required") or [])
    read_only = cfn_read_only(schema)
    read_only_top = {a.split(".")[0] for a in read_only}
    for key, value in (schema.get("properties") or {}).items():
        child = cfn_node(value)
        if key in required:
            child["r"] = 1
        if key in read_only_top and key not in required:
            child["ro"] = 1
        props[key] = child
    rec["p"] = props
    defs = schema.get("definitions") or {}
    if defs:
        rec["d"] = {k: cfn_node(v) for k, v in defs.items()}
    attrs = {a: 1 for a in read_only}
    for extra in getatt_rules["exceptions"].get(name, []):
        attrs[extra] = 1
    rec["at"] = attrs
    if name in getatt_rules["all_property_types"]:
        rec["ap"] = 1
    rec["rgn"] = region_mask
    return rec


def gen_cfn(sources):
    base = os.path.join(sources, "cfn")
    regions = load_json(os.path.join(base, "regions.json"))
    index = load_json(os.path.join(base, "schema-index.json"))
    getatt_rules = load_json(GETATT_RULES)
    region_names = sorted(regions)
    available = {}
    for bit, region in enumerate(region_names):
        for type_name in regions[region]:
            available[type_name] = available.get(type_name, 0) | (1 << bit)
    records = {}
    for name in sorted(index):
        if name.count("::") != 2:
            continue  # `Module`: cfn-lint's placeholder, not a type
        entries = index[name]
        chosen = next((e for e in entries if "us-east-1" in e["regions"]), entries[0])
        schema = load_json(os.path.join(base, chosen["file"]))
        records[name] = cfn_record(name, schema, "%x" % available.get(name, 0),
                                   getatt_rules)
    header = [
        "# isobar resource catalog: AWS CloudFormation registry schemas",
        "# source: catalog-sources/cfn (cfn-lint v1.51.5 @ 28d30d8b, schemas 2026-06-15;"
        " MIT-0); us-east-1 schema, else the first regional variant",
        "# getatt: catalog/cfn_getatt_rules.json (cfn-lint _getatts.py)",
        "# regions (rgn bit order): " + " ".join(region_names),
    ]
    return header, records


# --- Supplement and output ----------------------------------------------

def apply_supplement(catalogs):
    supplement = load_json(SUPPLEMENT)
    for entry in supplement["entries"]:
        records = catalogs[entry["catalog"]][1]
        if "type_prefix" in entry:
            names = [n for n in records if n.startswith(entry["type_prefix"])]
        else:
            names = [entry["type"]]
        for name in names:
            rec = records[name]
            if "scope" in entry:
                rec["sc"] = entry["scope"]
            if "path" in entry:
                node = find_path(rec, entry["path"].split("."))
                if node is None:
                    raise SystemExit("supplement: no property %s.%s" % (name, entry["path"]))
                if "identity" in entry:
                    node["id"] = entry["identity"]
                if "region" in entry:
                    node["rr"] = entry["region"]


def find_path(rec, path, through_lists=False):
    node = {"p": rec.get("p", {})}
    for segment in path:
        while "$" in node:
            node = rec["d"][node["$"]]
        # The relationship map's paths do not mark list items.
        while through_lists and segment != "*" and "i" in node and "p" not in node:
            node = node["i"]
            while "$" in node:
                node = rec["d"][node["$"]]
        if segment == "*":
            # Heat lists without an item schema take any string: the
            # supplement gives their items one.
            if "i" not in node and node.get("t") == "l":
                node["i"] = {"t": "s"}
            node = node.get("i")
        else:
            node = (node.get("p") or {}).get(segment)
        if node is None:
            return None
    while "$" in node:
        node = rec["d"][node["$"]]
    return node


def render(header, records):
    lines = []
    offset = 0
    body = []
    for name in sorted(records, key=lambda n: n.encode("utf-8")):
        text = dump(records[name]) + "\n"
        size = len(text.encode("utf-8"))
        lines.append("%s\t%d\t%d" % (name, offset, size - 1))
        body.append(text)
        offset += size
    out = header + ["@index %d" % len(lines)] + lines + ["@records"]
    return "\n".join(out) + "\n" + "".join(body)


# The language server's relationship map says which resource types a
# property may name. Only objects that can never be used from another
# region count as identity: network, compute and storage objects, keys,
# certificates. Objects that are legal across regions (S3 buckets as
# origins, SNS endpoints, replication sources) are left out, and so are
# tags and `Peer*` properties (VPC and transit gateway peering across
# regions is legal).
LSP_IDENTITY_TARGETS = (
    "AWS::EC2::", "AWS::KMS::", "AWS::EFS::", "AWS::ElasticLoadBalancingV2::",
    "AWS::ElasticLoadBalancing::", "AWS::CertificateManager::",
    "AWS::RDS::DBSubnetGroup", "AWS::RDS::DBParameterGroup",
    "AWS::RDS::DBClusterParameterGroup", "AWS::RDS::OptionGroup",
    "AWS::ElastiCache::SubnetGroup", "AWS::ECS::Cluster", "AWS::EKS::Cluster",
    "AWS::DocDB::DBSubnetGroup", "AWS::Neptune::DBSubnetGroup",
    "AWS::Redshift::ClusterSubnetGroup",
)


def apply_lsp_relationships(sources, records):
    path = os.path.join(sources, "cfn", "lsp-relationship_schemas.json")
    relations = load_json(path)
    for key, entries in relations.items():
        name = key.replace("-", "::")
        rec = records.get(name)
        if rec is None:
            continue
        for entry in entries:
            for prop, targets in entry.items():
                segments = prop.split("/")
                if any(s in ("Tags", "Tag") or s.startswith("Peer") for s in segments):
                    continue
                target = next((t for t in targets
                               if t["typeName"].startswith(LSP_IDENTITY_TARGETS)), None)
                if target is None:
                    continue
                node = find_path(rec, segments, through_lists=True)
                if node is None:
                    continue
                while "i" in node:
                    node = node["i"]
                    while "$" in node:
                        node = rec["d"][node["$"]]
                node.setdefault("id", "%s.%s" % (target["typeName"],
                                                 target["attribute"].split("/")[-1]))


# A global consumer (Route 53, CloudFront, IAM) may name objects of any
# region, unless the property fixes the region (CloudFront's certificate).
def drop_global_identities(records):
    def strip(node, seen):
        if not isinstance(node, dict) or id(node) in seen:
            return
        seen.add(id(node))
        if "id" in node and "rr" not in node:
            del node["id"]
        for child in (node.get("p") or {}).values():
            strip(child, seen)
        strip(node.get("i"), seen)
    for rec in records.values():
        if rec.get("sc") != "global":
            continue
        seen = set()
        for child in (rec.get("p") or {}).values():
            strip(child, seen)
        for child in (rec.get("d") or {}).values():
            strip(child, seen)


def generate(sources):
    catalogs = {"heat": gen_heat(sources), "cfn": gen_cfn(sources)}
    apply_lsp_relationships(sources, catalogs["cfn"][1])
    apply_supplement(catalogs)
    drop_global_identities(catalogs["cfn"][1])
    return {os.path.join(CATALOG_DIR, name + ".cat"): render(*catalogs[name])
            for name in ("heat", "cfn")}


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    sources = args[0] if args else DEFAULT_SOURCES
    outputs = generate(sources)
    status = 0
    for path, text in outputs.items():
        if check:
            current = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
            if current != text:
                print("%s is stale; run tools/gen_catalog.py" % path)
                status = 1
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
