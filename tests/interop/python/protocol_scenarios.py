"""The transport's side of the contract: deadlines, cancellation, unknown methods, rich errors, metadata, gzip."""
import grpc

from support import check, expect_status

DIRECTORY = "/iom.directory.v1.DirectoryService"


def _get_office(c, **call_options):
    d = c.pb.directory
    office, call = c.directory("GetOffice", c.pb.common.Office).with_call(d.GetOfficeRequest(id="ro-cairo"), timeout=10, **call_options)
    check(office.id == "ro-cairo" and office.city == "Cairo", f"response did not decode: {office}")
    return call


def deadline_exceeded(c):
    d = c.pb.directory
    subtree = c.server_stream(f"{DIRECTORY}/GetSubtree", d.SubtreeNode)
    _get_office(c)  # connected first, so the short deadline runs against the server, not the connection
    expect_status(grpc.StatusCode.DEADLINE_EXCEEDED, lambda: list(subtree(d.GetSubtreeRequest(), timeout=0.001)))
    _get_office(c)


def stream_cancelled(c):
    d = c.pb.directory
    stream = c.server_stream(f"{DIRECTORY}/GetSubtree", d.SubtreeNode)(d.GetSubtreeRequest(), timeout=10)
    first = next(stream)
    check(first.depth == 0, f"first node: {first}")
    stream.cancel()
    expect_status(grpc.StatusCode.CANCELLED, lambda: list(stream))
    _get_office(c)


def unknown_method(c):
    call = c.unary(f"{DIRECTORY}/NoSuchMethod", c.pb.common.Office)
    expect_status(grpc.StatusCode.UNIMPLEMENTED, lambda: call(c.pb.directory.GetOfficeRequest(id="ro-cairo"), timeout=10))


def unknown_service(c):
    call = c.unary("/iom.directory.v1.NoSuchService/GetOffice", c.pb.common.Office)
    expect_status(grpc.StatusCode.UNIMPLEMENTED, lambda: call(c.pb.directory.GetOfficeRequest(id="ro-cairo"), timeout=10))


def invalid_argument(c):
    call = c.directory("GetUnit", c.pb.common.Unit)
    error = expect_status(grpc.StatusCode.INVALID_ARGUMENT, lambda: call(c.pb.directory.GetUnitRequest(id=""), timeout=10))
    check("id" in error.details(), f"details do not name the field: {error.details()!r}")
    trailers = dict(error.trailing_metadata() or ())
    check("grpc-status-details-bin" in trailers, f"no grpc-status-details-bin in {sorted(trailers)}")
    status = c.pb.status.Status.FromString(trailers["grpc-status-details-bin"])
    check(status.code == grpc.StatusCode.INVALID_ARGUMENT.value[0], f"google.rpc.Status code {status.code}")
    bad_requests = [c.pb.error_details.BadRequest() for d in status.details if d.Is(c.pb.error_details.BadRequest.DESCRIPTOR)]
    check(len(bad_requests) == 1, f"no google.rpc.BadRequest among {[d.type_url for d in status.details]}")
    next(d for d in status.details if d.Is(bad_requests[0].DESCRIPTOR)).Unpack(bad_requests[0])
    fields = [v.field for v in bad_requests[0].field_violations]
    check("id" in fields, f"field violations: {fields}")


def metadata_round_trip(c):
    call = _get_office(c, metadata=[("x-request-id", "abc-123"), ("x-trace-bin", b"\x00\x01\xfe\xff")])
    headers = dict(call.initial_metadata())
    check(headers.get("x-request-id") == "abc-123", f"x-request-id not echoed; initial metadata: {headers}")


def gzip_request(c):
    # grpc-core sends a message uncompressed when gzip would not shrink it, so the request must be compressible.
    d = c.pb.directory
    query = " ".join(["tresorerie"] * 40)
    answer = c.directory("SearchDirectory", d.SearchDirectoryResponse)(
        d.SearchDirectoryRequest(query=query), timeout=10, compression=grpc.Compression.Gzip)
    check(any(h.id == "treasury-division" for h in answer.hits), f"hits: {[h.id for h in answer.hits]}")
    _get_office(c, compression=grpc.Compression.Gzip)


def gzip_accepted_uncompressed_request(c):
    # grpcio lists identity,deflate,gzip in grpc-accept-encoding; the request itself goes uncompressed.
    _get_office(c, compression=grpc.Compression.NoCompression)
    d = c.pb.directory
    nodes = list(c.server_stream(f"{DIRECTORY}/GetSubtree", d.SubtreeNode)(d.GetSubtreeRequest(id="dhrr"), timeout=10))
    check(len(nodes) > 1 and nodes[0].unit.id == "dhrr", f"subtree: {nodes[:1]}")


SCENARIOS = {f.__name__.replace("_", "-"): f for f in [
    deadline_exceeded, stream_cancelled, unknown_method, unknown_service, invalid_argument, metadata_round_trip,
    gzip_request, gzip_accepted_uncompressed_request]}
