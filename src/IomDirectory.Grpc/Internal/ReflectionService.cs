using Google.Protobuf;
using IomDirectory.Grpc.Reflection.V1;
using Microsoft.Extensions.DependencyInjection;
using V1Alpha = IomDirectory.Grpc.Reflection.V1Alpha;

namespace IomDirectory.Grpc.Internal;

/// <summary>
/// grpc.reflection.v1 and v1alpha ServerReflectionInfo. Both versions share one wire format, so v1alpha messages
/// are re-parsed as v1 and answered by the same code.
/// </summary>
internal sealed class ReflectionService(GrpcServiceRegistry registry)
{
    private readonly Lazy<ReflectionIndex> _index = new(() => new ReflectionIndex(registry));

    public static void BindV1(GrpcServiceBinder binder) =>
        binder.DuplexStreaming<ServerReflectionRequest, ServerReflectionResponse>("ServerReflectionInfo", async (requests, responses, context) =>
        {
            var service = context.RequestServices.GetRequiredService<ReflectionService>();
            while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
            {
                await responses.WriteAsync(service.Answer(requests.Current)).ConfigureAwait(false);
            }
        });

    public static void BindV1Alpha(GrpcServiceBinder binder) =>
        binder.DuplexStreaming<V1Alpha.ServerReflectionRequest, V1Alpha.ServerReflectionResponse>("ServerReflectionInfo", async (requests, responses, context) =>
        {
            var service = context.RequestServices.GetRequiredService<ReflectionService>();
            while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
            {
                var request = ServerReflectionRequest.Parser.ParseFrom(requests.Current.ToByteString());
                var answer = service.Answer(request);
                await responses.WriteAsync(V1Alpha.ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString())).ConfigureAwait(false);
            }
        });

    public ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var index = _index.Value;
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                var list = new ListServiceResponse();
                foreach (var name in index.ServiceNames)
                {
                    list.Service.Add(new ServiceResponse { Name = name });
                }

                response.ListServicesResponse = list;
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFile(response, index.FindFileByName(request.FileByFilename), $"File not found: {request.FileByFilename}");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFile(response, index.FindFileBySymbol(request.FileContainingSymbol), $"Symbol not found: {request.FileContainingSymbol}");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                if (index.IsMessage(request.AllExtensionNumbersOfType))
                {
                    response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType };
                }
                else
                {
                    SetError(response, StatusCode.NotFound, $"Type not found: {request.AllExtensionNumbersOfType}");
                }

                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                SetError(response, StatusCode.NotFound, $"Extension not found: {request.FileContainingExtension.ContainingType}");
                break;
            default:
                SetError(response, StatusCode.Unimplemented, "Unsupported reflection request.");
                break;
        }

        return response;
    }

    private static void SetFile(ServerReflectionResponse response, Google.Protobuf.Reflection.FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }

        var files = new FileDescriptorResponse();
        foreach (var item in ReflectionIndex.WithDependencies(file))
        {
            files.FileDescriptorProto.Add(item.SerializedData);
        }

        response.FileDescriptorResponse = files;
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
