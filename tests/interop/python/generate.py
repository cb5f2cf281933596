"""Generates the Python message classes of every .proto the server serves, with Debian's protoc, into a folder.

    /usr/bin/python3 tests/interop/python/generate.py OUT_DIR

The interop tests run this once per fixture into a temporary folder; nothing generated is committed.
"""
import os
import subprocess
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
PROTO_ROOTS = [os.path.join(REPO, "protos"), os.path.join(REPO, "tests", "interop", "protos")]
WELL_KNOWN_TYPES = "/usr/include"  # google/protobuf/*.proto as Debian's protobuf-compiler installs them


def proto_files():
    for root in PROTO_ROOTS:
        for folder, _, names in os.walk(root):
            for name in sorted(names):
                if name.endswith(".proto"):
                    yield os.path.relpath(os.path.join(folder, name), root)


def generate(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    includes = [f"-I{root}" for root in PROTO_ROOTS + [WELL_KNOWN_TYPES]]
    command = ["protoc", *includes, f"--python_out={out_dir}", *sorted(proto_files())]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"protoc failed ({result.returncode}): {' '.join(command)}\n{result.stderr}")
    return out_dir


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: generate.py OUT_DIR")
    generate(sys.argv[1])
