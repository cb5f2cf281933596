#!/usr/bin/env python3
"""Asks the directory whom to contact (SuggestContacts over HTTP/JSON), with nothing but the standard library.

    python3 suggest_contacts.py "Who handles cash-based interventions?" --country KE
    IOMDIR_TOKEN=... python3 suggest_contacts.py "..." --url https://directory.iom.int:5081

Prints one line per contact, best first; on an error, the google.rpc.Status message on stderr and exit code 1.
"""
import argparse
import json
import os
import sys
import urllib.error
import urllib.request


def suggest_contacts(base_url, query, country=None, max_results=5, token=None):
    body = {"query": query, "maxResults": max_results}
    if country:
        body["askerCountry"] = country
    request = urllib.request.Request(
        base_url.rstrip("/") + "/v1/contacts:suggest",
        data=json.dumps(body).encode("utf-8"),
        headers={"content-type": "application/json"},
        method="POST",
    )
    if token:
        request.add_header("authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("query")
    parser.add_argument("--country", help="ISO code or name of the asker's country")
    parser.add_argument("--max", type=int, default=5)
    parser.add_argument("--url", default=os.environ.get("IOMDIR_URL", "http://127.0.0.1:5081"))
    parser.add_argument("--token", default=os.environ.get("IOMDIR_TOKEN"), help="bearer token (default: $IOMDIR_TOKEN)")
    args = parser.parse_args()
    try:
        answer = suggest_contacts(args.url, args.query, args.country, args.max, args.token)
    except urllib.error.HTTPError as error:
        try:
            message = json.load(error)["message"]  # google.rpc.Status: code, message, details
        except (ValueError, KeyError):
            message = error.reason  # an answer from before the API (e.g. a proxy): no Status body
        print(f"error {error.code}: {message}", file=sys.stderr)
        return 1
    print(f"language: {answer['detectedLanguage']}, confident: {str(answer['confident']).lower()}")
    for rank, s in enumerate(answer["suggestions"], 1):
        address = s["email"] or (s.get("route") or {}).get("email", "") or "no address in the sources"
        print(f"{rank}. {s['displayName']} <{address}> ({s['contactKind']}, score {s['score']:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
