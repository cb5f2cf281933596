using Google.Protobuf;
using Google.Protobuf.Reflection;
using IomDirectory.Grpc.Reflection.V1;
using IomDirectory.Grpc.Tests.Infrastructure;
using IomDirectory.Grpc.Tests.Testing;
using V1Alpha = IomDirectory.Grpc.Reflection.V1Alpha;

namespace IomDirectory.Grpc.Tests;

public sealed class ReflectionTests : ServerTestBase
{
    private const string V1Path = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo";
    private const string V1AlphaPath = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";

    [Test]
    public async Task ListServices_ReturnsEveryRegisteredService()
    {
        var replies = await AskAsync(V1Path, new ServerReflectionRequest { Host = "h", ListServices = "" });

        Assert.That(replies.Single().ListServicesResponse.Service.Select(s => s.Name), Is.EquivalentTo(new[]
        {
            "test.v1.EchoService", "test.v1.UnboundService", "grpc.health.v1.Health",
            "grpc.reflection.v1alpha.ServerReflection", "grpc.reflection.v1.ServerReflection",
        }));
        Assert.That(replies[0].ValidHost, Is.EqualTo("h"));
        Assert.That(replies[0].OriginalRequest.ListServices, Is.Empty);
        Assert.That(replies[0].OriginalRequest.MessageRequestCase, Is.EqualTo(ServerReflectionRequest.MessageRequestOneofCase.ListServices));
    }

    [Test]
    public async Task ListServices_OnV1Alpha_Works()
    {
        var frame = RawGrpc.Frame(new V1Alpha.ServerReflectionRequest { ListServices = "*" });

        var response = await RawGrpc.SendAsync(Http, V1AlphaPath, frame);
        var reply = V1Alpha.ServerReflectionResponse.Parser.ParseFrom(response.Messages().Single().Payload);

        Assert.That(reply.ListServicesResponse.Service.Select(s => s.Name), Does.Contain("test.v1.EchoService"));
    }

    [TestCase("test.v1.EchoService")]
    [TestCase("test.v1.EchoService.Echo")]
    [TestCase("test.v1.EchoReply")]
    [TestCase("test.v1.Mood")]
    public async Task FileContainingSymbol_ReturnsDefiningFileThatDecodesResponses(string symbol)
    {
        var replies = await AskAsync(V1Path, new ServerReflectionRequest { FileContainingSymbol = symbol });
        var files = replies.Single().FileDescriptorResponse.FileDescriptorProto;
        var descriptors = FileDescriptor.BuildFromByteStrings(DependenciesFirst(files));
        var replyType = descriptors.Select(f => f.FindTypeByName<MessageDescriptor>("EchoReply")).First(d => d is not null);
        var bytes = new EchoReply { Message = "decoded" }.ToByteArray();

        var decoded = DecodeStrings(replyType, bytes);

        Assert.That(files.Select(f => FileDescriptorProtoName(f)), Is.Unique);
        Assert.That(decoded["message"], Is.EqualTo("decoded"));
    }

    [Test]
    public async Task FileContainingSymbol_IncludesTransitiveDependenciesInTheSameResponse()
    {
        var replies = await AskAsync(V1Path, new ServerReflectionRequest { FileContainingSymbol = "test.v1.EchoService" });

        var names = replies.Single().FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProtoName).ToList();
        Assert.That(names, Is.EqualTo(new[] { "testing/echo.proto", "google/protobuf/timestamp.proto" }));
    }

    [Test]
    public async Task FileContainingSymbol_ForTypeOutsideRegisteredFiles_IsNotFound()
    {
        var replies = await AskAsync(V1Path, new ServerReflectionRequest { FileContainingSymbol = "google.rpc.Status" });

        Assert.That(replies.Single().ErrorResponse.ErrorCode, Is.EqualTo(5));
    }

    [Test]
    public async Task FileByFilename_ReturnsTheFile()
    {
        var replies = await AskAsync(V1Path, new ServerReflectionRequest { FileByFilename = "grpc/health/v1/health.proto" });

        var files = FileDescriptor.BuildFromByteStrings(DependenciesFirst(replies.Single().FileDescriptorResponse.FileDescriptorProto));
        Assert.That(files.Select(f => f.Name), Does.Contain("grpc/health/v1/health.proto"));
    }

    [Test]
    public async Task UnknownSymbolAndFile_AreNotFoundErrorsInsideTheStream()
    {
        var replies = await AskAsync(V1Path,
            new ServerReflectionRequest { FileContainingSymbol = "no.such.Symbol" },
            new ServerReflectionRequest { FileByFilename = "no/such.proto" },
            new ServerReflectionRequest { ListServices = "" });

        Assert.Multiple(() =>
        {
            Assert.That(replies, Has.Count.EqualTo(3));
            Assert.That(replies[0].ErrorResponse.ErrorCode, Is.EqualTo(5));
            Assert.That(replies[1].ErrorResponse.ErrorCode, Is.EqualTo(5));
            Assert.That(replies[2].ListServicesResponse, Is.Not.Null);
        });
    }

    private async Task<List<ServerReflectionResponse>> AskAsync(string path, params ServerReflectionRequest[] requests)
    {
        var response = await RawGrpc.SendAsync(Http, path, requests.Select(r => RawGrpc.Frame(r)).ToArray());
        Assert.That(response.GrpcStatus, Is.EqualTo("0"));
        return response.Messages().Select(m => ServerReflectionResponse.Parser.ParseFrom(m.Payload)).ToList();
    }

    /// <summary>The server sends the requested file first (as grpc C++ does); BuildFromByteStrings wants dependencies first.</summary>
    private static List<ByteString> DependenciesFirst(IEnumerable<ByteString> files)
    {
        var pending = files.Select(f => (Bytes: f, Proto: FileDescriptorProto.Parser.ParseFrom(f))).ToList();
        var placed = new HashSet<string>();
        var ordered = new List<ByteString>();
        while (pending.Count > 0)
        {
            var next = pending.First(p => p.Proto.Dependency.All(placed.Contains));
            pending.Remove(next);
            placed.Add(next.Proto.Name);
            ordered.Add(next.Bytes);
        }

        return ordered;
    }

    private static string FileDescriptorProtoName(ByteString bytes) =>
        Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes).Name;

    /// <summary>Google.Protobuf has no dynamic message: decode string fields by walking the wire with the descriptor.</summary>
    private static Dictionary<string, string> DecodeStrings(MessageDescriptor type, byte[] bytes)
    {
        var result = new Dictionary<string, string>();
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var field = type.FindFieldByNumber(WireFormat.GetTagFieldNumber(tag));
            if (field?.FieldType == FieldType.String)
            {
                result[field.Name] = input.ReadString();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return result;
    }
}
