"""Python (grpcio) interop client for IomDirectory.

    /usr/bin/python3 tests/interop/python/interop_client.py TARGET SCENARIO [--generated DIR]
    /usr/bin/python3 tests/interop/python/interop_client.py --list

Exits 0 when the scenario passes, 1 with the reason on stderr when it fails. --generated names a folder that
generate.py filled; without it the messages are generated into a temporary folder first.
"""
import argparse
import sys
import traceback

import directory_scenarios
import protocol_scenarios
import standard_scenarios

SCENARIOS = {**directory_scenarios.SCENARIOS, **standard_scenarios.SCENARIOS, **protocol_scenarios.SCENARIOS}


def main():
    parser = argparse.ArgumentParser(description="Runs one interop scenario against an IomDirectory server.")
    parser.add_argument("target", nargs="?", help="host:port")
    parser.add_argument("scenario", nargs="?", choices=sorted(SCENARIOS))
    parser.add_argument("--generated", help="folder holding generate.py's output")
    parser.add_argument("--list", action="store_true", help="print the scenario names")
    args = parser.parse_args()
    if args.list:
        print("\n".join(SCENARIOS))
        return 0
    if not args.target or not args.scenario:
        parser.error("TARGET and SCENARIO are required")

    import support  # after argument parsing, so --help works without grpc installed
    client = support.Client(args.target, support.Generated(args.generated))
    try:
        SCENARIOS[args.scenario](client)
    except Exception as error:  # noqa: BLE001 -- every failure becomes exit 1 with its story
        print(f"FAIL {args.scenario} against {args.target}: {type(error).__name__}: {error}", file=sys.stderr)
        traceback.print_exc()
        return 1
    finally:
        client.close()
    print(f"PASS {args.scenario}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
