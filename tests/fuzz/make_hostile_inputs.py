#!/usr/bin/env python3
"""Writes large hand-made hostile inputs for the frontend fuzzer.

    tests/fuzz/make_hostile_inputs.py /tmp/hostile
    build-fuzz/tests/fuzz/isobar_frontend_fuzzer -timeout=10 \
        -rss_limit_mb=2048 /tmp/hostile/*

    build-fuzz/isobar lint /tmp/hostile/ybom_json.yaml

Running the fuzzer binary on files executes each once, with every
invariant and sanitizer check, and no size limit. The fuzzer picks the
reader from the content's first byte, not from the file name, so cases
whose name matters (a BOM and JSON in a `.yaml` file) are also run through
the sanitized CLI that the fuzz build makes. These inputs are too big for
a repository or for mutation, so they are generated.
"""
import os
import sys

HOT = "heat_template_version: 2021-04-16\n"
RESOURCE = "resources:\n  r:\n    type: OS::Heat::None\n"
CFN_JSON = ('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": '
            '{"B": {"Type": "AWS::S3::Bucket"}}}')


def cases():
    # 100k list items, as the root and inside a template.
    yield "seq_100k_items.yaml", "- a\n" * 100_000
    yield "seq_100k_nulls.yaml", "- \n" * 100_000
    yield "seq_100k_in_template.yaml", (
        HOT + RESOURCE + "    properties:\n      list:\n"
        + "        - x\n" * 100_000)
    # A 1 MB scalar on one line: plain, quoted, folded over lines, and a key.
    big = "a" * (1 << 20)
    yield "long_plain.yaml", HOT + RESOURCE + "description: " + big + "\n"
    yield "long_quoted.yaml", HOT + RESOURCE + 'description: "' + big + '"\n'
    yield "long_single_quoted.yaml", (
        HOT + RESOURCE + "description: '" + "it''s " * (1 << 17) + "'\n")
    yield "long_multiline_plain.yaml", (
        HOT + RESOURCE + "description: start\n" + "  word\n" * 100_000)
    yield "long_block.yaml", (
        HOT + RESOURCE + "description: |\n" + ("  " + "b" * 1000 + "\n") * 1000)
    yield "long_unclosed_quote.yaml", HOT + 'description: "' + big
    yield "long_key_1mb.yaml", HOT + RESOURCE + big + ": 1\n"
    yield "long_json_string.json", (
        '{"AWSTemplateFormatVersion": "2010-09-09", "Description": "' + big
        + '", "Resources": {"B": {"Type": "AWS::S3::Bucket"}}}')
    # Keys of 2000 characters (YAML's implicit keys stop at 1024).
    k = "k" * 2000
    yield "key_2000.yaml", HOT + RESOURCE + k + ": 1\n"
    yield "key_2000_quoted.yaml", HOT + RESOURCE + '"' + k + '": 1\n'
    yield "key_2000_resource.yaml", (
        HOT + "resources:\n  " + k + ":\n    type: OS::Heat::None\n")
    yield "key_2000_flow.yaml", HOT + RESOURCE + "x: {" + k + ": 1}\n"
    yield "key_2000_explicit.yaml", HOT + RESOURCE + "? " + k + "\n: 1\n"
    yield "key_2000.json", (
        '{"AWSTemplateFormatVersion": "2010-09-09", "' + k + '": 1, '
        '"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}')
    # 10k anchors, each aliased; and one name anchored 10k times.
    lines = [HOT, RESOURCE, "parameter_defaults_like:\n"]
    lines += [f"  a{i}: &a{i} v{i}\n" for i in range(10_000)]
    lines += ["aliases:\n"] + [f"  - *a{i}\n" for i in range(10_000)]
    yield "anchors_10k.yaml", "".join(lines)
    yield "anchors_10k_same_name.yaml", (
        HOT + RESOURCE + "x:\n" + "".join(
            f"  k{i}: &a [*a]\n" if i else "  k0: &a 1\n"
            for i in range(10_000)))
    yield "anchors_10k_flow.yaml", (
        HOT + RESOURCE + "x: [" + ", ".join(
            f"&a{i} {i}" for i in range(10_000)) + "]\n")
    # Merge keys: a chain, where mapping i merges mapping i - 1, so the
    # merged entries grow as the square of the input.
    for n in (100, 1000, 5000):
        chain = [HOT, RESOURCE, "m:\n", "  m0: &m0 {k0: 0}\n"]
        chain += [f"  m{i}: &m{i} {{<<: *m{i - 1}, k{i}: {i}}}\n"
                  for i in range(1, n)]
        yield f"merge_chain_{n}.yaml", "".join(chain)
    # Merge keys nested in block style, each level merging the previous.
    nested = [HOT, RESOURCE, "m0: &m0\n  k0: 0\n"]
    for i in range(1, 2000):
        nested.append(f"m{i}: &m{i}\n  <<: *m{i - 1}\n  k{i}: {i}\n")
    yield "merge_nested_block_2000.yaml", "".join(nested)
    # One mapping merging a list of 10k mappings, and a merge of itself.
    many = [HOT, RESOURCE, "src:\n"]
    many += [f"  - &s{i} {{k{i}: {i}, shared: {i}}}\n" for i in range(10_000)]
    many.append("dst:\n  <<: [" + ", ".join(f"*s{i}" for i in range(10_000))
                + "]\n")
    yield "merge_list_10k.yaml", "".join(many)
    yield "merge_self.yaml", HOT + RESOURCE + "a: &a\n  <<: *a\n"
    yield "merge_deep.yaml", (
        HOT + RESOURCE + "x: " + "{<<: " * 200 + "{k: v}" + "}" * 200 + "\n")
    # Line endings: CRLF everywhere, lone CR, mixed.
    template = (HOT + "description: |\n  block\n  text\nparameters:\n"
                "  p:\n    type: string\n    default: \"quoted\n      "
                "folded\"\n" + RESOURCE + "    properties:\n      a: [1,\n"
                "        2]\n      b: plain\n        continued\n"
                "outputs:\n  o:\n    value: {get_param: p}\n    bad: 1\n")
    yield "crlf.yaml", template.replace("\n", "\r\n")
    yield "cr_only.yaml", template.replace("\n", "\r")
    yield "mixed_endings.yaml", "".join(
        line + ("\r\n", "\r", "\n")[i % 3]
        for i, line in enumerate(template.split("\n")))
    yield "crlf.json", CFN_JSON.replace(", ", ",\r\n")
    yield "cr_only.json", CFN_JSON.replace(", ", ",\r")
    # A byte-order mark followed by JSON, named either way; BOM + CRLF.
    yield "bom.json", "\ufeff" + CFN_JSON
    yield "ybom_json.yaml", "\ufeff" + CFN_JSON
    yield "bom_crlf.yaml", "\ufeff" + template.replace("\n", "\r\n")
    yield "bom_only.yaml", "\ufeff"
    yield "bom_bom.json", "\ufeff\ufeff" + CFN_JSON
    # Invalid UTF-8: refused by CheckSourceText before any reader.
    yield "invalid_utf8.yaml", HOT.encode() + b"description: \xff\xfe\n"
    yield "invalid_utf8_overlong.json", b'{"a": "\xc0\xaf"}'
    yield "invalid_utf8_surrogate.yaml", HOT.encode() + b"d: \xed\xa0\x80\n"
    yield "invalid_utf8_truncated.yaml", HOT.encode() + b"d: \xe2\x82"
    # Deep nesting just under and over the limit, both syntaxes.
    yield "deep_flow_255.yaml", "[" * 255 + "]" * 255
    yield "deep_flow_300.yaml", "[" * 300 + "]" * 300
    yield "deep_block_300.yaml", "".join(
        " " * i + "- \n" for i in range(300))
    yield "deep_json_1100.json", "[" * 1100 + "]" * 1100
    yield "deep_unclosed_100k.json", "[" * 100_000


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/isobar-hostile"
    os.makedirs(out, exist_ok=True)
    for name, text in cases():
        data = text if isinstance(text, bytes) else text.encode()
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print(f"wrote {len(list(cases()))} files to {out}")


if __name__ == "__main__":
    main()
