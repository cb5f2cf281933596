"""Lists a gRPC server's services and methods through server reflection; needs no .proto file, only Debian's
python3-grpcio and python3-protobuf.

    /usr/bin/python3 tests/interop/python/grpc_list.py 127.0.0.1:5080
    /usr/bin/python3 tests/interop/python/grpc_list.py 127.0.0.1:5080 iom.directory.v1.DirectoryService/GetOffice
    /usr/bin/python3 tests/interop/python/grpc_list.py 127.0.0.1:5080 iom.directory.v1.Office

The first lists every service with its methods; the second shows a method's request and response fields (or a
message's fields); name a field's message type to see its fields in turn.
"""
import sys

import grpc
from google.protobuf import descriptor, descriptor_pb2, descriptor_pool

import reflection

_TYPE_NAMES = {v: k[len("TYPE_"):].lower() for k, v in descriptor.FieldDescriptor.__dict__.items() if k.startswith("TYPE_")}


def reflection_messages():
    """grpc.reflection.v1's request and response, the fields this tool uses, declared here instead of in a .proto."""
    f = descriptor_pb2.FileDescriptorProto(name="grpc_list/reflection.proto", package="grpc.reflection.v1", syntax="proto3")
    string, message, optional, repeated = (descriptor_pb2.FieldDescriptorProto.TYPE_STRING, descriptor_pb2.FieldDescriptorProto.TYPE_MESSAGE,
                                           descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL, descriptor_pb2.FieldDescriptorProto.LABEL_REPEATED)

    def add(name, *fields, oneof_name=None):
        m = f.message_type.add(name=name)
        for field_name, number, kind, label, type_name, oneof in fields:
            field = m.field.add(name=field_name, number=number, type=kind, label=label)
            if type_name:
                field.type_name = ".grpc.reflection.v1." + type_name
            if oneof is not None:
                field.oneof_index = oneof
        if oneof_name:
            m.oneof_decl.add(name=oneof_name)

    add("ServerReflectionRequest", ("host", 1, string, optional, None, None),
        ("file_containing_symbol", 4, string, optional, None, 0), ("list_services", 7, string, optional, None, 0), oneof_name="message_request")
    add("FileDescriptorResponse", ("file_descriptor_proto", 1, descriptor_pb2.FieldDescriptorProto.TYPE_BYTES, repeated, None, None))
    add("ServiceResponse", ("name", 1, string, optional, None, None))
    add("ListServiceResponse", ("service", 1, message, repeated, "ServiceResponse", None))
    add("ErrorResponse", ("error_code", 1, descriptor_pb2.FieldDescriptorProto.TYPE_INT32, optional, None, None),
        ("error_message", 2, string, optional, None, None))
    add("ServerReflectionResponse", ("valid_host", 1, string, optional, None, None),
        ("file_descriptor_response", 4, message, optional, "FileDescriptorResponse", 0),
        ("list_services_response", 6, message, optional, "ListServiceResponse", 0),
        ("error_response", 7, message, optional, "ErrorResponse", 0), oneof_name="message_response")
    pool = descriptor_pool.DescriptorPool()
    pool.Add(f)
    return (reflection.message_class(pool, "grpc.reflection.v1.ServerReflectionRequest"),
            reflection.message_class(pool, "grpc.reflection.v1.ServerReflectionResponse"))


def field_line(field):
    label = "repeated " if field.label == field.LABEL_REPEATED else ""
    kind = field.message_type.full_name if field.message_type else field.enum_type.full_name if field.enum_type else _TYPE_NAMES[field.type]
    return f"{label}{kind} {field.name} = {field.number};"


def describe_message(message):
    for field in message.fields:
        print(f"  {field_line(field)}")


def list_services(client):
    for name in client.list_services():
        print(name)
        if name.startswith("grpc.reflection."):
            continue  # the same file under two names; listing it is enough
        service = client.pool_for(name).FindServiceByName(name)
        for method in service.methods:
            stream_in = "stream " if method.client_streaming else ""
            stream_out = "stream " if method.server_streaming else ""
            print(f"  rpc {method.name}({stream_in}{method.input_type.full_name}) returns ({stream_out}{method.output_type.full_name})")


def describe(client, symbol):
    service_name, _, method_name = symbol.partition("/")
    pool = client.pool_for(service_name)
    if method_name:
        method = pool.FindServiceByName(service_name).methods_by_name.get(method_name)
        if method is None:
            raise reflection.ReflectionError(f"{service_name} has no method {method_name}")
        for role, message in (("request", method.input_type), ("response", method.output_type)):
            print(f"{role} {message.full_name}")
            describe_message(message)
    else:
        print(f"message {service_name}")
        describe_message(pool.FindMessageTypeByName(service_name))


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    request_type, response_type = reflection_messages()
    with grpc.insecure_channel(argv[1]) as channel:
        client = reflection.ReflectionClient(channel, request_type, response_type, reflection.V1)
        try:
            list_services(client) if len(argv) == 2 else describe(client, argv[2])
        except grpc.RpcError as error:
            print(f"grpc_list: {error.code().name}: {error.details()}", file=sys.stderr)
            return 1
        except (reflection.ReflectionError, KeyError) as error:
            print(f"grpc_list: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
