#!/usr/bin/env python3
"""Writes micronaut-app/src/main/openapi/hyperswitch-components.yml: the component schemas of Hyperswitch's
v1 spec (the contract tests' copy, micronaut-app/src/test/resources/openapi/hyperswitch-v1.json, with its
fixes) that Tender's operations refer to, with every schema they refer to in turn. micronaut-openapi merges
the file into the OpenAPI description it generates (openapi.properties: micronaut.openapi.additional.files).
Run it again after the reference spec or the list of ROOTS changes:
    python3 tools/openapi_components.py
"""
import json
import pathlib
import re
import sys

import yaml  # PyYAML

ROOT = pathlib.Path(__file__).resolve().parent.parent
SPEC = ROOT / "micronaut-app/src/test/resources/openapi/hyperswitch-v1.json"
OUT = ROOT / "micronaut-app/src/main/openapi/hyperswitch-components.yml"

# the request and response schemas the controllers name in their annotations
ROOTS = [
    "PaymentsRequest", "PaymentsCaptureRequest",
    "PaymentsCancelRequest", "PaymentsCancelPostCaptureRequest", "PaymentsIncrementalAuthorizationRequest",
    "PaymentsCompleteAuthorizeRequest", "PaymentsUpdateMetadataRequest", "PaymentsUpdateMetadataResponse",
    "PaymentsResponse", "PaymentListResponse",
    "RefundRequest", "RefundResponse", "RefundListRequest", "RefundListResponse",
    "MerchantAccountCreate", "MerchantAccountUpdate", "MerchantAccountResponse", "MerchantAccountDeleteResponse",
    "MerchantConnectorCreate", "MerchantConnectorUpdate", "MerchantConnectorResponse",
    "MerchantConnectorListResponse", "MerchantConnectorDeleteResponse",
    "CreateApiKeyRequest", "CreateApiKeyResponse", "UpdateApiKeyRequest", "RetrieveApiKeyResponse",
    "RevokeApiKeyResponse",
    "MandateResponse", "MandateRevokedResponse",
    "CustomerRequest", "CustomerUpdateRequest", "CustomerResponse", "CustomerDeleteResponse",
    "EventListConstraints", "TotalEventsResponse", "EventRetrieveResponse",
]

# arrays the list endpoints answer, named so that every operation's response is a $ref
LISTS = {
    "MerchantAccountList": ("MerchantAccountResponse", "The merchant accounts that are not deleted, oldest first"),
    "MerchantConnectorList": ("MerchantConnectorListResponse",
                              "A merchant's connector accounts that are not deleted, in routing order"),
    "ApiKeyList": ("RetrieveApiKeyResponse", "A merchant's API keys that are not revoked, oldest first"),
    "MandateList": ("MandateResponse", "A customer's mandates, oldest first"),
    "CustomerList": ("CustomerResponse", "A merchant's customers that are not deleted, oldest first"),
}

# bodies Hyperswitch's spec has no schema for: Tender takes an empty object (or no body) there
EMPTY_BODIES = {
    "MandateRevokeRequest": "No fields: the mandate is named by the path",
}


def refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            found.add(ref.rsplit("/", 1)[1])
        for value in node.values():
            refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)


def name_alternatives(owner, node, out):
    """micronaut-openapi (6.20) keeps only the first of several inline object schemas in a oneOf/anyOf when it
    merges the file: each inline object alternative becomes a component of its own, named after its owner and
    what tells it apart (its one required property, or the value of its type property), and is referred to."""
    if isinstance(node, list):
        return [name_alternatives(owner, value, out) for value in node]
    if not isinstance(node, dict):
        return node
    node = {key: name_alternatives(owner, value, out) for key, value in node.items()}
    for key in ("oneOf", "anyOf"):
        if key not in node:
            continue
        named = []
        for i, alternative in enumerate(node[key]):
            if "$ref" in alternative or alternative.get("type", "object") != "object":
                named.append(alternative)
                continue
            props = alternative.get("properties", {})
            tag = props.get("type", {}).get("enum", [None])[0] if "type" in props else None
            required = alternative.get("required", [])
            suffix = tag or (required[0] if len(required) == 1 else None) or str(i + 1)
            name = owner + "_" + re.sub(r"[^A-Za-z0-9_]", "_", str(suffix))
            while name in out:
                name += "_"
            out[name] = alternative
            named.append({"$ref": "#/components/schemas/" + name})
        node[key] = named
    return node


def main():
    schemas = json.loads(SPEC.read_text())["components"]["schemas"]
    wanted, todo = set(), list(ROOTS)
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        if name not in schemas:
            sys.exit(f"{name} is not a component of {SPEC.name}")
        wanted.add(name)
        found = set()
        refs(schemas[name], found)
        todo.extend(found - wanted)
    out = {name: schemas[name] for name in sorted(wanted)}
    for name in list(out):
        out[name] = name_alternatives(name, out[name], out)
    for name, (item, description) in LISTS.items():
        if name in schemas:
            sys.exit(f"{name} is a component of {SPEC.name} already")
        out[name] = {"type": "array", "description": description,
                     "items": {"$ref": f"#/components/schemas/{item}"}}
    for name, description in EMPTY_BODIES.items():
        if name in schemas:
            sys.exit(f"{name} is a component of {SPEC.name} already")
        out[name] = {"type": "object", "description": description, "additionalProperties": False}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = ("# Generated by tools/openapi_components.py from Hyperswitch's v1 spec (the contract tests' copy):\n"
              "# do not edit by hand. micronaut-openapi merges it into the generated OpenAPI description.\n")
    OUT.write_text(header + yaml.safe_dump({"openapi": "3.0.1", "info": {"title": "tender", "version": "0.1"},
                                            "components": {"schemas": out}},
                                           sort_keys=False, allow_unicode=True, width=120))
    print(f"{len(out)} schemas written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
