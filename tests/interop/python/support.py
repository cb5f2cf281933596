"""What every scenario of the Python interop client shares: the generated messages, unary and streaming calls
built from a method path alone (no grpc_tools stubs), and checks that fail with a message saying what was seen."""
import importlib.util
import os
import sys
import tempfile

import grpc

import generate


class ScenarioFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise ScenarioFailed(message)


class Generated:
    """The protoc output. iom.* and google.rpc.* import as packages; grpc.* would collide with the grpcio package
    itself, so those modules are loaded from their files."""

    def __init__(self, folder=None):
        self.folder = folder or generate.generate(tempfile.mkdtemp(prefix="iomdir-py-"))
        sys.path.insert(0, self.folder)
        from iom.directory.v1 import directory_pb2, common_pb2
        from google.rpc import status_pb2, error_details_pb2
        self.directory, self.common = directory_pb2, common_pb2
        self.status, self.error_details = status_pb2, error_details_pb2
        self.health = self._load("grpc/health/v1/health_pb2.py")
        self.reflection_v1 = self._load("grpc/reflection/v1/reflection_pb2.py")
        self.reflection_v1alpha = self._load("grpc/reflection/v1alpha/reflection_pb2.py")

    def _load(self, relative):
        name = "generated_" + relative[:-3].replace("/", "_")
        spec = importlib.util.spec_from_file_location(name, os.path.join(self.folder, relative))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module


class Client:
    def __init__(self, target, generated, **channel_options):
        self.target = target
        self.pb = generated
        self.channel = grpc.insecure_channel(target, **channel_options)

    def unary(self, path, response_type):
        return self.channel.unary_unary(path, request_serializer=lambda m: m.SerializeToString(),
                                        response_deserializer=response_type.FromString)

    def server_stream(self, path, response_type):
        return self.channel.unary_stream(path, request_serializer=lambda m: m.SerializeToString(),
                                         response_deserializer=response_type.FromString)

    def bidi(self, path, response_type):
        return self.channel.stream_stream(path, request_serializer=lambda m: m.SerializeToString(),
                                          response_deserializer=response_type.FromString)

    def directory(self, method, response_type):
        return self.unary(f"/iom.directory.v1.DirectoryService/{method}", response_type)

    def close(self):
        self.channel.close()


def expect_status(code, action):
    """Runs action, which must fail with this status code; returns the grpc.RpcError."""
    try:
        result = action()
    except grpc.RpcError as error:
        check(error.code() == code, f"expected {code.name}, got {error.code().name}: {error.details()!r}")
        return error
    raise ScenarioFailed(f"expected {code.name}, but the call succeeded with {result!r}")
