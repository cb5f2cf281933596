"""The standard services: grpc.health.v1.Health and server reflection (v1alpha and v1)."""
import grpc

import reflection
from support import ScenarioFailed, check, expect_status

HEALTH = "/grpc.health.v1.Health"


def health_check(c):
    h = c.pb.health
    answer = c.unary(f"{HEALTH}/Check", h.HealthCheckResponse)(h.HealthCheckRequest(service=""), timeout=10)
    check(answer.status == h.HealthCheckResponse.SERVING, f"status {answer.status}")


def health_check_unknown_service(c):
    h = c.pb.health
    call = c.unary(f"{HEALTH}/Check", h.HealthCheckResponse)
    expect_status(grpc.StatusCode.NOT_FOUND, lambda: call(h.HealthCheckRequest(service="no.such.Service"), timeout=10))


def health_watch(c):
    h = c.pb.health
    stream = c.server_stream(f"{HEALTH}/Watch", h.HealthCheckResponse)(h.HealthCheckRequest(service=""), timeout=10)
    first = next(stream)
    check(first.status == h.HealthCheckResponse.SERVING, f"first Watch message: {first.status}")
    stream.cancel()
    expect_status(grpc.StatusCode.CANCELLED, lambda: next(stream))


def _reflection(c, messages, service):
    client = reflection.ReflectionClient(c.channel, messages.ServerReflectionRequest, messages.ServerReflectionResponse, service)
    services = client.list_services()
    for name in ("iom.directory.v1.DirectoryService", "grpc.health.v1.Health"):
        check(name in services, f"{name} missing from list_services: {services}")
    pool = client.pool_for("iom.directory.v1.DirectoryService")
    method = pool.FindServiceByName("iom.directory.v1.DirectoryService").methods_by_name["GetOffice"]
    request_class = reflection.message_class(pool, method.input_type.full_name)
    response_class = reflection.message_class(pool, method.output_type.full_name)
    office = c.unary("/iom.directory.v1.DirectoryService/GetOffice", response_class)(request_class(id="ro-cairo"), timeout=10)
    check(office.id == "ro-cairo" and office.provenance.source_document, f"decoded with reflected types: {office}")
    try:
        client.files_containing_symbol("no.such.Symbol")
    except reflection.ReflectionError as error:
        check(str(error).startswith("5:"), f"unknown symbol: {error}")
    else:
        raise ScenarioFailed("an unknown symbol was found")


def reflection_v1alpha(c):
    _reflection(c, c.pb.reflection_v1alpha, reflection.V1ALPHA)


def reflection_v1(c):
    _reflection(c, c.pb.reflection_v1, reflection.V1)


SCENARIOS = {f.__name__.replace("_", "-"): f for f in [
    health_check, health_check_unknown_service, health_watch, reflection_v1alpha, reflection_v1]}
