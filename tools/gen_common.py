"""What the data generators in tools/ share: the command line.

Each generator is `gen_x.py [SOURCE] [OUTPUT] [--check]`: it writes OUTPUT
from SOURCE, or with --check exits 1 when OUTPUT is stale.
"""
import os


def run(argv, generate, default_source, default_output, script):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    source = args[0] if args else default_source
    output = args[1] if len(args) > 1 else default_output
    text = generate(source)
    if check:
        current = open(output).read() if os.path.exists(output) else ""
        if current != text:
            print("%s is stale; run tools/%s" % (output, script))
            return 1
        return 0
    with open(output, "w") as f:
        f.write(text)
    return 0
