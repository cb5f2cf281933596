"""A server-reflection client that needs no .proto file of the server: it asks for the services, fetches the
FileDescriptorProtos that define a symbol, and builds message classes from them."""
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

V1 = "grpc.reflection.v1.ServerReflection"
V1ALPHA = "grpc.reflection.v1alpha.ServerReflection"


class ReflectionError(Exception):
    pass


class ReflectionClient:
    def __init__(self, channel, request_type, response_type, service=V1, timeout=10):
        self._request_type = request_type
        self._call = channel.stream_stream(f"/{service}/ServerReflectionInfo",
                                           request_serializer=lambda m: m.SerializeToString(),
                                           response_deserializer=response_type.FromString)
        self._timeout = timeout

    def ask(self, **fields):
        """One request on its own ServerReflectionInfo stream; the one answer, or ReflectionError for error_response."""
        answers = list(self._call(iter([self._request_type(**fields)]), timeout=self._timeout))
        if len(answers) != 1:
            raise ReflectionError(f"expected one answer to {fields}, got {len(answers)}")
        answer = answers[0]
        if answer.WhichOneof("message_response") == "error_response":
            raise ReflectionError(f"{answer.error_response.error_code}: {answer.error_response.error_message}")
        return answer

    def list_services(self):
        return [s.name for s in self.ask(list_services="").list_services_response.service]

    def files_containing_symbol(self, symbol):
        blobs = self.ask(file_containing_symbol=symbol).file_descriptor_response.file_descriptor_proto
        return [descriptor_pb2.FileDescriptorProto.FromString(blob) for blob in blobs]

    def pool_for(self, symbol):
        """A fresh descriptor pool holding the file that defines symbol and everything it imports."""
        return build_pool(self.files_containing_symbol(symbol))


def build_pool(files):
    pool, pending, added = descriptor_pool.DescriptorPool(), list(files), set()
    while pending:
        ready = [f for f in pending if all(d in added for d in f.dependency)]
        if not ready:
            missing = sorted({d for f in pending for d in f.dependency if d not in added})
            raise ReflectionError(f"the server did not send these imported files: {missing}")
        for f in ready:
            pool.Add(f)
            added.add(f.name)
            pending.remove(f)
    return pool


def message_class(pool, full_name):
    descriptor = pool.FindMessageTypeByName(full_name)
    if hasattr(message_factory, "GetMessageClass"):  # protobuf >= 4.22
        return message_factory.GetMessageClass(descriptor)
    return message_factory.MessageFactory(pool).GetPrototype(descriptor)
